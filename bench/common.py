"""What every benchmark script shares: the machine it ran on and its section of RESULTS.md."""

from __future__ import annotations

import math
import platform
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (with 15 runs, p95 is the slowest run)."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(pct / 100 * len(ordered))) - 1]


def timed(work: Callable[..., object], *args: object) -> float:
    """Milliseconds ``work(*args)`` took."""
    start = time.perf_counter()
    work(*args)
    return (time.perf_counter() - start) * 1000


HEADER = (
    "# Benchmark results\n\n"
    "Written by the scripts in bench/ (see bench/README.md); each section is replaced "
    "when its script runs again.\n\n"
)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ram() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "?"


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def replace_section(path: Path, name: str, section: str) -> None:
    """Put ``section`` (which carries its own ``<!-- name:begin/end -->`` markers) in place of
    the old one, or append it; other scripts' sections stay."""
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1].lstrip("\n")
        text = head + section + ("\n" + tail if tail else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def reproduce(lead: str, command: str, name: str) -> list[str]:
    """The last lines of section ``name``: ``lead`` (a sentence ending in "Reproduce:"), the
    command in a shell block, and the section's end marker."""
    return [lead, "", "```sh", command, "```", f"<!-- {name}:end -->"]


def empty_database(db_url: str | None, folder: str) -> Any:
    """The engine of an empty database with the schema: ``db_url`` (``--db``, an empty
    database), else a SQLite file in ``folder``. The product is imported only here, so the
    scripts that never open a database (start-up, PDF) do not pay for it."""
    from db.engine import make_engine
    from db.migrate import ensure_schema

    engine = make_engine(db_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
    ensure_schema(engine, None)
    return engine

"""Start-up benchmark: ``frontdesk gui --smoke`` against a bare PySide6 window, as whole processes.

(a) ``frontdesk gui --smoke`` on a demo database: start Python, import, first paint of the
    program's first window (the login), exit. With ``--screen main``:
    ``frontdesk gui --smoke --user zhangwei``: also open the database, log in, build the clerk's
    main window and paint it (the start plus "login to a filled start screen").
(b) ``bench/bare_window.py``: start Python, import QtWidgets, show an empty QMainWindow, first
    paint, exit. The floor for any PySide6 program on this machine.

Both run off screen (``QT_QPA_PLATFORM=offscreen``), alternating a, b, a, b, ... so that drift in
the machine's speed hits both alike. The wall time of each process (spawn to exit) is measured
here; the app's own JSON line adds where its time went. The figure that matters is the ratio of
the medians a/b: the project's goal is a start no slower than 3x the bare window.

    python bench/startup.py                      # 15 runs each, updates bench/RESULTS.md
    python bench/startup.py --runs 30
    python bench/startup.py --quick --max-ratio 4  # 5 runs each; exit 1 if a/b > 4 (CI)
    python bench/startup.py --frontdesk dist/frontdesk/frontdesk --label frozen

See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

# bench/common.py (the script's own folder)
from common import RESULTS, cpu_model, percentile, ram, replace_section, reproduce

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BARE = BENCH / "bare_window.py"
USER = "zhangwei"
PASSWORD = "demo-2026"
ADMIN_PASSWORD = "admin-2026"
RUN_TIMEOUT_S = 120
PIECES = (
    "imports_ms",
    "qt_ms",
    "login_paint_ms",
    "db_ms",
    "login_ms",
    "enter_ms",
    "first_paint_ms",
)
# Packages that must not be imported before the main window's first paint: they serve
# printing, export and charts, which a counter clerk opens later, if ever.
HEAVY = (
    "reportlab",
    "openpyxl",
    "qrcode",
    "PIL",
    "numpy",
    "pandas",
    "matplotlib",
    "cryptography",
    "PySide6.QtCharts",
    "PySide6.QtPdf",
    "PySide6.QtWebEngineCore",
)


TITLES = {
    "main": "login, then the main window",
    "clerk": "through the login window, then the main window",
}


class BenchError(RuntimeError):
    pass


@dataclass
class ImportRow:
    name: str
    self_ms: float
    cumulative_ms: float
    children: list[ImportRow]


@dataclass
class Series:
    name: str
    command: list[str]
    walls_ms: list[float] = field(default_factory=list)
    reports: list[dict[str, object]] = field(default_factory=list)

    def piece_medians(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for key in PIECES:
            values = [float(r[key]) for r in self.reports if isinstance(r.get(key), int | float)]
            if values:
                out[key] = statistics.median(values)
        return out


def run_program(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """One run from the source tree, its output captured; a failure is the caller's to judge."""
    return subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
    )


def default_frontdesk() -> list[str]:
    script = Path(sys.executable).with_name("frontdesk.exe" if os.name == "nt" else "frontdesk")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "cli"]  # source checkout without the console script


def make_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTDESK_")}
    # Measure what is deployed: an installed or frozen program runs from cached bytecode. With
    # PYTHONDONTWRITEBYTECODE set (as in some sandboxes and CI images) every run would compile
    # the project's modules again; cache them in the temporary folder instead of the tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        FRONTDESK_HOME=str(home / "data"),
        FRONTDESK_PASSWORD=PASSWORD,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),  # QSettings: no window number from the real profile
        PYTHONPYCACHEPREFIX=str(home / "pycache"),
    )
    return env


def run_once(series: Series, env: dict[str, str]) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    proc = run_program(series.command, env)
    wall_ms = (time.perf_counter() - started) * 1000
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    report: dict[str, object] = json.loads(lines[-1]) if lines else {}
    if proc.returncode != 0 or report.get("ok") is not True:
        raise BenchError(
            f"{series.name} failed (exit {proc.returncode}): {shlex.join(series.command)}\n"
            f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
        )
    return wall_ms, report


def prepare_database(frontdesk: list[str], env: dict[str, str]) -> None:
    proc = run_program([*frontdesk, "init", "--demo", "--admin-password", ADMIN_PASSWORD], env)
    if proc.returncode != 0:
        raise BenchError(f"frontdesk init failed:\n{proc.stdout}\n{proc.stderr}")


def machine() -> dict[str, str]:
    cpu, memory = cpu_model(), ram()
    try:
        nproc = str(len(os.sched_getaffinity(0)))
    except AttributeError:
        nproc = str(os.cpu_count())
    try:
        pyside = metadata.version("PySide6-Essentials")
    except metadata.PackageNotFoundError:
        try:
            pyside = metadata.version("PySide6")
        except metadata.PackageNotFoundError:
            pyside = "?"
    try:
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        load = "?"
    return {
        "load": load,
        "nproc": nproc,
        "cpu": cpu,
        "ram": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyside6": pyside,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def display(command: list[str]) -> str:
    """The command as a reader would type it: program names without their folders."""
    first = Path(command[0]).name
    if first.startswith("python") and command[1:2] == ["-m"]:
        return shlex.join(["python", *command[1:]])
    return shlex.join([first, *command[1:]])


def summarize(series: Series) -> dict[str, float]:
    walls = series.walls_ms
    return {
        "median": statistics.median(walls),
        "p95": percentile(walls, 95),
        "min": min(walls),
        "max": max(walls),
    }


def render_section(
    label: str, a: Series, b: Series, runs: int, command: str, m: dict[str, str]
) -> str:
    sa, sb = summarize(a), summarize(b)
    ratio = sa["median"] / sb["median"]
    ratio_p95 = sa["p95"] / sb["p95"]
    pieces = a.piece_medians()
    lines = [
        f"<!-- startup:{label}:begin -->",
        f"## Start-up: frontdesk vs bare window ({label}: "
        f"{TITLES.get(label.rsplit('-', 1)[-1], 'first window')})",
        "",
        f"Measured {m['date']} on {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, {m['os']}; "
        f"Python {m['python']}, PySide6 {m['pyside6']}. {runs} runs each, alternating, "
        "offscreen, whole processes (spawn to exit). Load average when the runs began: "
        f"{m['load']} (other work on the machine inflates both series).",
        "",
        "| | median ms | p95 ms | min ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| (a) `{display(a.command)}` | {sa['median']:.0f} | {sa['p95']:.0f} | "
        f"{sa['min']:.0f} | {sa['max']:.0f} |",
        f"| (b) `bench/bare_window.py` | {sb['median']:.0f} | {sb['p95']:.0f} | "
        f"{sb['min']:.0f} | {sb['max']:.0f} |",
        "",
        f"**Ratio a/b: {ratio:.2f}** (medians; p95 ratio {ratio_p95:.2f}). "
        + (
            "Goal: <= 3 for what the clerk waits for after Enter (next line); this whole "
            "process includes the database open that the login window hides."
            if wait_line(a, b)
            else "Goal: <= 3."
        ),
        "",
    ]
    if wait_line(a, b):
        lines += [wait_line(a, b), ""]
    if pieces:
        cumulative = " -> ".join(f"{k.removesuffix('_ms')} {v:.0f}" for k, v in pieces.items())
        exit_ms = sa["median"] - pieces.get("first_paint_ms", 0.0)
        lines += [
            "Where (a) spends its time (medians of the smoke JSON, ms since `cli.main` was "
            f"imported, cumulative): {cumulative}. Process start before that plus exit "
            f"after the paint: ~{exit_ms:.0f} ms.",
            "",
        ]
    lines += [
        *reproduce("Reproduce:", command, f"startup:{label}"),
    ]
    return "\n".join(lines) + "\n"


def profile_imports(env: dict[str, str], top: int = 8) -> int:
    """One ``-X importtime`` smoke run: the costliest imports, and any HEAVY one (exit 1)."""
    command = [sys.executable, "-X", "importtime", "-m", "cli", "gui", "--smoke", "--user", USER]
    proc = run_program(command, env)
    if proc.returncode != 0:
        raise BenchError(f"importtime run failed:\n{proc.stdout}\n{proc.stderr[-3000:]}")
    rows: list[ImportRow] = []
    pending: dict[int, list[ImportRow]] = {}  # importtime prints children before parents
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        fields = line[len("import time:") :].split("|", 2)
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue  # the header line
        self_us, cumulative_us, name = fields
        name = name.rstrip()
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        row = ImportRow(
            name.strip(), int(self_us) / 1000, int(cumulative_us) / 1000, pending.pop(depth + 1, [])
        )
        pending.setdefault(depth, []).append(row)
        rows.append(row)
    total_ms = sum(r.self_ms for r in rows)
    print(
        f"-X importtime, one smoke run: {len(rows)} modules, {total_ms:.0f} ms of imports "
        "(importtime inflates them a little)"
    )
    print("top-level imports by cumulative ms (self ms), with what they pull in over 5 ms:")

    def show(row: ImportRow, level: int) -> None:
        print(f"  {row.cumulative_ms:7.1f} ({row.self_ms:5.1f})  {'  ' * level}{row.name}")
        if level < 3:
            for child in sorted(row.children, key=lambda r: -r.cumulative_ms):
                if child.cumulative_ms >= 5:
                    show(child, level + 1)

    for row in sorted(pending.get(0, []), key=lambda r: -r.cumulative_ms)[:top]:
        show(row, 0)
    loaded = {r.name for r in rows}
    heavy = sorted(h for h in HEAVY if h in loaded)
    if heavy:
        print(f"FAIL: imported before the first paint: {', '.join(heavy)}", file=sys.stderr)
        return 1
    print(f"ok: none of {', '.join(HEAVY)} imported at start")
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15, help="runs of each process (default 15)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="5 runs each, no RESULTS.md update; exit 1 if a/b > --max-ratio",
    )
    parser.add_argument(
        "--max-ratio",
        type=float,
        default=3.0,
        help="with --quick: the highest a/b median ratio that passes (default 3.0)",
    )
    parser.add_argument(
        "--frontdesk",
        help="the frontdesk executable to measure (default: the "
        "venv's frontdesk script; e.g. a frozen dist/frontdesk/frontdesk)",
    )
    parser.add_argument(
        "--label",
        default=None,
        help="RESULTS.md section name (default: 'source', or 'frozen' with --frontdesk)",
    )
    parser.add_argument(
        "--screen",
        choices=("login", "main", "clerk"),
        default="login",
        help="login: the program's first window (the start); main: log in as a clerk and paint "
        "the main window; clerk: the same through the login window, the fields filled once the "
        "database has opened behind it (reports Enter -> painted main window too)",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="file to update")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    parser.add_argument(
        "--imports",
        action="store_true",
        help="instead of timing: one -X importtime smoke run from source; list "
        "the costliest imports, exit 1 if a heavy package (reportlab, "
        "openpyxl, ...) is imported at start",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 5
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.label is None:
        args.label = "frozen" if args.frontdesk else "source"
    args.base_label = args.label  # what --label must say to rewrite this section again
    if args.screen != "login":
        args.label += f"-{args.screen}"
    return args


def waits_after_enter(series: Series) -> list[float]:
    """Per run of ``--screen clerk``: from Enter in the login window to the main window's paint."""
    return [
        float(r["first_paint_ms"]) - float(r["enter_ms"])  # type: ignore[arg-type]
        for r in series.reports
        if isinstance(r.get("enter_ms"), int | float)
    ]


def wait_line(a: Series, b: Series) -> str:
    waits = waits_after_enter(a)
    if not waits:
        return ""
    bare = statistics.median(b.walls_ms)
    return (
        f"Enter in the login window to the painted main window (what the clerk waits for once "
        f"the database has opened behind the login window): median {statistics.median(waits):.0f}"
        f" ms, p95 {percentile(waits, 95):.0f} ms; **{statistics.median(waits) / bare:.2f}x** "
        "the bare window's whole process (b)."
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    frontdesk = [str(Path(args.frontdesk).resolve())] if args.frontdesk else default_frontdesk()
    smoke = [*frontdesk, "gui", "--smoke"]
    extra = {"login": [], "main": ["--user", USER], "clerk": ["--user", USER, "--through-login"]}
    a = Series("a", [*smoke, *extra[args.screen]])
    b = Series("b", [sys.executable, str(BARE)])
    home = Path(tempfile.mkdtemp(prefix="frontdesk-bench-"))
    machine_before = machine()  # the load average before our own runs add to it
    try:
        env = make_env(home)
        prepare_database(frontdesk, env)
        if args.imports:
            return profile_imports(env)
        run_once(a, env)  # warm-up: page cache, .pyc files, fontconfig cache; not counted
        run_once(b, env)
        for i in range(args.runs):
            for series in (a, b):
                wall, report = run_once(series, env)
                series.walls_ms.append(wall)
                series.reports.append(report)
            print(
                f"run {i + 1:>2}/{args.runs}: a {a.walls_ms[-1]:6.0f} ms   "
                f"b {b.walls_ms[-1]:6.0f} ms",
                file=sys.stderr,
            )
    except BenchError as exc:
        print(f"startup bench: {exc}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(home, ignore_errors=True)

    sa, sb = summarize(a), summarize(b)
    ratio = sa["median"] / sb["median"]
    print(f"(a) frontdesk smoke: median {sa['median']:.0f} ms, p95 {sa['p95']:.0f} ms")
    print(f"(b) bare window:     median {sb['median']:.0f} ms, p95 {sb['p95']:.0f} ms")
    print(f"ratio a/b (medians): {ratio:.2f}")
    pieces = a.piece_medians()
    if pieces:
        print(
            "(a) pieces, median ms since cli.main import: "
            + ", ".join(f"{k} {v:.0f}" for k, v in pieces.items())
        )
    if wait_line(a, b):
        print(wait_line(a, b))

    if args.quick:
        if ratio > args.max_ratio:
            print(f"FAIL: ratio {ratio:.2f} > --max-ratio {args.max_ratio:g}", file=sys.stderr)
            return 1
        print(f"ok: ratio {ratio:.2f} <= {args.max_ratio:g}")
        return 0
    if not args.no_write:
        screen = f" --screen {args.screen}" if args.screen != "login" else ""
        command = f".venv/bin/python bench/startup.py --runs {args.runs}{screen}"
        if args.frontdesk:
            command = (
                ".venv/bin/pyinstaller --noconfirm --clean build.spec "
                "--distpath /tmp/fd-dist --workpath /tmp/fd-build\n"
                f".venv/bin/python bench/startup.py --runs {args.runs}{screen} "
                f"--frontdesk /tmp/fd-dist/frontdesk/frontdesk --label {args.base_label}"
            )
        section = render_section(args.label, a, b, args.runs, command, machine_before)
        replace_section(args.results, f"startup:{args.label}", section)
        print(f"updated {args.results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

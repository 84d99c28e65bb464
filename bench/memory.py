"""Resident memory with the main lists open, on a small hall and on the ten-year one.

One process, off screen: a supervisor logs in, every page of the main window is opened in turn
and given time to fill its lists (they load off the GUI thread), then the same for a clerk.
Reported: VmRSS after each step and the peak (VmHWM), from /proc/self/status. Goal (issue 9):
at most 300 MB on the ten-year database.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/memory.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/memory.py --data-dir /data/big --label ten-year
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import RESULTS, cpu_model, ram, replace_section, reproduce

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOAL_MB = 300


def status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def settle(app: object, seconds: float = 1.5) -> None:
    from ui.ops import wait_for_ops

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()  # type: ignore[attr-defined]
        wait_for_ops(50)
    app.processEvents()  # type: ignore[attr-defined]


def measure(data_dir: Path) -> list[tuple[str, float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app import sites
    from app.auth import login
    from cli import wiring
    from ui.app import create_application
    from ui.mainwindow import MainWindow

    app = create_application()
    steps = [("Qt and fonts loaded", status_mb("VmRSS"))]
    ctx = wiring.open_context(str(data_dir), None)
    for user in ("sunli", "zhangwei"):
        actor = login(ctx.uow(), user, "demo-2026")
        window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
        window.show()
        for key in list(window.pages):
            window.show_page(key)
            settle(app)
        steps.append((f"{user}: every page opened and filled", status_mb("VmRSS")))
        window.close()
        settle(app, 0.3)
    steps.append(("peak (VmHWM)", status_mb("VmHWM")))
    from ui.ops import wait_for_ops

    wait_for_ops()  # lists still loading finish before Qt goes away
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--label", default=None)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    label = args.label or ("small" if args.data_dir is None else args.data_dir.name)
    folder, temporary = args.data_dir, None
    if folder is None:
        import subprocess

        temporary = folder = Path(tempfile.mkdtemp(prefix="frontdesk-bench-"))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "cli",
                "--data-dir",
                str(folder),
                "init",
                "--demo",
                "--admin-password",
                "admin-2026",
            ],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
    try:
        steps = measure(folder)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    for name, mb in steps:
        print(f"{name:40} {mb:7.1f} MB")
    peak = steps[-1][1]
    if not args.no_write:
        lines = [
            f"<!-- memory:{label}:begin -->",
            f"## Resident memory with the main lists open ({label})",
            "",
            f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs "
            f"({cpu_model()}), {ram()} RAM, {platform.system()} {platform.release()}; off screen.",
            "",
            "| step | MB |",
            "| --- | ---: |",
            *[f"| {name} | {mb:.0f} |" for name, mb in steps],
            "",
            f"Peak {peak:.0f} MB; goal <= {GOAL_MB} MB: {'met' if peak <= GOAL_MB else 'missed'}.",
            "",
            *reproduce(
                "Reproduce:",
                "QT_QPA_PLATFORM=offscreen .venv/bin/python bench/memory.py"
                + (f" --data-dir {args.data_dir} --label {label}" if args.data_dir else ""),
                f"memory:{label}",
            ),
        ]
        replace_section(RESULTS, f"memory:{label}", "\n".join(lines) + "\n")
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A counter's long day: 500 visitors in one process, memory and step times first to last.

The clerk's real main window, off screen, driven by ``tests.helpers.long_day`` (the same
cycle as tests/ui/test_long_day.py: a visit registered and answered, the counter accepting or
issuing a one-time notice, the print preview, the lists, the citizen screen's rating, the
timers on an injected clock). After a warm-up the script reports VmRSS at the start and the
end (and every 50 visitors), live widgets and top-level windows, and the median visit and
counter step of the first and last 50 visitors. Goals (issue 23): RSS grows by at most 30 MB
over the day after the warm-up; the step medians at the end within 10 % of the start.

At the end it tells real growth from allocator fragmentation: it collects Python garbage,
calls glibc's ``malloc_trim(0)`` and reads VmRSS again, and lists the Python object types
whose counts grew. ``--trace`` also takes tracemalloc snapshots after the warm-up and at the
end and prints the lines that allocated most in between (slow: Python allocations are traced).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/long_day.py               # 500 visitors
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/long_day.py --cycles 100 --no-write
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/long_day.py --default-malloc  # glibc's own
"""

from __future__ import annotations

import argparse
import collections
import ctypes
import datetime as dt
import gc
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from common import RESULTS, cpu_model, load_average, ram, replace_section, reproduce

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOAL_GROWTH_MB = 30
GOAL_SLOWDOWN = 0.10
WINDOW = 50  # visitors whose steps are compared at the start and at the end


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def malloc_trim() -> bool:
    """Give freed heap pages back to the system (glibc only); False where there is none."""
    try:
        return bool(ctypes.CDLL("libc.so.6").malloc_trim(0))
    except (OSError, AttributeError):
        return False


def type_counts() -> collections.Counter[str]:
    return collections.Counter(type(o).__qualname__ for o in gc.get_objects())


def run(cycles: int, warm_up: int, trace: bool, default_malloc: bool) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import ui.app
    from app.clock import ManualClock
    from tests.helpers.long_day import LongDay, live_widgets, make_hall, top_level_widgets
    from tests.helpers.stores import START
    from ui.app import create_application
    from ui.ops import live_relays

    if default_malloc:
        ui.app.limit_heap_growth = lambda: False  # type: ignore[attr-defined]
    app = create_application()
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-long-day-"))
    try:
        clock = ManualClock(START)
        day = LongDay(make_hall(folder, clock), clock)
        for _ in range(warm_up):
            day.cycle()
        day.quiet()
        if trace:
            tracemalloc.start(12)
        start = {
            "rss": rss_mb(),
            "widgets": live_widgets(),
            "windows": top_level_widgets(),
            "objects": len(gc.get_objects()),
        }
        types_start = type_counts()
        first_snapshot = tracemalloc.take_snapshot() if trace else None
        samples = [(0, start["rss"])]
        began = time.perf_counter()
        for i in range(1, cycles + 1):
            day.cycle()
            if i % 50 == 0 or i == cycles:
                day.quiet()
                samples.append((i, rss_mb()))
                print(
                    f"{i:4d} visitors  RSS {samples[-1][1]:7.1f} MB  widgets {live_widgets()}"
                    f"  windows {top_level_widgets()}  objects {len(gc.get_objects())}",
                    flush=True,
                )
        elapsed = time.perf_counter() - began
        day.quiet()
        end = {
            "rss": rss_mb(),
            "widgets": live_widgets(),
            "windows": top_level_widgets(),
            "objects": len(gc.get_objects()),
            "relays": live_relays(),
        }
        grown = type_counts()
        grown.subtract(types_start)
        growth = [(name, n) for name, n in grown.most_common(12) if n > 0]
        top_lines: list[str] = []
        if first_snapshot is not None:
            diff = tracemalloc.take_snapshot().compare_to(first_snapshot, "lineno")
            top_lines = [str(stat) for stat in diff[:15]]
            tracemalloc.stop()
        gc.collect()
        trimmed = malloc_trim()
        end["rss_trimmed"] = rss_mb()
        steps = day.steps
        figures = {
            "cycles": cycles,
            "warm_up": warm_up,
            "start": start,
            "end": end,
            "trimmed": trimmed,
            "samples": samples,
            "growth": growth,
            "top_lines": top_lines,
            "elapsed": elapsed,
            "visit": (
                statistics.median(steps.visit[warm_up : warm_up + WINDOW]),
                statistics.median(steps.visit[-WINDOW:]),
            ),
            "counter": (
                statistics.median(steps.counter[warm_up : warm_up + WINDOW]),
                statistics.median(steps.counter[-WINDOW:]),
            ),
        }
        day.close()
        app.processEvents()
        day.ctx.store.dispose()  # type: ignore[attr-defined]
        return figures
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def section(f: dict[str, Any], command: str) -> str:
    start, end = f["start"], f["end"]
    growth = end["rss"] - start["rss"]
    lines = [
        f"<!-- {f['section']}:begin -->",
        f"## A counter's long day ({f['cycles']} visitors in one process, {f['allocator']})",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs "
        f"({cpu_model()}), {ram()} RAM, {platform.system()} {platform.release()}; Python "
        f"{platform.python_version()}, off screen, SQLite demo hall. Load average at the end: "
        f"{load_average()} (other work shared the machine). {f['warm_up']} visitors of "
        f"warm-up, then {f['cycles']} in {f['elapsed'] / 60:.1f} min. A visitor: a visit "
        "registered (F2) and answered in the visit's window, rated on the citizen screen; the "
        "counter finding the item, the applicant, the materials ticked, then accepted (and "
        "rated) or a one-time notice, every other visitor; the print preview opened and "
        "closed; the work list reloaded and scrolled; the timers firing on a clock moved two "
        "minutes.",
        "",
        "| | after warm-up | end | change | goal | |",
        "| --- | ---: | ---: | ---: | --- | --- |",
        f"| RSS MB | {start['rss']:.1f} | {end['rss']:.1f} | {growth:+.1f} | "
        f"<= +{GOAL_GROWTH_MB} | {verdict(growth <= GOAL_GROWTH_MB)} |",
        f"| live widgets | {start['widgets']} | {end['widgets']} | "
        f"{end['widgets'] - start['widgets']:+d} | flat | "
        f"{verdict(end['widgets'] <= start['widgets'] + 5)} |",
        f"| top-level windows | {start['windows']} | {end['windows']} | "
        f"{end['windows'] - start['windows']:+d} | flat | "
        f"{verdict(end['windows'] <= start['windows'])} |",
        f"| Python objects (gc) | {start['objects']:,} | {end['objects']:,} | "
        f"{end['objects'] - start['objects']:+,} | bounded | |",
    ]
    for name in ("visit", "counter"):
        first, last = f[name]
        change = last / first - 1
        lines.append(
            f"| {name} step median s (first/last {WINDOW}) | {first:.3f} | {last:.3f} | "
            f"{change:+.0%} | <= +{GOAL_SLOWDOWN:.0%} | {verdict(change <= GOAL_SLOWDOWN)} |"
        )
    lines += [
        "",
        "RSS every 50 visitors: "
        + ", ".join(f"{i}: {mb:.0f}" for i, mb in f["samples"])
        + f" MB. Live relays at the end: {end['relays']}. After gc and glibc malloc_trim(0): "
        f"{end['rss_trimmed']:.1f} MB ({end['rss_trimmed'] - start['rss']:+.1f} MB on the start).",
        "",
        "Python object types that grew most: "
        + (", ".join(f"{name} {n:+,}" for name, n in f["growth"]) or "none")
        + ".",
        "",
        *reproduce(
            "Reproduce:",
            command,
            f"{f['section']}",
        ),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=500)
    parser.add_argument("--warm-up", type=int, default=20)
    parser.add_argument("--trace", action="store_true", help="tracemalloc diff (slow)")
    parser.add_argument(
        "--default-malloc",
        action="store_true",
        help="glibc's own arenas and mmap threshold (not ui.ops.limit_heap_growth's)",
    )
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if args.cycles < WINDOW:
        parser.error(f"--cycles must be at least {WINDOW}")
    f = run(args.cycles, args.warm_up, args.trace, args.default_malloc)
    f["section"] = "long_day:default-malloc" if args.default_malloc else "long_day"
    f["allocator"] = (
        "glibc malloc defaults"
        if args.default_malloc
        else "2 malloc arenas, 256 KiB mmap threshold (ui.ops.limit_heap_growth)"
    )
    start, end = f["start"], f["end"]
    print(f"RSS {start['rss']:.1f} -> {end['rss']:.1f} MB ({end['rss'] - start['rss']:+.1f})")
    print(f"after malloc_trim: {end['rss_trimmed']:.1f} MB (trimmed: {f['trimmed']})")
    print(
        f"widgets {start['widgets']} -> {end['widgets']}, windows {start['windows']} -> "
        f"{end['windows']}, objects {start['objects']} -> {end['objects']}"
    )
    for name in ("visit", "counter"):
        first, last = f[name]
        print(f"{name} step median: first {WINDOW} {first:.3f} s, last {WINDOW} {last:.3f} s")
    print("grew:", f["growth"])
    for line in f["top_lines"]:
        print(line)
    if not args.no_write:
        command = "QT_QPA_PLATFORM=offscreen .venv/bin/python bench/long_day.py"
        if args.cycles != 500:
            command += f" --cycles {args.cycles}"
        if args.default_malloc:
            command += " --default-malloc"
        replace_section(RESULTS, f["section"], section(f, command))
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

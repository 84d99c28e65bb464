"""The supervisor's reports on a large hall: a day's log (PDF, XLSX) and a month's statistics.

``bench/daily_log.py`` builds its own busy day through the services; this one reads an existing
hall, normally the ten-year database ``frontdesk scale`` makes, where the log's queries run
against millions of cases, events and audit rows. In one warm process, after one untimed run:
the log of ``--day`` (default: yesterday) as data only, as PDF and as XLSX, and the statistics of
the month before it with weekly trends. Median, p95 and max in ms; goals (issue 9): the log
<= 1 s, monthly statistics within the counter-action budget is not required (printing and
reports are outside it) but is reported.

    .venv/bin/python bench/reports_at_scale.py --data-dir /data/big --label ten-year
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from common import (
    RESULTS,
    cpu_model,
    load_average,
    percentile,
    ram,
    replace_section,
    reproduce,
    timed,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--label", default="ten-year")
    parser.add_argument("--day", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    from app.auth import login
    from app.printing import render
    from app.reports.daily_log import daily_log
    from app.reports.printing import daily_log_document
    from app.reports.statistics import StatisticsQuery
    from app.reports.statistics import statistics as month_statistics
    from app.reports.xlsx import daily_log_workbook
    from cli import wiring

    ctx = wiring.open_context(str(args.data_dir), None)
    boss = login(ctx.uow(), "sunli", "demo-2026")
    day = args.day or dt.date.today() - dt.timedelta(days=1)
    first = day - dt.timedelta(days=30)
    log = daily_log(ctx.uow(), boss, day)
    events = sum(v or 0 for v in log.totals)
    work: dict[str, Callable[[], object]] = {
        "daily log, data only": lambda: daily_log(ctx.uow(), boss, day),
        "daily log + PDF": lambda: render(daily_log_document(daily_log(ctx.uow(), boss, day))),
        "daily log + XLSX": lambda: daily_log_workbook(daily_log(ctx.uow(), boss, day)),
        "statistics, 31 days, weekly trend": lambda: month_statistics(
            ctx.uow(), boss, StatisticsQuery(first, day, trend="week")
        ),
    }
    series: dict[str, list[float]] = {name: [] for name in work}
    for fn in work.values():
        fn()  # warm
    for _ in range(args.runs):
        for name, fn in work.items():
            series[name].append(timed(fn))
    ctx.store.dispose()  # type: ignore[attr-defined]
    for name, values in series.items():
        print(
            f"{name:36} median {statistics.median(values):7.0f} ms  "
            f"p95 {percentile(values, 95):7.0f}"
        )
    if not args.no_write:
        lines = [
            f"<!-- reports:{args.label}:begin -->",
            f"## Reports on a large hall ({args.label})",
            "",
            f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs "
            f"({cpu_model()}), {ram()} RAM, {platform.system()} {platform.release()}; load "
            f"average at the start {load_average()}. The log of {day}: {len(log.rows)} "
            f"window/clerk rows, {len(log.cases)} cases listed, {events:,} counted events. "
            f"{args.runs} runs each after one untimed run.",
            "",
            "| | median ms | p95 ms | max ms |",
            "| --- | ---: | ---: | ---: |",
            *(
                f"| {name} | {statistics.median(v):.0f} | {percentile(v, 95):.0f} | {max(v):.0f} |"
                for name, v in series.items()
            ),
            "",
            *reproduce(
                "Goal: the log <= 1,000 ms. Reproduce:",
                f".venv/bin/python bench/reports_at_scale.py --data-dir {args.data_dir} "
                f"--label {args.label} --day {day}",
                f"reports:{args.label}",
            ),
        ]
        replace_section(RESULTS, f"reports:{args.label}", "\n".join(lines) + "\n")
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The pages a clerk and a supervisor wait for, on a large hall: what each reload asks the
database, as the screens ask it (a fresh unit of work per call, first page of each list).

- work list (我的待办, a clerk): the queue, then the first page and its rows of the open cases
  (most urgent first), the visits held, the referrals for the clerk and the deferred
  materials, and the four counts below the lists;
- first-inquiry supervision (首问督办, the supervisor's work list): the same, with the list of
  every referral not acknowledged in time instead of the clerk's own;
- ratings (好差评, the supervisor): the last 30 days' ratings (the page's default filter) and
  all time, each a first page with its rows and the count; the open rectification items and
  the pending appeals.

Run on a hall that ``frontdesk scale`` filled (cases, ratings, visits and referrals in bulk);
the clock is the real one, as the screens see it. Median and p95 of ``--runs`` reloads, in ms.

    .venv/bin/python bench/pages_at_scale.py --data-dir /data/big --label one-year
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import RESULTS, cpu_model, load_average, percentile, ram, replace_section, reproduce

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--label", default="large")
    parser.add_argument("--clerk", default="zhangwei")
    parser.add_argument("--supervisor", default="sunli")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    from sqlalchemy import text

    from app.auth import login
    from app.cases import queries
    from app.cases.deadlines import local_day
    from app.feedback import appeals, ratings, rectifications
    from app.feedback.records import RatingQuery
    from app.visits import worklist
    from cli import wiring

    ctx = wiring.open_context(str(args.data_dir), None)
    uow = ctx.uow
    clerk = login(uow(), args.clerk, "demo-2026")
    boss = login(uow(), args.supervisor, "demo-2026")
    with ctx.store.engine.connect() as conn:  # type: ignore[attr-defined]
        size = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("case_file", "visit", "referral", "rating", "audit_event")
        }

    def work_list(actor: Any, supervising: bool) -> Callable[[], dict[str, float]]:
        def reload() -> dict[str, float]:
            steps: dict[str, float] = {}

            def step(name: str, fn: Callable[[], Any]) -> Any:
                start = time.perf_counter()
                result = fn()
                steps[name] = (time.perf_counter() - start) * 1000
                return result

            queue = step("queue", lambda: worklist.my_queue(uow(), actor))
            referrals = worklist.overdue_referrals(uow(), actor) if supervising else None
            referrals = referrals or queue.referrals()

            def first(page: Callable[[], Any], rows: Callable[[list[int]], Any]) -> None:
                rows(page().ids)

            step(
                "referrals page",
                lambda: first(
                    lambda: worklist.page_referral_ids(uow(), actor, referrals),
                    lambda ids: worklist.referral_rows(uow(), actor, ids),
                ),
            )
            step(
                "visits page",
                lambda: first(
                    lambda: worklist.page_visit_ids(uow(), actor, queue.visits()),
                    lambda ids: worklist.visit_rows(uow(), actor, ids),
                ),
            )
            step(
                "cases page",
                lambda: first(
                    lambda: queries.page_case_ids(uow(), actor, queue.cases()),
                    lambda ids: queries.case_rows(uow(), actor, ids),
                ),
            )
            step(
                "deferred page",
                lambda: first(
                    lambda: worklist.page_deferred_ids(uow(), actor, queue.staff_ids),
                    lambda ids: worklist.deferred_rows(uow(), actor, ids),
                ),
            )
            step(
                "four counts",
                lambda: (
                    worklist.count_referrals(uow(), actor, referrals),
                    worklist.count_visits(uow(), actor, queue.visits()),
                    queries.count_cases(uow(), actor, queue.cases()),
                    worklist.count_deferred(uow(), actor, queue.staff_ids),
                ),
            )
            return steps

        return reload

    def ratings_page() -> dict[str, float]:
        steps: dict[str, float] = {}
        today = local_day(ctx.clock.now())
        for label, query in (
            ("ratings, 30 days", RatingQuery(from_day=today - dt.timedelta(days=29))),
            ("ratings, all time", RatingQuery()),
        ):
            start = time.perf_counter()
            ratings.rating_rows(uow(), boss, ratings.page_rating_ids(uow(), boss, query).ids)
            ratings.count_ratings(uow(), boss, query)
            steps[label] = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        ids = rectifications.page_rectification_ids(uow(), boss, "open").ids
        rectifications.rectification_rows(uow(), boss, ids)
        steps["open rectification items"] = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        appeals.appeal_rows(uow(), boss, appeals.page_appeal_ids(uow(), boss).ids)
        steps["pending appeals"] = (time.perf_counter() - start) * 1000
        return steps

    pages: dict[str, Callable[[], dict[str, float]]] = {
        f"work list ({args.clerk})": work_list(clerk, False),
        f"first-inquiry supervision ({args.supervisor})": work_list(boss, True),
        f"ratings ({args.supervisor})": ratings_page,
    }
    series: dict[tuple[str, str], list[float]] = {}
    for reload in pages.values():
        reload()  # warm
    for _ in range(args.runs):
        for page, reload in pages.items():
            steps = reload()
            for name, ms in steps.items():
                series.setdefault((page, name), []).append(ms)
            series.setdefault((page, "whole reload"), []).append(sum(steps.values()))
    ctx.store.dispose()  # type: ignore[attr-defined]
    for (page, name), values in series.items():
        print(
            f"{page:40} {name:26} median {statistics.median(values):7.1f} ms  "
            f"p95 {percentile(values, 95):7.1f}"
        )
    if not args.no_write:
        counts = ", ".join(f"{n:,} {t}" for t, n in size.items())
        lines = [
            f"<!-- pages:{args.label}:begin -->",
            f"## Pages on a large hall ({args.label})",
            "",
            f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs "
            f"({cpu_model()}), {ram()} RAM, {platform.system()} {platform.release()}; load "
            f"average at the start {load_average()}. The hall: {counts}. {args.runs} reloads "
            "each after one untimed one, a fresh unit of work per call as the screens make.",
            "",
            "| page | step | median ms | p95 ms |",
            "| --- | --- | ---: | ---: |",
            *(
                f"| {page} | {name} | {statistics.median(v):.1f} | {percentile(v, 95):.1f} |"
                for (page, name), v in series.items()
            ),
            "",
            *reproduce(
                "Goal (issue 9): every counter action p95 <= 100 ms. Reproduce:",
                f".venv/bin/python bench/pages_at_scale.py --data-dir {args.data_dir} "
                f"--label {args.label}",
                f"pages:{args.label}",
            ),
        ]
        replace_section(RESULTS, f"pages:{args.label}", "\n".join(lines) + "\n")
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

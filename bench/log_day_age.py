"""The daily log's data for days of different age on a large hall (issue 20): the whole data
of the log (``daily_log``, no PDF), and its two look-ups that used to grow with the day's age,
each beside the query it replaced (migration 0019):

- the cases open at the end of the day (the yellow and red cards): now a few bounded ranges
  of ``ix_case_file_open_class``; before, every case open now, withdrawn or terminated, plus
  every case decided after the day;
- the audit chain's head at the end of the day: now one step down ``ix_audit_event_at``;
  before, a walk back from the newest event.

    .venv/bin/python bench/log_day_age.py --data-dir /data/big --label one-year
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

from common import RESULTS, cpu_model, load_average, ram, replace_section, reproduce

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def open_ids(session: Any, scope: Any, before: bool) -> set[int]:
    """The ids ``open_cases`` starts from (how each stood then and its rows left out): with
    today's candidates (``SqlReportRepository._open_at``), or ``before`` with those of
    db/reports_repo.py at a62c5ef."""
    from sqlalchemy import exists, select, union
    from sqlalchemy.orm import aliased

    from app.cases.lifecycle import OPEN_STATES
    from db.models import CaseEvent, CaseFile
    from db.reports_repo import CLOSING, SqlReportRepository

    closing = aliased(CaseEvent)
    closed_before_end = exists().where(
        closing.case_id == CaseFile.id, closing.action.in_(CLOSING), closing.at < scope.end
    )
    listed = aliased(CaseFile)
    candidates = CaseFile.id.in_(
        union(
            select(listed.id).where(
                listed.state.in_([*(str(s) for s in OPEN_STATES), "withdrawn", "terminated"])
            ),
            select(listed.id).where(listed.decided_at >= scope.end),
        )
        if before
        else SqlReportRepository._open_at(scope.end)
    )
    ids = select(CaseFile.id).where(
        candidates,
        CaseFile.site_id == scope.site_id,
        CaseFile.accepted_at < scope.end,
        ~closed_before_end,
    )
    return set(session.scalars(ids))


def old_head(session: Any, moment: dt.datetime) -> int | None:
    from sqlalchemy import select

    from db.models import AuditEvent

    return session.scalar(
        select(AuditEvent.seq)
        .where(AuditEvent.at < moment)
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--label", default="large")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    from sqlalchemy import func, select

    from app.auth import login
    from app.cases.deadlines import local_day
    from app.reports.daily_log import daily_log
    from app.reports.sections import ReportScope
    from cli import wiring
    from db.models import CaseFile

    ctx = wiring.open_context(str(args.data_dir), None)
    boss = login(ctx.uow(), "sunli", "demo-2026")
    engine = ctx.store.engine  # type: ignore[attr-defined]
    from sqlalchemy.orm import Session

    with Session(engine) as s:
        first = local_day(s.scalar(select(func.min(CaseFile.accepted_at))))
        latest = local_day(s.scalar(select(func.max(CaseFile.accepted_at))))
        cases = s.scalar(select(func.count(CaseFile.id)))
        site_id = s.scalar(select(CaseFile.site_id).limit(1))
    # The last working day of the hall, then the same weekday further back.
    days = {"last working day": latest}
    for label, back in (("4 weeks back", 28), ("11 months back", 336), ("9 years back", 3290)):
        day = latest - dt.timedelta(days=back)
        if day >= first + dt.timedelta(days=7):
            days[label] = day
    days["first week"] = first + dt.timedelta(days=7)

    def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
        start = time.perf_counter()
        result = fn()
        return (time.perf_counter() - start) * 1000, result

    rows = []
    for label, day in days.items():
        scope = ReportScope(site_id, day, day)
        series: dict[str, list[float]] = {}
        found: dict[str, Any] = {}

        def run(
            name: str,
            fn: Callable[[], Any],
            series: dict[str, list[float]] = series,
            found: dict[str, Any] = found,
        ) -> None:
            ms, result = timed(fn)
            series.setdefault(name, []).append(ms)
            found[name] = result

        def open_then(scope: ReportScope = scope) -> set[int]:
            uow = ctx.uow()
            with uow.read():
                return {h.case_id for h in uow.reports.open_cases(scope)}

        def new_head(scope: ReportScope = scope) -> int | None:
            uow = ctx.uow()
            with uow.read():
                head = uow.audit.last_before(scope.end)
            return head.seq if head else None

        def with_session(fn: Callable[[Session], Any]) -> Any:
            with Session(engine) as s:
                return fn(s)

        work: dict[str, Callable[[], Any]] = {
            "log data": lambda day=day: daily_log(ctx.uow(), boss, day),
            "open cases as they stood": open_then,
            "open cases, now": lambda scope=scope: with_session(
                lambda s: open_ids(s, scope, False)
            ),
            "open cases, before": lambda scope=scope: with_session(
                lambda s: open_ids(s, scope, True)
            ),
            "head, now": new_head,
            "head, before": lambda scope=scope: with_session(lambda s: old_head(s, scope.end)),
        }
        for fn in work.values():
            fn()  # warm
        for _ in range(args.runs):
            for name, fn in work.items():
                run(name, fn)
        # Both candidate sets lead to the same cases open then.
        assert found["open cases, now"] == found["open cases, before"], label
        assert found["open cases as they stood"] == found["open cases, now"], label
        medians = {name: statistics.median(v) for name, v in series.items()}
        rows.append((label, day, len(found["open cases, now"]), medians))
        print(
            f"{label:16} {day}  open {len(found['open cases, now']):6}  "
            + "  ".join(f"{n} {m:8.1f}" for n, m in medians.items())
        )
    ctx.store.dispose()  # type: ignore[attr-defined]
    if not args.no_write:
        names = list(rows[0][3])
        lines = [
            f"<!-- log-day-age:{args.label}:begin -->",
            f"## The daily log's data by the day's age ({args.label})",
            "",
            f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs "
            f"({cpu_model()}), {ram()} RAM, {platform.system()} {platform.release()}; load "
            f"average at the start {load_average()}. The hall: {cases:,} cases from {first}. "
            f'Medians of {args.runs} runs in one warm process, ms; "before" is the query '
            "migration 0019 replaced, run on the same database (both found the same cases).",
            "",
            "| day | | open at its end | " + " | ".join(names) + " |",
            "| --- | --- | ---: | " + " | ".join("---:" for _ in names) + " |",
            *(
                f"| {label} | {day} | {n:,} | "
                + " | ".join(f"{m[name]:.1f}" for name in names)
                + " |"
                for label, day, n, m in rows
            ),
            "",
            *reproduce(
                "Goal: the log's data independent of the day's age. Reproduce:",
                f".venv/bin/python bench/log_day_age.py --data-dir {args.data_dir} "
                f"--label {args.label}",
                f"log-day-age:{args.label}",
            ),
        ]
        replace_section(RESULTS, f"log-day-age:{args.label}", "\n".join(lines) + "\n")
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

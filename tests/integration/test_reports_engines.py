"""The report queries on both engines (SQLite and PostgreSQL compute hall days and read JSON
differently): a simulated week, its daily log and its statistics, against the records read
one by one."""

from __future__ import annotations

from collections import Counter
from datetime import date

from app.auth import login
from app.calendar import load_calendar
from app.cases import queries
from app.cases.deadlines import local_day, pauses_of
from app.context import AppContext
from app.reports.daily_log import daily_log
from app.reports.sections import ReportScope
from app.reports.statistics import StatisticsQuery, statistics
from sim.demo.activity import simulate
from tests.helpers.reports import bounds, busiest_day, cards_at_end_of, counts_from_audit, events

END = date(2026, 11, 24)  # the fixtures' clock starts on this Tuesday
FIRST = date(2026, 11, 16)


def test_daily_log_on_both_engines(demo_ctx: AppContext) -> None:
    simulate(demo_ctx.uow, demo_ctx.clock, 9, 3, END)  # type: ignore[arg-type]
    day = busiest_day(demo_ctx)
    boss = login(demo_ctx.uow(), "sunli", "demo-2026")
    log = daily_log(demo_ctx.uow(), boss, day)
    audited = sum(counts_from_audit(demo_ctx, day, day).values(), Counter())
    for key in ("notices_issued", "cases_accepted", "cases_decided", "cases_delivered"):
        assert log.total(key) == audited[key], key
    cards = sum(cards_at_end_of(demo_ctx, day).values(), Counter())
    assert (log.total("cases_yellow"), log.total("cases_red")) == (
        cards["cases_yellow"],
        cards["cases_red"],
    )
    assert len(log.cases) >= audited["cases_accepted"]


def test_statistics_on_both_engines(demo_ctx: AppContext) -> None:
    # Seed 4: a week that holds a case suspended on its due day (the careful path below).
    simulate(demo_ctx.uow, demo_ctx.clock, 9, 4, END)  # type: ignore[arg-type]
    boss = login(demo_ctx.uow(), "sunli", "demo-2026")
    stats = statistics(demo_ctx.uow(), boss, StatisticsQuery(FIRST, END, trend="week"))
    # Decisions read one by one: on time when made by the due date; working days used counted
    # from acceptance to decision with the paused days left out.
    start, end = bounds(FIRST, END)
    uow = demo_ctx.uow()
    with uow.read():
        calendar = load_calendar(uow)
    decided = on_time = used = committed = accepted = 0
    for ev in events(demo_ctx):
        if not start <= ev.at < end:
            continue
        accepted += ev.action == "case_accepted"
        if ev.action != "case_decide":
            continue
        case = queries.find_case_by_number(demo_ctx.uow(), boss, ev.entity_id)
        assert case is not None and case.due_date is not None
        day = local_day(ev.at)
        decided += 1
        on_time += day <= case.due_date
        used += calendar.working_days_between(case.accepted_day, day, pauses_of(case.events))
        committed += case.committed_days
    total = stats.total
    assert (total.accepted, total.decided, total.decided_on_time) == (accepted, decided, on_time)
    assert (total.working_days_used, total.working_days_committed) == (used, committed)
    assert decided > 10
    with uow.read():  # the week holds a case suspended on its due day: the careful path ran
        assert uow.reports.paused_late_decisions(ReportScope(1, FIRST, END))
    # Per window, per clerk and per week, the same totals.
    for parts in (stats.by_window, stats.by_clerk, [p.figures for p in stats.trend]):
        assert sum(f.accepted for f in parts) == accepted
        assert sum(f.decided for f in parts) == decided
    assert [p.label for p in stats.trend] == ["11-16", "11-23"]
    assert total.ratings and total.satisfaction_rate is not None  # the demo's ratings count
    assert 0 <= total.satisfaction_rate <= 1

"""The report queries on both engines (SQLite and PostgreSQL compute hall days and read JSON
differently): a simulated week, its daily log and its statistics, against the records read
one by one."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from app.auth import login
from app.calendar import load_calendar
from app.cases import queries, service
from app.cases.common import yellow_ratio
from app.cases.deadlines import case_as_of, local_day, pauses_of
from app.cases.lifecycle import CaseAction, CaseState
from app.cases.records import CaseQuery
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


def test_cases_at_a_day_end_read_in_sql_equal_their_histories(demo_ctx: AppContext) -> None:
    """The log reads how each case stood at a day's end from a few columns (its last state,
    its extensions' days, its pauses: ``CaseThen``) instead of its history; on both engines
    that gives what the whole history gives (``case_as_of``), for every day of a week that
    holds suspensions, resumptions and extensions."""
    simulate(demo_ctx.uow, demo_ctx.clock, 9, 4, END)  # type: ignore[arg-type]
    # Extensions are rare in the simulation: a supervisor grants three on the last day (the
    # days before must not see them).
    boss = login(demo_ctx.uow(), "sunli", "demo-2026")
    page = queries.page_case_ids(
        demo_ctx.uow(), boss, CaseQuery(states=frozenset({CaseState.IN_PROGRESS}))
    )
    for case_id in page.ids[:3]:
        case = queries.case_detail(demo_ctx.uow(), boss, case_id).case
        service.extend_case(
            demo_ctx.uow(), boss, case_id, case.row_version, 2, "涉及多部门会商，经负责人批准延期"
        )
    # Counter PCs' clocks differ: a resumption stamped half a minute before its suspension
    # still ends that pause (the case lists its events as recorded, and so must the log).
    skewed = page.ids[3]
    case = queries.case_detail(demo_ctx.uow(), boss, skewed).case
    case = service.suspend_case(
        demo_ctx.uow(), boss, skewed, case.row_version, "corrections", "申请材料需补正", None
    )
    demo_ctx.clock.set(demo_ctx.clock.now() - timedelta(seconds=30))  # type: ignore[attr-defined]
    service.resume_case(demo_ctx.uow(), boss, skewed, case.row_version, "补正材料已收齐")
    uow = demo_ctx.uow()
    with uow.read():
        calendar = load_calendar(uow)
        ratio = yellow_ratio(uow)
        then = {c.case_id: c.then for c in uow.reports.open_cases(ReportScope(1, END, END))}
        assert then[skewed].state is CaseState.IN_PROGRESS
        assert [a for a, _ in then[skewed].pause_moves][-2:] == [
            CaseAction.SUSPEND,
            CaseAction.RESUME,
        ]
        seen: Counter[str] = Counter()
        for offset in range((END - FIRST).days + 1):
            day = FIRST + timedelta(days=offset)
            scope = ReportScope(1, day, day)
            opened = uow.reports.open_cases(scope)
            listed = uow.reports.period_cases(scope)
            for case in opened:
                full = uow.cases.get(case.case_id)
                assert full is not None
                want = case_as_of(
                    full.accepted_day, full.committed_days, full.events, day, calendar, ratio
                )
                got = case.then.as_of(case.accepted_day, case.committed_days, calendar, ratio)
                assert got == want, (day, full.number)
                assert want.is_open
                seen["open"] += 1
                seen["paused"] += bool(case.then.pause_moves)
                seen["extended"] += bool(case.then.extension_days)
            for row in listed:
                full = uow.cases.by_number(row.number)
                assert full is not None
                want = case_as_of(
                    full.accepted_day, full.committed_days, full.events, day, calendar, ratio
                )
                assert (
                    row.then.as_of(row.accepted_day, row.committed_days, calendar, ratio) == want
                ), (day, row.number)
                seen["listed"] += 1
    assert min(seen["open"], seen["listed"], seen["paused"], seen["extended"]) > 0, seen

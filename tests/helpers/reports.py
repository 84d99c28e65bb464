"""Counts for a period worked out independently of the report queries: from the audit trail
(who did what, when) and from the case records one by one, never through ``uow.reports``."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta

from app.auth import login
from app.calendar import load_calendar
from app.cases import queries
from app.cases.common import yellow_ratio
from app.cases.deadlines import extension_days, local_day
from app.cases.lifecycle import CaseAction
from app.cases.records import CaseQuery
from app.clock import DEFAULT_TZ
from app.context import AppContext
from app.records import AuditEventRecord
from app.workdays import WarningLevel, warning_level

# audit action -> the log's column, counted for the staff member who acted
ACTED = {
    "notice_issued": "notices_issued",
    "case_accepted": "cases_accepted",
    "application_refused": "cases_refused",
    "case_decide": "cases_decided",
    "case_deliver": "cases_delivered",
}


def bounds(first: date, last: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(first, time(), DEFAULT_TZ),
        datetime.combine(last + timedelta(days=1), time(), DEFAULT_TZ),
    )


def events(ctx: AppContext) -> list[AuditEventRecord]:
    uow = ctx.uow()
    with uow.read():
        return list(uow.audit.iter_events())


def busiest_day(ctx: AppContext) -> date:
    per_day = Counter(
        local_day(e.at) for e in events(ctx) if e.action.startswith(("case_", "notice_"))
    )
    return per_day.most_common(1)[0][0]


def staff_names(ctx: AppContext) -> dict[int, str]:
    uow = ctx.uow()
    with uow.read():
        return {s.id: s.name for s in uow.staff.list(include_inactive=True)}


def counts_from_audit(ctx: AppContext, first: date, last: date) -> dict[str, Counter[str]]:
    """Per staff name, the log's counts as the audit trail tells them."""
    start, end = bounds(first, last)
    names = staff_names(ctx)
    by_login = {login_: name for login_, name in _logins(ctx).items()}
    boss = login(ctx.uow(), "sunli", "demo-2026")
    uow = ctx.uow()
    with uow.read():
        records = {r.id: r for r in uow.cases.list_accountability(None, 100_000)}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for ev in events(ctx):
        if not start <= ev.at < end:
            continue
        after = {k: v[1] for k, v in json.loads(ev.summary).items() if isinstance(v, list)}
        who = by_login.get(ev.actor_login, ev.actor_login)
        if ev.action in ACTED:
            counts[who][ACTED[ev.action]] += 1
        if ev.action == "case_decide":
            case = queries.find_case_by_number(ctx.uow(), boss, ev.entity_id)
            assert case is not None
            if case.committed_days == 0:
                counts[who]["cases_on_the_spot"] += 1
        if ev.action == "notice_extra_demand":  # charged to whoever issued the notice
            responsible = names[int(after["responsible"])]
            counts[responsible]["one_time_breaches"] += 1
            counts[responsible]["accountability_opened"] += 1
        if ev.action == "visit_registered":  # the first responder is who registered it
            counts[who][f"visits_{after['type']}"] += 1
        if ev.action == "accountability_opened":
            counts[names[int(after["responsible"])]]["accountability_opened"] += 1
        if ev.action == "accountability_reviewed":
            record = records[int(ev.entity_id)]
            counts[record.responsible_name]["accountability_reviewed"] += 1
    return counts


def _logins(ctx: AppContext) -> dict[str, str]:
    uow = ctx.uow()
    with uow.read():
        return {s.login: s.name for s in uow.staff.list(include_inactive=True)}


def cards_at_end_of(ctx: AppContext, day: date) -> dict[str, Counter[str]]:
    """Per owner's name, yellow and red cards at the end of ``day``: every case read in full,
    open then if no decision or withdrawal came before the day's end."""
    _, end = bounds(day, day)
    boss = login(ctx.uow(), "sunli", "demo-2026")
    page = queries.page_case_ids(ctx.uow(), boss, CaseQuery(), None, 100_000)
    uow = ctx.uow()
    with uow.read():
        calendar = load_calendar(uow)
        ratio = yellow_ratio(uow)
    cards: dict[str, Counter[str]] = defaultdict(Counter)
    for case_id in page.ids:
        case = queries.case_detail(ctx.uow(), boss, case_id).case
        if case.accepted_at >= end or case.due_date is None:
            continue
        closed = any(
            e.action in (CaseAction.DECIDE, CaseAction.WITHDRAW) and e.at < end for e in case.events
        )
        if closed:
            continue
        limit = case.committed_days + extension_days(case.events)
        level = warning_level(day, case.due_date, limit, calendar, ratio)
        if level is WarningLevel.RED:
            cards[case.owner_name]["cases_red"] += 1
        elif level is WarningLevel.YELLOW:
            cards[case.owner_name]["cases_yellow"] += 1
    return cards

"""Counts for a period worked out independently of the report queries: from the audit trail
(who did what, when) and from the case records one by one, never through ``uow.reports``."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from app.auth import login
from app.calendar import load_calendar
from app.cases import queries
from app.cases.common import yellow_ratio
from app.cases.deadlines import local_day
from app.cases.lifecycle import CaseAction
from app.cases.records import CaseQuery, CaseRecord
from app.clock import DEFAULT_TZ
from app.context import AppContext
from app.records import AuditEventRecord

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
            if case.committed_days == 0 and local_day(case.accepted_at) == local_day(ev.at):
                counts[who]["cases_on_the_spot"] += 1
        if ev.action in ("case_decide", "case_deliver") and after.get("on_behalf_of"):
            counts[who]["cases_for_others"] += 1  # the actor did it ...
            counts[names[int(after["on_behalf_of"])]]["cases_by_others"] += 1  # ... for the owner
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
    """Per owner's name, yellow and red cards at the end of ``day``: every case read in full
    and replayed day by day (``replayed_card``), never through the deadline code."""
    boss = login(ctx.uow(), "sunli", "demo-2026")
    page = queries.page_case_ids(ctx.uow(), boss, CaseQuery(), None, 100_000)
    uow = ctx.uow()
    with uow.read():
        calendar = load_calendar(uow)
        ratio = yellow_ratio(uow)
    cards: dict[str, Counter[str]] = defaultdict(Counter)
    for case_id in page.ids:
        case = queries.case_detail(ctx.uow(), boss, case_id).case
        card = replayed_card(case, day, calendar.is_workday, ratio)
        if card is not None:
            cards[case.owner_name][f"cases_{card}"] += 1
    return cards


def replayed_card(
    case: CaseRecord, day: date, is_workday: Callable[[date], bool], ratio: float
) -> str | None:
    """ "red", "yellow" or None for a case at the end of ``day``, by brute force: the events
    recorded by then, then every calendar day from acceptance walked one at a time.

    A day counts if it is a working day after acceptance and not inside a pause (after the
    day it began, up to and including the day it ended). The case is due on the first day
    from acceptance on which the count has reached the committed days, that is the
    acceptance day or a working day, on which no pause begins (to end on a later day) and
    which is not strictly inside a pause; none while a pause that began no later is open."""
    events = [e for e in case.events if local_day(e.at) <= day]
    if not events or events[-1].to_state.value in ("decided", "delivered", "withdrawn"):
        return None
    limit = case.committed_days + sum(
        int(e.detail.get("days", 0)) for e in events if e.action is CaseAction.EXTEND
    )
    pauses: list[tuple[date, date | None]] = []
    for e in events:
        if e.action is CaseAction.SUSPEND:
            pauses.append((local_day(e.at), None))
        elif e.action is CaseAction.RESUME and pauses and pauses[-1][1] is None:
            pauses[-1] = (pauses[-1][0], max(pauses[-1][0], local_day(e.at)))
    far = date.max - timedelta(days=1)

    def inside(d: date) -> bool:  # start < d <= end
        return any(s < d <= (e or far) for s, e in pauses)

    def strictly_inside(d: date) -> bool:
        return any(s < d < (e or far) for s, e in pauses)

    accepted = case.accepted_day
    used, d, due = 0, accepted, None
    while d <= day + timedelta(days=400):
        if d > accepted and is_workday(d) and not inside(d):
            used += 1
        eligible = d == accepted or is_workday(d)
        starts = any(s == d and (e is None or e > d) for s, e in pauses)
        if used >= limit and eligible and not starts and not strictly_inside(d):
            due = d
            break
        if any(e is None and s <= d for s, e in pauses):
            break  # the clock stopped for good before the case fell due
        d += timedelta(days=1)
    if due is None:
        return None
    if day > due:
        return "red"
    left = sum(1 for i in range(1, (due - day).days + 1) if is_workday(day + timedelta(days=i)))
    return "yellow" if day == due or left <= ratio * limit else None

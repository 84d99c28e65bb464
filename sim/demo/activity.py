"""``frontdesk demo``: simulate days of a hall's work through the same services the screens use.

Deterministic for a seed (names, times, choices), ending with the last day that is over (today
once the hall has closed): a demo never writes records later than the clock. Every record it
makes went through a service, so permissions, numbering, deadlines, warnings, accountability
records, ratings, complaints and the audit chain are exactly what real counters would have
produced.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import partial

from app.agency import service as agency
from app.appointments.records import AppointmentRecord
from app.auth import login
from app.calendar import load_calendar
from app.cases import queries, service
from app.cases.lifecycle import CaseAction, CaseState
from app.cases.records import AcceptRequest, CaseQuery
from app.catalog.records import ItemVersionRecord, Necessity
from app.catalog.service import get_version, list_items
from app.clock import DEFAULT_TZ, ManualClock
from app.errors import DomainError
from app.notices import refusals
from app.notices import service as notices
from app.notices.records import NoticeRequest, RefusalRequest
from app.ports import UnitOfWork
from app.roles import Actor
from app.setup import DEMO_PASSWORD, DEMO_STAFF
from app.visits.records import OutcomeInput
from app.visits.service import close_visit
from app.warning_levels import WarningLevel
from sim.demo import appointments as bookings
from sim.demo import visits as first_inquiry
from sim.demo.feedback import DemoFeedback, FeedbackSummary
from sim.people import person


@dataclass
class DemoSummary:
    days: int = 0
    accepted: int = 0
    transitions: int = 0
    red: int = 0
    refused_actions: int = 0
    notices: int = 0
    refusals: int = 0
    breaches: int = 0
    reviews: int = 0
    visits: int = 0
    referrals: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    bookings: bookings.BookingTally = field(default_factory=bookings.BookingTally)
    feedback: FeedbackSummary = field(default_factory=FeedbackSummary)


# The working days (1st, 2nd ...) on which the first visitor is taken on as an agency case.
AGENCY_DAYS = (2, 4)
AGENT_LOGIN = "zhaolei"  # 咨询导办窗口: the hall's agent (代办员)


@dataclass(frozen=True)
class _PendingNotice:
    """An applicant sent home with a one-time notice, and when they come back."""

    notice_id: int
    clerk: Actor
    request: AcceptRequest  # complete, for the acceptance on return
    brought: frozenset[int]  # the materials listed as received on the notice
    returns_on: date


DAY_OVER = time(17, 30)  # the simulated hall's day ends here (the clock is left at it)


def last_day_over(now: datetime) -> date:
    """The last day a demo may simulate at ``now``: today once the hall has closed, else the
    day before (a day under way is the real counters'; simulating it would write the
    afternoon's visits and check-ins before they happen)."""
    local = now.astimezone(DEFAULT_TZ)
    return local.date() if local.time() >= DAY_OVER else local.date() - timedelta(days=1)


def simulate(
    make_uow: Callable[[], UnitOfWork],
    clock: ManualClock,
    days: int,
    seed: int,
    end: date,
    on_progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Run ``days`` days ending with ``end`` through the services, moving ``clock``."""
    rng = random.Random(seed)
    uow = make_uow()
    clerks = [login(uow, s[0], DEMO_PASSWORD) for s in DEMO_STAFF if s[2].value == "clerk"]
    supervisor = next(
        login(uow, s[0], DEMO_PASSWORD) for s in DEMO_STAFF if s[2].value == "supervisor"
    )
    items = [get_version(uow, s.version_id) for s in list_items(uow)]
    if not items:
        raise DomainError("演示数据需要事项目录：请先运行 frontdesk init --demo")
    summary = DemoSummary()
    feedback = DemoFeedback(seed, supervisor, summary=summary.feedback)
    day = end - timedelta(days=days - 1)
    latest = queries.page_case_ids(uow, supervisor, CaseQuery(order="recent"), None, 1).ids
    if latest:  # time only moves forward: continue after the last simulated day
        last = queries.case_detail(uow, supervisor, latest[0]).case.accepted_day
        day = max(day, last + timedelta(days=1))
    if day <= end:  # the schedules are set up the first simulated morning, not after it
        clock.set(_at(day, 7, 30))
    bookings.ensure_schedules(make_uow(), supervisor.site_id)
    pending: list[_PendingNotice] = []
    while day <= end:
        with uow.read():
            working = load_calendar(uow).is_workday(day)
        if working:
            summary.days += 1
            _one_day(
                make_uow,
                clock,
                rng,
                day,
                clerks,
                supervisor,
                items,
                summary,
                feedback,
                pending,
                day == end,
            )
            if on_progress:
                on_progress(f"{day}: {summary.accepted} cases so far")
        day += timedelta(days=1)
    clock.set(datetime.combine(end, DAY_OVER, DEFAULT_TZ))
    first_inquiry.post_away(make_uow, clock, supervisor, end)
    service.refresh_warnings(make_uow())
    summary.counts = queries.warning_counts(make_uow(), supervisor, mine=False)
    return summary


def _at(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), DEFAULT_TZ)


def _one_day(
    make_uow: Callable[[], UnitOfWork],
    clock: ManualClock,
    rng: random.Random,
    day: date,
    clerks: list[Actor],
    supervisor: Actor,
    items: list[ItemVersionRecord],
    summary: DemoSummary,
    feedback: DemoFeedback,
    pending: list[_PendingNotice],
    last_day: bool = False,
) -> None:
    clerk_for = _clerk_for(clerks)
    clock.set(_at(day, 8, 45))
    service.refresh_warnings(make_uow())
    feedback.morning(make_uow, day, clerks)
    _review_records(make_uow, clock, rng, day, supervisor, summary)
    clock.set(_at(day, 8, 50))  # phone calls before the doors open
    bookings.book_ahead(
        make_uow, rng, day, clerk_for, items, lambda: _caller(rng, day), summary.bookings
    )
    comers = bookings.arrivals(make_uow, rng, day, clerk_for, summary.bookings)
    _work_open_cases(make_uow, clock, rng, day, clerks, supervisor, summary)
    back = [p for p in pending if p.returns_on <= day]
    pending[:] = [p for p in pending if p.returns_on > day]
    visits: list[tuple[int, Actor, AppointmentRecord | _PendingNotice | None]] = [
        (rng.randint(9 * 60, 17 * 60), clerk, None)
        for clerk in clerks
        for _ in range(rng.randint(1, 5))
    ]
    visits += comers
    visits += [(rng.randint(9 * 60, 17 * 60), p.clerk, p) for p in back]
    visits.sort(key=lambda visit: (visit[0], visit[1].staff_id, visit[2] is not None))
    agency_due = summary.days in AGENCY_DAYS

    def at_counter(clerk: Actor, booked: AppointmentRecord | _PendingNotice | None) -> None:
        nonlocal agency_due
        if isinstance(booked, _PendingNotice):  # back with what the one-time notice listed
            _come_back(make_uow, rng, booked, summary)
            return
        if booked is not None:  # an appointment: checked in, then served at the counter
            opening = bookings.check_in(make_uow, clerk, booked)
            if opening is None:
                return
            summary.bookings.kept += 1
            item = next((i for i in items if i.id == opening.item_version_id), None)
            if item is None:
                return
            who = replace(person(rng, day), name=opening.visitor_name, phone=opening.phone)
            request = replace(_request(rng, item, day), applicant=who)
            number = _serve(make_uow, clerk, item, request, summary, feedback)
            if number is not None and opening.visit_id is not None:  # the visit ends in it
                close_visit(
                    make_uow(),
                    clerk,
                    opening.visit_id,
                    OutcomeInput("application", document_number=number),
                )
            return
        item = rng.choice(items_for(clerk, items))
        roll = rng.random()
        request = _request(rng, item, day)
        if agency_due:  # an elderly or remote applicant, with a written authorisation
            agency_due = False
            agent = next(c for c in clerks if c.login == AGENT_LOGIN)
            terms = bookings.agency_terms(rng, day, agent, summary.days, item)
            agency.accept_agency_case(make_uow(), clerk, request, terms)
            summary.accepted += 1
            summary.bookings.agency += 1
            return
        if roll < 0.03:  # not this hall's matter: refused in writing
            _refuse(make_uow(), clerk, item, request)
            summary.refusals += 1
            return
        if roll < 0.15 and _sent_home(make_uow(), clerk, rng, item, request, day, pending):
            summary.notices += 1
            return
        _serve(make_uow, clerk, item, request, summary, feedback)

    # The counter and the first-inquiry register share one timetable: time only moves forward.
    timetable: list[tuple[int, int, Callable[[], None]]] = [
        (minute, order, partial(at_counter, clerk, booked))
        for order, (minute, clerk, booked) in enumerate(visits)
    ]
    first_inquiry.plan_day(
        timetable,
        make_uow,
        rng,
        day,
        clerks,
        lambda clerk: items_for(clerk, items),
        summary,
        last_day,
    )
    for minute, _order, action in sorted(timetable, key=lambda entry: entry[:2]):
        clock.set(_at(day, minute // 60, minute % 60))
        try:
            action()
        except DomainError:
            summary.refused_actions += 1
    summary.bookings.missed += bookings.close_day(make_uow, clock, day, supervisor)


def _serve(
    make_uow: Callable[[], UnitOfWork],
    clerk: Actor,
    item: ItemVersionRecord,
    request: AcceptRequest,
    summary: DemoSummary,
    feedback: DemoFeedback,
) -> str | None:
    """Accept (and for an on-the-spot item decide and hand over); the case number, or None
    when a service refused."""
    try:
        result = service.accept_case(make_uow(), clerk, request)
        summary.accepted += 1
        if item.on_the_spot:  # 即办件: decided and handed over at the counter
            case = service.decide_case(make_uow(), clerk, result.case_id, 1, "approved")
            applicant = case.applicant
            service.deliver_case(
                make_uow(),
                clerk,
                case.id,
                case.row_version,
                "pickup",
                applicant.name,
                applicant.id_number,
            )
            summary.transitions += 2
    except DomainError:
        summary.refused_actions += 1
        return None
    feedback.after_acceptance(make_uow(), clerk, result.case_id)
    return result.number


def _caller(rng: random.Random, day: date) -> tuple[str, str]:
    who = person(rng, day)
    return who.name, who.phone


def _clerk_for(clerks: list[Actor]) -> Callable[[int | None], Actor]:
    """The clerk of a window; the general window's for bookings at no window."""
    by_window = {w: a for a in clerks for login, _, _, w, _ in DEMO_STAFF if login == a.login}
    return lambda number: by_window.get(number) or by_window[5]


def _refuse(uow: UnitOfWork, clerk: Actor, item: ItemVersionRecord, req: AcceptRequest) -> None:
    refusals.refuse_application(
        uow,
        clerk,
        RefusalRequest(
            item_version_id=item.id,
            applicant=req.applicant,
            reason="申请事项不属于本中心受理范围",
            legal_basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
            redirect_to="市级政务服务中心",
        ),
    )


def _sent_home(
    uow: UnitOfWork,
    clerk: Actor,
    rng: random.Random,
    item: ItemVersionRecord,
    req: AcceptRequest,
    day: date,
    pending: list[_PendingNotice],
) -> bool:
    """A required material is missing: a one-time notice lists it; the applicant comes back
    in a few days. False when the item has nothing that could be missing."""
    required = [
        m.id
        for m in item.materials
        if m.necessity is Necessity.REQUIRED and m.id in req.received_material_ids
    ]
    if not required:
        return False
    missing = rng.choice(required)
    brought = req.received_material_ids - {missing}
    result = notices.issue_one_time_notice(
        uow,
        clerk,
        NoticeRequest(
            item_version_id=item.id,
            applicant=req.applicant,
            received_material_ids=brought,
            not_applicable_material_ids=req.not_applicable_material_ids,
        ),
    )
    # On the return visit everything is there: what was missing and anything deferred.
    complete = replace(
        req,
        received_material_ids=req.received_material_ids | req.deferred_material_ids,
        deferred_material_ids=frozenset(),
        deferred_supply_by=None,
        applicant_commitment="",
    )
    returns_on = day + timedelta(days=rng.choice((1, 2, 3, 6)))
    pending.append(_PendingNotice(result.notice_id, clerk, complete, brought, returns_on))
    return True


def _come_back(
    make_uow: Callable[[], UnitOfWork],
    rng: random.Random,
    visit: _PendingNotice,
    summary: DemoSummary,
) -> None:
    """An applicant back with what the notice asked for; now and then the clerk asks for
    something that was not on it (a breach, with its written reason), then accepts."""
    if rng.random() < 0.1:
        return  # never came back; the notice stays open
    try:
        if visit.notice_id % 4 == 1 and visit.brought:  # one return visit in four
            asked = min(visit.brought)
            notices.record_extra_demand(
                make_uow(), visit.clerk, visit.notice_id, asked, "原件字迹不清，需重新提供"
            )
            summary.breaches += 1
        notices.accept_with_notice(make_uow(), visit.clerk, visit.notice_id, visit.request)
        summary.accepted += 1
    except DomainError:
        summary.refused_actions += 1


def _review_records(
    make_uow: Callable[[], UnitOfWork],
    clock: ManualClock,
    rng: random.Random,
    day: date,
    supervisor: Actor,
    summary: DemoSummary,
) -> None:
    """The supervisor reviews some of the open accountability records each morning."""
    clock.set(_at(day, 8, 50))
    for record in queries.list_accountability(make_uow(), supervisor, "open", 50):
        if rng.random() < 0.4:
            service.review_accountability(
                make_uow(),
                supervisor,
                record.id,
                rng.choice(("department", "staff", "applicant")),
                "经核实，办理过程中存在延误",
                "已约谈责任人并督促整改",
            )
            summary.reviews += 1


# Which demo window takes which department's items; the rest go to the general window.
WINDOW_DEPARTMENTS = {1: ("民政",), 2: ("民政",), 3: ("人力资源", "医疗保障"), 4: ("水利",)}


def items_for(clerk: Actor, items: list[ItemVersionRecord]) -> list[ItemVersionRecord]:
    """A clerk accepts the items of their own window's department (水务窗口 takes water
    permits, not marriage registration); the general windows take everything else."""
    number = next((w for login, _, _, w, _ in DEMO_STAFF if login == clerk.login), None)
    keys = WINDOW_DEPARTMENTS.get(number or 0)
    if keys is None:
        claimed = {k for ks in WINDOW_DEPARTMENTS.values() for k in ks}
        mine = [i for i in items if not any(k in i.department for k in claimed)]
    else:
        mine = [i for i in items if any(k in i.department for k in keys)]
    return mine or items


def _request(rng: random.Random, item: ItemVersionRecord, day: date) -> AcceptRequest:
    received, deferred, not_applicable = set(), set(), set()
    for m in item.materials:
        if m.necessity is Necessity.CONDITIONAL and rng.random() < 0.5:
            not_applicable.add(m.id)
        elif m.deferrable and rng.random() < 0.1 and item.committed_days >= 3:
            deferred.add(m.id)
        elif m.necessity is not Necessity.OPTIONAL or rng.random() < 0.5:
            received.add(m.id)
    supply_by = day + timedelta(days=1) if deferred else None
    return AcceptRequest(
        item_version_id=item.id,
        applicant=person(rng, day),
        received_material_ids=frozenset(received),
        deferred_material_ids=frozenset(deferred),
        not_applicable_material_ids=frozenset(not_applicable),
        deferred_supply_by=supply_by,
        applicant_commitment="本人承诺在期限内补交容缺材料" if deferred else "",
    )


def _work_open_cases(
    make_uow: Callable[[], UnitOfWork],
    clock: ManualClock,
    rng: random.Random,
    day: date,
    clerks: list[Actor],
    supervisor: Actor,
    summary: DemoSummary,
) -> None:
    """Each morning the clerks move their open cases on; a few run late on purpose."""
    by_id = {c.staff_id: c for c in clerks}
    page = queries.page_case_ids(
        make_uow(),
        supervisor,
        CaseQuery(
            states=frozenset(
                {CaseState.ACCEPTED, CaseState.IN_PROGRESS, CaseState.SUSPENDED, CaseState.DECIDED}
            ),
            order="urgency",
        ),
        None,
        5000,
    )
    minute = 9 * 60
    for case_id in page.ids:
        minute += rng.randint(1, 3)
        clock.set(_at(day, min(minute // 60, 16), minute % 60))
        uow = make_uow()
        detail = queries.case_detail(uow, supervisor, case_id)
        case = detail.case
        actor = by_id.get(case.owner_id, supervisor)
        action = _choose(rng, case.state, detail, day)
        if action is None:
            continue
        if case.is_agency:  # the agent carries it, and records where they went
            record = agency.agency_detail(uow, supervisor, case.id)
            actor = by_id.get(record.agent_id, actor) if record else actor
        try:
            if case.is_agency:
                bookings.agency_work(make_uow, rng, actor, case.id, action)
            _apply(make_uow(), actor, supervisor, case.id, case.row_version, action, rng, detail)
            summary.transitions += 1
        except DomainError:
            summary.refused_actions += 1


def _choose(
    rng: random.Random, state: CaseState, detail: queries.CaseDetail, day: date
) -> CaseAction | None:
    due = detail.deadline.due
    if state is CaseState.ACCEPTED:
        if due is not None and day >= due:
            return CaseAction.DECIDE
        return CaseAction.START if rng.random() < 0.9 else None
    if state is CaseState.SUSPENDED:
        return CaseAction.RESUME if rng.random() < 0.5 else None
    if state is CaseState.DECIDED:
        return CaseAction.DELIVER if rng.random() < 0.6 else None
    if state is CaseState.IN_PROGRESS:
        pending = [s for s in detail.steps if not s.done]
        roll = rng.random()
        if roll < 0.04:
            return CaseAction.SUSPEND
        if roll < 0.06 and detail.case.warning == WarningLevel.RED:
            return CaseAction.EXTEND
        if due is not None and day >= due:
            # Most cases are decided by their day; some slip a day, and about one in fifteen
            # waits on another department and runs late (the red cards a hall must answer for).
            if int(detail.case.number[-4:]) % 15 == 7:
                return None
            return CaseAction.DECIDE if rng.random() < 0.92 else None
        if pending and roll < 0.6:
            return CaseAction.COMPLETE_STEP
        if due is not None and rng.random() < 0.3:
            return CaseAction.DECIDE  # decided early
    return None


def _apply(
    uow: UnitOfWork,
    actor: Actor,
    supervisor: Actor,
    case_id: int,
    version: int,
    action: CaseAction,
    rng: random.Random,
    detail: queries.CaseDetail,
) -> None:
    if action is CaseAction.START:
        service.start_case(uow, actor, case_id, version)
    elif action is CaseAction.COMPLETE_STEP:
        step = next(s for s in detail.steps if not s.done)
        service.complete_step(uow, actor, case_id, version, step.position)
    elif action is CaseAction.SUSPEND:
        kind = rng.choice(["corrections", "site_survey", "public_notice"])
        service.suspend_case(
            uow,
            actor,
            case_id,
            version,
            kind,
            "申请材料需补正或需现场核实",
            None if kind == "corrections" else rng.randint(3, 10),
        )
    elif action is CaseAction.RESUME:
        service.resume_case(uow, actor, case_id, version, "补正材料已收齐")
    elif action is CaseAction.EXTEND:
        service.extend_case(
            uow, supervisor, case_id, version, 3, "涉及多部门会商，经负责人批准延期"
        )
    elif action is CaseAction.DECIDE:
        approved = rng.random() < 0.93
        service.decide_case(
            uow,
            actor,
            case_id,
            version,
            "approved" if approved else "denied",
            "" if approved else "经审核不符合申请条件",
            "" if approved else "《中华人民共和国行政许可法》第三十八条第二款及本事项设定依据",
        )
    elif action is CaseAction.DELIVER:
        applicant = detail.case.applicant
        deliver = agency.deliver_agency_result if detail.case.is_agency else service.deliver_case
        deliver(uow, actor, case_id, version, "pickup", applicant.name, applicant.id_number)

"""全程代办: staff carry the whole procedure for an applicant who cannot (elderly, disabled,
remote villages, enterprises on key projects).

A case becomes an agency case at acceptance (:func:`accept_agency_case`) or later
(:func:`take_on_agency`), always with the applicant's written authorisation and a named agent
(代办员). The agent records every step, including steps at other departments
(:func:`record_agency_step`), and every contact with the applicant
(:func:`record_agency_contact`), and delivers the result (:func:`deliver_agency_result`, which
is the case's own delivery transition with the agency's record around it). The case keeps its
life cycle and its deadline rules: agency adds records, never states.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from app import audit
from app.agency.records import (
    CHANNEL_LABELS,
    REASON_LABELS,
    AgencyContact,
    AgencyDayCounts,
    AgencyReason,
    AgencyRecord,
    AgencyStep,
    AgencyTerms,
    AgentChoice,
    ContactChannel,
    ContactInput,
    NewAgency,
    StepInput,
)
from app.cases.acceptance import AcceptResult, accept_case
from app.cases.common import COUNTER_ROLES, load_case
from app.cases.deadlines import local_day
from app.cases.lifecycle import STATE_LABELS, CaseState, DeliveryMethod
from app.cases.records import AcceptRequest, CaseRecord
from app.cases.transitions import deliver_case, may_act
from app.clock import DEFAULT_TZ
from app.errors import IllegalTransition, NotFound, ValidationError
from app.ports import UnitOfWork
from app.roles import ANY_ROLE, Actor, allowed_roles
from app.validation import FieldErrors, validate_text

AGENT_ROLES = COUNTER_ROLES  # who may act as an agent: counter staff
AUTHORISATION_VALID_DAYS = 365
# A clerk's PC clock may run a little ahead of the server's; a step "now" is never refused.
CLOCK_SLACK = timedelta(minutes=5)
DELIVERY_WORDS = {
    DeliveryMethod.PICKUP: "当面交付",
    DeliveryMethod.MAIL: "邮寄送达",
    DeliveryMethod.ELECTRONIC: "电子送达",
}

# Delivered, or ended without a result (withdrawn, terminated): no agency work left.
ENDED = (CaseState.DELIVERED, CaseState.WITHDRAWN, CaseState.TERMINATED)


def _required(errors: FieldErrors, field: str, value: str, what: str, max_len: int) -> str:
    if not value.strip():
        errors.add(field, f"请填写{what}")
        return ""
    return errors.check(field, validate_text, value, max_len=max_len) or ""


def check_terms(
    uow: UnitOfWork, actor: Actor, terms: AgencyTerms, today: date, errors: FieldErrors
) -> NewAgency:
    """The authorisation and the agent, every bad field into ``errors``. Call inside a
    transaction (the agent is looked up). ``case_id`` of the result is 0: set by the caller."""
    agent = uow.staff.get(terms.agent_id) if terms.agent_id is not None else None
    if terms.agent_id is None:
        errors.add("agent", "请指定代办员")
    elif (
        agent is None
        or not agent.active
        or agent.site_id != actor.site_id
        or agent.role not in AGENT_ROLES
    ):
        errors.add("agent", "代办员须为本中心在岗的窗口工作人员或负责人")
    try:
        reason = AgencyReason(terms.reason)
    except ValueError:
        errors.add("reason", "请选择代办原因")
        reason = AgencyReason.ELDERLY
    if terms.authorised_on is None:
        errors.add("authorised_on", "请填写委托书签署日期")
    elif terms.authorised_on > today:
        errors.add("authorised_on", "委托日期不能晚于今天")
    elif terms.authorised_on < today - timedelta(days=AUTHORISATION_VALID_DAYS):
        errors.add("authorised_on", "委托书签署已超过一年，请申请人重新签署")
    scope = _required(errors, "scope", terms.scope, "委托事项和权限", 500)
    document = _required(errors, "document_ref", terms.document_ref, "委托书编号或存放位置", 100)
    return NewAgency(
        case_id=0,
        agent_id=terms.agent_id or 0,
        reason=str(reason),
        authorised_on=terms.authorised_on or today,
        scope=scope,
        document_ref=document,
        taken_on_at=uow.clock.now(),
        taken_on_by=actor.staff_id,
    )


def _store(uow: UnitOfWork, actor: Actor, case_number: str, new: NewAgency) -> None:
    uow.agency.add(new)
    agent = uow.staff.get(new.agent_id)
    audit.record(
        uow,
        actor,
        "agency_taken_on",
        "case",
        case_number,
        {"agency": False},
        {
            "agency": True,
            "agent": agent.name if agent else new.agent_id,
            "reason": new.reason,
            "authorised_on": new.authorised_on,
            "document": new.document_ref,
        },
    )


@allowed_roles(*COUNTER_ROLES)
def accept_agency_case(
    uow: UnitOfWork,
    actor: Actor,
    req: AcceptRequest,
    terms: AgencyTerms,
    notice_id: int | None = None,
) -> AcceptResult:
    """受理 and take on as an agency case in one transaction (the counter's checkbox); on a
    return visit with a one-time notice, ``notice_id`` names it."""
    from app.notices.service import accept_with_notice

    with uow.write():
        errors = FieldErrors()
        new = check_terms(uow, actor, terms, local_day(uow.clock.now()), errors)
        agency_req = replace(req, is_agency=True)
        try:
            if notice_id is not None:
                result = accept_with_notice(uow, actor, notice_id, agency_req)
            else:
                result = accept_case(uow, actor, agency_req)
        except ValidationError as exc:  # show the applicant's and the agency's errors at once
            for field, message in exc.errors.items():
                errors.add(field, message)
            errors.raise_if_any()
            raise
        errors.raise_if_any()
        _store(uow, actor, result.number, replace(new, case_id=result.case_id))
    return result


@allowed_roles(*COUNTER_ROLES)
def take_on_agency(
    uow: UnitOfWork, actor: Actor, case_id: int, version: int, terms: AgencyTerms
) -> AgencyRecord:
    """Make an accepted case an agency case (the case window's "代办" tab). Its deadline does
    not change."""
    with uow.write():
        case = load_case(uow, case_id)
        may_act(uow, actor, case)
        if case.is_agency:  # taken on meanwhile, at another counter: no field to correct
            raise IllegalTransition(f"办件 {case.number} 已是全程代办件")
        if not agency_open(case.state):
            raise IllegalTransition(
                f"办件 {case.number} {STATE_LABELS[case.state]}，不能再转为全程代办"
            )
        errors = FieldErrors()
        new = check_terms(uow, actor, terms, local_day(uow.clock.now()), errors)
        errors.raise_if_any()
        uow.cases.update(case.id, version, is_agency=True)
        _store(uow, actor, case.number, replace(new, case_id=case.id))
        return _agency(uow, case)


def agency_open(state: CaseState) -> bool:
    """Agency work can still be taken on or recorded for a case in this state: no case that
    has ENDED is taken on, and no step or contact is added to one."""
    return state not in ENDED


def _agency(uow: UnitOfWork, case: CaseRecord) -> AgencyRecord:
    found = uow.agency.get(case.id)
    if found is None:  # the case, not a field of the agency forms, is wrong
        raise IllegalTransition(f"办件 {case.number} 不是全程代办件")
    return found


def _open_agency(uow: UnitOfWork, actor: Actor, case_id: int) -> tuple[CaseRecord, AgencyRecord]:
    case = load_case(uow, case_id)
    agency = _agency(uow, case)
    may_act(uow, actor, case)
    if not agency_open(case.state):
        raise IllegalTransition(f"办件 {case.number} {STATE_LABELS[case.state]}，代办已结束")
    return case, agency


def _when(
    at: datetime | None, now: datetime, agency: AgencyRecord, errors: FieldErrors
) -> datetime:
    if at is None:
        return now
    if at.tzinfo is None:
        at = at.replace(tzinfo=DEFAULT_TZ)
    if at > now + CLOCK_SLACK:
        errors.add("at", "时间不能晚于现在")
    elif local_day(at) < agency.authorised_on:
        errors.add("at", "时间不能早于委托日期")
    return at


@allowed_roles(*COUNTER_ROLES)
def record_agency_step(uow: UnitOfWork, actor: Actor, case_id: int, step: StepInput) -> AgencyStep:
    """One step the agent took: where (this hall or another department), what, the result."""
    errors = FieldErrors()
    department = _required(errors, "department", step.department, "办理部门", 100)
    action = _required(errors, "action", step.action, "办理内容", 500)
    result = _required(errors, "result", step.result, "办理结果", 500)
    with uow.write():
        now = uow.clock.now()
        case, agency = _open_agency(uow, actor, case_id)
        at = _when(step.at, now, agency, errors)
        errors.raise_if_any()
        step_id = uow.agency.add_step(case.id, at, department, action, result, actor.staff_id, now)
        audit.record(
            uow,
            actor,
            "agency_step_recorded",
            "case",
            case.number,
            None,
            {"at": at, "department": department, "action": action, "result": result},
        )
        return next(s for s in _agency(uow, case).steps if s.id == step_id)


@allowed_roles(*COUNTER_ROLES)
def record_agency_contact(
    uow: UnitOfWork, actor: Actor, case_id: int, contact: ContactInput
) -> AgencyContact:
    """The applicant was told of progress: when, how, what was said."""
    errors = FieldErrors()
    try:
        channel = ContactChannel(contact.channel)
    except ValueError:
        errors.add("channel", "请选择联系方式")
        channel = ContactChannel.PHONE
    summary = _required(errors, "summary", contact.summary, "告知内容", 500)
    with uow.write():
        now = uow.clock.now()
        case, agency = _open_agency(uow, actor, case_id)
        at = _when(contact.at, now, agency, errors)
        errors.raise_if_any()
        contact_id = uow.agency.add_contact(case.id, at, str(channel), summary, actor.staff_id, now)
        audit.record(
            uow,
            actor,
            "agency_contact_recorded",
            "case",
            case.number,
            None,
            {"at": at, "channel": CHANNEL_LABELS[channel], "summary": summary},
        )
        return next(c for c in _agency(uow, case).contacts if c.id == contact_id)


@allowed_roles(*COUNTER_ROLES)
def deliver_agency_result(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    version: int,
    method: DeliveryMethod | str,
    collected_by: str = "",
    collector_id_number: str = "",
) -> CaseRecord:
    """The agent hands the result to the applicant: the case's delivery transition, and the
    agency's last step, in one transaction."""
    with uow.write():
        case = load_case(uow, case_id)
        _agency(uow, case)
        delivered = deliver_case(
            uow, actor, case_id, version, method, collected_by, collector_id_number
        )
        now = uow.clock.now()
        how = DELIVERY_WORDS[DeliveryMethod(method)]
        result = f"{how}，签收人：{delivered.collected_by}" if delivered.collected_by else how
        uow.agency.add_step(
            case.id, now, "本中心", "向申请人送达办理结果", result, actor.staff_id, now
        )
        audit.record(
            uow,
            actor,
            "agency_result_delivered",
            "case",
            case.number,
            None,
            {"method": str(method), "collected_by": delivered.collected_by},
        )
        return delivered


@allowed_roles(*ANY_ROLE)
def agency_detail(uow: UnitOfWork, actor: Actor, case_id: int) -> AgencyRecord | None:
    """The case's authorisation, agent, steps and contacts; None for an ordinary case."""
    with uow.read():
        case = uow.cases.get(case_id)
        if case is None:
            raise NotFound(f"没有编号为 {case_id} 的办件")
        return uow.agency.get(case_id) if case.is_agency else None


@allowed_roles(*ANY_ROLE)
def agency_agents(uow: UnitOfWork, actor: Actor) -> list[AgentChoice]:
    """Who can be named agent: the site's active clerks and supervisors."""
    with uow.read():
        windows = {w.id: w.number for w in uow.sites.windows(actor.site_id)}
        return [
            AgentChoice(s.id, s.name, windows.get(s.window_id) if s.window_id else None)
            for s in uow.staff.list(actor.site_id)
            if s.role in AGENT_ROLES
        ]


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), DEFAULT_TZ)
    return start, start + timedelta(days=1)


def agency_case_ids(uow: UnitOfWork, day: date, site_id: int) -> list[int]:
    """Cases taken on as agency cases on ``day`` (at acceptance or later), for statistics."""
    start, end = _day_bounds(day)
    with uow.read():
        return uow.agency.case_ids_taken_on(site_id, start, end)


def agency_counts(uow: UnitOfWork, day: date, site_id: int) -> AgencyDayCounts:
    """Agency work of one day, for the daily log and statistics."""
    start, end = _day_bounds(day)
    with uow.read():
        return AgencyDayCounts(
            taken_on=len(uow.agency.case_ids_taken_on(site_id, start, end)),
            steps=uow.agency.count_steps(site_id, start, end),
            contacts=uow.agency.count_contacts(site_id, start, end),
            delivered=uow.agency.count_delivered(site_id, start, end),
            open=uow.agency.count_open(site_id, end),
        )


def reason_choices() -> list[tuple[str, str]]:
    return [(str(r), label) for r, label in REASON_LABELS.items()]

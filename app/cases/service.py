"""Accepting a case and moving it through its life, with deadlines, warnings and audit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app import audit
from app.calendar import load_calendar
from app.cases.deadlines import case_deadline, case_warning, extension_days, local_day
from app.cases.lifecycle import (
    CLOSED_STATES,
    CaseAction,
    CaseState,
    DeliveryMethod,
    Outcome,
    SuspensionKind,
    next_state,
)
from app.cases.records import AcceptRequest, ApplicantInput, CaseEventRecord, CaseRecord, NewCase
from app.catalog.records import ItemVersionRecord, Necessity
from app.clock import DEFAULT_TZ
from app.errors import ConcurrentEdit, NotFound, PermissionDenied, ValidationError
from app.numbering import NumberKind, next_number
from app.ports import UnitOfWork
from app.roles import Actor, Role, allowed_roles
from app.validation import (
    FieldErrors,
    validate_name,
    validate_phone,
    validate_resident_id,
    validate_text,
)
from app.workdays import Deadline

COUNTER_ROLES = (Role.CLERK, Role.SUPERVISOR)


@dataclass(frozen=True)
class AcceptResult:
    case_id: int
    number: str
    deadline: Deadline


def yellow_ratio(uow: UnitOfWork) -> float:
    from app import settings

    return float(settings.get(uow, "yellow_ratio_percent")) / 100


def check_applicant(applicant: ApplicantInput, today: date, errors: FieldErrors) -> ApplicantInput:
    """Validate and normalise an applicant; every bad field goes into ``errors``."""
    name = errors.check("applicant_name", validate_name, applicant.name)
    id_number = applicant.id_number.strip()
    if applicant.id_type == "resident_id":
        id_number = errors.check("id_number", validate_resident_id, id_number, today=today) or ""
    elif not id_number:
        errors.add("id_number", "请填写证件号码")
    phone = errors.check("phone", validate_phone, applicant.phone)
    agent_name = applicant.agent_name.strip()
    agent_id = applicant.agent_id_number.strip()
    if agent_name or agent_id:
        agent_name = errors.check("agent_name", validate_name, agent_name) or ""
        agent_id = (
            errors.check("agent_id_number", validate_resident_id, agent_id, today=today) or ""
        )
    agent_phone = applicant.agent_phone.strip()
    if agent_phone:
        agent_phone = errors.check("agent_phone", validate_phone, agent_phone) or ""
    return ApplicantInput(
        name=name or "",
        id_number=id_number,
        phone=phone or "",
        id_type=applicant.id_type,
        agent_name=agent_name,
        agent_id_number=agent_id,
        agent_phone=agent_phone,
    )


def check_materials(
    version: ItemVersionRecord, req: AcceptRequest, errors: FieldErrors
) -> dict[int, str]:
    """Every required material received (or deferred when deferrable); returns the states."""
    known = {m.id for m in version.materials}
    for field, ids in (
        ("received", req.received_material_ids),
        ("deferred", req.deferred_material_ids),
        ("not_applicable", req.not_applicable_material_ids),
    ):
        if ids - known:
            errors.add("materials", f"材料不属于该事项的当前版本（{field}）")
            return {}
    states: dict[int, str] = {}
    missing: list[str] = []
    for m in version.materials:
        if m.id in req.received_material_ids:
            states[m.id] = "received"
        elif m.id in req.deferred_material_ids:
            if not m.deferrable:
                errors.add("materials", f"“{m.name}”不可容缺，必须当场提交")
            states[m.id] = "deferred"
        elif m.id in req.not_applicable_material_ids:
            if m.necessity is Necessity.REQUIRED:
                errors.add("materials", f"“{m.name}”是必交材料，不能标为不适用")
            states[m.id] = "not_applicable"
        elif m.necessity is not Necessity.OPTIONAL:
            missing.append(m.name)
    if missing:
        errors.add(
            "materials", "材料不齐，不能受理，请出具一次性告知单。缺少：" + "、".join(missing)
        )
    return states


@allowed_roles(*COUNTER_ROLES)
def accept_case(uow: UnitOfWork, actor: Actor, req: AcceptRequest) -> AcceptResult:
    """受理: store the case with its number and committed deadline in one transaction."""
    from app.catalog.service import get_version

    now = uow.clock.now()
    today = local_day(now)
    errors = FieldErrors()
    applicant = check_applicant(req.applicant, today, errors)
    version = get_version(uow, req.item_version_id)
    materials = check_materials(version, req, errors)
    received_at = req.received_at or now
    if received_at > now:
        errors.add("received_at", "收件时间不能晚于现在")
    if req.deferred_material_ids:
        if req.applicant_commitment.strip():
            errors.check(
                "applicant_commitment", validate_text, req.applicant_commitment, max_len=500
            )
        else:
            errors.add("applicant_commitment", "容缺受理须记录申请人的补交承诺")
        if req.deferred_supply_by is None:
            errors.add("deferred_supply_by", "请填写容缺材料的补交期限")
        elif req.deferred_supply_by < today:
            errors.add("deferred_supply_by", "补交期限不能早于今天")
    errors.raise_if_any()
    start_day = req.deemed_accepted_on or today
    if start_day > today:
        raise ValidationError.single("deemed_accepted_on", "视为受理日期不能晚于今天")
    with uow.write():
        calendar = load_calendar(uow)
        deadline = calendar.add_working_days(start_day, version.committed_days)
        if req.deferred_supply_by and deadline.due and req.deferred_supply_by > deadline.due:
            raise ValidationError.single(
                "deferred_supply_by", f"补交期限不能晚于承诺办结日期 {deadline.due:%Y-%m-%d}"
            )
        site = uow.sites.get(actor.site_id)
        if site is None:
            raise NotFound("找不到本服务中心")
        window_id = window_id_for(uow, actor, req.window_number)
        number = next_number(uow.cases, site.id, site.code, NumberKind.CASE, today)
        case_id = uow.cases.add(
            NewCase(
                number=number,
                site_id=site.id,
                item_version_id=version.id,
                window_id=window_id,
                accepted_by=actor.staff_id,
                owner_id=actor.staff_id,
                notice_id=req.notice_id,
                applicant=applicant,
                is_agency=req.is_agency,
                received_at=received_at,
                accepted_at=now,
                accepted_day=start_day,
                committed_days=version.committed_days,
                statutory_days=version.statutory_days,
                deferred_supply_by=req.deferred_supply_by,
                applicant_commitment=req.applicant_commitment.strip(),
                materials=materials,
                due_date=deadline.due,
                due_provisional=deadline.provisional,
                calendar_version=deadline.calendar_version,
                warning=str(
                    case_warning_for_new(
                        today, deadline, version.committed_days, calendar, yellow_ratio(uow)
                    )
                ),
            )
        )
        uow.cases.add_event(
            case_id,
            CaseEventRecord(
                at=now,
                staff_id=actor.staff_id,
                staff_name=actor.name,
                on_behalf_of=None,
                action=CaseAction.ACCEPT,
                from_state=CaseState.ACCEPTED,
                to_state=CaseState.ACCEPTED,
                reason="",
                detail={
                    "committed_days": version.committed_days,
                    "calendar": deadline.calendar_version,
                },
            ),
        )
        audit.record(
            uow,
            actor,
            "case_accepted",
            "case",
            number,
            None,
            {
                "item": version.code,
                "version": version.version_no,
                "due": deadline.due,
                "provisional": deadline.provisional,
                "deferred": len(req.deferred_material_ids),
            },
        )
    return AcceptResult(case_id, number, deadline)


def case_warning_for_new(
    today: date, deadline: Deadline, days: int, calendar: Any, ratio: float
) -> str:
    from app.workdays import warning_level

    return str(warning_level(today, deadline.due, days, calendar, ratio))


def window_id_for(uow: UnitOfWork, actor: Actor, window_number: int | None) -> int | None:
    if window_number is None:
        return actor.window_id
    for window in uow.sites.windows(actor.site_id):
        if window.number == window_number:
            return window.id
    raise ValidationError.single("window", f"没有 {window_number} 号窗口")


# -- transitions -------------------------------------------------------------------------------


def _load(uow: UnitOfWork, case_id: int) -> CaseRecord:
    case = uow.cases.get(case_id)
    if case is None:
        raise NotFound(f"没有编号为 {case_id} 的办件")
    return case


def _check_version(case: CaseRecord, expected_version: int) -> None:
    """Optimistic locking: a save based on an old copy is refused, never merged silently."""
    if case.row_version == expected_version:
        return
    last = case.events[-1] if case.events else None
    who = last.staff_name if last else "他人"
    when = last.at.astimezone(DEFAULT_TZ).strftime("%H:%M:%S") if last else ""
    raise ConcurrentEdit(f"办件 {case.number} 已被{who}于 {when} 修改，请刷新后再办理")


def _may_act(uow: UnitOfWork, actor: Actor, case: CaseRecord) -> None:
    """The responsible clerk, their A/B backup, or a supervisor may move a case."""
    if actor.role is Role.SUPERVISOR or actor.staff_id == case.owner_id:
        return
    owner = uow.staff.get(case.owner_id)
    if owner is not None and owner.backup_staff_id == actor.staff_id:
        return
    raise PermissionDenied(f"办件 {case.number} 由{case.owner_name}负责，您不能办理")


def _transition(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    expected_version: int,
    action: CaseAction,
    reason: str = "",
    detail: dict[str, Any] | None = None,
    **changes: Any,
) -> CaseRecord:
    with uow.write():
        case = _load(uow, case_id)
        _may_act(uow, actor, case)
        _check_version(case, expected_version)
        new_state = next_state(case.state, action)
        now = uow.clock.now()
        today = local_day(now)
        calendar = load_calendar(uow)
        ratio = yellow_ratio(uow)
        if new_state in CLOSED_STATES:
            # Closing an overdue case still leaves its accountability record behind.
            before = case_deadline(case, calendar)
            if case_warning(case, before, today, calendar, ratio) == "red":
                _open_overdue_record(uow, case, before, today, calendar)
        event = CaseEventRecord(
            at=now,
            staff_id=actor.staff_id,
            staff_name=actor.name,
            on_behalf_of=case.owner_id if case.owner_id != actor.staff_id else None,
            action=action,
            from_state=case.state,
            to_state=new_state,
            reason=reason,
            detail=detail or {},
        )
        uow.cases.add_event(case.id, event)
        moved = _with_event(case, event, new_state)
        deadline = case_deadline(moved, calendar)
        warning = case_warning(moved, deadline, today, calendar, ratio)
        uow.cases.update(
            case.id,
            expected_version,
            state=str(new_state),
            due_date=deadline.due,
            due_provisional=deadline.provisional,
            calendar_version=deadline.calendar_version,
            warning=warning,
            **changes,
        )
        if warning == "red":
            _open_overdue_record(uow, moved, deadline, today, calendar)
        audit.record(
            uow,
            actor,
            f"case_{action}",
            "case",
            case.number,
            {"state": str(case.state), "due": case.due_date},
            {"state": str(new_state), "due": deadline.due, "reason": reason, **(detail or {})},
        )
        return _load(uow, case.id)


def _with_event(case: CaseRecord, event: CaseEventRecord, state: CaseState) -> CaseRecord:
    from dataclasses import replace

    return replace(case, state=state, events=(*case.events, event))


def _require_reason(reason: str, field: str = "reason", what: str = "原因") -> str:
    text = reason.strip()
    if not text:
        raise ValidationError.single(field, f"请填写{what}")
    return validate_text(text, field=field, max_len=1000)


@allowed_roles(*COUNTER_ROLES)
def start_case(uow: UnitOfWork, actor: Actor, case_id: int, version: int) -> CaseRecord:
    return _transition(uow, actor, case_id, version, CaseAction.START)


@allowed_roles(*COUNTER_ROLES)
def complete_step(
    uow: UnitOfWork, actor: Actor, case_id: int, version: int, position: int, note: str = ""
) -> CaseRecord:
    return _transition(
        uow, actor, case_id, version, CaseAction.COMPLETE_STEP, note.strip(), {"position": position}
    )


@allowed_roles(*COUNTER_ROLES)
def suspend_case(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    version: int,
    kind: SuspensionKind | str,
    reason: str,
) -> CaseRecord:
    """补正 or a special procedure: the clock stops until resumed; the applicant is told in
    writing (the correction request / notice is printed from this event)."""
    try:
        kind = SuspensionKind(kind)
    except ValueError:
        raise ValidationError.single("kind", "请选择中止计时的类型") from None
    text = _require_reason(reason)
    return _transition(uow, actor, case_id, version, CaseAction.SUSPEND, text, {"kind": str(kind)})


@allowed_roles(*COUNTER_ROLES)
def resume_case(
    uow: UnitOfWork, actor: Actor, case_id: int, version: int, note: str = ""
) -> CaseRecord:
    return _transition(uow, actor, case_id, version, CaseAction.RESUME, note.strip())


@allowed_roles(Role.SUPERVISOR)
def extend_case(
    uow: UnitOfWork, actor: Actor, case_id: int, version: int, days: int, reason: str
) -> CaseRecord:
    """延期: a supervisor adds working days, never past the statutory limit."""
    text = _require_reason(reason)
    if days <= 0:
        raise ValidationError.single("days", "延期天数须为正数")
    with uow.read():
        case = _load(uow, case_id)
    total = case.committed_days + extension_days(case.events) + days
    if total > case.statutory_days:
        room = case.statutory_days - case.committed_days - extension_days(case.events)
        raise ValidationError.single(
            "days",
            f"延期后共 {total} 个工作日，超过法定时限 {case.statutory_days} 个工作日"
            f"（最多还能延 {max(room, 0)} 天）",
        )
    return _transition(uow, actor, case_id, version, CaseAction.EXTEND, text, {"days": days})


@allowed_roles(*COUNTER_ROLES)
def decide_case(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    version: int,
    outcome: Outcome | str,
    note: str = "",
) -> CaseRecord:
    try:
        outcome = Outcome(outcome)
    except ValueError:
        raise ValidationError.single("outcome", "请选择准予或不予许可") from None
    text = (
        _require_reason(note, "note", "不予许可的理由")
        if outcome is Outcome.DENIED
        else note.strip()
    )
    return _transition(
        uow,
        actor,
        case_id,
        version,
        CaseAction.DECIDE,
        text,
        {"outcome": str(outcome)},
        decision=str(outcome),
        decision_note=text,
        decided_at=uow.clock.now(),
    )


@allowed_roles(*COUNTER_ROLES)
def deliver_case(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    version: int,
    method: DeliveryMethod | str,
    collected_by: str = "",
    collector_id_number: str = "",
) -> CaseRecord:
    """送达: picked up (who collected, ID checked — may be an agent), mailed or electronic."""
    try:
        method = DeliveryMethod(method)
    except ValueError:
        raise ValidationError.single("method", "请选择送达方式") from None
    errors = FieldErrors()
    name = ""
    if method is DeliveryMethod.PICKUP:
        name = errors.check("collected_by", validate_name, collected_by) or ""
        today = local_day(uow.clock.now())
        errors.check("collector_id_number", validate_resident_id, collector_id_number, today=today)
    errors.raise_if_any()
    return _transition(
        uow,
        actor,
        case_id,
        version,
        CaseAction.DELIVER,
        "",
        {"method": str(method)},
        delivered_at=uow.clock.now(),
        delivery_method=str(method),
        collected_by=name,
    )


@allowed_roles(*COUNTER_ROLES)
def withdraw_case(
    uow: UnitOfWork, actor: Actor, case_id: int, version: int, reason: str
) -> CaseRecord:
    return _transition(uow, actor, case_id, version, CaseAction.WITHDRAW, _require_reason(reason))


# -- warnings and accountability ---------------------------------------------------------------


def _open_overdue_record(
    uow: UnitOfWork, case: CaseRecord, deadline: Deadline, today: date, calendar: Any
) -> bool:
    """Open the case's overdue record unless it has one; True when one was opened."""
    from app.workdays import working_days_late

    late = working_days_late(today, deadline.due, calendar) if deadline.due else 0
    record_id = uow.cases.add_accountability(
        "overdue", case.id, case.owner_id, uow.clock.now(), late
    )
    if record_id is None:
        return False
    audit.record(
        uow,
        None,
        "accountability_opened",
        "case",
        case.number,
        None,
        {"kind": "overdue", "responsible": case.owner_id, "days_late": late},
        login="system",
    )
    return True


@dataclass(frozen=True)
class WarningScan:
    checked: int
    changed: int
    opened_records: int


def refresh_warnings(uow: UnitOfWork) -> WarningScan:
    """Recompute every open case's warning for today; open a record for each newly red case.
    Runs when a list opens, on a timer and from ``frontdesk case scan``."""
    with uow.write():
        today = local_day(uow.clock.now())
        calendar = load_calendar(uow)
        ratio = yellow_ratio(uow)
        checked = changed = opened = 0
        for case_id in uow.cases.open_case_ids():
            case = _load(uow, case_id)
            checked += 1
            deadline = case_deadline(case, calendar)
            warning = case_warning(case, deadline, today, calendar, ratio)
            if warning != case.warning:
                uow.cases.update(case.id, case.row_version, warning=warning)
                changed += 1
            if warning == "red" and _open_overdue_record(uow, case, deadline, today, calendar):
                opened += 1
    return WarningScan(checked, changed, opened)


ACCOUNTABILITY_CAUSES = {
    "applicant": "申请人原因",
    "staff": "工作人员过错",
    "department": "其他部门原因",
    "system": "系统或设备原因",
    "other": "其他",
}


@allowed_roles(Role.SUPERVISOR)
def review_accountability(
    uow: UnitOfWork, actor: Actor, record_id: int, cause: str, note: str, outcome: str
) -> None:
    """A supervisor's review: cause, note and outcome are all required — nothing closes
    silently."""
    errors = FieldErrors()
    if cause not in ACCOUNTABILITY_CAUSES:
        errors.add("cause", "请选择原因类别")
    note = errors.check("note", _require_reason, note, what="情况说明") or ""
    outcome = errors.check("outcome", _require_reason, outcome, what="处理结果") or ""
    errors.raise_if_any()
    with uow.write():
        record = uow.cases.accountability(record_id)
        if record is None:
            raise NotFound("没有这条责任追究记录")
        if record.state == "reviewed":
            raise ValidationError.single("record", "这条记录已经审查过")
        uow.cases.update_accountability(
            record_id,
            state="reviewed",
            cause=cause,
            note=note,
            outcome=outcome,
            reviewed_by=actor.staff_id,
            reviewed_at=uow.clock.now(),
        )
        audit.record(
            uow,
            actor,
            "accountability_reviewed",
            "accountability",
            record_id,
            {"state": "open"},
            {"state": "reviewed", "cause": cause, "outcome": outcome},
        )

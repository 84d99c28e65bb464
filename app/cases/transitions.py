"""Moving a case through its life: every transition checked, recorded, re-dated and audited."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from app import audit
from app.backup_post import Cover
from app.calendar import load_calendar
from app.cases.accountability import open_overdue_record
from app.cases.common import COUNTER_ROLES, load_case, optional_note, require_reason, yellow_ratio
from app.cases.deadlines import case_deadline, case_warning, extension_days, local_day
from app.cases.deferral import (
    approval_override,
    chosen_materials,
    material_names,
    outstanding,
    require_overdue,
)
from app.cases.lifecycle import (
    CLOSED_STATES,
    MAX_SPECIAL_DAYS,
    SPECIAL_PROCEDURES,
    CaseAction,
    CaseState,
    DeliveryMethod,
    Outcome,
    SuspensionKind,
    next_state,
)
from app.cases.ownership import is_handed_over, require_owner
from app.cases.ports import CaseStore
from app.cases.records import CaseEventRecord, CaseRecord
from app.clock import DEFAULT_TZ
from app.errors import ConcurrentEdit, PermissionDenied, ValidationError
from app.roles import Actor, Role, allowed_roles
from app.validation import (
    FieldErrors,
    validate_name,
    validate_resident_id,
)
from app.warning_levels import WarningLevel


def _check_version(case: CaseRecord, expected_version: int) -> None:
    """Optimistic locking: a save based on an old copy is refused, never merged silently."""
    if case.row_version == expected_version:
        return
    last = case.events[-1] if case.events else None
    who = last.staff_name if last else "他人"
    when = last.at.astimezone(DEFAULT_TZ).strftime("%H:%M:%S") if last else ""
    raise ConcurrentEdit(f"办件 {case.number} 已被{who}于 {when} 修改，请刷新后再办理")


def may_act(uow: CaseStore, actor: Actor, case: CaseRecord) -> None:
    """Only the site that owns the case may move it (app.handover; the refusal names the
    owner). There, the responsible clerk, whoever stands in for them (A/B post), a supervisor,
    or the agent of an agency case (全程代办: the agent carries the case through every step)
    may; a case handed over to the county for its decision is the county's counters' work."""
    require_owner(uow, case, actor.site_id)
    if actor.role is Role.SUPERVISOR or actor.staff_id == case.owner_id:
        return
    if is_handed_over(case) and actor.role in COUNTER_ROLES:
        return
    if actor.staff_id in Cover.read(uow, actor.site_id, uow.clock.now()).chain(case.owner_id):
        return  # the B post (or the next along the chain while both are away)
    if case.is_agency and uow.agency.agent_of(case.id) == actor.staff_id:
        return
    raise PermissionDenied(f"办件 {case.number} 由{case.owner_name}负责，您不能办理")


def _transition(
    uow: CaseStore,
    actor: Actor,
    case_id: int,
    expected_version: int,
    action: CaseAction,
    reason: str = "",
    detail: dict[str, Any] | None = None,
    also: Callable[[CaseRecord], None] | None = None,
    **changes: Any,
) -> CaseRecord:
    """One step of the life cycle in one transaction; ``also`` runs in it (after the event) for
    the rows an action touches beside the case's own."""
    with uow.write():
        case = load_case(uow, case_id)
        may_act(uow, actor, case)
        _check_version(case, expected_version)
        new_state = next_state(case.state, action)
        now = uow.clock.now()
        today = local_day(now)
        calendar = load_calendar(uow)
        ratio = yellow_ratio(uow)
        if new_state in CLOSED_STATES:
            # Closing an overdue case still leaves its accountability record behind.
            before = case_deadline(case, calendar)
            if case_warning(case, before, today, calendar, ratio) == WarningLevel.RED:
                open_overdue_record(uow, case, before, today, calendar)
        # At the county, a handed-over case is nobody's stand-in work: no "on behalf of".
        owner = actor.staff_id if is_handed_over(case) else case.owner_id
        event = transition_event(actor, owner, now, action, case.state, new_state, reason, detail)
        moved = _with_event(case, event, new_state)
        deadline = case_deadline(moved, calendar)
        warning = case_warning(moved, deadline, today, calendar, ratio)
        try:
            uow.cases.update(
                case.id,
                expected_version,
                state=str(new_state),
                due_date=deadline.due,
                due_provisional=deadline.provisional,
                calendar_version=deadline.calendar_version,
                warning=warning,
                **closing_columns(case.state, new_state, case.accepted_at, now),
                **changes,
            )
        except ConcurrentEdit:
            # Another counter saved between this read and this write (PostgreSQL lets both
            # read the old version): name them, as the check above does.
            _check_version(load_case(uow, case.id), expected_version)
            raise
        uow.cases.add_event(case.id, event)  # after the update, so a refusal names the other
        if also is not None:
            also(moved)
        if warning == WarningLevel.RED:
            open_overdue_record(uow, moved, deadline, today, calendar)
        summary = transition_summary(event, case.due_date, deadline.due)
        audit.record(uow, actor, f"case_{action}", "case", case.number, *summary)
        return load_case(uow, case.id)


def transition_event(
    actor: Actor,
    owner_id: int,
    at: datetime,
    action: CaseAction,
    from_state: CaseState,
    to_state: CaseState,
    reason: str = "",
    detail: dict[str, Any] | None = None,
) -> CaseEventRecord:
    """The event of one step, naming the owner when someone else acts for them."""
    return CaseEventRecord(
        at=at,
        staff_id=actor.staff_id,
        staff_name=actor.name,
        on_behalf_of=owner_id if owner_id != actor.staff_id else None,
        action=action,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
        detail=detail or {},
    )


#: The open-span classes stored with a closed case (``closing_columns``): class k holds the
#: cases that closed fewer than 2**k days after their acceptance; the last class has no bound.
OPEN_CLASSES = 20


def open_class(accepted_at: datetime, closed_at: datetime) -> int:
    """The smallest k (at most ``OPEN_CLASSES``) with closing before acceptance + 2**k days.

    A past day's log asks which cases were open at its end; a case open then and of class k
    closed within 2**k days after it, so each class is one bounded range of closing times
    (``db.reports_repo``), however old the day is."""
    days = (closed_at - accepted_at).total_seconds() / 86400
    k = 0
    while k < OPEN_CLASSES and days >= 2**k:
        k += 1
    return k


def closing_columns(
    from_state: CaseState, to_state: CaseState, accepted_at: datetime, at: datetime
) -> dict[str, Any]:
    """The case's closing columns when a step closes it (decided, withdrawn, terminated); none
    for any other step (delivering a decided case keeps the time it closed)."""
    if to_state not in CLOSED_STATES or from_state in CLOSED_STATES:
        return {}
    return {"closed_at": at, "open_class": open_class(accepted_at, at)}


def transition_summary(
    event: CaseEventRecord, due_before: date | None, due_after: date | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The audit event's before and after for a step (``case_<action>``)."""
    before = {"state": str(event.from_state), "due": due_before}
    after = {
        "state": str(event.to_state),
        "due": due_after,
        "reason": event.reason,
        **event.detail,
        # A B post (or supervisor) acting on the owner's case: said in the trail too.
        **({"on_behalf_of": event.on_behalf_of} if event.on_behalf_of else {}),
    }
    return before, after


def _with_event(case: CaseRecord, event: CaseEventRecord, state: CaseState) -> CaseRecord:
    from dataclasses import replace

    return replace(case, state=state, events=(*case.events, event))


@allowed_roles(*COUNTER_ROLES)
def start_case(uow: CaseStore, actor: Actor, case_id: int, version: int) -> CaseRecord:
    return _transition(uow, actor, case_id, version, CaseAction.START)


@allowed_roles(*COUNTER_ROLES)
def complete_step(
    uow: CaseStore, actor: Actor, case_id: int, version: int, position: int, note: str = ""
) -> CaseRecord:
    text = optional_note(note)
    return _transition(
        uow, actor, case_id, version, CaseAction.COMPLETE_STEP, text, {"position": position}
    )


@allowed_roles(*COUNTER_ROLES)
def suspend_case(
    uow: CaseStore,
    actor: Actor,
    case_id: int,
    version: int,
    kind: SuspensionKind | str,
    reason: str,
    expected_days: int | None = None,
) -> CaseRecord:
    """补正, a special procedure (行政许可法 Art. 45), or 中止办理 for a deferred material overdue:
    the clock stops until resumed; the applicant is told in writing — the correction request,
    for a special procedure the 特别程序告知书 with its expected time in working days, for an
    overdue deferral the 中止办理通知书 naming what is owed — printed from this event."""
    try:
        kind = SuspensionKind(kind)
    except ValueError:
        raise ValidationError.single("kind", "请选择中止计时的类型") from None
    errors = FieldErrors()
    text = errors.check("reason", require_reason, reason) or ""
    detail: dict[str, Any] = {"kind": str(kind)}
    if kind in SPECIAL_PROCEDURES:
        if not isinstance(expected_days, int) or isinstance(expected_days, bool):
            errors.add("expected_days", "请填写特别程序预计所需的工作日（书面告知申请人）")
        elif not 1 <= expected_days <= MAX_SPECIAL_DAYS:
            errors.add("expected_days", f"预计所需工作日应在1～{MAX_SPECIAL_DAYS}之间")
        else:
            detail["expected_days"] = expected_days
    errors.raise_if_any()
    if kind is SuspensionKind.DEFERRAL_OVERDUE:
        detail.update(_overdue_detail(uow, case_id, "中止办理"))
    return _transition(uow, actor, case_id, version, CaseAction.SUSPEND, text, detail)


def _overdue_detail(uow: CaseStore, case_id: int, what: str) -> dict[str, Any]:
    with uow.read():
        case = load_case(uow, case_id)
    owed = require_overdue(uow, case, local_day(uow.clock.now()), what)
    supply_by = case.deferred_supply_by
    return {
        "material_ids": sorted(owed),
        "materials": list(owed.values()),
        "supply_by": supply_by.isoformat() if supply_by else "",
    }


@allowed_roles(*COUNTER_ROLES)
def terminate_case(
    uow: CaseStore, actor: Actor, case_id: int, version: int, reason: str
) -> CaseRecord:
    """终止办理: a deferred (容缺) material was not supplied by the date the applicant promised
    in writing, so the case ends without a decision; the 终止办理通知书 printed from this event
    tells the applicant why and that they may apply again."""
    text = require_reason(reason)
    detail = _overdue_detail(uow, case_id, "终止办理")
    return _transition(uow, actor, case_id, version, CaseAction.TERMINATE, text, detail)


@allowed_roles(*COUNTER_ROLES)
def resume_case(
    uow: CaseStore, actor: Actor, case_id: int, version: int, note: str = ""
) -> CaseRecord:
    return _transition(uow, actor, case_id, version, CaseAction.RESUME, optional_note(note))


@allowed_roles(Role.SUPERVISOR)
def extend_case(
    uow: CaseStore,
    actor: Actor,
    case_id: int,
    version: int,
    days: int,
    reason: str,
    approved_by: str = "",
) -> CaseRecord:
    """延期 (行政许可法 Art. 42): a supervisor adds working days with the reason, which the
    applicant is told in writing (延期告知书). Up to the statutory limit that is the hall's
    call; beyond it only by the item's extension allowance and with the approval of the head of
    the body, whose name is recorded."""
    from app.catalog.service import get_version

    errors = FieldErrors()
    text = errors.check("reason", require_reason, reason) or ""
    if isinstance(days, bool) or not isinstance(days, int) or days <= 0:
        errors.add("days", "延期天数须为正数")
        errors.raise_if_any()
    with uow.read():
        case = load_case(uow, case_id)
        allowance = get_version(uow, case.item_version_id).extension_allowance
    used = case.committed_days + extension_days(case.events)
    total = used + days
    cap = case.statutory_days + allowance
    detail: dict[str, Any] = {"days": days}
    if total > cap:
        errors.add(
            "days",
            f"延期后共 {total} 个工作日，超过法定时限 {case.statutory_days} 个工作日"
            f"加可延长的 {allowance} 个工作日（最多还能延 {max(cap - used, 0)} 天）",
        )
    elif total > case.statutory_days:
        approver = errors.check(
            "approved_by",
            require_reason,
            approved_by,
            what=f"批准超过法定时限（{case.statutory_days}个工作日）延期的负责人",
        )
        if approver:
            detail["approved_by"] = approver
    errors.raise_if_any()
    return _transition(uow, actor, case_id, version, CaseAction.EXTEND, text, detail)


@allowed_roles(*COUNTER_ROLES)
def decide_case(
    uow: CaseStore,
    actor: Actor,
    case_id: int,
    version: int,
    outcome: Outcome | str,
    note: str = "",
    legal_basis: str = "",
    override: str = "",
) -> CaseRecord:
    """作出决定. Not granting needs the reasons and their legal basis in writing (行政许可法
    Art. 38(2)): both go on the 不予行政许可决定书 with the applicant's remedies. Granting
    while a deferred (容缺) material is outstanding needs a supervisor and their ``override``
    reason (app.cases.deferral)."""

    try:
        outcome = Outcome(outcome)
    except ValueError:
        raise ValidationError.single("outcome", "请选择准予或不予许可") from None
    detail: dict[str, Any] = {"outcome": str(outcome)}
    if outcome is Outcome.DENIED:
        errors = FieldErrors()
        text = errors.check("note", require_reason, note, what="不予许可的理由") or ""
        basis = errors.check("legal_basis", require_reason, legal_basis, what="不予许可的法律依据")
        errors.raise_if_any()
        detail["legal_basis"] = basis
    else:
        text = optional_note(note)
        reason = approval_override(uow, actor, case_id, override)
        if reason:
            detail["override"] = reason
    return _transition(
        uow,
        actor,
        case_id,
        version,
        CaseAction.DECIDE,
        text,
        detail,
        decision=str(outcome),
        decision_note=text,
        decided_at=uow.clock.now(),
    )


@allowed_roles(*COUNTER_ROLES)
def deliver_case(
    uow: CaseStore,
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
    uow: CaseStore, actor: Actor, case_id: int, version: int, reason: str
) -> CaseRecord:
    return _transition(uow, actor, case_id, version, CaseAction.WITHDRAW, require_reason(reason))


@allowed_roles(*COUNTER_ROLES)
def supply_deferred(
    uow: CaseStore,
    actor: Actor,
    case_id: int,
    version: int,
    material_ids: Iterable[object],
    note: str = "",
) -> CaseRecord:
    """容缺补交: record deferred materials that came in (app.cases.deferral); the case keeps
    its state and its clock."""
    with uow.read():
        case = load_case(uow, case_id)
    names = material_names(uow, case)
    chosen = chosen_materials(material_ids)
    missing = outstanding(case)
    if not chosen:
        raise ValidationError.single("materials", "请勾选收到的容缺材料")
    wrong = chosen - missing
    if wrong:
        listed = "、".join(names.get(i, str(i)) for i in sorted(wrong))
        raise ValidationError.single("materials", f"{listed} 不是本件尚未补交的容缺材料")
    text = optional_note(note)
    left = missing - chosen
    detail = {
        "material_ids": sorted(chosen),
        "materials": [names[i] for i in sorted(chosen)],
        "outstanding": [names[i] for i in sorted(left)],
    }
    return _transition(
        uow,
        actor,
        case_id,
        version,
        CaseAction.SUPPLY,
        text,
        detail,
        also=lambda moved: uow.cases.mark_supplied(moved.id, chosen, uow.clock.now()),
    )

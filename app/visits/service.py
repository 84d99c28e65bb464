"""首问负责: register a visit, end it with an outcome, refer it on, acknowledge, recall, reopen.

Whoever registers a visit holds it until it is answered, becomes an application, or a named
receiver acknowledges it (then they hold it). Every move is checked against the life-cycle
table, appended to the visit's chain and audited in the same transaction; a B post acting for an
absent colleague is recorded as acting for them (``on_behalf_of``) on the chain and in the audit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app import audit
from app.backup_post import with_cover
from app.calendar import load_calendar
from app.cases.acceptance import window_id_for
from app.cases.common import COUNTER_ROLES
from app.cases.deadlines import local_day
from app.clock import DEFAULT_TZ
from app.errors import NotFound, PermissionDenied, ValidationError
from app.numbering import NumberKind, next_number
from app.roles import ANY_ROLE, Actor, Role, allowed_roles
from app.site_rules import own_record
from app.sites import own_site
from app.validation import (
    MOBILE_IN_TEXT,
    FieldErrors,
    is_mobile,
    validate_name,
    validate_phone,
    validate_resident_id,
    validate_text,
)
from app.visits.common import (
    acting_for,
    load_referral,
    load_visit,
    receiving_for,
    require_own_visit,
)
from app.visits.lifecycle import (
    Outcome,
    ReferralKind,
    ReferralState,
    VisitAction,
    VisitState,
    VisitType,
    allowed_actions,
    next_state,
)
from app.visits.ports import VisitStore
from app.visits.records import (
    OutcomeInput,
    ReferralInput,
    ReferralRecord,
    ReferralRef,
    VisitInput,
    VisitRecord,
    VisitRef,
)
from app.visits.steps import (
    ReferralTarget,
    acknowledging,
    ending,
    new_referral,
    referral_due,
    referring,
    registration,
    visit_event,
    with_behalf,
)

# -- registering -----------------------------------------------------------------------------


def check_visitor(visit: VisitInput, today: Any, errors: FieldErrors) -> dict[str, Any]:
    """Validate what the clerk typed; only the question is always needed."""
    question = errors.check("question", validate_text, visit.question, max_len=500) or ""
    try:
        kind = VisitType(visit.visit_type)
    except ValueError:
        errors.add("visit_type", "请选择来访类型")
        kind = VisitType.OTHER
    name = visit.visitor_name.strip()
    if name:
        name = errors.check("visitor_name", validate_name, name) or ""
    phone = visit.phone.strip()
    if phone:
        phone = errors.check("phone", validate_phone, phone) or ""
    elif kind is VisitType.COMPLAINT:
        errors.add("phone", "投诉须留联系电话，以便答复")
    id_number = visit.id_number.strip()
    if id_number:
        id_number = errors.check("id_number", validate_resident_id, id_number, today=today) or ""
    answer = errors.check("answer", validate_text, visit.answer, max_len=2000, required=False)
    return {
        "question": question,
        "visit_type": kind,
        "visitor_name": name,
        "phone": phone,
        "id_number": id_number,
        "answer": answer or "",
    }


@allowed_roles(*COUNTER_ROLES)
def register_visit(uow: VisitStore, actor: Actor, visit: VisitInput) -> VisitRef:
    """登记来访: the logged-in clerk is the first responder, the clock gives the time. With an
    ``answer`` the visit is answered on the spot in the same step."""
    now = uow.clock.now()
    today = local_day(now)
    errors = FieldErrors()
    clean = check_visitor(visit, today, errors)
    errors.raise_if_any()
    with uow.write():
        site = own_site(uow, actor)
        window_id = window_id_for(uow, actor, visit.window_number)
        number = next_number(uow.numbers, site.id, site.code, NumberKind.VISIT, today)
        new, event, after = registration(
            actor, clean, visit.needs_escort, number, site.id, window_id, now
        )
        visit_id = uow.visits.add(new)
        uow.visits.add_event(visit_id, event)
        audit.record(uow, actor, "visit_registered", "visit", number, None, after)
        if clean["answer"]:
            _end(
                uow, actor, load_visit(uow, visit_id), VisitAction.ANSWER, clean["answer"], "", None
            )
    return VisitRef(visit_id, number)


# -- ending ------------------------------------------------------------------------------------


@allowed_roles(*COUNTER_ROLES)
def close_visit(
    uow: VisitStore, actor: Actor, visit_id: int, outcome: OutcomeInput | None
) -> VisitRecord:
    """End a visit with its outcome: answered on the spot (the answer, optionally the service
    guide handed over) or become an application (the case, notice or refusal number). A visit
    never ends without one: the refusal names the field."""
    kind = _outcome_kind(outcome)
    assert outcome is not None
    errors = FieldErrors()
    answer, reference, case_id, guide = "", "", None, ""
    if kind is Outcome.ANSWERED:
        answer = errors.check("answer", validate_text, outcome.answer, max_len=2000) or ""
    with uow.write():
        if kind is Outcome.ANSWERED and outcome.guide_code.strip():
            guide = _guide_code(uow, outcome.guide_code, errors)
        if kind is Outcome.APPLICATION:
            reference, case_id = _application(uow, outcome.document_number, errors)
        errors.raise_if_any()
        visit = load_visit(uow, visit_id)
        require_own_visit(uow, actor, visit)
        action = VisitAction.ANSWER if kind is Outcome.ANSWERED else VisitAction.APPLY
        _end(uow, actor, visit, action, answer, reference, case_id, guide)
        return load_visit(uow, visit_id)


def _outcome_kind(outcome: OutcomeInput | None) -> Outcome:
    raw = outcome.outcome if outcome is not None else None
    if not raw:
        raise ValidationError.single(
            "outcome", "请选择办理结果（当场答复或转为申请）；未有结果的来访不能结束"
        )
    try:
        kind = Outcome(raw)
    except ValueError:
        raise ValidationError.single("outcome", "未知的办理结果") from None
    if kind is Outcome.OUTSIDE:
        raise ValidationError.single(
            "outcome", "非本中心职责的事项请用“非本中心职责”转出：写明承办单位和联系方式"
        )
    return kind


def _guide_code(uow: VisitStore, code: str, errors: FieldErrors) -> str:
    from app.catalog.service import current_version

    try:
        return current_version(uow, code).code
    except NotFound as exc:
        errors.add("guide_code", exc.message)
        return ""


def _application(uow: VisitStore, number: str, errors: FieldErrors) -> tuple[str, int | None]:
    """The case (or one-time notice, refusal) the visit became, by its number."""
    text = number.strip().upper()
    if not text:
        errors.add("document_number", "请填写受理后的办件编号（或告知单、不予受理通知书编号）")
        return "", None
    case = uow.cases.by_number(text)
    if case is not None:
        return case.number, case.id
    notice = uow.notices.by_number(text)
    if notice is not None:
        return notice.number, notice.case_id
    refusal = uow.notices.refusal_by_number(text)
    if refusal is not None:
        return refusal.number, None
    errors.add("document_number", f"没有编号为“{text}”的办件、告知单或不予受理通知书")
    return "", None


def _end(
    uow: VisitStore,
    actor: Actor,
    visit: VisitRecord,
    action: VisitAction,
    text: str,
    reference: str,
    case_id: int | None,
    guide: str = "",
) -> None:
    on_behalf = acting_for(uow, actor, visit.holder_id)
    step = ending(
        actor,
        visit.state,
        visit.holder_id,
        on_behalf,
        action,
        text,
        reference,
        case_id,
        guide,
        uow.clock.now(),
    )
    uow.visits.update(visit.id, visit.row_version, **step.changes)
    uow.visits.add_event(visit.id, step.event)
    audit.record(uow, actor, step.audit_action, "visit", visit.number, step.before, step.after)


# -- referring on ------------------------------------------------------------------------------


@allowed_roles(*COUNTER_ROLES)
def refer_visit(
    uow: VisitStore, actor: Actor, visit_id: int, referral: ReferralInput
) -> ReferralRef:
    """引导/转办 to a window, department or named colleague of the center, or to the body
    outside the center that handles the matter. The referral stays open until the receiver
    acknowledges it at their counter (outside: until the first responder confirms by telephone);
    not acknowledged within ``referral_ack_hours`` working hours, it is overdue."""
    from app import settings

    errors = FieldErrors()
    reason = errors.check("reason", validate_text, referral.reason, max_len=500) or ""
    item_version_id = None
    with uow.write():
        target = referral_target(uow, actor, referral, errors)
        if referral.item_code.strip():
            item_version_id = _item_version(uow, referral.item_code, errors)
        errors.raise_if_any()
        visit = load_visit(uow, visit_id)
        require_own_visit(uow, actor, visit)
        on_behalf = acting_for(uow, actor, visit.holder_id)
        next_state(visit.state, VisitAction.REFER)  # refused here when it may not move on
        if target.staff_id is not None and target.staff_id == visit.holder_id:
            raise ValidationError.single("to_staff", "不能转给当前负责人本人")
        now = uow.clock.now()
        due = referral_due(now, settings.get_all(uow), load_calendar(uow))
        site = own_site(uow, actor)
        number = next_number(uow.numbers, site.id, site.code, NumberKind.REFERRAL, local_day(now))
        referral_id = uow.visits.add_referral(
            new_referral(
                actor, visit.id, target, on_behalf, item_version_id, reason, number, now, due
            )
        )
        step = referring(
            actor,
            visit.state,
            visit.holder_id,
            on_behalf,
            referral_id,
            number,
            target,
            reason,
            now,
            due,
        )
        uow.visits.update(visit.id, visit.row_version, **step.changes)
        uow.visits.add_event(visit.id, step.event)
        audit.record(uow, actor, step.audit_action, "visit", visit.number, step.before, step.after)
    return ReferralRef(referral_id, number, visit.id, due)


def referral_target(
    uow: VisitStore, actor: Actor, referral: ReferralInput, errors: FieldErrors
) -> ReferralTarget:
    try:
        kind = ReferralKind(referral.kind)
    except ValueError:
        errors.add("kind", "请选择转办去向")
        return ReferralTarget(ReferralKind.INTERNAL)
    if kind is ReferralKind.EXTERNAL:
        body = errors.check("to_body", validate_text, referral.to_body, max_len=200) or ""
        contact = errors.check("to_contact", validate_text, referral.to_contact, max_len=300)
        if contact and MOBILE_IN_TEXT.search(contact):
            errors.add("to_contact", "请写单位的办公电话和地址；手机号码不能印在引导单上")
        return ReferralTarget(kind, body=body, contact=contact or "", label=body)
    phone = referral.to_phone.strip()
    if phone:
        phone = errors.check("to_phone", validate_phone, phone) or ""
        if is_mobile(phone):
            errors.add("to_phone", "请填写办公电话（固定电话）；手机号码不能印在引导单上")
    staff = None
    if referral.to_staff_id is not None:
        staff = uow.staff.get(referral.to_staff_id)
        if staff is None or not staff.active or staff.site_id != actor.site_id:
            errors.add("to_staff", "没有这位在岗的工作人员")
            staff = None
        elif staff.role is Role.ADMIN:  # administrators keep no counter: nobody would receive it
            errors.add("to_staff", "系统管理员不接待来访，请转给窗口工作人员")
            staff = None
    windows = uow.sites.windows(actor.site_id)
    window = None
    if referral.to_window_number is not None:
        window = next((w for w in windows if w.number == referral.to_window_number), None)
        if window is None:
            errors.add("to_window", f"没有 {referral.to_window_number} 号窗口")
    elif staff is not None and staff.window_id is not None:
        window = next((w for w in windows if w.id == staff.window_id), None)
    department_id = referral.to_department_id
    departments = {d.id: d.name for d in uow.sites.departments(actor.site_id)}
    if department_id is not None and department_id not in departments:
        errors.add("to_department", "没有这个部门")
        department_id = None
    if department_id is None and window is not None:
        department_id = window.department_id
    nowhere = referral.to_staff_id is None and window is None and department_id is None
    if nowhere and not errors.errors:
        errors.add("to", "请选择接收的窗口、部门或工作人员")
    parts = [
        departments.get(department_id, "") if department_id else "",
        f"{window.number}号窗口（{window.name}）" if window else "",
        staff.name if staff else "",
    ]
    return ReferralTarget(
        kind,
        staff_id=staff.id if staff else None,
        window_id=window.id if window else None,
        department_id=department_id,
        phone=phone,
        label=" ".join(p for p in parts if p),
    )


def _item_version(uow: VisitStore, code: str, errors: FieldErrors) -> int | None:
    from app.catalog.service import current_version

    try:
        return current_version(uow, code).id
    except NotFound as exc:
        errors.add("item_code", exc.message)
        return None


# -- acknowledging, confirming, recalling, reopening -------------------------------------------


@allowed_roles(*COUNTER_ROLES)
def acknowledge_referral(
    uow: VisitStore, actor: Actor, referral_id: int, note: str = ""
) -> VisitRecord:
    """The receiver confirms at their counter that they have the visitor: from now on they hold
    the matter (a B post acknowledging for an absent receiver: the receiver's post holds it)."""
    text = validate_text(note, "note", 500, required=False)
    with uow.write():
        referral = load_referral(uow, referral_id)
        visit = load_visit(uow, referral.visit_id)
        require_own_visit(uow, actor, visit, referral)
        if referral.kind is ReferralKind.EXTERNAL:
            raise ValidationError.single(
                "referral", "转往外单位的事项由首问人员电话确认后记录，不在窗口接收"
            )
        _still_pending(referral)
        on_behalf = receiving_for(uow, actor, referral)
        now = uow.clock.now()
        changes, step = acknowledging(
            actor,
            visit.state,
            visit.holder_id,
            referral.id,
            referral.number,
            referral.state,
            referral.due_at,
            on_behalf,
            text,
            now,
        )
        uow.visits.update_referral(referral.id, ReferralState.PENDING, **changes)
        uow.visits.update(visit.id, visit.row_version, **step.changes)
        uow.visits.add_event(visit.id, step.event)
        audit.record(
            uow, actor, step.audit_action, "referral", referral.number, step.before, step.after
        )
        return load_visit(uow, visit.id)


@allowed_roles(*COUNTER_ROLES)
def confirm_outside_referral(
    uow: VisitStore, actor: Actor, referral_id: int, note: str
) -> VisitRecord:
    """Outside the center's remit: the first responder (or their B post) records the telephone
    call that confirmed the body handles it; the visit ends with that outcome."""
    text = validate_text(note, "note", 500)
    with uow.write():
        referral = load_referral(uow, referral_id)
        visit = load_visit(uow, referral.visit_id)
        require_own_visit(uow, actor, visit, referral)
        if referral.kind is not ReferralKind.EXTERNAL:
            raise ValidationError.single("referral", "中心内转办由接收人在窗口确认接收")
        _still_pending(referral)
        on_behalf = acting_for(uow, actor, visit.holder_id)
        new_state = next_state(visit.state, VisitAction.CONFIRM_OUTSIDE)
        now = uow.clock.now()
        uow.visits.update_referral(
            referral.id,
            ReferralState.PENDING,
            state=str(ReferralState.ACKNOWLEDGED),
            acknowledged_at=now,
            acknowledged_by=actor.staff_id,
            ack_on_behalf_of=on_behalf,
            ack_note=text,
        )
        outcome_text = f"{referral.to_body}（{referral.to_contact}）"
        uow.visits.update(
            visit.id,
            visit.row_version,
            state=str(new_state),
            outcome=str(Outcome.OUTSIDE),
            outcome_text=outcome_text,
            outcome_ref=referral.number,
            closed_at=now,
            closed_by=actor.staff_id,
            pending_due_at=None,
        )
        detail = {"referral": referral.number, "outcome": str(Outcome.OUTSIDE)}
        _chain(
            uow,
            actor,
            visit,
            VisitAction.CONFIRM_OUTSIDE,
            new_state,
            visit.holder_id,
            on_behalf,
            text,
            detail,
            referral.id,
        )
        audit.record(
            uow,
            actor,
            "outside_referral_confirmed",
            "referral",
            referral.number,
            {"state": str(referral.state)},
            with_behalf({"state": "acknowledged", "outcome": str(Outcome.OUTSIDE)}, on_behalf),
        )
        return load_visit(uow, visit.id)


@allowed_roles(*COUNTER_ROLES)
def recall_referral(uow: VisitStore, actor: Actor, referral_id: int, reason: str) -> VisitRecord:
    """收回: the visitor came back unserved, or the destination was wrong; the first responder
    holds the matter again (the slip's promise: 请持本单返回首问窗口)."""
    text = validate_text(reason, "reason", 500)
    with uow.write():
        referral = load_referral(uow, referral_id)
        visit = load_visit(uow, referral.visit_id)
        require_own_visit(uow, actor, visit, referral)
        _still_pending(referral)
        on_behalf = acting_for(uow, actor, visit.holder_id)
        new_state = next_state(visit.state, VisitAction.RECALL)
        uow.visits.update_referral(
            referral.id, ReferralState.PENDING, state=str(ReferralState.RECALLED)
        )
        uow.visits.update(visit.id, visit.row_version, state=str(new_state), pending_due_at=None)
        detail = {"referral": referral.number}
        _chain(
            uow,
            actor,
            visit,
            VisitAction.RECALL,
            new_state,
            visit.holder_id,
            on_behalf,
            text,
            detail,
            referral.id,
        )
        audit.record(
            uow,
            actor,
            "referral_recalled",
            "referral",
            referral.number,
            {"state": str(referral.state)},
            with_behalf({"state": "recalled", "reason": text}, on_behalf),
        )
        return load_visit(uow, visit.id)


@allowed_roles(*COUNTER_ROLES)
def reopen_visit(uow: VisitStore, actor: Actor, visit_id: int, reason: str) -> VisitRecord:
    """The matter is not settled after all: open again with its holder; the chain keeps the
    outcome it had (the visit row keeps only the current one)."""
    text = validate_text(reason, "reason", 500)
    with uow.write():
        visit = load_visit(uow, visit_id)
        require_own_visit(uow, actor, visit)
        on_behalf = acting_for(uow, actor, visit.holder_id)
        new_state = next_state(visit.state, VisitAction.REOPEN)
        uow.visits.update(
            visit.id,
            visit.row_version,
            state=str(new_state),
            outcome="",
            outcome_text="",
            outcome_ref="",
            case_id=None,
            guide_code="",
            closed_at=None,
            closed_by=None,
        )
        before = {"outcome": str(visit.outcome or ""), "ref": visit.outcome_ref}
        _chain(
            uow,
            actor,
            visit,
            VisitAction.REOPEN,
            new_state,
            visit.holder_id,
            on_behalf,
            text,
            before,
        )
        audit.record(
            uow,
            actor,
            "visit_reopen",
            "visit",
            visit.number,
            {"state": str(visit.state), **before},
            with_behalf({"state": str(new_state), "reason": text}, on_behalf),
        )
        return load_visit(uow, visit.id)


def _still_pending(referral: ReferralRecord) -> None:
    if referral.state is ReferralState.PENDING:
        return
    if referral.state is ReferralState.RECALLED:
        raise ValidationError.single("referral", f"转办 {referral.number} 已被收回")
    who = referral.acknowledged_by_name or "他人"
    when = referral.acknowledged_at
    at = f"于 {when.astimezone(DEFAULT_TZ):%H:%M} " if when else ""
    raise ValidationError.single("referral", f"转办 {referral.number} 已由{who}{at}接收")


def _chain(
    uow: VisitStore,
    actor: Actor,
    visit: VisitRecord,
    action: VisitAction,
    new_state: VisitState,
    holder_id: int,
    on_behalf: int | None,
    reason: str,
    detail: dict[str, Any],
    referral_id: int | None = None,
) -> None:
    event = visit_event(
        actor,
        visit.state,
        new_state,
        action,
        holder_id,
        on_behalf,
        reason,
        detail,
        uow.clock.now(),
        referral_id,
    )
    uow.visits.add_event(visit.id, event)


# -- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitDetail:
    """One visit in full, with what this staff member may do with it now (the screen shows
    these buttons and no others; the services check again)."""

    visit: VisitRecord
    actions: frozenset[str]  # answer, apply, refer, outside, acknowledge, confirm, recall, reopen
    acting_for_id: int | None
    now: datetime

    @property
    def overdue(self) -> bool:
        pending = self.visit.pending_referral
        return pending is not None and pending.overdue(self.now)


@allowed_roles(*ANY_ROLE)
def visit_detail(uow: VisitStore, actor: Actor, visit_id: int) -> VisitDetail:
    with uow.read():
        visit = load_visit(uow, visit_id)
        actions: set[str] = set()
        acting = None
        own = own_record(visit.site_id, actor.site_id)  # another site's visit: to read only
        try:
            acting = acting_for(uow, actor, visit.holder_id)
            holds = own and actor.role in COUNTER_ROLES
        except PermissionDenied:
            holds = False
        allowed = set(allowed_actions(visit.state))
        pending = visit.pending_referral
        if holds:
            if VisitAction.ANSWER in allowed:
                actions |= {"answer", "apply", "refer", "outside"}
            if VisitAction.REOPEN in allowed:
                actions.add("reopen")
            if pending is not None:
                actions.add("recall")
                if pending.kind is ReferralKind.EXTERNAL:
                    actions.add("confirm")
        if pending is not None and pending.kind is ReferralKind.INTERNAL and own:
            try:
                receiving_for(uow, actor, pending)
                if actor.role in COUNTER_ROLES:
                    actions.add("acknowledge")
            except PermissionDenied:
                pass
    return VisitDetail(visit, frozenset(actions), acting, uow.clock.now())


@allowed_roles(*ANY_ROLE)
def find_visit_by_number(uow: VisitStore, actor: Actor, number: str) -> VisitRecord | None:
    with uow.read():
        return uow.visits.by_number(number)


@dataclass(frozen=True)
class ReferralTargets:
    """Where a clerk can refer a visitor: colleagues (with their window, and who covers for
    them when they are away), windows and departments of the center."""

    staff: tuple[tuple[int, str], ...]
    windows: tuple[tuple[int, str], ...]
    departments: tuple[tuple[int, str], ...]


@allowed_roles(*COUNTER_ROLES)
def referral_targets(uow: VisitStore, actor: Actor) -> ReferralTargets:
    with uow.read():
        now = uow.clock.now()
        windows = uow.sites.windows(actor.site_id)
        current = with_cover(uow, actor.site_id, uow.absences.current(actor.site_id, now), now)
        away = {a.staff_id: a for a in current}
        labels = {w.id: f"{w.number}号窗口（{w.name}）" for w in windows}
        staff = []
        for s in uow.staff.list(actor.site_id):
            if s.id == actor.staff_id or s.role is Role.ADMIN:
                continue
            label = s.name + (f"　{labels[s.window_id]}" if s.window_id in labels else "")
            if s.id in away:
                until = away[s.id].until.astimezone(DEFAULT_TZ)
                cover = away[s.id].covered_by_name
                label += f"　离岗至 {until:%m-%d %H:%M}，" + (
                    f"{cover}代岗" if cover else "无人代岗"
                )
            staff.append((s.id, label))
        departments = tuple((d.id, d.name) for d in uow.sites.departments(actor.site_id))
    return ReferralTargets(
        tuple(staff), tuple((w.number, labels[w.id]) for w in windows), departments
    )

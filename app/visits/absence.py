"""AB岗: a clerk marked away (leave, training, field visit) has their B post cover for them.

While A is away, A's open visits, the referrals waiting for A and A's open cases appear in B's
queue (``app.visits.worklist``); what B does on them is recorded as acting for A. A clerk marks
themself away; a supervisor may mark anyone. The pairing itself is ``staff.backup_staff_id``
(``app.staff.set_backup``).
"""

from __future__ import annotations

from app import audit
from app.backup_post import with_cover
from app.errors import NotFound, PermissionDenied, ValidationError
from app.ports import UnitOfWork
from app.roles import ANY_ROLE, COUNTER_ROLES, Actor, Role, allowed_roles
from app.validation import FieldErrors, validate_text
from app.visits.common import covered_absences
from app.visits.lifecycle import AwayReason
from app.visits.records import AbsenceInput, AbsenceRecord

REASON_LABELS = {
    AwayReason.LEAVE: "请假",
    AwayReason.TRAINING: "培训",
    AwayReason.FIELD_VISIT: "外出",
}
MARKING_ROLES = COUNTER_ROLES


def _may_mark(actor: Actor, staff_id: int) -> None:
    if actor.role is Role.CLERK and staff_id != actor.staff_id:
        raise PermissionDenied("窗口工作人员只能登记本人离岗；为他人登记请找中心负责人")


@allowed_roles(*MARKING_ROLES)
def mark_away(uow: UnitOfWork, actor: Actor, absence: AbsenceInput) -> int:
    """离岗登记: from when until when, and why. Refused when the clerk has no B post (nobody
    would see their work) or when it overlaps an absence already entered."""
    _may_mark(actor, absence.staff_id)
    errors = FieldErrors()
    try:
        reason = AwayReason(absence.reason)
    except ValueError:
        errors.add("reason", "请选择离岗原因（请假、培训、外出）")
        reason = AwayReason.LEAVE
    note = errors.check("note", validate_text, absence.note, max_len=300, required=False) or ""
    starts, ends = absence.starts_at, absence.ends_at
    if starts.tzinfo is None or ends.tzinfo is None:
        raise ValueError("absence times must be timezone-aware")
    now = uow.clock.now()
    if ends <= starts:
        errors.add("ends_at", "结束时间须晚于开始时间")
    elif ends <= now:
        errors.add("ends_at", "结束时间已经过去")
    errors.raise_if_any()
    with uow.write():
        staff = uow.staff.get(absence.staff_id)
        if staff is None or staff.site_id != actor.site_id:
            raise NotFound("没有这位工作人员")
        if staff.backup_staff_id is None:
            raise ValidationError.single(
                "backup", f"{staff.name}还没有 B 岗：请中心负责人先设置 B 岗，离岗期间才有人接办"
            )
        if uow.absences.overlapping(staff.id, starts, ends):
            raise ValidationError.single("starts_at", "这段时间已有离岗登记")
        absence_id = uow.absences.add(
            staff_id=staff.id,
            reason=str(reason),
            starts_at=starts,
            ends_at=ends,
            note=note,
            marked_by=actor.staff_id,
            marked_at=now,
        )
        audit.record(
            uow,
            actor,
            "staff_marked_away",
            "staff",
            staff.id,
            None,
            {
                "reason": str(reason),
                "from": starts,
                "until": ends,
                "backup_staff_id": staff.backup_staff_id,
            },
        )
    return absence_id


@allowed_roles(*MARKING_ROLES)
def end_absence(uow: UnitOfWork, actor: Actor, absence_id: int) -> None:
    """Back at the post (or a planned absence called off): the work returns to the clerk."""
    with uow.write():
        absence = uow.absences.get(absence_id)
        if absence is None:
            raise NotFound("没有这条离岗登记")
        _may_mark(actor, absence.staff_id)
        now = uow.clock.now()
        if absence.until <= now:
            return
        uow.absences.end(absence.id, max(now, absence.starts_at), actor.staff_id)
        audit.record(
            uow,
            actor,
            "staff_back",
            "staff",
            absence.staff_id,
            {"until": absence.until},
            {"until": max(now, absence.starts_at)},
        )


@allowed_roles(*ANY_ROLE)
def current_absences(uow: UnitOfWork, actor: Actor) -> list[AbsenceRecord]:
    """Who is away now, and who covers for them."""
    with uow.read():
        now = uow.clock.now()
        return with_cover(uow, actor.site_id, uow.absences.current(actor.site_id, now), now)


@allowed_roles(*ANY_ROLE)
def upcoming_absences(uow: UnitOfWork, actor: Actor) -> list[AbsenceRecord]:
    """Absences not over yet (now and planned), earliest first, with who covers each."""
    with uow.read():
        now = uow.clock.now()
        return with_cover(uow, actor.site_id, uow.absences.upcoming(actor.site_id, now), now)


@allowed_roles(*ANY_ROLE)
def standing_in_for(uow: UnitOfWork, actor: Actor) -> list[AbsenceRecord]:
    """The colleagues whose B post the actor is and who are away now."""
    with uow.read():
        return covered_absences(uow, actor, uow.clock.now())

"""差评整改: every 不满意 or 非常不满意 opens a rectification item against the rated staff member,
due in a number of working days (hall setting ``rectification_working_days``). Only a
supervisor closes it, with what was done, the follow-up call to the applicant (date and result)
and the outcome; nothing closes silently."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from app import audit
from app.calendar import load_calendar
from app.cases.deadlines import local_day
from app.cases.queries import PAGE_SIZE, Page
from app.errors import NotFound, PermissionDenied, ValidationError
from app.feedback.lifecycle import RECTIFICATION, RectificationAction
from app.feedback.paging import after_id, id_page
from app.feedback.records import (
    OUTCOME_LABELS,
    RectificationOutcome,
    RectificationState,
    RectificationView,
)
from app.ports import UnitOfWork
from app.roles import ANY_ROLE, Actor, Role, allowed_roles
from app.site_rules import require_own_record
from app.validation import FieldErrors, validate_text
from app.workdays import WorkCalendar

# What a list of rectification items shows: the open ones (soonest due first), only the
# overdue ones, the closed (or cancelled) ones, or all.
LIST_STATES = ("open", "overdue", "closed", "all")


def rectification_due(uow: UnitOfWork, opened_on: date) -> date:
    from app import settings

    days = int(settings.get(uow, "rectification_working_days"))
    return due_after(load_calendar(uow), opened_on, days)


def due_after(calendar: WorkCalendar, opened_on: date, days: int) -> date:
    """An item opened on ``opened_on`` is due ``days`` working days later."""
    due = calendar.add_working_days(opened_on, days).due
    return due if due is not None else opened_on + timedelta(days=days)


def open_rectification(
    uow: UnitOfWork, actor: Actor, rating_id: int, subject_label: str, responsible_id: int
) -> tuple[int, date]:
    """Open the item for a bad rating inside the rating's transaction; its id and due date."""
    now = uow.clock.now()
    due = rectification_due(uow, local_day(now))
    item_id = uow.feedback.add_rectification(rating_id, responsible_id, now, due)
    after = opened_summary(rating_id, subject_label, responsible_id, due)
    audit.record(uow, actor, "rectification_opened", "rectification", item_id, None, after)
    return item_id, due


def opened_summary(
    rating_id: int, subject_label: str, responsible_id: int, due: date
) -> dict[str, object]:
    """The audit event's after of an opened item (``rectification_opened``)."""
    return {
        "rating": rating_id,
        "subject": subject_label,
        "responsible": responsible_id,
        "due": due,
    }


@allowed_roles(Role.SUPERVISOR)
def close_rectification(
    uow: UnitOfWork,
    actor: Actor,
    rectification_id: int,
    note: str,
    followup_on: date | None,
    followup_result: str,
    outcome: RectificationOutcome | str,
) -> None:
    """A supervisor closes the item: what was done, the follow-up call, the outcome."""
    errors = FieldErrors()
    note = errors.check("note", validate_text, note, max_len=1000) or ""
    result = errors.check("followup_result", validate_text, followup_result, max_len=1000) or ""
    try:
        checked = RectificationOutcome(str(outcome))
    except ValueError:
        errors.add("outcome", "请选择整改结果")
    if not isinstance(followup_on, date):
        errors.add("followup_on", "请填写回访日期")
    with uow.write():
        item = uow.feedback.rectification(rectification_id, local_day(uow.clock.now()))
        if item is None:
            raise NotFound("没有这条整改记录")
        require_own_record(uow, "差评整改", item.subject_label, item.site_id, actor.site_id)
        if item.responsible_id == actor.staff_id:
            raise PermissionDenied("针对本人的差评整改须由其他负责人关闭")
        closed = RECTIFICATION.next_state(item.state, RectificationAction.CLOSE)
        if isinstance(followup_on, date):
            today = local_day(uow.clock.now())
            if followup_on > today:
                errors.add("followup_on", "回访日期不能晚于今天")
            elif followup_on < local_day(item.opened_at):
                errors.add("followup_on", "回访日期不能早于差评日期")
        errors.raise_if_any()
        uow.feedback.update_rectification(
            rectification_id,
            item.state,
            state=str(closed),
            note=note,
            followup_on=followup_on,
            followup_result=result,
            outcome=str(checked),
            closed_by=actor.staff_id,
            closed_at=uow.clock.now(),
        )
        audit.record(
            uow,
            actor,
            "rectification_closed",
            "rectification",
            rectification_id,
            {"state": str(item.state)},
            {
                "state": str(closed),
                "followup_on": followup_on,
                "outcome": OUTCOME_LABELS[checked],
                "late": item.overdue,
            },
        )


def cancel_rectification(uow: UnitOfWork, actor: Actor, rating_id: int, reason: str) -> int | None:
    """An upheld appeal takes the rating out: its open item is cancelled (not closed: nothing
    was rectified). Runs inside the appeal decision's transaction."""
    item = uow.feedback.rectification_of(rating_id, local_day(uow.clock.now()))
    if item is None or not RECTIFICATION.allows(item.state, RectificationAction.CANCEL):
        return None  # none, or already closed: a closed item stays on the record
    cancelled = RECTIFICATION.next_state(item.state, RectificationAction.CANCEL)
    uow.feedback.update_rectification(
        item.id,
        item.state,
        state=str(cancelled),
        note=reason,
        closed_by=actor.staff_id,
        closed_at=uow.clock.now(),
    )
    audit.record(
        uow,
        actor,
        "rectification_cancelled",
        "rectification",
        item.id,
        {"state": str(item.state)},
        {"state": str(cancelled), "reason": reason},
    )
    return item.id


# -- reading -------------------------------------------------------------------------------


def _criteria(state: str, today: date) -> tuple[frozenset[RectificationState], date | None]:
    if state not in LIST_STATES:
        raise ValidationError.single("state", "未知的整改状态")
    if state in ("open", "overdue"):
        return frozenset({RectificationState.OPEN}), today if state == "overdue" else None
    if state == "closed":
        return frozenset({RectificationState.CLOSED, RectificationState.CANCELLED}), None
    return frozenset(), None


@allowed_roles(*ANY_ROLE)
def page_rectification_ids(
    uow: UnitOfWork,
    actor: Actor,
    state: str = "open",
    after: tuple[int, ...] | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """Oldest (soonest due) first. Clerks see the items against themselves only."""
    today = local_day(uow.clock.now())
    wanted, overdue_on = _criteria(state, today)
    responsible = actor.staff_id if actor.role is Role.CLERK else None
    with uow.read():
        ids = uow.feedback.rectification_ids(
            wanted, overdue_on, responsible, after_id(after), limit
        )
    return id_page(ids, limit)


@allowed_roles(*ANY_ROLE)
def rectification_rows(
    uow: UnitOfWork, actor: Actor, ids: Sequence[int]
) -> list[RectificationView]:
    today = local_day(uow.clock.now())
    with uow.read():
        rows = uow.feedback.rectification_rows(ids, today)
    if actor.role is Role.CLERK:
        rows = [r for r in rows if r.responsible_id == actor.staff_id]
    return rows


@allowed_roles(*ANY_ROLE)
def rectification_for(uow: UnitOfWork, actor: Actor, rating_id: int) -> RectificationView | None:
    with uow.read():
        return uow.feedback.rectification_of(rating_id, local_day(uow.clock.now()))

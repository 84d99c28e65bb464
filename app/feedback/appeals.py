"""差评申诉: the rated staff member may appeal a rating once, as mistaken (误评) or malicious
(恶意评价), with a reason. A supervisor decides: upheld takes the rating out of the statistics
(and cancels its open rectification item), rejected leaves it as it is. The decision and its
reason are recorded and audited."""

from __future__ import annotations

from collections.abc import Sequence

from app import audit
from app.cases.common import COUNTER_ROLES
from app.cases.queries import PAGE_SIZE, Page
from app.errors import NotFound, PermissionDenied, ValidationError
from app.feedback.lifecycle import APPEAL, AppealAction
from app.feedback.paging import after_id, id_page
from app.feedback.records import APPEAL_KIND_LABELS, AppealKind, AppealState, AppealView
from app.feedback.rectifications import cancel_rectification
from app.ports import UnitOfWork
from app.roles import ANY_ROLE, Actor, Role, allowed_roles
from app.site_rules import require_own_record
from app.validation import FieldErrors, validate_text


@allowed_roles(*COUNTER_ROLES)
def appeal_rating(
    uow: UnitOfWork, actor: Actor, rating_id: int, kind: AppealKind | str, reason: str
) -> int:
    """The rated staff member appeals; one appeal per rating."""
    errors = FieldErrors()
    try:
        checked = AppealKind(str(kind))
    except ValueError:
        errors.add("kind", "请选择申诉类型")
    reason = errors.check("reason", validate_text, reason, max_len=1000) or ""
    errors.raise_if_any()
    with uow.write():
        rating = uow.feedback.rating(rating_id)
        if rating is None:
            raise NotFound("没有这条评价")
        require_own_record(uow, "评价", rating.subject_label, rating.site_id, actor.site_id)
        if rating.rated_staff_id != actor.staff_id:
            raise PermissionDenied("只有被评价的工作人员本人可以申诉")
        appeal_id = uow.feedback.add_appeal(
            rating_id, checked, reason, actor.staff_id, uow.clock.now()
        )
        if appeal_id is None:
            raise ValidationError.single("rating", "这条评价已经申诉过，不能重复申诉")
        audit.record(
            uow,
            actor,
            "rating_appealed",
            "rating",
            rating_id,
            None,
            {"appeal": appeal_id, "kind": APPEAL_KIND_LABELS[checked], "reason": reason},
        )
    return appeal_id


@allowed_roles(Role.SUPERVISOR)
def decide_appeal(uow: UnitOfWork, actor: Actor, appeal_id: int, upheld: bool, note: str) -> None:
    """Uphold (the rating no longer counts) or reject, always with the reason."""
    if not isinstance(upheld, bool):
        raise ValidationError.single("upheld", "请选择申诉是否成立")
    note = validate_text(note, field="note", max_len=1000)
    with uow.write():
        appeal = uow.feedback.appeal(appeal_id)
        if appeal is None:
            raise NotFound("没有这条申诉")
        require_own_record(uow, "差评申诉", appeal.subject_label, appeal.site_id, actor.site_id)
        if appeal.appellant_id == actor.staff_id:
            raise PermissionDenied("本人的申诉须由其他负责人裁决")
        action = AppealAction.UPHOLD if upheld else AppealAction.REJECT
        state = APPEAL.next_state(appeal.state, action)
        uow.feedback.decide_appeal(appeal_id, state, note, actor.staff_id, uow.clock.now())
        cancelled = None
        if upheld:
            uow.feedback.set_rating_excluded(appeal.rating_id, True)
            cancelled = cancel_rectification(uow, actor, appeal.rating_id, "申诉成立：" + note)
        audit.record(
            uow,
            actor,
            "appeal_decided",
            "rating",
            appeal.rating_id,
            {"appeal": str(appeal.state)},
            {
                "appeal": str(state),
                "note": note,
                "excluded": upheld,
                "rectification_cancelled": cancelled,
            },
        )


# -- reading -------------------------------------------------------------------------------


@allowed_roles(*ANY_ROLE)
def page_appeal_ids(
    uow: UnitOfWork,
    actor: Actor,
    state: AppealState | None = AppealState.PENDING,
    after: tuple[int, ...] | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """Oldest first (the longest waiting first). Clerks see their own appeals only."""
    appellant = actor.staff_id if actor.role is Role.CLERK else None
    with uow.read():
        ids = uow.feedback.appeal_ids(state, appellant, after_id(after), limit)
    return id_page(ids, limit)


@allowed_roles(*ANY_ROLE)
def appeal_rows(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> list[AppealView]:
    with uow.read():
        rows = uow.feedback.appeal_rows(ids)
    if actor.role is Role.CLERK:
        rows = [r for r in rows if r.appellant_id == actor.staff_id]
    return rows

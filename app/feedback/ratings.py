"""好差评: one rating per case (or visit), five levels, an optional comment.

Typical use::

    # the applicant clicks on the counter's citizen-facing screen right after acceptance
    rate_on_citizen_screen(uow, clerk, Subject.case(case_id), RatingLevel.SATISFIED)
    # a paper form handed in later, typed in by any staff member (marked as paper)
    record_rating(uow, clerk, Subject.case(case_id), "dissatisfied", "等了很久", "paper")

The rated staff member is always the one who served the applicant (for a case, whoever accepted
it), never the one typing. Nobody may type in a non-paper rating of their own service. The
bottom two levels open a rectification item (``app.feedback.rectifications``).

A subject is a case or a visit: ``SERVED_BY`` says, per kind, who served in it (for a visit,
whoever gave its outcome; a visit that became an application is rated through its case).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from app import audit
from app.cases.common import COUNTER_ROLES
from app.cases.deadlines import local_day
from app.cases.queries import PAGE_SIZE, Page
from app.cases.records import CaseRecord, NewCase
from app.errors import NotFound, PermissionDenied, ValidationError
from app.feedback.paging import after_id, id_page
from app.feedback.records import (
    NewRating,
    RatingLevel,
    RatingQuery,
    RatingSource,
    RatingView,
    ServedBy,
    Subject,
    SubjectKind,
)
from app.feedback.rectifications import open_rectification
from app.ports import UnitOfWork
from app.roles import ANY_ROLE, Actor, Role, allowed_roles
from app.site_rules import require_own_record
from app.validation import FieldErrors, validate_text
from app.visits.records import VisitRecord

COMMENT_MAX = 500


def served_in_case(uow: UnitOfWork, case_id: int) -> ServedBy:
    case = uow.cases.get(case_id)
    if case is None:
        raise NotFound(f"没有编号为 {case_id} 的办件")
    return case_served(case.id, case)


def case_served(case_id: int, case: CaseRecord | NewCase) -> ServedBy:
    """Who served in a case: whoever accepted it, at its window, at acceptance."""
    return ServedBy(
        subject=Subject.case(case_id),
        label=case.number,
        site_id=case.site_id,
        staff_id=case.accepted_by,
        window_id=case.window_id,
        served_at=case.accepted_at,
    )


def why_not_rateable(visit: VisitRecord) -> str:
    """Why a visit cannot be rated ("" when it can): it is rated once closed with an answer (or
    the outside body named); a visit that became an application is rated through its case."""
    from app.visits.lifecycle import Outcome, VisitState

    if visit.state is not VisitState.CLOSED or visit.closed_at is None:
        return f"来访 {visit.number} 尚未办结，办结后才能评价"
    if visit.outcome is Outcome.APPLICATION:
        return f"来访 {visit.number} 已转为申请（{visit.outcome_ref}），请对该办件评价"
    return ""


def served_in_visit(uow: UnitOfWork, visit_id: int) -> ServedBy:
    """A visit answered at the counter (or sent on to the body outside the center that handles
    it) is rated for whoever gave that outcome; a visit that became an application is rated
    through its case."""
    from app.visits.common import load_visit

    visit = load_visit(uow, visit_id)
    refusal = why_not_rateable(visit)
    if refusal or visit.closed_at is None:  # (closed_at: for the type checker; refused above)
        raise ValidationError.single("subject", refusal)
    staff_id = visit.closed_by if visit.closed_by is not None else visit.holder_id
    window_id = visit.window_id
    if staff_id != visit.first_responder_id:
        served = uow.staff.get(staff_id)
        window_id = served.window_id if served is not None else None
    return ServedBy(
        subject=Subject(SubjectKind.VISIT, visit.id),
        label=visit.number,
        site_id=visit.site_id,
        staff_id=staff_id,
        window_id=window_id,
        served_at=visit.closed_at,
    )


SERVED_BY: dict[SubjectKind, Callable[[UnitOfWork, int], ServedBy]] = {
    SubjectKind.CASE: served_in_case,
    SubjectKind.VISIT: served_in_visit,
}


def served_by(uow: UnitOfWork, subject: Subject) -> ServedBy:
    lookup = SERVED_BY.get(subject.kind)
    if lookup is None:
        raise ValidationError.single("subject", "这类业务暂不能评价")
    return lookup(uow, subject.id)


@dataclass(frozen=True)
class RatingResult:
    rating_id: int
    subject_label: str
    level: RatingLevel
    rectification_id: int | None
    rectification_due: date | None


def _checked(level: object, comment: object) -> tuple[RatingLevel, str]:
    errors = FieldErrors()
    try:
        checked_level = RatingLevel(str(level))
    except ValueError:
        errors.add("level", "请选择评价等级")
    text = errors.check(
        "comment", validate_text, comment or "", max_len=COMMENT_MAX, required=False
    )
    errors.raise_if_any()
    return checked_level, text or ""


def _subject(subject: object) -> Subject:
    if not isinstance(subject, Subject):
        raise ValidationError.single("subject", "请指明评价的业务")
    return subject


@allowed_roles(*COUNTER_ROLES)
def rate_on_citizen_screen(
    uow: UnitOfWork, actor: Actor, subject: Subject, level: RatingLevel | str, comment: str = ""
) -> RatingResult:
    """The applicant's own click on the citizen-facing screen of the counter where they were
    served: it rates the staff member logged in there, for a service given today."""
    subject = _subject(subject)
    checked, text = _checked(level, comment)
    with uow.write():
        served = served_by(uow, subject)
        _require_own(uow, actor, served)
        if served.staff_id != actor.staff_id:
            raise PermissionDenied("评价屏只能评价本窗口工作人员办理的业务")
        if local_day(served.served_at) != local_day(uow.clock.now()):
            raise ValidationError.single(
                "subject", "评价屏只能评价当天办理的业务；事后评价请录入纸质评价表或电话回访"
            )
        return _store(uow, actor, served, checked, text, RatingSource.CITIZEN_SCREEN)


@allowed_roles(*COUNTER_ROLES)
def record_rating(
    uow: UnitOfWork,
    actor: Actor,
    subject: Subject,
    level: RatingLevel | str,
    comment: str = "",
    source: RatingSource | str = RatingSource.PAPER,
) -> RatingResult:
    """Type in a rating the applicant gave on a paper form (anyone, marked as paper) or on a
    follow-up call (never the staff member being rated)."""
    subject = _subject(subject)
    try:
        checked_source = RatingSource(str(source))
    except ValueError:
        raise ValidationError.single("source", "请选择评价来源") from None
    if checked_source is RatingSource.CITIZEN_SCREEN:
        raise ValidationError.single("source", "评价屏的评价只能由申请人本人在评价屏上点击")
    checked, text = _checked(level, comment)
    with uow.write():
        served = served_by(uow, subject)
        _require_own(uow, actor, served)
        if checked_source is not RatingSource.PAPER and served.staff_id == actor.staff_id:
            raise PermissionDenied("不能为自己办理的业务录入评价（纸质评价表除外）")
        return _store(uow, actor, served, checked, text, checked_source)


def _require_own(uow: UnitOfWork, actor: Actor, served: ServedBy) -> None:
    """A rating is the site's where the applicant was served, and recorded only there
    (app.site_rules): a county reads its townships' ratings but does not add to them."""
    require_own_record(uow, "业务", served.label, served.site_id, actor.site_id)


def _store(
    uow: UnitOfWork,
    actor: Actor,
    served: ServedBy,
    level: RatingLevel,
    comment: str,
    source: RatingSource,
) -> RatingResult:
    taken = ValidationError.single("subject", f"{served.label} 已经评价过，每件业务只能评价一次")
    if uow.feedback.rating_of(served.subject) is not None:
        raise taken
    rating, after = new_rating(actor, served, level, comment, source, uow.clock.now())
    rating_id = uow.feedback.add_rating(rating)
    if rating_id is None:  # another counter stored one a moment earlier
        raise taken
    audit.record(uow, actor, "rating_recorded", "rating", rating_id, None, after)
    rectification_id, due = None, None
    if level.is_bad:
        rectification_id, due = open_rectification(
            uow, actor, rating_id, served.label, served.staff_id
        )
    return RatingResult(rating_id, served.label, level, rectification_id, due)


def new_rating(
    actor: Actor,
    served: ServedBy,
    level: RatingLevel,
    comment: str,
    source: RatingSource,
    at: datetime,
) -> tuple[NewRating, dict[str, Any]]:
    """The rating a checked one stores, and its audit event's after (``rating_recorded``)."""
    rating = NewRating(
        subject=served.subject,
        site_id=served.site_id,
        level=level,
        comment=comment,
        source=source,
        rated_staff_id=served.staff_id,
        window_id=served.window_id,
        entered_by=actor.staff_id,
        rated_at=at,
    )
    after = {
        str(served.subject.kind): served.label,
        "level": str(level),
        "source": str(source),
        "rated_staff": served.staff_id,
        "comment": comment,
    }
    return rating, after


# -- reading -------------------------------------------------------------------------------


def _scoped(actor: Actor, query: RatingQuery) -> RatingQuery:
    """Clerks see their own ratings only."""
    if actor.role is Role.CLERK:
        return replace(query, rated_staff_id=actor.staff_id)
    return query


@allowed_roles(*ANY_ROLE)
def rating_for(uow: UnitOfWork, actor: Actor, subject: Subject) -> RatingView | None:
    """The subject's rating, if it has one (the case window shows it)."""
    with uow.read():
        return uow.feedback.rating_of(subject)


@allowed_roles(*ANY_ROLE)
def page_rating_ids(
    uow: UnitOfWork,
    actor: Actor,
    query: RatingQuery,
    after: tuple[int, ...] | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """One page of rating ids, newest first; filters applied in SQL."""
    with uow.read():
        ids = uow.feedback.rating_ids(_scoped(actor, query), after_id(after), limit)
    return id_page(ids, limit)


@allowed_roles(*ANY_ROLE)
def rating_rows(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> list[RatingView]:
    with uow.read():
        rows = uow.feedback.rating_rows(ids)
    if actor.role is Role.CLERK:
        rows = [r for r in rows if r.rated_staff_id == actor.staff_id]
    return rows


@allowed_roles(*ANY_ROLE)
def count_ratings(uow: UnitOfWork, actor: Actor, query: RatingQuery) -> int:
    with uow.read():
        return uow.feedback.count_ratings(_scoped(actor, query))

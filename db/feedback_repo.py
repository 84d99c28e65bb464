"""Ratings, rectification items, appeals and complaints in SQL. Lists page by id (ids grow
with time, so id order is time order) and read their rows a block at a time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from app.clock import DEFAULT_TZ
from app.feedback.records import (
    AppealKind,
    AppealState,
    AppealView,
    ComplaintChannel,
    ComplaintNoteRecord,
    ComplaintQuery,
    ComplaintRecord,
    ComplaintState,
    ComplaintTarget,
    NewComplaint,
    NewRating,
    RatingLevel,
    RatingQuery,
    RatingSource,
    RatingView,
    RectificationOutcome,
    RectificationState,
    RectificationView,
    Subject,
    SubjectKind,
)
from db.guarded import update_in_state
from db.models import (
    AccountabilityRecord,
    CaseFile,
    Complaint,
    ComplaintNote,
    Rating,
    RatingAppeal,
    Rectification,
    Staff,
    Visit,
    Window,
)

# What a rating is of, as lists show it: the case's number, or the visit's (``_subject``).
SUBJECT_NUMBER = func.coalesce(CaseFile.number, Visit.number)


def _subject(stmt: Any) -> Any:
    """The joins ``SUBJECT_NUMBER`` reads from a statement that has ``Rating``."""
    return stmt.outerjoin(CaseFile, CaseFile.id == Rating.case_id).outerjoin(
        Visit, Visit.id == Rating.visit_id
    )


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


_Row = TypeVar("_Row", bound=_HasId)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(), DEFAULT_TZ)


def _day_range(column: Any, from_day: date | None, to_day: date | None) -> list[Any]:
    """Hall days, inclusive, as a range of moments (an index range, no function on the column)."""
    conditions = []
    if from_day is not None:
        conditions.append(column >= _day_start(from_day))
    if to_day is not None:
        conditions.append(column < _day_start(to_day + timedelta(days=1)))
    return conditions


class SqlFeedbackRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def _page_ids(
        self,
        id_column: Any,
        conditions: list[Any],
        after: int | None,
        limit: int,
        newest_first: bool = True,
    ) -> list[int]:
        """One keyset page of ids: newest first (lists of what happened), or oldest first
        (queues to work through)."""
        if after is not None:
            conditions = [*conditions, id_column < after if newest_first else id_column > after]
        order = id_column.desc() if newest_first else id_column
        stmt = select(id_column).where(*conditions).order_by(order).limit(limit)
        return list(self.s.scalars(stmt))

    # -- ratings -----------------------------------------------------------------------------
    def add_rating(self, new: NewRating) -> int | None:
        row = Rating(
            site_id=new.site_id,
            case_id=new.subject.id if new.subject.kind is SubjectKind.CASE else None,
            visit_id=new.subject.id if new.subject.kind is SubjectKind.VISIT else None,
            level=str(new.level),
            comment=new.comment,
            source=str(new.source),
            rated_staff_id=new.rated_staff_id,
            window_id=new.window_id,
            entered_by=new.entered_by,
            rated_at=new.rated_at,
            excluded=False,
        )
        try:
            # A savepoint keeps the transaction usable on PostgreSQL when the unique
            # constraint refuses a second rating stored by another counter a moment earlier.
            with self.s.begin_nested():
                self.s.add(row)
        except IntegrityError:
            return None
        return row.id

    def _ratings(self, where: Any) -> list[RatingView]:
        rated, entered = aliased(Staff), aliased(Staff)
        stmt = _subject(
            select(
                Rating,
                SUBJECT_NUMBER,
                rated.name,
                entered.name,
                Window.number,
                Rectification.state,
                RatingAppeal.state,
            )
            .join(rated, rated.id == Rating.rated_staff_id)
            .join(entered, entered.id == Rating.entered_by)
            .outerjoin(Window, Window.id == Rating.window_id)
            .outerjoin(Rectification, Rectification.rating_id == Rating.id)
            .outerjoin(RatingAppeal, RatingAppeal.rating_id == Rating.id)
            .where(where)
            .execution_options(populate_existing=True)
        )
        return [
            RatingView(
                id=r.id,
                site_id=r.site_id,
                subject=(
                    Subject(SubjectKind.CASE, r.case_id)
                    if r.case_id is not None
                    else Subject(SubjectKind.VISIT, int(r.visit_id or 0))
                ),
                subject_label=number or "",
                level=RatingLevel(r.level),
                comment=r.comment,
                source=RatingSource(r.source),
                rated_staff_id=r.rated_staff_id,
                rated_staff_name=rated_name,
                window_number=window_number,
                entered_by_name=entered_name,
                rated_at=r.rated_at,
                excluded=r.excluded,
                rectification_state=RectificationState(fix) if fix else None,
                appeal_state=AppealState(appeal) if appeal else None,
            )
            for r, number, rated_name, entered_name, window_number, fix, appeal in self.s.execute(
                stmt
            )
        ]

    def rating(self, rating_id: int) -> RatingView | None:
        found = self._ratings(Rating.id == rating_id)
        return found[0] if found else None

    def rating_of(self, subject: Subject) -> RatingView | None:
        column = Rating.case_id if subject.kind is SubjectKind.CASE else Rating.visit_id
        found = self._ratings(column == subject.id)
        return found[0] if found else None

    def set_rating_excluded(self, rating_id: int, excluded: bool) -> None:
        self.s.execute(
            update(Rating)
            .where(Rating.id == rating_id)
            .values(excluded=excluded)
            .execution_options(synchronize_session=False)
        )

    def _rating_conditions(self, query: RatingQuery) -> list[Any]:
        conditions = _day_range(Rating.rated_at, query.from_day, query.to_day)
        if query.levels:
            conditions.append(Rating.level.in_(sorted(str(v) for v in query.levels)))
        if query.source is not None:
            conditions.append(Rating.source == str(query.source))
        if query.rated_staff_id is not None:
            conditions.append(Rating.rated_staff_id == query.rated_staff_id)
        if query.window_id is not None:
            conditions.append(Rating.window_id == query.window_id)
        return conditions

    def rating_ids(self, query: RatingQuery, after: int | None, limit: int) -> list[int]:
        conditions = self._rating_conditions(query)
        days = (Rating.rated_at, query.from_day, query.to_day)
        return self._dated_page_ids(Rating.id, conditions, days, after, limit)

    def _dated_page_ids(
        self,
        id_column: Any,
        conditions: list[Any],
        days: tuple[Any, date | None, date | None],
        after: int | None,
        limit: int,
    ) -> list[int]:
        """``_page_ids`` newest first, for a list filtered by a day range of ``days``' moment
        column: bounded by the range's ids (``_id_bounds``)."""
        bounds = self._id_bounds(id_column, *days)
        if bounds is None:
            return []
        return self._page_ids(id_column, [*conditions, *bounds], after, limit)

    def _id_bounds(
        self, id_column: Any, moment: Any, from_day: date | None, to_day: date | None
    ) -> list[Any] | None:
        """For a newest-first page with a day range: the range's lowest and highest id, read
        from ``moment``'s index (None: nothing in the range). With them the walk down the ids
        stops at the range's end: without them a filter that matches little there (a window
        and a channel with no rating this month) walked every row of ten years. Without a
        first day there is nothing to bound (the walk runs to the oldest id anyway, and the
        bounds would read the whole index on every page)."""
        if from_day is None:
            return []
        low, high = self.s.execute(
            select(func.min(id_column), func.max(id_column)).where(
                *_day_range(moment, from_day, to_day)
            )
        ).one()
        if low is None:
            return None
        return [id_column >= low, id_column <= high]

    def rating_rows(self, ids: Sequence[int]) -> list[RatingView]:
        if not ids:
            return []
        return _in_order(self._ratings(Rating.id.in_(list(ids))), ids)

    def count_ratings(self, query: RatingQuery) -> int:
        stmt = select(func.count(Rating.id)).where(*self._rating_conditions(query))
        return int(self.s.scalar(stmt) or 0)

    # -- rectifications ------------------------------------------------------------------------
    def add_rectification(
        self, rating_id: int, responsible_id: int, opened_at: datetime, due_date: date
    ) -> int:
        row = Rectification(
            rating_id=rating_id,
            responsible_id=responsible_id,
            opened_at=opened_at,
            due_date=due_date,
            state=str(RectificationState.OPEN),
            note="",
            followup_result="",
            outcome="",
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def _rectifications(self, where: Any, today: date) -> list[RectificationView]:
        responsible, closer = aliased(Staff), aliased(Staff)
        stmt = _subject(
            select(Rectification, Rating, SUBJECT_NUMBER, responsible.name, closer.name)
            .join(Rating, Rating.id == Rectification.rating_id)
            .join(responsible, responsible.id == Rectification.responsible_id)
            .outerjoin(closer, closer.id == Rectification.closed_by)
            .where(where)
            .execution_options(populate_existing=True)
        )
        return [
            RectificationView(
                id=x.id,
                site_id=rating.site_id,
                rating_id=x.rating_id,
                subject_label=number or "",
                level=RatingLevel(rating.level),
                comment=rating.comment,
                responsible_id=x.responsible_id,
                responsible_name=responsible_name,
                opened_at=x.opened_at,
                due_date=x.due_date,
                state=RectificationState(x.state),
                overdue=x.state == RectificationState.OPEN and x.due_date < today,
                note=x.note,
                followup_on=x.followup_on,
                followup_result=x.followup_result,
                outcome=RectificationOutcome(x.outcome) if x.outcome else None,
                closed_by_name=closer_name or "",
                closed_at=x.closed_at,
            )
            for x, rating, number, responsible_name, closer_name in self.s.execute(stmt)
        ]

    def rectification(self, rectification_id: int, today: date) -> RectificationView | None:
        found = self._rectifications(Rectification.id == rectification_id, today)
        return found[0] if found else None

    def rectification_of(self, rating_id: int, today: date) -> RectificationView | None:
        found = self._rectifications(Rectification.rating_id == rating_id, today)
        return found[0] if found else None

    def update_rectification(
        self, rectification_id: int, expected: RectificationState, **changes: Any
    ) -> None:
        update_in_state(
            self.s,
            Rectification,
            rectification_id,
            expected,
            "整改记录已被他人办理，请刷新后再试",
            **changes,
        )

    def rectification_ids(
        self,
        states: frozenset[RectificationState],
        overdue_on: date | None,
        responsible_id: int | None,
        after: int | None,
        limit: int,
    ) -> list[int]:
        conditions: list[Any] = []
        if states:
            conditions.append(Rectification.state.in_(sorted(str(s) for s in states)))
        if overdue_on is not None:
            conditions.append(Rectification.due_date < overdue_on)
        if responsible_id is not None:
            conditions.append(Rectification.responsible_id == responsible_id)
        return self._page_ids(Rectification.id, conditions, after, limit, newest_first=False)

    def rectification_rows(self, ids: Sequence[int], today: date) -> list[RectificationView]:
        if not ids:
            return []
        return _in_order(self._rectifications(Rectification.id.in_(list(ids)), today), ids)

    # -- appeals -------------------------------------------------------------------------------
    def add_appeal(
        self, rating_id: int, kind: AppealKind, reason: str, appellant_id: int, at: datetime
    ) -> int | None:
        row = RatingAppeal(
            rating_id=rating_id,
            kind=str(kind),
            reason=reason,
            appellant_id=appellant_id,
            appealed_at=at,
            state=str(AppealState.PENDING),
            decision_note="",
        )
        try:
            with self.s.begin_nested():
                self.s.add(row)
        except IntegrityError:
            return None
        return row.id

    def _appeals(self, where: Any) -> list[AppealView]:
        appellant, decider = aliased(Staff), aliased(Staff)
        stmt = _subject(
            select(RatingAppeal, Rating, SUBJECT_NUMBER, appellant.name, decider.name)
            .join(Rating, Rating.id == RatingAppeal.rating_id)
            .join(appellant, appellant.id == RatingAppeal.appellant_id)
            .outerjoin(decider, decider.id == RatingAppeal.decided_by)
            .where(where)
            .execution_options(populate_existing=True)
        )
        return [
            AppealView(
                id=a.id,
                site_id=rating.site_id,
                rating_id=a.rating_id,
                subject_label=number or "",
                level=RatingLevel(rating.level),
                comment=rating.comment,
                kind=AppealKind(a.kind),
                reason=a.reason,
                appellant_id=a.appellant_id,
                appellant_name=appellant_name,
                appealed_at=a.appealed_at,
                state=AppealState(a.state),
                decision_note=a.decision_note,
                decided_by_name=decider_name or "",
                decided_at=a.decided_at,
            )
            for a, rating, number, appellant_name, decider_name in self.s.execute(stmt)
        ]

    def appeal(self, appeal_id: int) -> AppealView | None:
        found = self._appeals(RatingAppeal.id == appeal_id)
        return found[0] if found else None

    def decide_appeal(
        self, appeal_id: int, state: AppealState, note: str, decided_by: int, at: datetime
    ) -> None:
        update_in_state(
            self.s,
            RatingAppeal,
            appeal_id,
            AppealState.PENDING,
            "申诉已被他人裁决，请刷新后再看",
            state=str(state),
            decision_note=note,
            decided_by=decided_by,
            decided_at=at,
        )

    def appeal_ids(
        self, state: AppealState | None, appellant_id: int | None, after: int | None, limit: int
    ) -> list[int]:
        conditions: list[Any] = []
        if state is not None:
            conditions.append(RatingAppeal.state == str(state))
        if appellant_id is not None:
            conditions.append(RatingAppeal.appellant_id == appellant_id)
        return self._page_ids(RatingAppeal.id, conditions, after, limit, newest_first=False)

    def appeal_rows(self, ids: Sequence[int]) -> list[AppealView]:
        if not ids:
            return []
        return _in_order(self._appeals(RatingAppeal.id.in_(list(ids))), ids)

    # -- complaints ----------------------------------------------------------------------------
    def add_complaint(self, new: NewComplaint) -> int:
        row = Complaint(
            number=new.number,
            site_id=new.site_id,
            target=str(new.target),
            channel=str(new.channel),
            staff_id=new.staff_id,
            window_id=new.window_id,
            case_id=new.case_id,
            complainant_name=new.complainant_name,
            complainant_phone=new.complainant_phone,
            content=new.content,
            received_by=new.received_by,
            received_at=new.received_at,
            state=str(ComplaintState.REGISTERED),
            finding="",
            outcome="",
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def _complaints(self, where: Any) -> list[ComplaintRecord]:
        staff, receiver, concluder = aliased(Staff), aliased(Staff), aliased(Staff)
        stmt = (
            select(
                Complaint,
                staff.name,
                Window.number,
                CaseFile.number,
                receiver.name,
                concluder.name,
                AccountabilityRecord.id,
            )
            .outerjoin(staff, staff.id == Complaint.staff_id)
            .outerjoin(Window, Window.id == Complaint.window_id)
            .outerjoin(CaseFile, CaseFile.id == Complaint.case_id)
            .join(receiver, receiver.id == Complaint.received_by)
            .outerjoin(concluder, concluder.id == Complaint.concluded_by)
            .outerjoin(AccountabilityRecord, AccountabilityRecord.complaint_id == Complaint.id)
            .where(where)
            .execution_options(populate_existing=True)
        )
        return [
            ComplaintRecord(
                id=c.id,
                site_id=c.site_id,
                number=c.number,
                target=ComplaintTarget(c.target),
                channel=ComplaintChannel(c.channel),
                staff_id=c.staff_id,
                staff_name=staff_name or "",
                window_id=c.window_id,
                window_number=window_number,
                case_id=c.case_id,
                case_number=case_number or "",
                complainant_name=c.complainant_name,
                complainant_phone=c.complainant_phone,
                content=c.content,
                received_by_name=receiver_name,
                received_at=c.received_at,
                state=ComplaintState(c.state),
                substantiated=c.substantiated,
                finding=c.finding,
                outcome=c.outcome,
                responsible_id=c.responsible_id,
                concluded_by_name=concluder_name or "",
                concluded_at=c.concluded_at,
                accountability_id=record_id,
            )
            for (
                c,
                staff_name,
                window_number,
                case_number,
                receiver_name,
                concluder_name,
                record_id,
            ) in self.s.execute(stmt)
        ]

    def complaint(self, complaint_id: int) -> ComplaintRecord | None:
        found = self._complaints(Complaint.id == complaint_id)
        if not found:
            return None
        notes = tuple(
            ComplaintNoteRecord(n.at, name, n.text)
            for n, name in self.s.execute(
                select(ComplaintNote, Staff.name)
                .join(Staff, Staff.id == ComplaintNote.staff_id)
                .where(ComplaintNote.complaint_id == complaint_id)
                .order_by(ComplaintNote.id)
            )
        )
        return replace(found[0], notes=notes)

    def add_complaint_note(self, complaint_id: int, staff_id: int, at: datetime, text: str) -> None:
        self.s.add(ComplaintNote(complaint_id=complaint_id, staff_id=staff_id, at=at, text=text))
        self.s.flush()

    def update_complaint(self, complaint_id: int, expected: str, **changes: Any) -> None:
        update_in_state(
            self.s, Complaint, complaint_id, expected, "投诉已被他人办理，请刷新后再试", **changes
        )

    def _complaint_conditions(self, query: ComplaintQuery) -> list[Any]:
        conditions = _day_range(Complaint.received_at, query.from_day, query.to_day)
        if query.states:
            conditions.append(Complaint.state.in_(sorted(str(s) for s in query.states)))
        if query.staff_id is not None:
            conditions.append(Complaint.staff_id == query.staff_id)
        return conditions

    def complaint_ids(self, query: ComplaintQuery, after: int | None, limit: int) -> list[int]:
        conditions = self._complaint_conditions(query)
        days = (Complaint.received_at, query.from_day, query.to_day)
        return self._dated_page_ids(Complaint.id, conditions, days, after, limit)

    def complaint_rows(self, ids: Sequence[int]) -> list[ComplaintRecord]:
        if not ids:
            return []
        return _in_order(self._complaints(Complaint.id.in_(list(ids))), ids)

    def count_complaints(self, query: ComplaintQuery) -> int:
        stmt = select(func.count(Complaint.id)).where(*self._complaint_conditions(query))
        return int(self.s.scalar(stmt) or 0)


def _in_order(found: Iterable[_Row], ids: Sequence[int]) -> list[_Row]:
    """Records in the order of ``ids`` (a page's order), leaving out any gone meanwhile."""
    by_id = {r.id: r for r in found}
    return [by_id[i] for i in ids if i in by_id]

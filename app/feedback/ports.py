"""What the rating and complaint services need from storage."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol

from app.feedback.records import (
    AppealKind,
    AppealState,
    AppealView,
    ComplaintQuery,
    ComplaintRecord,
    NewComplaint,
    NewRating,
    RatingQuery,
    RatingView,
    RectificationState,
    RectificationView,
    Subject,
)


class FeedbackRepository(Protocol):
    # -- ratings ---------------------------------------------------------------------------
    def add_rating(self, rating: NewRating) -> int | None:
        """Store the rating; None when the subject already has one (the unique constraint
        decides a race between two counters)."""
        ...

    def rating(self, rating_id: int) -> RatingView | None: ...
    def rating_of(self, subject: Subject) -> RatingView | None: ...
    def set_rating_excluded(self, rating_id: int, excluded: bool) -> None: ...
    def rating_ids(self, query: RatingQuery, after: int | None, limit: int) -> list[int]:
        """Newest first, the page after the rating id ``after``."""
        ...

    def rating_rows(self, ids: Sequence[int]) -> list[RatingView]: ...
    def count_ratings(self, query: RatingQuery) -> int: ...

    # -- rectifications ----------------------------------------------------------------------
    def add_rectification(
        self, rating_id: int, responsible_id: int, opened_at: datetime, due_date: date
    ) -> int: ...
    def rectification(self, rectification_id: int, today: date) -> RectificationView | None: ...
    def rectification_of(self, rating_id: int, today: date) -> RectificationView | None: ...
    def update_rectification(
        self, rectification_id: int, expected: RectificationState, **changes: Any
    ) -> None:
        """Change it if it is still in ``expected``; else raise ConcurrentEdit."""
        ...

    def rectification_ids(
        self,
        states: frozenset[RectificationState],
        overdue_on: date | None,
        responsible_id: int | None,
        after: int | None,
        limit: int,
    ) -> list[int]:
        """Oldest first (the soonest due first); no states: all; ``overdue_on``: only those
        due before that day."""
        ...

    def rectification_rows(self, ids: Sequence[int], today: date) -> list[RectificationView]: ...

    # -- appeals -----------------------------------------------------------------------------
    def add_appeal(
        self, rating_id: int, kind: AppealKind, reason: str, appellant_id: int, at: datetime
    ) -> int | None:
        """None when the rating was already appealed (one appeal per rating)."""
        ...

    def appeal(self, appeal_id: int) -> AppealView | None: ...
    def decide_appeal(
        self, appeal_id: int, state: AppealState, note: str, decided_by: int, at: datetime
    ) -> None:
        """Record the decision if the appeal is still pending; else raise ConcurrentEdit."""
        ...

    def appeal_ids(
        self, state: AppealState | None, appellant_id: int | None, after: int | None, limit: int
    ) -> list[int]: ...
    def appeal_rows(self, ids: Sequence[int]) -> list[AppealView]: ...

    # -- complaints --------------------------------------------------------------------------
    def add_complaint(self, complaint: NewComplaint) -> int: ...
    def complaint(self, complaint_id: int) -> ComplaintRecord | None: ...
    def add_complaint_note(
        self, complaint_id: int, staff_id: int, at: datetime, text: str
    ) -> None: ...
    def update_complaint(self, complaint_id: int, expected: str, **changes: Any) -> None:
        """Change it if its state is still ``expected``; else raise ConcurrentEdit."""
        ...

    def complaint_ids(self, query: ComplaintQuery, after: int | None, limit: int) -> list[int]: ...
    def complaint_rows(self, ids: Sequence[int]) -> list[ComplaintRecord]: ...
    def count_complaints(self, query: ComplaintQuery) -> int: ...

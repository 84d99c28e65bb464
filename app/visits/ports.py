"""What the visit, referral, absence and work-list services need from storage."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from app.cases.ports import CaseStore
from app.visits.lifecycle import ReferralState
from app.visits.records import (
    AbsenceRecord,
    DeferredRow,
    NewReferral,
    NewVisit,
    ReferralQuery,
    ReferralRecord,
    ReferralRow,
    VisitEventRecord,
    VisitQuery,
    VisitRecord,
    VisitRow,
)

if TYPE_CHECKING:
    from app.notices.ports import NoticeRepository

Keyed = list[tuple[int, tuple[Any, ...]]]
"""Ids in list order, each with its keyset position (the page after it starts there)."""


class VisitRepository(Protocol):
    def add(self, visit: NewVisit) -> int: ...
    def get(self, visit_id: int) -> VisitRecord | None:
        """The visit with its referrals and its whole chain."""
        ...

    def by_number(self, number: str) -> VisitRecord | None: ...
    def update(self, visit_id: int, expected_version: int, **changes: Any) -> None:
        """Change the visit if its row version is still ``expected_version``; else raise
        ConcurrentEdit."""
        ...

    def add_event(self, visit_id: int, event: VisitEventRecord) -> None:
        """Append one link of the chain (the table refuses updates and deletes)."""
        ...

    def add_referral(self, referral: NewReferral) -> int: ...
    def referral(self, referral_id: int) -> ReferralRecord | None: ...
    def referral_by_number(self, number: str) -> ReferralRecord | None: ...
    def update_referral(self, referral_id: int, expected: ReferralState, **changes: Any) -> None:
        """Move a referral on if it is still ``expected``; else raise ConcurrentEdit."""
        ...

    def query_visit_ids(
        self, query: VisitQuery, after: tuple[Any, ...] | None, limit: int
    ) -> Keyed: ...

    def visit_rows(self, ids: Sequence[int], now: datetime) -> list[VisitRow]: ...
    def count_visits(self, query: VisitQuery) -> int: ...
    def query_referral_ids(
        self, query: ReferralQuery, after: tuple[Any, ...] | None, limit: int
    ) -> Keyed: ...
    def referral_rows(self, ids: Sequence[int], now: datetime) -> list[ReferralRow]: ...
    def count_referrals(self, query: ReferralQuery) -> int: ...
    def find_visit_ids(
        self, *, id_number: str = "", phone: str = "", name: str = "", limit: int = 20
    ) -> list[int]:
        """Visits matching every given criterion, newest first (name: part of it)."""
        ...


class AbsenceRepository(Protocol):
    def add(
        self,
        *,
        staff_id: int,
        reason: str,
        starts_at: datetime,
        ends_at: datetime,
        note: str,
        marked_by: int,
        marked_at: datetime,
    ) -> int: ...
    def get(self, absence_id: int) -> AbsenceRecord | None: ...
    def end(self, absence_id: int, ended_at: datetime, ended_by: int) -> None: ...
    def overlapping(self, staff_id: int, starts_at: datetime, ends_at: datetime) -> list[int]:
        """Absences of the staff member (not ended early before ``starts_at``) that overlap."""
        ...

    def current(self, site_id: int, now: datetime) -> list[AbsenceRecord]:
        """Who is away at ``now``, with who covers for them (their backup)."""
        ...

    def upcoming(self, site_id: int, now: datetime) -> list[AbsenceRecord]:
        """Absences not yet over (current and future), earliest first."""
        ...


class WorkListRepository(Protocol):
    def query_deferred_ids(
        self,
        owner_ids: frozenset[int],
        due_by: date | None,
        after: tuple[Any, ...] | None,
        limit: int,
    ) -> Keyed:
        """Open cases of these owners with deferred materials not yet supplied, the earliest
        supply date first (``due_by``: only those due by then)."""
        ...

    def deferred_rows(self, ids: Sequence[int]) -> list[DeferredRow]: ...
    def count_deferred(self, owner_ids: frozenset[int], due_by: date | None) -> int: ...


class VisitStore(CaseStore, Protocol):
    """What the visit and referral services see: the case services' store (a visit ends in
    an application, numbered and dated like a case), the notices and the visits."""

    @property
    def notices(self) -> NoticeRepository: ...
    @property
    def visits(self) -> VisitRepository: ...

"""What the case services need from storage."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from app.cases.records import (
    AccountabilityView,
    CaseClock,
    CaseEventRecord,
    CaseQuery,
    CaseRecord,
    CaseRow,
    NewCase,
)
from app.ports import AuditStore, CalendarStore, CatalogStore, SettingsStore, StaffStore

if TYPE_CHECKING:
    from app.agency.ports import AgencyRepository
    from app.numbering import CounterRepository


class CaseRepository(Protocol):
    def add(self, case: NewCase) -> int: ...
    def get(self, case_id: int) -> CaseRecord | None: ...
    def by_number(self, number: str) -> CaseRecord | None: ...
    def add_event(self, case_id: int, event: CaseEventRecord) -> None: ...
    def mark_supplied(self, case_id: int, material_ids: frozenset[int], at: datetime) -> None:
        """A deferred material came in (容缺补交): ``supplied_at`` for the work list's query."""
        ...

    def update(self, case_id: int, expected_version: int, **changes: Any) -> None:
        """Change the case if its row version is still ``expected_version``; else raise
        ConcurrentEdit naming who changed it."""
        ...

    def open_case_ids(self, owner_site_id: int | None = None) -> list[int]:
        """Open cases, by id; only those the given site owns (app.handover) when given."""
        ...

    def usual_item_ids(
        self, window_id: int | None, owner_id: int, since: date, limit: int
    ) -> list[int]:
        """Catalog items most often accepted at the window (or by the clerk) since a day."""
        ...

    def names_for_id(self, id_type: str, id_number: str, limit: int) -> list[tuple[str, int]]:
        """The applicant names recorded with this ID on cases, one-time notices and refusals,
        with how often each was, most often first."""
        ...

    def open_case_clocks(self, owner_site_id: int | None = None) -> list[CaseClock]: ...
    def query_ids(
        self, query: CaseQuery, after: tuple[Any, ...] | None, limit: int
    ) -> list[tuple[int, tuple[Any, ...]]]:
        """Ids in list order with their keyset position, the page after ``after``."""
        ...

    def rows(self, ids: Sequence[int]) -> list[CaseRow]: ...
    def count(self, query: CaseQuery) -> int: ...
    def warning_counts(self, owner_ids: frozenset[int] | None) -> dict[str, int]: ...
    def add_accountability(
        self,
        kind: str,
        case_id: int | None,
        responsible_id: int | None,
        opened_at: datetime,
        days_late: int,
        *,
        complaint_id: int | None = None,
    ) -> int | None:
        """Open a record unless one of that kind is already open for the case (or the
        complaint); its id or None."""
        ...

    def red_ids_without_record(self, owner_site_id: int | None = None) -> list[int]:
        """Open cases, clock running, cached red, with no overdue record (the scan's net for a
        case that turned red where no record was opened, e.g. accepted late)."""
        ...

    def overdue_deferral_ids(self, today: date, owner_site_id: int | None = None) -> list[int]:
        """Open cases with a deferred material outstanding after its supply-by day, and no
        deferral record yet."""
        ...

    def update_accountability(self, record_id: int, **changes: Any) -> None: ...
    def accountability(self, record_id: int) -> AccountabilityView | None: ...
    def list_accountability(self, state: str | None, limit: int) -> list[AccountabilityView]: ...
    def today_accepted(self, site_id: int, day: date) -> int: ...


class CaseStore(AuditStore, SettingsStore, CalendarStore, CatalogStore, StaffStore, Protocol):
    """What the case services see of the unit of work: beside the cases, the catalog's
    versions, the calendar, the settings, who works here (and stands in for whom), the audit
    chain, the number counters and the agents of agency cases."""

    @property
    def numbers(self) -> CounterRepository: ...
    @property
    def cases(self) -> CaseRepository: ...
    @property
    def agency(self) -> AgencyRepository: ...

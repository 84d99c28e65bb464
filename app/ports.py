"""What services need from storage. ``db/`` implements these; tests may fake them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.catalog.ports import CatalogRepository
from app.clock import Clock

if TYPE_CHECKING:
    from app.agency.ports import AgencyRepository
    from app.appointments.ports import AppointmentRepository
    from app.calendar import CalendarRepository
    from app.cases.ports import CaseRepository
    from app.feedback.ports import FeedbackRepository
    from app.notices.ports import NoticeRepository
    from app.printing.records import PrintLogRepository
    from app.queue.ports import QueueRepository
    from app.reports.ports import ReportRepository
    from app.signing import KeyRepository
    from app.visits.ports import AbsenceRepository, VisitRepository, WorkListRepository
from app.records import (
    AuditEventRecord,
    ChainHead,
    DepartmentRecord,
    SiteRecord,
    StaffRecord,
    WindowRecord,
)


class SiteRepository(Protocol):
    def add(self, **fields: Any) -> int: ...
    def get(self, site_id: int) -> SiteRecord | None: ...
    def by_code(self, code: str) -> SiteRecord | None: ...
    def first(self) -> SiteRecord | None: ...
    def add_department(self, site_id: int, name: str) -> int: ...
    def departments(self, site_id: int) -> list[DepartmentRecord]: ...
    def add_window(
        self, site_id: int, number: int, name: str, department_id: int | None
    ) -> int: ...
    def windows(self, site_id: int) -> list[WindowRecord]: ...
    def window(self, window_id: int) -> WindowRecord | None: ...


class StaffRepository(Protocol):
    def add(self, **fields: Any) -> int: ...
    def get(self, staff_id: int) -> StaffRecord | None: ...
    def by_login(self, login: str) -> StaffRecord | None: ...
    def list(
        self, site_id: int | None = None, include_inactive: bool = False
    ) -> list[StaffRecord]: ...
    def update(self, staff_id: int, **changes: Any) -> None: ...
    def count(self) -> int: ...


class AuditRepository(Protocol):
    def lock_head(self) -> ChainHead:
        """The chain head, locked until the transaction ends (one writer at a time)."""
        ...

    def head(self) -> ChainHead: ...
    def append(self, event: AuditEventRecord) -> None:
        """Store the event and move the head to it."""
        ...

    def iter_events(self, batch: int = 2000) -> Iterator[AuditEventRecord]: ...
    def recent(self, limit: int, before_seq: int | None = None) -> list[AuditEventRecord]: ...
    def find_by_hash(self, hash_: str) -> AuditEventRecord | None: ...
    def by_seq(self, seq: int) -> AuditEventRecord | None: ...
    def last_before(self, moment: datetime) -> AuditEventRecord | None:
        """The chain's head as it stood at ``moment``: the last event (by sequence) recorded
        before it; None when the chain had not begun."""
        ...


class SettingRepository(Protocol):
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...
    def all(self) -> dict[str, str]: ...


class UnitOfWork(Protocol):
    """One transaction's worth of repositories, plus the clock that dates it."""

    clock: Clock
    sites: SiteRepository
    staff: StaffRepository
    audit: AuditRepository
    settings: SettingRepository
    catalog: CatalogRepository
    calendar: CalendarRepository
    cases: CaseRepository
    notices: NoticeRepository
    keys: KeyRepository
    prints: PrintLogRepository
    feedback: FeedbackRepository
    appointments: AppointmentRepository
    agency: AgencyRepository
    reports: ReportRepository
    visits: VisitRepository
    absences: AbsenceRepository
    worklist: WorkListRepository
    queue: QueueRepository

    def write(self) -> AbstractContextManager[None]:
        """A write transaction: commits when the block ends, rolls back on any exception."""
        ...

    def read(self) -> AbstractContextManager[None]:
        """A read-only transaction."""
        ...


class StoreAdmin(Protocol):
    """Whole-store operations that are not part of any one transaction."""

    location: str

    def backup(self, out: Path) -> Path: ...
    def daily_backup(self, folder: Path, today_stamp: str, keep_days: int) -> Path | None: ...
    def integrity_problems(self) -> list[str]: ...
    def unit_of_work(self) -> UnitOfWork: ...

"""The SQLAlchemy unit of work: one session per transaction, repositories bound to it.

Each repository is a typed property, so mypy checks that the class it builds implements the
port in ``app`` it is declared as (``CaseRepository``, ...), and ``SqlUnitOfWork`` as a whole
is checked against ``app.ports.UnitOfWork`` below. A repository's module is imported the first
time a service asks for it (an import inside the property, which the layer test still sees),
so a start that only logs in does not pay for the model modules of every area.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar, cast

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.clock import Clock
from db import sealed
from db.engine import WRITE_OPTION

if TYPE_CHECKING:
    from app.agency.ports import AgencyRepository
    from app.appointments.ports import AppointmentRepository
    from app.calendar import CalendarRepository
    from app.cases.ports import CaseRepository
    from app.catalog.ports import CatalogRepository
    from app.counter_pcs import CounterPcRepository, PcStore
    from app.feedback.ports import FeedbackRepository
    from app.notices.ports import NoticeRepository
    from app.numbering import CounterRepository
    from app.ports import (
        AuditRepository,
        SettingRepository,
        SiteRepository,
        StaffRepository,
        UnitOfWork,
    )
    from app.printing.records import PrintLogRepository
    from app.queue.ports import QueueRepository
    from app.register_ports import RegisterRepository
    from app.reports.ports import ReportRepository
    from app.signing import KeyRepository
    from app.sync.ports import SyncRepository, SyncUnitOfWork
    from app.visits.ports import AbsenceRepository, VisitRepository, WorkListRepository

R = TypeVar("R")


class SqlUnitOfWork:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        self._session: Session | None = None
        self._writing = False
        self._repos: dict[str, object] = {}

    def _bind(self, session: Session) -> None:
        self._session = session
        self._repos = {}

    def _repo(self, name: str, build: Callable[[Session], R]) -> R:
        """The transaction's repository ``name``, built on first use."""
        if self._session is None:
            raise RuntimeError(f"uow.{name} used outside a transaction (use uow.read/write)")
        repo = self._repos.get(name)
        if repo is None:
            repo = self._repos[name] = build(self._session)
        return cast(R, repo)

    @property
    def sites(self) -> SiteRepository:
        from db.repositories import SqlSiteRepository

        return self._repo("sites", SqlSiteRepository)

    @property
    def staff(self) -> StaffRepository:
        from db.repositories import SqlStaffRepository

        return self._repo("staff", SqlStaffRepository)

    @property
    def audit(self) -> AuditRepository:
        from db.repositories import SqlAuditRepository

        return self._repo("audit", SqlAuditRepository)

    @property
    def counter_pcs(self) -> CounterPcRepository:
        from db.counter_pcs_repo import SqlCounterPcRepository

        return self._repo("counter_pcs", SqlCounterPcRepository)

    @property
    def settings(self) -> SettingRepository:
        from db.repositories import SqlSettingRepository

        return self._repo("settings", SqlSettingRepository)

    @property
    def catalog(self) -> CatalogRepository:
        from db.catalog_repo import SqlCatalogRepository

        return self._repo("catalog", SqlCatalogRepository)

    @property
    def calendar(self) -> CalendarRepository:
        from db.calendar_repo import SqlCalendarRepository

        return self._repo("calendar", lambda s: SqlCalendarRepository(s, self.clock))

    @property
    def numbers(self) -> CounterRepository:
        from db.numbering_repo import SqlCounterRepository

        return self._repo("numbers", SqlCounterRepository)

    @property
    def cases(self) -> CaseRepository:
        from db.cases_repo import SqlCaseRepository

        return self._repo("cases", SqlCaseRepository)

    @property
    def notices(self) -> NoticeRepository:
        from db.notices_repo import SqlNoticeRepository

        return self._repo("notices", SqlNoticeRepository)

    @property
    def keys(self) -> KeyRepository:
        from db.keys_repo import SqlKeyRepository

        return self._repo("keys", SqlKeyRepository)

    @property
    def prints(self) -> PrintLogRepository:
        from db.keys_repo import SqlPrintLogRepository

        return self._repo("prints", SqlPrintLogRepository)

    @property
    def feedback(self) -> FeedbackRepository:
        from db.feedback_repo import SqlFeedbackRepository

        return self._repo("feedback", SqlFeedbackRepository)

    @property
    def appointments(self) -> AppointmentRepository:
        from db.appointments_repo import SqlAppointmentRepository

        return self._repo("appointments", SqlAppointmentRepository)

    @property
    def agency(self) -> AgencyRepository:
        from db.agency_repo import SqlAgencyRepository

        return self._repo("agency", SqlAgencyRepository)

    @property
    def reports(self) -> ReportRepository:
        from db.reports_repo import SqlReportRepository

        return self._repo("reports", SqlReportRepository)

    @property
    def visits(self) -> VisitRepository:
        from db.visits_repo import SqlVisitRepository

        return self._repo("visits", SqlVisitRepository)

    @property
    def absences(self) -> AbsenceRepository:
        from db.visits_repo import SqlAbsenceRepository

        return self._repo("absences", SqlAbsenceRepository)

    @property
    def worklist(self) -> WorkListRepository:
        from db.worklist_repo import SqlWorkListRepository

        return self._repo("worklist", SqlWorkListRepository)

    @property
    def queue(self) -> QueueRepository:
        from db.queue_repo import SqlQueueRepository

        return self._repo("queue", SqlQueueRepository)

    @property
    def sync(self) -> SyncRepository:
        from db.sync_repo import SqlSyncRepository

        return self._repo("sync", SqlSyncRepository)

    @property
    def register(self) -> RegisterRepository:
        from db.register_repo import SqlRegisterRepository

        return self._repo("register", SqlRegisterRepository)

    @contextmanager
    def write(self) -> Iterator[None]:
        if self._session is not None:  # a nested call joins the running transaction
            if not self._writing:
                raise RuntimeError("a write cannot join a read-only transaction")
            yield
            return
        with Session(self.engine, expire_on_commit=False) as session:
            conn = session.connection(execution_options={WRITE_OPTION: True})
            sealing = sealed.bind_engine(self.engine, conn)  # this database's data key
            self._bind(session)
            self._writing = True
            try:
                yield
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                sealed.unbind(sealing)
                self._session = None
                self._writing = False

    @contextmanager
    def read(self) -> Iterator[None]:
        if self._session is not None:
            yield
            return
        with Session(self.engine) as session:
            sealing = sealed.bind_engine(self.engine, session.connection())
            self._bind(session)
            try:
                yield
            finally:
                sealed.unbind(sealing)
                session.rollback()
                self._session = None


if TYPE_CHECKING:

    def _is_a_unit_of_work(uow: SqlUnitOfWork) -> UnitOfWork:
        return uow  # mypy compares every property with the port UnitOfWork declares

    def _is_a_pc_store(uow: SqlUnitOfWork) -> PcStore:
        return uow

    def _is_a_sync_unit_of_work(uow: SqlUnitOfWork) -> SyncUnitOfWork:
        return uow

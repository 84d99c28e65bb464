"""The SQLAlchemy unit of work: one session per transaction, repositories bound to it."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.clock import Clock
from db.engine import WRITE_OPTION

# Each repository is imported and built the first time a service asks for it, so a start
# that only logs in does not pay for the model modules of every area.
REPOSITORIES: dict[str, tuple[str, str]] = {
    "sites": ("db.repositories", "SqlSiteRepository"),
    "staff": ("db.repositories", "SqlStaffRepository"),
    "audit": ("db.repositories", "SqlAuditRepository"),
    "settings": ("db.repositories", "SqlSettingRepository"),
    "catalog": ("db.catalog_repo", "SqlCatalogRepository"),
    "calendar": ("db.calendar_repo", "SqlCalendarRepository"),
    "cases": ("db.cases_repo", "SqlCaseRepository"),
    "notices": ("db.notices_repo", "SqlNoticeRepository"),
    "keys": ("db.keys_repo", "SqlKeyRepository"),
    "prints": ("db.keys_repo", "SqlPrintLogRepository"),
    "feedback": ("db.feedback_repo", "SqlFeedbackRepository"),
    "appointments": ("db.appointments_repo", "SqlAppointmentRepository"),
    "agency": ("db.agency_repo", "SqlAgencyRepository"),
    "reports": ("db.reports_repo", "SqlReportRepository"),
    "visits": ("db.visits_repo", "SqlVisitRepository"),
    "absences": ("db.visits_repo", "SqlAbsenceRepository"),
    "worklist": ("db.worklist_repo", "SqlWorkListRepository"),
    "queue": ("db.queue_repo", "SqlQueueRepository"),
}
NEEDS_CLOCK = {"calendar"}


class SqlUnitOfWork:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        self._session: Session | None = None
        self._writing = False
        self._repos: dict[str, Any] = {}

    def _bind(self, session: Session) -> None:
        self._session = session
        self._repos = {}

    def __getattr__(self, name: str) -> Any:
        if name not in REPOSITORIES:
            raise AttributeError(name)
        session = self.__dict__.get("_session")
        if session is None:
            raise RuntimeError(f"uow.{name} used outside a transaction (use uow.read/write)")
        repo = self._repos.get(name)
        if repo is None:
            module, cls = REPOSITORIES[name]
            factory = getattr(importlib.import_module(module), cls)
            repo = factory(session, self.clock) if name in NEEDS_CLOCK else factory(session)
            self._repos[name] = repo
        return repo

    @contextmanager
    def write(self) -> Iterator[None]:
        if self._session is not None:  # a nested call joins the running transaction
            if not self._writing:
                raise RuntimeError("a write cannot join a read-only transaction")
            yield
            return
        with Session(self.engine, expire_on_commit=False) as session:
            session.connection(execution_options={WRITE_OPTION: True})
            self._bind(session)
            self._writing = True
            try:
                yield
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                self._session = None
                self._writing = False

    @contextmanager
    def read(self) -> Iterator[None]:
        if self._session is not None:
            yield
            return
        with Session(self.engine) as session:
            self._bind(session)
            try:
                yield
            finally:
                session.rollback()
                self._session = None

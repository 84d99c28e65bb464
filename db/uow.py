"""The SQLAlchemy unit of work: one session per transaction, repositories bound to it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.clock import Clock
from db.calendar_repo import SqlCalendarRepository
from db.cases_repo import SqlCaseRepository
from db.engine import WRITE_OPTION
from db.repositories import (
    SqlAuditRepository,
    SqlSettingRepository,
    SqlSiteRepository,
    SqlStaffRepository,
)


class SqlUnitOfWork:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        self._session: Session | None = None
        self._writing = False

    def _bind(self, session: Session) -> None:
        self._session = session
        self.sites = SqlSiteRepository(session)
        self.staff = SqlStaffRepository(session)
        self.audit = SqlAuditRepository(session)
        self.settings = SqlSettingRepository(session)
        self.calendar = SqlCalendarRepository(session, self.clock)
        self.cases = SqlCaseRepository(session)

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

"""Counter PCs on the hall's PostgreSQL server (``app.counter_pcs``), in the unit of work's
transaction: a role made or revoked commits or rolls back with its audit event."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.counter_pcs import CounterPc, HallServerOnly
from app.errors import DomainError
from db import pg_roles

HALL_SERVER_ONLY = (
    "counter PCs are enrolled on a hall server (PostgreSQL) only; this database is a SQLite file"
)


R = TypeVar("R")
NOT_THE_OWNER = (
    "this database login may not manage the counter PCs' logins (it is a counter PC's own, or "
    "not the hall database's owner): run frontdesk pc with the owner's connection in FRONTDESK_DB"
)


def _owner_only(call: Callable[[], R]) -> R:
    """A role, grant or session change refused for want of rights says whose they are."""
    try:
        return call()
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient_privilege
            raise
    # Raised after the handler: no driver error behind it to be taken for a storage fault.
    raise DomainError(NOT_THE_OWNER)


class SqlCounterPcRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        if session.get_bind().dialect.name != "postgresql":
            raise HallServerOnly(HALL_SERVER_ONLY)

    def _group(self) -> str:
        return pg_roles.group_role(self._session.connection())

    def enroll(self, name: str, password: str) -> str:
        conn, group = self._session.connection(), self._group()
        return _owner_only(lambda: pg_roles.enroll(conn, group, name, password))

    def find(self, name: str) -> CounterPc | None:
        return next((pc for pc in self.list() if pc.name == name), None)

    def list(self) -> list[CounterPc]:
        return [
            CounterPc(name=pc.name, role=pc.role, can_login=pc.can_login, open_sessions=pc.sessions)
            for pc in pg_roles.list_pcs(self._session.connection(), self._group())
        ]

    def revoke(self, name: str) -> str:
        role = pg_roles.pc_role(self._group(), name)
        conn = self._session.connection()
        _owner_only(lambda: pg_roles.revoke(conn, role))
        return role

    def end_sessions(self, role: str) -> int:
        conn = self._session.connection()
        return _owner_only(lambda: pg_roles.end_sessions(conn, role))

    def grant(self) -> int:
        conn = self._session.connection()
        group = self._group()

        def grant() -> int:
            pg_roles.ensure_group(conn, group)
            return pg_roles.grant_to(conn, group)

        return _owner_only(grant)

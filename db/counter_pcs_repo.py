"""Counter PCs on the hall's PostgreSQL server (``app.counter_pcs``), in the unit of work's
transaction: a role made or revoked commits or rolls back with its audit event."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.counter_pcs import CounterPc, HallServerOnly
from db import pg_roles

HALL_SERVER_ONLY = (
    "counter PCs are enrolled on a hall server (PostgreSQL) only; this database is a SQLite file"
)


class SqlCounterPcRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        if session.get_bind().dialect.name != "postgresql":
            raise HallServerOnly(HALL_SERVER_ONLY)

    def _group(self) -> str:
        return pg_roles.group_role(self._session.connection())

    def enroll(self, name: str, password: str) -> str:
        return pg_roles.enroll(self._session.connection(), self._group(), name, password)

    def find(self, name: str) -> CounterPc | None:
        return next((pc for pc in self.list() if pc.name == name), None)

    def list(self) -> list[CounterPc]:
        return [
            CounterPc(
                name=pc.name, role=pc.role, can_login=pc.can_login, open_sessions=pc.sessions
            )
            for pc in pg_roles.list_pcs(self._session.connection(), self._group())
        ]

    def revoke(self, name: str) -> str:
        role = pg_roles.pc_role(self._group(), name)
        pg_roles.revoke(self._session.connection(), role)
        return role

    def end_sessions(self, role: str) -> int:
        return pg_roles.end_sessions(self._session.connection(), role)

    def grant(self) -> int:
        conn = self._session.connection()
        group = self._group()
        pg_roles.ensure_group(conn, group)
        return pg_roles.grant_to(conn, group)

"""Counter PCs of a hall server: enrolment, revocation, grants (issue 15).

On a hall's PostgreSQL server every counter PC connects with its own login role, a member of
the hall's counter group role (which holds the least-privilege grants: ``db/pg_roles.py``). An
administrator enrols a PC (a role with a generated password: the only database credential on
that PC), lists the PCs, revokes one (it can no longer log in; its open sessions are ended) and
re-applies the grants after a migration. Enrolments, revocations and re-grants are events of the
audit trail, in the same transaction as the change on the server.

A SQLite store has no server and no PCs to enrol: the repository says so.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Protocol

from app import audit
from app.errors import DomainError, NotFound, ValidationError
from app.ports import AuditStore
from app.roles import Actor, Role, allowed_roles

# A PC's name becomes part of a PostgreSQL role name: lower-case letters, digits and "_",
# starting with a letter (window3, counter_12, annex_a).
PC_NAME = re.compile(r"[a-z][a-z0-9_]{0,29}")
PASSWORD_BYTES = 24  # token_urlsafe: 32 characters, safe in a URL without escaping


class HallServerOnly(DomainError):
    """The store is not a hall server (a SQLite file): there are no PCs to enrol."""


@dataclass(frozen=True)
class CounterPc:
    name: str
    role: str
    can_login: bool
    open_sessions: int


@dataclass(frozen=True)
class Enrolment:
    name: str
    role: str
    password: str


@dataclass(frozen=True)
class Revocation:
    name: str
    role: str
    ended_sessions: int


class CounterPcRepository(Protocol):
    def enroll(self, name: str, password: str) -> str:
        """Make PC ``name``'s login role; returns the role's name."""
        ...

    def find(self, name: str) -> CounterPc | None: ...
    def list(self) -> list[CounterPc]: ...
    def revoke(self, name: str) -> str:
        """The PC's role can no longer log in; returns the role's name."""
        ...

    def end_sessions(self, role: str) -> int: ...
    def grant(self) -> int:
        """Re-apply the group's grants; returns how many tables they cover."""
        ...


class PcStore(AuditStore, Protocol):
    @property
    def counter_pcs(self) -> CounterPcRepository: ...


def validate_pc_name(name: str) -> str:
    if not PC_NAME.fullmatch(name or ""):
        raise ValidationError.single(
            "name",
            f"not a PC name: {name!r} (1-30 lower-case letters, digits or _, starting with a "
            "letter, e.g. window3)",
        )
    return name


@allowed_roles(Role.ADMIN)
def enroll_pc(uow: PcStore, actor: Actor, name: str) -> Enrolment:
    """A new counter PC: its own login role with a generated password (shown once)."""
    name = validate_pc_name(name)
    password = secrets.token_urlsafe(PASSWORD_BYTES)
    with uow.write():
        if uow.counter_pcs.find(name) is not None:
            raise ValidationError.single(
                "name", f"PC {name} is already enrolled (a revoked name is not used again)"
            )
        role = uow.counter_pcs.enroll(name, password)
        audit.record(uow, actor, "counter_pc_enrolled", "counter_pc", name, None, {"role": role})
    return Enrolment(name=name, role=role, password=password)


@allowed_roles(Role.ADMIN)
def list_pcs(uow: PcStore, actor: Actor) -> list[CounterPc]:
    with uow.read():
        return uow.counter_pcs.list()


@allowed_roles(Role.ADMIN)
def revoke_pc(uow: PcStore, actor: Actor, name: str) -> Revocation:
    """PC ``name`` can no longer connect: its role cannot log in, its sessions are ended."""
    name = validate_pc_name(name)
    with uow.write():
        pc = uow.counter_pcs.find(name)
        if pc is None:
            raise NotFound(f"no enrolled PC named {name} (frontdesk pc list shows them)")
        role = uow.counter_pcs.revoke(name)
        if pc.can_login:
            audit.record(
                uow,
                actor,
                "counter_pc_revoked",
                "counter_pc",
                name,
                {"can_login": True},
                {"can_login": False},
            )
    with uow.write():  # after the commit: a session ended before it could log in again
        ended = uow.counter_pcs.end_sessions(role)
    return Revocation(name=name, role=role, ended_sessions=ended)


@allowed_roles(Role.ADMIN)
def grant_pcs(uow: PcStore, actor: Actor) -> int:
    """Re-apply the counter group's grants to every table (after a migration)."""
    with uow.write():
        tables = uow.counter_pcs.grant()
        audit.record(uow, actor, "counter_pc_grants", "counter_pc", "*", None, {"tables": tables})
    return tables

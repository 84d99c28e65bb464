"""Backups and integrity checks, as services with their permission checks and audit events."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import audit
from app.ports import StoreAdmin
from app.roles import Actor, Role, allowed_roles


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[str, ...]
    chain: audit.ChainReport

    @property
    def ok(self) -> bool:
        return not self.problems and self.chain.ok


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)
def backup_now(store: StoreAdmin, actor: Actor, out: Path) -> Path:
    written = store.backup(out)
    uow = store.unit_of_work()
    with uow.write():
        audit.record(uow, actor, "backup_made", "store", written.name)
    return written


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)
def check_store(store: StoreAdmin, actor: Actor) -> CheckResult:
    return CheckResult(tuple(store.integrity_problems()), audit.verify(store.unit_of_work()))

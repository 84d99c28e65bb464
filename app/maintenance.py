"""Backups and integrity checks, as services with their permission checks and audit events."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import audit
from app.anchors import write_anchor
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
def backup_now(store: StoreAdmin, actor: Actor, out: Path, anchors: Path | None = None) -> Path:
    """A copy of the store; the chain's head then goes to the anchor file in ``anchors``
    (the data folder's backups folder) too."""
    written = store.backup(out)
    uow = store.unit_of_work()
    with uow.write():
        audit.record(uow, actor, "backup_made", "store", written.name)
    if anchors is not None:
        write_anchor(uow, anchors, written.name)
    return written


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)
def check_store(store: StoreAdmin, actor: Actor) -> CheckResult:
    return CheckResult(tuple(store.integrity_problems()), audit.verify(store.unit_of_work()))


def daily_backup(store: StoreAdmin, folder: Path) -> Path | None:
    """The first start of each day keeps a copy in ``folder`` (see db.backup.daily_backup) and
    drops copies older than the hall's setting. No role needed: it runs for whoever starts
    the program first that day."""
    from app import settings
    from app.cases.deadlines import local_day

    uow = store.unit_of_work()
    keep_days = settings.get(uow, "backup_keep_days")
    today = local_day(uow.clock.now())
    made = store.daily_backup(folder, f"{today:%Y%m%d}", keep_days)
    if made is not None:
        with uow.write():
            audit.record(uow, None, "backup_made", "store", made.name, login="daily")
        write_anchor(uow, folder, made.name)
    return made

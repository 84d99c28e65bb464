"""Composition: resolve the data folder and database, open the store, hand out services."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.auth import login
from app.clock import Clock, SystemClock
from app.config import backup_dir, resolve_data_dir, resolve_db_url
from app.context import AppContext
from app.errors import AuthenticationError, DomainError, PermissionDenied
from app.roles import ROLE_LABELS, Actor, Role
from db.engine import refuse_network_share, sqlite_path, sqlite_url
from db.files import private_folder
from db.store import open_store


def open_context(
    data_dir_flag: str | None,
    db_flag: str | None,
    on_progress: Callable[[str], None] | None = None,
    *,
    migrate: bool = True,
    clock: Clock | None = None,
    must_exist: bool = True,
) -> CliContext:
    data_dir = resolve_data_dir(data_dir_flag)
    url = resolve_db_url(db_flag, data_dir)
    if must_exist:
        path = sqlite_path(url)
        if path is not None:
            refuse_network_share(path)  # the more useful answer comes first
        if path is not None and not path.exists():
            # A mistyped --data-dir must not quietly create a second, empty database.
            raise DomainError(f"no database at {path}: run frontdesk init first")
    from app import keystore

    keystore.use_data_dir(data_dir)  # before migrating: 0011 moves keys into it
    clock = clock or SystemClock()
    store, _ = open_store(
        url, clock, backup_dir(data_dir), migrate=migrate, on_progress=on_progress
    )
    for folder in (data_dir, backup_dir(data_dir)):  # owner-only, also an older install's
        if folder.is_dir():
            private_folder(folder)
    from devices.sdtapi import SdtReader

    return CliContext(store=store, clock=clock, data_dir=data_dir, card_readers=SdtReader)


def no_database_yet(data_dir_flag: str | None, db_flag: str | None) -> bool:
    """A SQLite database that does not exist yet (a new PC); a server database always exists."""
    path = sqlite_path(resolve_db_url(db_flag, resolve_data_dir(data_dir_flag)))
    return path is not None and not path.exists()


class CliContext(AppContext):
    def cli_actor(
        self,
        login_name: str,
        password: str,
        any_role: bool = False,
        roles: frozenset[Role] = frozenset({Role.ADMIN}),
    ) -> Actor:
        """The staff member a command runs as: their login checked like the window's (wrong
        passwords counted, lockout), then their role against the roles the command allows."""
        try:
            actor = login(self.uow(), login_name, password)
        except AuthenticationError as exc:  # say whose login it was (--as defaults to admin)
            raise AuthenticationError(f"以 {login_name} 登录失败：{exc.message}") from None
        if not any_role and actor.role not in roles:
            if roles == {Role.ADMIN}:
                raise PermissionDenied(f"{login_name} is not an administrator")
            allowed = "、".join(ROLE_LABELS[r] for r in Role if r in roles)
            raise PermissionDenied(f"{login_name} 无权执行此命令（需要：{allowed}）")
        return actor


def staged_context(staged: Path) -> CliContext:
    """A checked backup copy (``db.backup.stage_backup``) opened like a database: brought to
    this program's schema (a newer or unknown migration level is refused here)."""
    clock = SystemClock()
    store, _ = open_store(sqlite_url(staged), clock, None, migrate=True)
    return CliContext(store=store, clock=clock, data_dir=staged.parent)


def restore_problems(staged: CliContext, current: CliContext | None) -> list[str]:
    """Why a backup copy should not replace the current database: its audit chain does not
    verify, or it is another hall's (no site code or signing key in common)."""
    from app import audit
    from db.backup import site_identity

    problems: list[str] = []
    report = audit.verify(staged.uow())
    if not report.ok:
        problems.append(f"备份的审计链校验未通过（{report.describe()}）")
    if current is not None:
        codes, keys = site_identity(staged.store.engine)  # type: ignore[attr-defined]
        here_codes, here_keys = site_identity(current.store.engine)  # type: ignore[attr-defined]
        same = bool(keys & here_keys) if keys and here_keys else bool(codes & here_codes)
        if here_codes and not same:
            theirs = "、".join(sorted(codes)) or "无"
            problems.append(f"备份属于另一个服务中心（站点 {theirs}，签名密钥不同）")
    return problems

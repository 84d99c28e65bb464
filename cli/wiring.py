"""Composition: resolve the data folder and database, open the store, hand out services."""

from __future__ import annotations

from collections.abc import Callable

from app.auth import login
from app.clock import Clock, SystemClock
from app.config import backup_dir, resolve_data_dir, resolve_db_url
from app.context import AppContext
from app.errors import AuthenticationError, DomainError, PermissionDenied
from app.roles import Actor, Role
from db.engine import refuse_network_share, sqlite_path
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
    return CliContext(store=store, clock=clock, data_dir=data_dir)


class CliContext(AppContext):
    def cli_actor(self, login_name: str, password: str, any_role: bool = False) -> Actor:
        try:
            actor = login(self.uow(), login_name, password)
        except AuthenticationError as exc:  # say whose login it was (--as defaults to admin)
            raise AuthenticationError(f"以 {login_name} 登录失败：{exc.message}") from None
        if not any_role and actor.role is not Role.ADMIN:
            raise PermissionDenied(f"{login_name} is not an administrator")
        return actor

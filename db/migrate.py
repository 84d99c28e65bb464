"""Bring a database to the program's schema, the same way on SQLite and PostgreSQL.

Alembic is imported only when a migration actually has to run, so an up-to-date database costs
one small query at start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text

from db.backup import backup_sqlite_file
from db.engine import StoreError, sqlite_path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Every revision this program knows, oldest first. tests/integration/test_migrations.py checks
# this against the migration scripts, so it cannot drift.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0013",
    "0014",
    "0015",
    "0016",
    "0017",
    "0019",
    "0020",
    "0021",
    "0022",
    "0023",
    "0024",
    "0025",
)
# Revisions that rewrite personal data in place: on SQLite the file is rebuilt (VACUUM) once
# the upgrade past one of them is committed, so no plaintext survives in free pages.
REBUILD_AFTER: frozenset[str] = frozenset({"0017"})
HEAD = KNOWN_REVISIONS[-1]


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    state: str  # "current", "empty", "older", "newer"


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None
    after: str
    backup: Path | None


def schema_status(engine: Engine) -> SchemaStatus:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            tables = [t for t in inspect(conn).get_table_names() if t != "sqlite_sequence"]
            if tables:
                raise StoreError("这个数据库不是本程序的数据库（没有版本记录），请检查连接地址")
            return SchemaStatus(None, "empty")
        current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if current is None:  # downgraded to the base: as old as it gets, but ours
        return SchemaStatus(None, "older")
    if current == HEAD:
        return SchemaStatus(current, "current")
    if current in KNOWN_REVISIONS:
        return SchemaStatus(current, "older")
    return SchemaStatus(current, "newer")


def ensure_schema(
    engine: Engine, backup_dir: Path | None, on_progress: Callable[[str], None] | None = None
) -> UpgradeResult | None:
    """Upgrade an empty or older database; refuse one newer than this program."""
    status = schema_status(engine)
    if status.state == "current":
        return None
    if status.state == "newer":
        raise StoreError(
            f"数据库版本（{status.current}）比本程序新，请安装新版程序后再打开。"
            "为保护数据，本程序不会改动它。"
        )
    _refuse_upgrade_without_owner_rights(engine)
    saved = None
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if status.state == "older" and path is not None and backup_dir is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        old = status.current or "base"
        target = backup_dir / f"{path.stem}-before-{HEAD}-from-{old}-{stamp}.sqlite3"
        if on_progress:
            on_progress(f"备份旧数据库到 {target}")
        saved = backup_sqlite_file(path, target)
    if on_progress and status.state == "older":
        on_progress(f"升级数据库结构：{status.current or 'base'} → {HEAD}")
    upgrade(engine, HEAD)
    return UpgradeResult(status.current, HEAD, saved)


def _refuse_upgrade_without_owner_rights(engine: Engine) -> None:
    """A counter PC's role (db/pg_roles.py) cannot change the schema: when a new program
    version meets an older hall database there, say who upgrades it, instead of failing on the
    first DDL statement."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as conn:
        may_create = conn.execute(
            text("SELECT has_schema_privilege(current_schema(), 'CREATE')")
        ).scalar()
    if not may_create:
        raise StoreError(
            "数据库需要升级到本程序的版本，本机的数据库登录无权升级。请管理员先用数据库所有者的"
            "连接运行 frontdesk init 升级数据库，之后本机即可使用。"
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    before, after = _migrate(engine, lambda cfg: command.upgrade(cfg, revision))
    if engine.dialect.name == "sqlite" and before is not None and _crossed(before, after):
        with engine.connect() as conn:  # outside any transaction: the driver's own connection
            _driver(conn).execute("VACUUM")
            _driver(conn).execute("PRAGMA wal_checkpoint(TRUNCATE)")  # old pages out of the WAL


def downgrade(engine: Engine, revision: str) -> None:
    """Tests and an administrator's emergency: back to an older level."""
    from alembic import command

    _migrate(engine, lambda cfg: command.downgrade(cfg, revision))


def _migrate(engine: Engine, run: Callable[[Any], None]) -> tuple[str | None, str | None]:
    """Run an Alembic command in one transaction: (level before, level after)."""
    from db import sealed
    from db.pg_roles import grant_to_group

    sealed.forget_engine(engine)
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        # SQLite rebuilds a table to change a column (batch mode): the old table's DROP must not
        # cascade through the rows that refer to it. Foreign keys are off for the migration
        # (they can only be switched outside a transaction) and checked whole before it commits.
        if sqlite:
            _driver(conn).execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                before = _current(conn)
                run(alembic_config(conn))
                after = _current(conn)
                # On a hall server with enrolled PCs, new tables get the counters' grants in the
                # same transaction: no PC is refused a table a migration just made.
                grant_to_group(conn)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all() if sqlite else []
                if broken:
                    table, row = broken[0][0], broken[0][1]
                    raise StoreError(f"迁移后外键不一致（{table} 第 {row} 行），已回滚")
        finally:
            if sqlite:
                _driver(conn).execute("PRAGMA foreign_keys=ON")
    return before, after


def _driver(conn: Connection) -> Any:
    return conn.connection.dbapi_connection


def _current(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _crossed(before: str, after: str | None) -> bool:
    """Whether the upgrade from ``before`` to ``after`` ran a revision in REBUILD_AFTER."""
    if before not in KNOWN_REVISIONS or after not in KNOWN_REVISIONS:
        return False
    ran = KNOWN_REVISIONS[KNOWN_REVISIONS.index(before) + 1 : KNOWN_REVISIONS.index(after) + 1]
    return bool(REBUILD_AFTER.intersection(ran))


def alembic_config(connection: object | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg

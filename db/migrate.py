"""Bring a database to the program's schema, the same way on SQLite and PostgreSQL.

Alembic is imported only when a migration actually has to run, so an up-to-date database costs
one small query at start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text

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
    "0020",
    "0022",
)
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


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        cfg = alembic_config(conn)
        command.upgrade(cfg, revision)


def alembic_config(connection: object | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg

"""The opened store: engine, schema check, unit-of-work factory and whole-store operations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from app.clock import Clock
from app.storage import storage_problem
from db.backup import backup, daily_backup
from db.engine import StoreError, drop_planner_statistics, is_sqlite, make_engine
from db.migrate import UpgradeResult, ensure_schema
from db.uow import SqlUnitOfWork


class SqlStore:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        url = engine.url
        self.location = (
            str(url.database) if is_sqlite(str(url)) else url.render_as_string(hide_password=True)
        )

    def unit_of_work(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, self.clock)

    def backup(self, out: Path) -> Path:
        return backup(self.engine, out)

    def daily_backup(self, folder: Path, today_stamp: str, keep_days: int) -> Path | None:
        return daily_backup(self.engine, folder, today_stamp, keep_days)

    def integrity_problems(self) -> list[str]:
        problems: list[str] = []
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                rows = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
                problems += [f"sqlite: {r}" for r in rows if r != "ok"]
                for row in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
                    problems.append(f"foreign key broken: table {row[0]} row {row[1]} -> {row[2]}")
            else:
                conn.execute(text("SELECT 1"))
        return problems

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(
    url: str,
    clock: Clock,
    backup_dir: Path | None,
    *,
    migrate: bool = True,
    on_progress: Callable[[str], None] | None = None,
) -> tuple[SqlStore, UpgradeResult | None]:
    """Open the database and bring its schema up to date (after copying an older one aside)."""
    engine = make_engine(url)
    try:
        result = ensure_schema(engine, backup_dir, on_progress) if migrate else None
        if migrate:
            drop_planner_statistics(engine)
    except DBAPIError as exc:
        engine.dispose()
        problem = storage_problem(exc)  # a damaged, read-only or locked file says so
        if problem is not None:
            raise problem from exc
        raise StoreError(f"无法打开数据库（{_first_line(exc)}）") from exc
    except BaseException:  # refused (too new, or an upgrade this login may not run)
        engine.dispose()
        raise
    return SqlStore(engine, clock), result


def _first_line(exc: Exception) -> str:
    return str(getattr(exc, "orig", exc)).strip().splitlines()[0]

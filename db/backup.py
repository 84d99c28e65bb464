"""Consistent copies of the store while counters keep working."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import Engine

from db.engine import StoreError, sqlite_path


def backup(engine: Engine, out: Path) -> Path:
    """Copy the database to ``out``. SQLite: online backup API; PostgreSQL: pg_dump."""
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is not None:
        return backup_sqlite_file(path, out)
    return _pg_dump(engine, out)


def backup_sqlite_file(source: Path, out: Path) -> Path:
    if out.is_dir():  # "--out D:/backups": a dated file inside it
        from datetime import UTC, datetime

        out = out / f"frontdesk-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.sqlite3"
    out = out.resolve()
    if out == source.resolve():
        raise StoreError("备份文件不能与数据库文件相同")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=15)
    dst = sqlite3.connect(partial)
    done = False
    try:
        # Copies page by page; writers on other connections are not blocked for long.
        src.backup(dst, pages=1024)
        dst.execute("PRAGMA journal_mode=DELETE")
        result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise StoreError(f"备份文件完整性检查失败：{result}")
        done = True
    finally:
        dst.close()
        src.close()
        if not done:
            partial.unlink(missing_ok=True)
    _fsync(partial)
    os.replace(partial, out)
    _fsync_dir(out.parent)
    return out


def _pg_dump(engine: Engine, out: Path) -> Path:
    tool = shutil.which("pg_dump")
    if tool is None:
        raise StoreError("PostgreSQL 备份需要 pg_dump（PostgreSQL 客户端工具），请先安装")
    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [tool, "--format=custom", f"--file={out}", url],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise StoreError(f"pg_dump 失败：{done.stderr.strip().splitlines()[-1:]}")
    _fsync(out)
    return out


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    _fsync(path)


DAILY_PREFIX = "frontdesk-daily-"


def daily_backup(engine: Engine, folder: Path, today_stamp: str, keep_days: int) -> Path | None:
    """The first start of a day copies the database into ``folder`` (which may be a USB
    stick) and removes daily copies older than ``keep_days``. None when today's copy exists
    or the store is not a SQLite file (a PostgreSQL server is backed up on the server)."""
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is None:
        return None
    target = folder / f"{DAILY_PREFIX}{today_stamp}.sqlite3"
    made = None
    if not target.exists():
        made = backup_sqlite_file(path, target)
    for old in sorted(folder.glob(f"{DAILY_PREFIX}*.sqlite3")):
        stamp = old.stem.removeprefix(DAILY_PREFIX)
        if stamp.isdigit() and len(stamp) == 8 and _days_between(stamp, today_stamp) >= keep_days:
            old.unlink(missing_ok=True)
    return made


def _days_between(earlier: str, later: str) -> int:
    from datetime import date

    a = date(int(earlier[:4]), int(earlier[4:6]), int(earlier[6:]))
    b = date(int(later[:4]), int(later[4:6]), int(later[6:]))
    return (b - a).days


def restore_sqlite_file(backup_file: Path, target: Path, aside_folder: Path, stamp: str) -> Path:
    """Check ``backup_file``, keep the current database aside, and put the backup in its place.
    Every counter using the file must be closed first. Returns where the old one was kept."""
    if not backup_file.exists():
        raise StoreError(f"找不到备份文件：{backup_file}")
    try:
        con = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
        try:
            verdict = con.execute("PRAGMA integrity_check").fetchone()[0]
            ours = con.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"这不是可用的数据库备份：{exc}") from None
    if verdict != "ok":
        raise StoreError(f"备份文件已损坏（{verdict}），未恢复")
    if not ours:
        raise StoreError("这个文件不是本程序的数据库备份，未恢复")
    aside = aside_folder / f"before-restore-{stamp}.sqlite3"
    if target.exists():
        backup_sqlite_file(target, aside)
    src = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=15)
    try:
        src.backup(dst)  # replaces the content page by page inside one transaction of target
    finally:
        dst.close()
        src.close()
    _fsync(target)
    return aside

"""Consistent copies of the store while counters keep working."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from db.engine import StoreError, sqlite_path
from db.files import FOLDER_MODE, create_private_file, private_file


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
    out.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private_file(partial)  # owner-only from the first byte
    src = sqlite3.connect(source, timeout=15)
    dst = None
    done = False
    try:
        # One step of the online backup API: a single read transaction on the source, so the
        # copy is one consistent snapshot and, in WAL mode, counters go on writing meanwhile.
        # Copying in steps restarted the copy whenever a counter wrote between two steps:
        # under a busy hall it never finished (bench/RESULTS.md).
        dst = sqlite3.connect(partial)
        src.backup(dst, pages=-1)
        dst.execute("PRAGMA journal_mode=DELETE")
        result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise StoreError(f"备份文件完整性检查失败：{result}")
        done = True
    finally:
        if dst is not None:
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
    out.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    create_private_file(out)
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


def restore_sqlite_file(
    backup_file: Path,
    target: Path,
    aside_folder: Path,
    stamp: str,
    verify: Callable[[Path], None] | None = None,
) -> Path | None:
    """Check ``backup_file``, keep the current database aside, and put the backup in its place.
    Every counter using the file must be closed first. ``verify`` gets the checked copy before
    anything is replaced and raises to refuse it. Returns where the old database was kept, None
    when there was none (a new PC, an empty data folder)."""
    staged = stage_backup(backup_file, target)
    try:
        if verify is not None:
            verify(staged)
        return put_in_place(staged, target, aside_folder, stamp)
    finally:
        discard_staged(staged)


def stage_backup(backup_file: Path, target: Path) -> Path:
    """Copy ``backup_file`` next to ``target`` (owner-only) and check it is a sound database of
    this program. The copy, not the backup, is what later checks open and what is put in place:
    opening a file changes it (the journal mode), and a USB stick may be read-only."""
    if not backup_file.is_file():
        raise StoreError(f"找不到备份文件：{backup_file}")
    target.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    staged = target.with_name(target.name + ".restoring")
    discard_staged(staged)
    create_private_file(staged)
    try:
        src = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
        dst = sqlite3.connect(staged)
        try:
            src.backup(dst)
            verdict = dst.execute("PRAGMA integrity_check").fetchone()[0]
            ours = dst.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()[0]
        finally:
            dst.close()
            src.close()
    except sqlite3.DatabaseError as exc:
        discard_staged(staged)
        raise StoreError(f"这不是可用的数据库备份：{exc}") from None
    if verdict != "ok":
        discard_staged(staged)
        raise StoreError(f"备份文件已损坏（{verdict}），未恢复")
    if not ours:
        discard_staged(staged)
        raise StoreError("这个文件不是本程序的数据库备份，未恢复")
    return staged


def put_in_place(staged: Path, target: Path, aside_folder: Path, stamp: str) -> Path | None:
    """Keep the current database (if any) aside, then copy ``staged`` into ``target``."""
    aside = None
    if target.exists() and target.stat().st_size > 0:
        aside = aside_folder / f"before-restore-{stamp}.sqlite3"
        try:
            backup_sqlite_file(target, aside)
        except (StoreError, sqlite3.DatabaseError):  # damaged: keep its bytes as they are
            aside_folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            create_private_file(aside)
            shutil.copyfile(target, aside)
            wal = target.with_name(target.name + "-wal")
            if wal.exists():
                shutil.copyfile(wal, aside.with_name(aside.name + "-wal"))
    create_private_file(target)
    src = sqlite3.connect(f"file:{staged}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=15)
    try:
        src.backup(dst)  # replaces the content page by page inside one transaction of target
    finally:
        dst.close()
        src.close()
    private_file(target)
    _fsync(target)
    return aside


def discard_staged(staged: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        staged.with_name(staged.name + suffix).unlink(missing_ok=True)


def site_identity(engine: Engine) -> tuple[frozenset[str], frozenset[str]]:
    """The codes of a database's own sites and the public keys of their signing keys: a backup
    of the same hall shares them with the database it replaces (past keys are kept)."""
    with engine.connect() as conn:
        codes = frozenset(conn.exec_driver_sql("SELECT code FROM site").scalars())
        try:
            keys = frozenset(
                conn.exec_driver_sql(
                    "SELECT public_key FROM site_key WHERE origin = 'own'"
                ).scalars()
            )
        except DBAPIError:  # no key table in this layout
            keys = frozenset()
    return codes, keys

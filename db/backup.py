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
    out = out.resolve()
    if out == source.resolve():
        raise StoreError("备份文件不能与数据库文件相同")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=15)
    dst = sqlite3.connect(partial)
    try:
        # Copies page by page; writers on other connections are not blocked for long.
        src.backup(dst, pages=1024)
        dst.execute("PRAGMA journal_mode=DELETE")
        result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise StoreError(f"备份文件完整性检查失败：{result}")
    finally:
        dst.close()
        src.close()
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

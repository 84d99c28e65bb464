"""Daily backups, and restoring one while nothing is lost."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import maintenance
from app.context import AppContext
from db.backup import restore_sqlite_file
from db.engine import StoreError
from tests.helpers.cli import ADMIN_PASSWORD, ROOT, cli_environment, run_cli


def test_first_start_of_the_day_keeps_one_copy_and_drops_old_ones(
    sqlite_demo_ctx: AppContext, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    stale = folder / "frontdesk-daily-20261001.sqlite3"
    recent = folder / "frontdesk-daily-20261120.sqlite3"
    for old in (stale, recent):
        old.write_bytes(b"old copy")
    made = maintenance.daily_backup(sqlite_demo_ctx.store, folder)
    assert made == folder / "frontdesk-daily-20261124.sqlite3" and made.exists()
    assert maintenance.daily_backup(sqlite_demo_ctx.store, folder) is None  # once a day
    assert not stale.exists() and recent.exists()  # kept 30 days (the default setting)
    con = sqlite3.connect(made)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM staff").fetchone()[0] == 8
    con.close()


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(home, *args, password=ADMIN_PASSWORD)


def test_backup_while_writing_then_restore(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert (
        cli(home, "init", "--demo", "--demo-days", "1", "--admin-password", "admin-2026").returncode
        == 0
    )
    db_file = home / "frontdesk.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-m", "cli", "demo", "--days", "3", "--seed", "5"],
        cwd=ROOT,
        env=cli_environment(home, ADMIN_PASSWORD),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    copy = tmp_path / "copy.sqlite3"
    assert cli(home, "backup", "--out", str(copy)).returncode == 0  # while the demo writes
    _, errors = writer.communicate(timeout=300)
    assert writer.returncode == 0, errors
    con = sqlite3.connect(copy)
    cases_in_copy = con.execute("SELECT count(*) FROM case_file").fetchone()[0]
    con.close()

    restored = cli(home, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert "kept at" in restored.stdout
    con = sqlite3.connect(db_file)
    assert con.execute("SELECT count(*) FROM case_file").fetchone()[0] == cases_in_copy
    con.close()
    checked = cli(home, "check")
    assert checked.returncode == 0 and "check passed" in checked.stdout


def test_restore_refuses_a_damaged_or_foreign_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="不是可用的数据库备份"):
        restore_sqlite_file(junk, tmp_path / "db.sqlite3", tmp_path, "x")
    foreign = tmp_path / "foreign.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.close()
    with pytest.raises(StoreError, match="不是本程序"):
        restore_sqlite_file(foreign, tmp_path / "db.sqlite3", tmp_path, "x")
    done = cli(tmp_path / "home", "restore", str(junk))
    assert done.returncode == 2 and done.stderr.count("\n") == 1

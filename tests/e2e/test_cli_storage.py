"""The command line on a damaged database: one line that names the cause, no traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

from app.storage import MESSAGES, StorageFault
from tests.helpers.cli import ADMIN_PASSWORD, run_cli


def frontdesk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(home, *args, password=ADMIN_PASSWORD, timeout=120)


def test_a_damaged_database_is_named_in_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert frontdesk(home, "init", "--admin-password", "admin-2026").returncode == 0
    (db_file,) = home.glob("*.sqlite3")
    with sqlite3.connect(db_file) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    size = db_file.stat().st_size
    with open(db_file, "r+b") as fh:
        fh.seek(4096)
        fh.write(os.urandom(size - 4096))
    for args in (("user", "list"), ("check",)):
        done = frontdesk(home, *args)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
        assert MESSAGES[StorageFault.CORRUPT] in done.stderr
        assert "malformed" in done.stderr  # SQLite's own words, for the administrator

"""Issue 15 item 2: the data folder is owner-only (0700), the database and every copy of it
0600, on POSIX; an older install's wider modes are narrowed on the next open."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cli.main import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: ACLs)")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_folder_database_and_backups_are_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTDESK_PASSWORD", "admin-2026")
    old_umask = os.umask(0o022)  # the usual default: new files 0644, folders 0755
    try:
        home = tmp_path / "home"
        assert main(["--data-dir", str(home), "init", "--admin-password", "admin-2026"]) == 0
        db_file = home / "frontdesk.sqlite3"
        assert mode(home) == 0o700 and mode(db_file) == 0o600
        copies = tmp_path / "usb"
        copies.mkdir()
        out = copies / "copy.sqlite3"
        assert main(["--data-dir", str(home), "backup", "--out", str(out)]) == 0
        assert mode(out) == 0o600
        assert mode(copies) == 0o755  # a folder the administrator chose keeps its own mode
        assert main(["--data-dir", str(home), "restore", str(out)]) == 0
        (aside,) = (home / "backups").glob("before-restore-*.sqlite3")
        assert mode(aside) == 0o600 and mode(home / "backups") == 0o700
        assert mode(db_file) == 0o600
        assert not list(home.glob("*.restoring*"))

        # An older install made them world-readable: the next open narrows them.
        os.chmod(home, 0o755)
        os.chmod(db_file, 0o644)
        assert main(["--data-dir", str(home), "check"]) == 0
        assert mode(home) == 0o700 and mode(db_file) == 0o600
        for companion in home.glob("frontdesk.sqlite3-*"):
            assert mode(companion) == 0o600, companion
    finally:
        os.umask(old_umask)

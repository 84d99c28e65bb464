"""Issue 15 item 8: each bad input gives one line and exit 2, no traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage import MESSAGES, StorageFault
from tests.e2e.test_cli import assert_one_line_error
from tests.helpers.cli import ADMIN_PASSWORD, ROOT, cli_environment, run_cli


def frontdesk(home: Path, *args: str | bytes) -> subprocess.CompletedProcess[str]:
    return run_cli(home, *args, password=ADMIN_PASSWORD, timeout=120)


def test_bad_arguments_give_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert frontdesk(home, "init", "--admin-password", "admin-2026").returncode == 0
    for start, days in (("2026-12-01", "99999999999999999999"), ("9999-12-31", "5")):
        assert_one_line_error(frontdesk(home, "calendar", "deadline", start, days), "9999-12-31")
    for limit in ("0", "-5", "99999999999999999999"):
        assert_one_line_error(frontdesk(home, "case", "list", "--limit", limit), "--limit")
    not_utf8 = b"\xff\xfe-\xc3"
    for args in (
        ("print", "receipt", not_utf8, "--out", str(tmp_path / "r.pdf")),
        ("user", "add", not_utf8, "--name", "某", "--role", "clerk", "--password", "long-enough"),
        ("user", "add", "wangyan", "--name", not_utf8, "--role", "clerk"),
    ):
        assert_one_line_error(frontdesk(home, *args), "not valid UTF-8")
    con = sqlite3.connect(home / "frontdesk.sqlite3")
    assert con.execute("SELECT count(*) FROM staff").fetchone()[0] == 1  # nothing half-saved
    con.close()
    within = frontdesk(home, "case", "list", "--limit", "10000")
    assert within.returncode == 0, within.stderr


def test_restore_into_a_missing_data_folder_says_nothing_was_kept(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert frontdesk(home, "init", "--admin-password", "admin-2026").returncode == 0
    copy = tmp_path / "copy.sqlite3"
    assert frontdesk(home, "backup", "--out", str(copy)).returncode == 0
    new_pc = tmp_path / "new" / "pc"
    done = frontdesk(new_pc, "restore", str(copy))
    assert done.returncode == 0, done.stderr
    assert "there was no database before" in done.stdout and "kept at" not in done.stdout
    assert (new_pc / "frontdesk.sqlite3").exists() and not (new_pc / "backups").exists()
    again = frontdesk(new_pc, "restore", str(copy))
    assert again.returncode == 0, again.stderr
    kept = Path(again.stdout.split("kept at ")[1].strip())
    assert kept.is_file()  # the message names a file that is there
    assert frontdesk(new_pc, "check").returncode == 0


@pytest.mark.skipif(os.name != "posix", reason="statvfs read-only flag")
def test_a_read_only_location_is_named_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A database on a read-only mount was reported as "not found ... restore from backup",
    advice that could overwrite good data. The mount is faked (no privileges to mount one)."""
    from cli.main import main

    home = tmp_path / "home"
    monkeypatch.setenv("FRONTDESK_PASSWORD", "admin-2026")
    assert main(["--data-dir", str(home), "init", "--admin-password", "admin-2026"]) == 0
    real_statvfs = os.statvfs

    class ReadOnly:
        def __init__(self, real: os.statvfs_result) -> None:
            self.real = real
            self.f_flag = real.f_flag | os.ST_RDONLY

    def statvfs(path: object) -> object:
        found = real_statvfs(path)  # type: ignore[arg-type]
        return ReadOnly(found) if str(path).startswith(str(home)) else found

    monkeypatch.setattr(os, "statvfs", statvfs)
    capsys.readouterr()
    for args in (("check",), ("case", "list")):
        assert main(["--data-dir", str(home), *args]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and MESSAGES[StorageFault.READ_ONLY] in err
        assert "只读" in err and MESSAGES[StorageFault.MISSING] not in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check")
def test_window_commands_without_a_screen_say_so_in_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert frontdesk(home, "init", "--admin-password", "admin-2026").returncode == 0
    env = cli_environment(home, ADMIN_PASSWORD)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    for args in (("gui",), ("display", "--as", "admin")):
        done = subprocess.run(
            [sys.executable, "-m", "cli", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        assert_one_line_error(done, "no screen")

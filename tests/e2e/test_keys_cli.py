"""``frontdesk keys`` and ``frontdesk check`` from a shell: keys need the administrator's login,
backups anchor the chain, and check names a row edited behind the program's back."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from tests.helpers.cli import run_cli


def run(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_cli(home, *args, own_keys=True, timeout=120, **env)


def test_keys_and_check_from_the_shell(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "init", "--admin-password", "admin-2026").returncode == 0
    assert (home / "keys" / "frontdesk.keys").exists()
    refused = run(home, "keys", "rotate", FRONTDESK_PASSWORD="wrong-password")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    admin = {"FRONTDESK_PASSWORD": "admin-2026", "FRONTDESK_KEYS_PASSWORD": "a long password"}
    assert run(home, "keys", "rotate", **admin).returncode == 0
    listed = run(home, "keys", "list", **admin)
    assert listed.returncode == 0 and "retired" in listed.stdout and "current" in listed.stdout
    copy = tmp_path / "keys.json"
    assert run(home, "keys", "export", "--out", str(copy), **admin).returncode == 0
    imported = run(home, "keys", "import", str(copy), **admin).stdout
    assert "4 keys" in imported  # two signing keys (retired, current), the audit and data keys

    assert run(home, "backup", "--out", str(tmp_path / "b.sqlite3"), **admin).returncode == 0
    assert (home / "backups" / "audit-anchors.jsonl").exists()
    checked = run(home, "check")
    assert checked.returncode == 0, checked.stdout
    assert "anchors ok" in checked.stdout and "business rows match" in checked.stdout

    with sqlite3.connect(home / "frontdesk.sqlite3") as db:
        db.execute("UPDATE staff SET role = 'clerk' WHERE login = 'admin'")
    checked = run(home, "check")
    assert checked.returncode == 1
    assert "staff row 1 (admin): role is clerk, the trail says admin" in checked.stdout

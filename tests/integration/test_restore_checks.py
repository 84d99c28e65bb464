"""Issue 15 item 5: restore refuses a backup whose integrity, migration level, audit chain or
site identity does not verify; an administrator's --force overrides the chain and site checks
only; nothing is replaced by a refused file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from cli.main import main


def own_key(db_file: Path) -> str:
    con = sqlite3.connect(db_file)
    try:
        return con.execute("SELECT public_key FROM site_key WHERE origin = 'own'").fetchone()[0]
    finally:
        con.close()


def edit(copy: Path, sql: str) -> None:
    """A direct edit of a backup file, as a hostile insider would: past the audit table's
    append-only guard (tests/helpers/tamper.py)."""
    from sqlalchemy import create_engine, text

    from tests.helpers.tamper import unguarded

    engine = create_engine(f"sqlite:///{copy}")
    try:
        with unguarded(engine) as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def test_restore_verifies_what_it_puts_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FRONTDESK_PASSWORD", "admin-2026")
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    for home in (ours, theirs):
        assert main(["--data-dir", str(home), "init", "--admin-password", "admin-2026"]) == 0
        assert (
            main(["--data-dir", str(home), "backup", "--out", str(home.with_suffix(".bak"))]) == 0
        )
    db_file = ours / "frontdesk.sqlite3"
    key = own_key(db_file)
    good = ours.with_suffix(".bak")

    def refused(path: Path, words: str, *flags: str) -> None:
        capsys.readouterr()
        assert main(["--data-dir", str(ours), "restore", str(path), *flags]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and words in err, err
        assert own_key(db_file) == key  # nothing replaced
        assert not list(ours.glob("*.restoring*"))

    refused(theirs.with_suffix(".bak"), "另一个服务中心")  # another hall's backup
    chain = tmp_path / "chain.bak"
    shutil.copy(good, chain)
    edit(chain, "UPDATE audit_event SET summary = '{}' WHERE seq = 2")
    refused(chain, "审计链")
    newer = tmp_path / "newer.bak"
    shutil.copy(good, newer)
    edit(newer, "UPDATE alembic_version SET version_num = '9999'")
    refused(newer, "比本程序新")
    refused(newer, "比本程序新", "--force")  # no override makes a newer schema readable
    damaged = tmp_path / "damaged.bak"
    damaged.write_bytes(good.read_bytes()[:8192] + b"\x00" * 4096)
    refused(damaged, "备份")

    # The emergency: an administrator forces the other hall's file in, and is told what.
    capsys.readouterr()
    assert main(["--data-dir", str(ours), "restore", str(chain), "--force"]) == 0
    out = capsys.readouterr()
    assert "restored with --force although" in out.err and "审计链" in out.err
    assert "kept at" in out.out
    # The good copy restores without a word of warning.
    assert main(["--data-dir", str(ours), "restore", str(good)]) == 0
    assert "--force" not in capsys.readouterr().err
    assert own_key(db_file) == key

"""The store on both engines: set-up, login, audit chain, tampering, backups, network shares."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from app import audit, staff
from app.auth import login
from app.context import AppContext
from app.errors import AuthenticationError, ValidationError
from app.setup import initialize
from db.engine import StoreError, is_network_path, make_engine
from db.store import SqlStore
from tests.helpers import tamper


def test_initialize_is_idempotent_and_chain_verifies(ctx: AppContext) -> None:
    first = initialize(ctx.uow(), "admin-2026", demo=True)
    again = initialize(ctx.uow(), None, demo=True)
    assert first.created_admin and len(first.demo_logins) == 7
    assert not again.created_admin and again.demo_logins == ()
    report = audit.verify(ctx.uow())
    assert report.ok and report.checked > 20


def test_lockout_is_stored(demo_ctx: AppContext) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            login(demo_ctx.uow(), "lina", "wrong-password")
    with pytest.raises(AuthenticationError, match="锁定"):
        login(demo_ctx.uow(), "lina", "demo-2026")
    assert audit.verify(demo_ctx.uow()).ok


def test_times_are_timezone_aware_after_a_round_trip(demo_ctx: AppContext) -> None:
    events = audit.list_events(demo_ctx.uow(), login(demo_ctx.uow(), "sunli", "demo-2026"), 5)
    assert all(e.at.tzinfo is not None for e in events)
    assert events[0].at == demo_ctx.clock.now()


def test_failed_service_saves_nothing(demo_ctx: AppContext) -> None:
    admin = login(demo_ctx.uow(), "admin", "admin-2026")
    head_before = audit.verify(demo_ctx.uow()).checked
    with pytest.raises(ValidationError):
        staff.add_staff(
            demo_ctx.uow(),
            admin,
            login="zhangwei",
            name="另一个张伟",
            role="clerk",
            password="long-enough",
        )
    assert audit.verify(demo_ctx.uow()).checked == head_before


def test_edited_audit_row_is_named(demo_ctx: AppContext, store: SqlStore) -> None:
    tamper.edit_audit_row(store.engine, 3, "actor_login", "someone")
    report = audit.verify(demo_ctx.uow())
    assert (report.ok, report.first_broken_seq) == (False, 3)


def test_deleted_audit_row_is_named(demo_ctx: AppContext, store: SqlStore) -> None:
    tamper.delete_audit_row(store.engine, 4)
    report = audit.verify(demo_ctx.uow())
    assert (report.ok, report.first_broken_seq) == (False, 4)


def test_rare_characters_round_trip(demo_ctx: AppContext) -> None:
    admin = login(demo_ctx.uow(), "admin", "admin-2026")
    name = "王𠇹䶮〇𪚥"
    staff.add_staff(
        demo_ctx.uow(), admin, login="wangyan", name=name, role="clerk", password="long-enough"
    )
    names = {s.login: s.name for s in staff.list_staff(demo_ctx.uow(), admin)}
    assert names["wangyan"] == name


def test_network_share_is_refused(tmp_path: Path) -> None:
    assert is_network_path(Path(r"\\fileserver\hall\frontdesk.sqlite3"))
    mounts = tmp_path / "mounts"
    mounts.write_text(f"server:/export {tmp_path}/share nfs4 rw 0 0\n/dev/vda / ext4 rw 0 0\n")
    assert is_network_path(tmp_path / "share" / "db.sqlite3", str(mounts))
    assert not is_network_path(tmp_path / "local" / "db.sqlite3", str(mounts))
    with pytest.raises(StoreError, match="PostgreSQL"):
        make_engine(r"sqlite:///\\fileserver\hall\frontdesk.sqlite3")


def test_sqlite_pragmas_are_on(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with engine.connect() as conn:
        values = [
            conn.exec_driver_sql(f"PRAGMA {p}").scalar()
            for p in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        ]
    assert values == ["wal", 2, 1, 15000]


WRITER = textwrap.dedent(
    """
    import sys
    from sqlalchemy import text
    from db.engine import make_engine
    from db.uow import SqlUnitOfWork
    from app.clock import SystemClock
    engine = make_engine(sys.argv[1])
    uow = SqlUnitOfWork(engine, SystemClock())
    for _ in range(int(sys.argv[2])):
        with uow.write():
            s = uow.staff.s  # read, then write, in one transaction: the classic lock upgrade
            n = s.execute(text("SELECT value FROM setting WHERE key='counter'")).scalar()
            s.execute(text("UPDATE setting SET value=:v WHERE key='counter'"),
                      {"v": str(int(n) + 1)})
    """
)


def test_two_processes_read_then_write_without_lock_errors(tmp_path: Path) -> None:
    from db.migrate import ensure_schema

    url = f"sqlite:///{tmp_path / 'busy.sqlite3'}"
    engine = make_engine(url)
    ensure_schema(engine, None)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('counter', '0')"))
    root = Path(__file__).resolve().parents[2]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, url, "150"], cwd=root, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM setting WHERE key='counter'")).scalar() == "300"


def test_backup_is_consistent_while_another_process_writes(tmp_path: Path) -> None:
    from db.backup import backup_sqlite_file
    from db.migrate import ensure_schema

    db_file = tmp_path / "live.sqlite3"
    url = f"sqlite:///{db_file}"
    engine = make_engine(url)
    ensure_schema(engine, None)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('counter', '0')"))
    root = Path(__file__).resolve().parents[2]
    writer = subprocess.Popen([sys.executable, "-c", WRITER, url, "400"], cwd=root)
    copies = [backup_sqlite_file(db_file, tmp_path / f"copy{i}.sqlite3") for i in range(3)]
    assert writer.wait(timeout=120) == 0
    for copy in copies:
        con = sqlite3.connect(copy)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            0
            <= int(con.execute("SELECT value FROM setting WHERE key='counter'").fetchone()[0])
            <= 400
        )
        con.close()

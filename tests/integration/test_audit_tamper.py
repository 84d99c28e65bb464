"""An insider with the database's credentials against the keyed, anchored audit trail: each
tampering of issue 15 item 5 is caught by ``check`` (the chain, the anchors, the business rows),
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import anchors, audit, maintenance
from app.auth import login
from app.cases import service
from app.clock import ManualClock
from app.context import AppContext
from app.reconcile import reconcile
from app.setup import initialize
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore
from sim.demo.activity import simulate
from tests.helpers import tamper
from tests.integration.test_signing_and_printing import accept, item  # noqa: F401


@pytest.fixture
def hall(demo_ctx: AppContext, item, tmp_path: Path) -> AppContext:  # type: ignore[no-untyped-def]  # noqa: F811
    """A demo hall with three accepted cases, one of them late enough for an overdue record,
    and an anchor written as a backup would."""
    for _ in range(3):
        accept(demo_ctx, item)
    assert isinstance(demo_ctx.clock, ManualClock)
    demo_ctx.clock.advance(timedelta(days=30))
    service.refresh_warnings(demo_ctx.uow())
    anchors.write_anchor(demo_ctx.uow(), folder(demo_ctx), "first.sqlite3")
    return demo_ctx


def folder(ctx: AppContext) -> Path:
    return ctx.data_dir / "backups"


def engine(ctx: AppContext):  # type: ignore[no-untyped-def]
    return ctx.store.engine  # type: ignore[attr-defined]


def head_seq(ctx: AppContext) -> int:
    uow = ctx.uow()
    with uow.read():
        return uow.audit.head().seq


def row(ctx: AppContext, sql: str) -> tuple:  # type: ignore[type-arg]
    with engine(ctx).connect() as conn:
        return tuple(conn.execute(text(sql)).first() or ())


def more_events(ctx: AppContext, count: int) -> None:
    for _ in range(count):
        login(ctx.uow(), "zhangwei", "demo-2026")  # each login is an event


def test_an_untouched_hall_passes_every_check(hall: AppContext) -> None:
    assert audit.verify(hall.uow()).ok
    assert anchors.check_anchors(hall.uow(), folder(hall)).ok
    assert reconcile(hall.uow()) == []
    assert row(hall, "SELECT count(*) FROM accountability_record")[0] >= 1


def test_the_audit_table_is_append_only(hall: AppContext) -> None:
    for statement in (
        "UPDATE audit_event SET actor_login = 'x' WHERE seq = 2",
        "DELETE FROM audit_event WHERE seq = 2",
    ):
        with pytest.raises(DBAPIError, match="append-only"), engine(hall).begin() as conn:
            conn.execute(text(statement))
    assert audit.verify(hall.uow()).ok


def test_truncating_the_tail_and_moving_the_head_is_caught_by_the_anchor(
    hall: AppContext,
) -> None:
    more_events(hall, 3)
    anchored = anchors.write_anchor(hall.uow(), folder(hall), "second.sqlite3")
    keep = anchored.seq - 3
    tamper.truncate_tail(engine(hall), keep)
    assert audit.verify(hall.uow()).ok  # consistent inside the database...
    found = anchors.check_anchors(hall.uow(), folder(hall))
    assert not found.ok and found.first_bad_seq == keep + 1  # ...but not with the anchor
    assert f"first missing event #{keep + 1}" in found.problems[0]


def test_rechaining_after_an_edit_fails_without_the_key(hall: AppContext) -> None:
    first = head_seq(hall)  # anchored by the fixture
    more_events(hall, 3)
    anchors.write_anchor(hall.uow(), folder(hall), "second.sqlite3")
    seq = head_seq(hall) - 1
    tamper.rechain_after_edit(engine(hall), seq, actor_login="someone")
    report = audit.verify(hall.uow())
    assert not report.ok and report.first_broken_seq == seq
    assert "without the trail's key" in report.problem
    found = anchors.check_anchors(hall.uow(), folder(hall))
    assert not found.ok and found.first_bad_seq == first + 1  # after the anchor that still holds
    assert f"from #{first + 1} to" in found.problems[0]


def test_an_emptied_chain_does_not_verify(hall: AppContext) -> None:
    tamper.empty_chain(engine(hall))
    report = audit.verify(hall.uow())
    assert not report.ok and "keyed start" in report.problem
    found = anchors.check_anchors(hall.uow(), folder(hall))
    assert not found.ok and found.first_bad_seq == 1


def test_a_case_due_date_edited_in_sql_is_named(hall: AppContext) -> None:
    case_id, number = row(hall, "SELECT id, number FROM case_file ORDER BY id")
    tamper.edit_row(engine(hall), "case_file", case_id, due_date=date(2027, 6, 30))
    found = [d.describe() for d in reconcile(hall.uow())]
    assert len(found) == 1
    assert found[0].startswith(f"case_file row {case_id} ({number}): due date is 2027-06-30, ")
    assert "the trail says 2026-" in found[0]


def test_a_case_state_edited_in_sql_is_named(hall: AppContext) -> None:
    case_id, number = row(hall, "SELECT id, number FROM case_file ORDER BY id DESC")
    tamper.edit_row(engine(hall), "case_file", case_id, state="decided")
    found = reconcile(hall.uow())
    assert [(d.table, d.row) for d in found] == [("case_file", f"{case_id} ({number})")]
    assert "state is decided, the trail says accepted" in found[0].problem


def test_a_staff_role_edited_in_sql_is_named(hall: AppContext) -> None:
    staff_id, who = row(hall, "SELECT id, login FROM staff WHERE login = 'zhangwei'")
    tamper.edit_row(engine(hall), "staff", staff_id, role="admin")
    found = reconcile(hall.uow())
    assert [(d.table, d.row) for d in found] == [("staff", f"{staff_id} ({who})")]
    assert "role is admin, the trail says clerk" in found[0].problem


def test_a_deleted_accountability_record_is_named(hall: AppContext) -> None:
    record_id, case_id = row(hall, "SELECT id, case_id FROM accountability_record")
    (number,) = row(hall, f"SELECT number FROM case_file WHERE id = {case_id}")
    tamper.delete_row(engine(hall), "accountability_record", record_id)
    found = reconcile(hall.uow())
    assert [(d.table, d.row) for d in found] == [
        ("accountability_record", f"overdue of case {number}")
    ]


def test_a_lived_in_demo_hall_reconciles(tmp_path: Path) -> None:
    """Five working days of everything the demo does: no false alarm."""
    clock = ManualClock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
    engine_ = make_engine(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    ensure_schema(engine_, None)
    ctx = AppContext(SqlStore(engine_, clock), clock, tmp_path)
    initialize(ctx.uow(), "admin-2026", demo=True)
    simulate(ctx.uow, clock, 6, 3, date(2026, 11, 20))
    clock.advance(timedelta(days=20))
    service.refresh_warnings(ctx.uow())
    assert reconcile(ctx.uow()) == []
    admin = login(ctx.uow(), "admin", "admin-2026")
    maintenance.backup_now(ctx.store, admin, tmp_path / "copy.sqlite3", folder(ctx))
    assert anchors.check_anchors(ctx.uow(), folder(ctx)).anchors == 1
    assert anchors.check_anchors(ctx.uow(), folder(ctx)).ok

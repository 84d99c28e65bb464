"""No screen loads a whole table: lists over a million cases read only what they show.

Rows are counted where they leave the database (a counting sqlite3 cursor), so a list that
quietly fetched everything and showed a page would be caught, whatever its model reports.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.auth import login
from app.cases import service
from app.cases.records import AcceptRequest, ApplicantInput
from app.clock import ManualClock
from app.context import AppContext
from app.setup import initialize
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.stores import START

CASES = 1_000_000


class CountingCursor(sqlite3.Cursor):
    fetched = 0

    def fetchone(self) -> Any:
        row = super().fetchone()
        CountingCursor.fetched += row is not None
        return row

    def fetchmany(self, size: int | None = None) -> list[Any]:
        rows = super().fetchmany(size if size is not None else self.arraysize)
        CountingCursor.fetched += len(rows)
        return rows

    def fetchall(self) -> list[Any]:
        rows = super().fetchall()
        CountingCursor.fetched += len(rows)
        return rows


class CountingConnection(sqlite3.Connection):
    def cursor(self, factory: Any = CountingCursor) -> Any:  # type: ignore[override]
        return super().cursor(factory)


@pytest.fixture(scope="module")
def million(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    path: Path = tmp_path_factory.mktemp("million") / "frontdesk.sqlite3"
    clock = ManualClock(START)
    engine = make_engine(
        f"sqlite:///{path}",
        creator=lambda: sqlite3.connect(path, factory=CountingConnection, check_same_thread=False),
    )
    ensure_schema(engine, None)
    store = SqlStore(engine, clock)
    ctx = AppContext(store=store, clock=clock, data_dir=path.parent)
    initialize(ctx.uow(), "admin-2026", demo=True)
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    item = make_item(ctx)
    ids = {m.name: m.id for m in item.materials}
    service.accept_case(
        ctx.uow(),
        clerk,
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name="李娜", id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    )
    with engine.begin() as conn:  # copies of that case, numbered apart, most of them closed
        columns = [r[1] for r in conn.execute(text("PRAGMA table_info(case_file)")) if r[1] != "id"]
        copied = ", ".join(
            {
                "number": "'QH-X' || printf('%07d', n)",
                "state": "CASE WHEN n % 50 = 0 THEN state ELSE 'delivered' END",
                "warning": "CASE WHEN n % 50 = 0 THEN warning ELSE 'closed' END",
            }.get(c, c)
            for c in columns
        )
        conn.execute(
            text(
                f"WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq "
                f"WHERE n < {CASES - 1}) INSERT INTO case_file ({', '.join(columns)}) "
                f"SELECT {copied} FROM seq, (SELECT * FROM case_file LIMIT 1)"
            )
        )
    yield ctx
    store.dispose()


def _open(qtbot: Any, ctx: AppContext, user: str) -> Any:
    from app import sites
    from ui.mainwindow import MainWindow

    actor = login(ctx.uow(), user, "demo-2026")
    window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_case_list_of_a_million_cases_reads_a_page(qtbot: Any, million: AppContext) -> None:
    with million.store.engine.connect() as conn:  # type: ignore[attr-defined]
        assert conn.execute(text("SELECT count(*) FROM case_file")).scalar() == CASES
    window = _open(qtbot, million, "sunli")
    CountingCursor.fetched = 0
    window.show_page("cases")
    page = window.page("cases")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.count_label.text() != "")
    qtbot.waitUntil(lambda: page.model.rows_fetched > 0)  # the visible rows were read...
    assert CountingCursor.fetched < 2_000  # ...and only a page of ids, not the table
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 200)  # the next page, on demand
    assert CountingCursor.fetched < 4_000


def test_the_clerks_start_screen_over_a_million_cases(qtbot: Any, million: AppContext) -> None:
    CountingCursor.fetched = 0
    window = _open(qtbot, million, "zhangwei")
    qtbot.wait(100)
    current = window.stack.currentWidget()
    assert current is not None
    assert CountingCursor.fetched < 2_000

"""The report queries keep their indexes once the SQLite file has statistics.

The program never runs ``ANALYZE``, but a maintenance script or a database tool may; SQLite then
plans by what the statistics say. An index over a column that is NULL in most rows (most visits
never become a case) looked useless to it, and the walk-ins count read every visit for every
case: a month's statistics on a one-year hall went from 1.6 s to more than ten minutes. These
tests read the plans SQLite chooses for the statements the reports really send, no timing.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from app.auth import login
from app.cases.service import refresh_warnings
from app.context import AppContext
from app.reports.daily_log import daily_log
from app.reports.statistics import StatisticsQuery, statistics
from app.visits.worklist import search_work
from db.engine import drop_planner_statistics
from db.store import open_store
from sim.demo.activity import simulate

END = date(2026, 11, 24)  # the fixtures' clock starts on this Tuesday
FIRST = date(2026, 11, 2)
INQUIRIES = 5_000


def sent_statements(ctx: AppContext, run: Any) -> list[tuple[str, Any]]:
    """Each statement ``run`` sends to the database, with its parameters."""
    engine = ctx.store.engine  # type: ignore[attr-defined]
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    return seen


def statistics_tables(store: Any) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'"
            ).scalar_one()
        )


def plan(ctx: AppContext, statement: str, parameters: Any) -> str:
    with ctx.store.engine.connect() as conn:  # type: ignore[attr-defined]
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    return "\n".join(str(row[-1]) for row in rows)


@pytest.fixture
def analyzed(sqlite_demo_ctx: AppContext) -> AppContext:
    ctx = sqlite_demo_ctx
    simulate(ctx.uow, ctx.clock, 9, 3, END)  # type: ignore[arg-type]
    with ctx.store.engine.begin() as conn:  # type: ignore[attr-defined]
        # A year of inquiries at a hall whose applications come straight to the counter: copies
        # of an answered inquiry that gave no ID number or phone, each its own number (the
        # statistics see how many visits have no case or number, not their texts) ...
        columns = [
            row[1] for row in conn.exec_driver_sql("PRAGMA table_info(visit)") if row[1] != "id"
        ]
        copied = ", ".join("number || '-' || n.value" if c == "number" else c for c in columns)
        conn.exec_driver_sql(
            f"WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n "
            f"WHERE value < {INQUIRIES}) INSERT INTO visit ({', '.join(columns)}) "
            f"SELECT {copied} FROM n, (SELECT * FROM visit WHERE case_id IS NULL "
            f"AND appointment_id IS NULL AND state = 'closed' AND id_number_bidx = '' "
            f"AND phone_bidx = '' ORDER BY id LIMIT 1)"
        )
        # ... where no visit has become a case yet (as in the halls ``frontdesk scale`` makes).
        conn.exec_driver_sql("UPDATE visit SET case_id = NULL")
        without_case, visits = conn.exec_driver_sql(
            "SELECT count(*) - count(case_id), count(*) FROM visit"
        ).one()
        assert without_case == visits > INQUIRIES
        conn.exec_driver_sql("ANALYZE")
    return ctx


def test_walk_ins_probe_the_visits_case_index_after_analyze(analyzed: AppContext) -> None:
    ctx = analyzed
    boss = login(ctx.uow(), "sunli", "demo-2026")
    sent = sent_statements(
        ctx,
        lambda: (
            statistics(ctx.uow(), boss, StatisticsQuery(FIRST, END, trend="week")),
            daily_log(ctx.uow(), boss, END),
        ),
    )
    probes = [(s, p) for s, p in sent if "NOT (EXISTS" in s and "FROM visit" in s]
    assert len(probes) == 2  # the walk-ins of the statistics and of the log
    for statement, parameters in probes:
        chosen = plan(ctx, statement, parameters)
        assert "SCAN visit" not in chosen, chosen
        assert re.search(r"USING (COVERING )?INDEX ix_visit_case_id \(case_id=\?\)", chosen), chosen


def test_a_search_by_id_number_or_phone_probes_its_index_after_analyze(
    analyzed: AppContext,
) -> None:
    ctx = analyzed
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    sent = sent_statements(
        ctx,
        lambda: (
            search_work(ctx.uow(), clerk, "110101199003070070"),
            search_work(ctx.uow(), clerk, "13812345678"),
        ),
    )
    for column in ("id_number_bidx", "phone_bidx"):
        probes = [(s, p) for s, p in sent if "FROM visit" in s and f"visit.{column} = ?" in s]
        assert len(probes) == 1, column
        chosen = plan(ctx, *probes[0])
        assert re.search(rf"USING (COVERING )?INDEX ix_visit_{column} \({column}=\?\)", chosen), (
            chosen
        )


def test_opening_the_file_drops_the_statistics_analyze_left(
    analyzed: AppContext, sqlite_url: str
) -> None:
    """Statistics hide the skew of a hall's data (three open states "average" a third of all
    cases each): the warning scan's reads of the open cases then scan the whole table. The
    program opens the file without them, and its plans are the ones measured."""
    ctx = analyzed
    sent = sent_statements(ctx, lambda: refresh_warnings(ctx.uow()))
    open_reads = [
        (s, p) for s, p in sent if s.lstrip().startswith("SELECT") and "FROM case_file" in s
    ]
    assert open_reads
    assert any("SCAN case_file" in plan(ctx, *read) for read in open_reads)  # with statistics

    store, _ = open_store(sqlite_url, ctx.clock, None)  # as the next start of the program
    try:
        assert statistics_tables(store) == 0
        reopened = AppContext(store=store, clock=ctx.clock, data_dir=ctx.data_dir)
        for read in open_reads:
            assert "SCAN case_file" not in plan(reopened, *read), read[0]
        assert not drop_planner_statistics(store.engine)  # nothing left to drop
    finally:
        store.dispose()


def test_statistics_under_another_programs_lock_stay_until_the_next_start(
    analyzed: AppContext, sqlite_url: str
) -> None:
    """A DB tool still holding the write lock (often the one that ran ANALYZE): the program
    opens anyway (it does not wait for the lock), the statistics stay; the next start drops
    them."""
    path = sqlite_url.removeprefix("sqlite:///")
    tool = sqlite3.connect(path, isolation_level=None)
    try:
        tool.execute("BEGIN IMMEDIATE")
        store, _ = open_store(sqlite_url, analyzed.clock, None)
        try:
            assert not drop_planner_statistics(store.engine)
            assert statistics_tables(store) >= 1  # sqlite_stat1, and stat4 where built in
        finally:
            store.dispose()
    finally:
        tool.execute("ROLLBACK")
        tool.close()
    store, _ = open_store(sqlite_url, analyzed.clock, None)
    try:
        assert statistics_tables(store) == 0
    finally:
        store.dispose()

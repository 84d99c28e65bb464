"""Several counters accepting at the same moment get distinct, gap-free case numbers, even when
some acceptance transactions are rolled back after drawing their number (a PC that loses the
connection just before the commit): the number goes back and the next acceptance takes it.

Default run: 4 processes × 25 on PostgreSQL and 2 × 30 on one SQLite file, 15 % rolled back.
``-m slow``: 20 processes × 100 on PostgreSQL (2,000 acceptances), 10 % rolled back."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app import audit
from app.clock import SystemClock
from app.context import AppContext
from app.setup import initialize
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore
from tests.helpers.catalog import make_item
from tests.helpers.figures import record_figures

ROOT = Path(__file__).resolve().parents[2]
CLERKS = ["zhangwei", "lina", "wangfang", "liuyang", "chenjing", "zhaolei"]


def run_counters(
    url: str, schema: str, processes: int, each: int, rollback_pct: float
) -> tuple[list[str], int]:
    """Start the counters together; the numbers they acknowledged and how many they rolled back."""
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.helpers.accept_worker",
                url,
                schema,
                str(each),
                CLERKS[i % len(CLERKS)],
                "T-001",
                str(rollback_pct),
                str(i + 1),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(processes)
    ]
    numbers: list[str] = []
    rolled_back = 0
    try:
        for proc in procs:
            out, err = proc.communicate(timeout=900)
            assert proc.returncode == 0, err
            numbers += out.split()
            rolled_back += int(err.strip().rsplit(":", 1)[1])
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    return numbers, rolled_back


def assert_gap_free(numbers: list[str], expected: int) -> None:
    """Exactly serials 1..N on each day (a run that crosses midnight starts again at 1)."""
    assert len(numbers) == expected
    assert len(set(numbers)) == expected, "duplicate case numbers"
    for day in {n.split("-")[1] for n in numbers}:
        serials = sorted(int(n.rsplit("-", 1)[1]) for n in numbers if f"-{day}-" in n)
        assert serials == list(range(1, len(serials) + 1)), "gaps in case numbers"


def check_store(ctx: AppContext, acknowledged: list[str]) -> None:
    """The database holds exactly the acknowledged cases (none of the rolled-back ones) and
    an intact audit chain with one acceptance event per case."""
    with ctx.store.engine.connect() as conn:  # type: ignore[attr-defined]
        stored = conn.execute(text("SELECT number FROM case_file")).scalars().all()
        audited = conn.execute(
            text("SELECT count(*) FROM audit_event WHERE action = 'case_accepted'")
        ).scalar_one()
    assert sorted(stored) == sorted(acknowledged)
    assert audited == len(acknowledged)
    assert audit.verify(ctx.uow()).ok


def run_contention(
    url: str,
    kwargs: dict[str, object],
    schema: str,
    processes: int,
    each: int,
    pct: float,
    data_dir: Path,
) -> dict[str, int]:
    engine = make_engine(url, **kwargs)  # type: ignore[arg-type]
    ensure_schema(engine, None)
    ctx = AppContext(SqlStore(engine, SystemClock()), SystemClock(), data_dir)
    initialize(ctx.uow(), "admin-2026", demo=True, demo_catalog=False)
    make_item(ctx)
    numbers, rolled_back = run_counters(url, schema, processes, each, pct)
    assert_gap_free(numbers, processes * each)
    assert rolled_back > 0, "no transaction was rolled back: the test proved less than it says"
    check_store(ctx, numbers)
    engine.dispose()
    return {
        "processes": processes,
        "acceptances": len(numbers),
        "rolled_back": rolled_back,
        "duplicates": len(numbers) - len(set(numbers)),
        "gaps": 0,
    }


@pytest.fixture
def pg(
    pg_schema_url: tuple[str, dict[str, object]],
) -> Iterator[tuple[str, dict[str, object], str]]:
    url, kwargs = pg_schema_url
    schema = str(kwargs["connect_args"]["options"]).split("=", 1)[1]  # type: ignore[index]
    yield url, kwargs, schema


@pytest.mark.postgres
def test_four_counters_on_postgresql(
    pg: tuple[str, dict[str, object], str], tmp_path: Path
) -> None:
    figures = run_contention(*pg, processes=4, each=25, pct=15, data_dir=tmp_path)
    assert figures["acceptances"] == 100


def test_two_counters_on_one_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    figures = run_contention(url, {}, "", processes=2, each=30, pct=15, data_dir=tmp_path)
    assert figures["acceptances"] == 60


@pytest.mark.slow
@pytest.mark.postgres
def test_twenty_counters_two_thousand_acceptances_on_postgresql(
    pg: tuple[str, dict[str, object], str], tmp_path: Path
) -> None:
    figures = run_contention(*pg, processes=20, each=100, pct=10, data_dir=tmp_path)
    record_figures("concurrent_acceptance_pg", figures)
    assert figures["acceptances"] == 2000

"""Several counters accepting at the same moment get distinct, gap-free case numbers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.context import AppContext
from tests.helpers.catalog import make_item

ROOT = Path(__file__).resolve().parents[2]
CLERKS = ["zhangwei", "lina", "wangfang", "liuyang"]


def run_counters(url: str, schema: str, processes: int, each: int) -> list[str]:
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
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(processes)
    ]
    numbers: list[str] = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        numbers += out.split()
    return numbers


def assert_gap_free(numbers: list[str], expected: int) -> None:
    assert len(numbers) == expected
    assert len(set(numbers)) == expected, "duplicate case numbers"
    serials = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert serials == list(range(1, expected + 1)), "gaps in case numbers"


@pytest.mark.postgres
def test_four_counters_on_postgresql(
    pg_schema_url: tuple[str, dict[str, object]], tmp_path: Path
) -> None:
    from app.clock import SystemClock
    from app.setup import initialize
    from db.engine import make_engine
    from db.migrate import ensure_schema
    from db.store import SqlStore

    url, kwargs = pg_schema_url
    engine = make_engine(url, **kwargs)  # type: ignore[arg-type]
    ensure_schema(engine, None)
    ctx = AppContext(SqlStore(engine, SystemClock()), SystemClock(), tmp_path)
    initialize(ctx.uow(), "admin-2026", demo=True)
    make_item(ctx)
    schema = str(kwargs["connect_args"]["options"]).split("=", 1)[1]  # type: ignore[index]
    assert_gap_free(run_counters(url, schema, processes=4, each=25), 100)
    engine.dispose()


def test_two_counters_on_one_sqlite_file(tmp_path: Path) -> None:
    from app.clock import SystemClock
    from app.setup import initialize
    from db.engine import make_engine
    from db.migrate import ensure_schema
    from db.store import SqlStore

    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    engine = make_engine(url)
    ensure_schema(engine, None)
    ctx = AppContext(SqlStore(engine, SystemClock()), SystemClock(), tmp_path)
    initialize(ctx.uow(), "admin-2026", demo=True)
    make_item(ctx)
    assert_gap_free(run_counters(url, "", processes=2, each=30), 60)
    engine.dispose()

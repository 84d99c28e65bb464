"""First inquiry across processes: clerk A's counter refers visitors to clerk B, B's counter
acknowledges them, A's list clears; and two receivers racing for the same window's referrals
acknowledge each exactly once. PostgreSQL (the many-counter set-up) and a SQLite file."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import audit
from app.auth import login
from app.clock import SystemClock
from app.context import AppContext
from app.setup import initialize
from app.visits import service, worklist
from app.visits.lifecycle import VisitAction, VisitState
from app.visits.records import VisitQuery
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore

ROOT = Path(__file__).resolve().parents[2]
COUNT = 8


def worker(
    url: str, schema: str, mode: str, login_name: str, target: str = ""
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.helpers.visit_worker",
            url,
            schema,
            mode,
            login_name,
            str(COUNT),
            target or "-",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def outputs(*procs: subprocess.Popen[str]) -> list[list[str]]:
    lines = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        lines.append(out.splitlines())
    return lines


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def hall(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[AppContext, str, str]]:
    """A demo hall on a real clock, and how a worker process reaches it (url, schema)."""
    if request.param == "sqlite":
        url, kwargs, schema = f"sqlite:///{tmp_path / 'hall.sqlite3'}", {}, ""
    else:
        url, kwargs = request.getfixturevalue("pg_schema_url")
        schema = str(kwargs["connect_args"]["options"]).split("=", 1)[1]  # type: ignore[index]
    engine = make_engine(url, **kwargs)  # type: ignore[arg-type]
    ensure_schema(engine, None)
    ctx = AppContext(SqlStore(engine, SystemClock()), SystemClock(), tmp_path)
    initialize(ctx.uow(), "admin-2026", demo=True)
    yield ctx, url, schema
    engine.dispose()


def test_a_refers_b_acknowledges_and_a_list_clears(hall: tuple[AppContext, str, str]) -> None:
    ctx, url, schema = hall
    a_proc = worker(url, schema, "refer", "zhangwei", "wangfang")
    b_proc = worker(url, schema, "receive", "wangfang")
    a_out, b_out = outputs(a_proc, b_proc)
    referred = [line.split()[1] for line in a_out if line.startswith("referred")]
    acknowledged = [line.split()[1] for line in b_out if line.startswith("acknowledged")]
    assert a_out[-1] == "cleared"
    assert len(referred) == COUNT and sorted(acknowledged) == sorted(referred)
    assert sorted(int(n.rsplit("-", 1)[1]) for n in referred) == list(range(1, COUNT + 1))

    a = login(ctx.uow(), "zhangwei", "demo-2026")
    queue = worklist.my_queue(ctx.uow(), a)
    assert worklist.count_visits(ctx.uow(), a, queue.visits()) == 0
    page = worklist.page_visit_ids(ctx.uow(), a, VisitQuery(order="recent"))
    assert len(page.ids) == COUNT
    for visit_id in page.ids:
        visit = service.visit_detail(ctx.uow(), a, visit_id).visit
        assert visit.state is VisitState.CLOSED and visit.holder_name == "王芳"
        chain = [(e.action, e.staff_name) for e in visit.chain]
        assert chain == [
            (VisitAction.REGISTER, "张伟"),
            (VisitAction.REFER, "张伟"),
            (VisitAction.ACKNOWLEDGE, "王芳"),
            (VisitAction.ANSWER, "王芳"),
        ]
        times = [e.at for e in visit.chain]
        assert times == sorted(times)
    assert audit.verify(ctx.uow()).ok


@pytest.mark.postgres
def test_two_receivers_race_and_each_referral_is_acknowledged_once(
    pg_schema_url: tuple[str, dict[str, object]], tmp_path: Path
) -> None:
    url, kwargs = pg_schema_url
    schema = str(kwargs["connect_args"]["options"]).split("=", 1)[1]  # type: ignore[index]
    engine = make_engine(url, **kwargs)  # type: ignore[arg-type]
    ensure_schema(engine, None)
    ctx = AppContext(SqlStore(engine, SystemClock()), SystemClock(), tmp_path)
    initialize(ctx.uow(), "admin-2026", demo=True)
    # Window 3 is 王芳's; 刘洋 is her B post and may acknowledge for her.
    procs = (
        worker(url, schema, "refer", "zhangwei", "@3"),
        worker(url, schema, "receive", "wangfang"),
        worker(url, schema, "receive", "liuyang"),
    )
    a_out, *receivers = outputs(*procs)
    referred = sorted(line.split()[1] for line in a_out if line.startswith("referred"))
    won = sorted(line.split()[1] for out in receivers for line in out)
    assert len(referred) == COUNT and won == referred  # every one once, none twice
    assert audit.verify(ctx.uow()).ok
    engine.dispose()

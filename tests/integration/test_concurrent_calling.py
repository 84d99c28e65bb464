"""Counters calling the next ticket of one group at the same moment, each in its own process:
every ticket is called exactly once, by one window, and none is left behind. On PostgreSQL the
next row is taken with FOR UPDATE SKIP LOCKED; on SQLite writers take the write lock."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from app.auth import login
from app.cases.deadlines import local_day
from app.clock import SystemClock
from app.context import AppContext
from app.queue.records import QueueGroupInput
from app.queue.service import set_queue_group, take_ticket
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore

ROOT = Path(__file__).resolve().parents[2]
# 张伟 (1), 李娜 (2), 王芳 (3), 刘洋 (4): four windows serving one group
CLERKS = ["zhangwei", "lina", "wangfang", "liuyang"]
TICKETS = 60


def race(url: str, schema: str, processes: int) -> list[str]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.call_worker", url, schema, CLERKS[i]],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(processes)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    lines: list[str] = []
    for proc in procs:
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        assert out.splitlines()[-1] == "EMPTY"
        lines += out.splitlines()[:-1]
    return lines


def check_each_ticket_called_once(ctx: AppContext, url: str, schema: str, processes: int) -> None:
    from app.setup import initialize

    initialize(ctx.uow(), "admin-2026", demo=True)
    admin = login(ctx.uow(), "admin", "admin-2026")
    set_queue_group(ctx.uow(), admin, QueueGroupInput("A", "综合业务", (1, 2, 3, 4)))
    desk = login(ctx.uow(), "zhaolei", "demo-2026")
    numbers = [take_ticket(ctx.uow(), desk, "A").number for _ in range(TICKETS)]
    lines = race(url, schema, processes)
    called = Counter(line.split()[1] for line in lines)
    assert sorted(called) == sorted(numbers), lines  # none left behind
    assert set(called.values()) == {1}, [n for n, c in called.items() if c > 1]
    uow = ctx.uow()
    with uow.read():
        site = uow.sites.first()
        assert site is not None
        left = uow.queue.waiting_counts(site.id, local_day(ctx.clock.now()))
    assert left == {}


def test_two_counters_on_one_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    engine = make_engine(url)
    ensure_schema(engine, None)
    ctx = AppContext(SqlStore(engine, SystemClock()), SystemClock(), tmp_path)
    check_each_ticket_called_once(ctx, url, "", 2)
    engine.dispose()


@pytest.mark.postgres
def test_four_counters_on_postgresql(
    pg_schema_url: tuple[str, dict[str, object]], tmp_path: Path
) -> None:
    url, kwargs = pg_schema_url
    engine = make_engine(url, **kwargs)  # type: ignore[arg-type]
    ensure_schema(engine, None)
    ctx = AppContext(SqlStore(engine, SystemClock()), SystemClock(), tmp_path)
    schema = str(kwargs["connect_args"]["options"]).split("=", 1)[1]  # type: ignore[index]
    check_each_ticket_called_once(ctx, url, schema, 4)
    engine.dispose()

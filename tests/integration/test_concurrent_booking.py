"""Counters booking the last place of a slot at the same moment: exactly one gets it, the
others are told "该时段已约满", and no slot ever holds more than its capacity. Counters booking
one visitor's phone for the same day at the same moment: one booking, the others told the
phone is booked that day."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.appointments import schedule as schedules
from app.appointments import service
from app.calendar import load_calendar
from app.clock import SystemClock
from app.context import AppContext
from tests.helpers.appointments import book, clerk, make_schedule

ROOT = Path(__file__).resolve().parents[2]
CLERKS = ["zhangwei", "lina", "wangfang", "liuyang"]
STARTS = [9 * 60 + 30 * i for i in range(5)]  # 09:00 ... 11:00


def race(
    url: str,
    schema: str,
    schedule_id: int,
    day: date,
    processes: int,
    starts: list[list[int]] | None = None,
    phone: str = "",
) -> list[str]:
    """Start the workers, wait until every one is logged in and ready, then let them go.
    ``starts``: the slots each worker books (default: all of ``STARTS``)."""
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.helpers.book_worker",
                url,
                schema,
                CLERKS[i],
                str(schedule_id),
                day.isoformat(),
                ",".join(map(str, starts[i] if starts else STARTS)),
                phone,
            ],
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
    for proc in procs:  # one line each, one after the other: as close to "at once" as it gets
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    lines: list[str] = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        lines += out.splitlines()
    return lines


def next_working_day(ctx: AppContext) -> date:
    uow = ctx.uow()
    with uow.read():
        calendar = load_calendar(uow)
    return calendar.next_workday(date.today())


def check_last_places(ctx: AppContext, url: str, schema: str, processes: int) -> None:
    from app.setup import initialize

    initialize(ctx.uow(), "admin-2026", demo=True)
    sid = make_schedule(ctx, capacity=2)
    day = next_working_day(ctx)
    for i, start in enumerate(STARTS):  # one place taken in every slot: one left
        book(ctx, sid, day, start, name="先到者", phone=f"1370000000{i}")
    lines = race(url, schema, sid, day, processes)
    assert len(lines) == processes * len(STARTS)
    ok = [line for line in lines if line.startswith("OK ")]
    full = [line for line in lines if line.startswith("FULL ")]
    assert len(ok) == len(STARTS), lines  # exactly one winner per last place
    assert len(full) == (processes - 1) * len(STARTS)
    assert all("该时段已约满" in line for line in full), full
    assert len({line.split()[1] for line in ok}) == len(ok)
    booked = service.day_appointments(ctx.uow(), clerk(ctx), day)
    assert Counter(a.start_minute for a in booked) == dict.fromkeys(STARTS, 2)
    plan = schedules.day_plan(ctx.uow(), clerk(ctx), sid, day)
    assert all(s.booked == 2 for s in plan.slots if s.start in STARTS)


def check_one_visitor(ctx: AppContext, url: str, schema: str, processes: int) -> None:
    """Each counter books the same phone into another slot of the same day."""
    from app.setup import initialize

    initialize(ctx.uow(), "admin-2026", demo=True)
    sid = make_schedule(ctx, capacity=2)
    day = next_working_day(ctx)
    lines = race(url, schema, sid, day, processes, [[s] for s in STARTS[:processes]], "13911112222")
    ok = [line for line in lines if line.startswith("OK ")]
    refused = [line for line in lines if line.startswith("PHONE ")]
    assert len(ok) == 1 and len(refused) == processes - 1, lines
    assert all("该电话当天已有预约" in line for line in refused), refused
    booked = service.day_appointments(ctx.uow(), clerk(ctx), day)
    assert [a.phone for a in booked] == ["13911112222"]


Check = Callable[[AppContext, str, str, int], None]


def on_sqlite(tmp_path: Path, check: Check) -> None:
    """Two processes on one file."""
    from db.engine import make_engine
    from db.migrate import ensure_schema
    from db.store import SqlStore

    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    engine = make_engine(url)
    ensure_schema(engine, None)
    check(AppContext(SqlStore(engine, SystemClock()), SystemClock(), tmp_path), url, "", 2)
    engine.dispose()


def on_postgresql(pg: tuple[str, dict[str, object]], tmp_path: Path, check: Check) -> None:
    """Four processes on a schema of their own."""
    from db.engine import make_engine
    from db.migrate import ensure_schema
    from db.store import SqlStore

    url, kwargs = pg
    engine = make_engine(url, **kwargs)  # type: ignore[arg-type]
    ensure_schema(engine, None)
    ctx = AppContext(SqlStore(engine, SystemClock()), SystemClock(), tmp_path)
    schema = str(kwargs["connect_args"]["options"]).split("=", 1)[1]  # type: ignore[index]
    check(ctx, url, schema, 4)
    engine.dispose()


def test_two_counters_on_one_sqlite_file(tmp_path: Path) -> None:
    on_sqlite(tmp_path, check_last_places)


def test_two_counters_book_one_visitor_on_sqlite(tmp_path: Path) -> None:
    on_sqlite(tmp_path, check_one_visitor)


@pytest.mark.postgres
def test_four_counters_on_postgresql(
    pg_schema_url: tuple[str, dict[str, object]], tmp_path: Path
) -> None:
    on_postgresql(pg_schema_url, tmp_path, check_last_places)


@pytest.mark.postgres
def test_four_counters_book_one_visitor_on_postgresql(
    pg_schema_url: tuple[str, dict[str, object]], tmp_path: Path
) -> None:
    on_postgresql(pg_schema_url, tmp_path, check_one_visitor)

"""The log's yellow and red cards and its case list, for every day of a simulated month,
against a brute-force replay of every case's events (``tests.helpers.reports.replayed_card``,
which walks the calendar one day at a time and never calls the deadline code)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from app.auth import login
from app.calendar import load_calendar
from app.cases import queries
from app.cases.common import yellow_ratio
from app.cases.deadlines import local_day
from app.cases.records import CaseQuery, CaseRecord
from app.clock import ManualClock
from app.context import AppContext
from app.reports.daily_log import daily_log
from app.setup import initialize
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore
from sim.demo.activity import simulate
from tests.helpers.reports import replayed_card

END = date(2026, 10, 30)  # a Friday; the month before includes the National Day holiday
DAYS = 31


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    tmp = tmp_path_factory.mktemp("month")
    clock = ManualClock(datetime(2026, 9, 28, 1, 0, tzinfo=UTC))
    engine = make_engine(f"sqlite:///{tmp / 'month.sqlite3'}")
    ensure_schema(engine, None)
    store = SqlStore(engine, clock)
    ctx = AppContext(store, clock, tmp)
    initialize(ctx.uow(), "admin-2026", demo=True)
    simulate(ctx.uow, clock, DAYS, 7, END)
    yield ctx
    store.dispose()


def all_cases(ctx: AppContext) -> list[CaseRecord]:
    boss = login(ctx.uow(), "sunli", "demo-2026")
    page = queries.page_case_ids(ctx.uow(), boss, CaseQuery(), None, 100_000)
    return [queries.case_detail(ctx.uow(), boss, i).case for i in page.ids]


def test_every_day_of_a_month_matches_a_replay_of_every_case(month: AppContext) -> None:
    boss = login(month.uow(), "sunli", "demo-2026")
    cases = all_cases(month)
    uow = month.uow()
    with uow.read():
        calendar = load_calendar(uow)
        ratio = yellow_ratio(uow)
    first = min(local_day(c.accepted_at) for c in cases)
    seen = Counter[str]()
    day = first
    while day <= END:
        replay: dict[str, str | None] = {
            c.number: replayed_card(c, day, calendar.is_workday, ratio) for c in cases
        }
        expected = Counter(card for card in replay.values() if card)
        log = daily_log(month.uow(), boss, day)
        assert (log.total("cases_yellow"), log.total("cases_red")) == (
            expected["yellow"],
            expected["red"],
        ), day
        for listed in log.cases:  # the case list says the same of each case it shows
            shown = str(listed.warning) if listed.warning in ("yellow", "red") else None
            assert shown == replay[listed.number], (day, listed.number)
        seen.update(expected)
        day += timedelta(days=1)
    assert seen["red"] and seen["yellow"]


def test_the_month_replayed_suspended_cases(month: AppContext) -> None:
    """The replay above says something about suspensions only if the month had some, and
    some that ended: pauses are what move due dates."""
    cases = all_cases(month)
    actions = Counter(e.action.value for c in cases for e in c.events)
    assert actions["suspend"] and actions["resume"], actions

"""The demo generator goes through the services and is the same for the same seed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from app import audit
from app.agency.service import agency_case_ids, agency_detail
from app.appointments.service import appointment_counts
from app.auth import login
from app.cases import queries
from app.cases.records import CaseQuery
from app.clock import ManualClock
from app.context import AppContext
from app.feedback import ratings
from app.feedback.records import RatingQuery
from app.setup import initialize
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore
from sim.demo.activity import simulate

END = date(2026, 11, 20)  # a Friday


def run(tmp: Path, seed: int) -> list[tuple[str, str, str, str]]:
    clock = ManualClock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
    engine = make_engine(f"sqlite:///{tmp / 'demo.sqlite3'}")
    ensure_schema(engine, None)
    ctx = AppContext(SqlStore(engine, clock), clock, tmp)
    initialize(ctx.uow(), "admin-2026", demo=True)
    summary = simulate(ctx.uow, clock, 6, seed, END)
    assert summary.days == 5 and summary.accepted > 20 and summary.transitions > 10
    assert audit.verify(ctx.uow()).ok
    boss = login(ctx.uow(), "sunli", "demo-2026")
    # Most accepted cases are rated, through the services; a complaint comes in.
    rated = ratings.count_ratings(ctx.uow(), boss, RatingQuery())
    assert rated == summary.feedback.ratings and rated > summary.accepted * 0.7
    assert summary.feedback.refused == 0 and summary.feedback.complaints == 1
    tally = summary.bookings
    assert tally.booked > 10 and tally.kept > 3 and tally.agency == 2
    kept = missed = 0
    for day in (date(2026, 11, d) for d in (16, 17, 18, 19, 20)):
        counts = appointment_counts(ctx.uow(), day, boss.site_id)
        assert counts.pending == 0  # every day closed with its no-shows marked
        kept, missed = kept + counts.kept, missed + counts.missed
    assert (kept, missed) == (tally.kept, tally.missed)
    agency_ids = agency_case_ids(ctx.uow(), date(2026, 11, 17), boss.site_id)
    agency_ids += agency_case_ids(ctx.uow(), date(2026, 11, 19), boss.site_id)
    assert len(agency_ids) == 2
    records = [agency_detail(ctx.uow(), boss, i) for i in agency_ids]
    assert all(r is not None and r.agent_name == "赵磊" for r in records)
    assert any(r is not None and r.steps for r in records)  # the agent goes to work on them
    page = queries.page_case_ids(ctx.uow(), boss, CaseQuery(), None, 1000)
    rows = queries.case_rows(ctx.uow(), boss, page.ids)
    engine.dispose()
    return [(r.number, r.applicant_name, r.state.value, str(r.warning)) for r in rows]


def test_same_seed_same_hall(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    first, second = run(tmp_path / "a", 7), run(tmp_path / "b", 7)
    assert first == second
    assert run(tmp_path / "c", 8) != first
    assert {state for _, _, state, _ in first} >= {"in_progress", "decided"}


def test_the_demo_never_simulates_a_day_still_under_way() -> None:
    from datetime import UTC, date, datetime

    from sim.demo.activity import last_day_over

    morning = datetime(2026, 11, 26, 3, 20, tzinfo=UTC)  # 11:20 in Beijing
    evening = datetime(2026, 11, 26, 9, 45, tzinfo=UTC)  # 17:45
    late_utc = datetime(2026, 11, 26, 17, 0, tzinfo=UTC)  # already 01:00 on the 27th there
    assert last_day_over(morning) == date(2026, 11, 25)
    assert last_day_over(evening) == date(2026, 11, 26)
    assert last_day_over(late_utc) == date(2026, 11, 26)

"""Property: whatever happens to a case and however time passes, an overdue case always has an
accountability record, and suspended days never count (hypothesis over the real services)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.auth import login
from app.cases import queries, service
from app.cases.deadlines import local_day
from app.cases.records import AcceptRequest, ApplicantInput
from app.clock import ManualClock
from app.context import AppContext
from app.errors import DomainError
from app.setup import initialize
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore
from tests.helpers.catalog import make_item, resident_id

START = datetime(2026, 11, 24, 1, 30, tzinfo=UTC)
STEPS = st.lists(
    st.tuples(
        st.integers(0, 4),  # days that pass first
        st.sampled_from(["start", "suspend", "resume", "extend", "decide", "scan", "none"]),
    ),
    min_size=1,
    max_size=12,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """One migrated demo hall with one item, copied for every example (fast)."""
    folder = tmp_path_factory.mktemp("template")
    clock = ManualClock(START)
    engine = make_engine(f"sqlite:///{folder / 'hall.sqlite3'}")
    ensure_schema(engine, None)
    ctx = AppContext(SqlStore(engine, clock), clock, folder)
    initialize(ctx.uow(), "admin-2026", demo=True, demo_catalog=False)
    item = make_item(ctx, committed=3, statutory=10)
    engine.dispose()
    return folder / "hall.sqlite3", item.id


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STEPS)
def test_every_overdue_case_has_an_accountability_record(
    template: tuple[Path, int],
    tmp_path_factory: pytest.TempPathFactory,
    steps: list[tuple[int, str]],
) -> None:
    folder = tmp_path_factory.mktemp("example")
    shutil.copy(template[0], folder / "hall.sqlite3")
    clock = ManualClock(START)
    engine = make_engine(f"sqlite:///{folder / 'hall.sqlite3'}")
    ctx = AppContext(SqlStore(engine, clock), clock, folder)
    try:
        run_example(ctx, clock, template[1], steps)
    finally:
        engine.dispose()


def run_example(
    ctx: AppContext, clock: ManualClock, version_id: int, steps: list[tuple[int, str]]
) -> None:
    from app.catalog.service import get_version

    me = login(ctx.uow(), "zhangwei", "demo-2026")
    boss = login(ctx.uow(), "sunli", "demo-2026")
    version = get_version(ctx.uow(), version_id)
    ids = {m.name: m.id for m in version.materials}
    accepted = service.accept_case(
        ctx.uow(),
        me,
        AcceptRequest(
            item_version_id=version_id,
            applicant=ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    )
    for days, action in steps:
        clock.advance(timedelta(days=days))
        case = queries.find_case_by_number(ctx.uow(), me, accepted.number)
        assert case is not None
        try:
            if action == "start":
                service.start_case(ctx.uow(), me, case.id, case.row_version)
            elif action == "suspend":
                service.suspend_case(
                    ctx.uow(), me, case.id, case.row_version, "corrections", "补正"
                )
            elif action == "resume":
                service.resume_case(ctx.uow(), me, case.id, case.row_version)
            elif action == "extend":
                service.extend_case(ctx.uow(), boss, case.id, case.row_version, 2, "需核查")
            elif action == "decide":
                service.decide_case(ctx.uow(), me, case.id, case.row_version, "approved")
            elif action == "scan":
                service.refresh_warnings(ctx.uow())
        except DomainError:
            pass  # an illegal move or an extension past the limit: refused, nothing changes
    service.refresh_warnings(ctx.uow())
    detail = queries.case_detail(
        ctx.uow(), me, queries.find_case_by_number(ctx.uow(), me, accepted.number).id
    )  # type: ignore[union-attr]
    case = detail.case
    today = detail.today
    due = detail.deadline.due
    overdue_now = case.warning == "red"
    decided_late = (
        case.decided_at is not None and due is not None and (local_day(case.decided_at) > due)
    )
    records = [
        r for r in queries.list_accountability(ctx.uow(), boss, None) if r.case_id == case.id
    ]
    if overdue_now or decided_late:
        assert len(records) == 1, (steps, case.warning, due, today)
    # The warning column agrees with the deadline derived from the events.
    if due is not None and case.warning != "closed":
        assert (today > due) == overdue_now
    # Extensions never took the committed time past the statutory limit.
    extended = sum(int(e.detail.get("days", 0)) for e in case.events if e.action.value == "extend")
    assert case.committed_days + extended <= case.statutory_days

"""The bulk generator writes exactly what the services would.

One plan is carried out twice from the same starting database: through the real services and
through the bulk path. Every row of every table the case, rating, visit, complaint and
appointment services touch must come out equal.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app import audit
from app.calendar import load_calendar
from app.cases import service
from app.cases.deadlines import local_day
from app.catalog.service import get_version, list_items
from app.clock import ManualClock
from app.context import AppContext
from app.setup import initialize
from db import sealed
from db.engine import make_engine
from db.migrate import ensure_schema
from db.models import Base
from db.store import SqlStore
from sim import bulk, scale
from sim.demo.appointments import ensure_schedules
from sim.sql_sink import SqlBulkSink
from tests.helpers.stores import START

TABLES = {
    "case_file": "id",
    "case_material": "case_id, material_id",
    "case_event": "case_id, id",
    "search_token": "kind, ref_id, token",
    "accountability_record": "id",
    "number_counter": "kind, day",
    "audit_event": "seq",
    "rating": "id",
    "rectification": "id",
    "visit": "id",
    "referral": "id",
    "visit_event": "visit_id, id",
    "complaint": "id",
    "complaint_note": "complaint_id, id",
    "appointment": "id",
    "appointment_event": "appointment_id, id",
    "appointment_slot": "schedule_id, day, start_minute",
}
# Row ids the two paths may number differently (materials and events are inserted when a
# case or visit is stored in bulk, as they happen through the services); everything else must
# match.
# Each hall's site key is random, so the audit chains differ from the key's event on: the
# events are compared field by field, and each chain is verified on its own.
IGNORED = {
    "case_material": {"id"},
    "case_event": {"id"},
    "visit_event": {"id"},
    "complaint_note": {"id"},
    "appointment_event": {"id"},
    "audit_event": {"hash", "prev_hash"},
}


def _hall(path: Path) -> Iterator[AppContext]:
    clock = ManualClock(START)
    engine = make_engine(f"sqlite:///{path}")
    ensure_schema(engine, None)
    store = SqlStore(engine, clock)
    ctx = AppContext(store=store, clock=clock, data_dir=path.parent)
    initialize(ctx.uow(), "admin-2026", demo=True)
    uow = ctx.uow()
    with uow.read():
        site_id = uow.sites.first().id  # type: ignore[union-attr]
    ensure_schedules(ctx.uow(), site_id)  # bookable windows, as frontdesk scale sets up
    yield ctx
    store.dispose()


@pytest.fixture
def halls(tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = _hall(tmp_path / "a" / "services.sqlite3")
    b = _hall(tmp_path / "b" / "bulk.sqlite3")
    yield next(a), next(b)
    for gen in (a, b):
        next(gen, None)


def _rows(ctx: AppContext, table: str) -> list[dict[str, object]]:
    """The stored rows with each sealed value opened (every database seals with its own key and
    a fresh nonce) and each blind index replaced by whether it indexes the opened value."""
    columns = Base.metadata.tables[table].columns
    opened = {c.name for c in columns if isinstance(c.type, sealed.Sealed)}
    derived = {c.name: source for c, source in sealed.derived_columns(columns[0].table)}
    with ctx.store.engine.connect() as conn, sealed.using(sealed.key_id_of(conn)):  # type: ignore[attr-defined]
        result = conn.execute(text(f"SELECT * FROM {table} ORDER BY {TABLES[table]}"))
        skip = IGNORED.get(table, set())
        rows = []
        for row in result:
            values = dict(row._mapping)
            for name in opened:
                assert not values[name] or sealed.is_sealed(values[name]), (table, name)
                values[name] = sealed.unseal(values[name], name)
            for name, source in derived.items():
                values[name] = values[name] == sealed.blind_index(
                    sealed.kind_of(source), values[source]
                )
            rows.append({k: v for k, v in values.items() if k not in skip})
        return rows


def test_bulk_rows_equal_service_rows(halls: tuple[AppContext, AppContext]) -> None:
    by_services, in_bulk = halls
    plan = scale.ScalePlan(
        end=local_day(START),
        years=12 / 365,
        cases_per_window_day=6,
        visits_per_window_day=6,
        late_share=0.3,
        denied_share=0.2,
        seed=7,
    )
    uow = by_services.uow()
    clerks = scale.counter_staff(uow)
    items = [get_version(uow, s.version_id) for s in list_items(uow)]
    with uow.read():
        calendar = load_calendar(uow)
    assert isinstance(by_services.clock, ManualClock)
    reference = scale.ServiceExecutor(by_services.uow, by_services.clock)
    with uow.read():
        bookable = uow.appointments.schedules(uow.sites.first().id)  # type: ignore[union-attr]
    planned = scale.run(
        plan,
        reference,
        clerks,
        items,
        calendar,
        supervisor=scale.first_supervisor(uow),
        schedules=bookable,
    )

    site = in_bulk.uow()
    with site.read():
        site_id = site.sites.first().id  # type: ignore[union-attr]
    summary = bulk.generate(in_bulk.uow, SqlBulkSink(in_bulk.store.engine, site_id), plan)  # type: ignore[attr-defined]
    assert summary == planned
    assert summary.accepted > 250 and summary.moves > 400 and summary.ratings > 150
    assert summary.visits > 250 and summary.referrals > 50
    assert summary.complaints > 5 and summary.appointments > 50

    # The morning scan after the period, through the service, on both.
    for ctx in halls:
        assert isinstance(ctx.clock, ManualClock)
        ctx.clock.set(START - timedelta(minutes=45))
        service.refresh_warnings(ctx.uow())

    for table in TABLES:
        expected = _rows(by_services, table)
        got = _rows(in_bulk, table)
        assert len(got) == len(expected), table
        for want, have in zip(expected, got, strict=True):
            if table == "audit_event" and "fingerprint" in str(want["summary"]):
                continue  # the site key's own event
            if table == "audit_event" and want["action"] == audit.KEYED_ACTION:
                continue  # each database's own trail key (migration 0011)
            assert have == want, table
    assert _rows(in_bulk, "accountability_record"), "the plan runs some cases late on purpose"
    assert _rows(in_bulk, "rectification"), "a few applicants rate badly"
    kinds = {r["kind"] for r in _rows(in_bulk, "accountability_record")}
    assert kinds == {"overdue", "complaint"}, "some complaints are found true"
    states = {r["state"] for r in _rows(in_bulk, "complaint")}
    assert {"concluded", "investigating"} <= states, "the last ones are still under way"
    kept = {r["state"] for r in _rows(in_bulk, "appointment")}
    assert kept == {"checked_in", "no_show", "booked"}, "some never come; the last are ahead"
    linked = [r for r in _rows(in_bulk, "visit") if r["appointment_id"] is not None]
    assert linked and all(r["state"] == "closed" for r in linked), "arrivals are served"
    late = [r for r in _rows(in_bulk, "visit_event") if '"late": true' in str(r["detail"])]
    assert late, "a few referrals are acknowledged after their limit"
    assert audit.verify(in_bulk.uow()).ok and audit.verify(by_services.uow()).ok


def test_bulk_cases_sit_among_service_cases_on_both_stores(demo_ctx: AppContext) -> None:
    """After a bulk run the services go on as usual: ids, numbers and the chain continue."""
    from app.appointments import service as appointments
    from app.appointments.records import BookingRequest
    from app.appointments.schedule import list_schedules
    from app.auth import login
    from app.cases.records import AcceptRequest, ApplicantInput
    from app.feedback import ratings
    from app.feedback.records import RatingLevel, Subject
    from app.visits.records import ReferralInput, VisitInput
    from app.visits.service import refer_visit, register_visit
    from tests.helpers.catalog import make_item, resident_id

    ctx = demo_ctx
    uow = ctx.uow()
    with uow.read():
        site_id = uow.sites.first().id  # type: ignore[union-attr]
    ensure_schedules(ctx.uow(), site_id)
    plan = scale.ScalePlan(end=local_day(START), years=5 / 365, cases_per_window_day=3, seed=3)
    summary = bulk.generate(ctx.uow, SqlBulkSink(ctx.store.engine, site_id), plan)  # type: ignore[attr-defined]
    assert summary.complaints > 0 and summary.appointments > 0
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    item = make_item(ctx)
    ids = {m.name: m.id for m in item.materials}
    result = service.accept_case(
        ctx.uow(),
        clerk,
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name="李娜", id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    )
    assert result.case_id == summary.accepted + 1
    assert result.number.endswith("-0001")  # today had no bulk cases: its counter starts at 1
    rated = ratings.rate_on_citizen_screen(
        ctx.uow(), clerk, Subject.case(result.case_id), RatingLevel.DISSATISFIED, "等了很久"
    )
    assert summary.ratings > 0 and rated.rating_id == summary.ratings + 1
    assert rated.rectification_id is not None  # after the bulk run's own items
    with ctx.store.engine.connect() as conn:  # type: ignore[attr-defined]
        arrivals = conn.execute(
            text("SELECT count(*) FROM visit WHERE appointment_id IS NOT NULL")
        ).scalar_one()
    visit = register_visit(ctx.uow(), clerk, VisitInput("社保卡怎么补办？"))
    # After the inquiries and the visits the bulk run's check-ins opened.
    assert summary.visits > 0 and arrivals > 0 and visit.id == summary.visits + arrivals + 1
    assert visit.number.endswith("-0001")  # today's visit counter starts at 1 too
    others = [a for a in scale.counter_staff(ctx.uow()) if a.staff_id != clerk.staff_id]
    referral = refer_visit(
        ctx.uow(), clerk, visit.id, ReferralInput(to_staff_id=others[0].staff_id, reason="转办")
    )
    assert summary.referrals > 0 and referral.id == summary.referrals + 1
    schedule = list_schedules(ctx.uow(), clerk)[0]
    booked = appointments.book_appointment(
        ctx.uow(),
        clerk,
        BookingRequest(
            schedule.id,
            local_day(START) + timedelta(days=8),  # a Wednesday past every bulk booking
            schedule.slot_starts()[0],
            "王芳",
            "13912345678",
            item.code,
        ),
    )
    assert booked.appointment_id == summary.appointments + 1
    assert audit.verify(ctx.uow()).ok

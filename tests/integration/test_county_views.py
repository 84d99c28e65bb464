"""The county sees all its sites: statistics and the period log per site and in total (they
add up), township cases in the warning lists with their site, and the townships gone quiet; on
SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

import pytest

from app.auth import login
from app.cases import queries, service
from app.cases.records import AcceptRequest, ApplicantInput, CaseQuery
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.errors import PermissionDenied, ValidationError
from app.handover import hand_over
from app.reports.county import (
    county_log,
    county_statistics,
    silent_townships,
    viewable_sites,
)
from app.reports.daily_log import period_log
from app.reports.statistics import Figures, StatisticsQuery, statistics
from app.roles import Actor
from tests.helpers.catalog import resident_id
from tests.helpers.township import add_township, county_item, township_actor

APPLICANT = ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678")
FIRST = date(2026, 11, 24)


def accept(ctx: AppContext, actor: Actor, item: ItemVersionRecord) -> int:
    ids = {m.name: m.id for m in item.materials}
    req = AcceptRequest(
        item_version_id=item.id,
        applicant=APPLICANT,
        received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
        not_applicable_material_ids=frozenset({ids["收入证明"]}),
    )
    number = service.accept_case(ctx.uow(), actor, req).number
    case = queries.find_case_by_number(ctx.uow(), actor, number)
    assert case is not None
    return case.id


def decide(ctx: AppContext, actor: Actor, case_id: int) -> None:
    detail = queries.case_detail(ctx.uow(), actor, case_id)
    service.decide_case(ctx.uow(), actor, case_id, detail.case.row_version, "approved")


@pytest.fixture
def county(demo_ctx: AppContext) -> AppContext:
    """A county hall with two townships; work at all three, one case handed over."""
    ctx = demo_ctx
    add_township(ctx)
    add_township(ctx, code="DW", name="东王镇便民服务中心", clerk="dwclerk")
    item = county_item(ctx)
    qh = login(ctx.uow(), "zhangwei", "demo-2026")
    xz, dw = township_actor(ctx), township_actor(ctx, "dwclerk")
    for actor, n in ((qh, 2), (xz, 3), (dw, 1)):
        for _ in range(n):
            accept(ctx, actor, item)
    ctx.clock.advance(timedelta(hours=1))
    decide(ctx, qh, accept(ctx, qh, item))
    away = accept(ctx, xz, item)
    hand_over(ctx.uow(), xz, away, "QH")
    decide(ctx, qh, away)  # decided at the county, counted with the township's case
    ctx.clock.advance(timedelta(days=1))
    return ctx


def supervisor(ctx: AppContext) -> Actor:
    return login(ctx.uow(), "sunli", "demo-2026")


COUNTED = [f.name for f in dataclasses.fields(Figures) if f.name != "label"]


def test_site_rows_add_up_to_the_county_and_equal_each_site_own(county: AppContext) -> None:
    boss = supervisor(county)
    query = StatisticsQuery(FIRST, FIRST + timedelta(days=1))
    stats = county_statistics(county.uow(), boss, query)
    assert [r.site.code for r in stats.by_site] == ["QH", "DW", "XZ"]
    for name in COUNTED:
        values = [getattr(r.figures, name) for r in stats.by_site]
        total = getattr(stats.total, name)
        if total is None:
            assert all(v is None for v in values), name
        else:
            assert total == sum(v or 0 for v in values), name
    assert stats.total.accepted == 8 and stats.total.decided == 2
    trends = []
    for row in stats.by_site:
        own = statistics(county.uow(), boss, query, site_id=row.site.id)
        assert dataclasses.replace(own.total, label=row.figures.label) == row.figures
        trends.append(own.trend)
    # The county's trend is the sites' trends added up, bucket by bucket.
    assert [p.label for p in stats.trend] == [p.label for p in trends[0]]
    for i, point in enumerate(stats.trend):
        assert point.figures.accepted == sum(t[i].figures.accepted for t in trends)
        assert point.figures.decided == sum(t[i].figures.decided for t in trends)
    assert sum(p.figures.accepted for p in stats.trend) == 8
    xz = next(r for r in stats.by_site if r.site.code == "XZ")
    assert xz.figures.accepted == 4 and xz.figures.decided == 1


def test_county_log_rows_add_up_and_equal_the_sites_logs(county: AppContext) -> None:
    boss = supervisor(county)
    log = county_log(county.uow(), boss, FIRST, FIRST + timedelta(days=1))
    assert [r.site_code for r in log.rows] == ["QH", "DW", "XZ"]
    keys = [c.key for c in log.columns]
    for i, key in enumerate(keys):
        values = [r.counts[i] for r in log.rows]
        if log.totals[i] is None:
            assert all(v is None for v in values), key
        else:
            assert log.totals[i] == sum(v or 0 for v in values), key
    assert log.total("cases_accepted") == 8
    for row in log.rows:
        site = next(s for s in viewable_sites(county.uow(), boss) if s.code == row.site_code)
        own = period_log(county.uow(), boss, FIRST, FIRST + timedelta(days=1), site_id=site.id)
        assert own.totals == row.counts


def test_township_staff_see_their_own_site_only(county: AppContext) -> None:
    boss = township_actor(county, "xzclerkboss")
    assert [s.code for s in viewable_sites(county.uow(), boss)] == ["XZ"]
    query = StatisticsQuery(FIRST, FIRST)
    with pytest.raises(PermissionDenied):
        county_statistics(county.uow(), boss, query)
    qh = viewable_sites(county.uow(), supervisor(county))[0]
    assert qh.code == "QH"
    with pytest.raises(PermissionDenied):
        statistics(county.uow(), boss, query, site_id=qh.id)
    with pytest.raises(PermissionDenied):
        period_log(county.uow(), boss, FIRST, FIRST, site_id=qh.id)
    assert statistics(county.uow(), boss, query).total.accepted == 4
    with pytest.raises(ValidationError):
        county_statistics(county.uow(), supervisor(county), dataclasses.replace(query, window_id=1))


def test_township_cases_show_their_site_in_the_lists(county: AppContext) -> None:
    boss = supervisor(county)
    page = queries.page_case_ids(county.uow(), boss, CaseQuery(order="urgency"), None, 50)
    rows = queries.case_rows(county.uow(), boss, page.ids)
    by_site = {r.site_name for r in rows}
    assert by_site == {"清河县政务服务中心", "新庄镇便民服务中心", "东王镇便民服务中心"}
    handed = [r for r in rows if r.handed_to]
    assert len(handed) == 1 and handed[0].handed_to == "清河县政务服务中心"
    assert handed[0].number.startswith("XZ-")
    # The county's clerks find what was handed over to them.
    away = CaseQuery(handed_over=True)
    assert queries.count_cases(county.uow(), boss, away) == 1
    only = queries.page_case_ids(county.uow(), boss, away, None, 50)
    assert only.ids == [handed[0].id]


class Arrivals:
    def __init__(self, last: Mapping[str, datetime]) -> None:
        self.last = last

    def last_arrivals(self) -> Mapping[str, datetime]:
        return self.last


def test_silent_townships(county: AppContext) -> None:
    boss = supervisor(county)
    county.clock.set(datetime(2026, 12, 4, 2, 0, tzinfo=UTC))  # Friday 10:00
    # XZ last sent on Monday: 4 working days; DW on Wednesday: 2 (the setting says 3).
    arrivals = Arrivals(
        {
            "XZ": datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
            "DW": datetime(2026, 12, 2, 8, 0, tzinfo=UTC),
        }
    )
    silent = silent_townships(county.uow(), boss, arrivals)
    assert [(s.code, s.working_days) for s in silent] == [("XZ", 4)]
    add_township(county, code="BS", name="北山乡便民服务中心", clerk="bsclerk")
    silent = silent_townships(county.uow(), boss, arrivals)
    assert [(s.code, s.working_days) for s in silent] == [("BS", None), ("XZ", 4)]
    admin = login(county.uow(), "admin", "admin-2026")
    from app import settings

    settings.change(county.uow(), admin, {"silent_township_working_days": "2"})
    silent = silent_townships(county.uow(), boss, arrivals)
    assert [s.code for s in silent] == ["BS", "XZ", "DW"]
    with pytest.raises(PermissionDenied):
        silent_townships(county.uow(), township_actor(county, "xzclerkboss"), arrivals)


def test_silent_townships_read_the_bundle_log(county: AppContext) -> None:
    """The default arrivals are app/sync's peers (``sync_peer.received_at``)."""
    from sqlalchemy import insert

    from db.models import SyncPeer
    from db.store import SqlStore

    county.clock.set(datetime(2026, 12, 4, 2, 0, tzinfo=UTC))  # Friday 10:00
    store = county.store
    assert isinstance(store, SqlStore)
    with store.engine.begin() as conn:
        conn.execute(
            insert(SyncPeer),
            [
                {"site_code": "XZ", "received_at": datetime(2026, 11, 27, 8, 0, tzinfo=UTC)},
                {"site_code": "DW", "received_at": datetime(2026, 12, 3, 8, 0, tzinfo=UTC)},
            ],
        )
    silent = silent_townships(county.uow(), supervisor(county))
    assert [(s.code, s.working_days) for s in silent] == [("XZ", 5)]
    assert silent[0].last_bundle_at == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)

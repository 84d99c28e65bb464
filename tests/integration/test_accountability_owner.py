"""An accountability record of a case is reviewed where the case is (app.cases.accountability
``review_accountability``): a supervisor of another site is refused, naming the site that owns
the case, and nothing changes; the owner's supervisor reviews it. The demo county and a
township share one database (tests/helpers/township.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import cast

import pytest
from sqlalchemy import text

from app.auth import login
from app.cases import queries, service
from app.context import AppContext
from app.errors import PermissionDenied
from app.handover import hand_over
from db.store import SqlStore
from tests.helpers.township import accept_here, add_township, county_item, township_actor


def _picture(ctx: AppContext) -> tuple[object, ...]:
    with cast(SqlStore, ctx.store).engine.connect() as conn:
        records = conn.execute(text("SELECT * FROM accountability_record ORDER BY id")).all()
        head = conn.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
    return tuple(map(tuple, records)), tuple(head)


def test_a_record_is_reviewed_only_at_the_site_that_owns_the_case(demo_ctx: AppContext) -> None:
    add_township(demo_ctx)
    item = county_item(demo_ctx)
    county_clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    county_boss = login(demo_ctx.uow(), "sunli", "demo-2026")
    town_boss = township_actor(demo_ctx, "xzclerkboss")
    number = accept_here(demo_ctx, county_clerk, item)
    demo_ctx.clock.advance(timedelta(days=30))  # type: ignore[attr-defined]  # long overdue
    assert service.refresh_warnings(demo_ctx.uow()).opened_records == 1
    (record,) = queries.list_accountability(demo_ctx.uow(), county_boss)
    assert record.case_number == number

    before = _picture(demo_ctx)
    with pytest.raises(PermissionDenied, match=r"此案件现由.*办理（QH）"):
        service.review_accountability(
            demo_ctx.uow(), town_boss, record.id, "staff", "情况说明", "批评教育"
        )
    assert _picture(demo_ctx) == before

    service.review_accountability(
        demo_ctx.uow(), county_boss, record.id, "staff", "情况说明", "批评教育"
    )
    assert queries.list_accountability(demo_ctx.uow(), county_boss) == []
    (done,) = queries.list_accountability(demo_ctx.uow(), county_boss, state="reviewed")
    assert done.id == record.id


def test_a_handed_over_cases_record_is_reviewed_at_the_county(demo_ctx: AppContext) -> None:
    add_township(demo_ctx)
    item = county_item(demo_ctx)
    town_clerk = township_actor(demo_ctx)
    town_boss = township_actor(demo_ctx, "xzclerkboss")
    county_boss = login(demo_ctx.uow(), "sunli", "demo-2026")
    number = accept_here(demo_ctx, town_clerk, item)
    case = queries.find_case_by_number(demo_ctx.uow(), town_clerk, number)
    assert case is not None
    hand_over(demo_ctx.uow(), town_clerk, case.id, "QH", "水利局审批")
    demo_ctx.clock.advance(timedelta(days=30))  # type: ignore[attr-defined]
    service.refresh_warnings(demo_ctx.uow())
    records = [
        r for r in queries.list_accountability(demo_ctx.uow(), county_boss)
        if r.case_number == number
    ]  # fmt: skip
    assert len(records) == 1

    before = _picture(demo_ctx)
    with pytest.raises(PermissionDenied, match=r"此案件现由.*办理（QH）"):
        service.review_accountability(
            demo_ctx.uow(), town_boss, records[0].id, "staff", "情况说明", "批评教育"
        )
    assert _picture(demo_ctx) == before

"""A case belongs to one site at a time: a township's case of a county-decided item goes to
the county and back (乡镇代收、县级审批), on SQLite and PostgreSQL, in one database holding both
sites (the travel between databases is app/sync's)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app import audit
from app.auth import login
from app.cases import queries, service
from app.cases.lifecycle import CaseAction, CaseState
from app.cases.records import AcceptRequest, ApplicantInput, CaseRecord
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.errors import IllegalTransition, NotFound, PermissionDenied, ValidationError
from app.handover import hand_back, hand_over
from app.roles import Actor
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.township import add_township, county_item, township_actor

APPLICANT = ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678")
REFUSAL = "此案件现由{name}办理（{code}），本中心不能操作"


def accept(ctx: AppContext, actor: Actor, item: ItemVersionRecord) -> CaseRecord:
    ids = {m.name: m.id for m in item.materials}
    req = AcceptRequest(
        item_version_id=item.id,
        applicant=APPLICANT,
        received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
        not_applicable_material_ids=frozenset({ids["收入证明"]}),
    )
    result = service.accept_case(ctx.uow(), actor, req)
    case = queries.find_case_by_number(ctx.uow(), actor, result.number)
    assert case is not None
    return case


def reload(ctx: AppContext, actor: Actor, case: CaseRecord) -> CaseRecord:
    found = queries.find_case_by_number(ctx.uow(), actor, case.number)
    assert found is not None
    return found


@pytest.fixture
def town(demo_ctx: AppContext) -> int:
    return add_township(demo_ctx)


def test_a_new_case_belongs_to_the_site_that_accepted_it(demo_ctx: AppContext, town: int) -> None:
    item = county_item(demo_ctx)
    case = accept(demo_ctx, township_actor(demo_ctx), item)
    assert case.number.startswith("XZ-")
    assert case.site_id == town and case.owner_site_id == town


def test_handed_over_and_back_with_the_deadline_running(demo_ctx: AppContext, town: int) -> None:
    ctx = demo_ctx
    item = county_item(ctx)
    township = township_actor(ctx)
    case = accept(ctx, township, item)
    due = case.due_date
    county_clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    county_site = county_clerk.site_id

    # The county cannot touch the township's case before it is handed over...
    with pytest.raises(PermissionDenied) as caught:
        service.start_case(ctx.uow(), county_clerk, case.id, case.row_version)
    assert caught.value.message == REFUSAL.format(name="新庄镇便民服务中心", code="XZ")

    ctx.clock.advance(timedelta(hours=2))
    moved = hand_over(ctx.uow(), township, case.id, "qh", "县水利局审批")
    assert moved.owner_site_id == county_site and moved.site_id == town
    assert moved.state is CaseState.ACCEPTED
    assert moved.due_date == due  # no pause, no new clock: the law counts from acceptance
    last = moved.events[-1]
    assert last.action is CaseAction.HAND_OVER and last.reason == "县水利局审批"
    assert last.detail == {"from_site": "XZ", "to_site": "QH"}

    # ...and once it is, the township cannot: the refusal names the county.
    with pytest.raises(PermissionDenied) as caught:
        service.withdraw_case(ctx.uow(), township, case.id, moved.row_version, "撤回")
    assert caught.value.message == REFUSAL.format(name="清河县政务服务中心", code="QH")

    # Any county counter may work the case; no "on behalf of" the township's clerk.
    started = service.start_case(ctx.uow(), county_clerk, case.id, moved.row_version)
    assert started.events[-1].on_behalf_of is None
    decided = service.decide_case(
        ctx.uow(), county_clerk, case.id, started.row_version, "approved", "准予取水"
    )
    assert decided.state is CaseState.DECIDED and decided.due_date == due
    # The township cannot deliver before the case comes back.
    with pytest.raises(PermissionDenied):
        service.deliver_case(ctx.uow(), township, case.id, decided.row_version, "mail")

    back = hand_back(ctx.uow(), county_clerk, case.id, "请乡镇送达")
    assert back.owner_site_id == town and back.events[-1].action is CaseAction.HAND_BACK
    assert back.events[-1].detail == {"from_site": "QH", "to_site": "XZ"}
    with pytest.raises(PermissionDenied) as caught:
        hand_back(ctx.uow(), county_clerk, case.id)
    assert caught.value.message == REFUSAL.format(name="新庄镇便民服务中心", code="XZ")

    delivered = service.deliver_case(ctx.uow(), township, case.id, back.row_version, "mail")
    assert delivered.state is CaseState.DELIVERED
    actions = [e.action for e in delivered.events]
    assert actions == [
        CaseAction.ACCEPT,
        CaseAction.HAND_OVER,
        CaseAction.START,
        CaseAction.DECIDE,
        CaseAction.HAND_BACK,
        CaseAction.DELIVER,
    ]
    uow = ctx.uow()
    with uow.read():
        trail = [e for e in uow.audit.iter_events() if e.entity_id == case.number]
    moves = [e.action for e in trail]
    assert moves == [
        "case_accepted",
        "case_hand_over",
        "case_start",
        "case_decide",
        "case_hand_back",
        "case_deliver",
    ]
    assert "XZ" in trail[1].summary and "QH" in trail[1].summary
    assert audit.verify(ctx.uow()).ok


def test_hand_over_rules(demo_ctx: AppContext, town: int) -> None:
    ctx = demo_ctx
    township = township_actor(ctx)
    local_item = make_item(ctx, code="L-001")
    local = accept(ctx, township, local_item)
    with pytest.raises(ValidationError) as caught:
        hand_over(ctx.uow(), township, local.id, "QH")
    assert "由本中心作出决定" in caught.value.errors["to_site"]

    item = county_item(ctx)
    case = accept(ctx, township, item)
    with pytest.raises(NotFound):
        hand_over(ctx.uow(), township, case.id, "ZZ")
    add_township(ctx, code="DW", name="东王镇便民服务中心", clerk="dwclerk")
    with pytest.raises(ValidationError) as caught:
        hand_over(ctx.uow(), township, case.id, "DW")
    assert "不是县级服务中心" in caught.value.errors["to_site"]
    with pytest.raises(ValidationError):
        hand_over(ctx.uow(), township, case.id, "  ")
    # Another township's clerk cannot hand over what is not theirs.
    with pytest.raises(PermissionDenied) as caught:
        hand_over(ctx.uow(), township_actor(ctx, "dwclerk"), case.id, "QH")
    assert caught.value.message == REFUSAL.format(name="新庄镇便民服务中心", code="XZ")
    # A case the county accepted itself has nowhere to be handed.
    county_clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    own = accept(ctx, county_clerk, item)
    with pytest.raises(ValidationError) as caught:
        hand_over(ctx.uow(), county_clerk, own.id, "QH")
    assert "乡镇" in caught.value.errors["to_site"]
    # Not undecided back, nor back when it never left.
    with pytest.raises(ValidationError):
        hand_back(ctx.uow(), township, case.id)
    hand_over(ctx.uow(), township, case.id, "QH")
    with pytest.raises(IllegalTransition):
        hand_back(ctx.uow(), county_clerk, case.id)
    with pytest.raises(ValidationError):
        hand_over(ctx.uow(), county_clerk, case.id, "QH")
    still = reload(ctx, county_clerk, case)
    assert [e.action for e in still.events] == [CaseAction.ACCEPT, CaseAction.HAND_OVER]
    assert audit.verify(ctx.uow()).ok


def test_the_warning_scan_touches_only_the_cases_this_installation_owns(
    demo_ctx: AppContext, town: int
) -> None:
    """Two sites never write the same case: the county's scan leaves a township's own case to
    the township, and the township's leaves the one it handed over to the county."""
    from app.cases.accountability import refresh_warnings

    ctx = demo_ctx
    item = county_item(ctx)
    township = township_actor(ctx)
    kept = accept(ctx, township, item)
    away = accept(ctx, township, item)
    hand_over(ctx.uow(), township, away.id, "QH")
    ctx.clock.advance(timedelta(days=14))  # both long overdue

    refresh_warnings(ctx.uow())  # at the county (the database's first site)
    assert reload(ctx, township, kept).warning == "normal"
    assert reload(ctx, township, away).warning == "red"

    uow = ctx.uow()
    with uow.write():
        uow.settings.set("home_site", "XZ")  # the same records, seen as the township's PC
    back = reload(ctx, township, away)
    uow = ctx.uow()
    with uow.write():  # as the county's next bundle would bring it: green again, say
        uow.cases.update(back.id, back.row_version, warning="normal")
    refresh_warnings(ctx.uow())
    assert reload(ctx, township, kept).warning == "red"
    assert reload(ctx, township, away).warning == "normal"  # the county's to judge
    assert audit.verify(ctx.uow()).ok

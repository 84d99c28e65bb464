"""乡镇代收、县级审批 across databases: a township on SQLite accepts a case the county decides,
hands it over, the up bundle carries it to the county (SQLite and PostgreSQL), which decides and
hands it back; the down bundle carries it home, where the township delivers it. Only the owning
site may act at each step, in either database."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.auth import login
from app.cases import queries, service
from app.cases.lifecycle import CaseAction, CaseState
from app.cases.records import CaseRecord
from app.catalog.publication import publish_item
from app.catalog.service import current_version
from app.errors import PermissionDenied
from app.handover import hand_back, hand_over
from app.records import SiteLevel
from app.roles import Actor
from app.sites_register import add_site
from app.sync.service import export_bundle, import_bundle
from tests.helpers.stores import START
from tests.helpers.sync_sites import Site, exchange_keys, make_site
from tests.helpers.township import accept_here, county_item


def clerk(site: Site) -> Actor:
    return login(site.uow(), "zhangwei", "demo-2026")


def case_at(site: Site, number: str) -> CaseRecord:
    found = queries.find_case_by_number(site.uow(), clerk(site), number)
    assert found is not None
    return found


@pytest.fixture
def pair(engine_spec: tuple[str, dict[str, object]], tmp_path: Path) -> tuple[Site, Site]:
    url, kwargs = engine_spec
    county = make_site(url, kwargs, "QH", SiteLevel.COUNTY, "QH", START, tmp_path / "QH")
    town_url = f"sqlite:///{tmp_path / 'town.sqlite3'}"
    town = make_site(town_url, {}, "QH-LS", SiteLevel.TOWNSHIP, "QH", START, tmp_path / "LS")
    # The county's own row, as the township's enrolment brings it (h-enrol's register).
    uow = town.uow()
    with uow.write():
        uow.sites.add(
            code="QH", name="QH 政务服务中心", level=SiteLevel.COUNTY, address="", phones="",
            timezone="Asia/Shanghai",
        )  # fmt: skip
    add_site(county.uow(), county.admin(), "QH-LS", "QH-LS 便民服务中心", "township")
    exchange_keys(county, town)
    county_item(county)  # made and published at the county, it reaches the township in the
    publish_item(county.uow(), county.admin(), "C-001")  # county's content (a down bundle)
    down = export_bundle(county.uow(), county.admin(), tmp_path / "down0.zip", to_site="QH-LS")
    import_bundle(town.uow(), town.admin(), down.path)
    yield county, town
    for site in (county, town):
        site.store.dispose()


def test_a_case_handed_over_travels_up_and_back(pair: tuple[Site, Site], tmp_path: Path) -> None:
    county, town = pair
    item = current_version(town.uow(), "C-001")
    number = accept_here(town, clerk(town), item)
    accepted = case_at(town, number)
    hand_over(town.uow(), clerk(town), accepted.id, "QH", "水利局审批")
    with pytest.raises(PermissionDenied, match="此案件现由QH 政务服务中心办理（QH）"):
        service.withdraw_case(town.uow(), clerk(town), accepted.id, 2, "撤回")

    up = export_bundle(town.uow(), town.admin(), tmp_path / "up1.zip")
    import_bundle(county.uow(), county.admin(), up.path)
    there = case_at(county, number)
    county_site = county.uow()
    with county_site.read():
        qh = county_site.sites.by_code("QH")
        ls = county_site.sites.by_code("QH-LS")
    assert qh is not None and ls is not None
    assert there.owner_site_id == qh.id and there.site_id == ls.id
    assert there.due_date == accepted.due_date
    decided = service.decide_case(
        county.uow(), clerk(county), there.id, there.row_version, "approved", "准予取水"
    )
    hand_back(county.uow(), clerk(county), decided.id, "请乡镇送达")
    with pytest.raises(PermissionDenied, match="QH-LS"):
        service.extend_case(
            county.uow(), login(county.uow(), "sunli", "demo-2026"), there.id, 4, 1, "再审"
        )

    down = export_bundle(county.uow(), county.admin(), tmp_path / "down1.zip", "QH-LS")
    import_bundle(town.uow(), town.admin(), down.path)
    home = case_at(town, number)
    assert home.owner_site_id == home.site_id and home.state is CaseState.DECIDED
    assert home.decision == "approved" and home.due_date == accepted.due_date
    delivered = service.deliver_case(town.uow(), clerk(town), home.id, home.row_version, "mail")
    assert [e.action for e in delivered.events] == [
        CaseAction.ACCEPT,
        CaseAction.HAND_OVER,
        CaseAction.DECIDE,
        CaseAction.HAND_BACK,
        CaseAction.DELIVER,
    ]

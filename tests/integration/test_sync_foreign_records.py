"""A township's visit, referral and complaint in a real up bundle: the county reads them, its
supervisor is refused any change naming the township (app.site_rules), so nothing of them
travels back down; the township still acts on them, and its change reaches the county with the
next bundle. Every guarded service, both ways, is in tests/integration/test_foreign_records.py
(one database); this is the same rule between two databases, on SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.auth import login
from app.errors import PermissionDenied
from app.feedback import complaints
from app.feedback.records import ComplaintInput, ComplaintTarget
from app.roles import Actor
from app.setup import DEMO_PASSWORD
from app.sync.service import export_bundle, import_bundle
from app.visits import service as visits
from app.visits.lifecycle import VisitState
from app.visits.records import OutcomeInput, ReferralInput, VisitInput
from tests.helpers.stores import START
from tests.helpers.sync_sites import Site, sqlite_pair


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Site, Site]:
    return sqlite_pair(tmp_path, START)


def _demo(site: Site, name: str) -> Actor:
    return login(site.uow(), name, DEMO_PASSWORD)


def _id_of(site: Site, table: str, number: str) -> int:
    with site.store.engine.connect() as conn:
        return int(
            conn.execute(
                text(f"SELECT id FROM {table} WHERE number = :n"), {"n": number}
            ).scalar_one()
        )


def test_the_county_reads_a_townships_records_and_leaves_them_to_it(
    pair: tuple[Site, Site], tmp_path: Path
) -> None:
    county, town = pair
    clerk, boss = _demo(town, "zhangwei"), _demo(town, "sunli")
    visit = visits.register_visit(town.uow(), clerk, VisitInput("取水许可要带什么材料"))
    referred = visits.register_visit(town.uow(), clerk, VisitInput("需负责人答复的问题"))
    referral = visits.refer_visit(
        town.uow(), clerk, referred.id, ReferralInput(to_staff_id=boss.staff_id, reason="请答复")
    )
    complaint = complaints.register_complaint(
        town.uow(), boss, ComplaintInput(ComplaintTarget.STAFF, "态度生硬", staff_id=clerk.staff_id)
    )
    up = export_bundle(town.uow(), town.admin(), tmp_path / "up1.zip")
    assert up.counts["visit"] == 2 and up.counts["referral"] == 1 and up.counts["complaint"] == 1
    import_bundle(county.uow(), county.admin(), up.path)

    county_boss = _demo(county, "sunli")
    here = visits.find_visit_by_number(county.uow(), county_boss, visit.number)
    assert here is not None and here.state is VisitState.OPEN  # readable at the county
    assert visits.visit_detail(county.uow(), county_boss, here.id).actions == frozenset()
    owner = r"属于QH-LS 便民服务中心（QH-LS）.*只能查看"
    with pytest.raises(PermissionDenied, match=owner):
        visits.close_visit(
            county.uow(), county_boss, here.id, OutcomeInput("answered", answer="带身份证")
        )
    referral_here = _id_of(county, "referral", referral.number)
    with pytest.raises(PermissionDenied, match=owner):
        visits.acknowledge_referral(county.uow(), county_boss, referral_here, "已接待")
    complaint_here = _id_of(county, "complaint", complaint.number)
    with pytest.raises(PermissionDenied, match=owner):
        complaints.add_investigation_note(county.uow(), county_boss, complaint_here, "调取录像")

    down = export_bundle(county.uow(), county.admin(), tmp_path / "down1.zip", to_site="QH-LS")
    assert down.rows == 0  # nothing of the township's was changed at the county
    import_bundle(town.uow(), town.admin(), down.path)

    visits.close_visit(town.uow(), clerk, visit.id, OutcomeInput("answered", answer="带身份证"))
    up2 = export_bundle(town.uow(), town.admin(), tmp_path / "up2.zip")
    import_bundle(county.uow(), county.admin(), up2.path)
    after = visits.find_visit_by_number(county.uow(), county_boss, visit.number)
    assert after is not None and after.state is VisitState.CLOSED

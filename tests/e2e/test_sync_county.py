"""Issue #16's end-to-end run: a county on PostgreSQL and two townships on SQLite, a week of
demo work at each, export/import rounds in shuffled order (one bundle imported twice, one lost
and its content carried by the next, a down bundle lost), a township case handed over to the
county (乡镇代收、县级审批), decided there and travelling back down, and at the end the
county's per-site counts equal to each township's own; a township's receipt verifies at the
county and at the other township.

The townships are enrolled as an administrator does it (``site add`` and the enrolment file at
the county, ``init --site-file`` at the township, the township's key file taken back to the
county); the two townships learn each other's keys only from the trust list in the county's
down bundles, and the county-decided item reaches them in the enrolment file's catalog.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.auth import login
from app.cases.queries import find_case_by_number
from app.cases.transitions import decide_case
from app.catalog.publication import publish_item
from app.catalog.service import current_version
from app.clock import ManualClock
from app.handover import hand_back, hand_over
from app.printing.kinds import DocumentKind
from app.records import SiteLevel
from app.setup import DEMO_PASSWORD
from app.signing import sign_document, verify_payload
from app.sites_register import (
    add_site,
    enrol_township,
    import_site_keys,
    open_enrolment,
    write_enrolment,
)
from app.sync.bundle import BundleRefused
from app.sync.service import export_bundle, import_bundle, sync_status
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore
from sim.demo.activity import simulate
from tests.helpers.stores import START
from tests.helpers.sync_sites import ADMIN_PASSWORD, Site, make_site
from tests.helpers.township import accept_here, county_item

pytestmark = pytest.mark.postgres


def _work(site: Site, days: int, seed: int) -> None:
    simulate(site.uow, site.clock, days, seed, site.clock.now().date() + timedelta(days=days))


def _counts(site: Site, code: str) -> dict[str, int]:
    uow = site.uow()
    with uow.read():
        return uow.sync.site_counts(code)


def _catch_up(county: Site, *towns: Site) -> None:
    """The county's clock is no earlier than the townships' (bundles are carried later)."""
    county.clock.set(max(t.clock.now() for t in (county, *towns)) + timedelta(minutes=5))


def _up(town: Site, folder: Path, name: str) -> Path:
    return export_bundle(town.uow(), town.admin(), folder / name).path


def _in(site: Site, path: Path) -> object:
    return import_bundle(site.uow(), site.admin(), path)


@pytest.fixture
def sites() -> Iterator[list[Site]]:
    made: list[Site] = []
    yield made
    for site in made:
        site.store.dispose()


def test_a_county_and_two_townships_through_a_week(
    pg_schema_url: tuple[str, dict[str, object]], tmp_path: Path, sites: list[Site]
) -> None:
    url, kwargs = pg_schema_url
    county = make_site(url, kwargs, "QH", SiteLevel.COUNTY, "QH", START, tmp_path / "QH")
    sites.append(county)
    county_item(county)  # 乡镇代收、县级审批: made and published at the county, it reaches the
    publish_item(county.uow(), county.admin(), "C-001")  # townships in their enrolment files
    towns = [enrol(county, code, tmp_path) for code in ("QH-LS", "QH-HT")]
    sites.extend(towns)
    t1, t2 = towns
    usb = tmp_path / "usb"
    usb.mkdir()

    # round 1: both work two days; the county imports T2 first, then T1 twice
    _work(t1, 2, 11)
    _work(t2, 2, 12)
    b1, c1 = _up(t1, usb, "b1.zip"), _up(t2, usb, "c1.zip")
    _catch_up(county, t1, t2)
    _in(county, c1)
    _in(county, b1)
    assert import_bundle(county.uow(), county.admin(), b1).already_imported
    d1 = export_bundle(county.uow(), county.admin(), usb / "d1.zip", to_site="QH-LS").path
    export_bundle(county.uow(), county.admin(), usb / "e1.zip", to_site="QH-HT")  # lost
    _in(t1, d1)

    # round 2: T1's bundle is lost; T2's arrives
    _work(t1, 2, 21)
    _work(t2, 2, 22)
    b2 = _up(t1, usb, "b2.zip")
    c2 = _up(t2, usb, "c2.zip")
    _catch_up(county, t1, t2)
    _in(county, c2)

    # round 3: T1's next bundle carries what b2 did; b2 turning up later is refused
    _work(t1, 2, 31)
    _work(t2, 1, 32)
    handed = _hand_over_one(t1)  # travels up in b3 for the county to decide
    b3 = _up(t1, usb, "b3.zip")
    _catch_up(county, t1, t2)
    result = import_bundle(county.uow(), county.admin(), b3)
    assert result.gap == (2,)
    with pytest.raises(BundleRefused, match="早于已导入"):
        _in(county, b2)

    # the county decides the case T1 handed over, and hands it back; the decision travels down
    decided = _decide_and_hand_back(county, handed)
    d2 = export_bundle(county.uow(), county.admin(), usb / "d2.zip", to_site="QH-LS")
    assert d2.counts.get("case_file") == 1 and d2.counts.get("case_event", 0) >= 1
    e2 = export_bundle(county.uow(), county.admin(), usb / "e2.zip", to_site="QH-HT").path
    _in(t1, d2.path)
    assert import_bundle(t2.uow(), t2.admin(), e2).gap == (1,)
    with t1.store.engine.connect() as conn:
        state, home = conn.execute(
            text("SELECT state, owner_site_id = site_id FROM case_file WHERE number = :n"),
            {"n": decided},
        ).one()
    assert state == "decided" and home  # back at T1, which delivers it

    # last round, imported in reverse order
    b4, c3 = _up(t1, usb, "b4.zip"), _up(t2, usb, "c3.zip")
    _catch_up(county, t1, t2)
    _in(county, c3)
    _in(county, b4)
    # nothing bounces: what the county took from T1 does not travel back down
    d3 = export_bundle(county.uow(), county.admin(), usb / "d3.zip", to_site="QH-LS")
    assert d3.rows == 0

    for town in towns:
        own = _counts(town, town.code)
        assert own["case_file"] > 0 and own["visit"] > 0
        assert _counts(county, town.code) == own, town.code
    status = {s.site_code: s for s in sync_status(county.uow(), county.admin())}
    assert status["QH-LS"].last_imported_seq == 4 and status["QH-LS"].gaps == (2,)
    assert status["QH-HT"].last_imported_seq == 3 and not status["QH-HT"].gaps
    for town in towns:  # the county has each township's whole chain, up to its last export
        with town.store.engine.connect() as conn:
            exported = conn.execute(
                text("SELECT max(seq) FROM audit_event WHERE action = 'sync_bundle_exported'")
            ).scalar_one()
        assert status[town.code].audit_seq == exported

    # a receipt printed at T1 verifies at the county and at T2
    with t1.store.engine.connect() as conn:
        number, day = conn.execute(
            text("SELECT number, accepted_day FROM case_file ORDER BY id LIMIT 1")
        ).one()
    payload = sign_document(t1.uow(), DocumentKind.RECEIPT, number, _as_date(day))
    for elsewhere in (county, t2):
        checked = verify_payload(elsewhere.uow(), payload)
        assert checked.trusted and checked.site_code == "QH-LS", checked.describe()
    assert "case " in verify_payload(t1.uow(), payload).record


def _as_date(value: object):  # type: ignore[no-untyped-def]
    from datetime import date

    return value if isinstance(value, date) else date.fromisoformat(str(value))


def enrol(county: Site, code: str, tmp_path: Path) -> Site:
    """A township enrolled from the county: registered there, set up from the enrolment file
    (a demo hall, for the week of work), its public key file taken back to the county."""
    boss = county.admin()
    add_site(county.uow(), boss, code, f"{code} 便民服务中心", "township")
    enrolment = write_enrolment(county.uow(), boss, code, tmp_path / f"{code}.enrol")
    engine = make_engine(f"sqlite:///{tmp_path / (code + '.sqlite3')}")
    ensure_schema(engine, None)
    clock = ManualClock(START)
    store = SqlStore(engine, clock)
    done = enrol_township(
        store.unit_of_work(), open_enrolment(enrolment.path), ADMIN_PASSWORD, demo=True
    )
    import_site_keys(county.uow(), boss, done.public_key_file)
    folder = tmp_path / code
    folder.mkdir()
    return Site(code, store, clock, folder)


def _hand_over_one(town: Site) -> str:
    """A case of the county-decided item accepted at the township and handed over (app.handover)."""
    clerk = login(town.uow(), "zhangwei", DEMO_PASSWORD)
    item = current_version(town.uow(), "C-001")  # as the enrolment file brought it
    number = accept_here(town, clerk, item)
    case = find_case_by_number(town.uow(), clerk, number)
    assert case is not None
    hand_over(town.uow(), clerk, case.id, "QH", "县水利局审批")
    return number


def _decide_and_hand_back(county: Site, number: str) -> str:
    """The county decides the township's case (only the owning site may) and hands it back."""
    supervisor = login(county.uow(), "sunli", DEMO_PASSWORD)
    case = find_case_by_number(county.uow(), supervisor, number)
    assert case is not None
    decide_case(county.uow(), supervisor, case.id, case.row_version, "approved", note="县级审批")
    hand_back(county.uow(), supervisor, case.id)
    return number

"""Who may send what between the county and its townships, with bundles signed by a site's
real key (every site's key is in every site's trust list, so a valid signature alone does not
make a bundle acceptable):

- a "down" bundle comes only from this township's own county, never from another township;
- an "up" bundle carries only the sending township's rows: never the county's own identity or
  a third site's, nor a reference to the county's own case;
- a bundle of records is sealed for its addressee;
- an up bundle re-sent before the county's down bundle reached the township (the same rows,
  unchanged) does not undo what the county did since.

The county QH and its townships QH-LS and QH-DW are set up as in test_handover_travel.py; a
crafted bundle is a real bundle's records reread and written again with ``write_bundle``,
signed by the chosen site's key from the key store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.auth import login
from app.cases import queries, service
from app.cases.lifecycle import CaseState
from app.cases.records import CaseRecord
from app.catalog.publication import publish_item
from app.catalog.service import current_version
from app.handover import hand_back, hand_over
from app.records import SiteLevel
from app.roles import Actor
from app.sites_register import add_site
from app.sync.bundle import BundleRefused, read_bundle, write_bundle
from app.sync.service import export_bundle, import_bundle
from app.sync.trust import addressee_key, own_private_key, site_signer, trust_list
from db.models import Base
from tests.helpers.stores import START
from tests.helpers.sync_sites import Site, exchange_keys, make_site
from tests.helpers.township import accept_here, county_item

Rows = dict[str, list[dict[str, Any]]]


def clerk(site: Site) -> Actor:
    return login(site.uow(), "zhangwei", "demo-2026")


def case_at(site: Site, number: str) -> CaseRecord:
    found = queries.find_case_by_number(site.uow(), clerk(site), number)
    assert found is not None
    return found


def everything(site: Site) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to show a refused import changed nothing."""
    with site.store.engine.connect() as conn:
        return {
            t.name: sorted(tuple(map(repr, r)) for r in conn.execute(select(t)))
            for t in Base.metadata.sorted_tables
        }


def township(url: str, kwargs: dict[str, object], code: str, folder: Path) -> Site:
    town = make_site(url, kwargs, code, SiteLevel.TOWNSHIP, "QH", START, folder)
    uow = town.uow()
    with uow.write():  # the county's own row, as the township's enrolment brings it
        uow.sites.add(
            code="QH", name="QH 政务服务中心", level=SiteLevel.COUNTY, address="", phones="",
            timezone="Asia/Shanghai",
        )  # fmt: skip
    return town


def hall_of(
    url: str, kwargs: dict[str, object], tmp_path: Path, towns: tuple[str, ...]
) -> Iterator[tuple[Site, ...]]:
    county = make_site(url, kwargs, "QH", SiteLevel.COUNTY, "QH", START, tmp_path / "QH")
    sites = [county]
    for code in towns:
        town_url = f"sqlite:///{tmp_path / (code + '.sqlite3')}"
        sites.append(township(town_url, {}, code, tmp_path / code))
        add_site(county.uow(), county.admin(), code, f"{code} 便民服务中心", "township")
    for i, a in enumerate(sites):
        for b in sites[i + 1 :]:
            exchange_keys(a, b)
    county_item(county)
    publish_item(county.uow(), county.admin(), "C-001")
    for code, town in zip(towns, sites[1:], strict=True):
        down = export_bundle(county.uow(), county.admin(), tmp_path / f"{code}-0.zip", code)
        import_bundle(town.uow(), town.admin(), down.path)
    yield tuple(sites)
    for site in sites:
        site.store.dispose()


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[tuple[Site, ...]]:
    """QH, QH-LS and QH-DW, each on its own SQLite file, all keys trusted everywhere."""
    yield from hall_of(f"sqlite:///{tmp_path / 'QH.sqlite3'}", {}, tmp_path, ("QH-LS", "QH-DW"))


@pytest.fixture
def pair(engine_spec: tuple[str, dict[str, object]], tmp_path: Path) -> Iterator[tuple[Site, ...]]:
    """QH on SQLite or PostgreSQL, QH-LS on SQLite."""
    url, kwargs = engine_spec
    yield from hall_of(url, kwargs, tmp_path, ("QH-LS",))


def records_of(path: Path, reader: Site) -> tuple[dict[str, Any], Rows]:
    """A bundle's manifest fields (as write_bundle takes them) and record files, opened with
    the addressee's trust list and key."""
    uow = reader.uow()
    with uow.read():
        own = uow.sites.by_code(reader.code)
        assert own is not None
        trust = trust_list(uow, own)
    opened = read_bundle(path, trust, private_key_for=own_private_key)
    m = opened.manifest
    fields = {
        "kind": m.kind,
        "county": m.county,
        "from_site": m.from_site,
        "to_site": m.to_site,
        "sequence": m.sequence,
        "created_at": m.created_at,
        "previous": m.previous,
        "audit_head": m.audit_head,
        "extra": m.extra,
    }
    return fields, {k: list(opened.rows(k)) for k in opened.kinds()}


def signed_by(
    signer_site: Site, path: Path, fields: dict[str, Any], files: Rows, *, seal: bool = True
) -> Path:
    """A bundle signed with ``signer_site``'s real key, sealed for ``fields["to_site"]``
    unless ``seal`` is False."""
    uow = signer_site.uow()
    with uow.write():  # site_signer may make the key of an older database
        own = uow.sites.by_code(signer_site.code)
        assert own is not None
        signer = site_signer(uow, own)
        recipient = addressee_key(trust_list(uow, own), fields["to_site"]) if seal else None
    write_bundle(path, fields, files, signer, recipient=recipient)
    return path


def refused(site: Site, path: Path, match: str) -> None:
    """The import is refused in one line, and nothing at ``site`` changed."""
    admin = site.admin()  # logging in is recorded: before the picture
    before = everything(site)
    with pytest.raises(BundleRefused, match=match) as caught:
        import_bundle(site.uow(), admin, path)
    assert caught.value.message.strip() and "\n" not in caught.value.message
    assert everything(site) == before


def test_a_down_bundle_from_another_township_is_refused(
    hall: tuple[Site, ...], tmp_path: Path
) -> None:
    county, ls, dw = hall
    number = accept_here(dw, clerk(dw), current_version(dw.uow(), "C-001"))
    up = export_bundle(dw.uow(), dw.admin(), tmp_path / "dw-up1.zip")
    fields, files = records_of(up.path, county)
    assert files["case_file"]  # DW's own case: real records, signed by DW's real key
    fields.update(kind="down", to_site="QH-LS", audit_head=None, extra={})
    files.pop("audit_event", None)
    forged = signed_by(dw, tmp_path / "dw-down.zip", fields, files)
    refused(ls, forged, "只能来自本县县级中心（QH），这个来自 QH-DW")
    assert queries.find_case_by_number(ls.uow(), clerk(ls), number) is None


def _town_up(county: Site, ls: Site, tmp_path: Path) -> tuple[Path, dict[str, Any], Rows]:
    accept_here(ls, clerk(ls), current_version(ls.uow(), "C-001"))
    up = export_bundle(ls.uow(), ls.admin(), tmp_path / "ls-up1.zip")
    fields, files = records_of(up.path, county)
    assert files["case_file"] and files["case_event"]
    return up.path, fields, files


def _county_case(county: Site) -> CaseRecord:
    """A case the county accepted itself."""
    item = current_version(county.uow(), "C-001")
    return case_at(county, accept_here(county, clerk(county), item))


def _first(files: Rows, table: str, change: Callable[[dict[str, Any]], None]) -> Rows:
    changed = {k: [dict(r) for r in v] for k, v in files.items()}
    change(changed[table][0])
    return changed


@pytest.mark.parametrize(
    ("table", "change", "whose"),
    [
        ("case_file", lambda row, own: row.update(_id=["QH", own]), "QH"),
        ("case_file", lambda row, own: row.update(_id=["QH-DW", 1]), "QH-DW"),
        ("case_event", lambda row, own: row.update(_id=["QH", own]), "QH"),
        ("case_event", lambda row, own: row.update(case_id=["QH", own]), "QH"),
    ],
    ids=["county-identity", "third-site-identity", "county-event", "fk-to-county-case"],
)
def test_an_up_bundle_with_rows_not_the_townships_is_refused(
    hall: tuple[Site, ...],
    tmp_path: Path,
    table: str,
    change: Callable[[dict[str, Any], int], None],
    whose: str,
) -> None:
    county, ls, _ = hall
    own = _county_case(county)
    _, fields, files = _town_up(county, ls, tmp_path)
    forged = signed_by(
        ls, tmp_path / "forged.zip", fields, _first(files, table, lambda r: change(r, own.id))
    )
    refused(county, forged, f"属于 {whose}，不是发送站点的记录")
    kept = case_at(county, own.number)
    assert kept == own


def test_the_untouched_bundle_of_the_same_records_is_taken(
    hall: tuple[Site, ...], tmp_path: Path
) -> None:
    """The crafting itself is sound: the same records re-signed unchanged import."""
    county, ls, _ = hall
    _, fields, files = _town_up(county, ls, tmp_path)
    again = signed_by(ls, tmp_path / "again.zip", fields, files)
    result = import_bundle(county.uow(), county.admin(), again)
    assert result.counts["case_file"].new == len(files["case_file"])


def test_an_unsealed_up_bundle_of_records_is_refused(
    hall: tuple[Site, ...], tmp_path: Path
) -> None:
    county, ls, _ = hall
    _, fields, files = _town_up(county, ls, tmp_path)
    bare = signed_by(ls, tmp_path / "bare.zip", fields, files, seal=False)
    refused(county, bare, "没有为本站点加密")


@pytest.mark.parametrize("down_first", [True, False], ids=["down-made-first", "down-made-after"])
def test_a_stale_re_send_does_not_undo_the_countys_decision(
    pair: tuple[Site, ...], tmp_path: Path, down_first: bool
) -> None:
    county, town = pair
    number = accept_here(town, clerk(town), current_version(town.uow(), "C-001"))
    accepted = case_at(town, number)
    hand_over(town.uow(), clerk(town), accepted.id, "QH", "水利局审批")
    up1 = export_bundle(town.uow(), town.admin(), tmp_path / "up1.zip")
    import_bundle(county.uow(), county.admin(), up1.path)
    there = case_at(county, number)
    decided = service.decide_case(
        county.uow(), clerk(county), there.id, there.row_version, "approved", "准予取水"
    )
    back = hand_back(county.uow(), clerk(county), decided.id, "请乡镇送达")
    if down_first:
        down = export_bundle(county.uow(), county.admin(), tmp_path / "down1.zip", "QH-LS")
    # The township, not yet having the down bundle, sends again what the county holds.
    up2 = export_bundle(town.uow(), town.admin(), tmp_path / "up2.zip")
    assert up2.counts.get("case_file", 0) >= 1  # the handed-over case re-sent, unchanged
    import_bundle(county.uow(), county.admin(), up2.path)
    still = case_at(county, number)
    assert still.state is CaseState.DECIDED and still.decision == "approved"
    assert still.owner_site_id == still.site_id  # the township's again, as handed back
    assert still.row_version == back.row_version
    if not down_first:
        down = export_bundle(county.uow(), county.admin(), tmp_path / "down1.zip", "QH-LS")
    import_bundle(town.uow(), town.admin(), down.path)
    home = case_at(town, number)
    assert home.owner_site_id == home.site_id and home.state is CaseState.DECIDED
    delivered = service.deliver_case(town.uow(), clerk(town), home.id, home.row_version, "mail")
    assert delivered.state is CaseState.DELIVERED
    up3 = export_bundle(town.uow(), town.admin(), tmp_path / "up3.zip")
    import_bundle(county.uow(), county.admin(), up3.path)
    assert case_at(county, number).state is CaseState.DELIVERED

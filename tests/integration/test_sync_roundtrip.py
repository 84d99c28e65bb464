"""An up bundle's round trip between a township and its county on SQLite (the PostgreSQL
county is in tests/e2e/test_sync_county.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.records import SiteLevel
from app.sync.bundle import BundleRefused
from app.sync.service import export_bundle, import_bundle, preview_import, sync_status
from db.engine import make_engine
from db.store import SqlStore
from sim.demo.activity import simulate
from tests.helpers.stores import START
from tests.helpers.sync_sites import Site, exchange_keys, make_site
from tests.helpers.tamper import unguarded


def _site(tmp_path: Path, code: str, level: SiteLevel) -> Site:
    url = f"sqlite:///{tmp_path / (code + '.sqlite3')}"
    return make_site(url, {}, code, level, "QH", START, tmp_path / code)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Site, Site]:
    county = _site(tmp_path, "QH", SiteLevel.COUNTY)
    town = _site(tmp_path, "QH-LS", SiteLevel.TOWNSHIP)
    exchange_keys(county, town)
    return county, town


def _work(site: Site, days: int, seed: int) -> None:
    end = site.clock.now().date() + timedelta(days=days)
    simulate(site.uow, site.clock, days, seed, end)


def _counts(site: Site, code: str) -> dict[str, int]:
    uow = site.uow()
    with uow.read():
        return uow.sync.site_counts(code)


def test_up_round_trip_is_complete_and_idempotent(pair: tuple[Site, Site], tmp_path: Path) -> None:
    county, town = pair
    _work(town, 3, 1)
    first = export_bundle(town.uow(), town.admin(), tmp_path / "up1.zip")
    assert first.kind == "up" and first.sequence == 1 and first.counts["case_file"] > 0
    preview = preview_import(county.uow(), county.admin(), first.path)
    assert preview.new_rows == first.rows and not preview.gap
    result = import_bundle(county.uow(), county.admin(), first.path)
    assert result.new_rows == first.rows and result.audit_events_new == first.audit_events
    town_counts = _counts(town, "QH-LS")
    county_counts = _counts(county, "QH-LS")
    assert county_counts == town_counts and town_counts["case_file"] > 0
    again = import_bundle(county.uow(), county.admin(), first.path)
    assert again.already_imported and _counts(county, "QH-LS") == town_counts
    status = {s.site_code: s for s in sync_status(county.uow(), county.admin())}
    assert status["QH-LS"].last_imported_seq == 1 and not status["QH-LS"].gaps
    assert status["QH-LS"].audit_seq == first.audit_events  # the whole chain, from seq 1


def test_a_lost_bundle_is_no_loss_and_its_gap_is_named(
    pair: tuple[Site, Site], tmp_path: Path
) -> None:
    county, town = pair
    _work(town, 2, 2)
    export_bundle(town.uow(), town.admin(), tmp_path / "up1.zip")  # lost on the way
    _work(town, 2, 3)
    second = export_bundle(town.uow(), town.admin(), tmp_path / "up2.zip")
    result = import_bundle(county.uow(), county.admin(), second.path)
    assert result.gap == (1,)
    assert _counts(county, "QH-LS") == _counts(town, "QH-LS")
    with pytest.raises(BundleRefused, match="早于已导入"):
        import_bundle(county.uow(), county.admin(), tmp_path / "up1.zip")
    status = {s.site_code: s for s in sync_status(county.uow(), county.admin())}
    assert status["QH-LS"].gaps == (1,)


def test_acknowledgements_travel_down_and_shrink_the_next_up_bundle(
    pair: tuple[Site, Site], tmp_path: Path
) -> None:
    county, town = pair
    _work(town, 2, 4)
    up1 = export_bundle(town.uow(), town.admin(), tmp_path / "up1.zip")
    import_bundle(county.uow(), county.admin(), up1.path)
    down = export_bundle(county.uow(), county.admin(), tmp_path / "down1.zip", to_site="QH-LS")
    # nothing of the township's changed at the county: only the acknowledgement travels
    assert down.rows == 0
    back = import_bundle(town.uow(), town.admin(), down.path)
    assert back.acknowledged_seq == 1
    up2 = export_bundle(town.uow(), town.admin(), tmp_path / "up2.zip")
    assert up2.rows == 0 and up2.audit_events < up1.audit_events
    import_bundle(county.uow(), county.admin(), up2.path)
    assert _counts(county, "QH-LS") == _counts(town, "QH-LS")


def test_a_truncated_township_history_is_named_and_refused(
    pair: tuple[Site, Site], tmp_path: Path
) -> None:
    county, town = pair
    _work(town, 2, 5)
    old = town.store.backup(tmp_path / "old.sqlite3")
    up1 = export_bundle(town.uow(), town.admin(), tmp_path / "up1.zip")
    import_bundle(county.uow(), county.admin(), up1.path)
    # the township restores its old backup (made before up1) and exports again
    town.clock.advance(timedelta(hours=20))
    engine = make_engine(f"sqlite:///{old}")
    restored = Site("QH-LS", SqlStore(engine, town.clock), town.clock, town.folder)
    again = export_bundle(restored.uow(), restored.admin(), tmp_path / "again.zip")
    with pytest.raises(BundleRefused, match="截断"):
        import_bundle(county.uow(), county.admin(), again.path)
    engine.dispose()


def test_a_rewritten_township_history_is_named_and_refused(
    pair: tuple[Site, Site], tmp_path: Path
) -> None:
    county, town = pair
    _work(town, 2, 6)
    up1 = export_bundle(town.uow(), town.admin(), tmp_path / "up1.zip")
    import_bundle(county.uow(), county.admin(), up1.path)
    with unguarded(town.store.engine) as conn:  # an insider edits an old event
        conn.execute(
            text("UPDATE audit_event SET summary = '{}', hash = :h WHERE seq = 5"), {"h": "ab" * 32}
        )
        conn.execute(text("UPDATE audit_event SET prev_hash = :h WHERE seq = 6"), {"h": "ab" * 32})
    before = _counts(county, "QH-LS")
    up2 = export_bundle(town.uow(), town.admin(), tmp_path / "up2.zip")
    with pytest.raises(BundleRefused, match=r"QH-LS 的审计链第 5 条.*改写"):
        import_bundle(county.uow(), county.admin(), up2.path)
    assert _counts(county, "QH-LS") == before

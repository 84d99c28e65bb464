"""An up bundle's round trip between a township and its county on SQLite (the PostgreSQL
county is in tests/e2e/test_sync_county.py)."""

from __future__ import annotations

import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.audit import verify
from app.signing import rotate_site_key
from app.sync.bundle import BundleRefused
from app.sync.service import export_bundle, import_bundle, preview_import, sync_status
from db.engine import make_engine
from db.store import SqlStore
from sim.demo.activity import simulate
from tests.helpers.stores import START
from tests.helpers.sync_sites import Site, sqlite_pair
from tests.helpers.tamper import unguarded


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Site, Site]:
    return sqlite_pair(tmp_path, START)


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
    assert verify(county.uow()).ok  # the county's own chain is untouched by the township's


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
    preview = preview_import(town.uow(), town.admin(), down.path)
    assert preview.kind == "down" and preview.new_rows == 0 and not preview.already_imported
    steps: list[tuple[int, int, str]] = []
    back = import_bundle(town.uow(), town.admin(), down.path, progress=lambda *s: steps.append(s))
    assert back.acknowledged_seq == 1
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1]  # a progress bar from 0 to full
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


def test_a_bundle_naming_what_the_county_lacks_is_refused_whole(
    pair: tuple[Site, Site], tmp_path: Path
) -> None:
    county, town = pair
    _work(town, 2, 7)
    up1 = export_bundle(town.uow(), town.admin(), tmp_path / "up1.zip")
    with town.store.engine.connect() as conn:
        used = conn.execute(
            text(
                "SELECT i.code FROM case_file c JOIN service_item_version v "
                "ON v.id = c.item_version_id JOIN service_item i ON i.id = v.item_id "
                "ORDER BY c.id LIMIT 1"
            )
        ).scalar_one()
    with county.store.engine.begin() as conn:  # the county's catalog lacks an item T used
        conn.execute(
            text("UPDATE service_item SET code = code || '-OLD' WHERE code = :c"), {"c": used}
        )
    with pytest.raises(BundleRefused, match="本机没有数据包引用的事项"):
        import_bundle(county.uow(), county.admin(), up1.path)
    assert _counts(county, "QH-LS") == {}  # not even the township's site: nothing half-done
    status = sync_status(county.uow(), county.admin())
    assert all(s.last_imported_seq == 0 for s in status)


def test_a_row_colliding_with_one_at_the_county_refuses_the_bundle(
    pair: tuple[Site, Site], tmp_path: Path
) -> None:
    county, town = pair
    _work(town, 2, 8)
    up1 = export_bundle(town.uow(), town.admin(), tmp_path / "up1.zip")
    with town.store.engine.connect() as conn:
        number = conn.execute(text("SELECT number FROM visit ORDER BY id LIMIT 1")).scalar_one()
    with county.store.engine.begin() as conn:  # the county holds a visit under that number
        conn.execute(
            text(
                "INSERT INTO visit (number, site_id, visitor_name, phone, id_number, question, "
                "visit_type, needs_escort, first_responder_id, holder_id, state, registered_at, "
                "outcome, outcome_text, outcome_ref, guide_code, row_version) VALUES (:n, 1, '', "
                "'', '', '?', 'consultation', 0, 1, 1, 'open', '2026-11-24T01:30:00.000000Z', "
                "'', '', '', '', 1)"
            ),
            {"n": number},
        )
    with pytest.raises(BundleRefused, match="与本机记录冲突"):
        import_bundle(county.uow(), county.admin(), up1.path)
    assert _counts(county, "QH-LS") == {}


def test_a_bundle_sealed_for_the_countys_previous_key_still_opens_there(
    pair: tuple[Site, Site], tmp_path: Path
) -> None:
    county, town = pair
    _work(town, 1, 9)
    up1 = export_bundle(town.uow(), town.admin(), tmp_path / "up1.zip")
    rotate_site_key(county.uow(), county.admin())  # the retired private key stays in the store
    assert import_bundle(county.uow(), county.admin(), up1.path).new_rows == up1.rows
    with zipfile.ZipFile(up1.path) as zf:  # and nothing personal is readable on the stick
        sealed = b"".join(zf.read(n) for n in zf.namelist() if n.endswith(".jsonl"))
    with town.store.engine.connect() as conn:
        phone = conn.execute(text("SELECT phone FROM case_file WHERE phone <> '' LIMIT 1")).scalar()
    assert phone and phone.encode() not in sealed

"""Property: importing a township's bundles in any order, any of them twice, gives the county
the same records as importing the newest alone; what it refuses is exactly the older ones,
and the gaps it names are exactly the sequences it never imported."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.records import SiteLevel
from app.sync.bundle import BundleRefused
from app.sync.service import export_bundle, import_bundle
from db.engine import make_engine
from db.store import SqlStore
from sim.demo.activity import simulate
from tests.helpers.stores import START
from tests.helpers.sync_sites import Site, exchange_keys, make_site

BUNDLES = 4


class World:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.county = make_site(
            f"sqlite:///{folder / 'county.sqlite3'}",
            {},
            "QH",
            SiteLevel.COUNTY,
            "QH",
            START,
            folder / "QH",
        )
        self.town = make_site(
            f"sqlite:///{folder / 'town.sqlite3'}",
            {},
            "QH-LS",
            SiteLevel.TOWNSHIP,
            "QH",
            START,
            folder / "QH-LS",
        )
        exchange_keys(self.county, self.town)
        self.county.store.dispose()  # the template every example copies
        self.bundles: list[Path] = []
        for n in range(1, BUNDLES + 1):
            end = self.town.clock.now().date() + timedelta(days=3)  # a working day at least
            simulate(self.town.uow, self.town.clock, 3, 100 + n, end)
            path = folder / f"up{n}.zip"
            export_bundle(self.town.uow(), self.town.admin(), path)
            self.bundles.append(path)

    def fresh_county(self, where: Path) -> Site:
        shutil.copy(self.folder / "county.sqlite3", where / "county.sqlite3")
        engine = make_engine(f"sqlite:///{where / 'county.sqlite3'}")
        clock = self.county.clock
        clock.set(self.town.clock.now() + timedelta(hours=1))
        return Site("QH", SqlStore(engine, clock), clock, where)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    made = World(tmp_path_factory.mktemp("sync-world"))
    yield made
    made.town.store.dispose()


def _content(county: Site) -> list[str]:
    """The township's records at the county, as a bundle would write them (ids here play
    no part)."""
    uow = county.uow()
    with uow.read():
        files, _sent = uow.sync.changed_rows("QH", "probe", "QH-LS")
    return sorted(
        json.dumps([kind, row], sort_keys=True, ensure_ascii=False)
        for kind, rows in files.items()
        for row in rows
    )


@pytest.fixture(scope="module")
def reference(world: World) -> dict[int, list[str]]:
    """Per sequence number, the county's content after importing that bundle alone."""
    found = {}
    for seq, bundle in enumerate(world.bundles, start=1):
        with tempfile.TemporaryDirectory() as where:
            county = world.fresh_county(Path(where))
            import_bundle(county.uow(), county.admin(), bundle)
            found[seq] = _content(county)
            county.store.dispose()
    assert all(found[n] != found[n + 1] for n in range(1, BUNDLES))  # each adds something
    return found


orders = st.lists(st.integers(min_value=0, max_value=BUNDLES - 1), min_size=1, max_size=7)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=orders)
def test_import_is_idempotent_and_independent_of_order(
    world: World, reference: dict[int, list[str]], order: list[int]
) -> None:
    with tempfile.TemporaryDirectory() as where:
        county = world.fresh_county(Path(where))
        newest = 0
        imported: set[int] = set()
        gaps: set[int] = set()
        for index in order:
            seq = index + 1
            try:
                result = import_bundle(county.uow(), county.admin(), world.bundles[index])
            except BundleRefused:
                assert seq < newest  # only an older one is refused
                continue
            if result.already_imported:
                assert seq in imported
                continue
            assert seq > newest
            gaps |= set(result.gap)
            imported.add(seq)
            newest = seq
        assert gaps == set(range(1, newest)) - imported
        assert _content(county) == reference[newest]
        county.store.dispose()

"""One county of sites (issue #16, items 1-2): the county's register, numbers unique across
the county by their site prefix, the county-owned content a township applies (only what is
newer, never what the township owns), and enrolling a township PC from the county's signed
enrolment file. The county on PostgreSQL and the townships on SQLite, and the other way."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import settings
from app.auth import login
from app.calendar import set_day
from app.catalog import publication
from app.catalog.service import (
    current_version,
    deactivate_item,
    draft_of,
    list_items,
    save_item,
)
from app.clock import ManualClock
from app.context import AppContext
from app.errors import DomainError, ValidationError
from app.numbering import NumberKind, format_number, next_number, parse_number
from app.roles import Actor
from app.setup import initialize
from app.signing import rotate_site_key
from app.sites_register import (
    NEW_SITE_CODE,
    add_site,
    apply_county_content,
    content_since,
    county_content,
    enrol_township,
    fingerprint,
    import_site_keys,
    list_sites,
    open_enrolment,
    trust_list,
    write_enrolment,
)
from app.sync.bundle import BundleRefused
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore

PASSWORD = "admin-2026"
TOWN_PASSWORD = "town-admin-2026"


def admin(ctx: AppContext, password: str = PASSWORD) -> Actor:
    return login(ctx.uow(), "admin", password)


def open_ctx(url: str, kwargs: dict[str, object], clock: ManualClock, folder: Path) -> AppContext:
    engine = make_engine(url, **kwargs)
    ensure_schema(engine, None)
    return AppContext(store=SqlStore(engine, clock), clock=clock, data_dir=folder)


@pytest.fixture
def county(demo_ctx: AppContext) -> AppContext:
    """A county center (the demo hall, QH) on the engine under test."""
    return demo_ctx


@pytest.fixture
def township_store(tmp_path: Path, clock: ManualClock) -> Iterator[AppContext]:
    folder = tmp_path / "township"
    folder.mkdir()
    ctx = open_ctx(f"sqlite:///{folder / 'frontdesk.sqlite3'}", {}, clock, folder)
    yield ctx
    ctx.store.dispose()  # type: ignore[attr-defined]


def enrol(county: AppContext, township: AppContext, tmp_path: Path, code: str = "QHXZ"):  # type: ignore[no-untyped-def]
    boss = admin(county)
    add_site(county.uow(), boss, code, "清河县西镇便民服务中心", "township")
    out = tmp_path / f"{code}.enrol"
    write_enrolment(county.uow(), boss, code, out)
    return enrol_township(township.uow(), open_enrolment(out), TOWN_PASSWORD)


def catalog_view(ctx: AppContext) -> list[tuple[object, ...]]:
    view = []
    for summary in list_items(ctx.uow(), include_inactive=True):
        version = current_version(ctx.uow(), summary.code)
        view.append(
            (
                summary.code,
                summary.active,
                version.version_no,
                version.published,
                draft_of(version),
            )
        )
    return view


def calendar_view(ctx: AppContext) -> tuple[list[tuple[object, ...]], set[int]]:
    uow = ctx.uow()
    with uow.read():
        days = [(d.day, d.is_workday, d.name) for d in uow.calendar.days()]
        return days, uow.calendar.years()


# -- the register ------------------------------------------------------------------------


def test_the_county_registers_townships_and_refuses_bad_codes_kinds_and_duplicates(
    county: AppContext,
) -> None:
    boss = admin(county)
    site = add_site(county.uow(), boss, " qhxz ", "清河县西镇便民服务中心", "township")
    assert (site.code, site.kind.value, site.county_code) == ("QHXZ", "township", "QH")
    for code, kind, field in (
        ("QHXZ", "township", "code"),  # already registered
        ("QH", "township", "code"),  # the county itself
        ("X", "township", "code"),  # too short
        ("QH-1", "township", "code"),  # a part like a serial would blur its numbers
        ("QH-", "township", "code"),
        ("QH-LS-X", "township", "code"),
        ("QHDZ", "city", "kind"),
        ("QHDZ", "county", "kind"),  # the county is this installation
    ):
        with pytest.raises(ValidationError) as refused:
            add_site(county.uow(), boss, code, "某镇", kind)
        assert field in refused.value.errors and "\n" not in refused.value.message
    listed = list_sites(county.uow(), boss)
    assert [(s.site.code, s.site.kind.value) for s in listed] == [
        ("QH", "county"),
        ("QHXZ", "township"),
    ]
    assert listed[0].current_fingerprint and not listed[1].current_fingerprint


def test_numbers_of_two_sites_never_collide(county: AppContext) -> None:
    boss = admin(county)
    add_site(county.uow(), boss, "QHXZ", "清河县西镇便民服务中心", "township")
    uow = county.uow()
    day = date(2026, 11, 24)
    numbers = set()
    with uow.write():
        sites = [uow.sites.by_code("QH"), uow.sites.by_code("QHXZ")]
        for site in sites:
            assert site is not None
            for kind in NumberKind:
                for _ in range(3):
                    number = next_number(uow.numbers, site.id, site.code, kind, day)
                    parsed = parse_number(number)
                    assert parsed is not None and parsed.site_code == site.code
                    numbers.add(number)
    assert len(numbers) == 2 * len(NumberKind) * 3  # same serials per site, never one number


@given(
    st.from_regex(NEW_SITE_CODE, fullmatch=True),
    st.from_regex(NEW_SITE_CODE, fullmatch=True),
    st.sampled_from(list(NumberKind)),
    st.sampled_from(list(NumberKind)),
    st.integers(1, 99999),
    st.integers(1, 99999),
)
def test_a_number_names_its_site_so_two_sites_cannot_share_one(
    a: str, b: str, kind_a: NumberKind, kind_b: NumberKind, serial_a: int, serial_b: int
) -> None:
    day = date(2026, 11, 24)
    first = format_number(a, kind_a, day, serial_a)
    second = format_number(b, kind_b, day, serial_b)
    parsed = parse_number(first)
    assert parsed is not None and parsed.site_code == a
    assert (parsed.kind, parsed.day, parsed.serial) == (kind_a, day, serial_a)
    if a != b:
        assert first != second


# -- enrolment ---------------------------------------------------------------------------


def county_on_postgres(
    pg_schema_url: tuple[str, dict[str, object]], clock: ManualClock, tmp_path: Path
) -> AppContext:
    url, kwargs = pg_schema_url
    ctx = open_ctx(url, kwargs, clock, tmp_path)
    initialize(ctx.uow(), PASSWORD, demo=True)
    return ctx


def test_a_township_enrolled_from_the_county_has_the_county_catalog_calendar_and_keys(
    pg_schema_url: tuple[str, dict[str, object]],
    clock: ManualClock,
    tmp_path: Path,
    township_store: AppContext,
) -> None:
    county = county_on_postgres(pg_schema_url, clock, tmp_path)
    boss = admin(county)
    set_day(county.uow(), boss, "2027-01-04", False, "县庆假日")
    settings.change(county.uow(), boss, {"yellow_ratio_percent": "30", "idle_lock_minutes": "15"})
    rotate_site_key(county.uow(), boss)  # the old key travels too, as retired

    result = enrol(county, township_store, tmp_path)

    town = township_store
    assert (result.site_code, result.county_code) == ("QHXZ", "QH")
    assert catalog_view(town) == catalog_view(county)
    assert calendar_view(town) == calendar_view(county)
    assert settings.get(town.uow(), "yellow_ratio_percent") == 30  # the county's
    assert settings.get(town.uow(), "idle_lock_minutes") == 5  # the township's own default
    town_admin = admin(town, TOWN_PASSWORD)
    assert town_admin.site_id == result.site_id
    trust = trust_list(town.uow())
    assert (trust.county_code, trust.own_site_code) == ("QH", "QHXZ")
    county_keys = trust_list(county.uow()).keys
    assert {(k.site_code, k.public_key, k.valid_to is None) for k in county_keys} <= {
        (k.site_code, k.public_key, k.valid_to is None) for k in trust.keys
    }
    assert [k for k in trust.keys if k.site_code == "QHXZ"]  # its own signing key

    # The township's public key file, taken back to the county, joins the register.
    imported = import_site_keys(county.uow(), boss, result.public_key_file)
    assert imported.site_code == "QHXZ" and imported.fingerprint == result.own_fingerprint
    assert list_sites(county.uow(), boss)[1].current_fingerprint == result.own_fingerprint
    county.store.dispose()  # type: ignore[attr-defined]


def test_a_tampered_or_unpinned_enrolment_file_is_refused_in_one_line(
    county: AppContext, tmp_path: Path
) -> None:
    boss = admin(county)
    add_site(county.uow(), boss, "QHXZ", "清河县西镇便民服务中心", "township")
    good = tmp_path / "good.enrol"
    written = write_enrolment(county.uow(), boss, "QHXZ", good)
    opened = open_enrolment(good)
    assert written.county_fingerprint == fingerprint(opened.manifest.public_key)
    pinned = open_enrolment(good, opened.manifest.public_key.hex())
    assert pinned.id == opened.id

    tampered = tmp_path / "tampered.enrol"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "settings.jsonl":
                data = data.replace(b'"30"', b'"99"').replace(b'"20"', b'"90"')
            dst.writestr(info, data)
    truncated = tmp_path / "truncated.enrol"
    truncated.write_bytes(good.read_bytes()[:-200])
    for path, key in ((tampered, None), (truncated, None), (good, "00" * 32)):
        with pytest.raises(BundleRefused) as refused:
            open_enrolment(path, key)
        assert "\n" not in refused.value.message


# -- county content down -------------------------------------------------------------------


@pytest.fixture
def county_sqlite(tmp_path: Path, clock: ManualClock) -> Iterator[AppContext]:
    folder = tmp_path / "county"
    folder.mkdir()
    ctx = open_ctx(f"sqlite:///{folder / 'frontdesk.sqlite3'}", {}, clock, folder)
    initialize(ctx.uow(), PASSWORD, demo=True)
    yield ctx
    ctx.store.dispose()  # type: ignore[attr-defined]


@pytest.fixture
def township_any(ctx: AppContext) -> AppContext:
    """An empty database on the engine under test, to enrol a township into."""
    return ctx


def test_a_township_applies_only_newer_county_content_and_keeps_its_own(
    county_sqlite: AppContext,
    township_any: AppContext,
    clock: ManualClock,
    tmp_path: Path,
) -> None:
    county, town = county_sqlite, township_any
    boss = admin(county)
    enrolled = enrol(county, town, tmp_path)
    town_admin = admin(town, TOWN_PASSWORD)
    import_site_keys(county.uow(), boss, enrolled.public_key_file)
    since = content_since(town.uow())
    old_content = county_content(county.uow(), since)

    # The township applies the same content again: nothing changes.
    again = apply_county_content(town.uow(), town_admin, old_content)
    assert (again.versions_added, again.days_changed, again.keys_added) == (0, 0, 0)

    # The county's parts are not edited at a township: they would collide with the county's.
    with pytest.raises(DomainError, match="县级中心"):
        save_item(town.uow(), town_admin, draft_of(current_version(town.uow(), "MZ-001")))
    with pytest.raises(DomainError, match="县级中心"):
        deactivate_item(town.uow(), town_admin, "MZ-001")
    with pytest.raises(ValidationError) as county_owned:
        settings.change(town.uow(), town_admin, {"yellow_ratio_percent": "10"})
    assert list(county_owned.value.errors) == ["yellow_ratio_percent"]

    # The township's own things: a local setting, a local day entered later, its own key.
    clock.advance(timedelta(hours=1))
    settings.change(town.uow(), town_admin, {"idle_lock_minutes": "9"})
    set_day(town.uow(), town_admin, "2027-02-01", False, "镇庙会")
    town_key = rotate_site_key(town.uow(), town_admin)

    # The county changes its catalog, a setting, its calendar and revokes its old key.
    clock.advance(timedelta(hours=1))
    first = list_items(county.uow())[0]
    draft = draft_of(current_version(county.uow(), first.code))
    newer = save_item(
        county.uow(),
        boss,
        replace(draft, name="新名称（县级修订）", base_version_id=first.version_id),
    )
    publication.publish_version(county.uow(), boss, newer)
    settings.change(county.uow(), boss, {"yellow_ratio_percent": "40", "idle_lock_minutes": "1"})
    set_day(county.uow(), boss, "2027-03-01", False, "县级假日")
    clock.advance(timedelta(hours=1))
    new_content = county_content(county.uow(), since)
    # what was published since (with the overlap that re-sends the minutes before it)
    assert "新名称（县级修订）" in [v["name"] for v in new_content["catalog_versions"]]
    clock.advance(timedelta(hours=1))
    quiet = county_content(county.uow(), {"catalog": clock.now().isoformat()})
    assert quiet["catalog_versions"] == [] and quiet["trust"]  # the small parts always whole

    applied = apply_county_content(town.uow(), town_admin, new_content)
    assert applied.newer and applied.versions_added == 1 and applied.days_changed == 1
    assert current_version(town.uow(), first.code).name == "新名称（县级修订）"
    assert settings.get(town.uow(), "yellow_ratio_percent") == 40
    assert settings.get(town.uow(), "idle_lock_minutes") == 9  # the township's, kept
    days = dict((d, (w, n)) for d, w, n in calendar_view(town)[0])
    assert days[date(2027, 2, 1)] == (False, "镇庙会") and days[date(2027, 3, 1)][1] == "县级假日"
    own = trust_list(town.uow()).key(town_key.public_key)
    assert own is not None and own.valid_to is None  # its own current key, untouched

    # An older bundle arriving late changes nothing back.
    late = apply_county_content(town.uow(), town_admin, old_content)
    assert not late.newer and late.versions_added == 0
    assert settings.get(town.uow(), "yellow_ratio_percent") == 40
    assert current_version(town.uow(), first.code).name == "新名称（县级修订）"
    assert content_since(town.uow())["catalog"] == new_content["county"][0]["as_of"]

    # A county key revoked at the county is revoked at the township with the next content.
    from app.signing import list_site_keys, revoke_site_key

    old_key = list_site_keys(county.uow(), boss)[0]
    assert old_key.site_code == "QH"
    revoke_site_key(county.uow(), boss, old_key.fingerprint)
    clock.advance(timedelta(minutes=5))
    revoked = apply_county_content(
        town.uow(), town_admin, county_content(county.uow(), content_since(town.uow()))
    )
    assert revoked.keys_updated >= 1 and revoked.keys_added >= 1  # the county's new key too
    trusted = trust_list(town.uow()).key(old_key.public_key)
    assert trusted is not None and trusted.revoked_at is not None


def test_the_county_content_a_township_ends_with_does_not_depend_on_the_order_it_came_in(
    county_sqlite: AppContext, clock: ManualClock, tmp_path: Path
) -> None:
    """Three snapshots of the county's content, applied in every order (a lost USB stick, a
    late one, one twice): every township ends where the county is."""
    from itertools import permutations

    from app.signing import list_site_keys, revoke_site_key

    county = county_sqlite
    boss = admin(county)
    add_site(county.uow(), boss, "QHXZ", "清河县西镇便民服务中心", "township")
    enrolment = tmp_path / "QHXZ.enrol"
    write_enrolment(county.uow(), boss, "QHXZ", enrolment)

    def new_version(code: str, name: str) -> None:
        version = current_version(county.uow(), code)
        saved = save_item(
            county.uow(), boss, replace(draft_of(version), name=name, base_version_id=version.id)
        )
        publication.publish_version(county.uow(), boss, saved)

    codes = [s.code for s in list_items(county.uow())][:2]
    snapshots = []
    for step in range(3):
        clock.advance(timedelta(hours=1))
        if step >= 1:
            new_version(codes[0], f"第{step}次修订")
            settings.change(county.uow(), boss, {"yellow_ratio_percent": str(20 + step * 5)})
            set_day(county.uow(), boss, "2027-01-04", step == 2, f"县定{step}")
        if step == 2:
            deactivate_item(county.uow(), boss, codes[1])
            old = list_site_keys(county.uow(), boss)[0]
            revoke_site_key(county.uow(), boss, old.fingerprint)
        snapshots.append(county_content(county.uow(), None))

    def state(ctx: AppContext) -> tuple[object, ...]:
        keys = {(k.site_code, k.public_key, k.revoked_at) for k in trust_list(ctx.uow()).keys}
        return (
            catalog_view(ctx),
            calendar_view(ctx),
            settings.get(ctx.uow(), "yellow_ratio_percent"),
            {k for k in keys if k[0] == "QH"},
        )

    wanted = state(county)
    assert any(row[4].name == "第2次修订" for row in wanted[0])  # type: ignore[attr-defined]
    assert any(not row[1] for row in wanted[0])  # type: ignore[attr-defined]  (withdrawn)
    assert any(k[2] is not None for k in wanted[3])  # type: ignore[attr-defined]  (revoked)
    for n, order in enumerate(permutations(range(3))):
        folder = tmp_path / f"town{n}"
        folder.mkdir()
        town = open_ctx(f"sqlite:///{folder / 'frontdesk.sqlite3'}", {}, clock, folder)
        enrol_township(town.uow(), open_enrolment(enrolment), TOWN_PASSWORD)
        town_admin = admin(town, TOWN_PASSWORD)
        for i in (*order, order[0]):  # the first one again at the end: changes nothing
            apply_county_content(town.uow(), town_admin, snapshots[i])
        assert state(town) == wanted, order
        town.store.dispose()  # type: ignore[attr-defined]


def test_a_township_receipt_verifies_at_the_county_and_at_another_township(
    county_sqlite: AppContext, township_any: AppContext, clock: ManualClock, tmp_path: Path
) -> None:
    from app.printing import DocumentKind
    from app.signing import sign_document, verify_payload

    county, west = county_sqlite, township_any
    boss = admin(county)
    west_enrolled = enrol(county, west, tmp_path, "QHXZ")
    import_site_keys(county.uow(), boss, west_enrolled.public_key_file)
    folder = tmp_path / "east"
    folder.mkdir()
    east = open_ctx(f"sqlite:///{folder / 'frontdesk.sqlite3'}", {}, clock, folder)
    east_enrolled = enrol(county, east, tmp_path, "QH-DZ")
    import_site_keys(county.uow(), boss, east_enrolled.public_key_file)

    payload = sign_document(
        west.uow(), DocumentKind.RECEIPT, "QHXZ-20261124-0007", date(2026, 11, 24)
    )
    at_county = verify_payload(county.uow(), payload)
    assert at_county.trusted and at_county.site_code == "QHXZ" and not at_county.local
    # East was enrolled after West's key reached the county: its trust list has it already.
    assert verify_payload(east.uow(), payload).trusted
    # West was enrolled before East: East's key reaches it with the county's next content.
    east_receipt = sign_document(
        east.uow(), DocumentKind.RECEIPT, "QH-DZ-20261124-0001", date(2026, 11, 24)
    )
    assert not verify_payload(west.uow(), east_receipt).genuine
    content = county_content(county.uow(), content_since(west.uow()))
    apply_county_content(west.uow(), admin(west, TOWN_PASSWORD), content)
    assert verify_payload(west.uow(), east_receipt).trusted
    east.store.dispose()  # type: ignore[attr-defined]

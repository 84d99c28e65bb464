"""A county and its townships for the sync tests, each on its own store.

For the sync rules' tests a site is set up directly (the end-to-end test,
tests/e2e/test_sync_county.py, enrols its townships as an administrator does): its site row
with its code and level, then the usual ``initialize`` (demo staff and catalog, identical at
every site, so the catalog versions match by code), the setting ``county_code`` at a
township, and the public keys exchanged with the existing ``export_public_key`` /
``import_public_key`` (``keys import-public``) path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.auth import login
from app.clock import ManualClock
from app.records import SiteLevel
from app.roles import Actor
from app.settings import DATABASE_KIND, DEMO_KIND, REAL_KIND
from app.setup import initialize
from app.signing import export_public_key, import_public_key
from app.sync.trust import COUNTY_CODE_KEY
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore
from db.uow import SqlUnitOfWork

ADMIN_PASSWORD = "admin-2026"


@dataclass
class Site:
    code: str
    store: SqlStore
    clock: ManualClock
    folder: Path

    def uow(self) -> SqlUnitOfWork:
        return self.store.unit_of_work()

    def admin(self) -> Actor:
        return login(self.uow(), "admin", ADMIN_PASSWORD)


def make_site(
    url: str,
    kwargs: dict[str, object],
    code: str,
    level: SiteLevel,
    county: str,
    start: datetime,
    folder: Path,
    *,
    demo: bool = True,
) -> Site:
    engine = make_engine(url, **kwargs)
    ensure_schema(engine, None)
    clock = ManualClock(start)
    store = SqlStore(engine, clock)
    uow = store.unit_of_work()
    with uow.write():
        uow.sites.add(
            code=code,
            name=f"{code} 便民服务中心" if level == SiteLevel.TOWNSHIP else f"{code} 政务服务中心",
            level=level,
            address="",
            phones="",
            timezone="Asia/Shanghai",
        )
        uow.settings.set(DATABASE_KIND, DEMO_KIND if demo else REAL_KIND)
        if level == SiteLevel.TOWNSHIP:
            uow.settings.set(COUNTY_CODE_KEY, county)
    initialize(uow, ADMIN_PASSWORD, demo=demo)
    folder.mkdir(parents=True, exist_ok=True)
    return Site(code, store, clock, folder)


def exchange_keys(a: Site, b: Site) -> None:
    """Each site trusts the other's public keys."""
    import_public_key(b.uow(), b.admin(), export_public_key(a.uow(), a.admin()))
    import_public_key(a.uow(), a.admin(), export_public_key(b.uow(), b.admin()))


def sqlite_pair(folder: Path, start: datetime) -> tuple[Site, Site]:
    """A county (QH) and its township (QH-LS), each on a SQLite file in ``folder``, each
    trusting the other's keys: the pair most sync tests start from."""

    def site(code: str, level: SiteLevel) -> Site:
        url = f"sqlite:///{folder / (code + '.sqlite3')}"
        return make_site(url, {}, code, level, "QH", start, folder / code)

    county, town = site("QH", SiteLevel.COUNTY), site("QH-LS", SiteLevel.TOWNSHIP)
    exchange_keys(county, town)
    return county, town

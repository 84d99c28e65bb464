"""Which site this installation is, and what a township may not change here.

A database can hold several sites (a county with its townships' records): the setting
``home_site`` names the one it belongs to (``init`` / ``init --site-file`` write it); a
database without it is one site's, its first. Kept apart from the services, with views of only
the two stores it reads, so that the settings, the catalog and the background scans can ask it
without importing the register or the hand-over rules.
"""

from __future__ import annotations

from typing import Protocol

from app.errors import DomainError
from app.records import SiteLevel, SiteRecord

HOME_SITE_KEY = "home_site"

COUNTY_OWNS_CATALOG = (
    "事项目录由县级中心统一维护，乡镇站点随县级下发的数据包更新，不能在本机修改 / "
    "the catalog is the county's: a township receives it with the county's bundles"
)


class _Settings(Protocol):
    def get(self, key: str) -> str | None: ...


class _Sites(Protocol):
    def by_code(self, code: str) -> SiteRecord | None: ...
    def first(self) -> SiteRecord | None: ...


class InstallationView(Protocol):
    @property
    def settings(self) -> _Settings: ...
    @property
    def sites(self) -> _Sites: ...


def installation_site(uow: InstallationView) -> SiteRecord | None:
    """The site this database belongs to, inside the caller's transaction; None before
    set-up."""
    code = uow.settings.get(HOME_SITE_KEY)
    return uow.sites.by_code(code) if code else uow.sites.first()


def installation_site_id(uow: InstallationView) -> int | None:
    """The id of that site: the background scans (warning cards, deadlines after a calendar
    change) touch only the cases it owns, so that two sites never write the same case."""
    site = installation_site(uow)
    return site.id if site is not None else None


def is_township(uow: InstallationView) -> bool:
    """Whether this installation is a township (set up from an enrolment file), inside the
    caller's transaction. A database without a site yet is none."""
    site = installation_site(uow)
    return site is not None and site.level is SiteLevel.TOWNSHIP


def require_catalog_owner(uow: InstallationView) -> None:
    """Refuse a catalog change at a township (inside the caller's transaction): versions are
    numbered at the county, and a township's own version would collide with the county's."""
    if is_township(uow):
        raise DomainError(COUNTY_OWNS_CATALOG)

"""The county's site register as the rules see it (app.sites_register): its records and the
port db/register_repo.py implements. Apart from the rules so that app.ports can name it without
importing them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from app.records import SiteLevel


@dataclass(frozen=True)
class RegisteredSite:
    site_id: int
    code: str
    name: str
    kind: SiteLevel
    county_code: str
    enrolled_at: datetime
    enrolled_by_name: str
    address: str = ""
    phones: str = ""


@dataclass(frozen=True)
class CatalogItemState:
    code: str
    active: bool
    current_version_no: int | None


@dataclass(frozen=True)
class CalendarEntry:
    day: date
    is_workday: bool
    name: str
    entered_at: datetime


class RegisterRepository(Protocol):
    def add(
        self,
        site_id: int,
        county_code: str,
        enrolled_at: datetime,
        enrolled_by: int | None,
        enrolled_by_name: str,
    ) -> int: ...
    def sites(self) -> list[RegisteredSite]: ...
    def by_site(self, site_id: int) -> RegisteredSite | None: ...
    def published_version_ids(self, since: datetime | None) -> list[int]:
        """Ids of the catalog versions published after ``since`` (all when None), oldest
        publication first."""
        ...

    def version_id(self, item_id: int, version_no: int) -> int | None: ...
    def items(self) -> list[CatalogItemState]: ...
    def calendar_entries(self, since: datetime | None) -> list[CalendarEntry]: ...
    def calendar_entry(self, day: date) -> CalendarEntry | None: ...
    def put_calendar_entry(self, entry: CalendarEntry) -> None: ...

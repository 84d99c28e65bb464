"""The county's register of sites, and the reads and writes the county-owned content needs
beyond the catalog's and the calendar's own repositories (versions by publication time, a
calendar day with the county's own entry time)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.records import SiteLevel
from app.register_ports import CalendarEntry, CatalogItemState, RegisteredSite
from db.models import (
    CalendarDay,
    ServiceItem,
    ServiceItemVersion,
    Site,
    SiteRegistration,
)


class SqlRegisterRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(
        self,
        site_id: int,
        county_code: str,
        enrolled_at: datetime,
        enrolled_by: int | None,
        enrolled_by_name: str,
    ) -> int:
        row = SiteRegistration(
            site_id=site_id,
            county_code=county_code,
            enrolled_at=enrolled_at,
            enrolled_by=enrolled_by,
            enrolled_by_name=enrolled_by_name,
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def sites(self) -> list[RegisteredSite]:
        rows = self.s.execute(
            select(Site, SiteRegistration)
            .join(SiteRegistration, SiteRegistration.site_id == Site.id)
            .order_by(Site.level, Site.code)
        )
        return [_registered(site, reg) for site, reg in rows]

    def by_site(self, site_id: int) -> RegisteredSite | None:
        row = self.s.execute(
            select(Site, SiteRegistration)
            .join(SiteRegistration, SiteRegistration.site_id == Site.id)
            .where(Site.id == site_id)
        ).one_or_none()
        return _registered(*row) if row else None

    def published_version_ids(self, since: datetime | None) -> list[int]:
        query = select(ServiceItemVersion.id).where(ServiceItemVersion.published_at.is_not(None))
        if since is not None:
            query = query.where(ServiceItemVersion.published_at > since)
        order = (ServiceItemVersion.published_at, ServiceItemVersion.id)
        return list(self.s.scalars(query.order_by(*order)))

    def version_id(self, item_id: int, version_no: int) -> int | None:
        return self.s.scalar(
            select(ServiceItemVersion.id).where(
                ServiceItemVersion.item_id == item_id,
                ServiceItemVersion.version_no == version_no,
            )
        )

    def items(self) -> list[CatalogItemState]:
        current = aliased(ServiceItemVersion)
        rows = self.s.execute(
            select(ServiceItem.code, ServiceItem.active, current.version_no)
            .outerjoin(current, current.id == ServiceItem.current_version_id)
            .order_by(ServiceItem.code)
        )
        return [CatalogItemState(code, bool(active), no) for code, active, no in rows]

    def calendar_entries(self, since: datetime | None) -> list[CalendarEntry]:
        query = select(CalendarDay)
        if since is not None:
            query = query.where(CalendarDay.entered_at > since)
        rows = self.s.scalars(query.order_by(CalendarDay.day))
        return [CalendarEntry(r.day, r.is_workday, r.name, r.entered_at) for r in rows]

    def calendar_entry(self, day: date) -> CalendarEntry | None:
        row = self.s.get(CalendarDay, day)
        return CalendarEntry(row.day, row.is_workday, row.name, row.entered_at) if row else None

    def put_calendar_entry(self, entry: CalendarEntry) -> None:
        """Store a day as the county entered it, with the county's entry time (so a later
        entry, here or there, is recognised as newer)."""
        row = self.s.get(CalendarDay, entry.day)
        if row is None:
            row = CalendarDay(day=entry.day)
            self.s.add(row)
        row.is_workday, row.name = entry.is_workday, entry.name
        row.entered_by, row.entered_at = None, entry.entered_at
        self.s.flush()


def _registered(site: Site, reg: SiteRegistration) -> RegisteredSite:
    return RegisteredSite(
        site_id=site.id,
        code=site.code,
        name=site.name,
        kind=SiteLevel(site.level),
        county_code=reg.county_code,
        enrolled_at=reg.enrolled_at,
        enrolled_by_name=reg.enrolled_by_name,
        address=site.address,
        phones=site.phones,
    )

"""The county's view of all its sites: figures per site and for the whole county, and the
townships that have gone quiet.

A county installation holds its own records and, carried up by bundles (app/sync), those of
its townships, each under the township's site. Its supervisors and administrators may read any
of those sites' reports (``viewable_sites``); a township's staff see their own site only. The
county's figures are the sums of the sites' own, each from the same tallies the site's report
prints (``app.reports.table.collect``), so the per-site rows and the county's total always
add up, and a township's row equals what the township's own log shows.

"Silent" townships are those whose last bundle came in more than N working days ago (N: the
``silent_township_working_days`` setting, default 3), or that never sent one. When bundles
arrive is app/sync's bundle log, read here through the small port ``BundleArrivals``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from app import settings
from app.calendar import load_calendar
from app.cases.deadlines import local_day
from app.errors import PermissionDenied, ValidationError
from app.ports import UnitOfWork
from app.records import SiteLevel, SiteRecord
from app.reports.daily_log import check_period
from app.reports.sections import SECTIONS, Column, ReportScope, Section
from app.reports.statistics import TRENDS, Figures, StatisticsQuery, TrendPoint, trend_points
from app.reports.table import CountTable, collect
from app.roles import Actor, Role, allowed_roles

SILENT_DAYS_KEY = "silent_township_working_days"
COUNTY_LABEL = "全县合计"


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def viewable_sites(uow: UnitOfWork, actor: Actor) -> list[SiteRecord]:
    """What a report's site selector offers: the actor's own site first; at a county
    installation, then its townships by code. One entry: no selector is needed."""
    with uow.read():
        own = uow.sites.get(actor.site_id)
        if own is None:
            return []
        if own.level is not SiteLevel.COUNTY:
            return [own]
        return [own, *(s for s in uow.sites.all() if s.id != own.id)]


@dataclass(frozen=True)
class SiteFigures:
    site: SiteRecord
    figures: Figures


@dataclass(frozen=True)
class CountyStatistics:
    query: StatisticsQuery
    by_site: tuple[SiteFigures, ...]
    total: Figures  # the sum of the sites' rows
    trend: tuple[TrendPoint, ...]  # the county's, per week or month
    wired: frozenset[str]


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def county_statistics(uow: UnitOfWork, actor: Actor, query: StatisticsQuery) -> CountyStatistics:
    """统计分析 for the whole county: one line per site and the county's total. Filters by
    window or department belong to one site's statistics; an item filter applies to all."""
    if not isinstance(query, StatisticsQuery):
        raise ValidationError.single("query", "请选择统计条件")
    if query.window_id is not None or query.department_id is not None:
        raise ValidationError.single("site", "按窗口或科室统计时请选择一个服务中心")
    check_period(uow, query.first_day, query.last_day, ("first_day", "last_day"))
    if query.trend not in TRENDS:
        raise ValidationError.single("trend", "趋势须按周或按月")
    tables = _site_tables(uow, actor, query.first_day, query.last_day, query.item_id, by_day=True)
    rows = tuple(SiteFigures(s, Figures.of(s.name, t.total(), t)) for s, t in tables)
    wired = tables[0][1].wired if tables else frozenset()
    summed = _sum(t.total() for _, t in tables)
    days: dict[date, dict[str, int]] = {}
    for _, table in tables:
        for day, counts in table.days.items():
            days[day] = _sum((days.get(day, {}), counts))
    county = CountTable(wired=wired, cells={}, days=days)
    return CountyStatistics(
        query, rows, Figures.of(COUNTY_LABEL, summed, county), trend_points(county, query), wired
    )


@dataclass(frozen=True)
class CountyLogRow:
    site_code: str
    site_name: str
    counts: tuple[int | None, ...]  # in ``columns`` order; None: not recorded yet


@dataclass(frozen=True)
class CountyLog:
    """工作台账（全县）: the period log's columns, one row per site, and the county's total."""

    first_day: date
    last_day: date
    columns: tuple[Column, ...]
    rows: tuple[CountyLogRow, ...]
    totals: tuple[int | None, ...]

    def total(self, key: str) -> int | None:
        return self.totals[[c.key for c in self.columns].index(key)]


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def county_log(uow: UnitOfWork, actor: Actor, start: date, end: date) -> CountyLog:
    """The daily or period log's counts for every site of the county and their sum. A period
    running past today stops at today, as a site's log does."""
    check_period(uow, start, end, ("start", "end"))
    last = min(end, local_day(uow.clock.now()))
    sections = tuple(s for s in SECTIONS if s.printed)
    columns = tuple(c for s in sections for c in s.printed_columns)
    tables = _site_tables(uow, actor, start, last, None, sections)
    rows = tuple(
        CountyLogRow(s.code, s.name, tuple(t.value(t.total(), c.key) for c in columns))
        for s, t in tables
    )
    totals = tuple(
        None if any(r.counts[i] is None for r in rows) else sum(r.counts[i] or 0 for r in rows)
        for i in range(len(columns))
    )
    return CountyLog(start, last, columns, rows, totals)


def _site_tables(
    uow: UnitOfWork,
    actor: Actor,
    first: date,
    last: date,
    item_id: int | None,
    sections: tuple[Section, ...] = SECTIONS,
    *,
    by_day: bool = False,
) -> list[tuple[SiteRecord, CountTable]]:
    with uow.read():
        own = uow.sites.get(actor.site_id)
        if own is None or own.level is not SiteLevel.COUNTY:
            raise PermissionDenied("全县统计只能在县级中心查看")
        sites = [own, *(s for s in uow.sites.all() if s.id != own.id)]
        found = []
        for site in sites:
            scope = ReportScope(site.id, first, last, item_id=item_id, by_day=by_day)
            found.append((site, collect(uow, scope, sections)))
        return found


def _sum(counts: Iterable[Mapping[str, int]]) -> dict[str, int]:
    summed: dict[str, int] = defaultdict(int)
    for one in counts:
        for key, value in one.items():
            summed[key] += value
    return dict(summed)


class BundleArrivals(Protocol):
    """When each site's last bundle came in (app/sync's bundle log), by site code."""

    def last_arrivals(self) -> Mapping[str, datetime]: ...


@dataclass(frozen=True)
class SilentTownship:
    code: str
    name: str
    last_bundle_at: datetime | None  # None: never sent one
    working_days: int | None  # working days since then (None: never)


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def silent_townships(
    uow: UnitOfWork, actor: Actor, arrivals: BundleArrivals | None = None
) -> list[SilentTownship]:
    """Townships that have sent nothing for at least the set number of working days (or ever),
    longest silent first. Only the county keeps this list. ``arrivals``: the bundle log
    (default: this database's, ``uow.reports``)."""
    today = local_day(uow.clock.now())
    with uow.read():
        own = uow.sites.get(actor.site_id)
        if own is None or own.level is not SiteLevel.COUNTY:
            raise PermissionDenied("乡镇报送情况只能在县级中心查看")
        limit = int(settings.get(uow, SILENT_DAYS_KEY))
        calendar = load_calendar(uow)
        townships = [s for s in uow.sites.all() if s.level is SiteLevel.TOWNSHIP]
        last = (arrivals or uow.reports).last_arrivals()
    silent = []
    for site in townships:
        at = last.get(site.code)
        if at is None:
            silent.append(SilentTownship(site.code, site.name, None, None))
            continue
        days = calendar.working_days_between(local_day(at), today)
        if days >= limit:
            silent.append(SilentTownship(site.code, site.name, at, days))
    return sorted(
        silent,
        key=lambda s: (s.last_bundle_at is not None, -(s.working_days or 0), s.code),
    )

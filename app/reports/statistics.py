"""统计分析: how the windows and clerks keep their promises over a period, for supervisors.

Every figure is a sum of report tallies (``app.reports.sections``): the database counts, this
module only divides. Rates whose section is not recorded yet are None (shown "—"), so ratings,
complaints and referral acknowledgements appear here as soon as their providers are wired.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from app.errors import ValidationError
from app.ports import UnitOfWork
from app.records import DepartmentRecord, WindowRecord
from app.reports.daily_log import NO_WINDOW, check_period, site_for
from app.reports.sections import SECTION_OF_COLUMN, ReportScope
from app.reports.table import CountTable, collect
from app.roles import Actor, Role, allowed_roles

TRENDS = ("week", "month")


@dataclass(frozen=True)
class StatisticsQuery:
    first_day: date
    last_day: date
    department_id: int | None = None
    window_id: int | None = None
    item_id: int | None = None
    trend: str = "week"  # or "month"


def _ratio(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return part / whole


@dataclass(frozen=True)
class Figures:
    """One line of the statistics (a window, a clerk, a week, or everything). Counts of
    sections not recorded yet are None."""

    label: str
    accepted: int
    decided: int
    decided_on_time: int
    working_days_used: int
    working_days_committed: int
    overdue: int
    notices: int
    breaches: int
    notices_late: int  # 行政许可法 Art. 32(4): after the fifth working day, deemed accepted
    ratings: int | None
    ratings_satisfied: int | None
    ratings_bad: int | None
    complaints: int | None
    complaints_substantiated: int | None
    referrals: int | None
    referrals_in_time: int | None
    referrals_acknowledged: int | None
    referral_ack_minutes: int | None
    queue_called: int | None = None
    queue_wait_minutes: int | None = None
    queue_served: int | None = None
    queue_service_minutes: int | None = None

    @classmethod
    def of(cls, label: str, counts: Mapping[str, int], table: CountTable) -> Figures:
        def v(key: str) -> int:
            return counts.get(key, 0)

        def slot(key: str) -> int | None:
            return table.value(counts, key)

        return cls(
            label=label,
            accepted=v("cases_accepted"),
            decided=v("completed"),
            decided_on_time=v("completed_on_time"),
            working_days_used=v("working_days_used"),
            working_days_committed=v("working_days_committed"),
            overdue=v("accountability_overdue"),
            notices=v("notices_issued"),
            breaches=v("one_time_breaches"),
            notices_late=v("notices_late"),
            ratings=slot("ratings"),
            ratings_satisfied=slot("ratings_satisfied"),
            ratings_bad=slot("ratings_bad"),
            complaints=slot("complaints"),
            complaints_substantiated=slot("complaints_substantiated"),
            referrals=slot("referrals"),
            referrals_in_time=slot("referrals_acknowledged_in_time"),
            referrals_acknowledged=slot("referrals_acknowledged"),
            referral_ack_minutes=slot("referral_ack_minutes"),
            queue_called=slot("queue_called"),
            queue_wait_minutes=slot("queue_wait_minutes"),
            queue_served=slot("queue_served"),
            queue_service_minutes=slot("queue_service_minutes"),
        )

    @property
    def on_time_rate(self) -> float | None:
        """Decisions made by their due date, of all decisions."""
        return _ratio(self.decided_on_time, self.decided)

    @property
    def average_days_used(self) -> float | None:
        return _ratio(self.working_days_used, self.decided)

    @property
    def average_days_committed(self) -> float | None:
        return _ratio(self.working_days_committed, self.decided)

    @property
    def notices_per_case(self) -> float | None:
        return _ratio(self.notices, self.accepted)

    @property
    def satisfaction_rate(self) -> float | None:
        return _ratio(self.ratings_satisfied, self.ratings)

    @property
    def referral_ack_rate(self) -> float | None:
        """Referrals acknowledged within the set time, of all referrals."""
        return _ratio(self.referrals_in_time, self.referrals)

    @property
    def average_ack_minutes(self) -> float | None:
        return _ratio(self.referral_ack_minutes, self.referrals_acknowledged)

    @property
    def average_wait_minutes(self) -> float | None:
        """Queue tickets: minutes from taking the ticket to its first call, on average."""
        return _ratio(self.queue_wait_minutes, self.queue_called)

    @property
    def average_service_minutes(self) -> float | None:
        """Queue tickets: minutes from 开始办理 to 办理完毕, on average."""
        return _ratio(self.queue_service_minutes, self.queue_served)


@dataclass(frozen=True)
class TrendPoint:
    start: date  # the Monday of the week, or the first of the month
    label: str
    figures: Figures


@dataclass(frozen=True)
class Statistics:
    query: StatisticsQuery
    site_name: str
    total: Figures
    by_window: tuple[Figures, ...]
    by_clerk: tuple[Figures, ...]
    trend: tuple[TrendPoint, ...]
    wired: frozenset[str]  # sections recorded; the others are shown "—"


@dataclass(frozen=True)
class StatisticsFilters:
    departments: tuple[DepartmentRecord, ...]
    windows: tuple[WindowRecord, ...]
    items: tuple[tuple[int, str, str], ...]  # item id, code, name


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def statistics_filters(
    uow: UnitOfWork, actor: Actor, site_id: int | None = None
) -> StatisticsFilters:
    """What the statistics page offers to filter by."""
    from app.catalog.service import list_items

    with uow.read():
        site = site_for(uow, actor, site_id)
        departments = tuple(uow.sites.departments(site.id))
        windows = tuple(uow.sites.windows(site.id))
        items = tuple((i.item_id, i.code, i.name) for i in list_items(uow, include_inactive=True))
    return StatisticsFilters(departments, windows, items)


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def statistics(
    uow: UnitOfWork, actor: Actor, query: StatisticsQuery, site_id: int | None = None
) -> Statistics:
    """Figures per window, per clerk and in total, and their trend per week or month."""
    if not isinstance(query, StatisticsQuery):
        raise ValidationError.single("query", "请选择统计条件")
    if query.trend not in TRENDS:
        raise ValidationError.single("trend", "趋势须按周或按月")
    check_period(uow, query.first_day, query.last_day, ("first_day", "last_day"))
    with uow.read():
        site = site_for(uow, actor, site_id)
        scope = ReportScope(
            site.id,
            query.first_day,
            query.last_day,
            department_id=query.department_id,
            window_id=query.window_id,
            item_id=query.item_id,
            by_day=True,
        )
        table = collect(uow, scope)
        windows = {w.id: w for w in uow.sites.windows(site.id)}
        people = {s.id: s for s in uow.staff.list(site.id, include_inactive=True)}
    by_window: dict[int | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_clerk: dict[int | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (window_id, staff_id), counts in table.cells.items():
        for key, value in counts.items():
            by_window[window_id][key] += value
            by_clerk[staff_id][key] += value

    def window_label(window_id: int | None) -> str:
        window = windows.get(window_id) if window_id is not None else None
        return f"{window.number}号 {window.name}" if window else NO_WINDOW

    def window_order(window_id: int | None) -> int:
        window = windows.get(window_id) if window_id is not None else None
        return window.number if window else 10**6

    def clerk_label(staff_id: int | None) -> str:
        person = people.get(staff_id) if staff_id is not None else None
        return person.name if person else "—"

    return Statistics(
        query=query,
        site_name=site.name,
        total=Figures.of("合计", table.total(), table),
        by_window=tuple(
            Figures.of(window_label(w), by_window[w], table)
            for w in sorted(by_window, key=window_order)
        ),
        by_clerk=tuple(
            Figures.of(clerk_label(s), by_clerk[s], table)
            for s in sorted(by_clerk, key=lambda s: (clerk_label(s), s or 0))
        ),
        trend=trend_points(table, query),
        wired=table.wired,
    )


def bucket_start(day: date, trend: str) -> date:
    if trend == "month":
        return day.replace(day=1)
    return day - timedelta(days=day.weekday())


def trend_points(table: CountTable, query: StatisticsQuery) -> tuple[TrendPoint, ...]:
    buckets: dict[date, dict[str, int]] = {}
    day = bucket_start(query.first_day, query.trend)
    while day <= query.last_day:  # every bucket, busy or not: a chart without holes
        buckets[day] = defaultdict(int)
        day = _next_bucket(day, query.trend)
    for day, counts in table.days.items():
        bucket = buckets[bucket_start(day, query.trend)]
        for key, value in counts.items():
            if SECTION_OF_COLUMN.get(key) != "warnings":
                bucket[key] += value
    return tuple(
        TrendPoint(
            start,
            # Named by the week's Monday (or the month), also when the period cuts it.
            _bucket_label(start, query.trend),
            Figures.of("", counts, table),
        )
        for start, counts in buckets.items()
    )


def _next_bucket(day: date, trend: str) -> date:
    if trend == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return day + timedelta(days=7)


def _bucket_label(start: date, trend: str) -> str:
    return f"{start:%Y-%m}" if trend == "month" else f"{start:%m-%d}"

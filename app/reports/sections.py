"""The one extension point of the supervisors' reports: sections of counts, each filled by the
area that owns the records.

A report (the daily log, the statistics) is a table of counts per window and clerk. Its columns
come in *sections* (``SECTIONS``): one-time notices, cases, warnings, ... Each section is filled by
one *provider*, a function ``(uow, scope) -> Iterable[Tally]`` that asks its area's repository for
GROUP BY counts over the scope's hall days and returns one :class:`Tally` per (window, clerk, key)
(and per hall day when ``scope.by_day``). A section without a provider is a *slot*: every report
shows it as "—" (not yet recorded), never as a misleading 0.

To wire an area in (say first-inquiry visits):

1. its repository gets a query that returns tallies, e.g. ``uow.visits.report_tallies(scope)``,
   grouping by the record's window, the staff member it counts for, and — when
   ``scope.by_day`` — ``hall_day(time column)``; it honours ``scope``'s site and filters;
2. its module registers the provider::

       @provides("visits")
       def visit_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
           return uow.visits.report_tallies(scope)

3. that module is imported in :func:`provider_modules` below, so it is imported before a
   report is made.

Keys a provider returns must be the keys of its section's columns (checked); a count for a key
that has no row is 0.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import ModuleType
from typing import TYPE_CHECKING

from app.clock import DEFAULT_TZ

if TYPE_CHECKING:
    from app.ports import UnitOfWork


@dataclass(frozen=True)
class ReportScope:
    """What a report covers: one site, hall days ``first_day`` to ``last_day`` inclusive, and
    optional filters. Providers honour every filter their records can carry."""

    site_id: int
    first_day: date
    last_day: date
    department_id: int | None = None  # windows of this department
    window_id: int | None = None
    item_id: int | None = None  # a catalog item (any of its versions)
    by_day: bool = False  # also group by hall day (trends)

    @property
    def start(self) -> datetime:
        """Midnight at the start of the first day, hall time (inclusive)."""
        return datetime.combine(self.first_day, time(), DEFAULT_TZ)

    @property
    def end(self) -> datetime:
        """Midnight after the last day, hall time (exclusive)."""
        return datetime.combine(self.last_day + timedelta(days=1), time(), DEFAULT_TZ)


@dataclass(frozen=True)
class Tally:
    """One count: ``value`` of ``key`` for a window and a staff member (None: no window, or no
    one in particular), on a hall ``day`` when the scope asked for days."""

    key: str
    value: int
    window_id: int | None = None
    staff_id: int | None = None
    day: date | None = None


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the column header on paper and in the workbook (Chinese)
    printed: bool = True  # False: a sum the statistics need, not a column of the log


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # the group header over its columns
    columns: tuple[Column, ...]
    owner: str  # which area fills it (for the reader of a "—")
    printed: bool = True  # False: only the statistics use it

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def printed_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.printed) if self.printed else ()


SECTIONS: tuple[Section, ...] = (
    Section(
        "visits",
        "首问接待",
        (
            Column("visits_consultation", "咨询"),
            Column("visits_application", "办理"),
            Column("visits_complaint", "投诉"),
            Column("visits_other", "其他"),
        ),
        "first-inquiry visits (issue 6)",
    ),
    Section(
        "referrals",
        "引导转办",
        (
            Column("referrals", "转办"),
            Column("referrals_acknowledged_in_time", "按时确认"),
            Column("referrals_acknowledged", "已确认", printed=False),
            Column("referral_ack_minutes", "确认用时（分钟）", printed=False),
        ),
        "first-inquiry referrals (issue 6)",
    ),
    Section(
        "notices",
        "一次性告知",
        (
            Column("notices_issued", "告知单"),
            # 行政许可法 Art. 32(4): told after the fifth working day from receipt, so the
            # application counted as accepted on receipt.
            Column("notices_late", "逾期告知"),
            Column("one_time_breaches", "违反告知"),
        ),
        "one-time notices",
    ),
    Section(
        "cases",
        "办件",
        (
            Column("cases_accepted", "受理"),
            Column("cases_refused", "不予受理"),
            Column("cases_decided", "办结"),
            Column("cases_delivered", "送达"),
            Column("cases_on_the_spot", "当场办结"),
            # 办结 and 送达 done for someone else (a B post for an absent clerk, the agent,
            # a supervisor): counted both ways, for who acted and for the case's owner.
            Column("cases_for_others", "代他人办"),
            Column("cases_by_others", "由他人代办"),
        ),
        "cases",
    ),
    Section("agency", "全程代办", (Column("agency_cases", "代办件"),), "agency (issue 10)"),
    Section(
        "appointments",
        "预约服务",
        (
            Column("appointments_kept", "按约"),
            Column("appointments_missed", "爽约"),
            Column("walk_ins", "未预约"),
        ),
        "appointments (issue 10)",
    ),
    Section(
        "queue",
        "排队叫号",
        (
            Column("queue_called", "叫号"),
            Column("queue_skipped", "过号"),
            # Sums, so a period's rows add up; the average is the sum over 叫号 (or over the
            # tickets served), as ``frontdesk queue stats`` prints it per window and group.
            Column("queue_wait_minutes", "等候（分钟）"),
            Column("queue_served", "开始办理", printed=False),
            Column("queue_service_minutes", "办理（分钟）", printed=False),
        ),
        "queue tickets (issue 21)",
    ),
    Section(
        "warnings",
        "预警（期末）",
        (Column("cases_yellow", "黄牌"), Column("cases_red", "红牌")),
        "cases",
    ),
    Section(
        "accountability",
        "责任追究",
        (
            Column("accountability_opened", "新增"),
            Column("accountability_reviewed", "已审查"),
            Column("accountability_overdue", "其中超期", printed=False),
        ),
        "accountability records",
    ),
    Section(
        "ratings",
        "好差评",
        (
            Column("ratings", "评价"),
            Column("ratings_satisfied", "满意"),
            Column("ratings_bad", "差评"),
        ),
        "ratings (issue 7)",
    ),
    Section(
        "complaints",
        "投诉",
        (Column("complaints", "投诉"), Column("complaints_substantiated", "属实")),
        "complaints (issue 7)",
    ),
    Section(
        "completion",
        "办结时效",
        (
            Column("completed", "办结"),
            Column("completed_on_time", "按时办结"),
            Column("working_days_used", "实际用时（工作日）"),
            Column("working_days_committed", "承诺时限（工作日）"),
        ),
        "cases",
        printed=False,
    ),
)

SECTION_BY_KEY = {s.key: s for s in SECTIONS}
SECTION_OF_COLUMN = {c.key: s.key for s in SECTIONS for c in s.columns}

Provider = Callable[["UnitOfWork", ReportScope], Iterable[Tally]]

_providers: dict[str, Provider] = {}


def register_provider(section_key: str, provider: Provider) -> Provider | None:
    """Fill a section from now on; returns the provider it replaces (tests put it back)."""
    if section_key not in SECTION_BY_KEY:
        raise KeyError(f"no report section {section_key!r}")
    previous = _providers.get(section_key)
    _providers[section_key] = provider
    return previous


def unregister_provider(section_key: str) -> None:
    _providers.pop(section_key, None)


def provides(section_key: str) -> Callable[[Provider], Provider]:
    """Decorator: ``@provides("visits")`` makes the function the section's provider."""

    def decorate(provider: Provider) -> Provider:
        register_provider(section_key, provider)
        return provider

    return decorate


def provider_modules() -> tuple[ModuleType, ...]:
    """The modules whose import registers providers (``@provides``), imported before the first
    report: inside this function because each of them imports this module."""
    from app.queue import reports as queue_reports
    from app.reports import providers

    return (providers, queue_reports)


def provider_for(section_key: str) -> Provider | None:
    provider_modules()
    return _providers.get(section_key)


def wired_sections() -> frozenset[str]:
    """Sections that have a provider; the others are slots shown as "—"."""
    provider_modules()
    return frozenset(k for k in SECTION_BY_KEY if k in _providers)

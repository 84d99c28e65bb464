"""工作日志 / 台账: the supervisor's log of a day (or any period) for one site, to print, sign
and keep, or to hand on as a workbook.

Counts per window and clerk come from the report sections (``app.reports.sections``), each
filled by its area's GROUP BY query; then the list of the cases accepted or moved on in the
period, as they stood at its end; then the supervisor's name, and the audit chain's head at the
period's end, so a signed paper anchors the trail against later edits (``frontdesk check
--anchor``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from app.calendar import load_calendar
from app.cases.common import yellow_ratio
from app.cases.deadlines import local_day
from app.cases.lifecycle import STATE_LABELS, CaseState
from app.errors import NotFound, PermissionDenied, ValidationError
from app.ports import UnitOfWork
from app.records import SiteLevel, SiteRecord
from app.reports.ports import PeriodCase
from app.reports.sections import SECTIONS, Column, ReportScope, Section
from app.reports.table import CountTable, RowKey, collect
from app.roles import Actor, Role, allowed_roles
from app.validation import mask_name
from app.workdays import WarningLevel, WorkCalendar

MAX_PERIOD_DAYS = 366
# No hall kept records before; and midnight of 0001-01-01 in Beijing lies before the first
# datetime in UTC, so a query for it could not even be written.
EARLIEST_DAY = date(1900, 1, 1)
NO_WINDOW = "未指定窗口"
WARNING_LABELS = {
    WarningLevel.RED: "红牌",
    WarningLevel.YELLOW: "黄牌",
    WarningLevel.NORMAL: "正常",
    None: "—",
}


@dataclass(frozen=True)
class LogRow:
    """One window and clerk: counts in the order of ``DailyLogData.columns``; None is a
    section not recorded yet (printed "—")."""

    window_number: int | None
    window_name: str
    staff_name: str
    counts: tuple[int | None, ...]

    @property
    def window_label(self) -> str:
        if self.window_number is None:
            return NO_WINDOW
        return f"{self.window_number}号 {self.window_name}"


@dataclass(frozen=True)
class LogCase:
    number: str
    item_name: str
    applicant: str  # masked: 王*芳
    clerk: str
    state: CaseState
    due_date: date | None
    due_provisional: bool
    warning: WarningLevel | None  # None: closed by the period's end

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def warning_label(self) -> str:
        return WARNING_LABELS[self.warning]


@dataclass(frozen=True)
class DailyLogData:
    number: str  # QH-RZ20261124, or QH-RZ20261101-20261130 for a period
    site_code: str
    site_name: str
    first_day: date
    last_day: date
    sections: tuple[Section, ...]  # the printed ones, in order
    rows: tuple[LogRow, ...]
    totals: tuple[int | None, ...]
    cases: tuple[LogCase, ...]
    supervisor_name: str
    prepared_by: str
    made_at: datetime
    chain_seq: int  # 0: the chain had not begun
    chain_hash: str
    chain_at: datetime | None
    asked_last_day: date | None = None  # the period asked for ran past today: cut at today

    @property
    def cut_at_today(self) -> bool:
        return self.asked_last_day is not None

    @property
    def cut_note(self) -> str:
        """One line for the paper, the workbook and the CLI when the period was cut."""
        if self.asked_last_day is None:
            return ""
        return (
            f"所选期间至 {self.asked_last_day:%Y-%m-%d}，尚未到来的日子不能统计："
            f"本表统计至今天 {self.last_day:%Y-%m-%d}，预警按今天日终计算。"
        )

    @property
    def is_day(self) -> bool:
        return self.first_day == self.last_day

    @property
    def columns(self) -> tuple[Column, ...]:
        return tuple(c for s in self.sections for c in s.printed_columns)

    def total(self, key: str) -> int | None:
        return self.totals[[c.key for c in self.columns].index(key)]

    def row_count(self, row: LogRow, key: str) -> int | None:
        return row.counts[[c.key for c in self.columns].index(key)]


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def daily_log(uow: UnitOfWork, actor: Actor, day: date, site_id: int | None = None) -> DailyLogData:
    """The log of one hall day (today: up to now)."""
    return _log(uow, actor, day, day, site_id, ("day", "day"))


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def period_log(
    uow: UnitOfWork, actor: Actor, start: date, end: date, site_id: int | None = None
) -> DailyLogData:
    """The log of ``start`` to ``end`` inclusive (a month, a quarter; at most a year). A period
    running past today stops at today (``asked_last_day`` keeps what was asked; the paper says
    so): days that have not come cannot be counted, and cards judged at a future day's end
    would call red what is not late yet."""
    return _log(uow, actor, start, end, site_id, ("start", "end"))


def check_period(uow: UnitOfWork, first: date, last: date, fields: tuple[str, str]) -> None:
    """A refusal names the form's field: ``fields`` are those of the first and the last day
    (the same one twice for a day's log)."""
    first_field, last_field = fields
    for field, day in ((first_field, first), (last_field, last)):
        if not isinstance(day, date):
            raise ValidationError.single(field, "请选择日期")
        if day < EARLIEST_DAY:
            raise ValidationError.single(field, f"日期不能早于 {EARLIEST_DAY:%Y-%m-%d}")
    if last < first:
        raise ValidationError.single(last_field, "结束日期不能早于开始日期")
    if (last - first).days + 1 > MAX_PERIOD_DAYS:
        raise ValidationError.single(last_field, f"统计期间最长 {MAX_PERIOD_DAYS} 天")
    if first > local_day(uow.clock.now()):
        raise ValidationError.single(first_field, "日期不能晚于今天")


def site_for(uow: UnitOfWork, actor: Actor, site_id: int | None) -> SiteRecord:
    """The site a report is about: the actor's own by default. Another site's figures are for
    the county's staff only (a county installation holds its townships' records)."""
    site = uow.sites.get(site_id if site_id is not None else actor.site_id)
    if site is None:
        raise NotFound(f"没有编号为 {site_id} 的服务中心")
    if site.id != actor.site_id:
        own = uow.sites.get(actor.site_id)
        if own is None or own.level is not SiteLevel.COUNTY:
            raise PermissionDenied(f"只有县级中心可以查看{site.name}的统计")
    return site


def _log(
    uow: UnitOfWork,
    actor: Actor,
    first: date,
    last: date,
    site_id: int | None,
    fields: tuple[str, str],
) -> DailyLogData:
    check_period(uow, first, last, fields)
    today = local_day(uow.clock.now())
    asked_last = last if last > today else None
    last = min(last, today)
    sections = tuple(s for s in SECTIONS if s.printed)
    with uow.read():
        site = site_for(uow, actor, site_id)
        scope = ReportScope(site.id, first, last)
        table = collect(uow, scope, sections)
        windows = {w.id: w for w in uow.sites.windows(site.id)}
        people = {s.id: s for s in uow.staff.list(site.id, include_inactive=True)}
        cases = uow.reports.period_cases(scope)
        calendar = load_calendar(uow)
        ratio = yellow_ratio(uow)
        head = uow.audit.last_before(scope.end)
    columns = tuple(c for s in sections for c in s.printed_columns)
    # Every window's clerk has a line, busy or not; anyone else who did something too.
    keys: set[RowKey] = {
        (s.window_id, s.id)
        for s in people.values()
        if s.active and s.window_id in windows and s.role is Role.CLERK
    }
    keys |= set(table.cells)

    def order(key: RowKey) -> tuple[int, str]:
        window = windows.get(key[0]) if key[0] is not None else None
        person = people.get(key[1]) if key[1] is not None else None
        return (window.number if window else 10**6, person.login if person else "")

    rows = []
    for key in sorted(keys, key=order):
        window = windows.get(key[0]) if key[0] is not None else None
        person = people.get(key[1]) if key[1] is not None else None
        rows.append(
            LogRow(
                window.number if window else None,
                window.name if window else "",
                person.name if person else "—",
                _values(table, table.cells.get(key, {}), columns),
            )
        )
    supervisors = [p.name for p in people.values() if p.active and p.role is Role.SUPERVISOR]
    return DailyLogData(
        number=log_number(site.code, first, last),
        site_code=site.code,
        site_name=site.name,
        first_day=first,
        last_day=last,
        sections=sections,
        rows=tuple(rows),
        totals=_values(table, table.total(), columns),
        cases=tuple(_log_case(c, calendar, ratio) for c in cases),
        supervisor_name=actor.name if actor.role is Role.SUPERVISOR else "、".join(supervisors),
        prepared_by=actor.name,
        made_at=uow.clock.now(),
        chain_seq=head.seq if head else 0,
        chain_hash=head.hash if head else "",
        chain_at=head.at if head else None,
        asked_last_day=asked_last,
    )


def _log_case(c: PeriodCase, calendar: WorkCalendar, ratio: float) -> LogCase:
    """A listed case as it stood at the end of the period's last day (``as_of``)."""
    then = c.then.as_of(c.accepted_day, c.committed_days, calendar, ratio)
    assert then.state is not None and then.deadline is not None  # it has events by then
    return LogCase(
        number=c.number,
        item_name=c.item_name,
        applicant=mask_name(c.applicant_name),
        clerk=c.owner_name,
        state=then.state,
        due_date=then.deadline.due,
        due_provisional=then.deadline.provisional,
        warning=then.warning,
    )


def _values(
    table: CountTable, counts: Mapping[str, int], columns: tuple[Column, ...]
) -> tuple[int | None, ...]:
    return tuple(table.value(counts, c.key) for c in columns)


def log_number(site_code: str, first: date, last: date) -> str:
    """QH-RZ20261124 for a day, QH-RZ20261101-20261130 for a period (日志 = RZ)."""
    if first == last:
        return f"{site_code}-RZ{first:%Y%m%d}"
    return f"{site_code}-RZ{first:%Y%m%d}-{last:%Y%m%d}"

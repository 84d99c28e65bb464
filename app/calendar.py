"""The hall's working-day calendar: the built-in State Council data plus what an administrator
entered. Deadlines are computed by ``app.workdays``; this module only assembles its input."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from app import audit
from app.errors import ValidationError
from app.ports import CalendarStore, UnitOfWork
from app.roles import Actor, Role, allowed_roles
from app.statutory_holidays import missing_from_schedule, provisional_days_off
from app.workdays import BUILTIN_YEARS, DayOverride, WorkCalendar, parse_schedule, years_in


class CalendarRepository(Protocol):
    def days(self) -> list[DayOverride]: ...
    def years(self) -> set[int]: ...
    def put_days(self, days: list[DayOverride], staff_id: int | None) -> None: ...
    def put_years(self, years: set[int], staff_id: int | None) -> None: ...


_cache: dict[tuple[tuple[DayOverride, ...], frozenset[int]], WorkCalendar] = {}


def load_calendar(uow: CalendarStore) -> WorkCalendar:
    """The calendar in force. Call inside a transaction; built once per distinct content."""
    days = tuple(sorted(uow.calendar.days(), key=lambda d: d.day))
    years = frozenset(uow.calendar.years())
    key = (days, years)
    if key not in _cache:
        _cache.clear()
        _cache[key] = WorkCalendar(overrides=days, entered_years=years)
    return _cache[key]


@dataclass(frozen=True)
class ScheduleResult:
    days: int
    years: tuple[int, ...]  # years the file touched
    cases_moved: int
    final_years: tuple[int, ...] = ()  # years now complete: deadlines in them are final
    # year -> what its schedule still lacks (one sentence per holiday); such a year stays
    # provisional, its entered days apply on top of the law's fixed holidays
    missing: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def summary_zh(self) -> str:
        """One line per year still incomplete, for the administrator."""
        return "\n".join(
            f"{year}年尚不完整，期限仍为暂定：" + "；".join(lines)
            for year, lines in sorted(self.missing.items())
        )


@allowed_roles(Role.ADMIN)
def enter_schedule(uow: UnitOfWork, actor: Actor, text: str) -> ScheduleResult:
    """Load a year's State Council schedule (format: ``app.workdays.parse_schedule``), then
    recompute every open case's deadline and flag those whose date moved.

    A year becomes final (its deadlines no longer provisional) only when, with what was
    entered before, every statutory holiday and its 补假 is in; the result says what an
    incomplete year still lacks."""
    from app.cases.deadlines import recompute_open_cases

    overrides = parse_schedule(text)
    if not overrides:
        raise ValidationError.single("file", "文件里没有任何日期")
    years = years_in(overrides)
    with uow.write():
        uow.calendar.put_days(overrides, actor.staff_id)
        ruling_by_year: dict[int, dict[date, bool]] = {}
        for d in uow.calendar.days():
            ruling_by_year.setdefault(d.day.year, {})[d.day] = d.is_workday
        missing = {
            year: tuple(lines)
            for year in sorted(years)
            if year not in BUILTIN_YEARS
            and (lines := missing_from_schedule(year, ruling_by_year.get(year, {})))
        }
        final = {year for year in years if year not in missing}
        uow.calendar.put_years(final, actor.staff_id)
        audit.record(
            uow,
            actor,
            "calendar_entered",
            "calendar",
            ",".join(map(str, sorted(years))),
            None,
            {"days": len(overrides), "final": sorted(final), "incomplete": sorted(missing)},
        )
        moved = recompute_open_cases(uow, actor)
    return ScheduleResult(
        len(overrides), tuple(sorted(years)), moved, tuple(sorted(final)), missing
    )


@allowed_roles(Role.ADMIN)
def set_day(uow: UnitOfWork, actor: Actor, day_text: str, is_workday: bool, name: str) -> int:
    """Override one day (a local holiday, a late-announced make-up day); recomputes open
    cases' deadlines and returns how many moved."""
    from datetime import date

    from app.cases.deadlines import recompute_open_cases
    from app.validation import validate_text

    try:
        day = date.fromisoformat(day_text.strip())
    except ValueError:
        raise ValidationError.single("day", "日期格式应为 YYYY-MM-DD") from None
    label = validate_text(name, "name", 100, required=False)
    with uow.write():
        uow.calendar.put_days([DayOverride(day, is_workday, label)], actor.staff_id)
        audit.record(
            uow,
            actor,
            "calendar_day_set",
            "calendar",
            day.isoformat(),
            None,
            {"workday": is_workday, "name": label},
        )
        return recompute_open_cases(uow, actor)


@dataclass(frozen=True)
class YearView:
    year: int
    known: bool  # built-in data or an entered schedule: deadlines are not provisional
    entered: bool
    days: list[DayOverride]


def year_view(uow: UnitOfWork, year: int) -> YearView:
    """The days of a year that are not plain Monday-to-Friday, as the calendar in force has
    them (built-in data plus what was entered), for the administrator's calendar page."""
    from datetime import date, timedelta

    with uow.read():
        calendar = load_calendar(uow)
        entered = year in uow.calendar.years()
        names = {d.day: d.name for d in uow.calendar.days() if d.day.year == year}
    if not calendar.is_year_known(year):  # the law's fixed days, unless entered otherwise
        names = provisional_days_off(year) | names
    days: list[DayOverride] = []
    day = date(year, 1, 1)
    while day.year == year:
        working = calendar.is_workday(day)
        if working != (day.weekday() < 5) or day in names:
            default = "调休上班" if working else "节假日"
            days.append(DayOverride(day, working, names.get(day) or default))
        day += timedelta(days=1)
    return YearView(year, calendar.is_year_known(year), entered, days)

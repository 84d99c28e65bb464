"""The hall's working-day calendar: the built-in State Council data plus what an administrator
entered. Deadlines are computed by ``app.workdays``; this module only assembles its input."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from app import audit
from app.errors import ValidationError
from app.ports import UnitOfWork
from app.roles import Actor, Role, allowed_roles
from app.workdays import DayOverride, WorkCalendar, parse_schedule, years_in


class CalendarRepository(Protocol):
    def days(self) -> list[DayOverride]: ...
    def years(self) -> set[int]: ...
    def put_days(self, days: list[DayOverride], staff_id: int | None) -> None: ...
    def put_years(self, years: set[int], staff_id: int | None) -> None: ...


_cache: dict[tuple[tuple[DayOverride, ...], frozenset[int]], WorkCalendar] = {}


def load_calendar(uow: UnitOfWork) -> WorkCalendar:
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
    years: tuple[int, ...]
    cases_moved: int


@allowed_roles(Role.ADMIN)
def enter_schedule(uow: UnitOfWork, actor: Actor, text: str) -> ScheduleResult:
    """Load a year's State Council schedule (format: ``app.workdays.parse_schedule``), then
    recompute every open case's deadline and flag those whose date moved."""
    from app.cases.deadlines import recompute_open_cases

    overrides = parse_schedule(text)
    if not overrides:
        raise ValidationError.single("file", "文件里没有任何日期")
    years = years_in(overrides)
    with uow.write():
        uow.calendar.put_days(overrides, actor.staff_id)
        uow.calendar.put_years(years, actor.staff_id)
        audit.record(
            uow,
            actor,
            "calendar_entered",
            "calendar",
            ",".join(map(str, sorted(years))),
            None,
            {"days": len(overrides)},
        )
        moved = recompute_open_cases(uow, actor)
    return ScheduleResult(len(overrides), tuple(sorted(years)), moved)


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
    days: list[DayOverride] = []
    day = date(year, 1, 1)
    while day.year == year:
        working = calendar.is_workday(day)
        if working != (day.weekday() < 5) or day in names:
            default = "调休上班" if working else "节假日"
            days.append(DayOverride(day, working, names.get(day) or default))
        day += timedelta(days=1)
    return YearView(year, calendar.is_year_known(year), entered, days)

"""Working hours: the hall's opening periods on working days, for limits counted in hours.

A referral must be acknowledged within a number of *working* hours: two hours given at 16:30 on
a Friday run out the next working day's morning, not on Saturday, and not over the lunch break.
Which days are working days comes from the calendar (``app.workdays``: weekends, holidays,
adjusted working days); the opening periods are a hall-wide setting (``hall_hours``), written
``09:00-12:00,13:30-17:00``. Times are the hall's wall clock (Beijing time).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from app.clock import DEFAULT_TZ

if TYPE_CHECKING:  # settings import this module at start; the calendar stays unloaded
    from app.workdays import WorkCalendar

Periods = tuple[tuple[time, time], ...]
DEFAULT_HALL_HOURS = "09:00-12:00,13:30-17:00"
_PERIOD = re.compile(r"([0-9]{1,2}):([0-9]{2})-([0-9]{1,2}):([0-9]{2})", re.ASCII)
_SEARCH_DAYS = 800  # a calendar with no working day in two years is broken, not busy


def parse_hall_hours(text: str) -> Periods:
    """``09:00-12:00,13:30-17:00`` into periods; ValueError (in Chinese) when malformed,
    overlapping or out of order."""
    cleaned = text.replace("，", ",").replace("：", ":").replace("－", "-").replace(" ", "")
    periods: list[tuple[time, time]] = []
    for part in filter(None, cleaned.split(",")):
        match = _PERIOD.fullmatch(part)
        if match is None:
            raise ValueError(f"“{part}”不是时段（格式如 09:00-12:00）")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise ValueError(f"“{part}”中的时间无效")
        start, end = time(h1, m1), time(h2, m2)
        if end <= start:
            raise ValueError(f"“{part}”的结束时间须晚于开始时间")
        if periods and start < periods[-1][1]:
            raise ValueError("时段须按时间先后排列且不能重叠")
        periods.append((start, end))
    if not periods:
        raise ValueError("请至少填写一个办公时段")
    return tuple(periods)


def format_hall_hours(periods: Periods) -> str:
    return ",".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in periods)


def canonical_hall_hours(text: str) -> str:
    """The setting's stored form (``app.settings`` parses with this)."""
    return format_hall_hours(parse_hall_hours(text))


def add_working_hours(
    start: datetime, minutes: int, calendar: WorkCalendar, periods: Periods
) -> datetime:
    """The moment ``minutes`` of working time after ``start`` (hall time, aware).

    Time outside the opening periods and on days off does not count. A limit that runs out
    exactly at the end of a period ends there, not at the next opening.
    """
    if minutes < 0:
        raise ValueError("minutes must be >= 0")
    local = start.astimezone(DEFAULT_TZ)
    day, remaining = local.date(), timedelta(minutes=minutes)
    clock_time: time | None = local.time().replace(tzinfo=None)
    for _ in range(_SEARCH_DAYS):
        if calendar.is_workday(day):
            for opens, closes in periods:
                begin = max(opens, clock_time) if clock_time else opens
                if begin >= closes:
                    continue
                available = _at(day, closes) - _at(day, begin)
                if remaining <= available:
                    return _at(day, begin) + remaining
                remaining -= available
        day, clock_time = day + timedelta(days=1), None
    raise ValueError("no working day in the calendar for two years")


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, DEFAULT_TZ)

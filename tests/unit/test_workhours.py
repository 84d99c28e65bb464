"""Working hours: a referral's acknowledgement limit counts only the hall's opening periods on
working days (weekends, holidays and the lunch break do not count; make-up days do)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from app.clock import DEFAULT_TZ
from app.workdays import DayOverride, WorkCalendar
from app.workhours import (
    DEFAULT_HALL_HOURS,
    add_working_hours,
    canonical_hall_hours,
    parse_hall_hours,
)

HOURS = parse_hall_hours(DEFAULT_HALL_HOURS)  # 09:00-12:00, 13:30-17:00
PLAIN = WorkCalendar(use_builtin=False)  # Monday to Friday


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), DEFAULT_TZ)


TUE = date(2026, 11, 24)
FRI = date(2026, 11, 27)
MON = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("start", "minutes", "due"),
    [
        (at(TUE, 9, 30), 120, at(TUE, 11, 30)),  # inside the morning
        (at(TUE, 11, 0), 120, at(TUE, 14, 30)),  # the lunch break does not count
        (at(TUE, 12, 15), 120, at(TUE, 15, 30)),  # given during lunch: counts from 13:30
        (at(TUE, 7, 0), 120, at(TUE, 11, 0)),  # before opening: counts from 09:00
        (at(TUE, 10, 0), 120, at(TUE, 12, 0)),  # runs out exactly at the end of a period
        (at(FRI, 16, 30), 120, at(MON, 10, 30)),  # the weekend does not count
        (at(FRI, 18, 0), 120, at(MON, 11, 0)),  # after closing: from the next opening
        (at(date(2026, 11, 28), 10, 0), 60, at(MON, 10, 0)),  # given on a Saturday
    ],
)
def test_limit_counts_only_opening_hours(start: datetime, minutes: int, due: datetime) -> None:
    assert add_working_hours(start, minutes, PLAIN, HOURS) == due


def test_holidays_skipped_and_make_up_days_counted() -> None:
    calendar = WorkCalendar(
        overrides=[
            DayOverride(MON, False, "假日"),
            DayOverride(date(2026, 11, 28), True, "调休"),  # a Saturday made a working day
        ],
        use_builtin=False,
    )
    assert add_working_hours(at(FRI, 16, 0), 120, calendar, HOURS) == at(date(2026, 11, 28), 10)
    assert add_working_hours(at(date(2026, 11, 28), 16, 30), 60, calendar, HOURS) == at(
        date(2026, 12, 1), 9, 30
    )


def test_setting_text_is_checked_and_normalised() -> None:
    assert canonical_hall_hours(" 8:30-12:00， 14:00-17:30 ") == "08:30-12:00,14:00-17:30"
    for bad in ("", "9-12", "12:00-09:00", "09:00-12:00,11:00-13:00", "25:00-26:00"):
        with pytest.raises(ValueError):
            parse_hall_hours(bad)

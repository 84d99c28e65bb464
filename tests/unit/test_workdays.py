"""Working-day arithmetic, checked against the real State Council schedules."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.workdays import (
    BUILTIN_YEARS,
    DayOverride,
    Pause,
    WarningLevel,
    WorkCalendar,
    parse_schedule,
    warning_level,
    working_days_late,
    years_in,
)

CAL = WorkCalendar()

SCHEDULE_2027 = """\ufeff# 2027 (test data, typed like the State Council notice)
2027-01-01..2027-01-03,holiday,元旦
2027-02-06..2027-02-12,holiday,春节
2027-02-14，班，春节调休
"""


def oracle_is_workday(day: date) -> bool:
    """The package itself for the years it knows, weekends only beyond."""
    if day.year in BUILTIN_YEARS:
        return chinese_calendar.is_workday(day)
    return day.weekday() < 5


def step_workdays(day: date, k: int) -> date:
    """Walk k working days forward, one calendar day at a time."""
    while k:
        day += timedelta(days=1)
        k -= oracle_is_workday(day)
    return day


def count_workdays(after: date, through: date) -> int:
    days = (through - after).days
    return sum(oracle_is_workday(after + timedelta(days=i)) for i in range(1, days + 1))


def test_package_covers_2004_to_2026_and_nothing_later() -> None:
    assert (BUILTIN_YEARS.start, BUILTIN_YEARS.stop - 1) == (2004, 2026)
    assert CAL.is_year_known(2026)
    assert not CAL.is_year_known(2027)


# -- National Day and Mid-Autumn 2025: Oct 1-8 off, Sun Sep 28 and Sat Oct 11 worked ---


def test_national_day_2025_days_off_and_make_up_days() -> None:
    assert not any(CAL.is_workday(date(2025, 10, d)) for d in range(1, 9))
    assert CAL.is_workday(date(2025, 9, 28))  # Sunday
    assert CAL.is_workday(date(2025, 10, 11))  # Saturday
    assert not CAL.is_workday(date(2025, 10, 12))  # ordinary Sunday


def test_five_day_case_accepted_before_national_day_2025() -> None:
    # Counted: Thu Oct 9, Fri Oct 10, Sat Oct 11 (make-up), Mon Oct 13, Tue Oct 14.
    deadline = CAL.add_working_days(date(2025, 9, 30), 5)
    assert deadline.due == date(2025, 10, 14)
    assert not deadline.provisional


def test_one_day_case_can_fall_due_on_a_make_up_sunday() -> None:
    assert CAL.add_working_days(date(2025, 9, 26), 1).due == date(2025, 9, 28)
    assert CAL.add_working_days(date(2025, 9, 30), 1).due == date(2025, 10, 9)


def test_without_a_schedule_the_holiday_would_count() -> None:
    weekends_only = WorkCalendar(use_builtin=False)
    deadline = weekends_only.add_working_days(date(2025, 9, 30), 5)
    assert deadline.due == date(2025, 10, 7)
    assert deadline.provisional and deadline.unknown_years == (2025,)


# -- Spring Festival 2026: Feb 15-23 off, Sat Feb 14 and Sat Feb 28 worked -----------


def test_spring_festival_2026() -> None:
    assert CAL.add_working_days(date(2026, 2, 13), 1).due == date(2026, 2, 14)
    assert CAL.add_working_days(date(2026, 2, 13), 2).due == date(2026, 2, 24)
    assert CAL.add_working_days(date(2026, 2, 26), 2).due == date(2026, 2, 28)
    # Feb 11-14, 24-28, Mar 2: ten working days across the whole festival.
    assert CAL.add_working_days(date(2026, 2, 10), 10).due == date(2026, 3, 2)


def test_year_end_2025_runs_into_new_year_make_up_sunday() -> None:
    # Jan 1-3 2026 off; Sunday Jan 4 is worked.
    assert CAL.add_working_days(date(2025, 12, 31), 1).due == date(2026, 1, 4)


def test_on_the_spot_item_is_due_the_same_day() -> None:
    deadline = CAL.add_working_days(date(2025, 9, 30), 0)
    assert deadline.due == date(2025, 9, 30)
    assert CAL.add_working_days(date(2025, 10, 1), 0).due == date(2025, 10, 1)
    assert not CAL.add_working_days(date(2027, 3, 1), 0).provisional
    assert "same day" in deadline.explain()


# -- 2027: no schedule yet, then an admin enters it ------------------------------------


def test_deadline_into_2027_is_provisional() -> None:
    deadline = CAL.add_working_days(date(2026, 12, 30), 3)
    assert deadline.due == date(2027, 1, 4)  # Dec 31, Fri Jan 1 (no schedule), Mon Jan 4
    assert deadline.provisional and deadline.unknown_years == (2027,)
    assert "2027" in deadline.explain() and "Provisional" in deadline.explain()
    far = CAL.add_working_days(date(2026, 12, 1), 500)
    assert far.unknown_years == (2027, 2028) and far.due is not None
    assert far.due.weekday() < 5


def test_entering_the_2027_schedule_moves_the_due_date_and_clears_provisional() -> None:
    overrides = parse_schedule(SCHEDULE_2027)
    entered = WorkCalendar(overrides, entered_years=years_in(overrides))
    deadline = entered.add_working_days(date(2026, 12, 30), 3)
    assert deadline.due == date(2027, 1, 5)
    assert not deadline.provisional
    assert deadline.calendar_version != CAL.version
    assert entered.is_workday(date(2027, 2, 14))  # Sunday make-up day
    # Spring Festival 2027: Feb 5, Sun Feb 14, Mon Feb 15.
    assert entered.add_working_days(date(2027, 2, 4), 3).due == date(2027, 2, 15)


def test_overrides_without_entering_the_year_stay_provisional() -> None:
    calendar = WorkCalendar(parse_schedule(SCHEDULE_2027))
    deadline = calendar.add_working_days(date(2026, 12, 30), 3)
    assert deadline.due == date(2027, 1, 5) and deadline.provisional


def test_admin_override_beats_the_package() -> None:
    local = WorkCalendar([DayOverride(date(2025, 10, 9), False, "local holiday")])
    assert local.add_working_days(date(2025, 9, 30), 1).due == date(2025, 10, 10)


def test_version_depends_on_the_effective_days_only() -> None:
    a = [DayOverride(date(2027, 1, 1), False, "元旦"), DayOverride(date(2027, 2, 14), True)]
    b = [DayOverride(date(2027, 2, 14), True, "调休"), DayOverride(date(2027, 1, 1), False)]
    assert WorkCalendar(a, [2027]).version == WorkCalendar(b, [2027]).version
    assert WorkCalendar(a, [2027]).version != WorkCalendar(a).version
    assert WorkCalendar().version == CAL.version
    # Declaring an ordinary Monday a working day changes nothing.
    assert WorkCalendar([DayOverride(date(2025, 3, 3), True)]).version == CAL.version


@given(
    start=st.dates(date(2004, 1, 1), date(2028, 12, 31)),
    n=st.integers(0, 80),
)
def test_due_date_matches_a_day_by_day_walk(start: date, n: int) -> None:
    deadline = CAL.add_working_days(start, n)
    assert deadline.due == step_workdays(start, n)
    assert deadline.provisional == (n > 0 and deadline.due.year > 2026)
    assert CAL.working_days_between(start, deadline.due) == n
    assert CAL.working_days_between(deadline.due, start) == -n


# -- pauses (补正, special procedures) --------------------------------------------------


def test_pause_skips_the_paused_working_days() -> None:
    start = date(2025, 3, 3)  # Monday, no holidays in March 2025
    assert CAL.add_working_days(start, 10).due == date(2025, 3, 17)
    # Suspended Wed Mar 5, resumed Fri Mar 7: Mar 6 and 7 do not count.
    paused = CAL.add_working_days(start, 10, [Pause(date(2025, 3, 5), date(2025, 3, 7))])
    assert (paused.due, paused.paused_days) == (date(2025, 3, 19), 2)
    assert "paused 2 working days" in paused.explain()
    # Suspended Fri, resumed Mon: only Monday was a working day.
    weekend = CAL.add_working_days(start, 10, [Pause(date(2025, 3, 7), date(2025, 3, 10))])
    assert (weekend.due, weekend.paused_days) == (date(2025, 3, 18), 1)


def test_open_pause_leaves_no_due_date() -> None:
    deadline = CAL.add_working_days(date(2025, 3, 3), 10, [Pause(date(2025, 3, 5), None)])
    assert deadline.due is None and deadline.suspended
    assert "suspended" in deadline.explain()
    assert warning_level(date(2025, 4, 30), None, 10, CAL) is WarningLevel.NORMAL


def test_pause_opened_after_the_due_date_does_not_hide_the_overdue_case() -> None:
    deadline = CAL.add_working_days(date(2025, 3, 3), 10, [Pause(date(2025, 3, 20), None)])
    assert deadline.due == date(2025, 3, 17) and deadline.suspended


def test_a_pause_that_begins_on_the_due_day_makes_it_due_the_day_it_resumes() -> None:
    start = date(2025, 3, 3)  # Monday; ten working days: due Mon Mar 17
    on_due_day = CAL.add_working_days(start, 10, [Pause(date(2025, 3, 17), date(2025, 3, 20))])
    assert (on_due_day.due, on_due_day.paused_days) == (date(2025, 3, 20), 3)
    # Resumed on a Saturday: due the next working day, Monday.
    weekend = CAL.add_working_days(start, 10, [Pause(date(2025, 3, 17), date(2025, 3, 22))])
    assert weekend.due == date(2025, 3, 24)
    # Still stopped: no due date, hence no card and no overdue record.
    assert CAL.add_working_days(start, 10, [Pause(date(2025, 3, 17), None)]).due is None
    # Stopped and resumed the same day: nothing was lost.
    same = CAL.add_working_days(start, 10, [Pause(date(2025, 3, 17), date(2025, 3, 17))])
    assert same.due == date(2025, 3, 17)
    # The day after the due day: late already, nothing moves.
    late = CAL.add_working_days(start, 10, [Pause(date(2025, 3, 18), date(2025, 3, 25))])
    assert late.due == date(2025, 3, 17)
    # Twice on the due day: each time due the day it resumes.
    twice = [
        Pause(date(2025, 3, 17), date(2025, 3, 19)),
        Pause(date(2025, 3, 19), date(2025, 3, 21)),
    ]
    assert CAL.add_working_days(start, 10, twice).due == date(2025, 3, 21)


def test_an_on_the_spot_item_stopped_the_day_it_was_accepted_is_due_the_day_it_resumes() -> None:
    monday = date(2025, 3, 3)
    assert CAL.add_working_days(monday, 0, [Pause(monday, date(2025, 3, 5))]).due == date(
        2025, 3, 5
    )
    assert CAL.add_working_days(monday, 0, [Pause(monday, None)]).due is None


def test_pause_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        Pause(date(2025, 3, 5), date(2025, 3, 4))


pauses = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=3,
)


@given(start=st.dates(date(2024, 1, 1), date(2027, 6, 30)), n=st.integers(0, 40), spans=pauses)
def test_pauses_never_make_the_due_date_earlier(
    start: date, n: int, spans: list[tuple[int, int]]
) -> None:
    plain = CAL.add_working_days(start, n)
    given_pauses = [Pause(start + timedelta(days=a), start + timedelta(days=b)) for a, b in spans]
    paused = CAL.add_working_days(start, n, given_pauses)
    assert paused.due is not None and plain.due is not None
    assert paused.due >= plain.due
    if n:
        # The paused working days are exactly what pushed the date out; one more only when a
        # pause began on the due day and ended on a day off (due the next working day).
        extra = count_workdays(start, paused.due) - n - paused.paused_days
        assert extra == 0 or (
            extra == 1
            and any(
                p.end is not None
                and not CAL.is_workday(p.end)
                and CAL.next_workday(p.end) == paused.due
                for p in given_pauses
            )
        )
        assert CAL.working_days_between(start, paused.due, given_pauses) == n + extra


@given(
    start=st.dates(date(2024, 1, 1), date(2027, 6, 30)),
    n=st.integers(1, 40),
    data=st.data(),
)
def test_a_pause_of_k_working_days_moves_the_due_date_by_k(
    start: date, n: int, data: st.DataObject
) -> None:
    plain = CAL.add_working_days(start, n).due
    assert plain is not None
    suspended = start + timedelta(days=data.draw(st.integers(0, (plain - start).days - 1)))
    resumed = suspended + timedelta(days=data.draw(st.integers(0, 40)))
    k = count_workdays(suspended, resumed)
    paused = CAL.add_working_days(start, n, [Pause(suspended, resumed)])
    assert paused.due == step_workdays(plain, k)
    assert paused.paused_days == k


# -- warning cards ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "level"),
    [
        (date(2025, 10, 10), WarningLevel.NORMAL),  # 3 left: Oct 11, 13, 14
        (date(2025, 10, 12), WarningLevel.NORMAL),  # Sunday, 2 left
        (date(2025, 10, 13), WarningLevel.YELLOW),  # 1 left <= 20% of 5
        (date(2025, 10, 14), WarningLevel.YELLOW),  # last day
        (date(2025, 10, 15), WarningLevel.RED),
    ],
)
def test_warning_level_of_a_five_day_case(today: date, level: WarningLevel) -> None:
    due = CAL.add_working_days(date(2025, 9, 30), 5).due
    assert warning_level(today, due, 5, CAL) is level


def test_warning_level_of_a_twenty_day_case() -> None:
    due = CAL.add_working_days(date(2025, 3, 3), 20).due
    assert due == date(2025, 3, 31)
    assert warning_level(date(2025, 3, 24), due, 20, CAL) is WarningLevel.NORMAL  # 5 left
    assert warning_level(date(2025, 3, 25), due, 20, CAL) is WarningLevel.YELLOW  # 4 left


def test_on_the_spot_item_is_yellow_on_the_day_and_red_after() -> None:
    day = date(2025, 3, 3)
    assert warning_level(day, day, 0, CAL) is WarningLevel.YELLOW
    assert warning_level(day + timedelta(days=1), day, 0, CAL) is WarningLevel.RED


def test_working_days_late() -> None:
    due = date(2025, 10, 17)  # Friday
    assert working_days_late(date(2025, 10, 17), due, CAL) == 0
    assert working_days_late(date(2025, 10, 18), due, CAL) == 0  # red, but no working day lost
    assert warning_level(date(2025, 10, 18), due, 5, CAL) is WarningLevel.RED
    assert working_days_late(date(2025, 10, 20), due, CAL) == 1
    # Due Fri Sep 26; by Oct 9 the Sunday make-up day, Sep 29, 30 and Oct 9 were lost.
    assert working_days_late(date(2025, 10, 9), date(2025, 9, 26), CAL) == 4
    assert working_days_late(date(2025, 10, 9), None, CAL) == 0


# -- schedule import --------------------------------------------------------------------


def test_parse_schedule_reads_days_ranges_and_comments() -> None:
    overrides = parse_schedule(SCHEDULE_2027)
    assert len(overrides) == 3 + 7 + 1
    assert overrides[0] == DayOverride(date(2027, 1, 1), False, "元旦")
    assert overrides[-1] == DayOverride(date(2027, 2, 14), True, "春节调休")
    assert years_in(overrides) == {2027}
    assert parse_schedule("2027-5-1,HOLIDAY  # Labour Day\n\n") == [
        DayOverride(date(2027, 5, 1), False, "")
    ]


def test_parse_schedule_reports_every_bad_line_by_number() -> None:
    text = "\n".join(
        [
            "2027-01-01,holiday,元旦",
            "2027-02-30,holiday,春节",  # no such day
            "2027-02-12..2027-02-06,holiday,春节",  # backwards
            "2027-02-14,rest,调休",  # unknown kind
            "2027-01-01,workday",  # listed twice
            "2027-01-01..2028-06-01,holiday",  # absurd range
            "2027/03/01 holiday",
        ]
    )
    with pytest.raises(ValidationError) as caught:
        parse_schedule(text)
    assert set(caught.value.errors) == {f"line {i}" for i in range(2, 8)}
    assert "第1行" in caught.value.errors["line 5"]


@given(st.text())
def test_parse_schedule_never_fails_with_anything_but_a_validation_error(text: str) -> None:
    try:
        parse_schedule(text)
    except ValidationError as exc:
        assert exc.errors and all(key.startswith("line ") for key in exc.errors)

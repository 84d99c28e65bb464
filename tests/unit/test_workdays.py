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


# Days off the law fixes in 2027 and 2028, worked out by hand (not by app code): lunar
# dates from the published almanac (also agreed by the ``lunardate`` package's own table):
# 春节 2027-02-06 (除夕 02-05), 2028-01-26 (除夕 01-25); 清明 2027-04-05, 2028-04-04;
# 端午 2027-06-09, 2028-05-28; 中秋 2027-09-15, 2028-10-03. 补假 on the next weekday(s).
# fmt: off
LAW_DAYS_OFF = {
    2027: {
        date(2027, 1, 1),  # 元旦, Friday
        date(2027, 2, 5), date(2027, 2, 8),  # 除夕 Fri, 初三 Mon (初一 Sat, 初二 Sun)
        date(2027, 2, 9), date(2027, 2, 10),  # 补假 for Sat 02-06 and Sun 02-07
        date(2027, 4, 5),  # 清明, Monday
        date(2027, 5, 3), date(2027, 5, 4),  # 补假 for 劳动节 Sat 05-01, Sun 05-02
        date(2027, 6, 9),  # 端午, Wednesday
        date(2027, 9, 15),  # 中秋, Wednesday
        date(2027, 10, 1), date(2027, 10, 4), date(2027, 10, 5),  # 国庆 Fri; 补假 for Sat, Sun
    },
    2028: {
        date(2028, 1, 3),  # 补假 for 元旦 on Saturday
        date(2028, 1, 25), date(2028, 1, 26), date(2028, 1, 27), date(2028, 1, 28),  # 春节
        date(2028, 4, 4),  # 清明, Tuesday
        date(2028, 5, 1), date(2028, 5, 2),  # 劳动节 Mon, Tue
        date(2028, 5, 29),  # 补假 for 端午 on Sunday 05-28
        # 国庆 Sun 10-01 to Tue 10-03, 中秋 on 10-03 too: two days owed, Wed and Thu
        date(2028, 10, 2), date(2028, 10, 3), date(2028, 10, 4), date(2028, 10, 5),
    },
}
# fmt: on


FULL_2027 = """# a complete 2027 schedule (test data shaped like a State Council notice)
2027-01-01..2027-01-03,holiday,元旦
2027-02-05..2027-02-11,holiday,春节
2027-02-20,workday,春节调休
2027-04-03..2027-04-05,holiday,清明节
2027-05-01..2027-05-05,holiday,劳动节
2027-05-08,workday,劳动节调休
2027-06-09,holiday,端午节
2027-09-15,holiday,中秋节
2027-09-26,workday,国庆节调休
2027-10-01..2027-10-07,holiday,国庆节
2027-10-09,workday,国庆节调休
"""


def oracle_is_workday(day: date) -> bool:
    """The package itself for the years it knows; beyond, the law's fixed days worked out
    above (no 调休 known yet)."""
    if day.year in BUILTIN_YEARS:
        return chinese_calendar.is_workday(day)
    assert day.year in LAW_DAYS_OFF, f"no test facts for {day.year}"
    return day.weekday() < 5 and day not in LAW_DAYS_OFF[day.year]


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


def test_without_the_published_schedule_only_the_law_s_days_are_off() -> None:
    law_only = WorkCalendar(use_builtin=False)
    # 国庆 Wed Oct 1-Fri Oct 3 and 中秋 Mon Oct 6 are off; the 调休 (Oct 7, 8 off, Sep 28 and
    # Oct 11 worked) is not known: Oct 7, 8, 9, 10, 13.
    deadline = law_only.add_working_days(date(2025, 9, 30), 5)
    assert deadline.due == date(2025, 10, 13)
    assert deadline.provisional and deadline.unknown_years == (2025,)


def test_the_law_s_days_off_in_2027_and_2028_are_never_working_days() -> None:
    for year, days in LAW_DAYS_OFF.items():
        assert not CAL.is_year_known(year)
        assert all(not CAL.is_workday(day) for day in days), year
        weekdays_off = {
            date.fromordinal(o)
            for o in range(date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal() + 1)
            if date.fromordinal(o).weekday() < 5 and not CAL.is_workday(date.fromordinal(o))
        }
        assert weekdays_off == days
        assert len(days) == 13  # 13 statutory days a year since 2025, each made up if lost


def test_provisional_due_dates_skip_the_fixed_holidays() -> None:
    # Accepted Thu 2027-02-04: Fri 02-05 除夕, 02-08 初三, 02-09 and 02-10 补假 are off.
    deadline = CAL.add_working_days(date(2027, 2, 4), 1)
    assert deadline.due == date(2027, 2, 11) and deadline.provisional
    # 2028: 国庆 and 中秋 together, so 10-02 to 10-05 are off; due Fri 10-06.
    assert CAL.add_working_days(date(2028, 9, 29), 1).due == date(2028, 10, 6)


def test_published_2026_schedule_keeps_its_fixed_holidays() -> None:
    """The law's rules hold for the published 2026 schedule (State Council notice, Nov 2025)."""
    from app.statutory_holidays import festivals, missing_from_schedule

    ruling = {d: False for d in chinese_calendar.constants.holidays if d.year == 2026}
    ruling |= {d: True for d in chinese_calendar.constants.workdays if d.year == 2026}
    assert missing_from_schedule(2026, ruling) == []
    spring = next(f for f in festivals(2026) if f.key == "spring")
    assert spring.days == tuple(date(2026, 2, d) for d in (16, 17, 18, 19))  # 除夕 to 初三
    # 2026 as published: 元旦 01-01..03, 春节 02-15..23, 清明 04-04..06, 劳动节 05-01..05,
    # 端午 06-19..21, 中秋 09-25..27, 国庆 10-01..07; every statutory day is among them.
    published = (
        {date(2026, 1, d) for d in (1, 2, 3)}
        | {date(2026, 2, d) for d in range(15, 24)}
        | {date(2026, 4, d) for d in (4, 5, 6)}
        | {date(2026, 5, d) for d in range(1, 6)}
        | {date(2026, 6, d) for d in (19, 20, 21)}
        | {date(2026, 9, d) for d in (25, 26, 27)}
        | {date(2026, 10, d) for d in range(1, 8)}
    )
    assert {d for f in festivals(2026) for d in f.days} <= published
    assert all(not CAL.is_workday(d) for d in published)


def test_an_incomplete_schedule_says_what_is_missing() -> None:
    from app.statutory_holidays import missing_from_schedule

    only_new_year = {o.day: o.is_workday for o in parse_schedule(SCHEDULE_2027)}
    missing = missing_from_schedule(2027, only_new_year)
    assert len(missing) == 6 and not any("元旦" in line for line in missing)
    assert any("清明节" in line for line in missing)
    complete = {o.day: o.is_workday for o in parse_schedule(FULL_2027)}
    assert missing_from_schedule(2027, complete) == []
    # 春节 without its 补假 (除夕 Fri to 初三 Mon, weekend inside): two weekdays short.
    no_make_up = complete | {date(2027, 2, 9): True, date(2027, 2, 10): True}
    assert missing_from_schedule(2027, no_make_up) == [
        "全年法定假日13天，连同补假应有13个工作日放假（扣除调休上班的周末），现只有11个：缺补假"
    ]
    worked = complete | {date(2027, 10, 1): True}
    assert missing_from_schedule(2027, worked) == ["国庆节：法定假日10-01被录为上班"]


def test_published_schedules_2014_to_2026_hold_every_statutory_day_and_are_complete() -> None:
    """The lunar dates and the rules against 13 years of State Council notices (the package's
    data, typed from them): every statutory day is off, and each year passes as complete."""
    from app.statutory_holidays import festivals, missing_from_schedule, provisional_days_off

    for year in range(2014, 2027):
        ruling = {d: False for d in chinese_calendar.constants.holidays if d.year == year}
        ruling |= {d: True for d in chinese_calendar.constants.workdays if d.year == year}
        for fest in festivals(year):
            for day in fest.days:
                assert ruling.get(day, day.weekday() >= 5) is False, (fest.name, day)
        assert missing_from_schedule(year, ruling) == [], year
        if year != 2015:  # 2015: 中秋's 补假 (Sun Sep 27) was put into the 国庆 week instead
            law = [d for d in provisional_days_off(year) if d.weekday() < 5]
            assert all(ruling.get(d) is False for d in law), year


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
    assert deadline.due == date(2027, 1, 5)  # Dec 31, (Fri Jan 1 元旦 by law), Jan 4, Jan 5
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
    start=st.dates(date(2004, 1, 1), date(2028, 8, 15)),  # due dates stay within 2028
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

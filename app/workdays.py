"""Working days: the one home of 工作日 / 调休 counting, deadlines and warning cards.

Rules (shared/docs/DOMAIN.md, "Counting working days"):

* Weekends and statutory holidays are not working days; adjusted working days (调休, a
  Saturday or Sunday declared a working day) are.
* The acceptance day does not count: a case with N committed working days is due at the
  end of the N-th working day after it. N = 0 (on-the-spot item) is due the same day.
* A pause (补正 corrections, 特别程序 special procedure) begins on a day that was used; the
  days after it up to and including the resumption day do not count. While a pause is
  open the due date is not defined. A pause that begins on the due day leaves no working day
  to count after it: the case is due at the end of the day it resumes (or of the next working
  day when that is not one). A pause that begins after the due day moves nothing.

Sources: the ``chinese_calendar`` package (years 2004-2026 in version 1.11.0), overridden
day by day by admin-entered data. A year is *known* if the package covers it or an admin
entered its whole schedule (``app.statutory_holidays.missing_from_schedule`` is empty). In an
unknown year the days off are weekends plus the holidays that the law fixes and their 补假
(``app.statutory_holidays``); only the 调休 swaps are missing, so a deadline that depends on
a day of such a year is provisional.

Schedule import format (UTF-8 text, typed from the State Council notice)::

    # 2027 holiday schedule
    2027-01-01,holiday,元旦
    2027-02-06..2027-02-12,holiday,春节
    2027-02-14,workday,春节调休

One day (``YYYY-MM-DD``) or an inclusive range (``start..end``) per line, then the kind
``holiday`` or ``workday`` (``休`` / ``班`` also accepted), then an optional name. ``#``
starts a comment, blank lines are skipped, a full-width comma ``，`` also separates, a
UTF-8 BOM is ignored. A range spans at most 366 days; no day may be listed twice.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from chinese_calendar import constants as _builtin

from app.errors import ValidationError
from app.statutory_holidays import REVISION_2024_FROM, provisional_days_off
from app.warning_levels import WarningLevel

BUILTIN_YEARS = range(
    min(d.year for d in _builtin.holidays), max(d.year for d in _builtin.holidays) + 1
)
_OPEN = date.max.toordinal() + 1  # end of a pause that has not been resumed


@dataclass(frozen=True, slots=True)
class DayOverride:
    """An admin's ruling on one day: a holiday, or a weekend day made a working day."""

    day: date
    is_workday: bool
    name: str = ""


@dataclass(frozen=True, slots=True)
class Pause:
    """Suspended on ``start`` (a day that counted), resumed on ``end``; ``None`` = still open."""

    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"pause resumed {self.end} before it started {self.start}")


@dataclass(frozen=True, slots=True)
class Deadline:
    """When a case is due, and enough of how it was computed to explain it to a clerk."""

    accepted: date
    due: date | None  # end of this day; None while suspended
    working_days: int
    paused_days: int  # working days skipped by pauses before the due date
    calendar_version: str
    provisional: bool = False
    suspended: bool = False
    unknown_years: tuple[int, ...] = ()  # why it is provisional

    def explain(self) -> str:
        parts = [f"Accepted {self.accepted}", f"{self.working_days} working days"]
        if self.paused_days:
            parts.append(f"paused {self.paused_days} working days")
        if self.due is None:
            parts.append("suspended: no due date until the case resumes")
        elif self.working_days == 0:
            parts.append(f"on-the-spot item, due {self.due} (same day)")
        else:
            parts.append(f"due end of {self.due}")
        if self.suspended and self.due is not None:
            parts.append("suspended only after the last counted day")
        text = "; ".join(parts) + f"; calendar {self.calendar_version}."
        if self.provisional:
            years = ", ".join(map(str, self.unknown_years)) or "a future year"
            text += (
                f"\nProvisional: the {years} holiday schedule has not been entered in full; "
                "only the holidays fixed by law and their make-up days are counted."
            )
        return text


class WorkCalendar:
    """Which days are working days; counts deadlines. Cheap to query, build once."""

    def __init__(
        self,
        overrides: Iterable[DayOverride] = (),
        entered_years: Iterable[int] = (),
        use_builtin: bool = True,
    ) -> None:
        self._overrides = {o.day: o.is_workday for o in overrides}  # later entries win
        self._entered_years = frozenset(entered_years)
        self._use_builtin = use_builtin
        self._workdays: dict[int, list[int]] = {}  # year -> sorted workday ordinals
        # Deadlines without pauses by (start ordinal, n): a past day's log judges thousands of
        # open cases, most of them accepted on a few hundred days with a few limits.
        self._plain: dict[tuple[int, int], Deadline] = {}
        self.version = self._compute_version()

    def is_year_known(self, year: int) -> bool:
        return (self._use_builtin and year in BUILTIN_YEARS) or year in self._entered_years

    def is_workday(self, day: date) -> bool:
        ordinals = self._workdays_of(day.year)
        i = bisect_left(ordinals, day.toordinal())
        return i < len(ordinals) and ordinals[i] == day.toordinal()

    def next_workday(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return date.fromordinal(self._nth_after(day.toordinal(), 1))

    def working_days_between(self, start: date, end: date, pauses: Sequence[Pause] = ()) -> int:
        """Working days after ``start`` up to and including ``end``, less paused ones.

        Negative (the same count with the sign flipped) when ``end`` is before ``start``.
        """
        if end < start:
            return -self.working_days_between(end, start, pauses)
        s, e = start.toordinal(), end.toordinal()
        total = self._count_after(s, e)
        for first, last in _paused_ranges(pauses, s):
            if first > e:
                break
            total -= self._count_after(first - 1, min(last, e))
        return total

    def add_working_days(self, start: date, n: int, pauses: Sequence[Pause] = ()) -> Deadline:
        """The deadline of a case accepted on ``start`` with ``n`` committed working days."""
        if pauses:
            return self._deadline(start, n, pauses)
        key = (start.toordinal(), n)
        found = self._plain.get(key)
        if found is None:
            found = self._plain[key] = self._deadline(start, n, ())
        return found

    def _deadline(self, start: date, n: int, pauses: Sequence[Pause]) -> Deadline:
        if n < 0:
            raise ValueError(f"committed working days must be >= 0, got {n}")
        s = start.toordinal()
        try:
            due, paused, last_counted = self._walk(s, n, pauses) if n or pauses else (s, 0, s)
            due_date = None if due is None else date.fromordinal(due)
        except (ValueError, OverflowError):  # past 9999-12-31, the last day a date can be
            raise ValidationError.single(
                "days", f"期限超出可计算的范围（最晚到 {date.max:%Y-%m-%d}）"
            ) from None
        unknown = self._unknown_years(s, last_counted)
        return Deadline(
            accepted=start,
            due=due_date,
            working_days=n,
            paused_days=paused,
            calendar_version=self.version,
            provisional=bool(unknown),
            suspended=bool(pauses) and any(p.end is None for p in pauses),
            unknown_years=unknown,
        )

    def _walk(self, s: int, n: int, pauses: Sequence[Pause]) -> tuple[int | None, int, int]:
        """Count n >= 0 working days after ordinal s, skipping pauses.

        A pause that begins on the due day itself stops the clock with no working day left
        (Art. 45: the time in a special procedure or a correction does not count): the case is
        then due at the end of the day it resumes, or of the first working day after it when
        that day is not one. A pause that begins after the due day moves nothing: the case was
        late already.

        Returns the due ordinal (None if a pause still open stops the count first), the
        working days paused before it, and the last day the result depends on.
        """
        cursor, remaining, paused = s, n, 0
        due = s if n == 0 else self._nth_after(s, n)  # where the count ends, no pause
        for first, last in _paused_ranges(pauses, s) if pauses else ():
            available = self._count_after(cursor, first - 1)
            if available > remaining or (available == remaining and first - 1 != due):
                break  # the pause begins after the due day
            remaining -= available
            if last == _OPEN:
                return None, paused, first - 1
            paused += self._count_after(first - 1, last)
            cursor = last
            if remaining:
                due = self._nth_after(cursor, remaining)
            else:  # stopped on its due day: due the day it resumes
                due = cursor if self._is_workday_ordinal(cursor) else self._nth_after(cursor, 1)
        return due, paused, due

    def _is_workday_ordinal(self, o: int) -> bool:
        return self.is_workday(date.fromordinal(o))

    # -- internals -------------------------------------------------------------------

    def _day_is_workday(self, day: date) -> bool:
        ruling = self._overrides.get(day)
        if ruling is not None:
            return ruling
        if self._use_builtin and day.year in BUILTIN_YEARS:
            if day in _builtin.workdays:
                return True
            if day in _builtin.holidays:
                return False
        elif not self.is_year_known(day.year) and day in provisional_days_off(day.year):
            return False
        return day.weekday() < 5

    def _workdays_of(self, year: int) -> list[int]:
        ordinals = self._workdays.get(year)
        if ordinals is None:
            first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
            ordinals = [
                o for o in range(first, last + 1) if self._day_is_workday(date.fromordinal(o))
            ]
            self._workdays[year] = ordinals
        return ordinals

    def _count_after(self, a: int, b: int) -> int:
        """Working days in the ordinal range (a, b]."""
        if b <= a:
            return 0
        total = 0
        for year in range(date.fromordinal(a).year, date.fromordinal(b).year + 1):
            ordinals = self._workdays_of(year)
            total += bisect_right(ordinals, b) - bisect_right(ordinals, a)
        return total

    def _nth_after(self, a: int, n: int) -> int:
        """Ordinal of the n-th (n >= 1) working day after ordinal ``a``."""
        year = date.fromordinal(a).year
        ordinals = self._workdays_of(year)
        i = bisect_right(ordinals, a)
        while i + n > len(ordinals):
            n -= len(ordinals) - i
            year += 1
            ordinals, i = self._workdays_of(year), 0
        return ordinals[i + n - 1]

    def _unknown_years(self, a: int, b: int) -> tuple[int, ...]:
        """Unknown years among the days in the ordinal range (a, b]."""
        if b <= a:
            return ()
        first, last = date.fromordinal(a + 1).year, date.fromordinal(b).year
        if first == last:  # the usual case, kept cheap for bulk recomputation
            return () if self.is_year_known(first) else (first,)
        return tuple(y for y in range(first, last + 1) if not self.is_year_known(y))

    def _compute_version(self) -> str:
        """Hash of the effective data only: the days that differ from Mon-Fri, and the
        known years. Names do not count, nor where a ruling came from."""
        days = set(self._overrides)
        if self._use_builtin:
            days |= _builtin.holidays.keys() | _builtin.workdays.keys()
        digest = hashlib.sha256()
        for day in sorted(days):
            workday = self._day_is_workday(day)
            if workday != (day.weekday() < 5):
                digest.update(f"{day.isoformat()}{'W' if workday else 'H'};".encode())
        known = set(self._entered_years) | (set(BUILTIN_YEARS) if self._use_builtin else set())
        digest.update(("years:" + ",".join(map(str, sorted(known)))).encode())
        digest.update(f";statutory:{REVISION_2024_FROM}".encode())  # rules of unknown years
        return digest.hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class CitizenDay:
    """A date an applicant is given (补齐 / 补交 by), as it may be printed."""

    day: date
    provisional: bool  # its year's schedule is not final: a 调休 or 补假 may still move it
    typed: date | None = None  # the day asked for, when it was a day off and moved


def citizen_day(calendar: WorkCalendar, day: date) -> CitizenDay:
    """The date to give an applicant for ``day``: a day off is never shown; a time limit
    that ends on one ends on the next working day (民法典 Art. 203), as the law reads for
    periods. Provisional when the day's year is not final. Every date printed for a citizen
    that a clerk chose goes through here (the computed due dates are working days already).
    """
    moved = day if calendar.is_workday(day) else calendar.next_workday(day)
    return CitizenDay(moved, not calendar.is_year_known(moved.year), day if moved != day else None)


def _paused_ranges(pauses: Sequence[Pause], start: int) -> list[tuple[int, int]]:
    """Excluded ordinal ranges [first, last] after ``start``, sorted and merged."""
    ranges = sorted(
        (max(p.start.toordinal(), start) + 1, _OPEN if p.end is None else p.end.toordinal())
        for p in pauses
    )
    merged: list[tuple[int, int]] = []
    for first, last in ranges:
        if last < first:
            continue
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


# -- warning cards (红牌 / 黄牌) -------------------------------------------------------


def warning_level(
    today: date,
    due: date | None,
    committed_days: int,
    calendar: WorkCalendar,
    yellow_ratio: float = 0.2,
) -> WarningLevel:
    """RED after the due day; YELLOW on it, or when the working days left are at most
    ``yellow_ratio`` of the committed days; NORMAL otherwise and while suspended."""
    if due is None:
        return WarningLevel.NORMAL
    if today > due:
        return WarningLevel.RED
    if today == due:
        return WarningLevel.YELLOW
    left = calendar.working_days_between(today, due)
    return WarningLevel.YELLOW if left <= yellow_ratio * committed_days else WarningLevel.NORMAL


def working_days_late(today: date, due: date | None, calendar: WorkCalendar) -> int:
    """Working days after the due day up to and including today; 0 if not late."""
    if due is None or today <= due:
        return 0
    return calendar.working_days_between(due, today)


# -- schedule import ------------------------------------------------------------------

_DAY = r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
_DAYS = re.compile(rf"{_DAY}(?:\s*\.\.\s*{_DAY})?", re.ASCII)
_KINDS = {"holiday": False, "休": False, "workday": True, "班": True}
_MAX_RANGE_DAYS = 366


class _LineError(Exception):
    pass


def _parse_line(line: str) -> tuple[list[date], bool, str]:
    fields = [f.strip() for f in line.replace("，", ",").split(",", 2)]
    if len(fields) < 2:
        raise _LineError("格式应为：日期或日期..日期,holiday或workday,名称")
    match = _DAYS.fullmatch(fields[0])
    if match is None:
        raise _LineError(
            f"日期“{fields[0][:30]}”格式不正确，应如2027-01-01或2027-02-06..2027-02-12"
        )
    try:
        numbers = [int(g) for g in match.groups() if g is not None]
        first = date(*numbers[:3])
        last = date(*numbers[3:]) if len(numbers) == 6 else first
    except ValueError:
        raise _LineError(f"日期“{fields[0]}”不存在") from None
    if last < first:
        raise _LineError("日期范围的结束日期早于开始日期")
    if last.toordinal() - first.toordinal() >= _MAX_RANGE_DAYS:
        raise _LineError(f"日期范围不能超过{_MAX_RANGE_DAYS}天")
    kind = fields[1].lower()
    if kind not in _KINDS:
        raise _LineError(f"类型“{fields[1][:20]}”不正确，应为holiday（休）或workday（班）")
    name = fields[2] if len(fields) == 3 else ""
    days = [date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]
    return days, _KINDS[kind], name


def parse_schedule(text: str) -> list[DayOverride]:
    """Parse an admin's holiday schedule. Every bad line is reported, keyed "line N"."""
    errors: dict[str, str] = {}
    first_line: dict[date, int] = {}
    result: list[DayOverride] = []
    for number, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            days, is_workday, name = _parse_line(line)
        except _LineError as exc:
            errors[f"line {number}"] = str(exc)
            continue
        repeated = next((d for d in days if d in first_line), None)
        if repeated is not None:
            errors[f"line {number}"] = f"{repeated}已在第{first_line[repeated]}行出现"
            continue
        for day in days:
            first_line[day] = number
            result.append(DayOverride(day, is_workday, name))
    if errors:
        raise ValidationError(errors)
    return result


def years_in(overrides: Iterable[DayOverride]) -> set[int]:
    return {o.day.year for o in overrides}

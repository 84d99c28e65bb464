"""The administrator's calendar entries."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.workdays import DayOverride
from db.models import CalendarDay, CalendarYear


class SqlCalendarRepository:
    def __init__(self, session: Session, clock: Clock) -> None:
        self.s = session
        self.clock = clock

    def days(self) -> list[DayOverride]:
        rows = self.s.scalars(select(CalendarDay).order_by(CalendarDay.day))
        return [DayOverride(r.day, r.is_workday, r.name) for r in rows]

    def years(self) -> set[int]:
        return set(self.s.scalars(select(CalendarYear.year)))

    def put_days(self, days: list[DayOverride], staff_id: int | None) -> None:
        now = self.clock.now()
        for d in days:
            row = self.s.get(CalendarDay, d.day)
            if row is None:
                self.s.add(
                    CalendarDay(
                        day=d.day,
                        is_workday=d.is_workday,
                        name=d.name,
                        entered_by=staff_id,
                        entered_at=now,
                    )
                )
            else:
                row.is_workday, row.name, row.entered_by, row.entered_at = (
                    d.is_workday,
                    d.name,
                    staff_id,
                    now,
                )
        self.s.flush()

    def put_years(self, years: set[int], staff_id: int | None) -> None:
        now = self.clock.now()
        for year in years:
            if self.s.get(CalendarYear, year) is None:
                self.s.add(CalendarYear(year=year, entered_by=staff_id, entered_at=now))
        self.s.flush()

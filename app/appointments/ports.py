"""What the appointment services need from storage."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol

from app.appointments.records import (
    AppointmentEvent,
    AppointmentRecord,
    NewAppointment,
    ScheduleRecord,
)


class AppointmentRepository(Protocol):
    # -- schedules ---------------------------------------------------------------------------
    def schedules(self, site_id: int, include_inactive: bool = False) -> list[ScheduleRecord]: ...
    def schedule(self, schedule_id: int) -> ScheduleRecord | None: ...
    def find_schedule(
        self, site_id: int, window_id: int | None, item_id: int | None
    ) -> ScheduleRecord | None: ...
    def add_schedule(self, **fields: Any) -> int: ...
    def update_schedule(self, schedule_id: int, **fields: Any) -> None: ...
    def close_day(
        self, schedule_id: int, day: date, reason: str, staff_id: int, at: datetime
    ) -> None: ...
    def reopen_day(self, schedule_id: int, day: date) -> bool: ...

    # -- places ------------------------------------------------------------------------------
    def take_place(self, schedule_id: int, day: date, start_minute: int, capacity: int) -> bool:
        """Count one more booking of the slot if it has fewer than ``capacity``: one
        conditional update of the slot's counter row, so of two transactions taking the last
        place only one gets it (the other waits for the row and then finds it full)."""
        ...

    def release_place(self, schedule_id: int, day: date, start_minute: int) -> None: ...
    def booked(self, schedule_id: int, day: date) -> dict[int, int]:
        """Bookings per slot start on that day (slots never booked are absent)."""
        ...

    # -- appointments ------------------------------------------------------------------------
    def add(self, new: NewAppointment) -> int: ...
    def get(self, appointment_id: int) -> AppointmentRecord | None:
        """With its history."""
        ...

    def by_number(self, number: str) -> AppointmentRecord | None: ...
    def update(self, appointment_id: int, expected_version: int, **changes: Any) -> None:
        """Change it if its row version is still ``expected_version``, else ConcurrentEdit."""
        ...

    def add_event(self, appointment_id: int, event: AppointmentEvent) -> None: ...
    def day_list(
        self, site_id: int, day: date, window_id: int | None = None
    ) -> list[AppointmentRecord]:
        """The day's appointments in time order (without their history)."""
        ...

    def active_on(self, schedule_id: int, day: date) -> int: ...
    def active_from(self, schedule_id: int, day: date) -> int:
        """Active appointments of the schedule on ``day`` or later."""
        ...

    def hold_schedule(self, schedule_id: int) -> None:
        """Hold the schedule against other bookings until this transaction ends, so a check
        across its appointments (one booking per phone and day) stays true until the commit."""
        ...

    def active_for_phone(self, schedule_id: int, day: date, phone: str) -> str | None:
        """The number of an active appointment of this phone on that day, if any."""
        ...

    def state_counts(self, site_id: int, day: date) -> dict[str, int]: ...

"""Values passed into and out of the appointment services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from app.catalog.records import MaterialRecord


class AppointmentState(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"  # arrived; the visit was opened
    NO_SHOW = "no_show"  # 爽约: marked at the end of the day
    CANCELLED = "cancelled"


class BookingChannel(StrEnum):
    PHONE = "phone"  # 电话预约
    COUNTER = "counter"  # 现场预约


class AppointmentAction(StrEnum):
    BOOK = "book"
    MOVE = "move"
    CANCEL = "cancel"
    CHECK_IN = "check_in"
    NO_SHOW = "no_show"


ACTIVE_STATES = frozenset({AppointmentState.BOOKED, AppointmentState.CHECKED_IN})


def clock_text(minute: int) -> str:
    """Minutes after midnight as the hall's wall clock reads them: 570 -> "09:30"."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


def span_text(start: int, end: int) -> str:
    """A stretch of the day on the wall clock: (570, 600) -> "09:30-10:00"."""
    return f"{clock_text(start)}-{clock_text(end)}"


@dataclass(frozen=True)
class Session:
    """A bookable stretch of a day (上午 / 下午), in minutes after midnight, hall time."""

    start: int
    end: int

    def text(self) -> str:
        return span_text(self.start, self.end)


@dataclass(frozen=True)
class ClosedDay:
    day: date
    reason: str


@dataclass(frozen=True)
class ScheduleInput:
    """What the administrator sets for a window, an item, or an item at a window."""

    window_number: int | None
    item_code: str
    slot_minutes: int
    capacity: int
    morning: Session | None
    afternoon: Session | None
    days_ahead: int = 14
    active: bool = True


@dataclass(frozen=True)
class ScheduleRecord:
    id: int
    site_id: int
    window_id: int | None
    window_number: int | None
    window_name: str
    item_id: int | None
    item_code: str
    item_name: str
    slot_minutes: int
    capacity: int
    morning: Session | None
    afternoon: Session | None
    days_ahead: int
    active: bool
    closed_days: tuple[ClosedDay, ...] = ()

    @property
    def sessions(self) -> tuple[Session, ...]:
        return tuple(s for s in (self.morning, self.afternoon) if s is not None)

    def slot_starts(self) -> list[int]:
        """Where each slot begins; a session's remainder shorter than a slot is not offered."""
        starts: list[int] = []
        for session in self.sessions:
            start = session.start
            while start + self.slot_minutes <= session.end:
                starts.append(start)
                start += self.slot_minutes
        return starts

    def closed_reason(self, day: date) -> str | None:
        return next((c.reason for c in self.closed_days if c.day == day), None)

    def label(self) -> str:
        """1号窗口（社会救助窗口）· 最低生活保障申请"""
        parts = []
        if self.window_number is not None:
            parts.append(f"{self.window_number}号窗口（{self.window_name}）")
        if self.item_name:
            parts.append(self.item_name)
        return " · ".join(parts)


@dataclass(frozen=True)
class SlotView:
    start: int
    end: int
    capacity: int
    booked: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.booked, 0)

    def text(self) -> str:
        return span_text(self.start, self.end)


@dataclass(frozen=True)
class DayPlan:
    """A schedule's slots on one day, or why the day cannot be booked."""

    schedule_id: int
    day: date
    closed_reason: str  # empty when the day is open
    slots: tuple[SlotView, ...]

    @property
    def open(self) -> bool:
        return not self.closed_reason


@dataclass(frozen=True)
class BookingRequest:
    schedule_id: int
    day: date
    start_minute: int
    visitor_name: str
    phone: str
    item_code: str
    notes: str = ""
    channel: BookingChannel | str = BookingChannel.COUNTER


@dataclass(frozen=True)
class NewAppointment:
    number: str
    site_id: int
    schedule_id: int
    window_id: int | None
    item_id: int
    day: date
    start_minute: int
    end_minute: int
    visitor_name: str
    phone: str
    notes: str
    channel: str
    booked_by: int
    booked_at: datetime


@dataclass(frozen=True)
class AppointmentEvent:
    at: datetime
    staff_id: int | None
    staff_name: str
    action: AppointmentAction
    reason: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AppointmentRecord:
    id: int
    number: str
    site_id: int
    schedule_id: int
    window_id: int | None
    window_number: int | None
    window_name: str
    item_id: int
    item_code: str
    item_name: str
    item_version_id: int | None  # the version in force now (the checklist on arrival)
    day: date
    start_minute: int
    end_minute: int
    visitor_name: str
    phone: str
    notes: str
    channel: BookingChannel
    state: AppointmentState
    booked_by_name: str
    booked_at: datetime
    checked_in_at: datetime | None
    row_version: int
    events: tuple[AppointmentEvent, ...] = ()

    def slot_text(self) -> str:
        return span_text(self.start_minute, self.end_minute)


@dataclass(frozen=True)
class BookingResult:
    appointment_id: int
    number: str
    day: date
    start_minute: int
    end_minute: int
    place: str  # where to come: the window, or the hall

    def read_out(self) -> str:
        """What the clerk reads to a caller on the phone."""
        return (
            f"预约号 {self.number}，{self.day.month}月{self.day.day}日 "
            f"{span_text(self.start_minute, self.end_minute)}，"
            f"请到{self.place}，凭预约号签到。"
        )


@dataclass(frozen=True)
class VisitOpening:
    """What the visit opened on arrival needs: who came, for what, and the checklist of the
    item as it stands in the catalog now. ``visit_id`` is set once check-in opens a real
    first-inquiry visit (the visit register of issue 6)."""

    appointment_id: int
    appointment_number: str
    visitor_name: str
    phone: str
    item_version_id: int
    item_code: str
    item_name: str
    checklist: tuple[MaterialRecord, ...]
    notes: str
    arrived_at: datetime
    late: bool  # came after the end of the booked slot
    visit_id: int | None = None
    visit_number: str = ""


@dataclass(frozen=True)
class AppointmentCounts:
    """One day of a site, for the daily log."""

    booked: int  # every appointment for the day that was not cancelled
    kept: int  # checked in
    missed: int  # marked no-show
    pending: int  # still booked (not yet arrived, or not yet marked)
    cancelled: int
    walk_ins: int  # visitors served without an appointment

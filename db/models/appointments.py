"""Appointments (预约服务): schedules, closed days, per-slot counters, bookings, history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.sealed import MaskedText, Sealed, blind_index_column
from db.types import UTCDateTime


class AppointmentSchedule(Base):
    """Bookable time of a window, an item, or an item at a window. Times are minutes after
    midnight on the hall's clock; a session without both ends is not offered."""

    __tablename__ = "appointment_schedule"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("window.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("service_item.id"))
    slot_minutes: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    morning_start: Mapped[int | None] = mapped_column(Integer)
    morning_end: Mapped[int | None] = mapped_column(Integer)
    afternoon_start: Mapped[int | None] = mapped_column(Integer)
    afternoon_end: Mapped[int | None] = mapped_column(Integer)
    days_ahead: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (
        CheckConstraint("window_id IS NOT NULL OR item_id IS NOT NULL", name="target"),
        CheckConstraint("slot_minutes > 0 AND capacity > 0", name="sizes"),
    )


class AppointmentClosedDay(Base):
    """A day an administrator closed for one schedule (holidays are closed by the calendar)."""

    __tablename__ = "appointment_closed_day"
    schedule_id: Mapped[int] = mapped_column(
        ForeignKey("appointment_schedule.id"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    reason: Mapped[str] = mapped_column(String(100))
    closed_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AppointmentSlot(Base):
    """How many places of one slot are taken. Booking moves this row with a conditional
    update in the booking transaction: the database, not the screen, enforces capacity."""

    __tablename__ = "appointment_slot"
    schedule_id: Mapped[int] = mapped_column(
        ForeignKey("appointment_schedule.id"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    start_minute: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    booked: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("booked >= 0", name="booked"),)


class Appointment(Base):
    __tablename__ = "appointment"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    schedule_id: Mapped[int] = mapped_column(ForeignKey("appointment_schedule.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("window.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"))
    day: Mapped[date] = mapped_column(Date)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)
    visitor_name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(Sealed("phone"))
    phone_bidx: Mapped[str] = mapped_column(
        blind_index_column(), default="", index=True, info={"derived": True}
    )
    notes: Mapped[str] = mapped_column(MaskedText(), default="")
    channel: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    booked_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    booked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    checked_in_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        CheckConstraint("state in ('booked', 'checked_in', 'no_show', 'cancelled')", name="state"),
        CheckConstraint("channel in ('phone', 'counter')", name="channel"),
        Index("ix_appointment_site_day", "site_id", "day", "start_minute"),
        Index("ix_appointment_schedule_day", "schedule_id", "day"),
    )


class AppointmentEvent(Base):
    """Every change of an appointment: booked, moved (from / to), cancelled, checked in."""

    __tablename__ = "appointment_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointment.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(MaskedText(), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON

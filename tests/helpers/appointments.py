"""A bookable schedule and bookings for appointment tests, made through the services."""

from __future__ import annotations

from datetime import date

from app.appointments.records import BookingRequest, BookingResult, ScheduleInput, Session
from app.appointments.schedule import save_schedule
from app.appointments.service import book_appointment
from app.auth import login
from app.context import AppContext
from app.roles import Actor

MORNING = Session(9 * 60, 11 * 60 + 30)  # 09:00-11:30: five half-hour slots
AFTERNOON = Session(14 * 60, 17 * 60)  # 14:00-17:00: six


def make_schedule(
    ctx: AppContext,
    window: int | None = 1,
    item: str = "",
    capacity: int = 2,
    slot: int = 30,
    days_ahead: int = 14,
) -> int:
    admin = login(ctx.uow(), "admin", "admin-2026")
    return save_schedule(
        ctx.uow(),
        admin,
        ScheduleInput(window, item, slot, capacity, MORNING, AFTERNOON, days_ahead),
    )


def clerk(ctx: AppContext, name: str = "zhangwei") -> Actor:
    return login(ctx.uow(), name, "demo-2026")


def book(
    ctx: AppContext,
    schedule_id: int,
    day: date,
    start: int,
    name: str = "王𠇹",
    phone: str = "13812345678",
    actor: Actor | None = None,
    item: str = "MZ-001",
    notes: str = "",
) -> BookingResult:
    return book_appointment(
        ctx.uow(),
        actor or clerk(ctx),
        BookingRequest(schedule_id, day, start, name, phone, item, notes, "phone"),
    )

"""Bookable time: what an administrator sets per window or item, and which slots that gives.

A schedule names a window, an item, or an item at a window; it cuts the morning and the
afternoon into slots of equal length, each taking ``capacity`` visitors. A day can be booked when
the working-day calendar says it is a working day (holidays closed, make-up days open), the
administrator has not closed it for this schedule, and it lies within ``days_ahead`` days.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from app import audit
from app.appointments.records import (
    DayPlan,
    ScheduleInput,
    ScheduleRecord,
    SlotView,
)
from app.calendar import load_calendar
from app.cases.deadlines import local_day
from app.clock import hall_time
from app.errors import NotFound, ValidationError
from app.ports import UnitOfWork
from app.roles import ANY_ROLE, Actor, Role, allowed_roles
from app.validation import FieldErrors, validate_text
from app.workdays import WorkCalendar

DAY_MINUTES = 24 * 60
SLOT_MINUTES = (5, 240)
CAPACITY = (1, 99)
DAYS_AHEAD = (1, 90)


def minute_of(at: datetime) -> int:
    """Minutes after midnight on the hall's clock."""
    local = hall_time(at)
    return local.hour * 60 + local.minute


def check_schedule_input(data: ScheduleInput, errors: FieldErrors) -> ScheduleInput:
    """The numbers and hours of a schedule; names of windows and items are checked against
    the records by the service."""
    for field_name, value, (low, high) in (
        ("slot_minutes", data.slot_minutes, SLOT_MINUTES),
        ("capacity", data.capacity, CAPACITY),
        ("days_ahead", data.days_ahead, DAYS_AHEAD),
    ):
        if not isinstance(value, int) or not low <= value <= high:
            errors.add(field_name, f"应为 {low} 至 {high} 之间的整数")
    if data.window_number is None and not data.item_code.strip():
        errors.add("window", "请选择窗口或事项（或两者）")
    if data.morning is None and data.afternoon is None:
        errors.add("morning", "请至少设置上午或下午的预约时间")
    for field_name, session in (("morning", data.morning), ("afternoon", data.afternoon)):
        if session is None:
            continue
        if not 0 <= session.start < session.end <= DAY_MINUTES:
            errors.add(field_name, "开始时间应早于结束时间")
        elif isinstance(data.slot_minutes, int) and session.end - session.start < data.slot_minutes:
            errors.add(field_name, "这段时间比一个时段还短")
    if (
        data.morning is not None
        and data.afternoon is not None
        and data.morning.end > data.afternoon.start
    ):
        errors.add("afternoon", "下午的开始时间不能早于上午的结束时间")
    return replace(data, item_code=data.item_code.strip().upper())


@allowed_roles(Role.ADMIN)
def save_schedule(uow: UnitOfWork, actor: Actor, data: ScheduleInput) -> int:
    """Create or change the schedule of a window / item / item at a window; its id.

    The slot grid (length and hours) cannot change while future appointments hang on it —
    they would sit between the new slots; the capacity can, and lowering it keeps the
    appointments already made."""
    with uow.write():
        return store_schedule(uow, actor, actor.site_id, data)


def store_schedule(
    uow: UnitOfWork, actor: Actor | None, site_id: int, data: ScheduleInput, login: str = ""
) -> int:
    """``save_schedule`` inside the caller's write transaction; ``actor`` None (with a
    ``login`` for the audit trail) when set-up or the demo make a hall's first schedules."""
    errors = FieldErrors()
    data = check_schedule_input(data, errors)
    errors.raise_if_any()
    with uow.write():
        window_id = None
        if data.window_number is not None:
            window = next(
                (w for w in uow.sites.windows(site_id) if w.number == data.window_number),
                None,
            )
            if window is None:
                raise ValidationError.single("window", f"没有 {data.window_number} 号窗口")
            window_id = window.id
        item_id = None
        if data.item_code:
            item = uow.catalog.item_by_code(data.item_code)
            if item is None:
                raise ValidationError.single(
                    "item", f"事项目录中没有编码为“{data.item_code}”的事项"
                )
            if not item.active and data.active:
                raise ValidationError.single("item", "该事项已停止办理，不能开放预约")
            item_id = item.id
        fields = {
            "slot_minutes": data.slot_minutes,
            "capacity": data.capacity,
            "morning_start": data.morning.start if data.morning else None,
            "morning_end": data.morning.end if data.morning else None,
            "afternoon_start": data.afternoon.start if data.afternoon else None,
            "afternoon_end": data.afternoon.end if data.afternoon else None,
            "days_ahead": data.days_ahead,
            "active": data.active,
            "updated_by": actor.staff_id if actor else None,
            "updated_at": uow.clock.now(),
        }
        existing = uow.appointments.find_schedule(site_id, window_id, item_id)
        if existing is None:
            schedule_id = uow.appointments.add_schedule(
                site_id=site_id, window_id=window_id, item_id=item_id, **fields
            )
            before = None
        else:
            schedule_id = existing.id
            grid_changed = (existing.slot_minutes, existing.morning, existing.afternoon) != (
                data.slot_minutes,
                data.morning,
                data.afternoon,
            )
            if grid_changed:
                waiting = uow.appointments.active_from(schedule_id, local_day(uow.clock.now()))
                if waiting:
                    raise ValidationError.single(
                        "slot_minutes",
                        f"已有 {waiting} 个未到期的预约，不能改变时段划分；"
                        "可以调整每时段人数，或先改约、取消这些预约",
                    )
            uow.appointments.update_schedule(schedule_id, **fields)
            before = _audit_view(existing)
        saved = uow.appointments.schedule(schedule_id)
        assert saved is not None
        audit.record(
            uow,
            actor,
            "appointment_schedule_saved",
            "appointment_schedule",
            schedule_id,
            before,
            _audit_view(saved),
            login=login or None,
        )
    return schedule_id


def _audit_view(s: ScheduleRecord) -> dict[str, object]:
    return {
        "window": s.window_number,
        "item": s.item_code,
        "slot_minutes": s.slot_minutes,
        "capacity": s.capacity,
        "morning": s.morning.text() if s.morning else "",
        "afternoon": s.afternoon.text() if s.afternoon else "",
        "days_ahead": s.days_ahead,
        "active": s.active,
    }


def load_schedule(uow: UnitOfWork, actor: Actor, schedule_id: int) -> ScheduleRecord:
    schedule = uow.appointments.schedule(schedule_id)
    if schedule is None or schedule.site_id != actor.site_id:
        raise NotFound(f"没有编号为 {schedule_id} 的预约安排")
    return schedule


@allowed_roles(Role.ADMIN)
def close_day(uow: UnitOfWork, actor: Actor, schedule_id: int, day: date, reason: str) -> None:
    """Close one day of a schedule (a meeting, a system upgrade, a local holiday). Refused
    while appointments are booked for it: they are moved or cancelled first, so no visitor is
    left with a booking nobody will serve."""
    text = validate_text(reason, "reason", 100)
    with uow.write():
        schedule = load_schedule(uow, actor, schedule_id)
        booked = uow.appointments.active_on(schedule_id, day)
        if booked:
            raise ValidationError.single(
                "day", f"{day:%Y-%m-%d} 已有 {booked} 个预约，请先改约或取消后再关闭"
            )
        uow.appointments.close_day(schedule_id, day, text, actor.staff_id, uow.clock.now())
        audit.record(
            uow,
            actor,
            "appointment_day_closed",
            "appointment_schedule",
            schedule.id,
            None,
            {"day": day, "reason": text},
        )


@allowed_roles(Role.ADMIN)
def reopen_day(uow: UnitOfWork, actor: Actor, schedule_id: int, day: date) -> None:
    with uow.write():
        schedule = load_schedule(uow, actor, schedule_id)
        if not uow.appointments.reopen_day(schedule_id, day):
            raise ValidationError.single("day", f"{day:%Y-%m-%d} 没有被关闭")
        audit.record(
            uow,
            actor,
            "appointment_day_reopened",
            "appointment_schedule",
            schedule.id,
            {"day": day},
            None,
        )


@allowed_roles(*ANY_ROLE)
def list_schedules(
    uow: UnitOfWork, actor: Actor, include_inactive: bool = False
) -> list[ScheduleRecord]:
    with uow.read():
        return uow.appointments.schedules(actor.site_id, include_inactive)


def day_closed_reason(
    schedule: ScheduleRecord, calendar: WorkCalendar, day: date, today: date
) -> str:
    """Why the day cannot be booked, or "" when it can."""
    if not schedule.active:
        return "该预约安排已停用"
    if day < today:
        return "不能预约已经过去的日期"
    if day > today + timedelta(days=schedule.days_ahead):
        return f"只能预约 {schedule.days_ahead} 天以内的日期"
    if not calendar.is_workday(day):
        return "该日不是工作日（周末或法定节假日）"
    closed = schedule.closed_reason(day)
    if closed is not None:
        return f"该日不开放预约：{closed}"
    return ""


def plan_of(uow: UnitOfWork, schedule: ScheduleRecord, day: date, now: datetime) -> DayPlan:
    """The slots still bookable on ``day`` (today: those not yet begun), with their counts.
    Call inside a transaction."""
    today = local_day(now)
    reason = day_closed_reason(schedule, load_calendar(uow), day, today)
    if reason:
        return DayPlan(schedule.id, day, reason, ())
    booked = uow.appointments.booked(schedule.id, day)
    earliest = minute_of(now) if day == today else -1
    slots = tuple(
        SlotView(start, start + schedule.slot_minutes, schedule.capacity, booked.get(start, 0))
        for start in schedule.slot_starts()
        if start > earliest
    )
    if not slots:
        return DayPlan(schedule.id, day, "今天的预约时段已经过去", ())
    return DayPlan(schedule.id, day, "", slots)


@allowed_roles(*ANY_ROLE)
def day_plan(uow: UnitOfWork, actor: Actor, schedule_id: int, day: date) -> DayPlan:
    """What the booking form offers for a schedule and a day."""
    with uow.read():
        schedule = load_schedule(uow, actor, schedule_id)
        return plan_of(uow, schedule, day, uow.clock.now())


@dataclass(frozen=True)
class ScheduleChoices:
    """What the schedule and booking forms offer: the site's windows and its active items."""

    windows: tuple[tuple[int, str], ...]  # (number, name)
    items: tuple[tuple[str, str], ...]  # (code, name)


@allowed_roles(*ANY_ROLE)
def schedule_choices(uow: UnitOfWork, actor: Actor) -> ScheduleChoices:
    from app.catalog.service import list_items

    with uow.read():
        windows = uow.sites.windows(actor.site_id)
        items = list_items(uow)
    return ScheduleChoices(
        tuple((w.number, w.name) for w in windows), tuple((i.code, i.name) for i in items)
    )

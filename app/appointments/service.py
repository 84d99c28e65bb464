"""预约服务: book a slot for a visitor, move or cancel it, check the visitor in on arrival, mark
the ones who never came.

Typical use at the counter::

    plan = day_plan(uow, clerk, schedule_id, day)                   # free places per slot
    booked = book_appointment(uow, clerk, BookingRequest(...))     # numbered QH-Y20261124-0001
    move_appointment(uow, clerk, booked.appointment_id, 1, other_day, 600, "申请人要求")
    opening = check_in_appointment(uow, clerk, appointment_id, version)   # on arrival
    mark_no_shows(uow, clerk, yesterday)                            # end of day

Capacity is enforced in the database: a booking moves the slot's counter row with one
conditional update (``booked < capacity``) inside its own transaction, so when two counters
take the last place at the same moment exactly one of them gets it; the other is refused with
"该时段已约满" and nothing of it is stored.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from app import audit
from app.appointments.lifecycle import TABLE
from app.appointments.records import (
    AppointmentAction,
    AppointmentCounts,
    AppointmentEvent,
    AppointmentRecord,
    AppointmentState,
    BookingChannel,
    BookingRequest,
    BookingResult,
    NewAppointment,
    ScheduleRecord,
    VisitOpening,
    span_text,
)
from app.appointments.schedule import day_closed_reason, load_schedule, minute_of
from app.calendar import load_calendar
from app.cases.common import COUNTER_ROLES
from app.cases.deadlines import local_day
from app.catalog.records import ItemVersionRecord
from app.clock import DEFAULT_TZ
from app.errors import ConcurrentEdit, NotFound, ValidationError
from app.numbering import NumberKind, next_number
from app.ports import UnitOfWork
from app.roles import ANY_ROLE, Actor, allowed_roles
from app.sites import own_site
from app.validation import FieldErrors, mask_phone, validate_name, validate_phone, validate_text

if TYPE_CHECKING:
    from app.visits.records import VisitInput

FULL = "该时段已约满，请选择其他时段"


def place_of(schedule: ScheduleRecord) -> str:
    if schedule.window_number is not None:
        return f"{schedule.window_number}号窗口（{schedule.window_name}）"
    return "服务大厅导办台"


def _check_slot(
    uow: UnitOfWork, schedule: ScheduleRecord, day: date, start: int, now: datetime
) -> None:
    reason = day_closed_reason(schedule, load_calendar(uow), day, local_day(now))
    if reason:
        raise ValidationError.single("day", reason)
    if start not in schedule.slot_starts():
        raise ValidationError.single("slot", "所选时间不是预约时段的开始时间")
    if day == local_day(now) and start <= minute_of(now):
        raise ValidationError.single("slot", "该时段已经开始，请选择以后的时段")


def _item_for(uow: UnitOfWork, schedule: ScheduleRecord, code: str) -> ItemVersionRecord:
    item = uow.catalog.item_by_code(code)
    version = (
        uow.catalog.version(item.current_version_id) if item and item.current_version_id else None
    )
    if item is None or version is None:
        raise ValidationError.single("item", f"事项目录中没有编码为“{code}”的事项")
    if not item.active:
        raise ValidationError.single("item", f"“{version.name}”已停止办理，不能预约")
    if schedule.item_id is not None and schedule.item_id != item.id:
        raise ValidationError.single("item", f"该预约安排只办理“{schedule.item_name}”")
    return version


@allowed_roles(*COUNTER_ROLES)
def book_appointment(uow: UnitOfWork, actor: Actor, req: BookingRequest) -> BookingResult:
    """Book a place for a visitor (by phone or at the counter); numbered, audited."""
    errors = FieldErrors()
    name = errors.check("visitor_name", validate_name, req.visitor_name) or ""
    phone = errors.check("phone", validate_phone, req.phone) or ""
    notes = errors.check("notes", validate_text, req.notes, max_len=500, required=False) or ""
    code = req.item_code.strip().upper()
    if not code:
        errors.add("item", "请选择预约办理的事项")
    try:
        channel = BookingChannel(req.channel)
    except ValueError:
        errors.add("channel", "请选择预约方式")
    errors.raise_if_any()
    with uow.write():
        now = uow.clock.now()
        schedule = load_schedule(uow, actor, req.schedule_id)
        version = _item_for(uow, schedule, code)
        _check_slot(uow, schedule, req.day, req.start_minute, now)
        already = _booked_for_phone(uow, schedule.id, req.day, phone)
        if already:
            raise ValidationError.single("phone", f"该电话当天已有预约 {already}，如需换时间请改约")
        if not uow.appointments.take_place(
            schedule.id, req.day, req.start_minute, schedule.capacity
        ):
            raise ValidationError.single("slot", FULL)
        site = own_site(uow, actor)
        number = next_number(
            uow.numbers, site.id, site.code, NumberKind.APPOINTMENT, local_day(now)
        )
        new, event, after = booking(
            actor, schedule, version, req, name, phone, notes, channel, number, site.id, now
        )
        end = new.end_minute
        appointment_id = uow.appointments.add(new)
        uow.appointments.add_event(appointment_id, event)
        audit.record(uow, actor, "appointment_booked", "appointment", number, None, after)
    return BookingResult(appointment_id, number, req.day, req.start_minute, end, place_of(schedule))


def booking(
    actor: Actor,
    schedule: ScheduleRecord,
    version: ItemVersionRecord,
    req: BookingRequest,
    name: str,
    phone: str,
    notes: str,
    channel: BookingChannel,
    number: str,
    site_id: int,
    now: datetime,
) -> tuple[NewAppointment, AppointmentEvent, dict[str, object]]:
    """A checked booking's row, its first event and its audit event's after
    (``appointment_booked``)."""
    end = req.start_minute + schedule.slot_minutes
    new = NewAppointment(
        number=number,
        site_id=site_id,
        schedule_id=schedule.id,
        window_id=schedule.window_id,
        item_id=version.item_id,
        day=req.day,
        start_minute=req.start_minute,
        end_minute=end,
        visitor_name=name,
        phone=phone,
        notes=notes,
        channel=str(channel),
        booked_by=actor.staff_id,
        booked_at=now,
    )
    slot = _slot_text(req.day, req.start_minute, end)
    event = AppointmentEvent(
        now, actor.staff_id, actor.name, AppointmentAction.BOOK, "", {"slot": slot}
    )
    after: dict[str, object] = {
        "slot": slot,
        "item": version.code,
        "visitor": name,
        "phone": mask_phone(phone),
        "channel": str(channel),
    }
    return new, event, after


def checking_in(
    state: AppointmentState, number: str, end_minute: int, actor: Actor, arrived_at: datetime
) -> tuple[dict[str, object], dict[str, object], dict[str, object]]:
    """The appointment's new columns at check-in, and the event's before and after (late: the
    visitor came after the slot ended)."""
    checked_in = TABLE.next_state(state, AppointmentAction.CHECK_IN, f"预约 {number}")
    changes: dict[str, object] = {
        "state": str(checked_in),
        "checked_in_at": arrived_at,
        "checked_in_by": actor.staff_id,
    }
    late = minute_of(arrived_at) > end_minute
    return changes, {"state": str(state)}, {"state": str(checked_in), "late": late}


def appointment_visit(item_name: str, number: str, visitor_name: str, phone: str) -> VisitInput:
    """The first-inquiry visit a check-in registers: an application for the booked item."""
    from app.visits.records import VisitInput, VisitType

    return VisitInput(
        question=f"预约办理：{item_name}（预约号 {number}）",
        visit_type=VisitType.APPLICATION,
        visitor_name=visitor_name,
        phone=phone,
    )


def missing(
    state: AppointmentState,
) -> tuple[AppointmentState, dict[str, object], dict[str, object]]:
    """A no-show's new state and its event's before and after."""
    missed = TABLE.next_state(state, AppointmentAction.NO_SHOW)
    return missed, {"state": str(state)}, {"state": str(missed)}


def _booked_for_phone(uow: UnitOfWork, schedule_id: int, day: date, phone: str) -> str | None:
    """The number of the phone's active appointment that day, if any: one per phone and day.
    The schedule is held until the commit, so two counters cannot both find none."""
    uow.appointments.hold_schedule(schedule_id)
    return uow.appointments.active_for_phone(schedule_id, day, phone)


def _load(uow: UnitOfWork, actor: Actor, appointment_id: int) -> AppointmentRecord:
    found = uow.appointments.get(appointment_id)
    if found is None or found.site_id != actor.site_id:
        raise NotFound(f"没有编号为 {appointment_id} 的预约")
    return found


def _expect(found: AppointmentRecord, version: int, action: AppointmentAction) -> AppointmentState:
    """The state ``action`` leads to, once the clerk is known to have seen the latest version."""
    if found.row_version != version:
        last = found.events[-1] if found.events else None
        who = f"{last.staff_name}于 {last.at.astimezone(DEFAULT_TZ):%H:%M:%S} " if last else ""
        raise ConcurrentEdit(f"预约 {found.number} 已被{who}修改，请刷新后再办理")
    return TABLE.next_state(found.state, action, f"预约 {found.number}")


def _record(
    uow: UnitOfWork,
    actor: Actor,
    found: AppointmentRecord,
    action: AppointmentAction,
    reason: str,
    before: dict[str, object],
    after: dict[str, object],
) -> None:
    uow.appointments.add_event(
        found.id,
        AppointmentEvent(uow.clock.now(), actor.staff_id, actor.name, action, reason, after),
    )
    audit.record(uow, actor, f"appointment_{action}", "appointment", found.number, before, after)


def _slot_text(day: date, start: int, end: int) -> str:
    return f"{day:%Y-%m-%d} {span_text(start, end)}"


@allowed_roles(*COUNTER_ROLES)
def move_appointment(
    uow: UnitOfWork,
    actor: Actor,
    appointment_id: int,
    version: int,
    day: date,
    start_minute: int,
    reason: str = "",
) -> AppointmentRecord:
    """改约: another slot of the same schedule; the number stays, the old place is freed."""
    note = validate_text(reason, "reason", 200, required=False)
    with uow.write():
        now = uow.clock.now()
        found = _load(uow, actor, appointment_id)
        _expect(found, version, AppointmentAction.MOVE)
        if (found.day, found.start_minute) == (day, start_minute):
            raise ValidationError.single("slot", "新时段与原时段相同")
        schedule = load_schedule(uow, actor, found.schedule_id)
        _check_slot(uow, schedule, day, start_minute, now)
        if day != found.day:  # one appointment per phone and day, as when booking
            already = _booked_for_phone(uow, schedule.id, day, found.phone)
            if already:
                raise ValidationError.single(
                    "slot", f"该电话在 {day:%Y-%m-%d} 已有预约 {already}，请改到其他日期"
                )
        if not uow.appointments.take_place(schedule.id, day, start_minute, schedule.capacity):
            raise ValidationError.single("slot", FULL)
        uow.appointments.release_place(schedule.id, found.day, found.start_minute)
        end = start_minute + schedule.slot_minutes
        uow.appointments.update(
            found.id, version, day=day, start_minute=start_minute, end_minute=end
        )
        _record(
            uow,
            actor,
            found,
            AppointmentAction.MOVE,
            note,
            {"slot": _slot_text(found.day, found.start_minute, found.end_minute)},
            {"slot": _slot_text(day, start_minute, end), "reason": note},
        )
        return _load(uow, actor, found.id)


@allowed_roles(*COUNTER_ROLES)
def cancel_appointment(
    uow: UnitOfWork, actor: Actor, appointment_id: int, version: int, reason: str
) -> AppointmentRecord:
    """取消: the place is freed for someone else; the record and its history stay."""
    text = reason.strip()
    if not text:
        raise ValidationError.single("reason", "请填写取消原因")
    text = validate_text(text, "reason", 200)
    with uow.write():
        found = _load(uow, actor, appointment_id)
        cancelled = _expect(found, version, AppointmentAction.CANCEL)
        uow.appointments.release_place(found.schedule_id, found.day, found.start_minute)
        uow.appointments.update(found.id, version, state=str(cancelled))
        _record(
            uow,
            actor,
            found,
            AppointmentAction.CANCEL,
            text,
            {"state": str(found.state)},
            {"state": str(cancelled), "reason": text},
        )
        return _load(uow, actor, found.id)


@allowed_roles(*COUNTER_ROLES)
def check_in_appointment(
    uow: UnitOfWork, actor: Actor, appointment_id: int, version: int
) -> VisitOpening:
    """签到: the visitor arrived on the booked day; opens the visit with the item's checklist."""
    with uow.write():
        now = uow.clock.now()
        found = _load(uow, actor, appointment_id)
        _expect(found, version, AppointmentAction.CHECK_IN)
        if found.day != local_day(now):
            raise ValidationError.single(
                "day", f"预约日期是 {found.day:%Y-%m-%d}，不是今天；请改约后再签到"
            )
        return open_visit_for_appointment(uow, actor, found, now)


def open_visit_for_appointment(
    uow: UnitOfWork, actor: Actor, appointment: AppointmentRecord, arrived_at: datetime
) -> VisitOpening:
    """The one place where an arrival becomes a visit, inside the check-in transaction: the
    check-in is recorded and a first-inquiry visit (an application) is registered with ``actor``
    as the first responder, linked to the appointment. The counter then takes it from there."""
    from app.catalog.service import get_version
    from app.visits.service import register_visit

    changes, before, after = checking_in(
        appointment.state, appointment.number, appointment.end_minute, actor, arrived_at
    )
    uow.appointments.update(appointment.id, appointment.row_version, **changes)
    late = bool(after["late"])
    _record(uow, actor, appointment, AppointmentAction.CHECK_IN, "", before, after)
    if appointment.item_version_id is None:
        raise NotFound(f"预约的事项（{appointment.item_code}）在事项目录中没有现行版本")
    version = get_version(uow, appointment.item_version_id)
    asked = appointment_visit(
        version.name, appointment.number, appointment.visitor_name, appointment.phone
    )
    visit = register_visit(uow, actor, asked)
    registered = uow.visits.get(visit.id)
    assert registered is not None
    uow.visits.update(visit.id, registered.row_version, appointment_id=appointment.id)
    return VisitOpening(
        appointment_id=appointment.id,
        appointment_number=appointment.number,
        visitor_name=appointment.visitor_name,
        phone=appointment.phone,
        item_version_id=version.id,
        item_code=version.code,
        item_name=version.name,
        checklist=version.materials,
        notes=appointment.notes,
        arrived_at=arrived_at,
        late=late,
        visit_id=visit.id,
        visit_number=visit.number,
    )


@allowed_roles(*COUNTER_ROLES)
def mark_no_shows(uow: UnitOfWork, actor: Actor, day: date, window_id: int | None = None) -> int:
    """爽约: every appointment of ``day`` still booked after its slot ended; how many.
    Run at the end of the day (a button on the appointments page), or for an earlier day
    nobody closed."""
    with uow.write():
        now = uow.clock.now()
        today = local_day(now)
        if day > today:
            raise ValidationError.single("day", "不能标记以后日期的爽约")
        marked = 0
        for found in uow.appointments.day_list(actor.site_id, day, window_id):
            if not TABLE.allows(found.state, AppointmentAction.NO_SHOW):
                continue
            if day == today and found.end_minute > minute_of(now):
                continue  # the slot has not ended: the visitor may still come
            missed, before, after = missing(found.state)
            uow.appointments.update(found.id, found.row_version, state=str(missed))
            _record(uow, actor, found, AppointmentAction.NO_SHOW, "", before, after)
            marked += 1
    return marked


@allowed_roles(*ANY_ROLE)
def day_appointments(
    uow: UnitOfWork, actor: Actor, day: date, window_id: int | None = None
) -> list[AppointmentRecord]:
    """The day's appointments in time order: one window's, or the whole hall's."""
    with uow.read():
        return uow.appointments.day_list(actor.site_id, day, window_id)


@allowed_roles(*ANY_ROLE)
def get_appointment(uow: UnitOfWork, actor: Actor, appointment_id: int) -> AppointmentRecord:
    """One appointment with its history (booked, moved, cancelled, checked in ...)."""
    with uow.read():
        return _load(uow, actor, appointment_id)


@allowed_roles(*ANY_ROLE)
def find_appointment(uow: UnitOfWork, actor: Actor, number: str) -> AppointmentRecord | None:
    with uow.read():
        found = uow.appointments.by_number(number.strip().upper())
    if found is None or found.site_id != actor.site_id:
        return None
    return found


def appointment_counts(uow: UnitOfWork, day: date, site_id: int) -> AppointmentCounts:
    """Kept, missed and walk-ins of one day, for the daily log."""
    with uow.read():
        states = uow.appointments.state_counts(site_id, day)
        served = visitors_served(uow, day, site_id)
    kept = states.get(str(AppointmentState.CHECKED_IN), 0)
    missed = states.get(str(AppointmentState.NO_SHOW), 0)
    pending = states.get(str(AppointmentState.BOOKED), 0)
    return AppointmentCounts(
        booked=kept + missed + pending,
        kept=kept,
        missed=missed,
        pending=pending,
        cancelled=states.get(str(AppointmentState.CANCELLED), 0),
        walk_ins=max(served - kept, 0),
    )


def visitors_served(uow: UnitOfWork, day: date, site_id: int) -> int:
    """Visitors served on the day, appointments or not. Until the visit register (issue 6)
    counts every visit, the cases accepted that day stand in for it."""
    return uow.cases.today_accepted(site_id, day)

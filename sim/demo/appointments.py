"""The demo's appointments and agency cases, through the services: bookable slots at three
windows, phone bookings a few days ahead, arrivals checked in at their time, a few moves and
cancellations, no-shows marked at the end of each day; and agency cases carried by an agent
through steps at other departments to delivery."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from app.agency import service as agency
from app.agency.records import AgencyReason, AgencyTerms, ContactInput, StepInput
from app.appointments import schedule as schedules
from app.appointments import service as appointments
from app.appointments.records import (
    AppointmentRecord,
    AppointmentState,
    BookingRequest,
    ScheduleInput,
    Session,
    VisitOpening,
)
from app.calendar import load_calendar
from app.cases.lifecycle import CaseAction
from app.catalog.records import ItemVersionRecord
from app.clock import DEFAULT_TZ, ManualClock
from app.errors import DomainError
from app.ports import UnitOfWork
from app.roles import Actor

# Window -> (the item codes it books: "" = any item, places per slot).
DEMO_SCHEDULES = {1: ("MZ-", 2), 3: ("RS-", 2), 5: ("", 3)}
MORNING, AFTERNOON = Session(9 * 60, 11 * 60 + 30), Session(14 * 60, 17 * 60)
DEPARTMENTS = ("乡民政所", "县残联", "县自然资源局", "村委会", "县医保局")
ClerkFor = Callable[[int | None], Actor]  # window number (None: no window) -> its clerk


@dataclass
class BookingTally:
    booked: int = 0
    kept: int = 0
    cancelled: int = 0
    moved: int = 0
    missed: int = 0
    agency: int = 0


def at(day: date, minute: int) -> datetime:
    return datetime.combine(day, time(minute // 60, minute % 60), DEFAULT_TZ)


def ensure_schedules(uow: UnitOfWork, site_id: int) -> None:
    """Half-hour slots at windows 1, 3 and 5, unless the hall has schedules already."""
    with uow.write():
        if uow.appointments.schedules(site_id, include_inactive=True):
            return
        for number, (_codes, places) in DEMO_SCHEDULES.items():
            data = ScheduleInput(number, "", 30, places, MORNING, AFTERNOON, 14)
            schedules.store_schedule(uow, None, site_id, data, login="demo")


def book_ahead(
    make_uow: Callable[[], UnitOfWork],
    rng: random.Random,
    day: date,
    clerk_for: ClerkFor,
    items: list[ItemVersionRecord],
    visitor: Callable[[], tuple[str, str]],
    tally: BookingTally,
) -> None:
    """The morning's phone calls: a few bookings at each window for the next working days."""
    uow = make_uow()
    with uow.read():
        calendar = load_calendar(uow)
    for schedule in schedules.list_schedules(make_uow(), clerk_for(None)):
        clerk = clerk_for(schedule.window_number)
        prefix = DEMO_SCHEDULES.get(schedule.window_number or 0, ("", 0))[0]
        offered = [i for i in items if i.code.startswith(prefix)] or items
        for _ in range(rng.randint(1, 3)):
            target = calendar.next_workday(day)
            for _ in range(rng.randint(0, 2)):
                target = calendar.next_workday(target)
            name, phone = visitor()
            request = BookingRequest(
                schedule.id,
                target,
                rng.choice(schedule.slot_starts()),
                name,
                phone,
                rng.choice(offered).code,
                "行动不便，需协助" if rng.random() < 0.15 else "",
                "phone" if rng.random() < 0.8 else "counter",
            )
            try:
                appointments.book_appointment(make_uow(), clerk, request)
                tally.booked += 1
            except DomainError:
                pass  # that slot was full, or the caller had a booking that day already


def arrivals(
    make_uow: Callable[[], UnitOfWork],
    rng: random.Random,
    day: date,
    clerk_for: ClerkFor,
    tally: BookingTally,
) -> list[tuple[int, Actor, AppointmentRecord]]:
    """The day's visitors who will come: (minute of arrival, clerk, appointment). Some called
    to cancel or to move to the next day; some will simply not come (no-shows)."""
    comers: list[tuple[int, Actor, AppointmentRecord]] = []
    for booked in appointments.day_appointments(make_uow(), clerk_for(None), day):
        if booked.state is not AppointmentState.BOOKED:
            continue
        clerk = clerk_for(booked.window_number)
        roll = rng.random()
        try:
            if roll < 0.05:
                appointments.cancel_appointment(
                    make_uow(), clerk, booked.id, booked.row_version, "申请人来电取消"
                )
                tally.cancelled += 1
            elif roll < 0.09:
                uow = make_uow()
                with uow.read():
                    later = load_calendar(uow).next_workday(day)
                appointments.move_appointment(
                    make_uow(),
                    clerk,
                    booked.id,
                    booked.row_version,
                    later,
                    booked.start_minute,
                    "申请人来电改约",
                )
                tally.moved += 1
            elif roll >= 0.18:  # the rest do not come
                comers.append((booked.start_minute - rng.randint(0, 10), clerk, booked))
        except DomainError:
            pass  # the next day's slot was full: the booking stays as it was
    return comers


def check_in(
    make_uow: Callable[[], UnitOfWork], clerk: Actor, booked: AppointmentRecord
) -> VisitOpening | None:
    try:
        return appointments.check_in_appointment(make_uow(), clerk, booked.id, booked.row_version)
    except DomainError:
        return None


def close_day(
    make_uow: Callable[[], UnitOfWork], clock: ManualClock, day: date, boss: Actor
) -> int:
    """17:20: everyone still booked for the day is a no-show."""
    clock.set(at(day, 17 * 60 + 20))
    return appointments.mark_no_shows(make_uow(), boss, day)


def agency_terms(
    rng: random.Random, day: date, agent: Actor, serial: int, item: ItemVersionRecord
) -> AgencyTerms:
    """A written authorisation: a water permit is an enterprise's (key project), anything
    else an elderly or remote villager's."""
    if item.code.startswith("SL-"):
        reason = AgencyReason.KEY_PROJECT
    else:
        reason = rng.choice([AgencyReason.ELDERLY, AgencyReason.REMOTE_VILLAGE])
    return AgencyTerms(
        agent_id=agent.staff_id,
        reason=reason,
        authorised_on=day,
        scope="代为提交申请材料、到相关部门办理、领取并送达结果",
        document_ref=f"委托书 WT-{day:%Y%m%d}-{serial:02d}（档案柜）",
    )


def agency_work(
    make_uow: Callable[[], UnitOfWork],
    rng: random.Random,
    agent: Actor,
    case_id: int,
    action: CaseAction,
) -> None:
    """What the agent records around the case's own step: where they went, what came of it,
    and what the applicant was told."""
    if action in (CaseAction.START, CaseAction.COMPLETE_STEP):
        department = rng.choice(DEPARTMENTS)
        agency.record_agency_step(
            make_uow(),
            agent,
            case_id,
            StepInput(department, "代申请人递交材料并跟进办理", "已办妥，取回相关证明"),
        )
    elif action is CaseAction.DECIDE:
        agency.record_agency_contact(
            make_uow(), agent, case_id, ContactInput("phone", "告知已办结，约定送达时间")
        )

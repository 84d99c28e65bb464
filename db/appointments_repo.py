"""Appointments in SQL: schedules, the per-slot counters that enforce capacity, bookings."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, aliased

from app.appointments.records import (
    ACTIVE_STATES,
    AppointmentAction,
    AppointmentEvent,
    AppointmentRecord,
    AppointmentState,
    BookingChannel,
    ClosedDay,
    NewAppointment,
    ScheduleRecord,
)
from app.appointments.records import (
    Session as DaySession,
)
from db.guarded import update_at_version
from db.models import (
    Appointment,
    AppointmentClosedDay,
    AppointmentSchedule,
    AppointmentSlot,
    ServiceItem,
    ServiceItemVersion,
    Staff,
    Window,
)
from db.models import AppointmentEvent as EventRow
from db.sealed import blind_index

ACTIVE = [str(s) for s in ACTIVE_STATES]


def _session(start: int | None, end: int | None) -> DaySession | None:
    return DaySession(start, end) if start is not None and end is not None else None


class SqlAppointmentRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # -- schedules ---------------------------------------------------------------------------
    def _schedule_query(self) -> Any:
        return (
            select(
                AppointmentSchedule,
                Window.number,
                Window.name,
                ServiceItem.code,
                ServiceItemVersion.name,
            )
            .outerjoin(Window, Window.id == AppointmentSchedule.window_id)
            .outerjoin(ServiceItem, ServiceItem.id == AppointmentSchedule.item_id)
            .outerjoin(ServiceItemVersion, ServiceItemVersion.id == ServiceItem.current_version_id)
            .execution_options(populate_existing=True)
        )

    def _schedules(self, stmt: Any) -> list[ScheduleRecord]:
        rows = self.s.execute(stmt).all()
        ids = [r[0].id for r in rows]
        closed: dict[int, list[ClosedDay]] = {}
        if ids:
            for c in self.s.scalars(
                select(AppointmentClosedDay)
                .where(AppointmentClosedDay.schedule_id.in_(ids))
                .order_by(AppointmentClosedDay.day)
            ):
                closed.setdefault(c.schedule_id, []).append(ClosedDay(c.day, c.reason))
        return [
            ScheduleRecord(
                id=sch.id,
                site_id=sch.site_id,
                window_id=sch.window_id,
                window_number=window_number,
                window_name=window_name or "",
                item_id=sch.item_id,
                item_code=item_code or "",
                item_name=item_name or "",
                slot_minutes=sch.slot_minutes,
                capacity=sch.capacity,
                morning=_session(sch.morning_start, sch.morning_end),
                afternoon=_session(sch.afternoon_start, sch.afternoon_end),
                days_ahead=sch.days_ahead,
                active=sch.active,
                closed_days=tuple(closed.get(sch.id, ())),
            )
            for sch, window_number, window_name, item_code, item_name in rows
        ]

    def schedules(self, site_id: int, include_inactive: bool = False) -> list[ScheduleRecord]:
        stmt = self._schedule_query().where(AppointmentSchedule.site_id == site_id)
        if not include_inactive:
            stmt = stmt.where(AppointmentSchedule.active.is_(True))
        return self._schedules(
            stmt.order_by(Window.number.is_(None), Window.number, ServiceItem.code)
        )

    def schedule(self, schedule_id: int) -> ScheduleRecord | None:
        found = self._schedules(self._schedule_query().where(AppointmentSchedule.id == schedule_id))
        return found[0] if found else None

    def find_schedule(
        self, site_id: int, window_id: int | None, item_id: int | None
    ) -> ScheduleRecord | None:
        stmt = self._schedule_query().where(
            AppointmentSchedule.site_id == site_id,
            AppointmentSchedule.window_id.is_(None)
            if window_id is None
            else AppointmentSchedule.window_id == window_id,
            AppointmentSchedule.item_id.is_(None)
            if item_id is None
            else AppointmentSchedule.item_id == item_id,
        )
        found = self._schedules(stmt)
        return found[0] if found else None

    def add_schedule(self, **fields: Any) -> int:
        row = AppointmentSchedule(**fields)
        self.s.add(row)
        self.s.flush()
        return row.id

    def update_schedule(self, schedule_id: int, **fields: Any) -> None:
        self.s.execute(
            update(AppointmentSchedule)
            .where(AppointmentSchedule.id == schedule_id)
            .values(**fields)
            .execution_options(synchronize_session=False)
        )

    def close_day(
        self, schedule_id: int, day: date, reason: str, staff_id: int, at: datetime
    ) -> None:
        row = self.s.get(AppointmentClosedDay, (schedule_id, day))
        if row is None:
            self.s.add(
                AppointmentClosedDay(
                    schedule_id=schedule_id,
                    day=day,
                    reason=reason,
                    closed_by=staff_id,
                    closed_at=at,
                )
            )
        else:
            row.reason, row.closed_by, row.closed_at = reason, staff_id, at
        self.s.flush()

    def reopen_day(self, schedule_id: int, day: date) -> bool:
        done = self.s.execute(
            delete(AppointmentClosedDay).where(
                AppointmentClosedDay.schedule_id == schedule_id, AppointmentClosedDay.day == day
            )
        )
        return bool(done.rowcount)  # type: ignore[attr-defined]

    # -- places ------------------------------------------------------------------------------
    def take_place(self, schedule_id: int, day: date, start_minute: int, capacity: int) -> bool:
        dialect = self.s.get_bind().dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert  # type: ignore[assignment]
        # Make sure the slot's row exists (a concurrent insert of the same row waits for the
        # other transaction, then does nothing) ...
        self.s.execute(
            dialect_insert(AppointmentSlot)
            .values(schedule_id=schedule_id, day=day, start_minute=start_minute, booked=0)
            .on_conflict_do_nothing(index_elements=["schedule_id", "day", "start_minute"])
        )
        # ... then take a place only while one is left. A second transaction updating the
        # same row waits for the first to end and re-checks the condition on the new value.
        taken = self.s.execute(
            update(AppointmentSlot)
            .where(
                AppointmentSlot.schedule_id == schedule_id,
                AppointmentSlot.day == day,
                AppointmentSlot.start_minute == start_minute,
                AppointmentSlot.booked < capacity,
            )
            .values(booked=AppointmentSlot.booked + 1)
            .execution_options(synchronize_session=False)
        )
        return taken.rowcount == 1  # type: ignore[attr-defined]

    def release_place(self, schedule_id: int, day: date, start_minute: int) -> None:
        self.s.execute(
            update(AppointmentSlot)
            .where(
                AppointmentSlot.schedule_id == schedule_id,
                AppointmentSlot.day == day,
                AppointmentSlot.start_minute == start_minute,
                AppointmentSlot.booked > 0,
            )
            .values(booked=AppointmentSlot.booked - 1)
            .execution_options(synchronize_session=False)
        )

    def booked(self, schedule_id: int, day: date) -> dict[int, int]:
        rows = self.s.execute(
            select(AppointmentSlot.start_minute, AppointmentSlot.booked).where(
                AppointmentSlot.schedule_id == schedule_id, AppointmentSlot.day == day
            )
        )
        return {start: booked for start, booked in rows}

    # -- appointments ------------------------------------------------------------------------
    def add(self, new: NewAppointment) -> int:
        row = Appointment(
            number=new.number,
            site_id=new.site_id,
            schedule_id=new.schedule_id,
            window_id=new.window_id,
            item_id=new.item_id,
            day=new.day,
            start_minute=new.start_minute,
            end_minute=new.end_minute,
            visitor_name=new.visitor_name,
            phone=new.phone,
            notes=new.notes,
            channel=new.channel,
            state=str(AppointmentState.BOOKED),
            booked_by=new.booked_by,
            booked_at=new.booked_at,
            row_version=1,
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def _query(self) -> Any:
        booker = aliased(Staff)
        return (
            select(
                Appointment,
                Window.number,
                Window.name,
                ServiceItem.code,
                ServiceItem.current_version_id,
                ServiceItemVersion.name,
                booker.name,
            )
            .outerjoin(Window, Window.id == Appointment.window_id)
            .join(ServiceItem, ServiceItem.id == Appointment.item_id)
            .outerjoin(ServiceItemVersion, ServiceItemVersion.id == ServiceItem.current_version_id)
            .join(booker, booker.id == Appointment.booked_by)
            .execution_options(populate_existing=True)
        )

    def _records(self, stmt: Any) -> list[AppointmentRecord]:
        return [
            AppointmentRecord(
                id=a.id,
                number=a.number,
                site_id=a.site_id,
                schedule_id=a.schedule_id,
                window_id=a.window_id,
                window_number=window_number,
                window_name=window_name or "",
                item_id=a.item_id,
                item_code=item_code,
                item_name=item_name or "",
                item_version_id=version_id,
                day=a.day,
                start_minute=a.start_minute,
                end_minute=a.end_minute,
                visitor_name=a.visitor_name,
                phone=a.phone,
                notes=a.notes,
                channel=BookingChannel(a.channel),
                state=AppointmentState(a.state),
                booked_by_name=booker,
                booked_at=a.booked_at,
                checked_in_at=a.checked_in_at,
                row_version=a.row_version,
            )
            for a, window_number, window_name, item_code, version_id, item_name, booker in (
                self.s.execute(stmt)
            )
        ]

    def _events(self, appointment_id: int) -> tuple[AppointmentEvent, ...]:
        return tuple(
            AppointmentEvent(
                at=e.at,
                staff_id=e.staff_id,
                staff_name=name or "",
                action=AppointmentAction(e.action),
                reason=e.reason,
                detail=json.loads(e.detail),
            )
            for e, name in self.s.execute(
                select(EventRow, Staff.name)
                .outerjoin(Staff, Staff.id == EventRow.staff_id)
                .where(EventRow.appointment_id == appointment_id)
                .order_by(EventRow.id)
            )
        )

    def _one(self, where: Any) -> AppointmentRecord | None:
        found = self._records(self._query().where(where))
        if not found:
            return None
        record = found[0]
        from dataclasses import replace

        return replace(record, events=self._events(record.id))

    def get(self, appointment_id: int) -> AppointmentRecord | None:
        return self._one(Appointment.id == appointment_id)

    def by_number(self, number: str) -> AppointmentRecord | None:
        return self._one(Appointment.number == number)

    def update(self, appointment_id: int, expected_version: int, **changes: Any) -> None:
        update_at_version(
            self.s,
            Appointment,
            appointment_id,
            expected_version,
            "预约已被他人修改，请刷新后再办理",
            **changes,
        )

    def add_event(self, appointment_id: int, event: AppointmentEvent) -> None:
        self.s.add(
            EventRow(
                appointment_id=appointment_id,
                at=event.at,
                staff_id=event.staff_id,
                action=str(event.action),
                reason=event.reason,
                detail=json.dumps(event.detail, ensure_ascii=False, default=str),
            )
        )
        self.s.flush()

    def day_list(
        self, site_id: int, day: date, window_id: int | None = None
    ) -> list[AppointmentRecord]:
        stmt = self._query().where(Appointment.site_id == site_id, Appointment.day == day)
        if window_id is not None:
            stmt = stmt.where(Appointment.window_id == window_id)
        return self._records(stmt.order_by(Appointment.start_minute, Appointment.id))

    def _active(self, schedule_id: int) -> Any:
        return (
            select(func.count())
            .select_from(Appointment)
            .where(Appointment.schedule_id == schedule_id, Appointment.state.in_(ACTIVE))
        )

    def active_on(self, schedule_id: int, day: date) -> int:
        return int(self.s.scalar(self._active(schedule_id).where(Appointment.day == day)) or 0)

    def active_from(self, schedule_id: int, day: date) -> int:
        return int(self.s.scalar(self._active(schedule_id).where(Appointment.day >= day)) or 0)

    def hold_schedule(self, schedule_id: int) -> None:
        # PostgreSQL: a row lock, which a second booking on this schedule waits for. SQLite
        # takes the write lock at BEGIN IMMEDIATE already (SQLAlchemy drops FOR UPDATE there).
        self.s.execute(
            select(AppointmentSchedule.id)
            .where(AppointmentSchedule.id == schedule_id)
            .with_for_update()
        )

    def active_for_phone(self, schedule_id: int, day: date, phone: str) -> str | None:
        return self.s.scalar(
            select(Appointment.number).where(
                Appointment.schedule_id == schedule_id,
                Appointment.day == day,
                Appointment.phone_bidx == blind_index("phone", phone),
                Appointment.state == str(AppointmentState.BOOKED),
            )
        )

    def state_counts(self, site_id: int, day: date) -> dict[str, int]:
        rows = self.s.execute(
            select(Appointment.state, func.count())
            .where(Appointment.site_id == site_id, Appointment.day == day)
            .group_by(Appointment.state)
        )
        return {state: int(n) for state, n in rows}

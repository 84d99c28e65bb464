"""The scale generator's fast path: the rows the case services would write, made by the
services' own rule functions and handed to a ``BulkSink`` (``sim/sql_sink.py``) in batches.

Nothing here decides what a row holds: the acceptance is ``app.cases.acceptance.acceptance``
(after ``check_applicant`` and ``check_materials``), its number ``app.numbering.next_number``,
each step's event, deadline, warning and audit summary ``app.cases.transitions`` and
``app.cases.deadlines``, an overdue record ``app.cases.accountability.overdue_opening``, a
rating ``app.feedback.ratings.new_rating`` (and a bad one's rectification item
``app.feedback.rectifications``), a complaint's steps ``app.feedback.complaints`` (and a
substantiated one's record ``app.cases.accountability.complaint_record_after``), and every
audit event is linked by
``app.audit.next_event``. What the bulk path adds is only where
the rows go: kept in memory per case, written when the case closes (or at the end).
``tests/integration/test_scale.py`` runs one plan through the services and through this and
compares every row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from app import audit, settings
from app.appointments import service as appointments
from app.appointments.records import (
    AppointmentAction,
    AppointmentEvent,
    AppointmentState,
    BookingChannel,
    NewAppointment,
    ScheduleRecord,
)
from app.appointments.schedule import day_closed_reason
from app.calendar import load_calendar
from app.cases.acceptance import acceptance, acceptance_dates, check_applicant, check_materials
from app.cases.accountability import complaint_record_after, overdue_opening
from app.cases.common import yellow_ratio
from app.cases.deadlines import deadline_of, local_day, warning_of
from app.cases.lifecycle import CLOSED_STATES, CaseAction, CaseState, next_state
from app.cases.records import CaseEventRecord, NewCase
from app.cases.transitions import closing_columns, transition_event, transition_summary
from app.catalog.records import ItemVersionRecord
from app.errors import DomainError
from app.feedback import complaints
from app.feedback.ratings import case_served, new_rating
from app.feedback.records import (
    ComplaintInput,
    ComplaintState,
    ComplaintTarget,
    NewComplaint,
    NewRating,
    RatingSource,
)
from app.feedback.rectifications import due_after, opened_summary
from app.numbering import NumberKind, next_number
from app.ports import UnitOfWork
from app.records import AuditEventRecord, ChainHead
from app.roles import Actor
from app.validation import FieldErrors, validate_name, validate_phone, validate_text
from app.visits import service as visits
from app.visits import steps
from app.visits.lifecycle import ReferralState, VisitAction, VisitState
from app.visits.records import (
    NewReferral,
    NewVisit,
    ReferralInput,
    VisitEventRecord,
    VisitInput,
)
from app.warning_levels import WarningLevel
from app.workdays import Deadline, WorkCalendar
from sim.scale import (
    DENIAL_BASIS,
    DENIAL_NOTE,
    Accept,
    Acknowledge,
    AppointmentOp,
    Book,
    CheckIn,
    Complain,
    ComplaintOp,
    Inquiry,
    Investigate,
    Move,
    Rate,
    Refer,
    ScalePlan,
    ScaleSummary,
    VisitOp,
    conclusion_texts,
    counter_staff,
    first_supervisor,
    run,
)


@dataclass
class BulkBatch:
    """Rows for the sink: closed (or, at the end, still open) cases with what hangs off them."""

    cases: list[tuple[int, NewCase, dict[str, Any]]] = field(default_factory=list)
    events: list[tuple[int, CaseEventRecord]] = field(default_factory=list)
    accountability: list[dict[str, Any]] = field(default_factory=list)
    audit: list[AuditEventRecord] = field(default_factory=list)
    counters: dict[tuple[str, str], int] = field(default_factory=dict)  # kind, yyyymmdd -> last
    ratings: list[tuple[int, NewRating]] = field(default_factory=list)
    rectifications: list[dict[str, Any]] = field(default_factory=list)
    visits: list[tuple[int, NewVisit, dict[str, Any]]] = field(default_factory=list)
    referrals: list[tuple[int, NewReferral, dict[str, Any]]] = field(default_factory=list)
    visit_events: list[tuple[int, VisitEventRecord]] = field(default_factory=list)
    complaints: list[tuple[int, NewComplaint, dict[str, Any]]] = field(default_factory=list)
    complaint_notes: list[dict[str, Any]] = field(default_factory=list)
    appointments: list[tuple[int, NewAppointment, dict[str, Any]]] = field(default_factory=list)
    appointment_events: list[tuple[int, AppointmentEvent]] = field(default_factory=list)
    slots: dict[tuple[int, date, int], int] = field(default_factory=dict)  # places taken


@dataclass
class NextIds:
    """The audit head and the next free id of each table whose ids the bulk path hands out."""

    head: ChainHead
    case: int
    accountability: int
    rating: int
    rectification: int
    visit: int
    referral: int
    complaint: int
    appointment: int


class BulkSink(Protocol):
    def begin(self) -> NextIds: ...

    def write(self, batch: BulkBatch, head: ChainHead) -> None:
        """Insert the batch and move the audit head, in one transaction."""
        ...


class _Serials:
    """The number counters in memory (``app.numbering.CounterRepository``): the sink stores
    the last serial of each kind and day with the batch."""

    def __init__(self) -> None:
        self.last: dict[tuple[str, str], int] = {}

    def next_serial(self, site_id: int, kind: str, day: str) -> int:
        serial = self.last[kind, day] = self.last.get((kind, day), 0) + 1
        return serial


@dataclass
class _OpenVisit:
    key: int  # in the plan
    id: int
    new: NewVisit
    state: VisitState
    holder_id: int
    version: int = 1
    changes: dict[str, Any] = field(default_factory=dict)
    events: list[VisitEventRecord] = field(default_factory=list)
    # The pending referral: its id, number, row and new columns, and when it is due.
    referral: tuple[int, NewReferral, dict[str, Any]] | None = None
    referrals: list[tuple[int, NewReferral, dict[str, Any]]] = field(default_factory=list)


@dataclass
class _OpenComplaint:
    id: int
    new: NewComplaint
    state: ComplaintState
    changes: dict[str, Any] = field(default_factory=dict)
    notes: list[dict[str, Any]] = field(default_factory=list)
    record: dict[str, Any] | None = None  # its accountability record, stored with it


@dataclass
class _OpenAppointment:
    id: int
    new: NewAppointment
    state: AppointmentState
    version: int = 1
    changes: dict[str, Any] = field(default_factory=dict)
    events: list[AppointmentEvent] = field(default_factory=list)


@dataclass
class _OpenCase:
    id: int
    new: NewCase
    state: CaseState
    warning: str
    deadline: Deadline
    version: int = 1
    changes: dict[str, Any] = field(default_factory=dict)
    events: list[CaseEventRecord] = field(default_factory=list)
    overdue: dict[str, Any] | None = None  # its accountability record, stored with the case
    # Its rating and any rectification item, stored with the case (they refer to it).
    ratings: list[tuple[int, NewRating]] = field(default_factory=list)
    rectifications: list[dict[str, Any]] = field(default_factory=list)


class BulkExecutor:
    """Makes the services' rows and writes them in batches of ``flush_days`` days."""

    def __init__(
        self,
        sink: BulkSink,
        site_id: int,
        site_code: str,
        items: Sequence[ItemVersionRecord],
        calendar: WorkCalendar,
        ratio: float,
        rectification_days: int,
        hall: Mapping[str, str],
        target: Callable[[Actor, ReferralInput], steps.ReferralTarget],
        flush_days: int = 20,
        schedules: Sequence[ScheduleRecord] = (),
    ) -> None:
        self.sink = sink
        self.site_id = site_id
        self.site_code = site_code
        self.items = {i.id: i for i in items}
        self.calendar = calendar
        self.ratio = ratio
        self.rectification_days = rectification_days
        self.hall = hall
        self.target = target
        self.visits: dict[int, _OpenVisit] = {}
        self.complaints: dict[int, _OpenComplaint] = {}
        self.schedules = {s.id: s for s in schedules}
        self.appointments: dict[int, _OpenAppointment] = {}
        self.slots: dict[tuple[int, date, int], int] = {}  # places taken, until their day ends
        self.phones: set[tuple[int, date, str]] = set()  # active bookings per schedule and day
        self.today: date | None = None
        self.flush_days = flush_days
        self.ids = sink.begin()
        self.head = self.ids.head
        self.open: dict[int, _OpenCase] = {}
        self.batch = BulkBatch()
        self.serials = _Serials()
        self.days = 0

    def _audit(
        self,
        at: datetime,
        actor: Actor | None,
        action: str,
        entity: str,
        entity_id: object,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any],
        login: str | None = None,
    ) -> None:
        event = audit.next_event(
            self.head, at, actor, action, entity, entity_id, before, after, login=login
        )
        self.batch.audit.append(event)
        self.head = ChainHead(event.seq, event.hash, self.head.key_id)

    def accept(self, op: Accept) -> None:
        today = local_day(op.at)
        version = self.items[op.request.item_version_id]
        errors = FieldErrors()
        applicant = check_applicant(op.request.applicant, today, errors)
        materials = check_materials(version, op.request, errors)
        errors.raise_if_any()  # a plan only asks for what a counter may do
        dates = acceptance_dates(self.calendar, version, op.request, today)
        number = next_number(self.serials, self.site_id, self.site_code, NumberKind.CASE, today)
        made = acceptance(
            op.clerk,
            version,
            op.request,
            applicant,
            materials,
            dates,
            number=number,
            site_id=self.site_id,
            window_id=op.clerk.window_id,
            now=op.at,
            calendar=self.calendar,
            ratio=self.ratio,
        )
        case = _OpenCase(
            self.ids.case, made.case, CaseState.ACCEPTED, made.case.warning, dates.deadline
        )
        self.ids.case += 1
        self.open[op.key] = case
        case.events.append(made.event)
        self._audit(op.at, op.clerk, "case_accepted", "case", number, None, made.audit_after)

    def rate(self, op: Rate) -> None:
        case = self.open[op.key]
        served = case_served(case.id, case.new)
        rating, after = new_rating(
            op.clerk, served, op.level, op.comment, RatingSource.CITIZEN_SCREEN, op.at
        )
        rating_id = self.ids.rating
        self.ids.rating += 1
        case.ratings.append((rating_id, rating))
        self._audit(op.at, op.clerk, "rating_recorded", "rating", rating_id, None, after)
        if op.level.is_bad:  # a rectification item against the rated clerk
            due = due_after(self.calendar, local_day(op.at), self.rectification_days)
            item_id = self.ids.rectification
            self.ids.rectification += 1
            case.rectifications.append(
                {
                    "id": item_id,
                    "rating_id": rating_id,
                    "responsible_id": served.staff_id,
                    "opened_at": op.at,
                    "due_date": due,
                }
            )
            after = opened_summary(rating_id, served.label, served.staff_id, due)
            self._audit(
                op.at, op.clerk, "rectification_opened", "rectification", item_id, None, after
            )

    def visit(self, op: VisitOp) -> None:
        """A visit's moves by the visit services' own pieces. The plan has nobody away and
        every move by the visit's holder (or named receiver): nobody acts for another."""
        if isinstance(op, Inquiry):
            self._register(op)
            return
        visit = self.visits[op.key]
        if isinstance(op, Refer):
            self._refer(visit, op)
            return
        if isinstance(op, Acknowledge):
            assert visit.referral is not None
            referral_id, new, _changes = visit.referral
            referral_changes, step = steps.acknowledging(
                op.receiver,
                visit.state,
                visit.holder_id,
                referral_id,
                new.number,
                ReferralState.PENDING,
                new.due_at,
                None,
                "",
                op.at,
            )
            visit.referrals.append((referral_id, new, referral_changes))
            visit.referral = None
            self._visit_step(visit, op.receiver, op.at, step, "referral", new.number)
            return
        step = steps.ending(
            op.clerk,
            visit.state,
            visit.holder_id,
            None,
            VisitAction.ANSWER,
            op.answer,
            "",
            None,
            "",
            op.at,
        )
        self._visit_step(visit, op.clerk, op.at, step, "visit", visit.new.number)

    def _register(self, op: Inquiry) -> None:
        today = local_day(op.at)
        errors = FieldErrors()
        v = op.visitor
        asked = VisitInput(op.question, visitor_name=v.name, phone=v.phone, answer=op.answer)
        clean = visits.check_visitor(asked, today, errors)
        errors.raise_if_any()
        number = next_number(self.serials, self.site_id, self.site_code, NumberKind.VISIT, today)
        new, event, after = steps.registration(
            op.clerk, clean, False, number, self.site_id, op.clerk.window_id, op.at
        )
        visit = _OpenVisit(op.key, self.ids.visit, new, VisitState.OPEN, op.clerk.staff_id)
        self.ids.visit += 1
        self.visits[op.key] = visit
        visit.events.append(event)
        self._audit(op.at, op.clerk, "visit_registered", "visit", number, None, after)
        if clean["answer"]:
            step = steps.ending(
                op.clerk,
                visit.state,
                visit.holder_id,
                None,
                VisitAction.ANSWER,
                clean["answer"],
                "",
                None,
                "",
                op.at,
            )
            self._visit_step(visit, op.clerk, op.at, step, "visit", number)

    def _refer(self, visit: _OpenVisit, op: Refer) -> None:
        asked = ReferralInput(to_staff_id=op.to.staff_id, reason=op.reason)
        target = self.target(op.clerk, asked)
        reason = validate_text(op.reason, "reason", 500)
        due = steps.referral_due(op.at, self.hall, self.calendar)
        number = next_number(
            self.serials, self.site_id, self.site_code, NumberKind.REFERRAL, local_day(op.at)
        )
        referral_id = self.ids.referral
        self.ids.referral += 1
        new = steps.new_referral(op.clerk, visit.id, target, None, None, reason, number, op.at, due)
        visit.referral = (referral_id, new, {})
        step = steps.referring(
            op.clerk,
            visit.state,
            visit.holder_id,
            None,
            referral_id,
            number,
            target,
            reason,
            op.at,
            due,
        )
        self._visit_step(visit, op.clerk, op.at, step, "visit", visit.new.number)

    def _visit_step(
        self,
        visit: _OpenVisit,
        actor: Actor,
        at: datetime,
        step: steps.VisitStep,
        entity: str,
        entity_id: str,
    ) -> None:
        visit.changes.update(step.changes)
        visit.state = VisitState(step.changes["state"])
        visit.holder_id = step.changes.get("holder_id", visit.holder_id)
        visit.version += 1
        visit.events.append(step.event)
        self._audit(at, actor, step.audit_action, entity, entity_id, step.before, step.after)
        if visit.state is VisitState.CLOSED:
            self._close_visit(visit)

    def _close_visit(self, visit: _OpenVisit) -> None:
        del self.visits[visit.key]
        self.batch.visits.append(
            (visit.id, visit.new, {**visit.changes, "row_version": visit.version})
        )
        referrals = [*visit.referrals, *([visit.referral] if visit.referral else [])]
        self.batch.referrals.extend(referrals)
        self.batch.visit_events.extend((visit.id, e) for e in visit.events)

    def complaint(self, op: ComplaintOp) -> None:
        """A complaint's steps by the complaint service's own pieces (``app.feedback.complaints``);
        the plan names a clerk of the hall, as ``register_complaint`` checks."""
        if isinstance(op, Complain):
            errors = FieldErrors()
            asked = ComplaintInput(
                ComplaintTarget.STAFF, op.content, op.channel, staff_id=op.against.staff_id
            )
            checked = complaints.check_complaint(asked, errors)
            errors.raise_if_any()
            assert checked is not None
            day = local_day(op.at)
            number = next_number(
                self.serials, self.site_id, self.site_code, NumberKind.COMPLAINT, day
            )
            new = NewComplaint(
                number=number,
                site_id=self.site_id,
                target=checked.target,
                channel=checked.channel,
                staff_id=op.against.staff_id,
                window_id=op.against.window_id,  # the clerk's usual window
                case_id=None,
                complainant_name=checked.complainant_name,
                complainant_phone=checked.complainant_phone,
                content=checked.content,
                received_by=op.supervisor.staff_id,
                received_at=op.at,
            )
            self.complaints[op.key] = _OpenComplaint(
                self.ids.complaint, new, ComplaintState.REGISTERED
            )
            self.ids.complaint += 1
            after = complaints.registration_after(new)
            self._audit(
                op.at, op.supervisor, "complaint_registered", "complaint", number, None, after
            )
            return
        complaint = self.complaints[op.key]
        number = complaint.new.number
        if isinstance(op, Investigate):
            note = validate_text(op.note, field="note", max_len=2000)
            state, before, after = complaints.investigation(complaint.state, note)
            complaint.notes.append(
                {
                    "complaint_id": complaint.id,
                    "staff_id": op.supervisor.staff_id,
                    "at": op.at,
                    "text": note,
                }
            )
            complaint.state = state
            complaint.changes["state"] = str(state)
            self._audit(
                op.at, op.supervisor, "complaint_investigated", "complaint", number, before, after
            )
            return
        finding, outcome = conclusion_texts(op.substantiated)
        changes, before, after = complaints.conclusion(
            complaint.state,
            op.supervisor,
            op.at,
            op.substantiated,
            finding,
            outcome,
            complaint.new.staff_id,
        )
        complaint.changes.update(changes)
        self._audit(op.at, op.supervisor, "complaint_concluded", "complaint", number, before, after)
        responsible = changes["responsible_id"]
        if responsible is not None:
            record_id = self.ids.accountability
            self.ids.accountability += 1
            complaint.record = {
                "id": record_id,
                "kind": "complaint",
                "case_id": None,
                "complaint_id": complaint.id,
                "responsible_id": responsible,
                "opened_at": op.at,
                "days_late": 0,
            }
            self._audit(
                op.at,
                op.supervisor,
                "accountability_opened",
                "complaint",
                number,
                None,
                complaint_record_after(responsible, record_id),
            )
        self._close_complaint(op.key)

    def appointment(self, op: AppointmentOp) -> None:
        """Bookings, check-ins and no-shows by the appointment service's own pieces
        (``app.appointments.service``); the plan books only open days and free places."""
        if isinstance(op, Book):
            self._book(op)
        elif isinstance(op, CheckIn):
            self._check_in(op)
        else:
            due = sorted(
                (a.new.start_minute, a.id, key)
                for key, a in self.appointments.items()
                if a.new.day == op.day
                and a.new.window_id == op.window_id
                and a.state is AppointmentState.BOOKED
            )
            for _start, _id, key in due:
                booked = self.appointments[key]
                missed, before, after = appointments.missing(booked.state)
                self._appointment_step(booked, op.clerk, op.at, missed, {}, before, after)
                booked.changes["state"] = str(missed)
                self._close_appointment(key)

    def _book(self, op: Book) -> None:
        req = op.request
        today = local_day(op.at)
        errors = FieldErrors()
        name = errors.check("visitor_name", validate_name, req.visitor_name) or ""
        phone = errors.check("phone", validate_phone, req.phone) or ""
        notes = errors.check("notes", validate_text, req.notes, max_len=500, required=False) or ""
        errors.raise_if_any()
        schedule = self.schedules[req.schedule_id]
        version = next(v for v in self.items.values() if v.code == req.item_code.strip().upper())
        slot = (schedule.id, req.day, req.start_minute)
        if (
            day_closed_reason(schedule, self.calendar, req.day, today)
            or req.start_minute not in schedule.slot_starts()
            or self.slots.get(slot, 0) >= schedule.capacity
            or (schedule.id, req.day, phone) in self.phones
        ):
            raise DomainError(f"the plan booked what the service refuses: {req}")
        self.slots[slot] = self.slots.get(slot, 0) + 1
        self.phones.add((schedule.id, req.day, phone))
        number = next_number(
            self.serials, self.site_id, self.site_code, NumberKind.APPOINTMENT, today
        )
        new, event, after = appointments.booking(
            op.clerk,
            schedule,
            version,
            req,
            name,
            phone,
            notes,
            BookingChannel(req.channel),
            number,
            self.site_id,
            op.at,
        )
        self.appointments[op.key] = _OpenAppointment(
            self.ids.appointment, new, AppointmentState.BOOKED, events=[event]
        )
        self.ids.appointment += 1
        self._audit(op.at, op.clerk, "appointment_booked", "appointment", number, None, after)

    def _check_in(self, op: CheckIn) -> None:
        booked = self.appointments[op.key]
        if booked.new.day != local_day(op.at):
            raise DomainError("the plan checks a visitor in on another day")
        changes, before, after = appointments.checking_in(
            booked.state, booked.new.number, booked.new.end_minute, op.clerk, op.at
        )
        self._appointment_step(
            booked, op.clerk, op.at, AppointmentState.CHECKED_IN, changes, before, after
        )
        item = next(v for v in self.items.values() if v.item_id == booked.new.item_id)
        asked = appointments.appointment_visit(
            item.name, booked.new.number, booked.new.visitor_name, booked.new.phone
        )
        errors = FieldErrors()
        clean = visits.check_visitor(asked, local_day(op.at), errors)
        errors.raise_if_any()
        today = local_day(op.at)
        number = next_number(self.serials, self.site_id, self.site_code, NumberKind.VISIT, today)
        new, event, registered = steps.registration(
            op.clerk, clean, asked.needs_escort, number, self.site_id, op.clerk.window_id, op.at
        )
        visit = _OpenVisit(op.key, self.ids.visit, new, VisitState.OPEN, op.clerk.staff_id)
        self.ids.visit += 1
        self.visits[op.key] = visit
        visit.events.append(event)
        self._audit(op.at, op.clerk, "visit_registered", "visit", number, None, registered)
        visit.changes["appointment_id"] = booked.id  # linked in the same transaction
        visit.version += 1
        self._close_appointment(op.key)

    def _appointment_step(
        self,
        booked: _OpenAppointment,
        actor: Actor,
        at: datetime,
        state: AppointmentState,
        changes: dict[str, Any],
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> None:
        action = (
            AppointmentAction.CHECK_IN
            if state is AppointmentState.CHECKED_IN
            else AppointmentAction.NO_SHOW
        )
        booked.changes.update(changes)
        booked.state = state
        booked.version += 1
        booked.events.append(AppointmentEvent(at, actor.staff_id, actor.name, action, "", after))
        self._audit(
            at, actor, f"appointment_{action}", "appointment", booked.new.number, before, after
        )

    def _close_appointment(self, key: int) -> None:
        booked = self.appointments.pop(key)
        self.phones.discard((booked.new.schedule_id, booked.new.day, booked.new.phone))
        final = {**booked.changes, "row_version": booked.version}
        self.batch.appointments.append((booked.id, booked.new, final))
        self.batch.appointment_events.extend((booked.id, e) for e in booked.events)

    def _close_complaint(self, key: int) -> None:
        complaint = self.complaints.pop(key)
        self.batch.complaints.append((complaint.id, complaint.new, complaint.changes))
        self.batch.complaint_notes.extend(complaint.notes)
        if complaint.record is not None:
            self.batch.accountability.append(complaint.record)

    def _deadline(self, case: _OpenCase) -> Deadline:
        return deadline_of(
            case.new.accepted_day, case.new.committed_days, case.events, self.calendar
        )

    def _warning(self, case: _OpenCase, state: CaseState, deadline: Deadline, today: date) -> str:
        return warning_of(
            state, case.new.committed_days, case.events, deadline, today, self.calendar, self.ratio
        )

    def _open_overdue(self, case: _OpenCase, deadline: Deadline, at: datetime) -> None:
        if case.overdue is not None:  # one overdue record per case, as the repository keeps
            return
        late, after = overdue_opening(case.new.owner_id, deadline, local_day(at), self.calendar)
        case.overdue = {
            "id": self.ids.accountability,
            "kind": "overdue",
            "case_id": case.id,
            "complaint_id": None,
            "responsible_id": case.new.owner_id,
            "opened_at": at,
            "days_late": late,
        }
        self.ids.accountability += 1
        self._audit(
            at, None, "accountability_opened", "case", case.new.number, None, after, login="system"
        )

    def move(self, op: Move) -> None:
        case = self.open[op.key]
        today = local_day(op.at)
        new_state = next_state(case.state, op.action)
        if new_state in CLOSED_STATES:
            before = self._deadline(case)
            if self._warning(case, case.state, before, today) == WarningLevel.RED:
                self._open_overdue(case, before, op.at)
        reason, detail, changes = _terms(op, case.new)
        event = transition_event(
            op.actor, case.new.owner_id, op.at, op.action, case.state, new_state, reason, detail
        )
        case.events.append(event)
        deadline = self._deadline(case)
        warning = self._warning(case, new_state, deadline, today)
        due_before = case.deadline.due
        case.state, case.warning, case.deadline = new_state, warning, deadline
        case.version += 1
        case.changes.update(
            closing_columns(event.from_state, new_state, case.new.accepted_at, op.at)
        )
        case.changes.update(changes)
        if warning == WarningLevel.RED:
            self._open_overdue(case, deadline, op.at)
        before_audit, after_audit = transition_summary(event, due_before, deadline.due)
        self._audit(
            op.at, op.actor, f"case_{op.action}", "case", case.new.number, before_audit, after_audit
        )
        if new_state is CaseState.DELIVERED:
            self._close(op.key)

    def _close(self, key: int) -> None:
        case = self.open.pop(key)
        final = {
            "state": str(case.state),
            "warning": case.warning,
            "row_version": case.version,
            "due_date": case.deadline.due,
            "due_provisional": case.deadline.provisional,
            "calendar_version": case.deadline.calendar_version,
            **case.changes,
        }
        self.batch.cases.append((case.id, case.new, final))
        self.batch.events.extend((case.id, e) for e in case.events)
        if case.overdue is not None:
            self.batch.accountability.append(case.overdue)
        self.batch.ratings.extend(case.ratings)
        self.batch.rectifications.extend(case.rectifications)

    def end_day(self, day: date) -> None:
        self.today = day
        self.days += 1
        if self.days % self.flush_days == 0:
            self.flush()

    def flush(self, everything: bool = False) -> None:
        if everything:
            for key in list(self.open):
                self._close(key)
            for visit in list(self.visits.values()):
                self._close_visit(visit)
            for key in list(self.complaints):
                self._close_complaint(key)
            for key in list(self.appointments):
                self._close_appointment(key)
        # A slot's count is final once its day is over (bookings are for later days).
        done = [s for s in self.slots if everything or (self.today and s[1] <= self.today)]
        for slot in done:
            self.batch.slots[slot] = self.slots.pop(slot)
        self.batch.counters = dict(self.serials.last)
        self.sink.write(self.batch, self.head)
        self.batch = BulkBatch()
        self.serials = _Serials()


def _terms(op: Move, case: NewCase) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """The reason, event detail and case columns of a decision or a delivery, as the plan's
    ``ServiceExecutor`` asks ``decide_case`` and ``deliver_case`` for them."""
    if op.action is CaseAction.DECIDE:
        outcome = "denied" if op.denied else "approved"
        reason = DENIAL_NOTE if op.denied else ""
        detail: dict[str, Any] = {"outcome": outcome}
        if op.denied:
            detail["legal_basis"] = DENIAL_BASIS
        return reason, detail, {"decision": outcome, "decision_note": reason, "decided_at": op.at}
    if op.action is CaseAction.DELIVER:
        changes = {
            "delivered_at": op.at,
            "delivery_method": "pickup",
            "collected_by": case.applicant.name,
        }
        return "", {"method": "pickup"}, changes
    return "", {}, {}


def generate(
    make_uow: Callable[[], UnitOfWork],
    sink: BulkSink,
    plan: ScalePlan,
    on_progress: Callable[[str], None] | None = None,
) -> ScaleSummary:
    """Years of work for the hall's clerks, in bulk, ending the day before ``plan.end``."""
    from app.catalog.service import get_version, list_items

    uow = make_uow()
    clerks = counter_staff(uow)
    items = [get_version(uow, s.version_id) for s in list_items(uow)]
    with uow.read():
        calendar = load_calendar(uow)
        ratio = yellow_ratio(uow)
        rectification_days = int(settings.get(uow, "rectification_working_days"))
        hall = settings.get_all(uow)
        site = uow.sites.first()
    if site is None or not clerks or not items:
        raise DomainError("需要已初始化的演示大厅：请先运行 frontdesk init --demo")

    def target(actor: Actor, asked: ReferralInput) -> steps.ReferralTarget:
        """Where a referral goes, as refer_visit resolves it (the hall's staff and windows do
        not change during the run: one look-up per receiver)."""
        key = (actor.site_id, asked.to_staff_id)
        if key not in targets:
            errors = FieldErrors()
            with uow.read():
                targets[key] = visits.referral_target(uow, actor, asked, errors)
            errors.raise_if_any()
        return targets[key]

    targets: dict[tuple[int, int | None], steps.ReferralTarget] = {}
    with uow.read():
        bookable = uow.appointments.schedules(site.id)
    executor = BulkExecutor(
        sink,
        site.id,
        site.code,
        items,
        calendar,
        ratio,
        rectification_days,
        hall,
        target,
        schedules=bookable,
    )
    boss = first_supervisor(uow)
    summary = run(plan, executor, clerks, items, calendar, on_progress, boss, bookable)
    executor.flush(everything=True)
    return summary

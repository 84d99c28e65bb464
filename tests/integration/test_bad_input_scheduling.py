"""Appointments, schedules, the supervisors' reports and agency cases, fed hostile input
(tests/helpers/hostile.py) on a real store, with the checks of tests/integration/test_bad_input.py
(``attempt``): no crash, field refusals name fields of the form, a refused call leaves every
table and the audit chain as they were, and what an accepted call stored reads back cleaned.

Records picked from a list (a schedule, an appointment, a case) are mostly real ones made
through the services, their row versions sometimes stale; a record is replaced once it has
moved on or has a life's worth of events, so the hall stays the size of a real one however many
inputs a run feeds. The tests share one hall per store and run in file order: the appointments
first, while the two schedules they use are as set up; then the schedules; then the reports,
over those appointments and a day's work of each kind (a full run of the agency forms leaves
thousands of cases, all accepted on the one day the clock shows, for every report to list
again); the agency forms last.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.agency.records import AgencyReason, AgencyTerms, ContactChannel, ContactInput, StepInput
from app.agency.service import (
    accept_agency_case,
    agency_agents,
    agency_detail,
    deliver_agency_result,
    record_agency_contact,
    record_agency_step,
    take_on_agency,
)
from app.appointments import schedule as schedules
from app.appointments.records import (
    AppointmentState,
    BookingChannel,
    BookingRequest,
    ScheduleInput,
    Session,
)
from app.appointments.service import (
    book_appointment,
    cancel_appointment,
    find_appointment,
    get_appointment,
    move_appointment,
)
from app.auth import login
from app.cases import queries, transitions
from app.cases.deadlines import local_day
from app.cases.lifecycle import CaseState, DeliveryMethod
from app.cases.records import ApplicantInput
from app.errors import PermissionDenied, ValidationError
from app.reports.daily_log import daily_log, period_log
from app.reports.statistics import StatisticsQuery, statistics, statistics_filters
from app.roles import Actor
from app.validation import mask_personal_numbers as masked  # free text is stored masked
from app.validation import validate_name, validate_phone, validate_text
from tests.helpers.appointments import AFTERNOON, MORNING
from tests.helpers.bad_input import ID, Hall, attempt, hall_per_store
from tests.helpers.hostile import (
    FORM_SETTINGS,
    fed,
    id_numbers,
    names,
    phones,
    picked_dates,
    picked_times,
    spoiled,
    texts,
    typed_ints,
)

hall = hall_per_store()


# -- what the forms pick from lists -----------------------------------------------------------

# A record picked from a list is the real one (REAL); spoiled: an id that may not be there (a
# stale list, a record of another site) or, by chance, another real one.
REAL = st.none()
OTHER_ID = st.integers(-3, 10**6)
stale = st.sampled_from([0, 0, 0, 0, -1, 1])
SLOT_STARTS = [*range(9 * 60, 11 * 60 + 1, 30), *range(14 * 60, 16 * 60 + 31, 30)]
FAR_DAYS = (date.min, date(1, 1, 2), date(1752, 9, 14), date(1899, 12, 31), date.max)
far_days = st.one_of(st.dates(date.min, date.max), st.sampled_from(FAR_DAYS))
minutes = st.one_of(st.integers(-60, 24 * 60 + 60), typed_ints)
LIFE = 30  # events after which a subject is replaced, as Hall.case_in does for cases


@dataclass
class Desk:
    """The records this module's forms pick, for one hall: two schedules, and the
    appointment and agency cases last worked on (new ones once they moved on)."""

    hall: Hall
    booking: int  # window 1, any item: the schedule the booking form fills
    moving: int  # window 2, T-001 only: the appointments moved and cancelled
    staff_ids: dict[str, int]  # by login: the agents the list offers, and the administrator
    today: date
    booked: tuple[int, int, int] | None = None  # appointment id, row version, events
    number: str = ""  # the last appointment made here, to look up
    spot: int = 0  # the last place tried for a new appointment
    schedule_ids: list[int] = field(default_factory=list)
    agency: tuple[int, int] | None = None  # an open agency case: id, records added
    decided: tuple[int, int] | None = None  # a decided agency case: id, row version
    filters: tuple[list[int], list[int], list[int]] | None = None  # departments, windows, items
    worked: bool = False  # the day's work the reports count is done

    def appointment(self) -> tuple[int, int]:
        """A booked appointment of the moving schedule (id, row version)."""
        if self.booked is None or self.booked[2] >= LIFE:
            self.booked = self._new_appointment()
        return self.booked[0], self.booked[1]

    def _new_appointment(self) -> tuple[int, int, int]:
        hall = self.hall
        for _ in range(2000):
            self.spot += 1
            day = self.today + timedelta(days=1 + self.spot % 60)
            start = SLOT_STARTS[self.spot // 60 % len(SLOT_STARTS)]
            req = BookingRequest(
                self.moving, day, start, "王𠇹", f"139{self.spot:08d}", "T-001", "", "phone"
            )
            try:
                booked = book_appointment(hall.uow(), hall.clerk, req)
            except ValidationError:  # a weekend, a holiday, a full slot: the next place
                continue
            self.number = booked.number
            made = get_appointment(hall.uow(), hall.clerk, booked.appointment_id)
            return made.id, made.row_version, len(made.events)
        raise AssertionError("the moving schedule has no free place left")

    def agency_case(self) -> int:
        """An open agency case of the clerk."""
        if self.agency is None or self.agency[1] >= LIFE:
            hall = self.hall
            result = accept_agency_case(hall.uow(), hall.clerk, hall.request(), self.terms())
            self.agency = (result.case_id, 0)
        return self.agency[0]

    def decided_agency_case(self) -> tuple[int, int]:
        if self.decided is None:
            hall = self.hall
            result = accept_agency_case(hall.uow(), hall.clerk, hall.request(), self.terms())
            case = transitions.decide_case(hall.uow(), hall.clerk, result.case_id, 1, "approved")
            self.decided = (case.id, case.row_version)
        return self.decided

    def day_of_work(self) -> None:
        """Once, before the reports: an agency case with a step and a contact, and one
        delivered, so every section of the reports has something to count."""
        if self.worked:
            return
        hall = self.hall
        case_id = self.agency_case()
        step = StepInput("乡民政所", "递交申请并核实家庭收入", "已核实")
        record_agency_step(hall.uow(), hall.clerk, case_id, step)
        record_agency_contact(hall.uow(), hall.clerk, case_id, ContactInput("phone", "告知进度"))
        self.agency = (case_id, 2)
        case_id, version = self.decided_agency_case()
        deliver_agency_result(hall.uow(), hall.clerk, case_id, version, "mail")
        self.decided, self.worked = None, True

    def terms(self) -> AgencyTerms:
        return AgencyTerms(
            self.staff_ids["chenjing"],
            AgencyReason.ELDERLY,
            self.today - timedelta(days=10),
            "代为提交申请材料、领取并送达结果",
            "委托书 WT-2026-031（存档案柜3号）",
        )


DESKS: dict[str, Desk] = {}


def desk_of(hall: Hall) -> Desk:
    desk = DESKS.get(hall.store_name)
    if desk is None or desk.hall is not hall:
        admin = hall.admin
        booking = schedules.save_schedule(
            hall.uow(), admin, ScheduleInput(1, "", 30, 20, MORNING, AFTERNOON, 90)
        )
        moving = schedules.save_schedule(
            hall.uow(), admin, ScheduleInput(2, "T-001", 30, 20, MORNING, AFTERNOON, 90)
        )
        chenjing = login(hall.uow(), "chenjing", "demo-2026")
        staff_ids = {a.login: a.staff_id for a in (hall.clerk, hall.boss, hall.admin, chenjing)}
        offered = {a.staff_id for a in agency_agents(hall.uow(), hall.clerk)}
        assert offered >= {staff_ids[k] for k in ("chenjing", "zhangwei", "sunli")}
        today = local_day(hall.clock.now())
        desk = DESKS[hall.store_name] = Desk(hall, booking, moving, staff_ids, today)
    return desk


def days_from_today(first: int, last: int) -> st.SearchStrategy[timedelta]:
    """Days around the hall's today (its clock stands still), as ``on`` resolves them."""
    return st.integers(first, last).map(lambda n: timedelta(days=n))


def on(hall: Hall, day: timedelta | date | None) -> date | None:
    return local_day(hall.clock.now()) + day if isinstance(day, timedelta) else day


upcoming = days_from_today(-1, 100)  # yesterday to past the 90 days a schedule opens
recent = days_from_today(-400, 1)  # the reports' days: a year back, and tomorrow


# -- appointments (first: the schedules are as set up) ----------------------------------------

good_names = st.sampled_from(["王𠇹", "阿依古丽·买买提", "欧阳娜娜", "Zhang Wei", " 李娜 "])
good_phones = st.one_of(
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.from_regex(r"0571-[2-8][0-9]{7}", fullmatch=True),
)
BOOKING_FIELDS = {"schedule", "day", "slot", "item", "visitor_name", "phone", "channel", "notes"}


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            "schedule_id": st.sampled_from(["booking", "moving"]),
            "day": upcoming,
            "start_minute": st.sampled_from(SLOT_STARTS),
            "visitor_name": good_names,
            "phone": good_phones,
            "item_code": st.sampled_from(["T-001", " t-001 "]),
            "notes": st.sampled_from(["", "需要轮椅", "带齐户口簿\n和照片"]),
            "channel": st.sampled_from([*BookingChannel]),
        },
        {
            "schedule_id": OTHER_ID,
            "day": far_days,
            "start_minute": minutes,
            "visitor_name": names,
            "phone": phones,
            "item_code": st.one_of(st.just("T-002"), texts),
            "notes": texts,
            "channel": texts,
        },
    )
)
def test_appointment_book(hall: Hall, form: dict[str, Any]) -> None:
    desk = desk_of(hall)
    schedule = form["schedule_id"]
    if isinstance(schedule, str):
        schedule = desk.booking if schedule == "booking" else desk.moving
    req = BookingRequest(**{**form, "schedule_id": schedule, "day": on(hall, form["day"])})
    booked = attempt(
        hall,
        "appointment_book",
        BOOKING_FIELDS,
        lambda: book_appointment(hall.uow(), hall.clerk, req),
    )
    if booked is None:
        return
    shown = get_appointment(hall.uow(), hall.clerk, booked.appointment_id)
    assert shown.visitor_name == validate_name(req.visitor_name)
    assert shown.phone == validate_phone(req.phone)
    assert shown.notes == masked(validate_text(req.notes, "notes", 500, required=False))
    assert (shown.day, shown.start_minute, shown.item_code) == (
        req.day,
        req.start_minute,
        req.item_code.strip().upper(),
    )


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            "appointment": REAL,
            "day": upcoming,
            "start": st.sampled_from(SLOT_STARTS),
            "reason": st.sampled_from(["", "申请人要求", " 改到下午 "]),
        },
        {"appointment": OTHER_ID, "day": far_days, "start": minutes, "reason": texts},
    ),
    off=stale,
)
def test_appointment_move(hall: Hall, form: dict[str, Any], off: int) -> None:
    desk = desk_of(hall)
    appointment_id, version = desk.appointment()
    if form["appointment"] is not None:
        appointment_id = form["appointment"]
    day, start, reason = on(hall, form["day"]), form["start"], form["reason"]
    moved = attempt(
        hall,
        "appointment_move",
        {"day", "slot", "reason"},
        lambda: move_appointment(
            hall.uow(), hall.clerk, appointment_id, version + off, day, start, reason
        ),
    )
    if moved is None:
        return
    desk.booked = (moved.id, moved.row_version, len(moved.events))
    assert (moved.day, moved.start_minute) == (day, start)
    assert moved.events[-1].reason == masked(validate_text(reason, "reason", 200, required=False))


@FORM_SETTINGS
@given(
    form=spoiled(
        {"appointment": REAL, "reason": st.sampled_from(["申请人来电取消", " 行程有变 "])},
        {"appointment": OTHER_ID, "reason": texts},
    ),
    off=stale,
)
def test_appointment_cancel(hall: Hall, form: dict[str, Any], off: int) -> None:
    desk = desk_of(hall)
    appointment_id, version = desk.appointment()
    if form["appointment"] is not None:
        appointment_id = form["appointment"]
    reason = form["reason"]
    cancelled = attempt(
        hall,
        "appointment_cancel",
        {"reason"},
        lambda: cancel_appointment(hall.uow(), hall.clerk, appointment_id, version + off, reason),
    )
    if cancelled is None:
        return
    desk.booked = None
    assert cancelled.state is AppointmentState.CANCELLED
    assert cancelled.events[-1].reason == masked(validate_text(reason, "reason", 200))


@FORM_SETTINGS
@given(
    form=spoiled(
        {"number": st.sampled_from(["as printed", "lower", "padded", "cut"])},
        {"number": texts},
    )
)
def test_appointment_find(hall: Hall, form: dict[str, Any]) -> None:
    desk = desk_of(hall)
    desk.appointment()
    number = desk.number
    typed = {
        "as printed": number,
        "lower": number.lower(),
        "padded": f" {number}\t",
        "cut": number[:-1],
    }.get(form["number"], form["number"])
    found = attempt(
        hall,
        "appointment_find",
        {"number"},
        lambda: find_appointment(hall.uow(), hall.clerk, typed),
    )
    if typed.strip().upper() == number:
        assert found is not None and found.number == number
    elif found is not None:
        assert found.number == typed.strip().upper()


# -- schedules ----------------------------------------------------------------------------------

counts = st.one_of(st.integers(-5, 400), typed_ints)
hostile_sessions = st.one_of(st.none(), st.builds(Session, minutes, minutes))


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            "window_number": st.sampled_from([None, 1, 2, 3, 6]),
            "item_code": st.sampled_from(["", "T-001", " t-002 "]),
            "slot_minutes": st.sampled_from([15, 20, 30, 60]),
            "capacity": st.integers(1, 99),
            "morning": st.sampled_from([None, MORNING, Session(8 * 60, 12 * 60)]),
            "afternoon": st.sampled_from([AFTERNOON, Session(13 * 60 + 30, 18 * 60)]),
            "days_ahead": st.integers(1, 90),
            "active": st.sampled_from([True, True, True, False]),
        },
        {
            "window_number": st.one_of(OTHER_ID, typed_ints),
            "item_code": texts,
            "slot_minutes": counts,
            "capacity": counts,
            "morning": hostile_sessions,
            "afternoon": hostile_sessions,
            "days_ahead": counts,
        },
    )
)
def test_schedule_save(hall: Hall, form: dict[str, Any]) -> None:
    data = ScheduleInput(**form)
    saved = attempt(
        hall,
        "schedule_save",
        {"window", "item", "slot_minutes", "capacity", "morning", "afternoon", "days_ahead"},
        lambda: schedules.save_schedule(hall.uow(), hall.admin, data),
    )
    if saved is None:
        return
    shown = {s.id: s for s in schedules.list_schedules(hall.uow(), hall.admin, True)}[saved]
    assert (shown.window_number, shown.item_code) == (
        data.window_number,
        data.item_code.strip().upper(),
    )
    assert (shown.slot_minutes, shown.capacity, shown.days_ahead, shown.active) == (
        data.slot_minutes,
        data.capacity,
        data.days_ahead,
        data.active,
    )
    assert (shown.morning, shown.afternoon) == (data.morning, data.afternoon)


@FORM_SETTINGS
@given(
    data=st.data(),
    form=spoiled(
        {
            "schedule": REAL,
            "day": days_from_today(-1, 120),
            "reason": st.sampled_from(["窗口系统升级", " 县庆放假 "]),
        },
        {"schedule": OTHER_ID, "day": far_days, "reason": texts},
    ),
)
def test_schedule_close_day(hall: Hall, data: st.DataObject, form: dict[str, Any]) -> None:
    desk = desk_of(hall)
    if not desk.schedule_ids:  # those the schedule form made too
        desk.schedule_ids = [s.id for s in schedules.list_schedules(hall.uow(), hall.admin, True)]
    schedule_id = form["schedule"]
    if schedule_id is None:
        schedule_id = data.draw(st.sampled_from(desk.schedule_ids))
    day, reason = on(hall, form["day"]), form["reason"]

    def close() -> bool:
        schedules.close_day(hall.uow(), hall.admin, schedule_id, day, reason)
        return True

    if attempt(hall, "schedule_close_day", {"day", "reason"}, close) is None:
        return
    uow = hall.uow()
    with uow.read():
        shown = schedules.load_schedule(uow, hall.admin, schedule_id)
    assert shown.closed_reason(day) == validate_text(reason, "reason", 100)


# -- reports (before the agency forms: see the module's docstring) ----------------------------

reporters = st.sampled_from(["boss", "boss", "boss", "admin", "clerk"])
report_days = st.one_of(picked_dates, st.sampled_from(FAR_DAYS))


def report(hall: Hall, form: str, fields: set[str], who: str, make: Callable[[Actor], Any]) -> Any:
    """A clerk is refused before anything is read; the others' input goes through
    ``attempt``."""
    desk_of(hall).day_of_work()
    if who == "clerk":
        fed(f"{form}@{hall.store_name}")
        before = hall.snapshot()
        with pytest.raises(PermissionDenied):
            make(hall.clerk)
        assert hall.snapshot() == before
        return None
    actor = hall.boss if who == "boss" else hall.admin
    return attempt(hall, form, fields, lambda: make(actor))


@FORM_SETTINGS
@given(form=spoiled({"day": recent}, {"day": report_days}), who=reporters)
def test_daily_log(hall: Hall, form: dict[str, Any], who: str) -> None:
    day = on(hall, form["day"])
    log = report(hall, "daily_log", {"day"}, who, lambda a: daily_log(hall.uow(), a, day))
    if log is not None:
        assert log.first_day == log.last_day == day and log.is_day


@FORM_SETTINGS
@given(
    form=spoiled({"start": recent, "end": recent}, {"start": report_days, "end": report_days}),
    who=reporters,
)
def test_period_log(hall: Hall, form: dict[str, Any], who: str) -> None:
    start, end = on(hall, form["start"]), on(hall, form["end"])
    log = report(
        hall,
        "period_log",
        {"start", "end"},
        who,
        lambda a: period_log(hall.uow(), a, start, end),
    )
    if log is not None:  # a period running past today stops at today (and says so)
        from app.cases.deadlines import local_day

        today = local_day(hall.uow().clock.now())
        assert (log.first_day, log.last_day) == (start, min(end, today))


@FORM_SETTINGS
@given(
    data=st.data(),
    form=spoiled(
        {
            "first_day": recent,
            "last_day": recent,
            "department_id": REAL,
            "window_id": REAL,
            "item_id": REAL,
            "trend": st.sampled_from(["week", "month"]),
        },
        {
            "first_day": report_days,
            "last_day": report_days,
            "department_id": OTHER_ID,
            "window_id": OTHER_ID,
            "item_id": OTHER_ID,
            "trend": texts,
        },
    ),
    who=reporters,
)
def test_statistics(hall: Hall, data: st.DataObject, form: dict[str, Any], who: str) -> None:
    desk = desk_of(hall)
    if desk.filters is None:
        found = statistics_filters(hall.uow(), hall.boss)
        desk.filters = (
            [d.id for d in found.departments],
            [w.id for w in found.windows],
            [i[0] for i in found.items],
        )
    for key, choices in zip(("department_id", "window_id", "item_id"), desk.filters, strict=True):
        if form[key] is None:  # "全部", or one picked from the list
            form[key] = data.draw(st.sampled_from([None, *choices]))
    first, last = on(hall, form["first_day"]), on(hall, form["last_day"])
    query = StatisticsQuery(**{**form, "first_day": first, "last_day": last})
    found = report(
        hall,
        "statistics",
        {"first_day", "last_day", "trend"},
        who,
        lambda a: statistics(hall.uow(), a, query),
    )
    if found is not None:
        assert found.query == query and found.trend
        assert found.trend[0].start <= query.first_day <= query.last_day
        assert sum(f.accepted for f in found.by_window) == found.total.accepted


# -- agency cases (last) ------------------------------------------------------------------------

APPLICANT_FIELDS = {"applicant_name", "id_number", "phone", "id_type"}
ACCEPT_FIELDS = APPLICANT_FIELDS | {
    "materials",
    "received_at",
    "applicant_commitment",
    "deferred_supply_by",
    "window",
    "deemed_accepted_on",
    "item",
}
TERMS_FIELDS = {"agent", "reason", "authorised_on", "scope", "document_ref"}
TERMS_VALID = {
    "agent_id": st.sampled_from(["chenjing", "zhangwei", "sunli"]),  # as the list offers them
    "reason": st.sampled_from([*AgencyReason]),
    "authorised_on": days_from_today(-365, 0),
    "scope": st.sampled_from(["代为提交材料、领取结果", " 全程代办\n到民政所核实 "]),
    "document_ref": st.sampled_from(["委托书 WT-2026-031", "档案柜3号"]),
}
TERMS_BAD = {
    "agent_id": st.one_of(st.none(), st.just("admin"), OTHER_ID),  # none, no agent, not there
    "reason": texts,
    "authorised_on": st.one_of(
        picked_dates,
        st.sampled_from([*FAR_DAYS, timedelta(days=1), timedelta(days=-366)]),
    ),
    "scope": texts,
    "document_ref": texts,
}


def agency_terms(hall: Hall, form: dict[str, Any]) -> AgencyTerms:
    """The terms of ``form``, the agent named by login."""
    agent = form["agent_id"]
    if isinstance(agent, str):
        agent = desk_of(hall).staff_ids[agent]
    terms = {k: form[k] for k in TERMS_VALID}
    return AgencyTerms(
        **terms | {"agent_id": agent, "authorised_on": on(hall, terms["authorised_on"])}
    )


def check_terms_stored(hall: Hall, case_id: int, terms: AgencyTerms) -> None:
    record = agency_detail(hall.uow(), hall.clerk, case_id)
    assert record is not None
    assert (record.agent_id, record.reason, record.authorised_on) == (
        terms.agent_id,
        terms.reason,
        terms.authorised_on,
    )
    assert record.scope == masked(validate_text(terms.scope, "scope", 500))
    assert record.document_ref == validate_text(terms.document_ref, "document_ref", 100)


APPLICANT = ApplicantInput(name="王五", id_number=ID, phone="13812345678")


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            **TERMS_VALID,
            "applicant": st.just(APPLICANT),
            "received_at": st.none(),
            "notice": st.sampled_from([False, False, True]),
        },
        {
            **TERMS_BAD,
            "applicant": st.builds(
                ApplicantInput, name=names, id_number=id_numbers(), phone=phones
            ),
            "received_at": picked_times,
        },
    ),
)
def test_agency_accept(hall: Hall, form: dict[str, Any]) -> None:
    terms = agency_terms(hall, form)
    applicant = form["applicant"]
    req = hall.request(applicant=applicant, received_at=form["received_at"])
    notice_id = hall.notice_id if form["notice"] else None
    accepted = attempt(
        hall,
        "agency_accept",
        ACCEPT_FIELDS | TERMS_FIELDS,
        lambda: accept_agency_case(hall.uow(), hall.clerk, req, terms, notice_id),
    )
    if accepted is None:
        return
    if notice_id is not None:
        hall.new_notice()  # that one is closed now
    case = queries.find_case_by_number(hall.uow(), hall.clerk, accepted.number)
    assert case is not None and case.is_agency
    assert case.applicant.name == validate_name(applicant.name)
    check_terms_stored(hall, case.id, terms)


@FORM_SETTINGS
@given(
    form=spoiled(
        {**TERMS_VALID, "case": st.just("open")},
        {**TERMS_BAD, "case": st.one_of(st.just("agency"), OTHER_ID)},
    ),
    off=stale,
)
def test_agency_take_on(hall: Hall, form: dict[str, Any], off: int) -> None:
    terms = agency_terms(hall, form)
    case_id, version = hall.case_in(CaseState.ACCEPTED, CaseState.IN_PROGRESS)
    if form["case"] == "agency":  # taken on meanwhile, at another counter
        case_id = desk_of(hall).agency_case()
        version = queries.case_detail(hall.uow(), hall.clerk, case_id).case.row_version
    elif isinstance(form["case"], int):
        case_id = form["case"]
    taken = attempt(
        hall,
        "agency_take_on",
        TERMS_FIELDS,
        lambda: take_on_agency(hall.uow(), hall.clerk, case_id, version + off, terms),
    )
    if taken is None:
        return
    hall.case = None  # an agency case now: the next input takes on another
    check_terms_stored(hall, case_id, terms)


def agency_subject(hall: Hall, which: str | int) -> int:
    """The open agency case; an ordinary one ("ordinary"), or an id that may not be there."""
    if which == "agency":
        return desk_of(hall).agency_case()
    if which == "ordinary":
        return hall.case_in(CaseState.ACCEPTED, CaseState.IN_PROGRESS)[0]
    return int(which)


def added_to(hall: Hall, case_id: int) -> None:
    """Count a record added to the open agency case (another id may be a real case too)."""
    desk = desk_of(hall)
    if desk.agency is not None and desk.agency[0] == case_id:
        desk.agency = (case_id, desk.agency[1] + 1)


def moment(hall: Hall, at: timedelta | datetime | None) -> datetime | None:
    return hall.clock.now() + at if isinstance(at, timedelta) else at


# When a step or contact happened: "now" (None), minutes or days ago, a little ahead (the PC's
# clock); spoiled: any time a picker or a confused user gives, in any zone or none.
MOMENT = st.one_of(st.none(), st.integers(-15 * 24 * 60, 6).map(lambda m: timedelta(minutes=m)))
HOSTILE_MOMENT = st.one_of(picked_times, st.datetimes(datetime(1900, 1, 1), datetime(2200, 1, 1)))
SUBJECT = st.just("agency")
OTHER_SUBJECT = st.one_of(st.just("ordinary"), OTHER_ID)


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            "case": SUBJECT,
            "department": st.sampled_from(["乡民政所", " 县残联 ", "本中心"]),
            "action": st.sampled_from(["递交申请并核实家庭收入", "办理残疾等级证明\n（加急）"]),
            "result": st.sampled_from(["已核实，出具证明", "已取得证明"]),
            "at": MOMENT,
        },
        {
            "case": OTHER_SUBJECT,
            "department": texts,
            "action": texts,
            "result": texts,
            "at": HOSTILE_MOMENT,
        },
    )
)
def test_agency_step(hall: Hall, form: dict[str, Any]) -> None:
    case_id = agency_subject(hall, form["case"])
    step = StepInput(form["department"], form["action"], form["result"], moment(hall, form["at"]))
    recorded = attempt(
        hall,
        "agency_step",
        {"department", "action", "result", "at"},
        lambda: record_agency_step(hall.uow(), hall.clerk, case_id, step),
    )
    if recorded is None:
        return
    added_to(hall, case_id)
    assert recorded.department == validate_text(step.department, "department", 100)
    assert recorded.action == masked(validate_text(step.action, "action", 500))
    assert recorded.result == masked(validate_text(step.result, "result", 500))


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            "case": SUBJECT,
            "channel": st.sampled_from([*ContactChannel]),
            "summary": st.sampled_from(["告知已到残联办完证明", " 预计下周办结\n请备好印章 "]),
            "at": MOMENT,
        },
        {"case": OTHER_SUBJECT, "channel": texts, "summary": texts, "at": HOSTILE_MOMENT},
    )
)
def test_agency_contact(hall: Hall, form: dict[str, Any]) -> None:
    case_id = agency_subject(hall, form["case"])
    contact = ContactInput(form["channel"], form["summary"], moment(hall, form["at"]))
    recorded = attempt(
        hall,
        "agency_contact",
        {"channel", "summary", "at"},
        lambda: record_agency_contact(hall.uow(), hall.clerk, case_id, contact),
    )
    if recorded is None:
        return
    added_to(hall, case_id)
    assert recorded.channel == contact.channel
    assert recorded.summary == masked(validate_text(contact.summary, "summary", 500))


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            "case": SUBJECT,
            "method": st.sampled_from([*DeliveryMethod]),
            "who": good_names,
            "id_number": st.just(ID),
        },
        {
            "case": OTHER_SUBJECT,  # "ordinary": decided, but no agency case
            "method": texts,
            "who": names,
            "id_number": id_numbers(),
        },
    ),
    off=stale,
)
def test_agency_deliver(hall: Hall, form: dict[str, Any], off: int) -> None:
    desk = desk_of(hall)
    case_id, version = desk.decided_agency_case()
    if form["case"] == "ordinary":
        case_id, version = hall.case_in(CaseState.DECIDED)
    elif isinstance(form["case"], int):
        case_id = form["case"]
    method, who, id_number = form["method"], form["who"], form["id_number"]
    delivered = attempt(
        hall,
        "agency_deliver",
        {"method", "collected_by", "collector_id_number"},
        lambda: deliver_agency_result(
            hall.uow(), hall.clerk, case_id, version + off, method, who, id_number
        ),
    )
    if delivered is None:
        return
    desk.decided = None
    assert delivered.state is CaseState.DELIVERED
    if method == DeliveryMethod.PICKUP:
        assert delivered.collected_by == validate_name(who)
    record = agency_detail(hall.uow(), hall.clerk, case_id)
    assert record is not None and record.steps[-1].action == "向申请人送达办理结果"


FED = {
    "app.appointments.service.book_appointment": "appointment_book",
    "app.appointments.service.move_appointment": "appointment_move",
    "app.appointments.service.cancel_appointment": "appointment_cancel",
    "app.appointments.service.find_appointment": "appointment_find",
    "app.appointments.schedule.save_schedule": "schedule_save",
    "app.appointments.schedule.close_day": "schedule_close_day",
    "app.reports.daily_log.daily_log": "daily_log",
    "app.reports.daily_log.period_log": "period_log",
    "app.reports.statistics.statistics": "statistics",
    "app.agency.service.accept_agency_case": "agency_accept",
    "app.agency.service.take_on_agency": "agency_take_on",
    "app.agency.service.record_agency_step": "agency_step",
    "app.agency.service.record_agency_contact": "agency_contact",
    "app.agency.service.deliver_agency_result": "agency_deliver",
}

"""``frontdesk scale``: years of a county hall's work, fast, for benchmarks.

The demo simulator (``sim.demo.activity``) calls the services for every action: right, but about
a millisecond per action, far too slow for ten years of a 20-window hall (five million cases).
This module splits the same work in two:

- a **plan**: per working day, who accepts which item for whom and when, and when each case is
  started, decided and delivered (a few late on purpose), who rates the clerk after
  acceptance, and the first-inquiry visits (answered, or referred to a colleague who
  acknowledges and answers), and the complaints the supervisor registers against a clerk,
  investigates and concludes (some found true). Only the plan draws random numbers.
- an **executor** that carries the plan out. ``ServiceExecutor`` calls the real services;
  ``sim.bulk.BulkExecutor`` makes the very rows those services would write (numbers, deadlines,
  warnings, events, accountability records, audit events with their hash chain) with the
  services' own rule functions, and hands them to a sink (``sim/sql_sink.py``) that inserts
  them in large batches. ``tests/integration/test_scale.py`` runs one plan through both and
  compares every row.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol

from app import audit
from app.appointments import service as appointments
from app.appointments.records import BookingRequest, ScheduleRecord
from app.cases import service
from app.cases.lifecycle import CaseAction
from app.cases.records import AcceptRequest, ApplicantInput
from app.catalog.records import ItemVersionRecord, Necessity
from app.clock import DEFAULT_TZ, ManualClock
from app.feedback import complaints, ratings
from app.feedback.records import (
    ComplaintChannel,
    ComplaintInput,
    ComplaintTarget,
    RatingLevel,
    Subject,
)
from app.ports import UnitOfWork
from app.roles import Actor, Role
from app.visits import service as visits
from app.visits.lifecycle import Outcome
from app.visits.records import OutcomeInput, ReferralInput, VisitInput
from app.workdays import WorkCalendar
from sim.demo.feedback import BAD_COMMENTS, COMPLAINTS, GOOD_COMMENTS, LEVEL_WEIGHTS
from sim.demo.visits import QUESTIONS
from sim.people import person

DENIAL_NOTE = "经审核不符合申请条件"
DENIAL_BASIS = "《中华人民共和国行政许可法》第三十八条第二款及本事项设定依据"


@dataclass(frozen=True)
class ScalePlan:
    end: date  # the day the run stops before ("today"); the last simulated day is the one before
    years: float = 10.0
    cases_per_window_day: int = 100
    late_share: float = 0.03
    denied_share: float = 0.05
    rated_share: float = 0.78  # applicants who rate on the counter's screen after acceptance
    visits_per_window_day: int = 10  # first-inquiry visits (首问) per window and working day
    referred_share: float = 0.3  # visits referred to a colleague, who acknowledges and answers
    complaints_per_day: float = 1.0  # complaints (投诉) the supervisor registers per working day
    substantiated_share: float = 0.4  # of those concluded: found true, a record for the clerk
    bookings_per_schedule_day: int = 4  # appointments booked by phone at each bookable window
    kept_share: float = 0.8  # booked visitors who come (checked in); the others are no-shows
    seed: int = 1

    @property
    def start(self) -> date:
        return self.end - timedelta(days=round(self.years * 365))


@dataclass(frozen=True)
class Accept:
    at: datetime
    key: int
    clerk: Actor
    request: AcceptRequest


@dataclass(frozen=True)
class Move:
    at: datetime
    key: int
    actor: Actor
    action: CaseAction
    denied: bool = False


@dataclass(frozen=True)
class Rate:
    """The applicant rates the clerk on the counter's citizen screen (好差评)."""

    at: datetime
    key: int
    clerk: Actor
    level: RatingLevel
    comment: str


@dataclass(frozen=True)
class Inquiry:
    """A visitor at the counter (首问), answered at once when ``answer`` is given."""

    at: datetime
    key: int
    clerk: Actor
    visitor: ApplicantInput
    question: str
    answer: str


@dataclass(frozen=True)
class Refer:
    """The first responder refers the visit to a colleague's counter."""

    at: datetime
    key: int
    clerk: Actor
    to: Actor
    reason: str


@dataclass(frozen=True)
class Acknowledge:
    at: datetime
    key: int
    receiver: Actor


@dataclass(frozen=True)
class Answer:
    at: datetime
    key: int
    clerk: Actor
    answer: str


VisitOp = Inquiry | Refer | Acknowledge | Answer


@dataclass(frozen=True)
class Complain:
    """The supervisor registers a complaint against a clerk."""

    at: datetime
    key: int
    supervisor: Actor
    against: Actor
    content: str
    channel: ComplaintChannel


@dataclass(frozen=True)
class Investigate:
    at: datetime
    key: int
    supervisor: Actor
    note: str


@dataclass(frozen=True)
class Conclude:
    at: datetime
    key: int
    supervisor: Actor
    substantiated: bool


ComplaintOp = Complain | Investigate | Conclude


@dataclass(frozen=True)
class Book:
    """The window's clerk books a slot a few working days ahead for a caller (预约)."""

    at: datetime
    key: int
    clerk: Actor
    request: BookingRequest


@dataclass(frozen=True)
class CheckIn:
    """The visitor arrives on the day: checked in, which opens their visit (answered later by
    an ``Answer`` of the same key)."""

    at: datetime
    key: int
    clerk: Actor


@dataclass(frozen=True)
class NoShows:
    """The end of the day at a bookable window: who never came is marked (爽约)."""

    at: datetime
    key: int
    clerk: Actor
    day: date
    window_id: int | None


AppointmentOp = Book | CheckIn | NoShows
Op = Accept | Move | Rate | VisitOp | ComplaintOp | AppointmentOp
BOOKED_ANSWER = "已按预约办理"

INVESTIGATION_NOTE = "调阅窗口录像，询问当事人和值班人员"


def conclusion_texts(substantiated: bool) -> tuple[str, str]:
    """The finding and the outcome a plan's conclusion records."""
    if substantiated:
        return "情况属实", "已向投诉人道歉，当事人批评教育"
    return "经核查，情况不属实", "已向投诉人解释说明"


class Executor(Protocol):
    def accept(self, op: Accept) -> None: ...
    def move(self, op: Move) -> None: ...
    def rate(self, op: Rate) -> None: ...
    def visit(self, op: VisitOp) -> None: ...
    def complaint(self, op: ComplaintOp) -> None: ...
    def appointment(self, op: AppointmentOp) -> None: ...
    def end_day(self, day: date) -> None: ...


@dataclass
class ScaleSummary:
    days: int = 0
    accepted: int = 0
    moves: int = 0
    ratings: int = 0
    visits: int = 0
    referrals: int = 0
    complaints: int = 0
    appointments: int = 0


def _at(day: date, minute: int) -> datetime:
    return datetime.combine(day, time(minute // 60, minute % 60), DEFAULT_TZ)


def _received(rng: random.Random, item: ItemVersionRecord) -> tuple[frozenset[int], frozenset[int]]:
    received: set[int] = set()
    not_applicable: set[int] = set()
    for m in item.materials:
        if m.necessity is Necessity.CONDITIONAL and rng.random() < 0.5:
            not_applicable.add(m.id)
        elif m.necessity is not Necessity.OPTIONAL or rng.random() < 0.5:
            received.add(m.id)
    return frozenset(received), frozenset(not_applicable)


def plan_days(
    plan: ScalePlan,
    clerks: Sequence[Actor],
    items: Sequence[ItemVersionRecord],
    calendar: WorkCalendar,
    supervisor: Actor | None = None,
    schedules: Sequence[ScheduleRecord] = (),
) -> Iterator[tuple[date, list[Op]]]:
    """Each working day in the period with its operations in time order (complaints only
    when a ``supervisor`` registers them, appointments at the windows of ``schedules``)."""
    rng = random.Random(plan.seed)
    # Ratings draw from a source of their own: the cases of a seed stay what they were.
    rating_rng = random.Random(f"ratings-{plan.seed}")
    visit_rng = random.Random(f"visits-{plan.seed}")
    complaint_rng = random.Random(f"complaints-{plan.seed}")
    booking_rng = random.Random(f"appointments-{plan.seed}")
    slots: dict[tuple[int, date, int], int] = defaultdict(int)  # places taken
    phones: set[tuple[int, date, str]] = set()
    checked: set[tuple[int, date]] = set()  # a schedule's days that end with NoShows
    bookable = [
        (s, c) for s in schedules for c in clerks if s.window_id and c.window_id == s.window_id
    ]
    later: dict[date, list[Op]] = defaultdict(list)
    key = 0
    day = plan.start
    while day < plan.end:
        if not calendar.is_workday(day):
            later.pop(day, None)
            day += timedelta(days=1)
            continue
        ops: list[Op] = later.pop(day, [])
        spread = plan.cases_per_window_day // 10
        for clerk in clerks:
            for _ in range(max(1, plan.cases_per_window_day + rng.randint(-spread, spread))):
                key += 1
                item = rng.choice(items)
                minute = rng.randint(9 * 60, 17 * 60 - 10)
                received, not_applicable = _received(rng, item)
                request = AcceptRequest(
                    item_version_id=item.id,
                    applicant=person(rng, day),
                    received_material_ids=received,
                    not_applicable_material_ids=not_applicable,
                )
                ops.append(Accept(_at(day, minute), key, clerk, request))
                if rating_rng.random() < plan.rated_share:
                    ops.append(_rating(rating_rng, _at(day, minute + 1), key, clerk))
                for when, op in _life(rng, plan, calendar, day, minute, key, clerk, item):
                    (ops if when == day else later[when]).append(op)
            for _ in range(plan.visits_per_window_day):
                key += 1
                ops += _visit(visit_rng, plan, day, key, clerk, clerks)
        if supervisor is not None:
            whole, part = divmod(plan.complaints_per_day, 1)
            for _ in range(int(whole) + (complaint_rng.random() < part)):
                key += 1
                steps = _complaint(complaint_rng, plan, calendar, day, key, supervisor, clerks)
                for when, step in steps:
                    (ops if when == day else later[when]).append(step)
        for schedule, clerk in bookable:
            for _ in range(plan.bookings_per_schedule_day):
                key += 1
                found = _booking(booking_rng, plan, calendar, day, key, schedule, clerk, items)
                if found is None:
                    continue
                book, arrival = found
                target = book.request.day
                slot = (schedule.id, target, book.request.start_minute)
                phone = (schedule.id, target, book.request.phone)
                if slots[slot] >= schedule.capacity or phone in phones:
                    continue  # full, or the caller already has one that day
                slots[slot] += 1
                phones.add(phone)
                ops.append(book)
                later[target] += arrival
                if not arrival and (schedule.id, target) not in checked:
                    # That day ends with the window marking who never came.
                    checked.add((schedule.id, target))
                    key += 1
                    at = _at(target, 17 * 60 + 40)
                    later[target].append(NoShows(at, key, clerk, target, schedule.window_id))
        ops.sort(key=lambda op: (op.at, op.key))
        yield day, [op for op in ops if op.at.date() < plan.end]
        day += timedelta(days=1)


def _rating(rng: random.Random, at: datetime, key: int, clerk: Actor) -> Rate:
    level = rng.choices(list(LEVEL_WEIGHTS), weights=list(LEVEL_WEIGHTS.values()))[0]
    return Rate(at, key, clerk, level, rng.choice(BAD_COMMENTS if level.is_bad else GOOD_COMMENTS))


def _visit(
    rng: random.Random, plan: ScalePlan, day: date, key: int, clerk: Actor, clerks: Sequence[Actor]
) -> list[VisitOp]:
    """A question answered at the counter, or referred to a colleague who acknowledges the
    visitor at their counter (a few after the limit) and answers."""
    minute = rng.randint(9 * 60, 16 * 60 + 30)
    question, answer = rng.choice(QUESTIONS)
    visitor = person(rng, day)
    others = [c for c in clerks if c.staff_id != clerk.staff_id]
    if not others or rng.random() >= plan.referred_share:
        return [Inquiry(_at(day, minute), key, clerk, visitor, question, answer)]
    receiver = rng.choice(others)
    delay = rng.randint(150, 200) if rng.random() < 0.1 else rng.randint(5, 40)
    acknowledged = min(minute + 2 + delay, 23 * 60)
    return [
        Inquiry(_at(day, minute), key, clerk, visitor, question, ""),
        Refer(_at(day, minute + 2), key, clerk, receiver, f"咨询事项由{receiver.name}窗口办理"),
        Acknowledge(_at(day, acknowledged), key, receiver),
        Answer(_at(day, acknowledged + 5), key, receiver, answer),
    ]


def _complaint(
    rng: random.Random,
    plan: ScalePlan,
    calendar: WorkCalendar,
    day: date,
    key: int,
    supervisor: Actor,
    clerks: Sequence[Actor],
) -> list[tuple[date, ComplaintOp]]:
    """A complaint against a clerk, investigated the next working day and concluded one to
    four working days after that."""
    against = rng.choice(clerks)
    content = rng.choice([text for target, text in COMPLAINTS if target is ComplaintTarget.STAFF])
    channel = rng.choice([ComplaintChannel.COUNTER, ComplaintChannel.HOTLINE])
    substantiated = rng.random() < plan.substantiated_share
    noted = calendar.next_workday(day)
    concluded = noted
    for _ in range(rng.randint(1, 4)):
        concluded = calendar.next_workday(concluded)
    return [
        (
            day,
            Complain(
                _at(day, rng.randint(9 * 60, 17 * 60)), key, supervisor, against, content, channel
            ),
        ),
        (
            noted,
            Investigate(
                _at(noted, rng.randint(9 * 60, 12 * 60)), key, supervisor, INVESTIGATION_NOTE
            ),
        ),
        (
            concluded,
            Conclude(_at(concluded, rng.randint(13 * 60, 17 * 60)), key, supervisor, substantiated),
        ),
    ]


def _booking(
    rng: random.Random,
    plan: ScalePlan,
    calendar: WorkCalendar,
    day: date,
    key: int,
    schedule: ScheduleRecord,
    clerk: Actor,
    items: Sequence[ItemVersionRecord],
) -> tuple[Book, list[Op]] | None:
    """A phone booking for one to three working days ahead, and on that day the arrival (its
    check-in and the visit answered) or nothing (a no-show)."""
    offered = [i for i in items if schedule.item_id in (None, i.item_id)]
    starts = schedule.slot_starts()
    if not offered or not starts:
        return None
    target = calendar.next_workday(day)
    for _ in range(rng.randint(0, 2)):
        target = calendar.next_workday(target)
    start = rng.choice(starts)
    visitor = person(rng, day)
    item = rng.choice(offered)
    request = BookingRequest(
        schedule.id, target, start, visitor.name, visitor.phone, item.code, "", "phone"
    )
    book = Book(_at(day, rng.randint(9 * 60, 11 * 60)), key, clerk, request)
    if rng.random() >= plan.kept_share:
        return book, []
    arrived = start + rng.randint(-10, 20)
    answered = arrived + rng.randint(5, 15)
    return book, [
        CheckIn(_at(target, arrived), key, clerk),
        Answer(_at(target, answered), key, clerk, BOOKED_ANSWER),
    ]


def _life(
    rng: random.Random,
    plan: ScalePlan,
    calendar: WorkCalendar,
    day: date,
    minute: int,
    key: int,
    clerk: Actor,
    item: ItemVersionRecord,
) -> list[tuple[date, Move]]:
    """The moves after acceptance: start, decide (a few after the due day), deliver."""
    denied = rng.random() < plan.denied_share
    if item.committed_days == 0:  # 即办件: decided and handed over at the counter
        return [
            (day, Move(_at(day, minute + 3), key, clerk, CaseAction.DECIDE, denied)),
            (day, Move(_at(day, minute + 5), key, clerk, CaseAction.DELIVER)),
        ]
    due = calendar.add_working_days(day, item.committed_days).due or day
    if rng.random() < plan.late_share:
        decided = due
        for _ in range(rng.randint(1, 3)):
            decided = calendar.next_workday(decided)
    else:
        decided = calendar.add_working_days(day, rng.randint(1, item.committed_days)).due or due
    delivered = decided
    for _ in range(rng.randint(1, 3)):
        delivered = calendar.next_workday(delivered)
    return [
        (day, Move(_at(day, minute + rng.randint(3, 9)), key, clerk, CaseAction.START)),
        (
            decided,
            Move(_at(decided, rng.randint(9 * 60, 17 * 60)), key, clerk, CaseAction.DECIDE, denied),
        ),
        (
            delivered,
            Move(_at(delivered, rng.randint(9 * 60, 17 * 60)), key, clerk, CaseAction.DELIVER),
        ),
    ]


def run(
    plan: ScalePlan,
    executor: Executor,
    clerks: Sequence[Actor],
    items: Sequence[ItemVersionRecord],
    calendar: WorkCalendar,
    on_progress: Callable[[str], None] | None = None,
    supervisor: Actor | None = None,
    schedules: Sequence[ScheduleRecord] = (),
) -> ScaleSummary:
    summary = ScaleSummary()
    for day, ops in plan_days(plan, clerks, items, calendar, supervisor, schedules):
        for op in ops:
            if isinstance(op, Accept):
                executor.accept(op)
                summary.accepted += 1
            elif isinstance(op, Rate):
                executor.rate(op)
                summary.ratings += 1
            elif isinstance(op, Inquiry | Refer | Acknowledge | Answer):
                executor.visit(op)
                summary.visits += isinstance(op, Inquiry)
                summary.referrals += isinstance(op, Refer)
            elif isinstance(op, Book | CheckIn | NoShows):
                executor.appointment(op)
                summary.appointments += isinstance(op, Book)
            elif isinstance(op, Complain | Investigate | Conclude):
                executor.complaint(op)
                summary.complaints += isinstance(op, Complain)
            else:
                executor.move(op)
                summary.moves += 1
        executor.end_day(day)
        summary.days += 1
        if on_progress and summary.days % 20 == 0:
            on_progress(f"{day}: {summary.accepted} cases")
    return summary


def counter_staff(uow: UnitOfWork) -> list[Actor]:
    """Every active clerk with a window, as the actor the services would see after login."""
    with uow.read():
        return [
            Actor(s.id, s.login, s.name, Role(s.role), s.site_id, s.window_id)
            for s in uow.staff.list()
            if s.role == Role.CLERK and s.active and s.window_id is not None
        ]


def first_supervisor(uow: UnitOfWork) -> Actor | None:
    """The hall's first active supervisor, as the services would see them after login."""
    with uow.read():
        found = [s for s in uow.staff.list() if s.role == Role.SUPERVISOR and s.active]
    if not found:
        return None
    s = min(found, key=lambda s: s.id)
    return Actor(s.id, s.login, s.name, Role(s.role), s.site_id, s.window_id)


# -- through the services --------------------------------------------------------------------


class ServiceExecutor:
    """Carries a plan out through the real services (the reference the bulk path must match)."""

    def __init__(self, make_uow: Callable[[], UnitOfWork], clock: ManualClock) -> None:
        self.make_uow = make_uow
        self.clock = clock
        self.cases: dict[int, tuple[int, int]] = {}  # plan key -> case id, row version
        self.applicants: dict[int, ApplicantInput] = {}
        self.visits: dict[int, int] = {}  # plan key -> visit id
        self.referrals: dict[int, int] = {}  # plan key -> referral id
        self.complaints: dict[int, int] = {}  # plan key -> complaint id
        self.appointments: dict[int, int] = {}  # plan key -> appointment id

    def accept(self, op: Accept) -> None:
        self.clock.set(op.at)
        result = service.accept_case(self.make_uow(), op.clerk, op.request)
        self.cases[op.key] = (result.case_id, 1)
        self.applicants[op.key] = op.request.applicant

    def move(self, op: Move) -> None:
        self.clock.set(op.at)
        case_id, version = self.cases[op.key]
        uow = self.make_uow()
        if op.action is CaseAction.START:
            case = service.start_case(uow, op.actor, case_id, version)
        elif op.action is CaseAction.DECIDE:
            outcome, note, basis = (
                ("denied", DENIAL_NOTE, DENIAL_BASIS) if op.denied else ("approved", "", "")
            )
            case = service.decide_case(uow, op.actor, case_id, version, outcome, note, basis)
        else:
            a = self.applicants[op.key]
            case = service.deliver_case(
                uow, op.actor, case_id, version, "pickup", a.name, a.id_number
            )
        self.cases[op.key] = (case_id, case.row_version)

    def rate(self, op: Rate) -> None:
        self.clock.set(op.at)
        case_id, _version = self.cases[op.key]
        ratings.rate_on_citizen_screen(
            self.make_uow(), op.clerk, Subject.case(case_id), op.level, op.comment
        )

    def visit(self, op: VisitOp) -> None:
        self.clock.set(op.at)
        uow = self.make_uow()
        if isinstance(op, Inquiry):
            v = op.visitor
            asked = VisitInput(op.question, visitor_name=v.name, phone=v.phone, answer=op.answer)
            self.visits[op.key] = visits.register_visit(uow, op.clerk, asked).id
        elif isinstance(op, Refer):
            to = ReferralInput(to_staff_id=op.to.staff_id, reason=op.reason)
            self.referrals[op.key] = visits.refer_visit(uow, op.clerk, self.visits[op.key], to).id
        elif isinstance(op, Acknowledge):
            visits.acknowledge_referral(uow, op.receiver, self.referrals[op.key])
        else:
            outcome = OutcomeInput(Outcome.ANSWERED, answer=op.answer)
            visits.close_visit(uow, op.clerk, self.visits[op.key], outcome)

    def complaint(self, op: ComplaintOp) -> None:
        self.clock.set(op.at)
        uow = self.make_uow()
        if isinstance(op, Complain):
            asked = ComplaintInput(
                ComplaintTarget.STAFF, op.content, op.channel, staff_id=op.against.staff_id
            )
            self.complaints[op.key] = complaints.register_complaint(
                uow, op.supervisor, asked
            ).complaint_id
        elif isinstance(op, Investigate):
            complaints.add_investigation_note(uow, op.supervisor, self.complaints[op.key], op.note)
        else:
            finding, outcome = conclusion_texts(op.substantiated)
            complaints.conclude_complaint(
                uow, op.supervisor, self.complaints[op.key], op.substantiated, finding, outcome
            )

    def appointment(self, op: AppointmentOp) -> None:
        self.clock.set(op.at)
        uow = self.make_uow()
        if isinstance(op, Book):
            booked = appointments.book_appointment(uow, op.clerk, op.request)
            self.appointments[op.key] = booked.appointment_id
        elif isinstance(op, CheckIn):
            opened = appointments.check_in_appointment(uow, op.clerk, self.appointments[op.key], 1)
            assert opened.visit_id is not None
            self.visits[op.key] = opened.visit_id
        else:
            appointments.mark_no_shows(uow, op.clerk, op.day, op.window_id)

    def end_day(self, day: date) -> None:
        pass


def add_counters(make_uow: Callable[[], UnitOfWork], windows: int, password: str) -> int:
    """Grow the demo hall to ``windows`` general windows, each with a clerk: a county hall
    has about twenty. Returns how many windows were added."""
    from app.staff import create_staff

    uow = make_uow()
    added = 0
    with uow.write():
        site = uow.sites.first()
        if site is None:
            return 0
        have = {w.number for w in uow.sites.windows(site.id)}
        dept = next((d.id for d in uow.sites.departments(site.id) if d.name == "综合受理"), None)
        for number in range(1, windows + 1):
            if number in have:
                continue
            window_id = uow.sites.add_window(site.id, number, f"综合受理{number}号窗口", dept)
            audit.record(
                uow,
                None,
                "window_added",
                "window",
                window_id,
                None,
                {"number": number, "name": f"综合受理{number}号窗口"},
                login="scale",
            )
            create_staff(
                uow,
                None,
                site_id=site.id,
                login=f"clerk{number:02d}",
                name="赵钱孙李周吴郑王冯陈褚卫"[number % 12]
                + "晓明静红军华"[number % 7 % 6]
                + "一二三四五六七八九十"[number % 10],
                role=Role.CLERK,
                password=password,
                window_number=number,
            )
            added += 1
    return added

"""``frontdesk scale``: years of a county hall's work, fast, for benchmarks.

The demo simulator (``sim.demo.activity``) calls the services for every action: right, but about
a millisecond per action, far too slow for ten years of a 20-window hall (five million cases).
This module splits the same work in two:

- a **plan**: per working day, who accepts which item for whom and when, and when each case is
  started, decided and delivered (a few late on purpose). Only the plan draws random numbers.
- an **executor** that carries the plan out. ``ServiceExecutor`` calls the real services;
  ``BulkExecutor`` computes the very rows those services would write (numbers, deadlines,
  warnings, events, accountability records, audit events with their hash chain) with the same
  rule functions, and hands them to a ``BulkSink`` (``sim/sql_sink.py``) that inserts them in large
  batches. ``tests/integration/test_scale.py`` runs one plan through both and compares every row.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

from app import audit
from app.calendar import load_calendar
from app.cases import service
from app.cases.common import yellow_ratio
from app.cases.deadlines import local_day
from app.cases.lifecycle import CLOSED_STATES, CaseAction, CaseState, next_state
from app.cases.records import AcceptRequest, ApplicantInput, CaseEventRecord, NewCase
from app.catalog.records import ItemVersionRecord, Necessity
from app.clock import DEFAULT_TZ, ManualClock
from app.numbering import NumberKind, format_number
from app.ports import UnitOfWork
from app.records import AuditEventRecord, ChainHead
from app.roles import Actor, Role
from app.workdays import WorkCalendar, warning_level, working_days_late
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


Op = Accept | Move


class Executor(Protocol):
    def accept(self, op: Accept) -> None: ...
    def move(self, op: Move) -> None: ...
    def end_day(self, day: date) -> None: ...


@dataclass
class ScaleSummary:
    days: int = 0
    accepted: int = 0
    moves: int = 0


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
) -> Iterator[tuple[date, list[Op]]]:
    """Each working day in the period with its operations in time order."""
    rng = random.Random(plan.seed)
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
                for when, op in _life(rng, plan, calendar, day, minute, key, clerk, item):
                    (ops if when == day else later[when]).append(op)
        ops.sort(key=lambda op: (op.at, op.key))
        yield day, [op for op in ops if op.at.date() < plan.end]
        day += timedelta(days=1)


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
) -> ScaleSummary:
    summary = ScaleSummary()
    for day, ops in plan_days(plan, clerks, items, calendar):
        for op in ops:
            if isinstance(op, Accept):
                executor.accept(op)
                summary.accepted += 1
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


# -- through the services --------------------------------------------------------------------


class ServiceExecutor:
    """Carries a plan out through the real services (the reference the bulk path must match)."""

    def __init__(self, make_uow: Callable[[], UnitOfWork], clock: ManualClock) -> None:
        self.make_uow = make_uow
        self.clock = clock
        self.cases: dict[int, tuple[int, int]] = {}  # plan key -> case id, row version
        self.applicants: dict[int, ApplicantInput] = {}

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

    def end_day(self, day: date) -> None:
        pass


# -- in bulk ------------------------------------------------------------------------------------


@dataclass
class BulkBatch:
    """Rows for the sink: closed (or, at the end, still open) cases with what hangs off them."""

    cases: list[tuple[int, NewCase, dict[str, Any]]] = field(default_factory=list)
    events: list[tuple[int, CaseEventRecord]] = field(default_factory=list)
    accountability: list[dict[str, Any]] = field(default_factory=list)
    audit: list[AuditEventRecord] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)  # yyyymmdd -> last case serial


class BulkSink(Protocol):
    def begin(self) -> tuple[ChainHead, int, int]:
        """The audit head, the next case id and the next accountability id."""
        ...

    def write(self, batch: BulkBatch, head: ChainHead) -> None:
        """Insert the batch and move the audit head, in one transaction."""
        ...


@dataclass
class _OpenCase:
    id: int
    new: NewCase
    state: CaseState
    warning: str
    version: int = 1
    changes: dict[str, Any] = field(default_factory=dict)
    events: list[CaseEventRecord] = field(default_factory=list)
    overdue: dict[str, Any] | None = None  # its accountability record, stored with the case


class BulkExecutor:
    """Computes the services' rows itself and writes them in batches of ``flush_days`` days."""

    def __init__(
        self,
        sink: BulkSink,
        site_id: int,
        site_code: str,
        items: Sequence[ItemVersionRecord],
        calendar: WorkCalendar,
        ratio: float,
        flush_days: int = 20,
    ) -> None:
        self.sink = sink
        self.site_id = site_id
        self.site_code = site_code
        self.items = {i.id: i for i in items}
        self.calendar = calendar
        self.ratio = ratio
        self.flush_days = flush_days
        self.head, self.next_case_id, self.next_record_id = sink.begin()
        self.open: dict[int, _OpenCase] = {}
        self.batch = BulkBatch()
        self.serials: dict[date, int] = {}
        self.days = 0

    def _audit(
        self,
        at: datetime,
        actor: Actor | None,
        action: str,
        number: str,
        before: dict[str, Any] | None,
        after: dict[str, Any],
        login: str = "",
    ) -> None:
        seq = self.head.seq + 1
        summary = audit.summarize(before, after)
        actor_id = actor.staff_id if actor else None
        actor_login = actor.login if actor else login
        digest = audit.link_hash(
            self.head, seq, at, actor_id, actor_login, action, "case", number, summary
        )
        self.batch.audit.append(
            AuditEventRecord(
                seq,
                at,
                actor_id,
                actor_login,
                action,
                "case",
                number,
                summary,
                self.head.hash,
                digest,
            )
        )
        self.head = ChainHead(seq, digest, self.head.key_id)

    def accept(self, op: Accept) -> None:
        today = local_day(op.at)
        version = self.items[op.request.item_version_id]
        req = op.request
        materials = {
            m.id: "received" if m.id in req.received_material_ids else "not_applicable"
            for m in version.materials
            if m.id in req.received_material_ids or m.id in req.not_applicable_material_ids
        }
        deadline = self.calendar.add_working_days(today, version.committed_days)
        serial = self.serials.get(today, 0) + 1
        self.serials[today] = serial
        number = format_number(self.site_code, NumberKind.CASE, today, serial)
        warning = str(
            warning_level(today, deadline.due, version.committed_days, self.calendar, self.ratio)
        )
        new = NewCase(
            number=number,
            site_id=self.site_id,
            item_version_id=version.id,
            window_id=op.clerk.window_id,
            accepted_by=op.clerk.staff_id,
            owner_id=op.clerk.staff_id,
            notice_id=None,
            applicant=req.applicant,
            is_agency=False,
            received_at=op.at,
            accepted_at=op.at,
            accepted_day=today,
            committed_days=version.committed_days,
            statutory_days=version.statutory_days,
            deferred_supply_by=None,
            applicant_commitment="",
            materials=materials,
            due_date=deadline.due,
            due_provisional=deadline.provisional,
            calendar_version=deadline.calendar_version,
            warning=warning,
        )
        case = _OpenCase(self.next_case_id, new, CaseState.ACCEPTED, warning)
        self.next_case_id += 1
        self.open[op.key] = case
        case.events.append(
            CaseEventRecord(
                at=op.at,
                staff_id=op.clerk.staff_id,
                staff_name=op.clerk.name,
                on_behalf_of=None,
                action=CaseAction.ACCEPT,
                from_state=CaseState.ACCEPTED,
                to_state=CaseState.ACCEPTED,
                reason="",
                detail={
                    "committed_days": version.committed_days,
                    "calendar": deadline.calendar_version,
                },
            )
        )
        self._audit(
            op.at,
            op.clerk,
            "case_accepted",
            number,
            None,
            {
                "item": version.code,
                "version": version.version_no,
                "due": deadline.due,
                "provisional": deadline.provisional,
                "deferred": 0,
            },
        )

    def _level(self, case: _OpenCase, state: CaseState, today: date) -> str:
        if state in CLOSED_STATES:
            return "closed"
        return str(
            warning_level(
                today, case.new.due_date, case.new.committed_days, self.calendar, self.ratio
            )
        )

    def _open_overdue(self, case: _OpenCase, at: datetime, today: date) -> None:
        if case.overdue is not None:
            return
        late = working_days_late(today, case.new.due_date, self.calendar)
        case.overdue = {
            "id": self.next_record_id,
            "case_id": case.id,
            "responsible_id": case.new.owner_id,
            "opened_at": at,
            "days_late": late,
        }
        self.next_record_id += 1
        self._audit(
            at,
            None,
            "accountability_opened",
            case.new.number,
            None,
            {"kind": "overdue", "responsible": case.new.owner_id, "days_late": late},
            login="system",
        )

    def move(self, op: Move) -> None:
        case = self.open[op.key]
        today = local_day(op.at)
        new_state = next_state(case.state, op.action)
        if new_state in CLOSED_STATES and self._level(case, case.state, today) == "red":
            self._open_overdue(case, op.at, today)
        reason, detail, changes = "", {}, {}
        if op.action is CaseAction.DECIDE:
            outcome = "denied" if op.denied else "approved"
            reason = DENIAL_NOTE if op.denied else ""
            detail = {"outcome": outcome}
            if op.denied:
                detail["legal_basis"] = DENIAL_BASIS
            changes = {"decision": outcome, "decision_note": reason, "decided_at": op.at}
        elif op.action is CaseAction.DELIVER:
            detail = {"method": "pickup"}
            changes = {
                "delivered_at": op.at,
                "delivery_method": "pickup",
                "collected_by": case.new.applicant.name,
            }
        owner = case.new.owner_id
        case.events.append(
            CaseEventRecord(
                at=op.at,
                staff_id=op.actor.staff_id,
                staff_name=op.actor.name,
                on_behalf_of=owner if owner != op.actor.staff_id else None,
                action=op.action,
                from_state=case.state,
                to_state=new_state,
                reason=reason,
                detail=detail,
            )
        )
        warning = self._level(case, new_state, today)
        old_state, case.state, case.warning = case.state, new_state, warning
        case.version += 1
        case.changes.update(changes)
        if warning == "red":
            self._open_overdue(case, op.at, today)
        due = case.new.due_date
        self._audit(
            op.at,
            op.actor,
            f"case_{op.action}",
            case.new.number,
            {"state": str(old_state), "due": due},
            {"state": str(new_state), "due": due, "reason": reason, **detail},
        )
        if new_state is CaseState.DELIVERED:
            self._close(op.key)

    def _close(self, key: int) -> None:
        case = self.open.pop(key)
        final = {
            "state": str(case.state),
            "warning": case.warning,
            "row_version": case.version,
            **case.changes,
        }
        self.batch.cases.append((case.id, case.new, final))
        self.batch.events.extend((case.id, e) for e in case.events)
        if case.overdue is not None:
            self.batch.accountability.append(case.overdue)

    def end_day(self, day: date) -> None:
        self.days += 1
        if self.days % self.flush_days == 0:
            self.flush()

    def flush(self, everything: bool = False) -> None:
        if everything:
            for key in list(self.open):
                self._close(key)
        self.batch.counters = {f"{d:%Y%m%d}": n for d, n in self.serials.items()}
        self.sink.write(self.batch, self.head)
        self.batch = BulkBatch()
        self.serials = {}


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
        site = uow.sites.first()
    if site is None or not clerks or not items:
        from app.errors import DomainError

        raise DomainError("需要已初始化的演示大厅：请先运行 frontdesk init --demo")
    executor = BulkExecutor(sink, site.id, site.code, items, calendar, ratio)
    summary = run(plan, executor, clerks, items, calendar, on_progress)
    executor.flush(everything=True)
    return summary


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

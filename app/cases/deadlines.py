"""A case's deadline, derived every time from its acceptance day, its committed limit, its
recorded extensions and suspensions, and the calendar in force. Nothing here is a counter."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.cases.lifecycle import CLOSED_STATES, CaseAction, CaseState
from app.cases.records import CaseEventRecord, CaseRecord
from app.clock import DEFAULT_TZ
from app.installation import installation_site_id
from app.ports import UnitOfWork
from app.roles import Actor
from app.warning_levels import CLOSED_WARNING, WarningLevel
from app.workdays import Deadline, Pause, WorkCalendar, warning_level


def local_day(at: datetime) -> date:
    """The hall's calendar day of a moment (halls keep Beijing time)."""
    return at.astimezone(DEFAULT_TZ).date()


def pauses_of(events: Iterable[CaseEventRecord]) -> list[Pause]:
    return pause_runs((ev.action, local_day(ev.at)) for ev in events)


def pause_runs(moves: Iterable[tuple[CaseAction, date]]) -> list[Pause]:
    """The pauses of a case from its actions in order, each with its hall day: a suspension
    opens one, the next resumption closes it; other actions are passed over."""
    pauses: list[Pause] = []
    started: date | None = None
    for action, day in moves:
        if action is CaseAction.SUSPEND:
            started = day
        elif action is CaseAction.RESUME and started is not None:
            # Counter PCs' clocks differ a little: a resumption stamped before its suspension
            # counts as the same day rather than breaking the case.
            pauses.append(Pause(started, max(started, day)))
            started = None
    if started is not None:
        pauses.append(Pause(started, None))
    return pauses


# The working days an extension grants, in its event's detail. The period figures sum the same
# key in SQL (db/reports_repo.py), proven equal on both engines by
# tests/integration/test_reports_engines.py.
EXTENSION_DAYS_KEY = "days"


def extension_days(events: Iterable[CaseEventRecord]) -> int:
    return sum(
        int(ev.detail.get(EXTENSION_DAYS_KEY, 0)) for ev in events if ev.action is CaseAction.EXTEND
    )


def deadline_of(
    accepted_day: date,
    committed_days: int,
    events: Iterable[CaseEventRecord],
    calendar: WorkCalendar,
) -> Deadline:
    events = list(events)
    return calendar.add_working_days(
        accepted_day, committed_days + extension_days(events), pauses_of(events)
    )


def case_deadline(case: CaseRecord, calendar: WorkCalendar) -> Deadline:
    return deadline_of(case.accepted_day, case.committed_days, case.events, calendar)


def case_warning(
    case: CaseRecord, deadline: Deadline, today: date, calendar: WorkCalendar, ratio: float
) -> str:
    """The warning column: 'closed' for finished cases, else normal / yellow / red."""
    return warning_of(
        case.state, case.committed_days, case.events, deadline, today, calendar, ratio
    )


def warning_of(
    state: CaseState,
    committed_days: int,
    events: Iterable[CaseEventRecord],
    deadline: Deadline,
    today: date,
    calendar: WorkCalendar,
    ratio: float,
) -> str:
    """``case_warning`` from a case's parts (the scale simulator keeps no ``CaseRecord``)."""
    if state in CLOSED_STATES:
        return CLOSED_WARNING
    days = committed_days + extension_days(events)
    return str(warning_level(today, deadline.due, days, calendar, ratio))


@dataclass(frozen=True)
class CaseAsOf:
    """A case as it stood at the end of a hall day, rebuilt from its history."""

    state: CaseState | None  # None: not accepted by then
    deadline: Deadline | None  # None: not accepted by then
    limit_days: int  # committed working days plus the extensions granted by then
    warning: WarningLevel | None  # None: not open at the end of the day

    @property
    def is_open(self) -> bool:
        return self.state is not None and self.state not in CLOSED_STATES

    @property
    def running(self) -> bool:
        """The clock ran at the end of the day (open and not suspended)."""
        return self.is_open and self.state is not CaseState.SUSPENDED


def case_as_of(
    accepted_day: date,
    committed_days: int,
    history: Iterable[CaseEventRecord],
    day: date,
    calendar: WorkCalendar,
    ratio: float,
) -> CaseAsOf:
    """The state, clock, due date and warning card of a case at the end of hall day ``day``,
    from its whole history (in the order recorded) up to then. Later events (a suspension, an
    extension, a decision) do not reach back. The working-day calendar is the one in force
    now. The reports read only the parts ``as_of`` needs, in SQL; this is the reference the
    tests hold them to."""
    events = [ev for ev in history if local_day(ev.at) <= day]
    return as_of(
        accepted_day,
        committed_days,
        events[-1].to_state if events else None,
        extension_days(events),
        pauses_of(events),
        day,
        calendar,
        ratio,
    )


def as_of(
    accepted_day: date,
    committed_days: int,
    state: CaseState | None,
    extension: int,
    pauses: Sequence[Pause],
    day: date,
    calendar: WorkCalendar,
    ratio: float,
) -> CaseAsOf:
    """``case_as_of`` from the parts of a history it reads, up to the end of ``day``: the last
    event's state (None: no event yet), the days extensions granted, the pauses. The one rule
    behind every past-day figure (the log's yellow and red cards and its case list), whose
    parts the reports read in SQL (``db/reports_repo.py``; proven equal to the history on both
    engines by tests/integration/test_reports_engines.py)."""
    if accepted_day > day or state is None:
        return CaseAsOf(None, None, committed_days, None)
    limit = committed_days + extension
    deadline = calendar.add_working_days(accepted_day, limit, pauses)
    warning = (
        None if state in CLOSED_STATES else warning_level(day, deadline.due, limit, calendar, ratio)
    )
    return CaseAsOf(state, deadline, limit, warning)


@dataclass(frozen=True)
class StepStatus:
    position: int
    name: str
    due: date | None
    done: bool
    late: bool


def step_statuses(
    case: CaseRecord, steps: Iterable[tuple[int, str, int]], calendar: WorkCalendar, today: date
) -> list[StepStatus]:
    """Each step's own deadline (cumulative limits from acceptance, pauses not counted). A step
    past its limit warns even while the case as a whole is in time."""
    done = {
        int(ev.detail.get("position", 0))
        for ev in case.events
        if ev.action is CaseAction.COMPLETE_STEP
    }
    pauses = pauses_of(case.events)
    result: list[StepStatus] = []
    total = 0
    for position, name, days in steps:
        total += days
        due = calendar.add_working_days(case.accepted_day, total, pauses).due
        is_done = position in done
        late = not is_done and due is not None and today > due and case.state not in CLOSED_STATES
        result.append(StepStatus(position, name, due, is_done, late))
    return result


def recompute_open_cases(uow: UnitOfWork, actor: Actor | None) -> int:
    """After a calendar change: recompute every open case's deadline; flag those that moved.
    Call inside the write transaction that changed the calendar."""
    from app import audit
    from app.calendar import load_calendar

    calendar = load_calendar(uow)
    moved = 0
    # Only the cases this installation owns (app.handover): another site recomputes its own.
    for case_id in uow.cases.open_case_ids(installation_site_id(uow)):
        case = uow.cases.get(case_id)
        if case is None:
            continue
        deadline = case_deadline(case, calendar)
        changes: dict[str, object] = {}
        if (deadline.provisional, deadline.calendar_version) != (
            case.due_provisional,
            case.calendar_version,
        ):
            changes.update(
                due_provisional=deadline.provisional, calendar_version=deadline.calendar_version
            )
        if deadline.due != case.due_date:
            changes.update(due_date=deadline.due, due_moved=True)
            moved += 1
            audit.record(
                uow,
                actor,
                "case_due_moved",
                "case",
                case.number,
                {"due": case.due_date},
                {"due": deadline.due},
            )
        if changes:
            uow.cases.update(case.id, case.row_version, **changes)
    return moved


WARNING_ORDER = {WarningLevel.RED: 0, WarningLevel.YELLOW: 1, WarningLevel.NORMAL: 2}

"""The case life cycle and its derived deadline, as properties over any sequence of actions."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cases.deadlines import deadline_of, extension_days, pauses_of
from app.cases.lifecycle import (
    CLOSED_STATES,
    TRANSITIONS,
    CaseAction,
    CaseState,
    allowed_actions,
    next_state,
)
from app.cases.records import CaseEventRecord
from app.errors import IllegalTransition
from app.workdays import WorkCalendar

CAL = WorkCalendar()
ACTIONS = [a for a in CaseAction if a is not CaseAction.ACCEPT]


def test_every_state_is_reachable_and_closed_states_are_final() -> None:
    reached = {CaseState.ACCEPTED} | set(TRANSITIONS.values())
    assert reached == set(CaseState)
    for state in CLOSED_STATES - {CaseState.DECIDED}:
        assert allowed_actions(state) == []
    assert allowed_actions(CaseState.DECIDED) == [CaseAction.DELIVER]


def test_illegal_move_is_refused_in_words() -> None:
    with pytest.raises(IllegalTransition, match=r"已送达.*不能中止计时"):
        next_state(CaseState.DELIVERED, CaseAction.SUSPEND)


@given(st.lists(st.sampled_from(ACTIONS), max_size=40))
def test_no_sequence_reaches_an_undefined_state(actions: list[CaseAction]) -> None:
    state = CaseState.ACCEPTED
    for action in actions:
        try:
            state = next_state(state, action)
        except IllegalTransition:
            assert (state, action) not in TRANSITIONS
        assert isinstance(state, CaseState)


def event(day: date, action: CaseAction, **detail: int) -> CaseEventRecord:
    at = datetime.combine(day, time(2, 0), tzinfo=UTC)  # 10:00 in Beijing, same calendar day
    return CaseEventRecord(
        at, 1, "张伟", None, action, CaseState.IN_PROGRESS, CaseState.IN_PROGRESS, "", dict(detail)
    )


@st.composite
def case_histories(draw: st.DrawFn) -> tuple[date, int, list[CaseEventRecord]]:
    """An acceptance day in 2025-2026, a committed limit, and suspend/resume/extend events on
    non-decreasing days after it (a suspension may still be open at the end)."""
    accepted = draw(st.dates(date(2025, 1, 1), date(2026, 10, 31)))
    committed = draw(st.integers(0, 30))
    day, events, suspended = accepted, [], False
    for _ in range(draw(st.integers(0, 8))):
        day += timedelta(days=draw(st.integers(0, 12)))
        if draw(st.booleans()):
            events.append(event(day, CaseAction.EXTEND, days=draw(st.integers(1, 5))))
        else:
            events.append(event(day, CaseAction.RESUME if suspended else CaseAction.SUSPEND))
            suspended = not suspended
    return accepted, committed, events


@settings(max_examples=300, deadline=None)
@given(case_histories())
def test_suspended_time_never_counts(history: tuple[date, int, list[CaseEventRecord]]) -> None:
    accepted, committed, events = history
    deadline = deadline_of(accepted, committed, events, CAL)
    pauses = pauses_of(events)
    if pauses and pauses[-1].end is None and deadline.due is None:
        assert deadline.suspended
        return
    assert deadline.due is not None
    # Working days between acceptance and the due date, minus paused ones, are exactly the
    # committed days plus extensions: no paused day was counted, none was lost.
    counted = CAL.working_days_between(accepted, deadline.due, pauses)
    total = committed + extension_days(events)
    if counted == total + 1:
        # Stopped on its due day and resumed on a day off: due the first working day after
        # the resumption (Art. 45), the one working day the pause left it.
        assert any(
            p.end is not None
            and not CAL.is_workday(p.end)
            and CAL.working_days_between(p.end, deadline.due) == 1
            for p in pauses
        )
    else:
        assert counted == total
    # And a history without its suspensions is never due later.
    unpaused = [e for e in events if e.action is CaseAction.EXTEND]
    plain = deadline_of(accepted, committed, unpaused, CAL)
    assert plain.due is not None and plain.due <= deadline.due


@settings(max_examples=200, deadline=None)
@given(case_histories(), st.integers(1, 60))
def test_deadline_never_passes_the_statutory_limit(
    history: tuple[date, int, list[CaseEventRecord]], statutory_extra: int
) -> None:
    """The service refuses an extension past the statutory limit; whatever it allowed stays
    within the limit counted the same way."""
    accepted, committed, events = history
    statutory = committed + statutory_extra
    allowed: list[CaseEventRecord] = []
    for ev in events:
        if ev.action is CaseAction.EXTEND and (
            committed + extension_days(allowed) + int(ev.detail["days"]) > statutory
        ):
            continue  # what extend_case refuses
        allowed.append(ev)
    deadline = deadline_of(accepted, committed, allowed, CAL)
    limit = CAL.add_working_days(accepted, statutory, pauses_of(allowed))
    if deadline.due is not None and limit.due is not None:
        assert deadline.due <= limit.due

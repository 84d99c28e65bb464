"""Every life cycle of the hall answers through one table: over any sequence of moves, each
state reached is one of its states, every refusal is exactly a move the table does not list
and names the state in words, and ``allowed_actions`` agrees with what ``next_state`` does."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.appointments.lifecycle import TABLE as APPOINTMENT
from app.appointments.records import AppointmentAction, AppointmentState
from app.cases.lifecycle import TABLE as CASE
from app.errors import IllegalTransition
from app.feedback.lifecycle import APPEAL, COMPLAINT, RECTIFICATION
from app.transitions import TransitionTable
from app.visits.lifecycle import TABLE as VISIT

TABLES: dict[str, TransitionTable[Any, Any]] = {
    "case": CASE,
    "visit": VISIT,
    "appointment": APPOINTMENT,
    "complaint": COMPLAINT,
    "rectification": RECTIFICATION,
    "appeal": APPEAL,
}


def states_of(table: TransitionTable[Any, Any]) -> list[Any]:
    return list(type(next(iter(table.state_labels))))


def actions_of(table: TransitionTable[Any, Any]) -> list[Any]:
    return list(type(next(iter(table.action_labels))))


@pytest.mark.parametrize("name", TABLES)
def test_every_state_and_action_has_words(name: str) -> None:
    table = TABLES[name]
    assert set(table.state_labels) == set(states_of(table))
    assert set(table.action_labels) == set(actions_of(table))


@pytest.mark.parametrize("name", TABLES)
@given(data=st.data())
def test_any_sequence_stays_inside_the_table(name: str, data: st.DataObject) -> None:
    table = TABLES[name]
    state = data.draw(st.sampled_from(states_of(table)))
    for action in data.draw(st.lists(st.sampled_from(actions_of(table)), max_size=30)):
        assert table.allows(state, action) is (action in table.allowed_actions(state))
        try:
            after = table.next_state(state, action)
        except IllegalTransition as refused:
            assert not table.allows(state, action)
            assert table.state_labels[state] in refused.message
            assert table.action_labels[action] in refused.message
        else:
            assert after is table.moves[(state, action)]
            state = after
        assert state in table.state_labels


def test_a_refusal_without_a_number_names_the_kind_of_thing() -> None:
    with pytest.raises(IllegalTransition) as refused:
        next(iter(TABLES.values())).next_state(*_a_refused_move())
    assert refused.value.message.startswith("办件当前状态为")


def _a_refused_move() -> tuple[Any, Any]:
    return next((s, a) for s in states_of(CASE) for a in actions_of(CASE) if not CASE.allows(s, a))


def test_a_refusal_names_the_thing_by_its_number_when_given() -> None:
    with pytest.raises(IllegalTransition) as refused:
        APPOINTMENT.next_state(
            AppointmentState.CANCELLED, AppointmentAction.MOVE, "预约 QH-Y20261124-0001"
        )
    assert refused.value.message == "预约 QH-Y20261124-0001 当前状态为“已取消”，不能改约"

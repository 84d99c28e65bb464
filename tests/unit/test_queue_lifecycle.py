"""A queue ticket's moves: exactly the table's, every other one refused in the hall's words."""

from __future__ import annotations

import pytest

from app.errors import IllegalTransition
from app.queue.lifecycle import (
    AT_COUNTER_STATES,
    STATE_WORDS,
    TRANSITIONS,
    WAITING_STATES,
    TicketAction,
    TicketState,
    next_state,
)
from app.queue.records import ticket_number

FINAL = {TicketState.DONE, TicketState.SKIPPED}


@pytest.mark.parametrize("state", list(TicketState))
@pytest.mark.parametrize("action", list(TicketAction))
def test_only_the_tables_moves_are_allowed(state: TicketState, action: TicketAction) -> None:
    if (state, action) in TRANSITIONS:
        assert next_state(state, action) is TRANSITIONS[(state, action)]
    else:
        with pytest.raises(IllegalTransition) as refused:
            next_state(state, action)
        assert STATE_WORDS[state] in refused.value.message


def test_the_shape_of_a_tickets_life() -> None:
    assert not any(state in FINAL for state, _ in TRANSITIONS)  # done and 过号 are final
    # only a ticket at a counter is served, passed over or transferred; a waiting one is called
    assert {s for s, a in TRANSITIONS if a is not TicketAction.CALL} <= AT_COUNTER_STATES
    assert {s for s, a in TRANSITIONS if a is TicketAction.CALL} == WAITING_STATES
    reachable = {TicketState.WAITING}
    while True:
        more = {TRANSITIONS[(s, a)] for s, a in TRANSITIONS if s in reachable} - reachable
        if not more:
            break
        reachable |= more
    assert reachable == set(TicketState)


def test_ticket_numbers() -> None:
    assert ticket_number("A", 1) == "A001" and ticket_number("B", 14) == "B014"
    assert ticket_number("C", 999) == "C999"

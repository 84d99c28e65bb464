"""An appointment's life cycle: only a booked appointment moves; checked in, missed and
cancelled are final, and a refusal says which of them it is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.appointments.lifecycle import TRANSITIONS, allowed_actions, next_state
from app.appointments.records import ACTIVE_STATES, AppointmentAction, AppointmentState
from app.errors import IllegalTransition

S, A = AppointmentState, AppointmentAction


def test_only_a_booked_appointment_moves_and_booking_is_not_a_move() -> None:
    assert {state for (state, _) in TRANSITIONS} == {S.BOOKED}
    assert set(allowed_actions(S.BOOKED)) == {A.MOVE, A.CANCEL, A.CHECK_IN, A.NO_SHOW}
    for final in (S.CHECKED_IN, S.NO_SHOW, S.CANCELLED):
        assert allowed_actions(final) == []
    assert all(action is not A.BOOK for (_, action) in TRANSITIONS)


def test_every_state_is_reachable_from_booked() -> None:
    assert {S.BOOKED} | set(TRANSITIONS.values()) == set(S)


def test_a_cancelled_appointment_cannot_be_checked_in() -> None:
    with pytest.raises(IllegalTransition, match=r"已取消.*不能签到"):
        next_state(S.CANCELLED, A.CHECK_IN)


@given(st.lists(st.sampled_from(list(A)), max_size=20))
def test_once_it_leaves_the_active_states_nothing_brings_it_back(
    actions: list[AppointmentAction],
) -> None:
    state, left = S.BOOKED, False
    for action in actions:
        try:
            state = next_state(state, action)
        except IllegalTransition:
            assert state is not S.BOOKED or action is A.BOOK
        left = left or state not in ACTIVE_STATES
        assert not (left and state in ACTIVE_STATES)
        # At most one check-in: once checked in, no move is left.
        if state is S.CHECKED_IN:
            assert allowed_actions(state) == []

"""A visit's life cycle: no move ends it without an outcome, and every closed state can be
reopened; anything the table does not list is refused with the state named."""

from __future__ import annotations

import pytest

from app.errors import IllegalTransition
from app.visits.lifecycle import (
    OUTCOME_OF,
    TRANSITIONS,
    VisitAction,
    VisitState,
    allowed_actions,
    next_state,
)


def test_every_move_into_closed_carries_an_outcome() -> None:
    closing = {action for (_, action), to in TRANSITIONS.items() if to is VisitState.CLOSED}
    # answer and apply record theirs on the visit; confirm_outside records "outside".
    assert closing == {VisitAction.ANSWER, VisitAction.APPLY, VisitAction.CONFIRM_OUTSIDE}
    assert set(OUTCOME_OF) == closing - {VisitAction.CONFIRM_OUTSIDE}


def test_a_referred_visit_cannot_be_answered_until_acknowledged_or_recalled() -> None:
    assert set(allowed_actions(VisitState.REFERRED)) == {
        VisitAction.ACKNOWLEDGE,
        VisitAction.RECALL,
        VisitAction.CONFIRM_OUTSIDE,
    }
    with pytest.raises(IllegalTransition, match="已转办待接收"):
        next_state(VisitState.REFERRED, VisitAction.ANSWER)


@pytest.mark.parametrize("state", list(VisitState))
@pytest.mark.parametrize("action", list(VisitAction))
def test_each_pair_is_allowed_or_refused(state: VisitState, action: VisitAction) -> None:
    if (state, action) in TRANSITIONS:
        assert next_state(state, action) is TRANSITIONS[(state, action)]
    else:
        with pytest.raises(IllegalTransition):
            next_state(state, action)


def test_closed_visits_reopen_and_nothing_else() -> None:
    assert allowed_actions(VisitState.CLOSED) == [VisitAction.REOPEN]

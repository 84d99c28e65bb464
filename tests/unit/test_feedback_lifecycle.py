"""A complaint, a rectification item and an appeal each end once: nothing moves a concluded
complaint, a closed or cancelled item or a decided appeal, and the refusal says so in words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import IllegalTransition
from app.feedback.lifecycle import (
    APPEAL,
    COMPLAINT,
    RECTIFICATION,
    AppealAction,
    ComplaintAction,
    RectificationAction,
)
from app.feedback.records import AppealState, ComplaintState, RectificationState


def test_the_first_note_starts_the_investigation_and_later_ones_keep_it() -> None:
    state = COMPLAINT.next_state(ComplaintState.REGISTERED, ComplaintAction.NOTE)
    assert state is ComplaintState.INVESTIGATING
    assert COMPLAINT.next_state(state, ComplaintAction.NOTE) is ComplaintState.INVESTIGATING


def test_a_concluded_complaint_takes_no_note_and_no_second_finding() -> None:
    assert COMPLAINT.allowed_actions(ComplaintState.CONCLUDED) == []
    with pytest.raises(IllegalTransition, match="投诉当前状态为“已办结”，不能添加调查记录"):
        COMPLAINT.next_state(ComplaintState.CONCLUDED, ComplaintAction.NOTE)
    with pytest.raises(IllegalTransition, match="已办结”，不能办结"):
        COMPLAINT.next_state(ComplaintState.CONCLUDED, ComplaintAction.CONCLUDE)


@given(st.lists(st.sampled_from(list(ComplaintAction)), max_size=20))
def test_a_complaint_concludes_at_most_once(actions: list[ComplaintAction]) -> None:
    state, conclusions = ComplaintState.REGISTERED, 0
    for action in actions:
        try:
            state = COMPLAINT.next_state(state, action)
        except IllegalTransition:
            assert state is ComplaintState.CONCLUDED
            continue
        conclusions += action is ComplaintAction.CONCLUDE
    assert conclusions <= 1
    assert (state is ComplaintState.CONCLUDED) is (conclusions == 1)


@given(st.lists(st.sampled_from(list(RectificationAction)), min_size=1, max_size=10))
def test_a_rectification_item_ends_with_its_first_move(
    actions: list[RectificationAction],
) -> None:
    first = RECTIFICATION.next_state(RectificationState.OPEN, actions[0])
    assert first is not RectificationState.OPEN
    for action in actions[1:]:
        with pytest.raises(IllegalTransition, match="这条整改当前状态为"):
            RECTIFICATION.next_state(first, action)


@given(st.sampled_from(list(AppealAction)), st.sampled_from(list(AppealAction)))
def test_an_appeal_is_decided_once(first: AppealAction, second: AppealAction) -> None:
    decided = APPEAL.next_state(AppealState.PENDING, first)
    assert decided is (AppealState.UPHELD if first is AppealAction.UPHOLD else AppealState.REJECTED)
    with pytest.raises(IllegalTransition, match="这条申诉当前状态为“已裁决"):
        APPEAL.next_state(decided, second)

"""One shape for every life cycle in the hall: a table of (state, action) → next state, and a
refusal in words for any move the table does not list.

Cases, visits, appointments, complaints and rectification items each keep their own states,
moves and labels next to their records; this is only the lookup they share, so that every
service asks its table instead of writing ``if state is …`` by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from app.errors import IllegalTransition

S = TypeVar("S", bound=StrEnum)
A = TypeVar("A", bound=StrEnum)


@dataclass(frozen=True)
class TransitionTable(Generic[S, A]):
    noun: str  # what a refusal calls the thing when no number is given: 办件, 来访, 投诉 ...
    moves: Mapping[tuple[S, A], S]
    state_labels: Mapping[S, str]
    action_labels: Mapping[A, str]

    def next_state(self, state: S, action: A, subject: str = "") -> S:
        """The state after ``action``, or :class:`IllegalTransition` naming the state and the
        move. ``subject`` names the thing in the refusal (``"预约 QH-Y20261124-0001"``)."""
        try:
            return self.moves[(state, action)]
        except KeyError:
            who = subject or self.noun
            if who[-1].isascii():
                who += " "  # a number is followed by a space before the Chinese resumes
            raise IllegalTransition(
                f"{who}当前状态为“{self.state_labels[state]}”，不能{self.action_labels[action]}"
            ) from None

    def allows(self, state: S, action: A) -> bool:
        return (state, action) in self.moves

    def allowed_actions(self, state: S) -> list[A]:
        return [action for (from_state, action) in self.moves if from_state is state]

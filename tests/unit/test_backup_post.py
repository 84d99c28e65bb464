"""Who stands in for whom (AB岗), along the chain of B posts."""

from __future__ import annotations

from app.backup_post import chain_of, stand_in
from app.records import StaffRecord
from app.roles import Role


def hall(backups: dict[int, int | None], disabled: frozenset[int] = frozenset()) -> dict:
    return {
        i: StaffRecord(i, 1, f"s{i}", f"S{i}", Role.CLERK, i, b, i not in disabled, "", 0, None)
        for i, b in backups.items()
    }


LINE = hall({1: 2, 2: 3, 3: 4, 4: None})  # 1's B post is 2, 2's is 3, 3's is 4


def test_the_b_post_stands_in_and_the_chain_goes_on_only_while_both_are_away() -> None:
    assert chain_of(LINE, set(), 1) == [2] and stand_in(LINE, set(), 1) == 2
    assert chain_of(LINE, {1}, 1) == [2] and stand_in(LINE, {1}, 1) == 2
    assert chain_of(LINE, {1, 2}, 1) == [2, 3] and stand_in(LINE, {1, 2}, 1) == 3
    assert chain_of(LINE, {1, 2, 3}, 1) == [2, 3, 4] and stand_in(LINE, {1, 2, 3}, 1) == 4
    # 1 at their post, 2 away: 3 does not act for 1 (only 1's own B post does, as always)
    assert chain_of(LINE, {2}, 1) == [2]


def test_nobody_when_the_chain_runs_out_or_comes_back_round() -> None:
    assert chain_of(LINE, {1, 2, 3, 4}, 1) == [2, 3, 4] and stand_in(LINE, {1, 2, 3, 4}, 1) is None
    pair = hall({1: 2, 2: 1})  # two clerks backing each other up, both away
    assert chain_of(pair, {1, 2}, 1) == [2] and stand_in(pair, {1, 2}, 1) is None
    ring = hall({1: 2, 2: 3, 3: 1})
    assert chain_of(ring, {1, 2, 3}, 1) == [2, 3] and stand_in(ring, {1, 2, 3}, 1) is None
    assert chain_of(hall({1: None}), {1}, 1) == [] and stand_in(hall({1: None}), {1}, 1) is None


def test_a_disabled_b_post_is_passed_over_like_an_absent_one() -> None:
    gone = hall({1: 2, 2: 3, 3: None}, disabled=frozenset({2}))
    assert stand_in(gone, {1}, 1) == 3

"""The open-span class a closed case is stored with (issue 20: a past day's open cases)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.cases.lifecycle import CaseState
from app.cases.transitions import OPEN_CLASSES, closing_columns, open_class

T0 = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


def test_class_k_closes_before_two_to_the_k_days() -> None:
    for days in (0, 0.5, 1, 1.5, 2, 3, 4, 31, 64, 300, 3650):
        k = open_class(T0, T0 + timedelta(days=days))
        assert T0 + timedelta(days=days) < T0 + timedelta(days=2**k)
        assert k == 0 or days >= 2 ** (k - 1)  # the smallest such class
    assert open_class(T0, T0 + timedelta(days=1) - timedelta(microseconds=1)) == 0
    assert open_class(T0, T0 + timedelta(days=1)) == 1
    assert open_class(T0, T0 - timedelta(hours=1)) == 0
    assert open_class(T0, T0 + timedelta(days=2**OPEN_CLASSES * 2)) == OPEN_CLASSES


def test_only_the_closing_step_writes_the_columns() -> None:
    at = T0 + timedelta(days=5)
    closed = closing_columns(CaseState.IN_PROGRESS, CaseState.DECIDED, T0, at)
    assert closed == {"closed_at": at, "open_class": 3}
    assert closing_columns(CaseState.ACCEPTED, CaseState.WITHDRAWN, T0, at)["closed_at"] == at
    assert closing_columns(CaseState.DECIDED, CaseState.DELIVERED, T0, at) == {}
    assert closing_columns(CaseState.ACCEPTED, CaseState.IN_PROGRESS, T0, at) == {}

"""The reports' extension point: sections, their providers, and the slots not yet filled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from app.reports.sections import (
    SECTION_BY_KEY,
    SECTIONS,
    ReportScope,
    Tally,
    provider_for,
    register_provider,
    unregister_provider,
    wired_sections,
)
from app.reports.statistics import Figures
from app.reports.table import collect

# Sections without a provider: none left (a new section starts as one and shows "—").
SLOTS: set[str] = set()
SCOPE = ReportScope(1, date(2026, 11, 24), date(2026, 11, 24))


@pytest.fixture
def ratings_wired() -> Iterator[None]:
    def ratings(uow: object, scope: ReportScope) -> list[Tally]:
        assert scope is SCOPE
        return [
            Tally("ratings", 5, window_id=1, staff_id=7),
            Tally("ratings_satisfied", 4, window_id=1, staff_id=7),
            Tally("ratings", 2, window_id=2, staff_id=8),
        ]

    previous_ratings = register_provider("ratings", ratings)
    previous_complaints = provider_for("complaints")
    unregister_provider("complaints")  # a section without a provider: a slot
    yield
    for key, previous in (("ratings", previous_ratings), ("complaints", previous_complaints)):
        unregister_provider(key)
        if previous is not None:
            register_provider(key, previous)


def test_keys_are_unique_and_every_section_has_columns() -> None:
    keys = [c.key for s in SECTIONS for c in s.columns]
    assert len(keys) == len(set(keys))
    assert len(SECTION_BY_KEY) == len(SECTIONS)
    assert all(s.columns for s in SECTIONS)


def test_this_tree_fills_its_own_sections_and_leaves_the_slots() -> None:
    wired = wired_sections()
    assert wired == {s.key for s in SECTIONS} - SLOTS
    assert {"notices", "cases", "warnings", "accountability", "completion"} <= wired


def test_a_slot_counts_as_none_until_a_provider_fills_it(ratings_wired: None) -> None:
    table = collect(object(), SCOPE, [SECTION_BY_KEY["ratings"], SECTION_BY_KEY["complaints"]])  # type: ignore[arg-type]
    assert table.wired == {"ratings"}
    assert table.cells[(1, 7)] == {"ratings": 5, "ratings_satisfied": 4}
    assert table.value(table.cells[(2, 8)], "ratings_satisfied") == 0  # wired, nothing counted
    assert table.value(table.cells[(2, 8)], "complaints") is None  # a slot
    assert table.total() == {"ratings": 7, "ratings_satisfied": 4}
    figures = Figures.of("合计", table.total(), table)
    assert figures.ratings == 7 and figures.satisfaction_rate == pytest.approx(4 / 7)
    assert figures.complaints is None and figures.referral_ack_rate is None


def test_a_provider_may_not_invent_keys() -> None:
    previous = register_provider("complaints", lambda uow, scope: [Tally("complaint_count", 1)])
    try:
        with pytest.raises(ValueError, match="complaint_count"):
            collect(object(), SCOPE, [SECTION_BY_KEY["complaints"]])  # type: ignore[arg-type]
    finally:
        unregister_provider("complaints")
        if previous is not None:
            register_provider("complaints", previous)
    with pytest.raises(KeyError):
        register_provider("no-such-section", lambda uow, scope: [])


def test_scope_covers_whole_hall_days() -> None:
    scope = ReportScope(1, date(2026, 11, 1), date(2026, 11, 30))
    assert scope.start.isoformat() == "2026-11-01T00:00:00+08:00"
    assert scope.end.isoformat() == "2026-12-01T00:00:00+08:00"


def test_rates_divide_only_what_was_counted() -> None:
    table = collect(object(), SCOPE, [])  # type: ignore[arg-type]
    counts = {
        "cases_accepted": 8,
        "notices_issued": 2,
        "completed": 4,
        "completed_on_time": 3,
        "working_days_used": 10,
        "working_days_committed": 12,
    }
    figures = Figures.of("x", counts, table)
    assert figures.on_time_rate == 0.75
    assert (figures.average_days_used, figures.average_days_committed) == (2.5, 3.0)
    assert figures.notices_per_case == 0.25
    empty = Figures.of("y", {}, table)
    assert empty.on_time_rate is None and empty.notices_per_case is None

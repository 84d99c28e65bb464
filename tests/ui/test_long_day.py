"""A counter's long day (issue 23): visitor after visitor, nothing piles up.

The real main window is driven by ``tests.helpers.long_day`` (keys and clicks, the citizen
screen open, the timers ticking on the injected clock). After a warm-up, the live widgets and
top-level windows stay where they were, no background relay outlives its work, and the number
of Python objects the garbage collector tracks stops growing. Counts only, never times: the
times are bench/long_day.py's business. CI also walks a busier day (``-m slow``).
"""

from __future__ import annotations

import gc

import pytest

from app.clock import ManualClock
from app.context import AppContext
from tests.helpers.long_day import (
    LongDay,
    QtMessages,
    grown_types,
    live_widgets,
    top_level_widgets,
    type_counts,
)
from ui.ops import live_relays

WARM_UP = 10
DAY = 70  # visitors after the warm-up: a quiet half-day, about two minutes
FULL_DAY = 300  # the slow run (CI): a busy day; bench/long_day.py runs 500
WIDGET_SLACK = 5  # e.g. a tooltip or a lazily made scroll bar that appears once
OBJECT_SLACK = 3_000  # Python objects; a visitor's leaked dialog alone is ~2,000


def test_a_day_of_visitors_leaves_nothing_behind(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, clock: ManualClock
) -> None:
    long_day(qtbot, sqlite_demo_ctx, clock, DAY)


@pytest.mark.slow
def test_a_full_day_in_ci(qtbot, sqlite_demo_ctx: AppContext, clock: ManualClock) -> None:  # type: ignore[no-untyped-def]
    long_day(qtbot, sqlite_demo_ctx, clock, FULL_DAY)


def long_day(qtbot, ctx: AppContext, clock: ManualClock, visitors: int) -> None:  # type: ignore[no-untyped-def]
    # Qt's warnings counted here, not kept by pytest-qt (whose log would grow all day).
    messages = QtMessages()
    try:
        day = LongDay(ctx, clock)
        qtbot.addWidget(day.window)
        walk(day, visitors)
    finally:
        messages.close()
    assert messages.count == 0, messages.unexpected  # no Qt warning all day


def walk(day: LongDay, visitors: int) -> None:
    for _ in range(WARM_UP):
        day.cycle()
    day.quiet()
    widgets, windows = live_widgets(), top_level_widgets()
    objects_start = len(gc.get_objects())
    types_start = type_counts()

    half = visitors // 2
    for _ in range(half):
        day.cycle()
    day.quiet()
    objects_half = len(gc.get_objects())
    for _ in range(visitors - half):
        day.cycle()
    day.quiet()

    total = WARM_UP + visitors
    assert day.cycles == total
    assert day.accepted.count == (total + 1) // 2  # every other visitor accepted
    assert day.notice_issued.count == total // 2  # the others got a notice
    assert day.rated.count == day.accepted.count + total  # cases and visits rated
    assert live_relays() == 0
    assert live_widgets() <= widgets + WIDGET_SLACK, (widgets, live_widgets())
    assert top_level_widgets() <= windows, (windows, top_level_widgets())
    objects_end = len(gc.get_objects())
    # Bounded: the second half of the day adds no more than the first (caches fill, then
    # stay), and neither half adds what a visitor's leaked widgets would.
    first, second = objects_half - objects_start, objects_end - objects_half
    assert second <= max(first, 0) + OBJECT_SLACK // 3, grown_types(types_start)
    assert objects_end - objects_start <= OBJECT_SLACK, grown_types(types_start)

"""A counter's long day (issue 23): visitor after visitor, nothing piles up.

The real main window is driven by ``tests.helpers.long_day`` (keys and clicks, the citizen
screen open, the timers ticking on the injected clock). After a warm-up, the live widgets and
top-level windows stay where they were, no background relay outlives its work, and the number
of Python objects the garbage collector tracks stops growing. Counts only, never times: the
times are bench/long_day.py's business. ``-m slow`` walks a busier day
(``FRONTDESK_FULL_PROOFS=1 .ci/run``).
"""

from __future__ import annotations

import gc
from functools import partial

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
FULL_DAY = 300  # the long proof run: a busy day; bench/long_day.py runs 500
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


def test_a_relay_goes_once_delivered_or_once_nobody_waits(qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from PySide6.QtWidgets import QWidget

    from tests.helpers.long_day import settle
    from ui.ops import run_op, wait_for_ops

    asker = QWidget()
    answers: list[object] = []
    for n in range(50):
        run_op(asker, partial(int, n), answers.append)

    def failed(exc: BaseException) -> None:
        answers.append(type(exc))

    run_op(asker, lambda: 1 / 0, answers.append, failed)
    wait_for_ops()
    qtbot.waitUntil(lambda: len(answers) == 51)
    settle()
    assert live_relays() == 0
    assert sorted(a for a in answers if isinstance(a, int)) == list(range(50))
    assert ZeroDivisionError in answers

    # The widget that asked is closed while the work runs: its callback is dropped at once,
    # the relay swallows the late answer, then goes too.
    release = threading.Event()
    gone = QWidget()
    run_op(gone, release.wait, answers.append)
    gone.deleteLater()
    settle()
    release.set()
    wait_for_ops()
    settle()
    assert live_relays() == 0 and len(answers) == 51


def test_the_heap_limits_leave_settings_in_the_environment_alone(  # type: ignore[no-untyped-def]
    monkeypatch,
) -> None:
    import sys

    from ui.ops import limit_heap_growth

    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "131072")
    assert limit_heap_growth() is False  # both chosen by whoever started the program
    monkeypatch.delenv("MALLOC_ARENA_MAX")
    assert limit_heap_growth() is sys.platform.startswith("linux")

"""The screens' tests share one thread pool: none leaves work running into the next."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def no_work_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test whose windows are closed (qtbot's teardown runs before this one's), wait for
    the background work they started: the pool has as many threads as the machine has CPUs (two
    here), and a test's late reads would otherwise take them from the next test's first ones
    (CI once waited more than 10 s for a work list's first read, a single time in 2,217 tests)."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QApplication

    from ui.ops import wait_for_ops

    if not wait_for_ops(30_000):
        warnings.warn("background work of this test still ran 30 s after it", stacklevel=1)
    QApplication.processEvents()  # deliver (and drop) the answers of the closed windows

"""The Qt binding keeps Python's reference counts straight when signals are emitted.

PySide6 6.12.0 dropped a reference to ``True`` on every ``Signal.emit()``: on Python 3.11,
where ``True`` and ``None`` are ordinary objects, a counter session aborted with
"bool_dealloc" after a few thousand emits (every background operation emits one). The
dependency is pinned below that release; this test refuses any binding with the fault.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Relay(QObject):
    carried = Signal(object)


def test_emitting_signals_leaves_reference_counts_alone(qtbot: Any) -> None:
    relay = _Relay()
    received: list[object] = []
    relay.carried.connect(received.append)
    payload = object()
    before = (sys.getrefcount(True), sys.getrefcount(None), sys.getrefcount(payload))
    for _ in range(200):
        relay.carried.emit(payload)
        relay.carried.emit(None)
    received.clear()
    after = (sys.getrefcount(True), sys.getrefcount(None), sys.getrefcount(payload))
    # The faulty binding loses one reference per emit: -400 here.
    assert all(abs(a - b) < 10 for a, b in zip(after, before, strict=True)), (before, after)


def test_emitting_from_a_worker_thread_leaves_reference_counts_alone(qtbot: Any) -> None:
    relay = _Relay()
    received: list[object] = []
    relay.carried.connect(received.append)
    true_before = sys.getrefcount(True)
    worker = threading.Thread(target=lambda: [relay.carried.emit(n) for n in range(200)])
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(received) == 200)
    assert abs(sys.getrefcount(True) - true_before) < 10  # the faulty binding: -200

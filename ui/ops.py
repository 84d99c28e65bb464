"""Run service calls and other slow work off the GUI thread.

Like Anki's ``CollectionOp``: the background function gets no widget, the callbacks run on the
GUI thread. No widget ever waits on the database, a PDF or a backup.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from app.storage import StorageProblem, storage_problem

_running: set[_Relay] = set()  # waiting for their work's answer
_closing: dict[int, _Relay] = {}  # delivered, deleted at the next turn of the event loop


def live_relays() -> int:
    """How many relays exist: waiting for their work, or delivered and not yet deleted
    (for tests: after the work is done and the event loop turned, none)."""
    return len(_running) + len(_closing)


class _Relay(QObject):
    """Carries one piece of work's answer to the GUI thread, once.

    It holds the callbacks itself (no closure cycle keeps it alive). It lets go of them, its
    connections and the progress dialog once the answer is delivered, then is deleted; it lets
    go of the callbacks as soon as the widget that asked is destroyed.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None,
        dialog: QProgressDialog | None,
    ) -> None:
        super().__init__()
        self.asker = parent
        self.on_success: Callable[[Any], None] | None = on_success
        self.on_failure = on_failure
        self.dialog = dialog
        self.abandoned = False
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)
        if parent is not None:
            # The widget that asked went away: nobody waits for the answer any more.
            parent.destroyed.connect(self._abandon)

    def _gone(self) -> bool:
        # The widget that asked may have been closed while the work ran: then nobody is
        # waiting for the answer, and touching its children would crash.
        return self.asker is not None and not isValid(self.asker)

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and isValid(dialog):
            dialog.reset()
            dialog.deleteLater()

    @Slot()
    def _abandon(self) -> None:
        """The widget that asked is destroyed: drop everything that would keep it (and what
        the callbacks hold) alive. The relay itself waits for the work's answer, which it
        swallows, then goes: it is only ever deleted on the GUI thread after delivery."""
        self.asker, self.on_success, self.on_failure = None, None, None
        self.abandoned = True
        self._close_dialog()

    def _finish(self) -> None:
        _running.discard(self)
        self._close_dialog()
        with contextlib.suppress(RuntimeError, TypeError):
            self.succeeded.disconnect()
        with contextlib.suppress(RuntimeError, TypeError):
            self.failed.disconnect()
        if self.asker is not None and isValid(self.asker):
            with contextlib.suppress(RuntimeError, TypeError):
                self.asker.destroyed.disconnect(self._abandon)
        self.asker, self.on_success, self.on_failure = None, None, None
        # Deleted by Qt at the next turn of the event loop, not here inside its own slot;
        # Python keeps the wrapper until then.
        _closing[id(self)] = self
        self.destroyed.connect(partial(_closing.pop, id(self), None))
        self.deleteLater()

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        on_success = None if self.abandoned or self._gone() else self.on_success
        self._finish()
        if on_success is not None:
            on_success(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        parent, on_failure = self.asker, self.on_failure
        wanted = not (self.abandoned or self._gone())
        self._finish()
        if not wanted:
            return
        exc = storage_problem(exc) or exc
        if on_failure is not None:
            on_failure(exc)
        elif isinstance(exc, StorageProblem):
            show_storage_problem(parent, exc)
        else:
            raise exc


class _Job:
    """The work and where its answer goes, run by the thread pool.

    A plain callable, not a ``QRunnable`` subclass: the pool wraps it in a runnable of its own
    and drops it when done, where a Python ``QRunnable`` deleted by the pool on its thread
    could leave its Python half alive (a few per hundred, counted over a long day).
    """

    __slots__ = ("relay", "work")

    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        self.work: Callable[[], Any] | None = work
        self.relay: _Relay | None = relay

    def __call__(self) -> None:
        work, relay = self.work, self.relay
        self.work = self.relay = None  # hold nothing once run
        assert work is not None and relay is not None
        try:
            result = work()
        except BaseException as exc:  # reported on the GUI thread, never swallowed
            _send(relay, relay.failed, exc)
        else:
            _send(relay, relay.succeeded, result)


def _send(relay: _Relay, signal: Any, value: Any) -> None:
    # The program may be closing while the work ran: Qt has then already deleted the relay
    # and nobody is left to tell (the work itself committed or rolled back as usual).
    if isValid(relay):
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


def run_op(
    parent: QWidget | None,
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    progress: str | None = None,
) -> None:
    """Run ``work`` in the thread pool; call back on the GUI thread.

    With ``progress`` a modal busy dialog shows after half a second, so quick work never flashes.
    A failure caused by the storage (disk full, file read-only, missing or damaged, a lock held
    for long, server unreachable) reaches ``on_failure`` as an ``app.storage.StorageProblem``,
    whose message says what happened and what to do; without ``on_failure`` it is shown in a
    message box. Callers keep what the user typed, so it can be saved once the cause is fixed.
    """
    dialog: QProgressDialog | None = None
    if progress:
        dialog = QProgressDialog(progress, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(500)
        dialog.setWindowTitle(progress)
    relay = _Relay(parent, on_success, on_failure, dialog)
    _running.add(relay)
    QThreadPool.globalInstance().start(_Job(work, relay))


def run_aside(
    parent: QWidget | None,
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
) -> None:
    """Like ``run_op``, on a thread of its own, for work that may never return: asking the
    system for its drives hangs on a network drive that went away. In the pool it would hold
    one of the few threads (two on a 2-CPU counter PC) for the rest of the day, and closing
    the program would wait for it; this thread is a daemon, left behind at exit."""
    relay = _Relay(parent, on_success, on_failure, None)
    _running.add(relay)
    threading.Thread(target=_Job(work, relay), name="frontdesk-aside", daemon=True).start()


def show_storage_problem(parent: QWidget | None, problem: StorageProblem) -> None:
    title = QCoreApplication.translate("ops", "数据库无法使用")
    QMessageBox.warning(parent, title, problem.message)


def limit_heap_growth() -> bool:
    """On Linux (glibc): keep a long day's heap from spreading, before any worker starts.

    Each pool thread would get a malloc arena of its own, and after the first large free glibc
    raises its mmap threshold, so the page images of every preview (about a megabyte each, made
    on a worker, freed on the GUI thread) end up scattered over several arenas that never shrink.
    Two arenas and a fixed 256 KiB threshold (large blocks mapped and given back when freed)
    keep the same day about 50 MB smaller (bench/long_day.py). Settings in the environment
    (``MALLOC_ARENA_MAX``, ``MALLOC_MMAP_THRESHOLD_``) win. Elsewhere this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import os

    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    m_mmap_threshold, m_arena_max = -3, -8  # glibc's malloc.h
    done = False
    if "MALLOC_ARENA_MAX" not in os.environ:
        done = bool(mallopt(m_arena_max, 2)) or done
    if "MALLOC_MMAP_THRESHOLD_" not in os.environ:
        done = bool(mallopt(m_mmap_threshold, 256 * 1024)) or done
    return done


def wait_for_ops(timeout_ms: int = 30_000) -> bool:
    """For shutdown and tests: wait until background work has finished."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)

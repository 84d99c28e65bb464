"""Run service calls and other slow work off the GUI thread.

Like Anki's ``CollectionOp``: the background function gets no widget, the callbacks run on the
GUI thread. No widget ever waits on the database, a PDF or a backup.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from app.storage import StorageProblem, storage_problem

_running: set[_Relay] = set()


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # reported on the GUI thread, never swallowed
            self._send(self.relay.failed, exc)
        else:
            self._send(self.relay.succeeded, result)

    def _send(self, signal: Any, value: Any) -> None:
        # The program may be closing while the work ran: Qt has then already deleted the relay
        # and nobody is left to tell (the work itself committed or rolled back as usual).
        if isValid(self.relay):
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
    relay = _Relay()
    dialog: QProgressDialog | None = None
    if progress:
        dialog = QProgressDialog(progress, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(500)
        dialog.setWindowTitle(progress)

    def finish() -> None:
        _running.discard(relay)
        if dialog is not None and isValid(dialog):
            dialog.reset()
            dialog.deleteLater()

    def gone() -> bool:
        # The widget that asked may have been closed while the work ran: then nobody is
        # waiting for the answer, and touching its children would crash.
        return parent is not None and not isValid(parent)

    @Slot(object)
    def succeeded(result: Any) -> None:
        finish()
        if not gone():
            on_success(result)

    @Slot(object)
    def failed(exc: BaseException) -> None:
        finish()
        if gone():
            return
        exc = storage_problem(exc) or exc
        if on_failure is not None:
            on_failure(exc)
        elif isinstance(exc, StorageProblem):
            show_storage_problem(parent, exc)
        else:
            raise exc

    relay.succeeded.connect(succeeded)
    relay.failed.connect(failed)
    _running.add(relay)
    QThreadPool.globalInstance().start(_Job(work, relay))


def show_storage_problem(parent: QWidget | None, problem: StorageProblem) -> None:
    title = QCoreApplication.translate("ops", "数据库无法使用")
    QMessageBox.warning(parent, title, problem.message)


def wait_for_ops(timeout_ms: int = 30_000) -> bool:
    """For shutdown and tests: wait until background work has finished."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)

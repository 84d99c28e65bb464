"""The baseline for bench/startup.py: a bare PySide6 window, shown, painted once, then exit.

It does the least any PySide6 program must do before a person sees a window: start Python,
import QtWidgets, create the QApplication, show an empty QMainWindow and wait for its first
paint (same detection as ``frontdesk gui --smoke``: an event filter on ``QEvent.Paint`` that
quits from the event loop). It prints one JSON line like the smoke run does.

Run: ``QT_QPA_PLATFORM=offscreen python bench/bare_window.py``
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def _ms() -> float:
    return round((time.perf_counter() - STARTED) * 1000, 1)


class _FirstPaint(QObject):
    def __init__(self, window: QMainWindow, app: QApplication) -> None:
        super().__init__(window)
        self._app = app
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        print(json.dumps({"ok": True, "screen": "bare", "first_paint_ms": _ms()}))
        self._app.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1180, 760)  # the size of frontdesk's main window
    _FirstPaint(window, app)
    window.show()
    app.exec()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Feeds keyboard and mouse activity to the idle lock and says when to lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from app.auth import IdleLock

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    lock_requested = Signal()

    def __init__(
        self, lock: IdleLock, check_ms: int = 5_000, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.lock = lock
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.lock.touch()
        return False

    def check(self) -> None:
        if not self.lock.locked and self.lock.should_lock():
            self.lock_requested.emit()

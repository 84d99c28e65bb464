"""大厅叫号屏: the numbers just called and their windows, large enough to read across a hall,
on a second monitor or a TV PC on the same database. It polls the database (``ui.ops.run_op``)
and announces each new call by voice where the PC has a speech engine (QtTextToSpeech); where
it has none — or the Qt module cannot load — it stays silent. Esc leaves full screen."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.context import AppContext
from app.errors import DomainError
from app.queue import hall
from app.queue.records import HallCall
from app.roles import Actor
from ui.ops import run_op

POLL_MS = 2_000
EARLIER_LINES = 6


def tr(text: str) -> str:
    return QCoreApplication.translate("HallDisplay", text)


class Speaker(Protocol):
    def say(self, text: str) -> None: ...


def system_speaker() -> Speaker | None:
    """A Chinese voice if the PC has a speech engine; None (silent) when it has none."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:  # the module or its system libraries are missing
        return None
    if not QTextToSpeech.availableEngines():
        return None
    engine = QTextToSpeech()
    if engine.state() == QTextToSpeech.State.Error:
        return None
    from PySide6.QtCore import QLocale

    chinese = [loc for loc in engine.availableLocales() if loc.language() == QLocale.Chinese]
    if chinese:
        engine.setLocale(chinese[0])
    return engine  # type: ignore[return-value]


def announcement(call: HallCall) -> str:
    return tr("请 %s 号到 %s 号窗口办理") % (call.number, call.window_number)


class HallDisplay(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        speaker: Speaker | bool | None = True,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.speaker: Speaker | None = system_speaker() if speaker is True else speaker or None
        self.seen: set[tuple[str, datetime]] = set()
        self.first_poll = True
        self.calls: list[HallCall] = []
        self.setWindowTitle(tr("大厅叫号屏"))
        self.setObjectName("hall_display")
        self.setStyleSheet("#hall_display { background: #0b1f3a; } QLabel { color: #ffffff; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.heading = QLabel(tr("请以下号码到窗口办理"))
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.latest = QLabel("—")
        self.latest.setObjectName("hall_latest")
        self.latest.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.latest.setStyleSheet("color: #ffd54f;")
        self.earlier = QGridLayout()
        self.earlier_labels: list[tuple[QLabel, QLabel]] = []
        for i in range(EARLIER_LINES):
            number, window = QLabel(), QLabel()
            number.setObjectName(f"hall_number_{i}")
            window.setObjectName(f"hall_window_{i}")
            for label in (number, window):
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.earlier.addWidget(number, i // 2, (i % 2) * 2)
            self.earlier.addWidget(window, i // 2, (i % 2) * 2 + 1)
            self.earlier_labels.append((number, window))
        self.status = QLabel()
        self.status.setObjectName("hall_status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.latest, 2)
        layout.addLayout(self.earlier, 3)
        layout.addWidget(self.status)
        self.resize(1280, 720)
        self._scale_fonts()

        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.poll()

    # -- data --------------------------------------------------------------------------------
    def poll(self) -> None:
        ctx, actor = self.ctx, self.actor
        run_op(self, lambda: hall.hall_calls(ctx.uow(), actor), self.show_calls, self._failed)

    def show_calls(self, calls: list[HallCall]) -> None:
        self.calls = calls
        self.status.clear()
        if calls:
            first = calls[0]
            self.latest.setText(tr("%s  →  %s 号窗口") % (first.number, first.window_number))
        else:
            self.latest.setText(tr("请取号等候"))
        for i, (number, window) in enumerate(self.earlier_labels):
            call = calls[i + 1] if i + 1 < len(calls) else None
            number.setText(call.number if call else "")
            window.setText(tr("%s 号窗口") % call.window_number if call else "")
        fresh = [c for c in calls if (c.number, c.called_at) not in self.seen]
        self.seen = {(c.number, c.called_at) for c in calls}
        if self.first_poll:  # calls made before the display started are not read out again
            self.first_poll = False
            return
        for call in reversed(fresh):  # oldest first, as they were called
            self.announce(call)

    def announce(self, call: HallCall) -> None:
        if self.speaker is not None:
            self.speaker.say(announcement(call))

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if not isinstance(exc, DomainError):
            raise exc
        self.status.setText(exc.message)  # the next poll tries again

    # -- looks -------------------------------------------------------------------------------
    def _scale_fonts(self) -> None:
        height = max(self.height(), 300)

        def sized(label: QLabel, fraction: float, bold: bool = True) -> None:
            font = QFont(self.font())
            font.setPixelSize(max(12, int(height * fraction)))
            font.setBold(bold)
            label.setFont(font)

        sized(self.heading, 0.06)
        sized(self.latest, 0.16)
        for number, window in self.earlier_labels:
            sized(number, 0.08)
            sized(window, 0.06, bold=False)
        sized(self.status, 0.025, bold=False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_fonts()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)

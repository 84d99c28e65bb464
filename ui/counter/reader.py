"""读卡: the ID card reader at the applicant form. F4 reads at once; while the form is on
screen and a reader is configured on this PC, the reader is polled, so laying the card down is
enough. The read runs off the GUI thread; a card left on the reader fills the form once."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.idcard import NOT_CONFIGURED, IdCard, IdCardReader, ReaderError, ReaderNotConfigured
from ui.app_messages import translated
from ui.counter.labels import tr
from ui.local_settings import LocalSettings
from ui.ops import run_op

POLL_MS = 800
# Failures after which polling stops until the clerk presses F4 (nothing to retry by itself).
STOP_POLLING = frozenset({"setup", "port", "unplugged", "reader"})


class CardReading(QObject):
    def __init__(
        self,
        owner: QWidget,
        factory: Callable[[str, int], IdCardReader] | None,
        on_card: Callable[[IdCard], None],
        on_problem: Callable[[str], None],
        settings: LocalSettings | None = None,
    ) -> None:
        super().__init__(owner)
        self._owner = owner
        self._factory = factory
        self._on_card, self._on_problem = on_card, on_problem
        local = settings or LocalSettings.load()
        self.library, self.port = local.reader_library, local.reader_port
        self._reader: IdCardReader | None = None
        self._busy = False
        self._last_id: str | None = None  # the card lying on the reader, already used
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(lambda: self._read(manual=False))

    @property
    def configured(self) -> bool:
        return bool(self.library) and self._factory is not None

    def start_polling(self) -> None:
        if self.configured and not self.timer.isActive():
            self.timer.start()

    def stop_polling(self) -> None:
        self.timer.stop()

    def read_now(self) -> None:
        """F4: read whatever lies on the reader, even the card already used."""
        if not self.configured:
            self._on_problem(NOT_CONFIGURED)
            return
        self._last_id = None
        self._read(manual=True)
        self.start_polling()

    def _read(self, manual: bool) -> None:
        if self._busy:
            return
        self._busy = True
        run_op(
            self._owner,
            self._read_in_background,
            lambda card: self._done(card, manual),
            lambda exc: self._failed(exc, manual),
        )

    def _read_in_background(self) -> IdCard | None:
        if self._reader is None:
            assert self._factory is not None
            self._reader = self._factory(self.library, self.port)
        return self._reader.read()

    def _done(self, card: IdCard | None, manual: bool) -> None:
        self._busy = False
        if not shiboken6.isValid(self):
            return
        if card is None:
            self._last_id = None
            if manual:
                self._on_problem(tr("读卡器上没有证件：请把身份证放在读卡区"))
            return
        if card.id_number == self._last_id:
            return
        self._last_id = card.id_number
        self._on_card(card)

    def _failed(self, exc: BaseException, manual: bool) -> None:
        self._busy = False
        if not shiboken6.isValid(self):
            return
        if not isinstance(exc, ReaderError):
            raise exc
        if isinstance(exc, ReaderNotConfigured):
            self._reader = None  # the settings may be corrected; build it again next time
        if exc.kind in STOP_POLLING:
            self.stop_polling()
            self._on_problem(translated(exc.message) + tr("（修好后按 F4 重新读卡）"))
        elif manual:
            self._on_problem(translated(exc.message))

    def close(self) -> None:
        self.stop_polling()
        reader, self._reader = self._reader, None
        if reader is not None:
            run_op(None, reader.close, lambda _none: None, lambda _exc: None)

"""ItemFinder: type a code, part of a name or pinyin initials, pick the item with the keyboard.

Reusable wherever a clerk picks a service item (the counter's checklist, the admin page)::

    finder = ItemFinder(lambda text: catalog.search_items(ctx.uow(), text),
                        usual=lambda: catalog.usual_items(ctx.uow(), actor))
    finder.item_chosen.connect(open_checklist)   # gets the current version's id

With ``usual``, the empty box lists the window's usual items, so a township clerk who handles a
handful of items all day picks one with the arrow keys and Enter, without typing.

Searching runs off the GUI thread a moment after the last key; Up/Down move in the list,
Enter chooses (pressed before the results arrive, it takes the best hit when they do).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.catalog.records import ItemSummary
from ui.ops import run_op

VERSION_ROLE = Qt.ItemDataRole.UserRole


class ItemFinder(QWidget):
    item_chosen = Signal(int)  # the chosen item's current version id
    results_shown = Signal(int)  # how many hits the last search showed

    def __init__(
        self,
        search: Callable[[str], Sequence[ItemSummary]],
        parent: QWidget | None = None,
        delay_ms: int = 150,
        usual: Callable[[], Sequence[ItemSummary]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._usual = usual
        self._asked = 0  # serial of the last search started
        self._shown = 0  # serial of the last search whose results are on screen
        self._choose_when_shown = False
        self.edit = QLineEdit()
        self.edit.setObjectName("finder_edit")
        self.edit.setPlaceholderText(self.tr("输入事项名称、编码或拼音首字母（如 dbsq），回车选择"))
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("finder_results")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the line edit
        # A long item name wraps rather than hide its department and limit off to the right.
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.heading = QLabel(self.tr("本窗口常办事项（↑↓ 选择，回车办理）"))
        self.heading.setObjectName("finder_heading")
        self.heading.setStyleSheet("color: #555;")
        self.heading.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.search_now)
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        self.edit.installEventFilter(self)
        self.results.itemActivated.connect(lambda _item: self.choose())
        self.results.itemClicked.connect(lambda _item: self.edit.setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        layout.addWidget(self.heading)
        layout.addWidget(self.results, 1)
        self.setFocusProxy(self.edit)

    def clear(self) -> None:
        self.edit.clear()
        self.search_now()  # the usual items again, if any

    def current_version_id(self) -> int | None:
        item = self.results.currentItem()
        return int(item.data(VERSION_ROLE)) if item is not None else None

    # -- searching ------------------------------------------------------------------------
    def search_now(self) -> None:
        self._timer.stop()
        text = self.edit.text()
        self._asked += 1
        serial = self._asked
        if not text.strip() and self._usual is None:
            self._show(serial, [])
            return
        find = (lambda: self._search(text)) if text.strip() else self._usual
        assert find is not None
        run_op(
            self,
            find,
            lambda hits: self._show(serial, hits),
            lambda exc: self._failed(serial, exc),
        )

    def _show(self, serial: int, hits: Sequence[ItemSummary]) -> None:
        if not shiboken6.isValid(self) or serial != self._asked:
            return  # closed meanwhile, or an older search answering late
        self._shown = serial
        self.message.hide()
        self.heading.setVisible(bool(hits) and not self.edit.text().strip())
        self.results.clear()
        for hit in hits:
            limit = (
                self.tr("即办件")
                if hit.committed_days == 0
                else self.tr("承诺%s个工作日") % hit.committed_days
            )
            item = QListWidgetItem(f"{hit.code}　{hit.name}　（{hit.department}，{limit}）")
            item.setData(VERSION_ROLE, hit.version_id)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        self.results_shown.emit(len(hits))
        if self._choose_when_shown:
            self._choose_when_shown = False
            self.choose()

    def _failed(self, serial: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or serial != self._asked:
            return
        self._shown = serial
        self._choose_when_shown = False
        self.message.setText(self.tr("查询失败：%s") % exc)
        self.message.show()

    def showEvent(self, event: Any) -> None:
        if self._usual is not None and not self.edit.text().strip() and not self.results.count():
            self.search_now()
        super().showEvent(event)

    # -- keyboard -------------------------------------------------------------------------
    def choose(self) -> None:
        """Emit the highlighted item; if the list is not up to date with the text, do it as
        soon as it is."""
        # Nothing asked yet: Enter pressed the moment the box appeared, before its first list.
        unasked = self._asked == 0
        if self._timer.isActive() or self._shown != self._asked or unasked:
            self._choose_when_shown = True
            if self._timer.isActive() or unasked:
                self.search_now()
            return
        version_id = self.current_version_id()
        if version_id is not None:
            self.item_chosen.emit(version_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose()
                return True
        return super().eventFilter(watched, event)

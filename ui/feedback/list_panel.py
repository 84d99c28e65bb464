"""A filter row, a lazy table and its action buttons: the shape of every list on the rating and
complaint pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.feedback.labels import tr
from ui.lazy_model import LazyTableModel
from ui.ops import run_op


class ListPanel(QWidget):
    row_activated = Signal(object)  # the row's record, on double click or Enter

    def __init__(
        self,
        name: str,
        model: LazyTableModel[Any],
        filters: Sequence[QWidget] = (),
        buttons: Sequence[QPushButton] = (),
        samples: dict[int, str] | None = None,
        stretch: int | None = None,
        hint: str = "",
    ) -> None:
        super().__init__()
        self.model = model
        self.view = QTableView()
        self.view.setObjectName(name)
        self.view.setModel(model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from the rows: measuring rows would read them all.
        metrics = self.view.fontMetrics()
        for column, sample in (samples or {}).items():
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        self.view.doubleClicked.connect(lambda index: self._activated(index.row()))
        self.count_label = QLabel()
        self.count_label.setObjectName(f"{name}_count")
        top = QHBoxLayout()
        if hint:
            label = QLabel(hint)
            label.setWordWrap(True)
            top.addWidget(label, 1)
        else:
            top.addStretch(1)
        for widget in filters:
            top.addWidget(widget)
        for button in buttons:
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

    def selected(self) -> Any | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row())

    def _activated(self, position: int) -> None:
        row = self.model.row_at(position)
        if row is not None:
            self.row_activated.emit(row)

    def reload(self, query: Any, count: Callable[[], int] | None = None) -> None:
        """List again with this query (taken from the filters on the GUI thread); ``count``
        runs in the background and fills the count below the list."""
        self.model.reload(query)
        self.view.clearSelection()
        if count is None:
            self.count_label.clear()
            return
        run_op(self, count, lambda n: self.count_label.setText(tr("共 %s 条") % n))

"""The audit trail for supervisors: a lazy list that fetches one page at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.clock import hall_time
from app.records import AuditEventRecord

Index = QModelIndex | QPersistentModelIndex
PAGE = 200


class AuditModel(QAbstractTableModel):
    """Rows arrive page by page as the view scrolls (canFetchMore/fetchMore)."""

    def __init__(self, fetch_page: Callable[[int | None], list[AuditEventRecord]]) -> None:
        super().__init__()
        self._fetch_page = fetch_page
        self._rows: list[AuditEventRecord] = []
        self._exhausted = False
        self._headers = [
            self.tr("序号"),
            self.tr("时间"),
            self.tr("操作人"),
            self.tr("操作"),
            self.tr("对象"),
            self.tr("变更摘要"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        ev = self._rows[index.row()]
        return (
            ev.seq,
            hall_time(ev.at).strftime("%Y-%m-%d %H:%M:%S"),
            ev.actor_login or "-",
            ev.action,
            f"{ev.entity} {ev.entity_id}",
            ev.summary,
        )[index.column()]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        before = self._rows[-1].seq if self._rows else None
        page = self._fetch_page(before)
        if len(page) < PAGE:
            self._exhausted = True
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()


class AuditPage(QWidget):
    def __init__(self, fetch_page: Callable[[int | None], list[AuditEventRecord]]) -> None:
        super().__init__()
        self.model = AuditModel(fetch_page)
        self.view = QTableView()
        self.view.setObjectName("audit_table")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        for column, sample in (
            (1, "2026-12-31 23:59:59"),
            (3, "accountability_opened"),
            (4, "case QH-20261126-0000"),
        ):
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("审计日志（每条记录与上一条以哈希相连，任何修改、删除或调换都能被检出）")
            )
        )
        layout.addWidget(self.view)

    def showEvent(self, event: Any) -> None:
        self.model.reload()
        super().showEvent(event)

"""The case list: an id-only model. Ids arrive a page at a time (keyset paging in SQL); a row's
contents are fetched the first time it is painted, a block at a time, then cached."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.cases.queries import Page
from app.cases.records import CaseRow
from app.clock import hall_time
from ui.cases.labels import WARNING_COLORS, state_text, tr, warning_icon, warning_text

Index = QModelIndex | QPersistentModelIndex
ROW_BLOCK = 50
COLUMNS = ("warning", "number", "applicant", "item", "state", "due", "owner", "accepted")


class CaseListModel(QAbstractTableModel):
    def __init__(
        self,
        fetch_page: Callable[[tuple[Any, ...] | None], Page],
        fetch_rows: Callable[[Sequence[int]], list[CaseRow]],
    ) -> None:
        super().__init__()
        self._fetch_page = fetch_page
        self._fetch_rows = fetch_rows
        self._ids: list[int] = []
        self._rows: dict[int, CaseRow] = {}
        self._after: tuple[Any, ...] | None = None
        self._more = True
        self.rows_fetched = 0  # for tests: how many rows were ever read
        self._headers = [
            tr("预警"),
            tr("办件编号"),
            tr("申请人"),
            tr("事项"),
            tr("状态"),
            tr("承诺办结日"),
            tr("负责人"),
            tr("受理时间"),
        ]

    # -- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        page = self._fetch_page(self._after)
        self._after, self._more = page.next_after, page.next_after is not None
        if page.ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(page.ids) - 1)
            self._ids.extend(page.ids)
            self.endInsertRows()

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "warning":
            return warning_icon(row.warning)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colors = WARNING_COLORS.get(row.warning)  # type: ignore[arg-type]
            if colors:
                return QBrush(QColor(colors[0 if role == Qt.ItemDataRole.ForegroundRole else 1]))
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    # -- helpers -------------------------------------------------------------------------------
    def row_at(self, position: int) -> CaseRow:
        case_id = self._ids[position]
        if case_id not in self._rows:
            start = position - position % ROW_BLOCK
            block = self._ids[start : start + ROW_BLOCK]
            for row in self._fetch_rows(block):
                self._rows[row.id] = row
            self.rows_fetched += len(block)
        return self._rows[case_id]

    def case_id(self, position: int) -> int:
        return self._ids[position]

    def item_id(self, position: int) -> int:  # the work list's name for it
        return self._ids[position]

    def position_of(self, case_id: int) -> int | None:
        try:
            return self._ids.index(case_id)
        except ValueError:
            return None

    def reload(self) -> None:
        self.beginResetModel()
        self._ids, self._rows, self._after, self._more = [], {}, None, True
        self.endResetModel()

    @staticmethod
    def _display(row: CaseRow, column: str) -> str:
        if column == "warning":
            return warning_text(row.warning)
        if column == "number":
            return row.number + (tr("（代办）") if row.is_agency else "")
        if column == "applicant":
            return row.applicant_name
        if column == "item":
            return row.item_name
        if column == "state":
            return state_text(row.state)
        if column == "due":
            if row.due_date is None:
                return tr("计时中止")
            return f"{row.due_date:%Y-%m-%d}" + (tr("（暂定）") if row.due_provisional else "")
        if column == "owner":
            return row.owner_name
        return hall_time(row.accepted_at).strftime("%Y-%m-%d %H:%M")

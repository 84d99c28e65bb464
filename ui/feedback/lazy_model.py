"""An id-only table model for the rating, rectification, appeal and complaint lists, as the case
list does it: ids arrive a page at a time, a row's contents are fetched the first time it is
painted, a block at a time, then cached."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex
ROW_BLOCK = 50


class HasId(Protocol):
    @property
    def id(self) -> int: ...


class PageLike(Protocol):
    ids: list[int]
    next_after: tuple[Any, ...] | None


Row = TypeVar("Row", bound=HasId)


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    text: Callable[[Row], str]


class LazyRowModel(QAbstractTableModel, Generic[Row]):
    def __init__(
        self,
        columns: Sequence[Column[Row]],
        fetch_page: Callable[[tuple[Any, ...] | None], PageLike],
        fetch_rows: Callable[[Sequence[int]], Sequence[Row]],
        colors: Callable[[Row], tuple[str, str] | None] = lambda _row: None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self._fetch_page = fetch_page
        self._fetch_rows = fetch_rows
        self._colors = colors
        self._ids: list[int] = []
        self._rows: dict[int, Row] = {}
        self._after: tuple[Any, ...] | None = None
        self._more = True
        self.rows_fetched = 0  # for tests: how many rows were ever read

    # -- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
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
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[index.column()].text(row)  # the tip shows text cut short
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colors = self._colors(row)
            if colors:
                return QBrush(QColor(colors[0 if role == Qt.ItemDataRole.ForegroundRole else 1]))
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    # -- helpers -------------------------------------------------------------------------------
    def row_at(self, position: int) -> Row | None:
        """The row's record; None if it is gone from view (a clerk's list, say)."""
        row_id = self._ids[position]
        if row_id not in self._rows:
            start = position - position % ROW_BLOCK
            block = self._ids[start : start + ROW_BLOCK]
            for row in self._fetch_rows(block):
                self._rows[row.id] = row
            self.rows_fetched += len(block)
        return self._rows.get(row_id)

    def reload(self) -> None:
        self.beginResetModel()
        self._ids, self._rows, self._after, self._more = [], {}, None, True
        self.endResetModel()

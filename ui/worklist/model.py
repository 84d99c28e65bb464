"""An id-only list model whose pages and rows arrive off the GUI thread.

Like ``ui.cases.model.CaseListModel``, it holds the ids of the rows, a page at a time (keyset
paging in SQL), and fetches a row's contents the first time it is painted, a block at a time.
Unlike it, both fetches run through ``ui.ops.run_op``: the view paints at once and the rows fill
in when they arrive, so a slow database never freezes the work list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from app.cases.queries import Page
from ui.ops import run_op

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
ROW_BLOCK = 50


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    colors: Callable[[R], tuple[str, str] | None] = lambda _row: None  # (text, background)


class LazyListModel(QAbstractTableModel, Generic[R]):
    page_loaded = Signal(int)  # how many ids the list holds now
    rows_loaded = Signal()

    def __init__(
        self,
        owner: QWidget,
        columns: Sequence[Column[R]],
        fetch_page: Callable[[tuple[Any, ...] | None], Page],
        fetch_rows: Callable[[Sequence[int]], Sequence[R]],
        row_id: Callable[[R], int],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__()
        self._owner = owner
        self._on_error = on_error
        self._columns = list(columns)
        self._fetch_page = fetch_page
        self._fetch_rows = fetch_rows
        self._row_id = row_id
        self._ids: list[int] = []
        self._rows: dict[int, R] = {}
        self._after: tuple[Any, ...] | None = None
        self._more = False  # nothing is asked for before the first reload()
        self._loading = False
        self._asked: set[int] = set()  # block starts whose rows were asked for
        self._generation = 0  # answers to a list since reloaded are dropped
        self.rows_fetched = 0  # for tests: how many rows were ever read

    # -- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._loading:
            return
        self._loading = True
        generation, after = self._generation, self._after
        run_op(
            self._owner,
            lambda: self._fetch_page(after),
            lambda page: self._page_arrived(generation, page),
            lambda exc: self._failed(generation, exc),
        )

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colors = self._columns[0].colors(row)
            if colors:
                return QBrush(QColor(colors[0 if role == Qt.ItemDataRole.ForegroundRole else 1]))
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        return None

    # -- helpers -------------------------------------------------------------------------------
    def row_at(self, position: int) -> R | None:
        """The row if it has arrived; else ask for its block and return None for now."""
        item_id = self._ids[position]
        row = self._rows.get(item_id)
        if row is None:
            self._ask_block(position - position % ROW_BLOCK)
        return row

    def item_id(self, position: int) -> int:
        return self._ids[position]

    def position_of(self, item_id: int) -> int | None:
        """Where an id is in the loaded part of the list (None: not loaded, or gone)."""
        try:
            return self._ids.index(item_id)
        except ValueError:
            return None

    def cached(self) -> list[R]:
        """The rows that have arrived, in list order (for tests and the search)."""
        return [self._rows[i] for i in self._ids if i in self._rows]

    def reload(self) -> None:
        self.beginResetModel()
        self._ids, self._rows, self._after = [], {}, None
        self._more, self._loading, self._asked = True, False, set()
        self._generation += 1
        self.endResetModel()
        self.fetchMore()

    def _ask_block(self, start: int) -> None:
        if start in self._asked:
            return
        self._asked.add(start)
        block = self._ids[start : start + ROW_BLOCK]
        generation = self._generation
        run_op(
            self._owner,
            lambda: self._fetch_rows(block),
            lambda rows: self._rows_arrived(generation, start, len(block), rows),
            lambda exc: self._failed(generation, exc),
        )

    def _page_arrived(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._after, self._more = page.next_after, page.next_after is not None
        if page.ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(page.ids) - 1)
            self._ids.extend(page.ids)
            self.endInsertRows()
        self.page_loaded.emit(len(self._ids))

    def _rows_arrived(self, generation: int, start: int, count: int, rows: Sequence[R]) -> None:
        if generation != self._generation:
            return
        for row in rows:
            self._rows[self._row_id(row)] = row
        self.rows_fetched += count
        last = min(start + count, len(self._ids)) - 1
        if last >= start:
            self.dataChanged.emit(self.index(start, 0), self.index(last, len(self._columns) - 1))
        self.rows_loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._more = False  # a failing database is not asked again until a reload
        if self._on_error is None:
            raise exc
        self._on_error(exc)

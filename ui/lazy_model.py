"""The one lazy list model: every list that pages data from a service is one of these.

Like Anki's browser table it holds the ids of the rows, a page at a time (keyset paging in SQL,
done by the service), and reads a row's contents the first time it is painted, a block at a
time. Both reads run through ``ui.ops.run_op``: the view paints at once, shows "…" where a row
has not arrived yet, and the rows fill in when they do, so a slow database never freezes a list.

A list supplies its columns (header, text, optional icon), its row colors, and two service
calls: ``fetch_page(query, after)`` for the next page of ids and ``fetch_rows(ids)`` for their
contents. The query (the list's filter, taken from the widgets on the GUI thread) is handed over
in ``reload(query)``; a background function never reads a widget. A list whose service returns
whole rows a page at a time (the audit trail) returns a ``RowPage`` and no ``fetch_rows``.

An answer for a list that was reloaded since it was asked for (the filter changed, F5, the
two-minute tick) is dropped: a generation number goes with every request.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QWidget

from app.storage import StorageProblem
from ui.ops import run_op, show_storage_problem

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
After = tuple[Any, ...] | None
Colors = tuple[str, str]  # (text, background)
ROW_BLOCK = 50


class PageOfIds(Protocol):
    """What a service's ``page_*_ids`` returns."""

    @property
    def ids(self) -> Sequence[int]: ...

    @property
    def next_after(self) -> After: ...


@dataclass(frozen=True)
class RowPage(Generic[R]):
    """A page that brings its rows along, for a service that reads whole rows a page at a time."""

    rows: Sequence[R]
    next_after: After


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    icon: Callable[[R], QIcon | None] | None = None


class LazyTableModel(QAbstractTableModel, Generic[R]):
    page_loaded = Signal(int)  # how many ids the list holds now
    rows_loaded = Signal()

    def __init__(
        self,
        owner: QWidget,
        columns: Sequence[Column[R]],
        fetch_page: Callable[[Any, After], PageOfIds | RowPage[R]],
        fetch_rows: Callable[[Sequence[int]], Sequence[R]] | None,
        row_id: Callable[[R], int],
        *,
        colors: Callable[[R], Colors | None] = lambda _row: None,
        tips: bool = False,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``owner``: the widget whose going away cancels the answers. ``tips``: the cell's
        text as its tool tip too (for columns that cut long text short). ``on_error``: where a
        failed read is reported; without it a storage fault is shown in a message box."""
        super().__init__()
        self._owner = owner
        self._columns = list(columns)
        self._fetch_page = fetch_page
        self._fetch_rows = fetch_rows
        self._row_id = row_id
        self._colors = colors
        self._tips = tips
        self._on_error = on_error
        self._query: Any = None
        self._ids: list[int] = []
        self._rows: dict[int, R] = {}
        self._after: After = None
        self._more = False  # nothing is asked for before the first reload()
        self._loading = False
        self._asked: set[int] = set()  # block starts whose rows were asked for
        self._received: set[int] = set()  # block starts whose rows arrived
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
        if not self.canFetchMore(parent):
            return
        self._loading = True
        fetch, query, after = self._fetch_page, self._query, self._after
        generation = self._generation
        run_op(
            self._owner,
            lambda: fetch(query, after),
            lambda page: self._page_arrived(generation, page),
            lambda exc: self._failed(generation, exc),
        )

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        position = index.row()
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[position]
        row = self.row_at(position)
        if row is None:
            waiting = role == Qt.ItemDataRole.DisplayRole and index.column() == 0
            return "…" if waiting and not self._gone(position) else None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole or (
            self._tips and role == Qt.ItemDataRole.ToolTipRole  # text cut short, shown whole
        ):
            return column.text(row)
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(row)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colors = self._colors(row)
            if colors:
                return QBrush(QColor(colors[0 if role == Qt.ItemDataRole.ForegroundRole else 1]))
        return None

    # -- for the pages -------------------------------------------------------------------------
    def reload(self, query: Any = None) -> None:
        """Empty the list and ask for its first page, with this query (the filter as the page's
        widgets show it now). Answers still on their way for the list before are dropped."""
        self.beginResetModel()
        self._query = query
        self._ids, self._rows, self._after = [], {}, None
        self._more, self._loading = True, False
        self._asked, self._received = set(), set()
        self._generation += 1
        self.endResetModel()
        self.fetchMore()

    @property
    def query(self) -> Any:
        return self._query

    @property
    def loading(self) -> bool:
        """A page is on its way."""
        return self._loading

    def row_at(self, position: int) -> R | None:
        """The row if it has arrived; else ask for its block and return None for now (also
        None for a row gone from view since its id was listed)."""
        item_id = self._ids[position]
        row = self._rows.get(item_id)
        if row is None and self._fetch_rows is not None:
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

    # -- answers -------------------------------------------------------------------------------
    def _gone(self, position: int) -> bool:
        return self._fetch_rows is None or position - position % ROW_BLOCK in self._received

    def _ask_block(self, start: int) -> None:
        if start in self._asked:
            return
        self._asked.add(start)
        assert self._fetch_rows is not None
        fetch, block = self._fetch_rows, self._ids[start : start + ROW_BLOCK]
        generation = self._generation
        run_op(
            self._owner,
            lambda: fetch(block),
            lambda rows: self._rows_arrived(generation, start, len(block), rows),
            lambda exc: self._failed(generation, exc),
        )

    def _page_arrived(self, generation: int, page: PageOfIds | RowPage[R]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._after, self._more = page.next_after, page.next_after is not None
        if isinstance(page, RowPage):
            ids = [self._row_id(row) for row in page.rows]
            self._rows.update(zip(ids, page.rows, strict=True))
            self.rows_fetched += len(ids)
        else:
            ids = list(page.ids)
        if ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
            self._ids.extend(ids)
            self.endInsertRows()
        self.page_loaded.emit(len(self._ids))

    def _rows_arrived(self, generation: int, start: int, count: int, rows: Sequence[R]) -> None:
        if generation != self._generation:
            return
        for row in rows:
            self._rows[self._row_id(row)] = row
        self._received.add(start)
        self.rows_fetched += count
        last = min(start + count, len(self._ids)) - 1
        if last >= start:
            self.dataChanged.emit(self.index(start, 0), self.index(last, len(self._columns) - 1))
        self.rows_loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return  # the list was reloaded meanwhile: that read no longer matters
        self._loading = False
        self._more = False  # a failing database is not asked again until a reload
        if self._on_error is not None:
            self._on_error(exc)
        elif isinstance(exc, StorageProblem):
            show_storage_problem(self._owner, exc)
        else:
            raise exc

"""The one lazy list model (ui/lazy_model.py) on a fake service: its reads run in the thread
pool, never on the GUI thread; an answer for a list reloaded meanwhile is dropped; rows that
went away show as blanks; a failing read is reported once and not repeated."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget

from app.storage import StorageFault, StorageProblem
from ui.lazy_model import ROW_BLOCK, Column, LazyTableModel, RowPage
from ui.ops import live_relays


@dataclass(frozen=True)
class Row:
    id: int
    kind: str
    name: str


@dataclass(frozen=True)
class Page:
    ids: list[int]
    next_after: tuple[Any, ...] | None


class FakeService:
    """Rows of two kinds; pages of ``size`` ids after a keyset cursor. It records the thread
    each read ran on, and a read can be held until the test lets it go."""

    def __init__(self, rows: int = 130, size: int = 100) -> None:
        self.rows = {i: Row(i, "odd" if i % 2 else "even", f"名{i}") for i in range(1, rows + 1)}
        self.size = size
        self.threads: list[threading.Thread] = []
        self.pages: list[tuple[Any, Any]] = []
        self.hold: threading.Event | None = None
        self.gone: set[int] = set()

    def page(self, kind: str | None, after: tuple[Any, ...] | None) -> Page:
        self.threads.append(threading.current_thread())
        self.pages.append((kind, after))
        if self.hold is not None:
            self.hold.wait()
        start = after[0] if after else 0
        ids = [i for i in sorted(self.rows) if i > start and kind in (None, self.rows[i].kind)]
        chunk = ids[: self.size]
        more = len(ids) > self.size
        return Page(chunk, (chunk[-1],) if more else None)

    def fetch_rows(self, ids: Sequence[int]) -> list[Row]:
        self.threads.append(threading.current_thread())
        return [self.rows[i] for i in ids if i not in self.gone]


def make_model(qtbot: Any, service: FakeService, **options: Any) -> LazyTableModel[Row]:
    owner = QWidget()
    qtbot.addWidget(owner)
    return LazyTableModel(
        owner,
        [Column("编号", lambda r: str(r.id)), Column("姓名", lambda r: r.name)],
        service.page,
        service.fetch_rows,
        lambda r: r.id,
        colors=lambda r: ("#b71c1c", "#fde0e0") if r.kind == "odd" else None,
        **options,
    )


def every_page(qtbot: Any, model: LazyTableModel[Any]) -> None:
    """Ask for pages until the list is complete (the model tester may ask for some itself)."""

    def complete() -> bool:
        model.fetchMore()
        return not model.loading and not model.canFetchMore()

    qtbot.waitUntil(complete)


def all_rows(qtbot: Any, model: LazyTableModel[Row]) -> list[Row]:
    for position in range(model.rowCount()):
        model.row_at(position)
    qtbot.waitUntil(lambda: len(model.cached()) == model.rowCount())
    return model.cached()


def test_pages_and_rows_are_read_off_the_gui_thread(qtbot: Any) -> None:
    service = FakeService()
    model = make_model(qtbot, service)
    assert model.rowCount() == 0 and not model.canFetchMore() and service.pages == []
    model.reload(None)
    assert model.rowCount() == 0  # the page is on its way; the GUI did not wait for it
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    assert model.index(0, 0).data() == "…"  # asked for, not yet arrived
    qtbot.waitUntil(lambda: model.index(0, 1).data() == "名1")
    assert model.rows_fetched == ROW_BLOCK  # one block, not the page
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fde0e0"
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(1, 0).data(Qt.ItemDataRole.UserRole) == 2
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) is None  # no tips asked for
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 130)
    assert not model.canFetchMore()
    assert [r.id for r in all_rows(qtbot, model)] == list(range(1, 131))
    gui = threading.main_thread()
    assert service.threads and all(thread is not gui for thread in service.threads)
    qtbot.waitUntil(lambda: live_relays() == 0)


def test_the_model_passes_the_model_tester_while_it_fills(qtbot: Any, qtmodeltester: Any) -> None:
    service = FakeService(rows=260)
    model = make_model(qtbot, service, tips=True)
    qtmodeltester.check(model)  # stays connected: every insert, change and reset is checked
    model.reload("odd")
    every_page(qtbot, model)
    assert len(all_rows(qtbot, model)) == 130
    model.reload(None)
    every_page(qtbot, model)
    assert len(all_rows(qtbot, model)) == 260


def test_a_page_for_the_filter_before_is_dropped(qtbot: Any, qtmodeltester: Any) -> None:
    service = FakeService(rows=40)
    model = make_model(qtbot, service)
    qtmodeltester.check(model)
    service.hold = threading.Event()
    model.reload("odd")
    qtbot.waitUntil(lambda: service.pages == [("odd", None)])  # the read has started
    model.reload("even")  # the clerk changed the filter while it ran
    assert model.query == "even"
    service.hold.set()
    qtbot.waitUntil(lambda: len(service.pages) == 2 and model.rowCount() > 0)
    qtbot.waitUntil(lambda: live_relays() == 0)  # the stale answer has come back too
    assert model.rowCount() == 20 and not model.loading
    assert {r.kind for r in all_rows(qtbot, model)} == {"even"}


def test_rows_asked_for_a_list_since_reloaded_are_dropped(qtbot: Any) -> None:
    service = FakeService(rows=10)
    model = make_model(qtbot, service)
    model.reload("odd")
    qtbot.waitUntil(lambda: model.rowCount() == 5)
    model.row_at(0)  # asks for the odd rows' block...
    model.reload("even")  # ...and the list changes before they are back
    qtbot.waitUntil(lambda: model.rowCount() == 5 and live_relays() == 0)
    assert model.cached() == []  # the odd rows did not land in the even list
    assert {r.kind for r in all_rows(qtbot, model)} == {"even"}


def test_the_list_is_emptied_and_read_again_on_refresh(qtbot: Any) -> None:
    service = FakeService(rows=3)
    model = make_model(qtbot, service, tips=True)
    model.reload(None)
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert all_rows(qtbot, model)[2].name == "名3"
    service.rows[3] = Row(3, "odd", "改名")
    service.rows[4] = Row(4, "even", "名4")
    with qtbot.waitSignal(model.modelReset):
        model.reload(None)
    assert model.rowCount() == 0
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    assert [r.name for r in all_rows(qtbot, model)][2:] == ["改名", "名4"]
    assert model.index(3, 1).data(Qt.ItemDataRole.ToolTipRole) == "名4"


def test_a_row_gone_since_it_was_listed_shows_blank(qtbot: Any) -> None:
    service = FakeService(rows=3)
    model = make_model(qtbot, service)
    model.reload(None)
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    service.gone = {2}  # a clerk's row went out of view
    model.row_at(0)
    qtbot.waitUntil(lambda: model.row_at(0) is not None)
    assert model.row_at(1) is None and model.index(1, 0).data() is None
    assert model.index(1, 0).data(Qt.ItemDataRole.UserRole) == 2


def test_a_view_asks_for_the_next_page_as_it_scrolls(qtbot: Any) -> None:
    service = FakeService(rows=450, size=100)
    model = make_model(qtbot, service)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 200)
    view.show()
    model.reload(None)
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    qtbot.waitUntil(lambda: model.index(0, 1).data() == "名1")  # painting asked for the rows
    assert len(service.pages) == 1
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() >= 200)


def test_whole_rows_a_page_at_a_time(qtbot: Any, qtmodeltester: Any) -> None:
    rows = [Row(i, "odd", f"名{i}") for i in range(1, 6)]
    owner = QWidget()
    qtbot.addWidget(owner)

    def page(_query: Any, after: tuple[Any, ...] | None) -> RowPage[Row]:
        start = after[0] if after else 0
        chunk = [r for r in rows if r.id > start][:2]
        return RowPage(chunk, (chunk[-1].id,) if len(chunk) == 2 else None)

    model: LazyTableModel[Row] = LazyTableModel(
        owner, [Column("姓名", lambda r: r.name)], page, None, lambda r: r.id
    )
    qtmodeltester.check(model)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() >= 2)
    assert model.index(1, 0).data() == "名2"  # no second read for the rows
    every_page(qtbot, model)
    assert [model.index(i, 0).data() for i in range(model.rowCount())] == [
        f"名{i}" for i in range(1, 6)
    ]


def test_a_failed_read_is_reported_and_not_repeated(qtbot: Any) -> None:
    failures: list[BaseException] = []
    calls: list[object] = []

    def broken(_query: Any, after: Any) -> Page:
        calls.append(after)
        raise StorageProblem(StorageFault.CORRUPT)

    owner = QWidget()
    qtbot.addWidget(owner)
    model: LazyTableModel[Row] = LazyTableModel(
        owner,
        [Column("姓名", lambda r: r.name)],
        broken,
        None,
        lambda r: r.id,
        on_error=failures.append,
    )
    model.reload()
    qtbot.waitUntil(lambda: len(failures) == 1)
    assert isinstance(failures[0], StorageProblem)
    assert not model.canFetchMore() and not model.loading and model.rowCount() == 0
    model.fetchMore()
    assert calls == [None]
    model.reload()  # F5 tries again
    qtbot.waitUntil(lambda: len(failures) == 2)


def test_answers_for_a_closed_list_go_nowhere(qtbot: Any) -> None:
    service = FakeService(rows=5)
    owner = QWidget()
    model: LazyTableModel[Row] = LazyTableModel(
        owner,
        [Column("姓名", lambda r: r.name)],
        service.page,
        service.fetch_rows,
        lambda r: r.id,
    )
    service.hold = threading.Event()
    model.reload(None)
    qtbot.waitUntil(lambda: len(service.pages) == 1)
    owner.deleteLater()  # the page closes while its list is read
    qtbot.waitUntil(lambda: not _alive(owner))
    service.hold.set()
    qtbot.waitUntil(lambda: live_relays() == 0)
    assert model.rowCount() == 0


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


@pytest.fixture(autouse=True)
def _no_work_left(qtbot: Any) -> Any:
    yield
    qtbot.waitUntil(lambda: live_relays() == 0)

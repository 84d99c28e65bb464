"""Every page on a 1024×768 screen, the counter on a 1366×768 one, and the window's size and
place kept on this PC (issue 17.3). The fonts are the program's own, at its size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from app import sites
from app.auth import login
from app.catalog.service import search_items
from app.context import AppContext
from ui.counter import CounterPage
from ui.counter.labels import MISSING, RECEIVED
from ui.fonts import apply_default_font
from ui.mainwindow import MainWindow
from ui.ops import wait_for_ops

# What a 768-pixel-high screen leaves the window: a taskbar and the window's title bar.
TASKBAR, TITLE_BAR = 40, 30
PASSWORDS = {"admin": "admin-2026"}


@pytest.fixture
def program_font(qapp: QApplication) -> Iterator[None]:
    saved = QFont(qapp.font())
    apply_default_font(qapp, point_size=11)  # as ui.app starts the program
    yield
    qapp.setFont(saved)


def open_main(qtbot, ctx: AppContext, user: str, size: tuple[int, int]) -> MainWindow:  # type: ignore[no-untyped-def]
    actor = login(ctx.uow(), user, PASSWORDS.get(user, "demo-2026"))
    window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
    qtbot.addWidget(window)
    width, height = size
    window.setWindowState(Qt.WindowState.WindowNoState)  # the offscreen screen is smaller
    window.resize(width, height - TASKBAR - TITLE_BAR)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window


def settle() -> None:
    """Lists that load off the GUI thread filled in, layouts done."""
    for _ in range(4):
        wait_for_ops(10_000)
        QApplication.processEvents()


def in_window(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def outside(window: MainWindow, page: QWidget) -> list[str]:
    """The page's visible buttons that do not lie wholly inside the window's work area."""
    area = in_window(window, window.centralWidget())
    return [
        f"{b.objectName() or b.text()} at {in_window(window, b).getRect()}"
        for b in page.findChildren(QAbstractButton)
        if b.isVisible() and not area.contains(in_window(window, b))
    ]


@pytest.mark.parametrize("user", ["zhangwei", "sunli", "admin"])
def test_every_page_fits_a_1024x768_screen(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, program_font: None, user: str
) -> None:
    window = open_main(qtbot, sqlite_demo_ctx, user, (1024, 768))
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert least.width() <= 1024 and least.height() <= 768 - TASKBAR - TITLE_BAR
    assert window.width() == 1024
    for key in window.pages:
        window.show_page(key)
        settle()
        page = window.page(key)
        assert page.isVisible()
        assert outside(window, page) == [], key


def load_item(qtbot, window: MainWindow, ctx: AppContext, query: str) -> CounterPage:  # type: ignore[no-untyped-def]
    window.show_page("counter")
    page = window.page("counter")
    assert isinstance(page, CounterPage)
    version_id = search_items(ctx.uow(), query)[0].version_id
    with qtbot.waitSignal(page.item_loaded, timeout=10_000):
        page.open_item(version_id)
    settle()
    return page


def whole_rows(page: CounterPage) -> int:
    table = page.checklist.materials
    height = table.viewport().height()
    return sum(
        1
        for row in range(table.rowCount())
        if table.rowViewportPosition(row) >= 0
        and table.rowViewportPosition(row) + table.rowHeight(row) <= height
    )


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_the_counters_buttons_and_materials_fit(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, program_font: None, size: tuple[int, int]
) -> None:
    ctx = sqlite_demo_ctx
    window = open_main(qtbot, ctx, "zhangwei", size)
    page = load_item(qtbot, window, ctx, "dbsq")  # 最低生活保障申请: nine materials
    table = page.checklist.materials
    assert table.rowCount() >= 8
    # Everything missing: the notice's date and button show; all deferrable: the deferral box.
    outcomes = page.checklist.outcomes
    assert outcomes.notice_button.isVisible() and outcomes.supply_by.isVisible()
    assert outside(window, page) == []
    assert whole_rows(page) >= (4 if size[0] == 1024 else 6)
    # Complete: the accept button, still inside, and as many rows.
    table.mark_all(MISSING, RECEIVED)
    settle()
    assert outcomes.accept_button.isEnabled() and outside(window, page) == []
    # A deferral box open (its date and the applicant's commitment) pushes nothing out.
    table.set_state(1, MISSING)
    page.checklist.offer_deferral()
    settle()
    if outcomes.deferred_box.isVisible():
        assert outside(window, page) == []
        assert whole_rows(page) >= 2


def test_the_windows_size_and_place_are_kept_on_this_pc(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    first = open_main(qtbot, ctx, "zhangwei", (1024, 768))
    room = first.screen().availableGeometry()
    least = first.minimumSizeHint().expandedTo(first.minimumSize())
    # A place and size of the clerk's own that the (offscreen) screen has room for.
    wanted = QRect(room.left() + 7, room.top() + 41, least.width() + 5, least.height() + 9)
    assert room.contains(wanted)
    first.setGeometry(wanted)
    settle()
    assert first.geometry() == wanted
    first.close()  # on this PC's settings
    second = MainWindow(ctx, first.actor, first.post)  # as the program builds it: not resized
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.geometry() == wanted


def test_without_a_kept_place_the_window_fits_the_screen(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    from ui.local_settings import open_settings

    settings = open_settings()
    settings.remove("windows")
    settings.sync()
    ctx = sqlite_demo_ctx
    actor = login(ctx.uow(), "zhangwei", "demo-2026")
    window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    room = window.screen().availableGeometry()
    # The offscreen screen is smaller than the preferred size: the window takes all of it.
    assert window.isMaximized() and room.contains(window.frameGeometry())

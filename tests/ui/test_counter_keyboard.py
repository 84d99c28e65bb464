"""The counter driven from the main window with the keyboard only (issue 17)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest

from app import sites
from app.auth import login
from app.context import AppContext
from ui.mainwindow import MainWindow


def open_main(qtbot, ctx: AppContext, user: str = "zhangwei") -> MainWindow:  # type: ignore[no-untyped-def]
    actor = login(ctx.uow(), user, "demo-2026")
    window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_view_menu_and_ctrl_digits_switch_pages(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = open_main(qtbot, sqlite_demo_ctx)
    keys = list(window.pages)
    for i, key in enumerate(keys):
        action = window.findChild(QAction, f"view_{key}")
        assert action is not None and action.shortcut().toString() == f"Ctrl+{i + 1}"
    # Backwards, so every switch is a change; by the shortcut, as a clerk would.
    for i in reversed(range(len(keys))):
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        assert window.nav.currentRow() == i and window.stack.currentIndex() == i
    # And from the menu itself (triggered hands the slot its checked flag).
    window.findChild(QAction, f"view_{keys[-1]}").trigger()
    assert window.nav.currentRow() == len(keys) - 1

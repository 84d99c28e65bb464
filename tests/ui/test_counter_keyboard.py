"""The counter driven from the main window with the keyboard only (issue 17)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import sites
from app.auth import login
from app.cases.records import AcceptRequest, ApplicantInput
from app.cases.service import accept_case
from app.catalog.records import ItemVersionRecord, Necessity
from app.context import AppContext
from tests.helpers.catalog import make_item, resident_id
from ui.counter import CounterPage
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


def accept_one(ctx: AppContext, item: ItemVersionRecord, user: str = "zhangwei") -> None:
    """A case of the item accepted at the clerk's window: it becomes a usual item there."""
    actor = login(ctx.uow(), user, "demo-2026")
    required = frozenset(m.id for m in item.materials if m.necessity is not Necessity.OPTIONAL)
    request = AcceptRequest(
        item_version_id=item.id,
        applicant=ApplicantInput(name="李四", id_number=resident_id(), phone="13900001111"),
        received_material_ids=required,
        window_number=sites.describe_post(ctx.uow(), actor).window_number,
    )
    accept_case(ctx.uow(), actor, request)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the keyboard sends it: to whatever has the focus."""
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, key, modifier)


def type_text(text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClicks(target, text)


def click_nav(window: MainWindow, key: str) -> None:
    row = list(window.pages).index(key)
    rect = window.nav.visualItemRect(window.nav.item(row))
    QTest.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_enter_after_clicking_the_counter_opens_the_usual_checklist(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    accept_one(ctx, item)
    window = open_main(qtbot, ctx)
    click_nav(window, "counter")
    page = window.page("counter")
    assert isinstance(page, CounterPage) and window.current_page() == "counter"
    assert QApplication.focusWidget() is page.finder.edit
    with qtbot.waitSignal(page.item_loaded, timeout=10_000) as loaded:
        press(Qt.Key.Key_Return)  # before or after the usual list arrives: the same
    assert loaded.args == [item.id]


def test_counter_keys_work_from_anywhere_in_the_window(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    window = open_main(qtbot, ctx)
    page = window.page("counter")
    assert isinstance(page, CounterPage)
    # On the counter with the side bar focused (reached with the keyboard): Ctrl+F, then type.
    window.show_page("counter", focus=False)
    window.nav.setFocus()
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(item.code.lower())
    assert page.finder.edit.text() == item.code.lower()
    with qtbot.waitSignal(page.item_loaded, timeout=10_000):
        press(Qt.Key.Key_Return)
    # From another page: Ctrl+G goes to the counter's notice search, letters and all.
    window.show_page("cases")
    window.nav.setFocus()
    press(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "counter"
    type_text("QH-G")
    assert page.notice_search.text() == "QH-G" and page.notice_search.hasFocus()
    # Ctrl+F again, from the cases page: the finder, its old text selected and replaced.
    window.show_page("cases")
    page.finder.edit.setText("old")
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text("dbsq")
    assert window.current_page() == "counter" and page.finder.edit.text() == "dbsq"
    # Ctrl+P with nothing issued yet: said so, nothing opens.
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "还没有" in window.statusBar().currentMessage() and page.preview is None


def test_ctrl_f_on_the_work_list_is_its_own_search(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = open_main(qtbot, sqlite_demo_ctx)
    assert window.current_page() == "worklist"
    worklist = window.page("worklist")
    window.nav.setFocus()
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "worklist" and worklist.search.hasFocus()
    # With the focus inside the page too (its own shortcut must not make the key ambiguous).
    worklist.search.clearFocus()
    worklist.setFocus()
    window.focusNextChild()
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert worklist.search.hasFocus()


def test_a_page_shown_again_gets_back_its_field(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = open_main(qtbot, sqlite_demo_ctx)
    click_nav(window, "counter")
    page = window.page("counter")
    phone = page.checklist.applicant.fields["phone"]
    qtbot.waitUntil(phone.isVisible)
    phone.setFocus()
    assert phone.hasFocus()
    click_nav(window, "cases")
    click_nav(window, "counter")
    assert phone.hasFocus()

"""The counter driven from the main window with the keyboard only (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from app import sites
from app.auth import login
from app.cases.records import AcceptRequest, ApplicantInput
from app.cases.service import accept_case
from app.catalog.records import ItemVersionRecord, Necessity
from app.context import AppContext
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.printing import pdfium_text
from ui.counter import CounterPage
from ui.counter.labels import DEFERRED, MISSING, NOT_APPLICABLE, RECEIVED
from ui.mainwindow import MainWindow
from ui.ops import wait_for_ops


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


NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """A key as the keyboard sends it: to whatever has the focus."""
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, key, modifier)


def type_text(text: str) -> None:
    """Data, into whatever has the focus: Chinese as an input method commits it."""
    target = QApplication.focusWidget()
    assert target is not None
    if text.isascii():
        QTest.keyClicks(target, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


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


def counter_with_item(qtbot, ctx: AppContext) -> tuple[MainWindow, CounterPage]:  # type: ignore[no-untyped-def]
    item = make_item(ctx)
    accept_one(ctx, item)
    window = open_main(qtbot, ctx)
    click_nav(window, "counter")
    page = window.page("counter")
    assert isinstance(page, CounterPage)
    with qtbot.waitSignal(page.item_loaded, timeout=10_000):
        press(Qt.Key.Key_Return)
    return window, page


def test_from_the_phone_one_tab_reaches_the_materials(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    _window, page = counter_with_item(qtbot, sqlite_demo_ctx)
    panel = page.checklist
    fields = panel.applicant.fields
    assert QApplication.focusWidget() is fields["applicant_name"]
    press(Qt.Key.Key_Tab)  # the ID type (a resident ID nearly always) is skipped
    assert QApplication.focusWidget() is fields["id_number"]
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields["phone"]
    press(Qt.Key.Key_Tab)  # not the agent's fields, the received time or the agency box
    assert QApplication.focusWidget() is panel.materials
    # The agent's fields: Alt+L shows them and goes there; then they are on the way.
    press(Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is fields["phone"]
    press(Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # a mnemonic clicks a moment later
    qtbot.waitUntil(panel.applicant.agent_check.isChecked)
    assert QApplication.focusWidget() is fields["agent_name"]
    fields["phone"].setFocus()
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields["agent_name"]
    # Ticked off again: skipped again, and what was typed there is not sent.
    fields["agent_name"].setText("赵六")
    press(Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not panel.applicant.agent_check.isChecked())
    assert panel.applicant.value().agent_name == ""
    fields["phone"].setFocus()
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.materials
    # 全程代办: Alt+Q ticks it and goes to the agent list; unticked, it is not on the way.
    press(Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.agency.chosen)
    assert QApplication.focusWidget() is panel.agency.fields["agent"]
    press(Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not panel.agency.chosen)
    # The ID type and the received time by their Alt keys.
    press(Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is panel.applicant.id_type
    press(Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is panel.received_at


def test_ticking_moves_down_and_one_key_receives_the_rest(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    _window, page = counter_with_item(qtbot, sqlite_demo_ctx)
    panel = page.checklist
    table = panel.materials
    # 居民身份证, 户口簿 (deferrable), 收入证明 (conditional), 近期照片 (optional)
    ids = [m.id for m in table.materials]
    table.setFocus()
    press(Qt.Key.Key_Space)
    assert table.states()[ids[0]] == RECEIVED and table.currentRow() == 1
    press(Qt.Key.Key_2)
    assert table.states()[ids[1]] == DEFERRED and table.currentRow() == 2
    press(Qt.Key.Key_3)
    assert table.states()[ids[2]] == NOT_APPLICABLE and table.currentRow() == 3
    press(Qt.Key.Key_3)  # the last row: it stays there
    assert table.states()[ids[3]] == NOT_APPLICABLE and table.currentRow() == 3
    table.setCurrentCell(0, 0)
    press(Qt.Key.Key_2)  # not allowed for the ID card: nothing changes, the row stays
    assert table.states()[ids[0]] == RECEIVED and table.currentRow() == 0
    # A in the table: the rest received (the deferred and not-applicable ones stay).
    press(Qt.Key.Key_0)
    press(Qt.Key.Key_0)
    assert table.states()[ids[0]] == MISSING and table.states()[ids[1]] == MISSING
    press(Qt.Key.Key_A)
    assert table.states() == {
        ids[0]: RECEIVED,
        ids[1]: RECEIVED,
        ids[2]: NOT_APPLICABLE,
        ids[3]: NOT_APPLICABLE,
    }
    # F8 from the phone field: the same, the optional photo left as it is.
    with qtbot.waitSignal(page.item_loaded, timeout=10_000):
        page.open_item(panel.checklist.version.id)
    panel.applicant.fields["phone"].setFocus()
    assert panel.all_received.isEnabled()
    press(Qt.Key.Key_F8)
    assert [table.states()[i] for i in ids] == [RECEIVED, RECEIVED, RECEIVED, MISSING]
    assert "材料齐全" in panel.outcomes.situation.text() and not panel.all_received.isEnabled()


class KeyCount:
    """Keys that are not the applicant's data: the clerk's cost of one visitor."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        self.keys.append(QKeySequence(modifier.value | key.value).toString())
        press(key, modifier)


def test_the_common_path_takes_eight_keys(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:
    """A known item (the window's usual one), complete materials, accept, print the receipt:
    keyboard only. The figure is in bench/RESULTS.md (counter keys)."""
    import ui.printing.preview as preview_module

    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    accept_one(ctx, item)
    count = KeyCount()
    out = tmp_path / "receipt.pdf"

    class PrintDialog:  # the system's print dialog: the clerk confirms it with Enter
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            self.printer = printer

        def exec(self) -> QDialog.DialogCode:
            count.keys.append("Return (print dialog)")
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(out))
            return QDialog.DialogCode.Accepted

        def deleteLater(self) -> None:  # the preview lets go of its dialog
            pass

    monkeypatch.setattr(preview_module, "QPrintDialog", PrintDialog)
    window = open_main(qtbot, ctx)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # start of day
    page = window.page("counter")
    assert isinstance(page, CounterPage) and page.finder.edit.hasFocus()
    panel = page.checklist
    for visitor, (name, first17) in enumerate(
        [("李明", "11010519491231002"), ("张秀英", "11010519500101003")]
    ):
        count.keys.clear()
        with qtbot.waitSignal(page.item_loaded, timeout=10_000):
            count.press(Qt.Key.Key_Return)  # the usual item, top of the list
        type_text(name)
        count.press(Qt.Key.Key_Tab)
        type_text(resident_id(first17))
        count.press(Qt.Key.Key_Tab)
        type_text("1390000222" + str(visitor))
        count.press(Qt.Key.Key_F8)  # the rest received
        assert panel.outcomes.accept_button.isEnabled()
        with qtbot.waitSignal(panel.accepted, timeout=10_000) as accepted:
            count.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        number = accepted.args[0].number
        count.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        preview = page.preview
        assert preview is not None
        qtbot.waitUntil(preview.print_button.isEnabled)
        preview.activateWindow()
        qtbot.waitUntil(preview.isActiveWindow)
        with qtbot.waitSignal(preview.document_printed, timeout=20_000) as printed:
            count.press(Qt.Key.Key_Return)  # the preview's default button: 打印…
        assert printed.args == [1] and out.read_bytes().startswith(b"%PDF")
        assert number in pdfium_text(out.read_bytes())[0]  # the case just accepted
        out.unlink()
        assert len(count.keys) <= 8, count.keys
        # Printed, the preview closes by itself: back at the counter, ready for the next one.
        qtbot.waitUntil(lambda p=preview: not shiboken6.isValid(p) or not p.isVisible())
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(page.finder.edit.hasFocus)
    assert count.keys == [
        "Return",
        "Tab",
        "Tab",
        "F8",
        "Ctrl+Return",
        "Ctrl+P",
        "Return",
        "Return (print dialog)",
    ]


def test_an_id_known_under_another_name_is_warned_at_entry(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    _window, page = counter_with_item(qtbot, sqlite_demo_ctx)  # 李四 applied with resident_id()
    form = page.checklist.applicant
    warning = form.name_warning
    type_text("张三")
    press(Qt.Key.Key_Tab)
    type_text(resident_id())
    press(Qt.Key.Key_Tab)
    qtbot.waitUntil(warning.isVisible)
    assert "“李四”" in warning.text() and "张三" not in warning.text()
    # Not refused: the accept button follows the materials only.
    assert form.errors["id_number"].text() == ""
    # The name corrected: the warning goes.
    form.fields["applicant_name"].setFocus()
    form.fields["applicant_name"].selectAll()
    type_text("李四")
    press(Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not warning.isVisible())
    # Another person's number: nothing to say; the next visitor starts clean.
    form.fields["id_number"].setText(resident_id("11010519500101003"))
    form.fields["id_number"].setFocus()
    press(Qt.Key.Key_Tab)
    wait_for_ops()  # the lookup answered
    QApplication.processEvents()
    assert not warning.isVisible()
    form.fields["id_number"].setText(resident_id())
    form.fields["applicant_name"].setText("王五")
    form.fields["applicant_name"].setFocus()
    press(Qt.Key.Key_Tab)
    qtbot.waitUntil(warning.isVisible)
    page.checklist.clear()
    assert not warning.isVisible()


def test_ctrl_q_asks_before_dropping_a_half_done_application(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window, _page = counter_with_item(qtbot, sqlite_demo_ctx)
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def question(_parent, _title, text, *_rest):  # type: ignore[no-untyped-def]
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    type_text("王五")
    press(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and "王五" in asked[0] and window.isVisible()  # stays by default
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    press(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and not window.isVisible()


def test_ctrl_q_over_an_empty_counter_quits_without_asking(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_main(qtbot, sqlite_demo_ctx)
    click_nav(window, "counter")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: pytest.fail("asked"))
    press(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()

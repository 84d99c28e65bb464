"""The English build at the login and the counter: the services' messages translated, "1 copy",
no Chinese in the counter's own texts; the language switch says a restart is needed; this PC's
settings go with a data folder that was given (issue 17.8)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
)

from app import sites
from app.auth import login
from app.catalog.records import MaterialForm, MaterialMedium, MaterialRecord, Necessity
from app.context import AppContext
from tests.helpers.catalog import make_item
from tests.ui.test_small_screen import open_main as open_sized
from tests.ui.test_small_screen import settle
from ui.app_messages import translated
from ui.counter import CounterPage
from ui.counter.labels import form_text
from ui.fonts import apply_default_font
from ui.i18n import install_language
from ui.local_settings import SETTINGS_FILE, LocalSettings, choose_folder, keep_in_folder
from ui.login import LoginDialog
from ui.mainwindow import MainWindow
from ui.settings_dialog import SettingsDialog

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert install_language(qapp, "en")
    yield
    install_language(qapp, "zh_CN")


def test_the_services_messages_in_english(english: None) -> None:
    assert translated("身份证号码校验位不正确") == "The ID number's check digit is wrong"
    assert translated("用户名或密码不正确（还可尝试 3 次）") == (
        "Wrong user name or password (3 tries left)"
    )
    assert translated("连续输错密码 5 次，账号已锁定 5 分钟") == (
        "Wrong password 5 times in a row: the account is locked for 5 minutes"
    )
    assert translated("“户口簿”不可容缺，必须当场提交") == (
        "“户口簿” cannot be deferred: it must be handed in now"  # the data stays as it is
    )
    assert translated("不能为空\n请填写联系电话") == "Required\nEnter a phone number"
    assert translated("某个没有列出的消息") == "某个没有列出的消息"


def test_chinese_stays_chinese() -> None:
    message = "用户名或密码不正确（还可尝试 3 次）"
    assert translated(message) == message


def test_one_copy_two_copies(english: None) -> None:
    def material(copies: int) -> MaterialRecord:
        return MaterialRecord(
            id=1,
            name="户口簿",
            form=MaterialForm.ORIGINAL,
            medium=MaterialMedium.PAPER,
            copies=copies,
            necessity=Necessity.REQUIRED,
            position=1,
            condition="",
            deferrable=False,
            requirements="",
            template_ref="",
        )

    assert form_text(material(1)) == "Original, 1 copy"
    assert form_text(material(2)) == "Original, 2 copies"


def test_login_refusal_in_english(qtbot, sqlite_demo_ctx: AppContext, english: None) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    dialog = LoginDialog(lambda u, p: login(ctx.uow(), u, p), "清河县政务服务中心")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login_edit, "zhangwei")
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() != "")
    assert dialog.message.text().startswith("Wrong user name or password")
    assert not CJK.search(dialog.message.text())


def test_the_counter_in_english(qtbot, sqlite_demo_ctx: AppContext, english: None) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    actor = login(ctx.uow(), "zhangwei", "demo-2026")
    window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
    qtbot.addWidget(window)
    window.show()
    window.show_page("counter")
    page = window.page("counter")
    assert isinstance(page, CounterPage)
    with qtbot.waitSignal(page.item_loaded, timeout=10_000):
        page.open_item(item.id)
    panel = page.checklist
    fields = panel.applicant.fields
    fields["id_number"].setText("110105194912310029")
    fields["id_number"].editingFinished.emit()
    assert panel.applicant.errors["id_number"].text() == "The ID number's check digit is wrong"
    # The counter's own words: no Chinese (the item's and materials' names are data).
    data = {item.name, item.code, item.department, *(m.name for m in item.materials)}
    texts = [
        w.text()
        for kind in (QLabel, QAbstractButton)
        for w in page.findChildren(kind)
        if w.isVisible() and w.text()
    ]
    texts += [g.title() for g in page.findChildren(QGroupBox) if g.isVisible()]
    texts += [w.placeholderText() for w in page.findChildren(QLineEdit) if w.isVisible()]
    table = page.findChild(QTableWidget, "materials_table")
    texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    texts += [table.item(r, c).text() for r in range(table.rowCount()) for c in (0, 2)]
    for text in texts:
        for known in data:
            text = text.replace(known, "")
        assert not CJK.search(text), text


def test_choosing_another_language_says_a_restart_is_needed(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    actor = login(ctx.uow(), "zhangwei", "demo-2026")
    window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
    qtbot.addWidget(window)
    window.show()
    before = LocalSettings.load()
    dialog = SettingsDialog(ctx, actor, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.language_note.isVisible()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert dialog.language_note.isVisible()  # before saving already
    try:
        dialog.save()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        note = window.findChild(QMessageBox, "restart_note")
        assert note is not None and note.isVisible()  # stays after the dialog closed
        assert "restart" in note.text().lower()
        assert LocalSettings.load().language == "en"
        note.close()
    finally:
        install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
        before.save()


def test_this_pcs_settings_go_with_a_given_data_folder(  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("FRONTDESK_HOME", raising=False)
    try:
        assert choose_folder(None) is None
        folder = tmp_path / "hall"
        assert choose_folder(str(folder)) == folder.resolve()
        LocalSettings(window_number=7, language="en").save()
        assert (folder / SETTINGS_FILE).is_file()
        assert LocalSettings.load().window_number == 7
        # FRONTDESK_HOME does the same; the user's own store is not touched.
        other = tmp_path / "other"
        monkeypatch.setenv("FRONTDESK_HOME", str(other))
        assert choose_folder(None) == other.resolve()
        assert LocalSettings.load().window_number is None
        keep_in_folder(None)
        assert LocalSettings.load().window_number != 7
    finally:
        keep_in_folder(None)


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    saved = QFont(qapp.font())
    apply_default_font(qapp, point_size=11)  # as the program starts
    yield
    qapp.setFont(saved)


@pytest.mark.parametrize("user", ["zhangwei", "sunli", "admin"])
def test_no_column_header_is_cut_in_english(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, english: None, app_font: None, user: str
) -> None:
    window = open_sized(qtbot, sqlite_demo_ctx, user, (1366, 768))
    cut = []
    for key in window.pages:
        window.show_page(key)
        settle()
        for header in window.page(key).findChildren(QHeaderView):
            if header.orientation() is not Qt.Orientation.Horizontal or not header.isVisible():
                continue
            for column in range(header.count()):
                if header.sectionSizeHint(column) > header.sectionSize(column):
                    text = header.model().headerData(column, Qt.Orientation.Horizontal)
                    cut.append(f"{key}: {text}")
    assert cut == []

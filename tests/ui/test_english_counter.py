"""The English build at the login, the counter and the case window: the services' messages
translated (every validation refusal, a case step's), "1 copy",
no Chinese in the counter's own texts; the language switch says a restart is needed; this PC's
settings go with a data folder that was given (issue 17.8)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

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
from app.cases import transitions
from app.cases.common import load_case
from app.cases.lifecycle import CaseAction
from app.cases.records import AcceptRequest, ApplicantInput
from app.cases.service import accept_case
from app.cases.transitions import decide_case, extend_case, withdraw_case
from app.catalog.records import MaterialForm, MaterialMedium, MaterialRecord, Necessity
from app.context import AppContext
from app.errors import DomainError, ValidationError
from app.idcard import ReaderError, parse_text_block, review
from app.validation import (
    validate_id_document,
    validate_login,
    validate_name,
    validate_phone,
    validate_text,
)
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.idcard_reader import SAMPLE
from tests.ui.test_small_screen import open_main as open_sized
from tests.ui.test_small_screen import settle
from ui.app_messages import translated
from ui.cases.action_form import ActionForm
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


# What the services refuse, as the English screens show it: every message here must come out
# without a Chinese character except the data the clerk typed (issue 17: "the English build shows
# no Chinese on the counter, login, case and validation messages").
BAD_INPUT: list[tuple[Callable[..., object], tuple[object, ...], tuple[str, ...]]] = [
    (validate_id_document, ("", "resident_id"), ()),
    (validate_id_document, ("110105491231002", "resident_id"), ()),
    (validate_id_document, ("11010519491231002", "resident_id"), ()),
    (validate_id_document, ("110105194912310029", "resident_id"), ()),
    (validate_id_document, ("110105194913310020", "resident_id"), ()),
    (validate_id_document, ("910105194912310029", "resident_id"), ()),
    (validate_id_document, ("990105194912310029", "resident_id"), ()),
    (validate_id_document, ("H1234", "hk_macao_taiwan"), ()),
    (validate_id_document, ("1234567890", "hk_macao_taiwan"), ()),
    (validate_id_document, ("12345", "hk_macao_taiwan"), ()),
    (validate_id_document, ("840000194912310029", "hk_macao_taiwan"), ()),
    (validate_id_document, ("810000194912310020", "hk_macao_taiwan"), ()),
    (validate_id_document, ("810000194913310020", "hk_macao_taiwan"), ()),
    (validate_id_document, ("", "passport"), ()),
    (validate_id_document, ("E-123", "passport"), ()),
    (validate_id_document, ("E12", "passport"), ()),
    (validate_id_document, ("ABCDEFG", "passport"), ()),
    (validate_id_document, ("EAB123456", "passport"), ()),
    (validate_id_document, ("", "foreign_permanent"), ()),
    (validate_id_document, ("AB1234567890123", "foreign_permanent"), ()),
    (validate_id_document, ("110105194912310029", "foreign_permanent"), ()),
    (validate_id_document, ("900105194912310029", "foreign_permanent"), ()),
    (validate_id_document, ("911105194912310020", "foreign_permanent"), ()),
    (validate_id_document, ("1234", "foreign_permanent"), ()),
    (validate_id_document, ("", "other"), ()),
    (validate_id_document, ("1", ""), ()),
    (validate_phone, ("",), ()),
    (validate_phone, ("12345",), ()),
    (validate_name, ("",), ()),
    (validate_name, ("王" * 51,), ()),
    (validate_name, ("王😀",), ("王", "😀")),
    (validate_name, ("王1",), ("王",)),
    (validate_name, ("王@",), ("王",)),
    (validate_name, ("王\ue000芳",), ("王", "芳")),
    (validate_name, ("·王",), ("王",)),
    (validate_name, ("\u0627\u0628",), ("阿依古丽·买买提",)),
    (validate_name, ("\u0f40\u0f41",), ("扎西顿珠",)),
    (validate_name, ("王\U000e0041",), ("王",)),
    (validate_text, ("a\x07", "note", 10), ()),
    (validate_login, ("",), ()),
    (validate_login, ("X!",), ()),
]


def shown(message: str, data: tuple[str, ...] = ()) -> str:
    """The message as the screens show it, the clerk's own data taken out."""
    text = translated(message)
    for known in data:
        text = text.replace(known, "")
    return text


@pytest.mark.parametrize(("check", "args", "data"), BAD_INPUT)
def test_every_validation_message_in_english(  # type: ignore[no-untyped-def]
    english: None, check: Callable[..., object], args: tuple[object, ...], data: tuple[str, ...]
) -> None:
    with pytest.raises(ValidationError) as refused:
        check(*args)
    for message in refused.value.errors.values():
        assert not CJK.search(shown(message, data)), (message, translated(message))
    assert not CJK.search(shown(refused.value.message, data))  # "field: message" as a whole


def test_the_case_windows_refusals_in_english(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, english: None
) -> None:
    """A step refused at the case window's form (field messages, the step's own refusal) and a
    step a case's state does not allow: English, with only the case's data left."""
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    supervisor = login(ctx.uow(), "sunli", "demo-2026")
    ids = {m.name: m.id for m in item.materials}
    accepted = accept_case(
        ctx.uow(),
        clerk,
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name="李四", id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset(ids.values()),
        ),
    )
    uow = ctx.uow()
    with uow.read():
        case = load_case(uow, accepted.case_id)
    texts: list[str] = []

    def refused_in_form(action: CaseAction, perform: Callable[[dict[str, Any]], Any]) -> None:
        form = ActionForm(action, perform)
        qtbot.addWidget(form)
        form.show()
        form.submit()
        qtbot.waitUntil(form.ok_button.isEnabled)  # the service answered
        shown_now = [label.text() for label in form.errors.values() if label.isVisible()]
        shown_now += [form.message.text()] if form.message.text() else []
        assert shown_now, action
        texts.extend(shown_now)
        form.close()

    refused_in_form(
        CaseAction.DECIDE,
        lambda v: decide_case(ctx.uow(), clerk, case.id, case.row_version, "denied", "", ""),
    )
    refused_in_form(
        CaseAction.EXTEND,
        lambda v: extend_case(ctx.uow(), supervisor, case.id, case.row_version, 400, "多等几天"),
    )
    refused_in_form(
        CaseAction.WITHDRAW,
        lambda v: withdraw_case(ctx.uow(), clerk, case.id, case.row_version + 5, "不办了"),
    )
    for refusal in (
        lambda: transitions.resume_case(ctx.uow(), clerk, case.id, case.row_version),
        lambda: transitions.withdraw_case(ctx.uow(), clerk, 999_999, 1, "不办了"),
    ):
        with pytest.raises(DomainError) as step:
            refusal()
        texts.append(translated(step.value.message))
    data = (case.number, "张伟", "李四")
    for text in texts:
        assert text and not CJK.search(shown(text, data)), text


def test_the_counters_field_messages_in_english(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, english: None
) -> None:
    """Typed at the counter, each ID document's and the name's and phone's refusals show in
    English at the field."""
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
    form = page.checklist.applicant

    def typed(key: str, text: str) -> str:
        edit = form.fields[key]
        edit.setFocus()
        edit.setText(text)  # as an input method gives it
        edit.editingFinished.emit()
        return form.errors[key].text()

    for id_type, number in (
        ("resident_id", "110105194912310029"),
        ("hk_macao_taiwan", "1234567890"),
        ("hk_macao_taiwan", "840000194912310029"),
        ("passport", "E12"),
        ("foreign_permanent", "110105194912310029"),
    ):
        form.id_type.setCurrentIndex(form.id_type.findData(id_type))
        message = typed("id_number", number)
        assert message and not CJK.search(message), (id_type, message)
    for name in ("王1", "王@", "·王"):
        message = typed("applicant_name", name)
        assert message and not CJK.search(shown(message, ("王",))), message
    message = typed("phone", "12345")
    assert message and not CJK.search(message), message


def test_the_card_readers_notes_in_english(english: None) -> None:
    """An expired card, one not yet valid, and rare characters the reader could not read: the
    notes the counter shows (app.idcard.review) come out in English."""
    card = dataclasses.replace(
        SAMPLE,
        name="王\ue000\ue001",
        address="北京市\ue002路",
        valid_from=date(2010, 1, 1),
        valid_to=date(2020, 1, 1),
    )
    late = dataclasses.replace(SAMPLE, valid_from=date(2099, 1, 1), valid_to=None)
    notes = [*review(card, date(2026, 12, 1)), *review(late, date(2026, 12, 1))]
    assert len(notes) == 4
    for note in notes:
        text = translated(note.message)
        assert not CJK.search(text), (note.message, text)
    assert translated(notes[1].message) == (
        "In the name, character 2, character 3 is a rare character the card reader cannot read:"
        " correct it by hand from the card"
    )
    with pytest.raises(ReaderError) as refused:
        parse_text_block(b"\0" * 10)
    assert not CJK.search(translated(refused.value.message))

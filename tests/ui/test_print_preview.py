"""The print preview shows a receipt's pages fitting the window's width, zooms from the
keyboard, prints through the print dialog (logged), then closes; printed to a file it writes the
program's own vector PDF, under a name made from the document (issue 17.10)."""

from __future__ import annotations

import dataclasses
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QWidget
from shiboken6 import isValid

from app.auth import login
from app.cases import service
from app.cases.records import AcceptRequest, ApplicantInput
from app.context import AppContext
from app.printing.loaders import load_document
from app.printing.records import print_history
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.printing import RARE_NAME, decode_qr, pdfium_text
from tests.ui.test_small_screen import TASKBAR, TITLE_BAR, program_font, settle  # noqa: F401
from ui.printing import PrintPreviewDialog, open_print_preview
from ui.printing import preview as preview_module
from ui.printing.to_file import documents_folder, file_name


def accept_one(ctx: AppContext) -> str:
    item = make_item(ctx)
    ids = {m.name: m.id for m in item.materials}
    return service.accept_case(
        ctx.uow(),
        login(ctx.uow(), "zhangwei", "demo-2026"),
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name=RARE_NAME, id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    ).number


def shown_preview(qtbot, ctx: AppContext, number: str) -> PrintPreviewDialog:  # type: ignore[no-untyped-def]
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    dialog = PrintPreviewDialog.for_number(ctx, clerk, "receipt", number)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.print_button.isEnabled, timeout=30_000)
    return dialog


def page_labels(dialog: PrintPreviewDialog) -> list[QLabel]:
    return [w for w in dialog.view.labels() if not w.pixmap().isNull()]


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


class FakePrintDialog:
    """Stands in for the modal QPrintDialog: answers as the clerk would (``choose``), and notes
    the printer it was given and the file name the real dialog would propose."""

    printers: ClassVar[list[QPrinter]] = []
    proposed: ClassVar[list[str]] = []
    choose: ClassVar[Callable[[QPrinter], bool]]

    def __init__(self, printer: QPrinter, parent: QWidget) -> None:
        self.printer = printer
        self.printers.append(printer)
        real = QPrintDialog(printer, parent)  # what the clerk would see, not shown
        real.setVisible(True)
        self.proposed.extend(e.text() for e in real.findChildren(QLineEdit, "filename"))
        real.setVisible(False)
        real.deleteLater()

    def exec(self) -> QDialog.DialogCode:
        accepted = type(self).choose(self.printer)
        return QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected

    def deleteLater(self) -> None:  # the preview lets go of its dialog
        pass


@pytest.fixture
def print_dialog(monkeypatch: pytest.MonkeyPatch) -> type[FakePrintDialog]:
    monkeypatch.setattr(preview_module, "QPrintDialog", FakePrintDialog)
    monkeypatch.setattr(FakePrintDialog, "printers", [])
    monkeypatch.setattr(FakePrintDialog, "proposed", [])
    return FakePrintDialog


def to_file(path: Path) -> Callable[[QPrinter], bool]:
    """The clerk picks "print to file (PDF)", names ``path`` and presses 打印."""

    def choose(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    return choose


def active(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def gone(dialog: QWidget) -> bool:
    return not isValid(dialog) or not dialog.isVisible()


def test_preview_shows_the_receipt_and_its_stub(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    number = accept_one(sqlite_demo_ctx)
    dialog = shown_preview(qtbot, sqlite_demo_ctx, number)
    pages = page_labels(dialog)
    assert len(pages) == 2  # the applicant's copy and the stub kept by the hall
    first = dialog.pages[0]
    assert 780 <= first.width() <= 800 and first.height() > first.width()  # A4 at 96 dpi
    assert pages[0].pixmap().height() > pages[0].pixmap().width()
    assert f"受理回执 {number}" in dialog.info.text() and "首次打印" in dialog.info.text()
    assert dialog.size_box.currentText() == "A4"

    dialog.size_box.setCurrentIndex(dialog.size_box.findText("A5"))
    qtbot.waitUntil(
        lambda: (
            dialog.print_button.isEnabled() and all(page.width() < 600 for page in dialog.pages)
        ),
        timeout=30_000,
    )
    assert len(page_labels(dialog)) >= 2  # on A5 the receipt itself may take two pages


@pytest.mark.usefixtures("program_font")  # the program's own, at its size
@pytest.mark.parametrize("screen", [QSize(1024, 768), QSize(1366, 768)])
def test_the_page_fits_the_windows_width_at_open(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, screen: QSize
) -> None:
    available = QSize(screen.width(), screen.height() - TASKBAR)
    clerk = login(sqlite_demo_ctx.uow(), "zhangwei", "demo-2026")
    number = accept_one(sqlite_demo_ctx)
    dialog = PrintPreviewDialog.for_number(sqlite_demo_ctx, clerk, "receipt", number)
    qtbot.addWidget(dialog)
    size = dialog.size_for(available, landscape=False)
    assert size.width() <= available.width() and size.height() + TITLE_BAR <= available.height()
    dialog.resize(size)
    dialog.show()
    qtbot.waitUntil(dialog.print_button.isEnabled, timeout=30_000)
    settle()  # the layouts done
    assert dialog.width() <= available.width()  # the tool bar's buttons did not widen it past
    view = dialog.view
    room = view.viewport().width()
    for label in page_labels(dialog):
        width = label.pixmap().width()
        assert room - 40 <= width <= room, (width, room)  # the whole width, and no more
        assert label.geometry().left() >= 0 and label.geometry().right() < room
    assert view.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways
    assert dialog.findChild(QLabel, "zoom_label").text() == f"{round(dialog.zoom * 100)}%"
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    for button in buttons:  # the bar's buttons, all inside the window
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner), button.text()


def test_zoom_by_keys_and_buttons(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = shown_preview(qtbot, sqlite_demo_ctx, accept_one(sqlite_demo_ctx))
    active(qtbot, dialog)
    assert dialog.view.hasFocus()  # arrows and Page Down scroll the pages at once

    def shown_width() -> int:
        return page_labels(dialog)[0].pixmap().width()

    fit = shown_width()
    ctrl = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(dialog, Qt.Key.Key_Equal, ctrl)
    assert shown_width() > fit and not dialog.view.fitting
    QTest.keyClick(dialog, Qt.Key.Key_Minus, ctrl)
    QTest.keyClick(dialog, Qt.Key.Key_Minus, ctrl)
    assert shown_width() < fit
    assert dialog.findChild(QLabel, "zoom_label").text() == f"{round(dialog.zoom * 100)}%"
    QTest.keyClick(dialog, Qt.Key.Key_0, ctrl)  # fit the width again
    assert shown_width() == fit and dialog.view.fitting

    # Past 100 % the pages are rendered again, sharper, not just blown up.
    for _ in range(4):
        QTest.keyClick(dialog, Qt.Key.Key_Equal, ctrl)
    assert dialog.zoom > 1.2
    qtbot.waitUntil(lambda: dialog.view.dpi >= dialog.zoom * 96 - 1, timeout=30_000)
    assert dialog.pages[0].width() >= 794 * dialog.zoom - 2  # A4 at 96 dpi is 794 wide
    assert shown_width() == round(dialog.pages[0].width() * 96 / dialog.view.dpi * dialog.zoom)

    # The buttons are reachable with Tab and pressed with Space; Enter still prints.
    QTest.keyClick(dialog, Qt.Key.Key_0, ctrl)
    fit = shown_width()
    assert dialog.view.fitting and fit <= dialog.view.viewport().width()
    zoom_out = dialog.findChild(QPushButton, "zoom_out")
    for _ in range(12):
        if zoom_out.hasFocus():
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert zoom_out.hasFocus()
    QTest.keyClick(zoom_out, Qt.Key.Key_Space)
    assert shown_width() < fit
    assert not zoom_out.autoDefault() and dialog.print_button.isDefault()


def test_printing_to_a_file_writes_the_vector_pdf_and_closes(  # type: ignore[no-untyped-def]
    qtbot,
    sqlite_demo_ctx: AppContext,
    tmp_path: Path,
    print_dialog: type[FakePrintDialog],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(print_dialog, "choose", to_file(tmp_path / "chosen.pdf"), raising=False)
    number = accept_one(sqlite_demo_ctx)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    clerk = login(sqlite_demo_ctx.uow(), "zhangwei", "demo-2026")
    dialog = open_print_preview(parent, sqlite_demo_ctx, clerk, "receipt", number)
    qtbot.waitUntil(dialog.print_button.isEnabled, timeout=30_000)
    active(qtbot, dialog)
    with qtbot.waitSignal(dialog.document_printed, timeout=60_000) as printed:
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # 打印… is the default button
    assert printed.args == [1]
    qtbot.waitUntil(lambda: gone(dialog))  # printed: back where the clerk was
    qtbot.waitUntil(parent.isActiveWindow)

    out = tmp_path / "chosen.pdf"
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(PdfReader(out).pages) == 2
    assert len(data) < 300_000  # reportlab's pages with subset fonts, not page images
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "受理回执" in text and number in text and "存根" in text
    assert RARE_NAME in text  # even the name's rare characters can be searched and copied
    [payload] = decode_qr(data)
    assert payload.startswith("FD1A") and number[3:] in payload
    page = print_dialog.printers[0].pageLayout().pageSize()
    assert page.id() == page.PageSizeId.A4 and print_dialog.printers[0].fullPage()
    history = print_history(sqlite_demo_ctx.uow(), clerk, "receipt", number)
    assert [(h.copy_no, h.printer) for h in history] == [(1, str(out))]


def test_the_print_dialog_proposes_a_file_named_after_the_document(  # type: ignore[no-untyped-def]
    qtbot,
    sqlite_demo_ctx: AppContext,
    tmp_path: Path,
    print_dialog: type[FakePrintDialog],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    documents = tmp_path / "Documents"
    documents.mkdir()
    assert documents_folder() == documents
    monkeypatch.setattr(
        print_dialog, "choose", lambda printer: False, raising=False
    )  # then cancelled
    number = accept_one(sqlite_demo_ctx)
    dialog = shown_preview(qtbot, sqlite_demo_ctx, number)
    dialog.print_button.click()
    assert print_dialog.proposed == [str(documents / f"{number}-受理回执.pdf")]
    # Cancelled: the preview stays, ready to print; nothing was logged.
    assert dialog.isVisible() and dialog.print_button.isEnabled()
    clerk = login(sqlite_demo_ctx.uow(), "zhangwei", "demo-2026")
    assert print_history(sqlite_demo_ctx.uow(), clerk, "receipt", number) == []
    assert not (documents / f"{number}-受理回执.pdf").exists()


def test_a_file_name_is_made_from_the_document(sqlite_demo_ctx: AppContext) -> None:
    number = accept_one(sqlite_demo_ctx)
    clerk = login(sqlite_demo_ctx.uow(), "zhangwei", "demo-2026")
    receipt = load_document(sqlite_demo_ctx.uow(), clerk, "receipt", number)
    assert file_name(receipt) == f"{number}-受理回执.pdf"
    odd = dataclasses.replace(receipt, number='QH/1:2 "x"')
    assert file_name(odd) == "QH_1_2_x_-受理回执.pdf"
    unnumbered = dataclasses.replace(receipt, number="")
    assert file_name(unnumbered) == f"受理回执-{receipt.issued_on:%Y%m%d}.pdf"


def test_printing_pages_to_a_printer_logs_the_copy(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, tmp_path: Path
) -> None:
    """A real printer gets the pages as images at its resolution (Qt's PDF engine stands in
    for it here): the code on them still scans; the next preview says 补打."""
    number = accept_one(sqlite_demo_ctx)
    dialog = shown_preview(qtbot, sqlite_demo_ctx, number)
    out = tmp_path / "printed.pdf"
    with qtbot.waitSignal(dialog.document_printed, timeout=60_000) as printed:
        dialog.print_pages(pdf_printer(out))
    assert printed.args == [1]
    qtbot.waitUntil(lambda: gone(dialog))
    assert len(PdfReader(out).pages) == 2
    [payload] = decode_qr(out.read_bytes())  # the page images carry a scannable code
    assert payload.startswith("FD1A") and number[3:] in payload

    again = shown_preview(qtbot, sqlite_demo_ctx, number)
    assert "第 2 份" in again.info.text() and "补打" in again.info.text()
    with qtbot.waitSignal(again.document_printed, timeout=60_000) as printed:
        again.print_to(pdf_printer(tmp_path / "again.pdf"))  # a PDF file: the vector PDF
    assert printed.args == [2]
    clerk = login(sqlite_demo_ctx.uow(), "zhangwei", "demo-2026")
    history = print_history(sqlite_demo_ctx.uow(), clerk, "receipt", number)
    assert [(h.copy_no, h.printer) for h in history] == [
        (1, str(out)),
        (2, str(tmp_path / "again.pdf")),
    ]
    assert "补打" in pdfium_text((tmp_path / "again.pdf").read_bytes())[0]


def test_a_file_that_cannot_be_written_is_reported_and_the_preview_stays(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        preview_module.QMessageBox, "warning", lambda parent, title, text: warnings.append(text)
    )
    dialog = shown_preview(qtbot, sqlite_demo_ctx, accept_one(sqlite_demo_ctx))
    missing = tmp_path / "no-such-folder" / "x.pdf"
    with qtbot.waitSignal(dialog.print_failed, timeout=60_000):
        dialog.print_to(pdf_printer(missing))
    assert str(missing) in warnings[0] and dialog.isVisible()
    assert dialog.print_button.isEnabled()


def test_a_missing_case_is_reported_not_crashed(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        preview_module.QMessageBox, "warning", lambda parent, title, text: warnings.append(text)
    )
    clerk = login(sqlite_demo_ctx.uow(), "zhangwei", "demo-2026")
    dialog = open_print_preview(None, sqlite_demo_ctx, clerk, "receipt", "QH-20991231-0001")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(warnings), timeout=30_000)
    assert "没有编号为" in warnings[0] and not dialog.print_button.isEnabled()

"""The print preview shows a receipt's pages; printing goes through QPrinter and is logged."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from app.auth import login
from app.cases import service
from app.cases.records import AcceptRequest, ApplicantInput
from app.context import AppContext
from app.printing.records import print_history
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.printing import RARE_NAME, decode_qr
from ui.printing import PrintPreviewDialog, open_print_preview
from ui.printing import preview as preview_module


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
    return [w for w in dialog.page_box.findChildren(QLabel) if not w.pixmap().isNull()]


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_preview_shows_the_receipt_and_its_stub(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    number = accept_one(sqlite_demo_ctx)
    dialog = shown_preview(qtbot, sqlite_demo_ctx, number)
    pages = page_labels(dialog)
    assert len(pages) == 2  # the applicant's copy and the stub kept by the hall
    first = pages[0].pixmap()
    assert 780 <= first.width() <= 800 and first.height() > first.width()  # A4 at 96 dpi
    assert f"受理回执 {number}" in dialog.info.text() and "首次打印" in dialog.info.text()
    assert dialog.size_box.currentText() == "A4"

    dialog.size_box.setCurrentIndex(dialog.size_box.findText("A5"))
    qtbot.waitUntil(
        lambda: (
            dialog.print_button.isEnabled()
            and all(page.pixmap().width() < 600 for page in page_labels(dialog))
        ),
        timeout=30_000,
    )
    assert len(page_labels(dialog)) >= 2  # on A5 the receipt itself may take two pages


def test_printing_to_pdf_through_qprinter_logs_the_copy(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, tmp_path: Path
) -> None:
    number = accept_one(sqlite_demo_ctx)
    dialog = shown_preview(qtbot, sqlite_demo_ctx, number)
    out = tmp_path / "printed.pdf"
    with qtbot.waitSignal(dialog.document_printed, timeout=60_000) as printed:
        dialog.print_to(pdf_printer(out))
    assert printed.args == [1]
    assert out.read_bytes().startswith(b"%PDF")
    assert len(PdfReader(out).pages) == 2
    [payload] = decode_qr(out.read_bytes())  # the page images carry a scannable code
    assert payload.startswith("FD1A") and number[3:] in payload

    clerk = login(sqlite_demo_ctx.uow(), "zhangwei", "demo-2026")
    qtbot.waitUntil(lambda: "补打" in dialog.info.text(), timeout=30_000)  # the next copy
    with qtbot.waitSignal(dialog.document_printed, timeout=60_000) as printed:
        dialog.print_to(pdf_printer(tmp_path / "again.pdf"))
    assert printed.args == [2]
    qtbot.waitUntil(lambda: "第 3 份" in dialog.info.text(), timeout=30_000)
    history = print_history(sqlite_demo_ctx.uow(), clerk, "receipt", number)
    assert [(h.copy_no, h.printer) for h in history] == [
        (1, str(out)),
        (2, str(tmp_path / "again.pdf")),
    ]


def test_print_button_goes_through_the_print_dialog(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "chosen.pdf"
    chosen: list[QPrinter] = []

    class ChosenPdf:
        """Stands in for the modal QPrintDialog: the clerk picks "print to file" and OK."""

        def __init__(self, printer: QPrinter, parent: QWidget) -> None:
            self.printer = printer
            chosen.append(printer)

        def exec(self) -> QDialog.DialogCode:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(out))
            return QDialog.DialogCode.Accepted

        def deleteLater(self) -> None:  # the preview lets go of its dialog
            pass

    monkeypatch.setattr(preview_module, "QPrintDialog", ChosenPdf)
    dialog = shown_preview(qtbot, sqlite_demo_ctx, accept_one(sqlite_demo_ctx))
    with qtbot.waitSignal(dialog.document_printed, timeout=60_000):
        dialog.print_button.click()
    qtbot.waitUntil(lambda: "补打" in dialog.info.text(), timeout=30_000)
    assert out.exists() and len(PdfReader(out).pages) == 2
    page = chosen[0].pageLayout().pageSize()
    assert page.id() == page.PageSizeId.A4 and chosen[0].fullPage()


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

"""Print preview: the rendered pages as the applicant will get them, then print.

Everything slow runs in ``ui.ops.run_op``: loading the document, rendering the PDF, rasterizing
its pages (at screen resolution for the preview, at the printer's for printing), writing a file
and logging the copy. Only painting the finished page images onto the printer happens on the GUI
thread, as Qt requires. The preview already shows the mark the next copy will carry (补打 for a
reprint). It opens fitting the page's width to the window, zooms (Ctrl+= / Ctrl+- / Ctrl+0 fit
width), and closes once the copy is printed; "print to file" writes the program's own vector PDF.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.context import AppContext
from app.errors import DomainError
from app.ports import UnitOfWork
from app.printing import PageSize, PrintedDocument, render
from app.printing.loaders import load_document
from app.printing.records import mark_copy, next_copy_no, record_print
from app.roles import Actor
from app.settings import is_demo_database
from ui.local_settings import LocalSettings
from ui.ops import run_op
from ui.printing.page_view import SCREEN_DPI, PageView
from ui.printing.pages import rasterize
from ui.printing.to_file import drop_proposed_file, propose_file, writes_pdf_file

PREVIEW_DPI = SCREEN_DPI
SHARP_PREVIEW_DPI = 192  # zoomed in, the pages are rendered again, up to this
SHARP_PREVIEW_PIXELS = 40_000_000  # and within this for all pages (a month's log has 30+)
MAX_PRINT_DPI = 300  # enough for 10 pt Chinese and a 0.67 mm QR module; keeps pages ~9 MB
QT_PAGE_SIZES = {
    PageSize.A4: QPageSize(QPageSize.PageSizeId.A4),
    PageSize.A5: QPageSize(QPageSize.PageSizeId.A5),
    PageSize.A6: QPageSize(QPageSize.PageSizeId.A6),
    # A receipt printer's roll: its driver cuts after the page (app.printing.template.PAGES).
    PageSize.ROLL80: QPageSize(
        QSizeF(80, 160), QPageSize.Unit.Millimeter, "80mm", QPageSize.SizeMatchPolicy.ExactMatch
    ),
}

Loader = Callable[[UnitOfWork], PrintedDocument]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class _Preview:
    document: PrintedDocument
    copy_no: int
    pdf: bytes
    pages: list[QImage]


class PrintPreviewDialog(QDialog):
    preview_shown = Signal(int)  # number of pages
    document_printed = Signal(int)  # the copy number just printed
    print_failed = Signal(str)

    def __init__(
        self, ctx: AppContext, actor: Actor, load: Loader, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("print_preview")
        # A preview per receipt, all day long: closed is gone, with its page images.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("打印预览"))
        self.ctx, self.actor, self.load = ctx, actor, load
        self.document: PrintedDocument | None = None
        self.page_size: PageSize | None = None
        self.pdf = b""
        self.sharpening = 0.0  # the resolution being rendered for a zoom, if any
        self.resize(self.size_for(self._available(), landscape=False))

        self.info = QLabel(tr("正在生成…"))
        self.info.setObjectName("preview_info")
        self.info.setWordWrap(True)  # a long title wraps; it never widens the window
        self.size_box = QComboBox()
        self.size_box.setObjectName("page_size")
        for size in PageSize:
            self.size_box.addItem(size.value, size)
        self.size_box.currentIndexChanged.connect(self._size_chosen)
        self.print_button = QPushButton(tr("打印…"))
        self.print_button.setObjectName("print_button")
        self.print_button.setEnabled(False)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_clicked)
        close = QPushButton(tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        self.view = PageView()
        self.page_box = self.view.page_box
        self.view.needs_dpi.connect(self._sharpen)
        zoom_bar = self._zoom_bar()

        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        bar.addLayout(zoom_bar)
        bar.addWidget(QLabel(tr("纸张")))
        bar.addWidget(self.size_box)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.view.setFocus()  # arrows scroll the pages, Enter prints (the default button)
        self.load_preview()

    @staticmethod
    def size_for(available: QSize, *, landscape: bool) -> QSize:
        """The preview's size on a screen leaving ``available``: as tall as it allows (counter
        PCs often have 768 lines and a taskbar), a portrait page's width or, for landscape
        paper, as wide as it allows; the window's frame still fits."""
        width = min(1180 if landscape else 900, available.width() - 40)
        return QSize(width, min(900, available.height() - 40))

    def _available(self) -> QSize:
        screen = self.screen()
        return screen.availableGeometry().size() if screen else QSize(1366, 728)

    def _zoom_bar(self) -> QHBoxLayout:
        """缩小 / the zoom / 放大 / 适合宽度, each with its key; none takes Enter from 打印…"""
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("300%"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)}%"))
        bar = QHBoxLayout()
        for name, text, keys, act in (
            ("zoom_out", tr("缩小"), ("Ctrl+-",), self.view.zoom_out),
            ("zoom_in", tr("放大"), ("Ctrl+=", "Ctrl++"), self.view.zoom_in),
            ("fit_width", tr("适合宽度"), ("Ctrl+0",), self.view.fit_width),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.setToolTip(f"{text} ({keys[0]})")
            button.clicked.connect(act)
            for key in keys:
                QShortcut(QKeySequence(key), self, act)
            bar.addWidget(button)
            if name == "zoom_out":
                bar.addWidget(self.zoom_label)
        return bar

    @property
    def pages(self) -> list[QImage]:
        return self.view.images

    @property
    def zoom(self) -> float:
        return self.view.zoom

    def done(self, result: int) -> None:
        """Closed (关闭, Esc or the window's X): let go of the page images now, not when Qt
        gets round to deleting the dialog; a print still running keeps its own copy."""
        self.view.clear()
        self.pdf = b""
        super().done(result)

    @classmethod
    def for_number(
        cls,
        ctx: AppContext,
        actor: Actor,
        kind: str,
        number: str,
        parent: QWidget | None = None,
    ) -> PrintPreviewDialog:
        """The preview of a document named by kind and number (``app.printing.loaders``)."""
        return cls(ctx, actor, lambda uow: load_document(uow, actor, kind, number), parent)

    # -- preview -------------------------------------------------------------------------------
    def load_preview(self) -> None:
        self.print_button.setEnabled(False)
        ctx, load, document, size = self.ctx, self.load, self.document, self.page_size

        def work() -> _Preview:
            uow = ctx.uow()
            doc = document or load(uow)
            copy_no = next_copy_no(uow, doc.kind, doc.number)
            shown = mark_copy(doc, copy_no, uow.clock.now())
            pdf = render(shown, size, demo=is_demo_database(uow))
            return _Preview(doc, copy_no, pdf, rasterize(pdf, PREVIEW_DPI))

        run_op(self, work, self._show_preview, self._failed)

    def _show_preview(self, preview: _Preview) -> None:
        if not isValid(self):  # closed while the pages were being rendered
            return
        self.document, self.pdf, self.sharpening = preview.document, preview.pdf, 0.0
        if self.page_size is None:
            self.size_box.blockSignals(True)
            self.size_box.setCurrentIndex(self.size_box.findData(preview.document.spec.page_size))
            self.size_box.blockSignals(False)
        if preview.document.spec.landscape:  # the daily log: as wide as the screen allows
            self.resize(self.size_for(self._available(), landscape=True))
        self.view.set_pages(preview.pages, PREVIEW_DPI)
        doc = preview.document
        if preview.copy_no == 1:
            copy = tr("首次打印")
        elif doc.spec.marks_reprints:
            copy = tr("第 %d 份，将标注“补打”") % preview.copy_no
        else:
            copy = tr("第 %d 份") % preview.copy_no
        self.info.setText(f"{doc.title} {doc.number} · {copy}")
        self.setWindowTitle(tr("打印预览 - %s") % doc.title)
        self.print_button.setEnabled(True)
        self.preview_shown.emit(len(preview.pages))

    def _sharpen(self, dpi: float) -> None:
        """Zoomed past the pages' resolution: render them again, sharper, off the GUI thread."""
        if not self.view.images:
            return
        pixels_at_1 = sum(i.width() * i.height() for i in self.view.images) / self.view.dpi**2
        dpi = min(dpi, SHARP_PREVIEW_DPI, math.sqrt(SHARP_PREVIEW_PIXELS / pixels_at_1))
        if dpi <= max(self.view.dpi, self.sharpening) + 1:
            return
        self.sharpening, pdf = dpi, self.pdf

        def shown(images: list[QImage]) -> None:
            if isValid(self) and self.pdf is pdf and self.sharpening == dpi:
                self.view.set_pages(images, dpi)

        run_op(self, lambda: rasterize(pdf, dpi), shown, self._failed)

    def _size_chosen(self) -> None:
        self.page_size = self.size_box.currentData()
        self.load_preview()

    # -- printing ------------------------------------------------------------------------------
    def _paper(self) -> PageSize:
        if self.page_size is not None:
            return self.page_size
        return self.document.spec.page_size if self.document else PageSize.A4

    def make_printer(self) -> QPrinter:
        """A printer set up for this document: its paper, the whole sheet (the PDF has its own
        margins), and the printer this PC used last."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        saved = LocalSettings.load().printer
        if saved and saved in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(saved)
        return printer

    def print_clicked(self) -> None:
        """The print dialog, then print; cancelled, the preview stays as it was."""
        if self.document is None:
            return
        printer = self.make_printer()
        propose_file(printer, self.document)
        self._set_paper(printer)
        dialog = QPrintDialog(printer, self)
        chosen = dialog.exec()
        dialog.deleteLater()
        if chosen != QDialog.DialogCode.Accepted:
            return
        drop_proposed_file(printer, self.document)
        if printer.outputFormat() is QPrinter.OutputFormat.NativeFormat and printer.printerName():
            settings = LocalSettings.load()
            settings.printer = printer.printerName()
            settings.save()
        self.print_to(printer)

    def _set_paper(self, printer: QPrinter) -> None:
        printer.setPageSize(QT_PAGE_SIZES[self._paper()])
        landscape = self.document is not None and self.document.spec.landscape
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        printer.setFullPage(True)

    def print_to(self, printer: QPrinter) -> None:
        """Print a copy on ``printer``: to a PDF file, the document's own (vector) PDF; to a
        printer, its pages as images."""
        if writes_pdf_file(printer):
            self.write_pdf(Path(printer.outputFileName()))
        else:
            self.print_pages(printer)

    def write_pdf(self, path: Path) -> None:
        """Log a copy and write its PDF to ``path``, off the GUI thread: text that can be
        searched and copied, a few dozen kB a page, where Qt would paint page images."""
        if self.document is None:
            return
        self.print_button.setEnabled(False)
        ctx, actor, doc, size = self.ctx, self.actor, self.document, self._paper()

        def work() -> int:
            record = record_print(ctx.uow(), actor, doc.kind, doc.number, str(path))
            copy = mark_copy(doc, record.copy_no, record.printed_at)
            path.write_bytes(render(copy, size, demo=is_demo_database(ctx.uow())))
            return record.copy_no

        run_op(self, work, self._printed, self._failed, progress=tr("正在准备打印…"))

    def print_pages(self, printer: QPrinter) -> None:
        """Log a copy, render it at the printer's resolution off the GUI thread, then paint."""
        if self.document is None:
            return
        self._set_paper(printer)
        self.print_button.setEnabled(False)
        ctx, actor, doc, size = self.ctx, self.actor, self.document, self._paper()
        where = printer.printerName() or printer.outputFileName()
        dpi = min(printer.resolution(), MAX_PRINT_DPI)

        def work() -> tuple[int, list[QImage]]:
            record = record_print(ctx.uow(), actor, doc.kind, doc.number, where)
            copy = mark_copy(doc, record.copy_no, record.printed_at)
            pdf = render(copy, size, demo=is_demo_database(ctx.uow()))
            return record.copy_no, rasterize(pdf, dpi)

        run_op(
            self,
            work,
            lambda result: self._paint(printer, *result),
            self._failed,
            progress=tr("正在准备打印…"),
        )

    def _paint(self, printer: QPrinter, copy_no: int, pages: list[QImage]) -> None:
        # The copy is logged: print it even if the preview was closed in the meantime.
        painter = QPainter()
        if not painter.begin(printer):
            if isValid(self):
                self._report(tr("无法连接打印机，请检查打印机是否开启"))
            return
        try:
            for i, page in enumerate(pages):
                if i:
                    printer.newPage()
                painter.drawImage(printer.paperRect(QPrinter.Unit.DevicePixel), page)
        finally:
            painter.end()
        self._printed(copy_no)

    def _printed(self, copy_no: int) -> None:
        """Done: the clerk goes back to where they were (the next copy is a reprint)."""
        if isValid(self):
            self.document_printed.emit(copy_no)
            parent = self.parentWidget()
            self.accept()
            if parent is not None and parent.isVisible():
                parent.window().activateWindow()  # back where the clerk was

    # -- errors --------------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):  # the file chosen to print to cannot be written
            if isValid(self):
                self._report(tr("无法写入文件 %s：%s") % (exc.filename or "", exc.strerror or exc))
            return
        if not isinstance(exc, DomainError):
            raise exc
        if isValid(self):
            self._report(exc.message)

    def _report(self, message: str) -> None:
        self.info.setText(message)
        self.print_button.setEnabled(self.document is not None)
        self.print_failed.emit(message)
        QMessageBox.warning(self, tr("打印"), message)


def open_print_preview(
    parent: QWidget | None, ctx: AppContext, actor: Actor, kind: str, number: str
) -> PrintPreviewDialog:
    """Show the preview of a document named by kind and number (non-modal)."""
    dialog = PrintPreviewDialog.for_number(ctx, actor, kind, number, parent)
    dialog.show()
    return dialog

"""Printing to a file: where the print dialog proposes to put it, and whether a chosen printer
writes a PDF file (which then gets the program's own vector PDF, not Qt's page images)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.printing import PrintedDocument

# Not allowed in a Windows file name (and "/" nowhere); a run of them or of spaces becomes "_".
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


def documents_folder() -> Path:
    """The user's Documents folder, or their home folder where there is none."""
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if where and Path(where).is_dir():
        return Path(where)
    return Path.home()


def file_name(doc: PrintedDocument) -> str:
    """``QH-20261126-0007-受理回执.pdf``: the number and the paper's kind; a document without a
    number (the hall's posted papers) is named by its kind and date."""
    stem = f"{doc.number}-{doc.title}" if doc.number else f"{doc.title}-{doc.issued_on:%Y%m%d}"
    return _NOT_IN_NAMES.sub("_", stem).strip("._") + ".pdf"


def default_pdf_path(doc: PrintedDocument) -> Path:
    return documents_folder() / file_name(doc)


def propose_file(printer: QPrinter, doc: PrintedDocument) -> None:
    """Make the print dialog offer ``doc``'s own file name in Documents for "print to file",
    without taking the place of the printer it would preselect.

    Only Qt's own print dialog (Linux) has a file name field. Windows' and macOS's dialogs ask
    for a file themselves, and a file name set beforehand could make them tick "print to file".
    """
    if sys.platform in ("win32", "darwin"):
        return
    printer_name = printer.printerName()
    printer.setOutputFileName(str(default_pdf_path(doc)))  # this also turns the printer to PDF
    name = printer_name or QPrinterInfo.defaultPrinterName()
    if name:
        printer.setPrinterName(name)  # back to the real printer; the file name stays proposed


def drop_proposed_file(printer: QPrinter, doc: PrintedDocument) -> None:
    """After the dialog: a real printer was chosen, so the proposed file name must not make it
    print to a file (a platform's own dialog may leave it in place)."""
    if (
        printer.outputFormat() is QPrinter.OutputFormat.NativeFormat
        and printer.outputFileName() == str(default_pdf_path(doc))
    ):
        printer.setOutputFileName("")


def writes_pdf_file(printer: QPrinter) -> bool:
    """The printer is "print to file (PDF)" or a file ending in .pdf."""
    name = printer.outputFileName()
    return bool(name) and (
        printer.outputFormat() is QPrinter.OutputFormat.PdfFormat or name.lower().endswith(".pdf")
    )

"""Printed documents: receipts, notices, slips, guides and the daily log, through one template.

* ``documents`` — the kinds, as frozen dataclasses of plain values;
* ``kinds`` — per kind: title, paper, stub, seal, signature line, QR letter;
* ``blocks`` — what bodies are made of; ``template`` draws them (reportlab platypus);
* ``builders`` — records (cases, catalog versions) into documents, QR payload signed;
* ``loaders`` — "print kind K, number N" for the command line and the screens;
* ``records`` — the print log: every printed copy, reprints marked 补打.

Importing this package does not import reportlab: :func:`render` loads the template on first
use, so start-up never pays for it.
"""

from __future__ import annotations

from app.printing.documents import (
    AcceptanceReceipt,
    ApplicantLine,
    AppointmentConfirmation,
    CatalogDisclosure,
    CompletionNotice,
    CorrectionRequest,
    CounterDesk,
    DailyLog,
    DeferredMaterialsNotice,
    DenialDecision,
    ExtensionNotice,
    HaltNotice,
    MaterialLine,
    OneTimeNotice,
    PrintedDocument,
    QueueTicketSlip,
    ReferralSlip,
    RefusalNotice,
    ReprintMark,
    ServiceCommitment,
    ServiceGuide,
    SpecialProcedureNotice,
    SupplyReceipt,
    TerminationNotice,
)
from app.printing.kinds import DocumentKind, PageSize

__all__ = [
    "AcceptanceReceipt",
    "ApplicantLine",
    "AppointmentConfirmation",
    "CatalogDisclosure",
    "CompletionNotice",
    "CorrectionRequest",
    "CounterDesk",
    "DailyLog",
    "DeferredMaterialsNotice",
    "DenialDecision",
    "DocumentKind",
    "ExtensionNotice",
    "HaltNotice",
    "MaterialLine",
    "OneTimeNotice",
    "PageSize",
    "PrintedDocument",
    "QueueTicketSlip",
    "ReferralSlip",
    "RefusalNotice",
    "ReprintMark",
    "ServiceCommitment",
    "ServiceGuide",
    "SpecialProcedureNotice",
    "SupplyReceipt",
    "TerminationNotice",
    "render",
    "warm_up",
]


def render(
    doc: PrintedDocument, page_size: PageSize | str | None = None, *, demo: bool = False
) -> bytes:
    """The document as PDF bytes (A4 unless its kind or ``page_size`` says A5). ``demo``: the
    database is a demo one (``app.settings.is_demo_database``): every page says 演示数据
    across it, so a demo paper is never taken for a real one."""
    from app.printing.template import render_pdf
    from app.settings import DEMO_MARK

    return render_pdf(doc, page_size, DEMO_MARK if demo else "")


def warm_up() -> None:
    """Load what the first print needs, so the clerk's first receipt does not wait for it:
    reportlab and the QR encoder imported, the main face registered, the page styles built, one
    small page laid out. Meant for a background thread once the main window has painted."""
    from app.printing.template import warm_up as warm_template

    warm_template()

"""The one-time notice and the refusal as printed documents, and their loaders by number.

Importing this module registers the loaders (``frontdesk print notice QH-N20261124-0001``,
``print refusal QH-R…``, and the print preview by number). Importing it does not import
reportlab.
"""

from __future__ import annotations

from app.cases.deadlines import local_day
from app.catalog.records import MaterialRecord, Necessity
from app.clock import DEFAULT_TZ
from app.errors import NotFound
from app.notices.records import NoticeRecord, RefusalRecord
from app.ports import UnitOfWork
from app.printing.builders import FORM_LABELS, citizen_date, material_line
from app.printing.documents import (
    ApplicantLine,
    CounterDesk,
    MaterialLine,
    OneTimeNotice,
    RefusalNotice,
)
from app.printing.kinds import DocumentKind
from app.printing.loaders import register_loader
from app.records import SiteRecord
from app.signing import sign_document


def _desk(uow: UnitOfWork, window_id: int | None, clerk: str, site: SiteRecord) -> CounterDesk:
    window = uow.sites.window(window_id) if window_id else None
    return CounterDesk(
        window=f"{window.number}号窗口（{window.name}）" if window else "",
        clerk=clerk,
        phone=site.phones,
    )


def _site(uow: UnitOfWork, site_id: int) -> SiteRecord:
    site = uow.sites.get(site_id)
    if site is None:
        raise NotFound("找不到本服务中心的记录")
    return site


def _applicant(record: NoticeRecord | RefusalRecord) -> ApplicantLine:
    a = record.applicant
    return ApplicantLine.masked(a.name, a.id_number, a.phone, a.agent_name, a.agent_id_number)


def _missing_note(m: MaterialRecord) -> str:
    parts = [f"适用情形：{m.condition}" if m.necessity is Necessity.CONDITIONAL else ""]
    parts.append(f"{m.copies}份" if m.copies > 1 else "")
    parts.append(m.requirements)
    return "；".join(p for p in parts if p)


def notice_document(uow: UnitOfWork, notice_id: int) -> OneTimeNotice:
    """一次性告知单 of a stored notice: every missing material, with its requirements."""
    from app.catalog.service import get_version

    with uow.read():
        notice = uow.notices.get(notice_id)
        if notice is None:
            raise NotFound(f"没有编号为 {notice_id} 的告知单")
        version = get_version(uow, notice.item_version_id)
        site = _site(uow, notice.site_id)
        desk = _desk(uow, notice.window_id, notice.issued_by_name, site)
    issued_on = local_day(notice.issued_at)
    missing, received = notice.missing_ids, notice.received_ids
    supply = citizen_date(uow, notice.supply_by)
    return OneTimeNotice(
        center_name=site.name,
        number=notice.number,
        issued_on=issued_on,
        desk=desk,
        qr_payload=sign_document(
            uow, DocumentKind.ONE_TIME_NOTICE, notice.number, issued_on, site_id=site.id
        ),
        item_name=version.name,
        item_code=version.code,
        catalog_version=version.version_no,
        applicant=_applicant(notice),
        received_at=notice.received_at.astimezone(DEFAULT_TZ),
        missing=tuple(
            material_line(m, _missing_note(m)) for m in version.materials if m.id in missing
        ),
        received=tuple(
            MaterialLine(m.name, FORM_LABELS[m.form], m.copies)
            for m in version.materials
            if m.id in received
        ),
        supply_by=supply.day if supply else None,
        supply_by_provisional=bool(supply and supply.provisional),
        complaint_phone=version.complaint_phone,
    )


def refusal_document(uow: UnitOfWork, refusal_id: int) -> RefusalNotice:
    """不予受理通知书, with the applicant's remedies (the document's fixed text)."""
    with uow.read():
        refusal = uow.notices.refusal(refusal_id)
        if refusal is None:
            raise NotFound(f"没有编号为 {refusal_id} 的不予受理通知书")
        site = _site(uow, refusal.site_id)
        desk = _desk(uow, refusal.window_id, refusal.issued_by_name, site)
        notice = uow.notices.get(refusal.notice_id) if refusal.notice_id else None
    # Applied when the materials were first handed in: on the notice, if one came before.
    applied_at = notice.received_at if notice else refusal.issued_at
    issued_on = local_day(refusal.issued_at)
    return RefusalNotice(
        center_name=site.name,
        number=refusal.number,
        issued_on=issued_on,
        desk=desk,
        qr_payload=sign_document(
            uow, DocumentKind.REFUSAL, refusal.number, issued_on, site_id=site.id
        ),
        item_name=refusal.item_name,
        item_code=refusal.item_code,
        applicant=_applicant(refusal),
        applied_at=applied_at.astimezone(DEFAULT_TZ),
        reason=refusal.reason,
        legal_basis=refusal.legal_basis,
        redirect_to=refusal.redirect_to,
    )


def _notice_by_number(uow: UnitOfWork, number: str) -> OneTimeNotice:
    with uow.read():
        notice = uow.notices.by_number(number)
    if notice is None:
        raise NotFound(f"没有编号为“{number}”的一次性告知单")
    return notice_document(uow, notice.id)


def _refusal_by_number(uow: UnitOfWork, number: str) -> RefusalNotice:
    with uow.read():
        refusal = uow.notices.refusal_by_number(number)
    if refusal is None:
        raise NotFound(f"没有编号为“{number}”的不予受理通知书")
    return refusal_document(uow, refusal.id)


register_loader(DocumentKind.ONE_TIME_NOTICE, _notice_by_number)
register_loader(DocumentKind.REFUSAL, _refusal_by_number)

"""The referral slip (引导单) of a referral, and its loader by number.

The slip carries the referral's number (``QH-F20261124-0003``); the loader also takes a visit
number and prints the visit's latest referral. Importing this module registers the loader
(``frontdesk print referral NUMBER``); it does not import reportlab.
"""

from __future__ import annotations

from app.cases.deadlines import local_day
from app.errors import NotFound
from app.ports import UnitOfWork
from app.printing.builders import material_line, necessity_note
from app.printing.documents import ApplicantLine, CounterDesk, ReferralSlip
from app.printing.kinds import DocumentKind
from app.printing.loaders import register_loader
from app.signing import sign_document
from app.validation import mask_personal_numbers
from app.visits.lifecycle import ReferralKind
from app.visits.records import ReferralRecord


def referral_slip(uow: UnitOfWork, referral_id: int) -> ReferralSlip:
    """引导单: where to go, to whom, the phone, why; for a catalog item, what to bring."""
    from app.catalog.service import get_version

    with uow.read():
        referral = uow.visits.referral(referral_id)
        if referral is None:
            raise NotFound(f"没有编号为 {referral_id} 的转办记录")
        visit = uow.visits.get(referral.visit_id)
        if visit is None:
            raise NotFound("找不到转办所属的来访登记")
        site = uow.sites.get(visit.site_id)
        if site is None:
            raise NotFound("找不到本服务中心的记录")
        window = uow.sites.window(visit.window_id) if visit.window_id else None
        version = get_version(uow, referral.item_version_id) if referral.item_version_id else None
    issued_on = local_day(referral.referred_at)
    visitor = ApplicantLine.masked(visit.visitor_name or "（未留姓名）", "", visit.phone)
    external = referral.kind is ReferralKind.EXTERNAL
    return ReferralSlip(
        center_name=site.name,
        number=referral.number,
        issued_on=issued_on,
        desk=CounterDesk(
            window=f"{window.number}号窗口（{window.name}）" if window else "",
            clerk=referral.from_staff_name,
            phone=site.phones,
        ),
        qr_payload=sign_document(
            uow, DocumentKind.REFERRAL, referral.number, issued_on, site_id=site.id
        ),
        matter=mask_personal_numbers(visit.question),
        to_place=_place(referral),
        visitor=visitor.describe(),
        to_person="" if external else referral.to_staff_name,
        to_phone=mask_personal_numbers(
            referral.to_contact if external else referral.to_phone or site.phones
        ),
        reason=mask_personal_numbers(referral.reason),
        external=external,
        escort=visit.needs_escort,
        item_name=version.name if version else "",
        checklist=tuple(material_line(m, necessity_note(m)) for m in version.materials)
        if version
        else (),
    )


def _place(referral: ReferralRecord) -> str:
    if referral.kind is ReferralKind.EXTERNAL:
        return referral.to_body
    parts = [referral.to_department_name, referral.to_window_label]
    return "　".join(p for p in parts if p) or referral.destination


def _slip_by_number(uow: UnitOfWork, number: str) -> ReferralSlip:
    """By the referral's number, or a visit's (its latest referral)."""
    with uow.read():
        referral = uow.visits.referral_by_number(number)
        if referral is None:
            visit = uow.visits.by_number(number)
            if visit is not None and visit.referrals:
                referral = visit.referrals[-1]
    if referral is None:
        raise NotFound(f"没有编号为“{number}”的引导单（转办）")
    return referral_slip(uow, referral.id)


register_loader(DocumentKind.REFERRAL, _slip_by_number)

"""The referral slip (引导单) as printed: where to go, to whom, the phone, and for a catalog
item the one-time checklist of what to bring; found by the referral's or the visit's number."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from app.auth import login
from app.context import AppContext
from app.errors import NotFound
from app.printing import render
from app.printing.loaders import load_document
from app.signing import verify_payload
from app.visits import service
from app.visits.records import ReferralInput, VisitInput
from tests.helpers.printing import compact, decode_qr


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [compact(page.get_textpage().get_text_range()) for page in document]
    finally:
        document.close()


def test_slip_names_destination_receiver_phone_and_checklist(demo_ctx: AppContext) -> None:
    a = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    b = login(demo_ctx.uow(), "wangfang", "demo-2026")
    visit = service.register_visit(
        demo_ctx.uow(),
        a,
        VisitInput(
            question="想给母亲办养老保险，电话13812345678",
            visitor_name="王𠇹",
            phone="13912345678",
            needs_escort=True,
        ),
    )
    referral = service.refer_visit(
        demo_ctx.uow(),
        a,
        visit.id,
        ReferralInput(to_staff_id=b.staff_id, item_code="RS-001", reason="社保业务"),
    )
    doc = load_document(demo_ctx.uow(), a, "referral", referral.number)
    pdf = render(doc)
    pages = page_texts(pdf)
    assert len(pages) == 1  # A5, one sheet to hand over
    text = pages[0]
    for expected in (
        "引导单",
        referral.number,
        "人力资源和社会保障局",
        "3号窗口（社保窗口）",
        "接待人员王芳",
        "联系电话0310-6812345",
        "城乡居民基本养老保险参保登记",
        "请携带以下材料（一次性告知）",
        "居民身份证",
        "户口簿",
        "（需陪同）",
        "首问负责",
    ):
        assert expected in text, expected
    # Numbers typed into the question are masked like the visitor's own.
    assert "13812345678" not in text and "138****5678" in text and "139****5678" in text
    payload = decode_qr(pdf)[0]
    verdict = verify_payload(demo_ctx.uow(), payload)
    assert verdict.genuine and verdict.number == referral.number

    by_visit = load_document(demo_ctx.uow(), a, "referral", visit.number)
    assert by_visit.number == referral.number
    with pytest.raises(NotFound):
        load_document(demo_ctx.uow(), a, "referral", "QH-F20261124-0099")


def test_outside_body_slip_says_who_handles_it_and_how_to_reach_them(
    demo_ctx: AppContext,
) -> None:
    a = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    visit = service.register_visit(demo_ctx.uow(), a, VisitInput(question="户口迁移怎么办？"))
    referral = service.refer_visit(
        demo_ctx.uow(),
        a,
        visit.id,
        ReferralInput(
            kind="external",
            to_body="县公安局户政科",
            to_contact="人民路12号，0310-6811110",
            reason="户籍业务由公安机关办理",
        ),
    )
    text = page_texts(render(load_document(demo_ctx.uow(), a, "referral", referral.number)))[0]
    for expected in (
        "承办单位县公安局户政科",
        "联系方式人民路12号，0310-6811110",
        "不属本中心办理的原因户籍业务由公安机关办理",
        "（未留姓名）",
    ):
        assert expected in text, expected

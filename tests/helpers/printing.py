"""Sample documents of every kind, and reading rendered PDFs back (text, fonts, QR code)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta, timezone

from app.fonts import bundled_fonts
from app.printing import (
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
    MaterialLine,
    OneTimeNotice,
    PrintedDocument,
    QueueTicketSlip,
    ReferralSlip,
    RefusalNotice,
    ServiceCommitment,
    ServiceGuide,
    SpecialProcedureNotice,
    SupplyReceipt,
)

BEIJING = timezone(timedelta(hours=8))
RARE_NAME = "王𠀀𪚥𬌗䶮"  # Ext B, Ext B, Ext E, Ext A
FULL_ID = "110105194912310021"
FULL_PHONE = "13812345678"
CENTER = "清河县政务服务中心"
DESK = CounterDesk("1号窗口（社会救助窗口）", "张伟", "0310-6812345")
AT = datetime(2026, 11, 24, 9, 30, tzinfo=BEIJING)
APPLICANT = ApplicantLine.masked(RARE_NAME, FULL_ID, FULL_PHONE, "李娜", "110105199001010012")
MATERIALS = (
    MaterialLine("申请人居民身份证", "原件", 1, "原件现场核验"),
    MaterialLine("户口簿", "复印件", 1, "复印首页及本人页"),
)


def sample_documents(payload: str = "") -> dict[str, PrintedDocument]:
    """One document of each kind; each names the rare-character applicant where it has one."""
    common = {"center_name": CENTER, "desk": DESK, "qr_payload": payload}
    return {
        "receipt": AcceptanceReceipt(
            **common,
            number="QH-20261124-0001",
            issued_on=date(2026, 11, 24),
            item_name="最低生活保障申请",
            item_code="MZ-001",
            catalog_version=3,
            applicant=APPLICANT,
            received_at=AT - timedelta(minutes=12),
            accepted_at=AT,
            statutory_days=30,
            committed_days=20,
            due_date=date(2026, 12, 22),
            due_provisional=True,
            materials=MATERIALS,
            deferred=(MaterialLine("收入证明", "原件", 1),),
            deferred_supply_by=date(2026, 12, 1),
            progress_phone="0310-6812301",
            delivery="窗口领取；邮寄送达",
            pickup_place="清河县政务服务中心一楼1号窗口",
            fee="不收费",
        ),
        "notice": OneTimeNotice(
            **common,
            number="QH-N20261124-0001",
            issued_on=date(2026, 11, 24),
            item_name="最低生活保障申请",
            item_code="MZ-001",
            catalog_version=3,
            applicant=APPLICANT,
            received_at=AT,
            missing=(MaterialLine("收入证明", "原件", 1, "近六个月"),),
            received=MATERIALS,
            supply_by=date(2026, 12, 8),
            complaint_phone="12345",
        ),
        "referral": ReferralSlip(
            **common,
            number="QH-F20261124-0003",
            issued_on=date(2026, 11, 24),
            visitor=RARE_NAME,
            matter="城乡居民养老保险参保登记",
            to_place="3号窗口（社保窗口）",
            to_person="王芳",
            reason="本窗口不办理社保业务",
        ),
        "refusal": RefusalNotice(
            **common,
            number="QH-R20261124-0002",
            issued_on=date(2026, 11, 24),
            item_name="取水许可",
            item_code="SL-001",
            applicant=APPLICANT,
            applied_at=AT,
            reason="申请事项依法不属于本机关职权范围",
            legal_basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
            redirect_to="市水利局",
        ),
        "correction": CorrectionRequest(
            **common,
            number="QH-20261124-0001-C1",
            issued_on=date(2026, 11, 26),
            case_number="QH-20261124-0001",
            item_name="最低生活保障申请",
            applicant=APPLICANT,
            accepted_at=AT,
            corrections=(MaterialLine("户口簿", note="复印件不清晰，请重新复印"),),
            supply_by=date(2026, 12, 3),
        ),
        "deferred": DeferredMaterialsNotice(
            **common,
            number="QH-20261124-0001",
            issued_on=date(2026, 11, 24),
            item_name="最低生活保障申请",
            applicant=APPLICANT,
            accepted_at=AT,
            deferred=(MaterialLine("收入证明", "原件", 1),),
            supply_by=date(2026, 12, 1),
            commitment="本人承诺于2026年12月1日前补交收入证明，逾期未交自愿承担相应后果。",
        ),
        "completion": CompletionNotice(
            **common,
            number="QH-20261124-0001",
            issued_on=date(2026, 12, 10),
            item_name="最低生活保障申请",
            applicant=APPLICANT,
            accepted_at=AT,
            decided_at=AT + timedelta(days=16),
            outcome="准予办理",
            decision_note="自2027年1月起按月发放",
            delivery="窗口领取",
            pickup_place="清河县政务服务中心一楼1号窗口",
        ),
        "denial": DenialDecision(
            **common,
            number="QH-20261124-0001-J",
            issued_on=date(2026, 12, 10),
            case_number="QH-20261124-0001",
            item_name="最低生活保障申请",
            applicant=APPLICANT,
            accepted_at=AT,
            decided_at=AT + timedelta(days=16),
            reason="经入户调查，申请人家庭人均月收入高于本县最低生活保障标准",
            legal_basis="《社会救助暂行办法》第九条；《中华人民共和国行政许可法》第三十八条第二款",
        ),
        "supply": SupplyReceipt(
            **common,
            number="QH-20261124-0001-B1",
            issued_on=date(2026, 11, 27),
            case_number="QH-20261124-0001",
            item_name="最低生活保障申请",
            applicant=APPLICANT,
            supplied_at=AT + timedelta(days=3),
            supplied=(MaterialLine("收入证明", "原件", 1),),
            outstanding=(MaterialLine("户口簿", "复印件", 1),),
            supply_by=date(2026, 12, 1),
        ),
        "special": SpecialProcedureNotice(
            **common,
            number="QH-20261124-0001-T1",
            issued_on=date(2026, 11, 26),
            case_number="QH-20261124-0001",
            item_name="最低生活保障申请",
            applicant=APPLICANT,
            accepted_at=AT,
            started_at=AT + timedelta(days=2),
            procedure="鉴定",
            reason="申请人残疾等级需经指定机构鉴定",
            expected_days=15,
            expected_end=date(2027, 1, 4),
            expected_end_provisional=True,
        ),
        "extension": ExtensionNotice(
            **common,
            number="QH-20261124-0001-E1",
            issued_on=date(2026, 12, 18),
            case_number="QH-20261124-0001",
            item_name="最低生活保障申请",
            applicant=APPLICANT,
            accepted_at=AT,
            days=10,
            reason="需会同县残联核实残疾等级",
            approved_by="县民政局局长 刘强",
            new_due=date(2027, 1, 19),
            new_due_provisional=True,
        ),
        "commitment": ServiceCommitment(
            **{**common, "desk": CounterDesk(phone="0310-6812345")},
            number="CN-20261124",
            issued_on=date(2026, 11, 24),
            items=42,
            on_the_spot=12,
            committed_days=300,
            statutory_days=600,
            visits_zero_or_one=40,
            complaint_phone="0310-6812300",
        ),
        "disclosure": CatalogDisclosure(
            **{**common, "desk": CounterDesk(phone="0310-6812345")},
            number="GS-20261124",
            issued_on=date(2026, 11, 24),
            rows=(
                (
                    *("MZ-001", "最低生活保障申请", "县民政局", "《社会救助暂行办法》", "不收费"),
                    *("30个工作日", "20个工作日", "受理（1日）→审核（15日）→决定（4日）"),
                ),
                (
                    *("SB-002", "城乡居民养老保险参保登记", "县人社局", "《社会保险法》第二十条"),
                    *("不收费", "即办", "即办", "当场办结"),
                ),
            ),
        ),
        "guide": ServiceGuide(
            **common,
            number="MZ-001-V3",
            issued_on=date(2026, 11, 24),
            item_name="最低生活保障申请",
            item_code="MZ-001",
            version_no=3,
            department="县民政局",
            category="社会救助",
            legal_basis="《社会救助暂行办法》",
            conditions="持有本县户籍，共同生活的家庭成员人均月收入低于本县最低生活保障标准。",
            statutory_days=30,
            committed_days=20,
            fee="不收费",
            where_when="清河县政务服务中心一楼1号窗口；周一至周五",
            consult_phone="0310-6812301",
            complaint_phone="12345",
            delivery_methods="窗口领取",
            materials=MATERIALS,
            steps=(("受理", 1), ("审核", 15), ("决定", 4)),
        ),
        "appointment": AppointmentConfirmation(
            **common,
            number="QH-Y20261124-0003",
            issued_on=date(2026, 11, 24),
            visitor=ApplicantLine.masked(RARE_NAME, phone=FULL_PHONE),
            item_name="最低生活保障申请",
            item_code="MZ-001",
            day=date(2026, 11, 26),
            slot="09:30-10:00",
            place="1号窗口（社会救助窗口）",
            booked_at=AT,
            channel="电话预约",
            notes="行动不便，需轮椅",
            materials=MATERIALS,
        ),
        "daily_log": DailyLog(
            **{**common, "desk": CounterDesk()},
            number="QH-RZ20261124",
            issued_on=date(2026, 11, 24),
            period="2026年11月24日",
            count_groups=(("一次性告知", 2), ("办件", 3), ("好差评", 1)),
            count_headers=("告知单", "违反告知", "受理", "不予受理", "办结", "评价"),
            count_rows=(
                ("1号 社会救助窗口", "张伟", "3", "1", "12", "0", "7", "—"),
                ("2号 养老服务窗口", "李娜", "0", "0", "5", "1", "4", "—"),
            ),
            totals=("3", "1", "17", "1", "11", "—"),
            cases=(
                (
                    "QH-20261124-0001",
                    "最低生活保障申请",
                    "王*䶮",
                    "张伟",
                    "办理中",
                    "2026-12-22",
                    "正常",
                ),
            ),
            supervisor="孙丽",
            prepared_by="孙丽",
            made_at=datetime(2026, 11, 24, 17, 30, tzinfo=BEIJING),
            chain_seq=1234,
            chain_hash="0123456789abcdef" * 4,
            chain_at=datetime(2026, 11, 24, 17, 29, tzinfo=BEIJING),
            notes=("“—”表示该项尚未接入记录。",),
        ),
        "queue_ticket": QueueTicketSlip(
            center_name=CENTER,
            number="A014",
            issued_on=date(2026, 11, 24),
            group_name="社会救助",
            taken_at=datetime(2026, 11, 24, 9, 12, tzinfo=BEIJING),
            ahead=6,
            windows=(1, 2),
        ),
    }


def pdf_text(pdf: bytes) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def compact(text: str) -> str:
    """Text without the spaces and line breaks that wrapping and extraction put in."""
    return "".join(text.split())


def font_runs(pdf: bytes) -> list[tuple[str, str]]:
    """(bundled font key, text) of every text-showing operation in the PDF, from its content
    streams, decoded through the PDF's own ToUnicode maps."""
    from pypdf import PdfReader

    by_face = {font.pdf_name: font.key for font in bundled_fonts()}
    runs: list[tuple[str, str]] = []

    def visit(text: str, cm: object, tm: object, font: object, size: object) -> None:
        if not text or font is None:
            return
        base = str(font["/BaseFont"]).lstrip("/")  # type: ignore[index]
        face = base.split("+", 1)[-1].removesuffix("-0")  # AAAAAB+WenQuanYiMicroHei-0
        runs.append((by_face.get(face, base), text))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return runs


def decode_qr(pdf: bytes, page: int = 0, dpi: int = 200) -> list[str]:
    """The QR codes a real decoder (zxing-cpp) finds on a page rendered by PDFium."""
    import pypdfium2 as pdfium
    import zxingcpp

    document = pdfium.PdfDocument(pdf)
    try:
        image = document[page].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        document.close()
    return [r.text for r in zxingcpp.read_barcodes(image)]


def utc(year: int, month: int, day: int, hour: int = 1) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def pdfium_text(pdf: bytes) -> list[str]:
    """The text of each page as PDFium (the engine of the print preview) extracts it."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            text = page.get_textpage()
            pages.append(text.get_text_range())
            text.close()
            page.close()
        return pages
    finally:
        document.close()

"""Every document kind through the one template: the fields are on the page, in fonts that
have their glyphs, with masked numbers only, on the right paper, with a stub where practice
keeps one."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import sys
from datetime import datetime

import pytest
from pypdf import PdfReader

from app.fonts import has_glyph
from app.printing import (
    ApplicantLine,
    PageSize,
    PrintedDocument,
    ReprintMark,
    render,
)
from app.printing.documents import ALL_DOCUMENT_CLASSES
from app.printing.template import PersonalDataError
from tests.helpers.printing import (
    BEIJING,
    CENTER,
    FULL_ID,
    FULL_PHONE,
    RARE_NAME,
    compact,
    font_runs,
    pdf_text,
    sample_documents,
)

DOCS = sample_documents()
# What each kind must show, beyond the common parts (center, title, number, desk, date).
EXPECTED = {
    "receipt": [
        "最低生活保障申请（事项编码MZ-001，第3版）",
        "110105********0021",
        "138****5678",
        "李娜（证件号码110105********0012）",
        "收件时间2026年11月24日09:18",
        "受理时间2026年11月24日09:30",
        "法定时限30个工作日",
        "承诺时限20个工作日",
        "2026年12月22日（暂定",
        "申请人居民身份证",
        "容缺材料（请于2026年12月1日前补交）",
        "收入证明",
        "拨打0310-6812301",
        "扫描二维码",
        "窗口领取；邮寄送达",
        "领取地点清河县政务服务中心一楼1号窗口",
        "收费不收费",
    ],
    "notice": [
        "收入证明",
        "近六个月",
        "请于2026年12月8日前补齐",
        "以上为需补充的全部材料",
        "12345",
    ],
    "referral": ["城乡居民养老保险参保登记", "3号窗口（社保窗口）", "王芳", "首问负责"],
    "refusal": ["决定不予受理", "不属于本机关职权范围", "行政许可法", "市水利局", "行政复议"],
    "correction": ["QH-20261124-0001", "复印件不清晰", "补正期间不计入办理时限", "2026年12月3日"],
    "deferred": ["容缺受理", "收入证明", "2026年12月1日前补交", "本人承诺", "申请人（签字）"],
    "completion": ["已办结", "准予办理", "自2027年1月起按月发放", "2026年12月10日"],
    "denial": [
        "决定不予行政许可",
        "QH-20261124-0001",
        "家庭人均月收入高于本县最低生活保障标准",
        "社会救助暂行办法》第九条",
        "六十日内依法申请行政复议",
        "六个月内依法向人民法院提起行政诉讼",
        "特此决定",
    ],
    "supply": [
        "容缺受理时承诺补交的材料",
        "2026年11月27日09:30收到以下各项",
        "收入证明",
        "尚需补交（请于2026年12月1日前补交）",
        "户口簿",
    ],
    "special": [
        "依法需要进行鉴定",
        "申请人残疾等级需经指定机构鉴定",
        "15个工作日，预计于2027年1月4日（暂定",
        "第四十五条",
        "不计算在办理期限内",
    ],
    "extension": [
        "第四十二条",
        "延长期限10个工作日",
        "需会同县残联核实残疾等级",
        "办结期限延至2027年1月19日（暂定",
        "县民政局局长刘强（行政机关负责人）",
    ],
    "commitment": [
        "郑重承诺",
        "首问负责",
        "一次性告知",
        "本中心公示的42个事项中，即办件12个当场办结",
        "平均缩短50%",
        "AB岗",
        "监督投诉电话：0310-6812300",
    ],
    "disclosure": [
        "以下2个事项",
        "最低生活保障申请",
        "《社会救助暂行办法》",
        "受理（1日）→审核（15日）→决定（4日）",
        "城乡居民养老保险参保登记",
        "当场办结",
    ],
    "guide": ["县民政局", "社会救助暂行办法", "申请材料", "办理流程", "审核", "15个工作日"],
    "appointment": [
        "预约时间2026年11月26日（星期四）09:30-10:00",
        "办理地点1号窗口（社会救助窗口）",
        "138****5678",
        "预约登记电话预约，2026年11月24日09:30",
        "请携带以下材料",
        "户口簿",
        "凭预约号到窗口签到",
        "改约或取消请致电0310-6812345",
    ],
    "daily_log": [
        "统计期间2026年11月24日",
        "一次性告知",
        "违反告知",
        "1号社会救助窗口张伟311207—",
        "合计",
        "办件清单（1件）",
        "QH-20261124-0001最低生活保障申请王*䶮张伟办理中2026-12-22正常",
        "中心负责人：孙丽",
        "签字：",
        "第1234条事件",
        "01234567 89abcdef 01234567 89abcdef",
    ],
    "queue_ticket": [
        *("A014", "业务类别社会救助", "前面等候6人", "办理窗口1、2号窗口", "过号请重新取号"),
    ],
}
STUB_KINDS = {
    *("receipt", "notice", "refusal", "correction", "deferred"),
    *("denial", "supply", "special", "extension"),
}


def test_every_document_class_has_a_sample() -> None:
    assert {type(d) for d in DOCS.values()} == set(ALL_DOCUMENT_CLASSES)
    assert set(EXPECTED) == set(DOCS)


@pytest.mark.parametrize("name", sorted(DOCS))
def test_every_kind_prints_its_fields(name: str) -> None:
    doc = DOCS[name]
    pages = pdf_text(render(doc))
    first = compact(pages[0])
    for common in (CENTER, doc.title, f"编号：{doc.number}", "扫码核验" if doc.qr_payload else ""):
        assert compact(common) in first
    if doc.desk.clerk and name != "guide":
        assert "经办人：张伟" in first and "咨询电话：0310-6812345" in first
    whole = compact("".join(pages))
    # The daily log's signature and chain head stay together with the date, maybe overleaf.
    where = whole if name == "daily_log" else first
    for expected in EXPECTED[name]:
        assert compact(expected) in where, expected
    if hasattr(doc, "applicant"):
        assert RARE_NAME in first
    assert FULL_ID not in whole and FULL_PHONE not in whole


@pytest.mark.parametrize("name", sorted(DOCS))
def test_stub_copy_only_where_practice_keeps_one(name: str) -> None:
    pages = pdf_text(render(DOCS[name]))
    has_stub = any("（存根）" in page for page in pages)
    assert has_stub == (name in STUB_KINDS)
    if has_stub:
        stub = compact(pages[-1])
        assert "申请人签收" in stub and DOCS[name].number in stub
        assert "扫码核验" not in stub  # the QR code is on the applicant's copy only


def test_seal_space_and_signature_line_where_the_kind_asks() -> None:
    for name, doc in DOCS.items():
        first = compact(pdf_text(render(doc))[0])
        assert ("（盖章）" in first) == doc.spec.seal, name
        assert ("申请人（签字）" in first) == doc.spec.applicant_signs, name
        assert "2026年" in first  # the date under the center's name


@pytest.mark.parametrize("name", sorted(DOCS))
def test_every_character_is_drawn_with_a_font_that_has_its_glyph(name: str) -> None:
    doc = DOCS[name]
    runs = font_runs(render(doc))
    assert runs
    for key, text in runs:
        missing = [ch for ch in text if not ch.isspace() and not has_glyph(key, ch)]
        assert missing == [], f"{key} has no glyph for {missing}"
    drawn = set("".join(text for _, text in runs))
    printed = {ch for text in doc.texts() for ch in text if not ch.isspace()}
    assert printed - drawn == set()  # nothing fell out (a .notdef would extract as \x00)
    assert "\x00" not in drawn


def test_rare_characters_fall_back_to_hanamin() -> None:
    runs = font_runs(render(DOCS["receipt"]))
    rare = {key for key, text in runs if "𠀀" in text}
    assert rare and rare <= {"hanamin-a", "hanamin-b"}


def test_fonts_are_embedded_subsets_and_nothing_else_is_used() -> None:
    reader = PdfReader(io.BytesIO(render(DOCS["receipt"])))
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        assert "+" in name, f"{name} is not a subset"
        assert "/FontFile2" in font["/FontDescriptor"], f"{name} is not embedded"
        assert "/ToUnicode" in font


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_reports_every_font_embedded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "receipt.pdf"
    path.write_bytes(render(DOCS["receipt"]))
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines
    for line in lines:
        emb, sub, uni = line.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), line


def test_paper_is_a4_by_default_and_a5_when_chosen() -> None:
    def size(pdf: bytes) -> tuple[int, int]:
        box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
        return round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)

    assert size(render(DOCS["receipt"])) == (210, 297)
    assert size(render(DOCS["receipt"], PageSize.A5)) == (148, 210)
    assert size(render(DOCS["referral"])) == (148, 210)  # the slip's own default
    assert size(render(DOCS["appointment"])) == (148, 210)
    assert size(render(DOCS["referral"], "A4")) == (210, 297)
    a5 = compact("".join(pdf_text(render(DOCS["receipt"], PageSize.A5))))
    assert RARE_NAME in a5 and "2026年12月22日（暂定" in a5


def test_an_appointment_in_an_unpublished_year_is_marked_provisional() -> None:
    plain = compact("".join(pdf_text(render(DOCS["appointment"]))))
    assert "暂定" not in plain
    doc = dataclasses.replace(DOCS["appointment"], day_provisional=True)
    text = compact("".join(pdf_text(render(doc))))
    assert "（暂定：该年度节假日安排公布后如遇放假，将另行通知改约）" in text


def test_reprint_is_marked_with_its_count() -> None:
    doc = dataclasses.replace(
        DOCS["receipt"], reprint=ReprintMark(2, datetime(2026, 11, 25, 10, 3, tzinfo=BEIJING))
    )
    pages = [compact(p) for p in pdf_text(render(doc))]
    assert all("补打（第2次）" in p for p in pages)
    assert "2026年11月25日10:03" in pages[0]
    assert "补打" not in compact(pdf_text(render(DOCS["receipt"]))[0])


def test_applicant_line_masks_numbers() -> None:
    line = ApplicantLine.masked("张三", FULL_ID, FULL_PHONE, "李四", FULL_ID)
    assert line.id_masked == "110105********0021" and line.phone_masked == "138****5678"
    assert FULL_ID not in line.describe() + line.agent()


@pytest.mark.parametrize("leak", [FULL_ID, FULL_PHONE, f"张三{FULL_ID[:-1]}X"])
def test_a_full_id_or_mobile_number_is_never_printed(leak: str) -> None:
    doc: PrintedDocument = dataclasses.replace(
        DOCS["receipt"], applicant=ApplicantLine(name="张三", id_masked=leak)
    )
    with pytest.raises(PersonalDataError):
        render(doc)
    with pytest.raises(PersonalDataError):
        render(dataclasses.replace(DOCS["referral"], matter=f"联系电话 {leak}"))


def test_big_fonts_are_registered_only_when_a_run_needs_them() -> None:
    # A fresh process: other tests have registered everything in this one.
    script = """
import dataclasses
from app.printing import ApplicantLine, render
from app.printing.pdf_fonts import registered_keys
from tests.helpers.printing import sample_documents
doc = sample_documents()["receipt"]
plain = dataclasses.replace(doc, applicant=ApplicantLine("张伟", "110105********0021"))
render(plain)
print(sorted(registered_keys()))
render(doc)
print(sorted(registered_keys()))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    first, second = done.stdout.splitlines()
    assert first == "['wqy-microhei']"
    assert "hanamin-a" in second


def test_an_agency_receipt_names_the_agent_on_both_copies() -> None:
    doc = dataclasses.replace(
        DOCS["receipt"], is_agency=True, agency_agent="陈静", agency_reason="高龄老人"
    )
    pages = [compact(p) for p in pdf_text(render(doc))]
    line = compact("全程代办本件由本中心全程代办（服务对象：高龄老人），代办员：陈静")
    assert "QH-20261124-0001（全程代办件）" in pages[0] and line in pages[0]
    assert line in pages[-1]  # the stub the hall keeps
    assert "全程代办" not in compact("".join(pdf_text(render(DOCS["receipt"]))))


def test_a_long_case_list_prints_every_row_once_with_headers_on_every_page() -> None:
    """A busy day's list is printed in parts of GRID_CHUNK rows, each from a new page (a long
    reportlab table costs time in the square of its rows): nothing lost, nothing twice, and
    every page of the list starts with its column headers."""
    from app.printing.template import GRID_CHUNK

    base = DOCS["daily_log"]
    row = base.cases[0]
    count = 2 * GRID_CHUNK + 17
    cases = tuple((f"QH-20261124-{i:04d}", *row[1:]) for i in range(1, count + 1))
    pages = [compact(p) for p in pdf_text(render(dataclasses.replace(base, cases=cases)))]
    text = "".join(pages)
    assert all(text.count(f"QH-20261124-{i:04d}") == 1 for i in range(1, count + 1))
    listing = [p for p in pages if "QH-20261124-" in p]
    assert all("序号办件编号事项申请人" in p for p in listing)
    after_first_part = next(p for p in listing if f"QH-20261124-{GRID_CHUNK + 1:04d}" in p)
    assert after_first_part.index("序号") < after_first_part.index(f"{GRID_CHUNK + 1}QH-")
    assert "审计链锚点" in pages[-1]

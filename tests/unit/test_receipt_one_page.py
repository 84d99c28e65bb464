"""A receipt with a long list of materials keeps its seal and date on the page with them
(issue 17.5): the applicant's copy is one A4 page, the stub the next."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader

from app.printing import render
from app.printing.documents import AcceptanceReceipt, MaterialLine
from tests.helpers.printing import compact, pdf_text, sample_documents

# The demo's 最低生活保障申请: nine materials, several with a requirement of a line or two.
NINE = (
    MaterialLine("最低生活保障申请书", "原件", 1),
    MaterialLine("申请人居民身份证", "原件或复印件", 1, "原件现场核验，复印件留存正反面"),
    MaterialLine("户口簿", "原件或复印件", 1, "原件核验，复印首页及本人页"),
    MaterialLine("家庭经济状况核对授权书", "原件", 1, "共同生活家庭成员均须签字"),
    MaterialLine("家庭成员收入情况声明", "原件", 1, "如实填写近六个月收入"),
    MaterialLine("残疾人证或病历、诊断证明", "复印件", 1),
    MaterialLine("离婚证及离婚协议或判决书", "复印件", 1),
    MaterialLine("其他能证明家庭困难情况的材料", "复印件", 1),
    MaterialLine("委托书及受托人身份证", "原件", 1, "委托书须申请人签名或按手印"),
)


@pytest.mark.parametrize("count", [1, 8, 9])
def test_the_receipt_keeps_seal_and_date_on_its_one_page(count: int) -> None:
    sample = sample_documents()["receipt"]
    assert isinstance(sample, AcceptanceReceipt) and sample.applicant.agent_name  # the long form
    receipt = dataclasses.replace(sample, materials=NINE[:count], deferred=())
    pages = [compact(p) for p in pdf_text(render(receipt))]
    assert len(pages) == 2 and "（存根）" in pages[1]  # the applicant's page, then the stub
    first = pages[0]
    assert compact(NINE[count - 1].name) in first
    assert "（盖章）" in first and "2026年11月24日" in first and "进度查询" in first
    assert "经办人：张伟" in first


def test_a_longer_receipt_names_itself_with_its_qr_on_each_further_page() -> None:
    sample = sample_documents("QH:R:TEST")["receipt"]
    more = tuple(MaterialLine(f"补充材料{i}", "复印件", 1, "加盖公章") for i in range(30))
    receipt = dataclasses.replace(sample, materials=NINE + more, deferred=())
    pdf = render(receipt)
    pages = [compact(p) for p in pdf_text(pdf)]
    applicant, stub = pages[:-1], pages[-1]
    assert len(applicant) >= 2 and "（存根）" in stub
    for page in applicant[1:]:
        assert compact(f"受理回执（续）·编号：{receipt.number}") in page
    assert "（续）" not in applicant[0] and "（续）" not in stub
    assert "（盖章）" in applicant[-1] and compact(more[-1].name) in compact("".join(applicant))
    # Each further page draws the QR code (vector squares, like the first page's); the stub none.
    reader = PdfReader(io.BytesIO(pdf))
    squares = [page.get_contents().get_data().count(b" re") for page in reader.pages]
    assert all(n > 100 for n in squares[:-1]) and squares[-1] < 100

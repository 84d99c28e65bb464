"""The one-time notice and the refusal as PDFs: what was stored is what is printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.auth import login
from app.cases.records import ApplicantInput
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.notices import printing, refusals, service
from app.notices.records import NoticeRequest, RefusalRequest
from app.printing import render
from app.printing.loaders import load_document
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.printing import compact, decode_qr, pdf_text

RARE = "𠇹䶮〇𪚥"


@pytest.fixture
def item(demo_ctx: AppContext) -> ItemVersionRecord:
    return make_item(demo_ctx)


def test_notice_pdf_names_every_missing_material_and_the_applicant(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    me = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    ids = {m.name: m.id for m in item.materials}
    applicant = ApplicantInput(name=RARE, id_number=resident_id(), phone="13812345678")
    issued = service.issue_one_time_notice(
        demo_ctx.uow(), me, NoticeRequest(item.id, applicant, frozenset({ids["近期照片"]}))
    )
    doc = load_document(demo_ctx.uow(), me, "notice", issued.number.lower())
    assert doc == printing.notice_document(demo_ctx.uow(), issued.notice_id)
    text = compact("".join(pdf_text(render(doc))))
    assert issued.missing == ("居民身份证", "户口簿", "收入证明")
    for name in issued.missing:
        assert name in text
    assert "适用情形：有工作收入的" in text and RARE in text and issued.number in text
    assert resident_id() not in text and "13812345678" not in text  # masked on paper
    assert [n.number for n in service.find_notice(demo_ctx.uow(), me, doc.qr_payload)] == [
        issued.number
    ]


def test_refusal_pdf_carries_reason_basis_redirect_and_appeal_rights(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    me = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    result = refusals.refuse_application(
        demo_ctx.uow(),
        me,
        RefusalRequest(
            item.id,
            ApplicantInput(name=RARE, id_number=resident_id(), phone="13812345678"),
            reason="申请事项不属于本中心受理范围",
            legal_basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
            redirect_to="县自然资源局",
        ),
    )
    doc = load_document(demo_ctx.uow(), me, "refusal", result.number)
    text = compact("".join(pdf_text(render(doc))))
    for part in ("申请事项不属于本中心受理范围", "第三十二条", "县自然资源局", RARE):
        assert part in text
    assert "六十日内依法申请行政复议" in text and "六个月内依法向人民法院提起行政诉讼" in text


def test_cli_prints_a_notice_whose_scanned_code_finds_it_again(
    sqlite_demo_ctx: AppContext,
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cli.main import main

    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    me = login(ctx.uow(), "zhangwei", "demo-2026")
    applicant = ApplicantInput(name=RARE, id_number=resident_id(), phone="13812345678")
    issued = service.issue_one_time_notice(
        ctx.uow(), me, NoticeRequest(item.id, applicant, frozenset())
    )
    monkeypatch.setenv("FRONTDESK_PASSWORD", "demo-2026")
    out = tmp_path / "notice.pdf"
    args = ["--db", sqlite_url, "print", "notice", issued.number, "--out", str(out)]
    assert main([*args, "--as", "zhangwei"]) == 0
    assert capsys.readouterr().out.startswith(f"一次性告知单 {issued.number} written to")
    pdf = out.read_bytes()
    assert all(name in compact(pdf_text(pdf)[0]) for name in issued.missing)
    [scanned] = decode_qr(pdf)
    [found] = service.find_notice(ctx.uow(), me, scanned)
    assert found.id == issued.notice_id

"""Site keys, receipts from real cases, the print log and the commands, on SQLite and PostgreSQL
with the migrations applied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from app import audit
from app.auth import login
from app.cases import service
from app.cases.records import AcceptRequest, ApplicantInput
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.errors import NotFound, ValidationError
from app.printing import DocumentKind, render
from app.printing.builders import receipt_for_case
from app.printing.loaders import load_document
from app.printing.records import issue_copy, next_copy_no, print_history
from app.setup import initialize
from app.signing import sign_document, verify_payload
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.printing import RARE_NAME, compact, decode_qr, pdf_text

ID_NUMBER = resident_id()
APPLICANT = ApplicantInput(name=RARE_NAME, id_number=ID_NUMBER, phone="13812345678")


@pytest.fixture
def item(demo_ctx: AppContext) -> ItemVersionRecord:
    return make_item(demo_ctx)


def accept(ctx: AppContext, item: ItemVersionRecord, deferred: bool = True) -> int:
    ids = {m.name: m.id for m in item.materials}
    received = {ids["居民身份证"]} if deferred else {ids["居民身份证"], ids["户口簿"]}
    extra: dict[str, object] = {}
    if deferred:
        extra = {
            "deferred_material_ids": frozenset({ids["户口簿"]}),
            "deferred_supply_by": date(2026, 11, 27),
            "applicant_commitment": "三日内补交户口簿",
        }
    result = service.accept_case(
        ctx.uow(),
        login(ctx.uow(), "zhangwei", "demo-2026"),
        AcceptRequest(
            item_version_id=item.id,
            applicant=APPLICANT,
            received_material_ids=frozenset(received),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
            **extra,  # type: ignore[arg-type]
        ),
    )
    return result.case_id


def own_keys(ctx: AppContext) -> int:
    uow = ctx.uow()
    with uow.read():
        return sum(1 for k in uow.keys.all() if k.own)


def test_the_site_gets_one_key_at_init_and_keeps_it(demo_ctx: AppContext) -> None:
    assert own_keys(demo_ctx) == 1
    initialize(demo_ctx.uow(), None, demo=True)
    assert own_keys(demo_ctx) == 1
    assert audit.verify(demo_ctx.uow()).ok


def test_an_existing_site_without_a_key_gets_one(demo_ctx: AppContext) -> None:
    with demo_ctx.store.engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(text("DELETE FROM site_key"))
    initialize(demo_ctx.uow(), None)
    assert own_keys(demo_ctx) == 1
    with demo_ctx.store.engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(text("DELETE FROM site_key"))
    payload = sign_document(demo_ctx.uow(), DocumentKind.GUIDE, "T-001-V1", date(2026, 11, 24))
    assert own_keys(demo_ctx) == 1 and verify_payload(demo_ctx.uow(), payload).genuine


def test_the_database_has_no_place_for_a_private_key(demo_ctx: AppContext) -> None:
    engine = demo_ctx.store.engine  # type: ignore[attr-defined]
    columns = {c["name"] for c in inspect(engine).get_columns("site_key")}
    assert "private_key" not in columns and {"valid_from", "valid_to", "revoked_at"} <= columns
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO site_key (site_code, site_name, origin, public_key, "
                "site_id, created_at) VALUES ('XZ', '', 'imported', :pub, 1, :at)"
            ),
            {"pub": "ab" * 32, "at": "2026-11-24T01:00:00.000000Z"},
        )


def test_receipt_of_a_real_case(demo_ctx: AppContext, item: ItemVersionRecord) -> None:
    case_id = accept(demo_ctx, item)
    receipt = receipt_for_case(demo_ctx.uow(), case_id)
    assert receipt.number == "QH-20261124-0001"
    assert receipt.applicant.name == RARE_NAME
    assert receipt.applicant.id_masked == ID_NUMBER[:6] + "********" + ID_NUMBER[-4:]
    assert receipt.applicant.phone_masked == "138****5678"
    assert [m.name for m in receipt.materials] == ["居民身份证"]
    assert [m.name for m in receipt.deferred] == ["户口簿"]
    assert receipt.deferred_supply_by == date(2026, 11, 27)
    assert receipt.due_date == date(2026, 12, 1) and receipt.committed_days == 5
    assert receipt.desk.clerk == "张伟" and receipt.desk.window.startswith("1号窗口")
    assert receipt.accepted_at.utcoffset() is not None
    assert receipt.accepted_at.hour == 9  # 01:30 UTC is 09:30 at the counter

    pdf = render(receipt)
    page = compact(pdf_text(pdf)[0])
    assert RARE_NAME in page and "最低生活保障申请（测试）（事项编码T-001，第1版）" in page
    assert ID_NUMBER not in compact("".join(pdf_text(pdf))) and "13812345678" not in page
    assert "受理时间2026年11月24日09:30" in page and "承诺办结日期2026年12月1日" in page

    [payload] = decode_qr(pdf)
    assert payload == receipt.qr_payload and len(payload) < 120
    assert ID_NUMBER not in payload and "13812345678" not in payload
    verdict = verify_payload(demo_ctx.uow(), payload)
    assert verdict.genuine and verdict.local and verdict.number == receipt.number
    tampered = payload.replace("20261124-0001", "20261124-0002")
    assert not verify_payload(demo_ctx.uow(), tampered).genuine


def test_print_log_counts_copies_and_marks_reprints(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    receipt = receipt_for_case(demo_ctx.uow(), accept(demo_ctx, item))
    clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    assert next_copy_no(demo_ctx.uow(), "receipt", receipt.number) == 1
    first = issue_copy(demo_ctx.uow(), clerk, receipt, printer="柜台1")
    assert first.reprint is None
    second = issue_copy(demo_ctx.uow(), login(demo_ctx.uow(), "lina", "demo-2026"), receipt)
    assert second.reprint is not None and second.reprint.count == 1
    assert "补打（第1次）" in compact(pdf_text(render(second))[0])
    history = print_history(demo_ctx.uow(), clerk, "receipt", receipt.number)
    assert [(h.copy_no, h.staff_name, h.printer) for h in history] == [
        (1, "张伟", "柜台1"),
        (2, "李娜", ""),
    ]
    assert next_copy_no(demo_ctx.uow(), "receipt", receipt.number) == 3
    supervisor = login(demo_ctx.uow(), "sunli", "demo-2026")
    events = [
        (e.action, e.entity_id)
        for e in audit.list_events(demo_ctx.uow(), supervisor)
        if e.action.startswith("document_")
    ]
    assert events == [("document_reprinted", receipt.number), ("document_printed", receipt.number)]
    assert audit.verify(demo_ctx.uow()).ok


def test_documents_load_by_kind_and_number(demo_ctx: AppContext, item: ItemVersionRecord) -> None:
    case_id = accept(demo_ctx, item)
    clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    number = "QH-20261124-0001"
    assert load_document(demo_ctx.uow(), clerk, "receipt", number).number == number
    deferred = load_document(demo_ctx.uow(), clerk, "deferred", number)
    assert "三日内补交户口簿" in compact("".join(pdf_text(render(deferred))))
    guide = load_document(demo_ctx.uow(), clerk, "guide", "t-001")
    assert guide.number == "T-001-V1" and verify_payload(demo_ctx.uow(), guide.qr_payload).genuine
    issue_copy(demo_ctx.uow(), clerk, guide)
    assert issue_copy(demo_ctx.uow(), clerk, guide).reprint is None  # guides go by the dozen
    assert next_copy_no(demo_ctx.uow(), "guide", guide.number) == 3  # but every copy is logged

    with pytest.raises(ValidationError, match="尚未办结"):
        load_document(demo_ctx.uow(), clerk, "completion", number)
    with pytest.raises(ValidationError, match="没有补正记录"):
        load_document(demo_ctx.uow(), clerk, "correction", number)
    with pytest.raises(NotFound):
        load_document(demo_ctx.uow(), clerk, "receipt", "QH-20991231-0001")
    with pytest.raises(ValidationError, match="未知的文书类型"):
        load_document(demo_ctx.uow(), clerk, "invoice", number)
    with pytest.raises(ValidationError, match="暂不能按编号打印"):
        load_document(demo_ctx.uow(), clerk, "daily_log", number)  # no loader yet
    with pytest.raises(NotFound, match="不予受理通知书"):  # app.notices registers this one
        load_document(demo_ctx.uow(), clerk, "refusal", number)

    version = receipt_for_case(demo_ctx.uow(), case_id)
    case = service.suspend_case(
        demo_ctx.uow(), clerk, case_id, 1, "corrections", "户口簿复印件不清晰；缺少户主签字"
    )
    correction = load_document(demo_ctx.uow(), clerk, "correction", number)
    assert correction.number == f"{number}-C1"
    text_ = compact("".join(pdf_text(render(correction))))
    assert "户口簿复印件不清晰" in text_ and "缺少户主签字" in text_
    assert load_document(demo_ctx.uow(), clerk, "correction", f"{number}-c1").number == (
        f"{number}-C1"
    )
    case = service.resume_case(demo_ctx.uow(), clerk, case_id, case.row_version)
    household = next(m.id for m in item.materials if m.name == "户口簿")  # the deferred one
    case = service.supply_deferred(demo_ctx.uow(), clerk, case_id, case.row_version, [household])
    service.decide_case(demo_ctx.uow(), clerk, case_id, case.row_version, "approved", "同意")
    completion = load_document(demo_ctx.uow(), clerk, "completion", number)
    assert "准予办理" in compact(pdf_text(render(completion))[0])
    assert version.number == completion.number


def test_cli_prints_a_receipt_and_verifies_its_code(
    sqlite_demo_ctx: AppContext,
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cli.main import main

    accept(sqlite_demo_ctx, make_item(sqlite_demo_ctx))
    monkeypatch.setenv("FRONTDESK_PASSWORD", "demo-2026")
    out = tmp_path / "receipt.pdf"
    args = ["--db", sqlite_url, "print", "receipt", "QH-20261124-0001", "--out", str(out)]
    assert main([*args, "--as", "zhangwei"]) == 0
    assert main([*args, "--as", "zhangwei", "--page-size", "A5"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"受理回执 QH-20261124-0001 written to {out}"
    assert "补打（第1次）" in printed[1]
    pdf = out.read_bytes()
    assert "补打（第1次）" in compact(pdf_text(pdf)[0])

    [payload] = decode_qr(pdf)
    assert main(["--db", sqlite_url, "verify", payload]) == 0
    assert capsys.readouterr().out.startswith("genuine: 受理回执 QH-20261124-0001")
    tampered = payload[:-1] + ("1" if payload.endswith("0") else "0")  # never the same code
    assert main(["--db", sqlite_url, "verify", tampered]) == 1
    assert capsys.readouterr().out.startswith("NOT genuine")
    assert main(["--db", sqlite_url, "verify", "QH-20261124-0001"]) == 1
    assert main([*args[:4], "QH-20991231-0001", "--out", str(out), "--as", "zhangwei"]) == 2


def test_not_granting_needs_reasons_and_basis_and_prints_a_decision(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    """行政许可法 Art. 38(2): not granting is decided in writing, with the reasons, their basis
    and the applicant's right to administrative review and to sue."""
    case_id = accept(demo_ctx, item, deferred=False)
    clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    number = "QH-20261124-0001"
    with pytest.raises(ValidationError) as refused:
        service.decide_case(demo_ctx.uow(), clerk, case_id, 1, "denied", "  ", "")
    assert set(refused.value.errors) == {"note", "legal_basis"}
    with pytest.raises(ValidationError, match="法律依据"):
        service.decide_case(demo_ctx.uow(), clerk, case_id, 1, "denied", "收入超过标准", " ")
    with pytest.raises(ValidationError, match="没有不予许可的决定"):
        load_document(demo_ctx.uow(), clerk, "denial", number)

    service.decide_case(
        demo_ctx.uow(),
        clerk,
        case_id,
        1,
        "denied",
        "家庭人均月收入高于本县最低生活保障标准",
        "《社会救助暂行办法》第九条",
    )
    decision = load_document(demo_ctx.uow(), clerk, "denial", number)
    assert decision.number == f"{number}-J"
    assert load_document(demo_ctx.uow(), clerk, "denial", f"{number}-j").number == decision.number
    verdict = verify_payload(demo_ctx.uow(), decode_qr(render(decision))[0])
    assert verdict.genuine and verdict.kind is DocumentKind.DENIAL
    pages = [compact(p) for p in pdf_text(render(decision))]
    assert len(pages) == 2  # the applicant's copy and the stub the hall keeps (送达回证)
    for expected in (
        "不予行政许可决定书",
        "决定不予行政许可",
        "家庭人均月收入高于本县最低生活保障标准",
        "《社会救助暂行办法》第九条",
        "六十日内依法申请行政复议",
        "六个月内依法向人民法院提起行政诉讼",
    ):
        assert expected in pages[0], expected
    assert "申请人签收" in pages[1] and "决定日期2026年11月24日" in pages[1]
    # The completion notice points to the decision instead of a bare 不予办理.
    completion_doc = load_document(demo_ctx.uow(), clerk, "completion", number)
    completion = compact(pdf_text(render(completion_doc))[0])
    assert "不予行政许可" in completion and f"{number}-J" in completion


def test_deferred_material_supplied_with_a_receipt_before_approval(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    """容缺 followed through: no approval while the promised material is outstanding; its
    arrival is recorded with a receipt; a supervisor may approve anyway with a reason."""
    case_id = accept(demo_ctx, item)  # 户口簿 deferred
    clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    boss = login(demo_ctx.uow(), "sunli", "demo-2026")
    number = "QH-20261124-0001"
    ids = {m.name: m.id for m in item.materials}
    with pytest.raises(ValidationError, match=r"户口簿.*尚未补交") as refused:
        service.decide_case(demo_ctx.uow(), clerk, case_id, 1, "approved")
    assert set(refused.value.errors) == {"outcome"}
    with pytest.raises(ValidationError, match="请勾选"):
        service.supply_deferred(demo_ctx.uow(), clerk, case_id, 1, [])
    with pytest.raises(ValidationError, match="居民身份证 不是本件尚未补交的容缺材料"):
        service.supply_deferred(demo_ctx.uow(), clerk, case_id, 1, [ids["居民身份证"]])
    with pytest.raises(ValidationError, match="没有补交容缺材料的记录"):
        load_document(demo_ctx.uow(), clerk, "supply", number)

    case = service.supply_deferred(demo_ctx.uow(), clerk, case_id, 1, [ids["户口簿"]], "原件已核")
    assert case.state.value == "accepted" and case.events[-1].detail["materials"] == ["户口簿"]
    with pytest.raises(ValidationError, match="不是本件尚未补交"):  # not twice
        service.supply_deferred(demo_ctx.uow(), clerk, case_id, case.row_version, [ids["户口簿"]])
    with demo_ctx.store.engine.connect() as conn:  # type: ignore[attr-defined]
        supplied = conn.execute(
            text("SELECT supplied_at FROM case_material WHERE case_id = :c AND state = 'deferred'"),
            {"c": case_id},
        ).scalar_one()
    assert supplied is not None  # the work list stops showing it as owed
    receipt = load_document(demo_ctx.uow(), clerk, "supply", number)
    assert receipt.number == f"{number}-B1"
    assert load_document(demo_ctx.uow(), clerk, "supply", f"{number}-b1").number == receipt.number
    pages = [compact(p) for p in pdf_text(render(receipt))]
    assert "户口簿" in pages[0] and "容缺材料已全部补齐" in pages[0] and len(pages) == 2
    assert verify_payload(demo_ctx.uow(), decode_qr(render(receipt))[0]).genuine
    case = service.decide_case(demo_ctx.uow(), clerk, case_id, case.row_version, "approved")
    assert case.decision == "approved"

    # A second case: the supervisor approves with the material still outstanding, with a reason.
    other = accept(demo_ctx, item)
    with pytest.raises(ValidationError) as refused:
        service.decide_case(demo_ctx.uow(), boss, other, 1, "approved")
    assert set(refused.value.errors) == {"override"}
    case = service.decide_case(
        demo_ctx.uow(), boss, other, 1, "approved", override="户籍信息已通过部门共享核验"
    )
    assert case.events[-1].detail["override"] == "户籍信息已通过部门共享核验"


def test_a_special_procedure_is_told_in_writing_with_its_expected_time(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    """行政许可法 Art. 45: 检验、检测、检疫、鉴定、招标、拍卖 pause the clock like the others, and
    the applicant is told the procedure and its expected time."""
    case_id = accept(demo_ctx, item, deferred=False)  # Tue 2026-11-24
    clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    number = "QH-20261124-0001"
    with pytest.raises(ValidationError) as refused:
        service.suspend_case(demo_ctx.uow(), clerk, case_id, 1, "appraisal", "残疾等级鉴定")
    assert set(refused.value.errors) == {"expected_days"}
    with pytest.raises(ValidationError, match="1～365"):
        service.suspend_case(demo_ctx.uow(), clerk, case_id, 1, "appraisal", "残疾等级鉴定", 0)
    case = service.suspend_case(
        demo_ctx.uow(), clerk, case_id, 1, "appraisal", "申请人残疾等级需经指定机构鉴定", 5
    )
    assert case.state.value == "suspended" and case.due_date is None  # the clock stopped
    notice = load_document(demo_ctx.uow(), clerk, "special", number)
    assert notice.number == f"{number}-T1"
    text_ = compact("".join(pdf_text(render(notice))))
    # Five working days after Tue 2026-11-24: Tue 2026-12-01.
    for expected in ("依法需要进行鉴定", "需经指定机构鉴定", "5个工作日，预计于2026年12月1日"):
        assert expected in text_, expected
    assert verify_payload(demo_ctx.uow(), decode_qr(render(notice))[0]).genuine
    case = service.resume_case(demo_ctx.uow(), clerk, case_id, case.row_version)
    # Corrections need no expected time, and their paper stays the correction request.
    service.suspend_case(demo_ctx.uow(), clerk, case_id, case.row_version, "corrections", "缺签字")
    assert load_document(demo_ctx.uow(), clerk, "special", number).number == f"{number}-T1"


def test_extension_beyond_the_statutory_limit_needs_the_head_and_is_told(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    """行政许可法 Art. 42: up to the statutory limit (20) is the hall's call; the allowance (10)
    beyond it needs the head of the body, named; every extension is told with its reason."""
    case_id = accept(demo_ctx, item, deferred=False)  # committed 5, statutory 20, allowance 10
    boss = login(demo_ctx.uow(), "sunli", "demo-2026")
    number = "QH-20261124-0001"
    case = service.extend_case(demo_ctx.uow(), boss, case_id, 1, 15, "需入户调查")  # 20: no head
    assert "approved_by" not in case.events[-1].detail
    with pytest.raises(ValidationError) as refused:
        service.extend_case(demo_ctx.uow(), boss, case_id, case.row_version, 5, "需会同残联核实")
    assert set(refused.value.errors) == {"approved_by"}
    with pytest.raises(ValidationError, match="最多还能延 10 天"):
        service.extend_case(
            demo_ctx.uow(), boss, case_id, case.row_version, 11, "需会同残联核实", "局长 刘强"
        )
    case = service.extend_case(
        demo_ctx.uow(), boss, case_id, case.row_version, 10, "需会同残联核实", "县民政局局长 刘强"
    )
    assert case.events[-1].detail["approved_by"] == "县民政局局长 刘强"
    first = load_document(demo_ctx.uow(), boss, "extension", f"{number}-E1")
    latest = load_document(demo_ctx.uow(), boss, "extension", number)
    assert latest.number == f"{number}-E2"
    first_text = compact("".join(pdf_text(render(first))))
    latest_text = compact("".join(pdf_text(render(latest))))
    assert "延长期限15个工作日" in first_text and "批准人" not in first_text
    assert "县民政局局长刘强（行政机关负责人）" in latest_text
    assert case.due_date is not None
    assert f"办结期限延至{case.due_date.year}年{case.due_date.month}月{case.due_date.day}日" in (
        latest_text
    )
    assert verify_payload(demo_ctx.uow(), decode_qr(render(latest))[0]).genuine


def test_an_items_extension_allowance_is_kept_with_its_version(demo_ctx: AppContext) -> None:
    from dataclasses import replace as with_

    from app.catalog import service as catalog

    admin = login(demo_ctx.uow(), "admin", "admin-2026")
    version = make_item(demo_ctx)
    assert version.extension_allowance == 10  # 行政许可法 Art. 42
    draft = with_(catalog.draft_of(version), base_version_id=version.id)
    with pytest.raises(ValidationError) as refused:
        catalog.save_item(demo_ctx.uow(), admin, with_(draft, extension_allowance=-1))
    assert "extension_allowance" in refused.value.errors
    saved = catalog.save_item(demo_ctx.uow(), admin, with_(draft, extension_allowance=30))
    uow = demo_ctx.uow()
    with uow.read():
        assert catalog.get_version(uow, saved).extension_allowance == 30


def test_the_halls_commitment_and_public_list_come_from_the_catalog_in_force(
    demo_ctx: AppContext,
) -> None:
    from app.catalog.service import list_items

    clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    make_item(demo_ctx)  # T-001: committed 5 of statutory 20
    make_item(demo_ctx, code="T-002", committed=0, statutory=0)  # on the spot
    count = len(list_items(demo_ctx.uow()))
    commitment = load_document(demo_ctx.uow(), clerk, "commitment", "")
    text_ = compact("".join(pdf_text(render(commitment))))
    assert f"本中心公示的{count}个事项中" in text_ and "首问负责" in text_
    assert verify_payload(demo_ctx.uow(), decode_qr(render(commitment))[0]).genuine
    disclosure = load_document(demo_ctx.uow(), clerk, "disclosure", "")
    pages = "".join(compact(p) for p in pdf_text(render(disclosure)))
    assert f"以下{count}个事项" in pages and "T-001" in pages and "T-002" in pages
    assert "20个工作日5个工作日" in pages  # T-001's statutory and committed limits side by side


def test_a_paper_asked_for_without_its_number_says_so(demo_ctx: AppContext) -> None:
    clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    with pytest.raises(ValidationError, match="请给出要打印的不予行政许可决定书的编号"):
        load_document(demo_ctx.uow(), clerk, "denial", "  ")

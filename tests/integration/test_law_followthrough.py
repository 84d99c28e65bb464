"""容缺 followed through to its end, and 行政许可法 Art. 32(4) with consequences: an overdue
deferral on the work list and as an accountability item, 中止/终止办理 with their notices; a
case deemed accepted late is overdue with its record from the start; materials waiting for a
decision on acceptance warn before day 5; late notices are counted. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from app.auth import login
from app.cases import queries, service
from app.cases.lifecycle import CaseAction, CaseState, SuspensionKind
from app.cases.records import AcceptRequest, ApplicantInput
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.errors import IllegalTransition, ValidationError
from app.notices import service as notices
from app.notices.records import NoticeRequest
from app.printing import DocumentKind, render
from app.printing.loaders import load_document
from app.reports.daily_log import daily_log
from app.reports.statistics import StatisticsQuery, statistics
from app.roles import Actor
from app.signing import verify_payload
from app.visits import service as visits
from app.visits import worklist
from app.visits.records import VisitInput
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.printing import compact, decode_qr, pdf_text

APPLICANT = ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678")
NUMBER = "QH-20261124-0001"


@pytest.fixture
def item(demo_ctx: AppContext) -> ItemVersionRecord:
    return make_item(demo_ctx)


def clerk(ctx: AppContext, name: str = "zhangwei") -> Actor:
    return login(ctx.uow(), name, "demo-2026")


def accept_deferred(ctx: AppContext, item: ItemVersionRecord) -> int:
    """Accepted Tue 2026-11-24 with 户口簿 deferred, promised by Fri 11-27."""
    ids = {m.name: m.id for m in item.materials}
    return service.accept_case(
        ctx.uow(),
        clerk(ctx),
        AcceptRequest(
            item_version_id=item.id,
            applicant=APPLICANT,
            received_material_ids=frozenset({ids["居民身份证"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
            deferred_material_ids=frozenset({ids["户口簿"]}),
            deferred_supply_by=date(2026, 11, 27),
            applicant_commitment="三日内补交户口簿",
        ),
    ).case_id


def advance(ctx: AppContext, days: int) -> None:
    ctx.clock.advance(timedelta(days=days))  # type: ignore[attr-defined]


def test_an_overdue_deferral_is_warned_recorded_and_may_halt_then_end_the_case(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx, me = demo_ctx, clerk(demo_ctx)
    boss = login(ctx.uow(), "sunli", "demo-2026")
    case_id = accept_deferred(ctx, item)

    # Before the promised day: nothing to halt or end for, nothing recorded.
    detail = queries.case_detail(ctx.uow(), me, case_id)
    assert detail.overdue == () and CaseAction.TERMINATE not in detail.actions
    assert SuspensionKind.DEFERRAL_OVERDUE not in detail.suspension_kinds
    with pytest.raises(ValidationError, match="补交期限（2026-11-27）尚未届满") as early:
        service.suspend_case(ctx.uow(), me, case_id, 1, "deferral_overdue", "逾期未补交户口簿")
    assert set(early.value.errors) == {"kind"}
    with pytest.raises(ValidationError, match="尚未届满"):
        service.terminate_case(ctx.uow(), me, case_id, 1, "逾期未补交户口簿")
    advance(ctx, 3)  # Fri 11-27: the last day to bring it
    assert service.refresh_warnings(ctx.uow()).deferral_records == 0
    [row] = worklist.deferred_rows(ctx.uow(), me, [case_id])
    assert not row.overdue

    advance(ctx, 3)  # Mon 11-30: overdue by one working day
    [row] = worklist.deferred_rows(ctx.uow(), me, [case_id])
    assert row.overdue and row.materials == ("户口簿",)
    scan = service.refresh_warnings(ctx.uow())
    assert scan.deferral_records == 1
    assert service.refresh_warnings(ctx.uow()).deferral_records == 0  # never twice
    [record] = [r for r in queries.list_accountability(ctx.uow(), boss) if r.kind == "deferral"]
    assert (record.case_number, record.responsible_name, record.days_late) == (NUMBER, "张伟", 1)

    detail = queries.case_detail(ctx.uow(), me, case_id)
    assert [name for _id, name in detail.overdue] == ["户口簿"]
    assert CaseAction.TERMINATE in detail.actions
    assert SuspensionKind.DEFERRAL_OVERDUE in detail.suspension_kinds
    version = detail.case.row_version  # the scans turned its card yellow on the way
    with pytest.raises(ValidationError) as no_reason:
        service.suspend_case(ctx.uow(), me, case_id, version, "deferral_overdue", " ")
    assert set(no_reason.value.errors) == {"reason"}

    # 中止办理: the clock stops, the applicant gets the notice naming what is owed.
    case = service.suspend_case(
        ctx.uow(), me, case_id, version, "deferral_overdue", "经电话催告仍未补交户口簿"
    )
    assert case.state is CaseState.SUSPENDED and case.due_date is None
    assert case.events[-1].detail["materials"] == ["户口簿"]
    halt = load_document(ctx.uow(), me, "halt", NUMBER)
    assert halt.number == f"{NUMBER}-H1"
    assert load_document(ctx.uow(), me, "halt", f"{NUMBER}-h1").number == halt.number
    pdf = render(halt)
    pages = [compact(p) for p in pdf_text(pdf)]
    assert len(pages) == 2 and "申请人签收" in pages[1]
    for expected in ("中止办理通知书", "户口簿", "2026年11月27日", "经电话催告仍未补交户口簿"):
        assert expected in pages[0], expected
    assert "仍不补交的，本中心将终止办理本件" in pages[0]
    payload = verify_payload(ctx.uow(), decode_qr(pdf)[0])
    assert payload.genuine and payload.kind is DocumentKind.HALT
    with pytest.raises(ValidationError, match="没有终止办理的记录"):
        load_document(ctx.uow(), me, "termination", NUMBER)

    # 终止办理: the case ends; the notice says why and what the applicant may do.
    with pytest.raises(ValidationError) as no_reason:
        service.terminate_case(ctx.uow(), me, case_id, case.row_version, "")
    assert set(no_reason.value.errors) == {"reason"}
    case = service.terminate_case(
        ctx.uow(), me, case_id, case.row_version, "中止办理后十日仍未补交户口簿"
    )
    assert case.state is CaseState.TERMINATED and case.warning == "closed"
    with pytest.raises(IllegalTransition, match="已终止办理"):
        service.resume_case(ctx.uow(), me, case_id, case.row_version)
    ending = load_document(ctx.uow(), me, "termination", NUMBER)
    assert ending.number == f"{NUMBER}-Z"
    pages = [compact(p) for p in pdf_text(render(ending))]
    for expected in (
        "终止办理通知书",
        "决定终止办理本件",
        "户口簿",
        "重新提出申请",
        "六十日内依法申请行政复议",
        "六个月内依法向人民法院提起行政诉讼",
    ):
        assert expected in pages[0], expected
    detail = queries.case_detail(ctx.uow(), me, case_id)
    assert detail.papers == (
        DocumentKind.RECEIPT,
        DocumentKind.DEFERRED,
        DocumentKind.HALT,
        DocumentKind.TERMINATION,
    )
    assert detail.actions == []
    # Off the work list's deferrals; the receipt's QR now says the case ended.
    assert worklist.count_deferred(ctx.uow(), me, frozenset({me.staff_id})) == 0
    receipt = render(load_document(ctx.uow(), me, "receipt", NUMBER))
    assert "TERMINATED" in verify_payload(ctx.uow(), decode_qr(receipt)[0]).record


def test_a_material_supplied_in_time_opens_nothing(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx, me = demo_ctx, clerk(demo_ctx)
    case_id = accept_deferred(ctx, item)
    household = next(m.id for m in item.materials if m.name == "户口簿")
    service.supply_deferred(ctx.uow(), me, case_id, 1, [household])
    advance(ctx, 14)
    assert service.refresh_warnings(ctx.uow()).deferral_records == 0
    with pytest.raises(ValidationError, match="没有尚未补交的容缺材料"):
        service.terminate_case(ctx.uow(), me, case_id, 2, "逾期")


def test_a_case_deemed_accepted_late_is_overdue_with_its_record_from_acceptance(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    """Art. 32(4): received Tue 11-24, told only on Thu 12-03; five working days from 11-24 end
    on Tue 12-01, so the case is red the moment it is accepted, and its record opens then."""
    ctx, me = demo_ctx, clerk(demo_ctx)
    boss = login(ctx.uow(), "sunli", "demo-2026")
    ids = {m.name: m.id for m in item.materials}
    received = ctx.clock.now()
    advance(ctx, 9)  # Thu 12-03
    late = notices.issue_one_time_notice(
        ctx.uow(),
        me,
        NoticeRequest(
            item_version_id=item.id,
            applicant=APPLICANT,
            received_material_ids=frozenset({ids["居民身份证"]}),
            received_at=received,
        ),
    )
    assert late.issued_late
    result = notices.accept_with_notice(
        ctx.uow(),
        me,
        late.notice_id,
        AcceptRequest(
            item_version_id=item.id,
            applicant=APPLICANT,
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    )
    case = queries.find_case_by_number(ctx.uow(), me, result.number)
    assert case is not None and case.warning == "red"
    [record] = queries.list_accountability(ctx.uow(), boss)
    assert (record.kind, record.case_number, record.days_late) == ("overdue", result.number, 2)
    assert service.refresh_warnings(ctx.uow()).opened_records == 0  # not a second one

    # A red case left without its record (written before this rule) is caught by the scan,
    # though its warning does not change.
    with ctx.store.engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(text("DELETE FROM accountability_record"))
    scan = service.refresh_warnings(ctx.uow())
    assert scan.changed == 0 and scan.opened_records == 1
    assert [r.case_number for r in queries.list_accountability(ctx.uow(), boss)] == [result.number]


def test_materials_waiting_for_acceptance_warn_before_day_five_and_late_notices_count(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx, me = demo_ctx, clerk(demo_ctx)
    boss = login(ctx.uow(), "sunli", "demo-2026")
    applying = visits.register_visit(
        ctx.uow(), me, VisitInput(question="申请低保，材料已收", visit_type="application")
    )
    asking = visits.register_visit(
        ctx.uow(), me, VisitInput(question="低保怎么申请？", visit_type="consultation")
    )

    def clocks() -> dict[int, tuple[int, str]]:
        rows = worklist.visit_rows(ctx.uow(), me, [applying.id, asking.id])
        return {r.id: (r.acceptance_day, r.acceptance_warning) for r in rows}

    # Received Tue 11-24. Day 2 (Thu): quiet; day 3 (Fri 11-27): yellow; day 5 (Tue 12-01):
    # still yellow, the last day; day 6 (Wed 12-02): red, deemed accepted on receipt.
    received = ctx.clock.now()
    expected = {2: (2, "normal"), 3: (3, "yellow"), 7: (5, "yellow"), 8: (6, "red")}
    for days, clock in expected.items():
        ctx.clock.set(received + timedelta(days=days))  # type: ignore[attr-defined]
        assert clocks() == {applying.id: clock, asking.id: (0, "")}, days

    # The notice issued now is late: the statistics and the day's log count it.
    ids = {m.name: m.id for m in item.materials}
    notices.issue_one_time_notice(
        ctx.uow(),
        me,
        NoticeRequest(
            item_version_id=item.id,
            applicant=APPLICANT,
            received_material_ids=frozenset({ids["居民身份证"]}),
            received_at=received,
        ),
    )
    notices.issue_one_time_notice(  # and one on the spot, not late
        ctx.uow(),
        me,
        NoticeRequest(
            item_version_id=item.id,
            applicant=APPLICANT,
            received_material_ids=frozenset({ids["居民身份证"]}),
        ),
    )
    today = date(2026, 12, 2)
    stats = statistics(ctx.uow(), boss, StatisticsQuery(today, today))
    assert (stats.total.notices, stats.total.notices_late) == (2, 1)
    log = daily_log(ctx.uow(), boss, today)
    assert (log.total("notices_issued"), log.total("notices_late")) == (2, 1)


def test_the_integrity_check_knows_a_deferral_record_from_an_overdue_one(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    from app.reconcile import reconcile

    ctx = demo_ctx
    accept_deferred(ctx, item)
    advance(ctx, 6)  # Mon 11-30: the deferral is overdue, the case not yet
    assert service.refresh_warnings(ctx.uow()).deferral_records == 1
    assert reconcile(ctx.uow()) == []  # no "overdue" record is missing: it is a deferral one
    with ctx.store.engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(text("DELETE FROM accountability_record"))
    assert [(d.table, d.row) for d in reconcile(ctx.uow())] == [
        ("accountability_record", f"deferral of case {NUMBER}")
    ]

"""Agency cases (全程代办) on SQLite and PostgreSQL: the authorisation, the agent carrying the
case through steps at other departments, contacts, delivery, the receipt and the day's counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from app import audit
from app.agency import service as agency
from app.agency.records import AgencyReason, AgencyTerms, ContactInput, StepInput
from app.auth import login
from app.cases import queries, service
from app.cases.lifecycle import CaseState
from app.cases.records import AcceptRequest, ApplicantInput
from app.catalog.records import ItemVersionRecord
from app.clock import DEFAULT_TZ
from app.context import AppContext
from app.errors import ConcurrentEdit, IllegalTransition, PermissionDenied, ValidationError
from app.printing.builders import receipt_for_case
from app.roles import Actor
from tests.helpers.catalog import make_item, resident_id

TODAY = date(2026, 11, 24)
APPLICANT = ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678")


@pytest.fixture
def item(demo_ctx: AppContext) -> ItemVersionRecord:
    return make_item(demo_ctx)


def staff(ctx: AppContext, name: str = "zhangwei") -> Actor:
    return login(ctx.uow(), name, "demo-2026")


def request(item: ItemVersionRecord, applicant: ApplicantInput = APPLICANT) -> AcceptRequest:
    ids = {m.name: m.id for m in item.materials}
    return AcceptRequest(
        item_version_id=item.id,
        applicant=applicant,
        received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
        not_applicable_material_ids=frozenset({ids["收入证明"]}),
    )


def terms(ctx: AppContext, agent: str = "chenjing", **kw: object) -> AgencyTerms:
    base: dict[str, object] = {
        "agent_id": staff(ctx, agent).staff_id,
        "reason": AgencyReason.ELDERLY,
        "authorised_on": TODAY,
        "scope": "代为提交材料、到民政所和乡政府核实、领取结果",
        "document_ref": "委托书 WT-2026-031（存档案柜3号）",
    }
    base.update(kw)
    return AgencyTerms(**base)  # type: ignore[arg-type]


def test_accepted_as_agency_case_with_its_authorisation(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx = demo_ctx
    result = agency.accept_agency_case(ctx.uow(), staff(ctx), request(item), terms(ctx))
    case = queries.find_case_by_number(ctx.uow(), staff(ctx), result.number)
    assert case is not None and case.is_agency
    record = agency.agency_detail(ctx.uow(), staff(ctx), case.id)
    assert record is not None
    assert (record.agent_name, record.reason_label, record.authorised_on) == (
        "陈静",
        "高龄老人",
        TODAY,
    )
    assert record.document_ref.startswith("委托书 WT-2026-031")
    receipt = receipt_for_case(ctx.uow(), case.id)
    assert receipt.agency_text() == "本件由本中心全程代办（服务对象：高龄老人），代办员：陈静"
    # Same deadline rules as any case: five working days from Tuesday.
    assert case.due_date == date(2026, 12, 1)
    [row] = queries.case_rows(ctx.uow(), staff(ctx), [case.id])
    assert row.is_agency
    assert audit.verify(ctx.uow()).ok


def test_the_authorisation_is_checked_with_the_applicant_and_nothing_half_saved(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx = demo_ctx
    bad = terms(
        ctx,
        agent_id=None,
        reason="rich",
        authorised_on=TODAY + timedelta(days=1),
        scope=" ",
        document_ref="",
    )
    with pytest.raises(ValidationError) as refused:
        agency.accept_agency_case(
            ctx.uow(), staff(ctx), request(item, replace(APPLICANT, phone="123")), bad
        )
    assert {"agent", "reason", "authorised_on", "scope", "document_ref", "phone"} <= set(
        refused.value.errors
    )
    with pytest.raises(ValidationError, match="在岗"):
        agency.accept_agency_case(
            ctx.uow(), staff(ctx), request(item), terms(ctx, agent_id=1)
        )  # the administrator is no agent
    with pytest.raises(ValidationError, match="超过一年"):
        agency.accept_agency_case(
            ctx.uow(), staff(ctx), request(item), terms(ctx, authorised_on=date(2025, 11, 1))
        )
    assert service.accept_case(ctx.uow(), staff(ctx), request(item)).number.endswith("-0001")


def test_taking_on_an_accepted_case_keeps_its_deadline(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx = demo_ctx
    accepted = service.accept_case(ctx.uow(), staff(ctx), request(item))
    with pytest.raises(PermissionDenied):  # window 3 is neither owner nor backup nor agent
        agency.take_on_agency(ctx.uow(), staff(ctx, "wangfang"), accepted.case_id, 1, terms(ctx))
    with pytest.raises(ConcurrentEdit):
        agency.take_on_agency(ctx.uow(), staff(ctx), accepted.case_id, 7, terms(ctx))
    record = agency.take_on_agency(ctx.uow(), staff(ctx), accepted.case_id, 1, terms(ctx))
    assert record.agent_name == "陈静" and record.taken_on_by_name == "张伟"
    case = queries.case_detail(ctx.uow(), staff(ctx), accepted.case_id).case
    assert case.is_agency and case.due_date == accepted.deadline.due and case.row_version == 2
    with pytest.raises(IllegalTransition, match="已是全程代办件"):
        agency.take_on_agency(ctx.uow(), staff(ctx), accepted.case_id, 2, terms(ctx))


def test_the_agent_carries_the_case_through_two_departments_and_delivers(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx = demo_ctx
    result = agency.accept_agency_case(ctx.uow(), staff(ctx), request(item), terms(ctx))
    agent = staff(ctx, "chenjing")  # window 5: not the owner, not the owner's backup
    case_id = result.case_id
    with pytest.raises(PermissionDenied):
        agency.record_agency_step(
            ctx.uow(), staff(ctx, "wangfang"), case_id, StepInput("民政所", "核实", "属实")
        )
    ctx.clock.advance(timedelta(hours=2))  # type: ignore[attr-defined]
    at_bureau = datetime(2026, 11, 24, 10, 45, tzinfo=DEFAULT_TZ)
    agency.record_agency_step(
        ctx.uow(),
        agent,
        case_id,
        StepInput("乡民政所", "递交申请并核实家庭收入", "已核实，出具证明", at_bureau),
    )
    case = service.start_case(ctx.uow(), agent, case_id, 1)  # the agent moves the case too
    ctx.clock.advance(timedelta(days=1))  # type: ignore[attr-defined]
    agency.record_agency_step(
        ctx.uow(), agent, case_id, StepInput("县残联", "办理残疾等级证明", "已取得证明")
    )
    agency.record_agency_contact(
        ctx.uow(), agent, case_id, ContactInput("phone", "告知已到残联办完证明，预计下周办结")
    )
    with pytest.raises(ValidationError) as refused:
        agency.record_agency_contact(ctx.uow(), agent, case_id, ContactInput("fax", ""))
    assert set(refused.value.errors) == {"channel", "summary"}
    case = service.decide_case(ctx.uow(), agent, case_id, case.row_version, "approved")
    with pytest.raises(ValidationError):  # picked up: who collected, ID checked
        agency.deliver_agency_result(ctx.uow(), agent, case_id, case.row_version, "pickup")
    delivered = agency.deliver_agency_result(
        ctx.uow(), agent, case_id, case.row_version, "pickup", "王𠇹", resident_id()
    )
    assert delivered.state is CaseState.DELIVERED and delivered.collected_by == "王𠇹"
    record = agency.agency_detail(ctx.uow(), staff(ctx), case_id)
    assert record is not None
    assert [s.department for s in record.steps] == ["乡民政所", "县残联", "本中心"]
    assert record.steps[0].at == at_bureau and record.steps[0].staff_name == "陈静"
    assert record.steps[-1].result == "当面交付，签收人：王𠇹"
    assert [c.summary for c in record.contacts] == ["告知已到残联办完证明，预计下周办结"]
    with pytest.raises(IllegalTransition, match="代办已结束"):
        agency.record_agency_step(ctx.uow(), agent, case_id, StepInput("本中心", "回访", "满意"))
    assert audit.verify(ctx.uow()).ok

    day2 = agency.agency_counts(ctx.uow(), TODAY + timedelta(days=1), agent.site_id)
    assert (day2.taken_on, day2.steps, day2.contacts, day2.delivered, day2.open) == (0, 2, 1, 1, 0)
    day1 = agency.agency_counts(ctx.uow(), TODAY, agent.site_id)
    assert (day1.taken_on, day1.steps, day1.open) == (1, 1, 1)
    assert agency.agency_case_ids(ctx.uow(), TODAY, agent.site_id) == [case_id]


def test_an_ordinary_case_has_no_agency_record(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx = demo_ctx
    accepted = service.accept_case(ctx.uow(), staff(ctx), request(item))
    assert agency.agency_detail(ctx.uow(), staff(ctx), accepted.case_id) is None
    with pytest.raises(IllegalTransition, match="不是全程代办件"):
        agency.record_agency_contact(
            ctx.uow(), staff(ctx), accepted.case_id, ContactInput("phone", "告知进度")
        )
    names = [a.name for a in agency.agency_agents(ctx.uow(), staff(ctx))]
    assert "陈静" in names and "孙丽" in names and "系统管理员" not in names

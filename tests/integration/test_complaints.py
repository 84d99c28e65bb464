"""投诉 on SQLite and PostgreSQL: named against someone or something that exists, numbered,
investigated, concluded; a substantiated one against a clerk leaves an accountability record."""

from __future__ import annotations

import pytest

from app import audit
from app.cases import queries, service
from app.context import AppContext
from app.errors import IllegalTransition, PermissionDenied, ValidationError
from app.feedback import complaints
from app.feedback.records import (
    ComplaintChannel,
    ComplaintInput,
    ComplaintQuery,
    ComplaintState,
    ComplaintTarget,
)
from tests.helpers.feedback import accept_as, staff


def test_what_a_complaint_is_against_must_be_named(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    boss = staff(ctx, "sunli")
    with pytest.raises(ValidationError) as refused:
        complaints.register_complaint(
            ctx.uow(), boss, ComplaintInput(ComplaintTarget.STAFF, "", complainant_phone="12")
        )
    assert set(refused.value.errors) == {"staff", "content", "complainant_phone"}
    with pytest.raises(ValidationError) as refused:
        complaints.register_complaint(
            ctx.uow(), boss, ComplaintInput(ComplaintTarget.CASE, "办件拖延", case_number="QH-X")
        )
    assert "QH-X" in refused.value.errors["case_number"]
    with pytest.raises(ValidationError, match="窗口"):
        complaints.register_complaint(
            ctx.uow(), boss, ComplaintInput(ComplaintTarget.WINDOW, "窗口无人")
        )
    with pytest.raises(ValidationError, match="没有 99 号窗口"):
        complaints.register_complaint(
            ctx.uow(), boss, ComplaintInput(ComplaintTarget.WINDOW, "窗口无人", window_number=99)
        )
    with pytest.raises(PermissionDenied):
        complaints.register_complaint(
            ctx.uow(), staff(ctx, "lina"), ComplaintInput(ComplaintTarget.CENTER, "大厅太冷")
        )
    center = complaints.register_complaint(
        ctx.uow(), boss, ComplaintInput(ComplaintTarget.CENTER, "大厅太冷", ComplaintChannel.LETTER)
    )
    assert center.number == "QH-T20261124-0001"
    assert complaints.count_complaints(ctx.uow(), boss, ComplaintQuery()) == 1


def test_substantiated_complaint_against_a_clerk_opens_an_accountability_record(
    demo_ctx: AppContext,
) -> None:
    ctx = demo_ctx
    boss, zhang = staff(ctx, "sunli"), staff(ctx, "zhangwei")
    case_id = accept_as(ctx, "zhangwei")
    number = queries.case_detail(ctx.uow(), boss, case_id).case.number
    filed = complaints.register_complaint(
        ctx.uow(),
        boss,
        ComplaintInput(
            ComplaintTarget.STAFF,
            "工作人员态度生硬，让我来回跑了两次",
            ComplaintChannel.HOTLINE,
            staff_id=zhang.staff_id,
            case_number=number,
            complainant_name="李四",
            complainant_phone="13900001111",
        ),
    )
    other = complaints.register_complaint(
        ctx.uow(), boss, ComplaintInput(ComplaintTarget.CASE, "办得慢", case_number=number)
    )
    record = complaints.get_complaint(ctx.uow(), boss, filed.complaint_id)
    assert record.state is ComplaintState.REGISTERED and record.window_number == 1
    assert (record.staff_name, record.case_number) == ("张伟", number)

    complaints.add_investigation_note(ctx.uow(), boss, filed.complaint_id, "调阅监控录像")
    complaints.add_investigation_note(ctx.uow(), boss, filed.complaint_id, "约谈张伟")
    record = complaints.get_complaint(ctx.uow(), boss, filed.complaint_id)
    assert record.state is ComplaintState.INVESTIGATING
    assert [n.text for n in record.notes] == ["调阅监控录像", "约谈张伟"]

    with pytest.raises(ValidationError) as refused:
        complaints.conclude_complaint(ctx.uow(), boss, filed.complaint_id, True, "", "")
    assert set(refused.value.errors) == {"finding", "outcome"}
    record_id = complaints.conclude_complaint(
        ctx.uow(), boss, filed.complaint_id, True, "情况属实", "批评教育，向投诉人道歉"
    )
    assert record_id is not None
    # Not substantiated: nobody answers for it.
    assert (
        complaints.conclude_complaint(
            ctx.uow(), boss, other.complaint_id, False, "不属实", "已解释"
        )
        is None
    )
    with pytest.raises(IllegalTransition, match="已办结”，不能办结"):
        complaints.conclude_complaint(ctx.uow(), boss, filed.complaint_id, True, "x", "y")
    with pytest.raises(IllegalTransition, match="已办结”，不能添加调查记录"):
        complaints.add_investigation_note(ctx.uow(), boss, filed.complaint_id, "补充")

    [opened] = queries.list_accountability(ctx.uow(), boss, "open")
    assert (opened.id, opened.kind, opened.complaint_number) == (
        record_id,
        "complaint",
        filed.number,
    )
    assert opened.responsible_name == "张伟" and opened.case_number == ""
    service.review_accountability(ctx.uow(), boss, record_id, "staff", "属实", "通报批评")
    record = complaints.get_complaint(ctx.uow(), boss, filed.complaint_id)
    assert record.substantiated is True and record.accountability_id == record_id
    assert record.concluded_by_name == "孙丽" and record.responsible_id == zhang.staff_id
    concluded = ComplaintQuery(states=frozenset({ComplaintState.CONCLUDED}))
    assert complaints.count_complaints(ctx.uow(), boss, concluded) == 2
    ids = complaints.page_complaint_ids(ctx.uow(), boss, ComplaintQuery()).ids
    assert ids == [other.complaint_id, filed.complaint_id]  # newest first
    assert audit.verify(ctx.uow()).ok


def test_a_window_complaint_names_the_responsible_clerk_at_conclusion(
    demo_ctx: AppContext,
) -> None:
    ctx = demo_ctx
    boss, lina = staff(ctx, "sunli"), staff(ctx, "lina")
    filed = complaints.register_complaint(
        ctx.uow(),
        boss,
        ComplaintInput(ComplaintTarget.WINDOW, "窗口离岗", window_number=2),
    )
    record_id = complaints.conclude_complaint(
        ctx.uow(),
        boss,
        filed.complaint_id,
        True,
        "离岗未挂牌",
        "扣绩效",
        responsible_id=lina.staff_id,
    )
    [opened] = queries.list_accountability(ctx.uow(), boss, "open")
    assert opened.id == record_id and opened.responsible_name == "李娜"

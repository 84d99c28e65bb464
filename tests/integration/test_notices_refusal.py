"""不予受理: refused in writing with a reason and legal basis, numbered, stored, audited."""

from __future__ import annotations

import json

import pytest

from app import audit
from app.auth import login
from app.cases.records import ApplicantInput
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.errors import PermissionDenied, ValidationError
from app.notices import refusals, service
from app.notices.records import NoticeRequest, NoticeState, RefusalRequest
from tests.helpers.catalog import make_item, resident_id

APPLICANT = ApplicantInput(name="赵〇䶮", id_number=resident_id(), phone="13812345678")


@pytest.fixture
def item(demo_ctx: AppContext) -> ItemVersionRecord:
    return make_item(demo_ctx)


def test_refusal_needs_reason_and_basis_and_is_numbered_stored_and_audited(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    uow = demo_ctx.uow
    me = login(uow(), "zhangwei", "demo-2026")
    with pytest.raises(ValidationError) as caught:
        refusals.refuse_application(
            uow(),
            me,
            RefusalRequest(
                item.id, ApplicantInput(name="赵〇䶮", phone="1"), reason=" ", legal_basis=""
            ),
        )
    assert set(caught.value.errors) == {"id_number", "phone", "reason", "legal_basis"}

    reason = "申请事项依法不属于本机关职权范围。" + "说明𪚥" * 600
    result = refusals.refuse_application(
        uow(),
        me,
        RefusalRequest(
            item.id,
            APPLICANT,
            reason=reason,
            legal_basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
            redirect_to="县自然资源局（县政府大楼三楼）",
        ),
    )
    assert result.number == "QH-R20261124-0001"
    refusal = refusals.get_refusal(uow(), me, result.refusal_id)
    assert refusal.reason == reason and refusal.applicant == APPLICANT
    assert refusal.redirect_to.startswith("县自然资源局") and refusal.issued_by_name == "张伟"
    assert refusal.item_code == "T-001" and refusal.window_id is not None
    assert refusals.find_refusal_by_number(uow(), me, result.number.lower()) == refusal
    boss = login(uow(), "sunli", "demo-2026")
    [event] = [e for e in audit.list_events(uow(), boss) if e.action == "application_refused"]
    assert event.entity_id == result.number
    assert json.loads(event.summary)["legal_basis"][1].startswith("《中华人民共和国行政许可法》")
    assert audit.verify(uow()).ok
    admin = login(uow(), "admin", "admin-2026")
    with pytest.raises(PermissionDenied):
        refusals.refuse_application(
            uow(), admin, RefusalRequest(item.id, APPLICANT, reason="x", legal_basis="y")
        )


def test_refusing_on_a_return_visit_closes_the_notice(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    uow = demo_ctx.uow
    me = login(uow(), "zhangwei", "demo-2026")
    issued = service.issue_one_time_notice(
        uow(), me, NoticeRequest(item.id, APPLICANT, frozenset())
    )
    result = refusals.refuse_application(
        uow(),
        me,
        RefusalRequest(
            item.id,
            APPLICANT,
            reason="申请人不符合本县户籍条件",
            legal_basis="《社会救助暂行办法》第九条",
            notice_id=issued.notice_id,
        ),
    )
    assert refusals.get_refusal(uow(), me, result.refusal_id).notice_id == issued.notice_id
    assert service.get_notice(uow(), me, issued.notice_id).state is NoticeState.CLOSED
    with pytest.raises(ValidationError, match="已办结"):
        refusals.refuse_application(
            uow(),
            me,
            RefusalRequest(
                item.id, APPLICANT, reason="再次", legal_basis="同上", notice_id=issued.notice_id
            ),
        )

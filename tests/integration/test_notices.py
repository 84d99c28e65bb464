"""One-time notices, the return visit, extra demands and breaches, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app import audit
from app.auth import login
from app.cases import queries
from app.cases.records import AcceptRequest, ApplicantInput, CaseQuery
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.errors import PermissionDenied, ValidationError
from app.notices import service
from app.notices.records import NoticeMaterialState, NoticeRequest, NoticeState
from app.roles import Actor
from app.signing import sign_document
from tests.helpers.catalog import make_item, resident_id

APPLICANT = ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678")


@pytest.fixture
def item(demo_ctx: AppContext) -> ItemVersionRecord:
    return make_item(demo_ctx)


def clerk(ctx: AppContext, name: str = "zhangwei") -> Actor:
    return login(ctx.uow(), name, "demo-2026")


def ids_of(item: ItemVersionRecord) -> dict[str, int]:
    return {m.name: m.id for m in item.materials}


def notice_request(item: ItemVersionRecord, *received: str, **kw: object) -> NoticeRequest:
    ids = ids_of(item)
    return NoticeRequest(
        item_version_id=item.id,
        applicant=kw.pop("applicant", APPLICANT),  # type: ignore[arg-type]
        received_material_ids=frozenset(ids[n] for n in received),
        **kw,  # type: ignore[arg-type]
    )


def test_notice_lists_every_missing_material_whatever_the_clerk_ticked(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ids = ids_of(item)
    result = service.issue_one_time_notice(
        demo_ctx.uow(), clerk(demo_ctx), notice_request(item, "居民身份证")
    )
    # The conditional 收入证明 was not ruled out, so it is missing too; optional 照片 never is.
    assert result.missing == ("户口簿", "收入证明")
    assert result.number == "QH-N20261124-0001" and not result.issued_late
    notice = service.get_notice(demo_ctx.uow(), clerk(demo_ctx), result.notice_id)
    assert notice.materials == {
        ids["居民身份证"]: NoticeMaterialState.RECEIVED,
        ids["户口簿"]: NoticeMaterialState.MISSING,
        ids["收入证明"]: NoticeMaterialState.MISSING,
    }
    assert notice.state is NoticeState.OPEN and notice.issued_by_name == "张伟"
    assert notice.window_id is not None and notice.applicant.name == "王𠇹"
    assert notice.issued_at == demo_ctx.clock.now() == notice.received_at
    # 20 working days after Tuesday 2026-11-24.
    assert notice.supply_by == date(2026, 12, 22)
    assert audit.verify(demo_ctx.uow()).ok

    ruled_out = service.issue_one_time_notice(
        demo_ctx.uow(),
        clerk(demo_ctx),
        notice_request(
            item, "居民身份证", not_applicable_material_ids=frozenset({ids["收入证明"]})
        ),
    )
    assert ruled_out.missing == ("户口簿",) and ruled_out.number.endswith("-0002")


def test_bad_fields_are_named_and_nothing_is_saved(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ids = ids_of(item)
    with pytest.raises(ValidationError) as caught:
        service.issue_one_time_notice(
            demo_ctx.uow(),
            clerk(demo_ctx),
            notice_request(
                item,
                applicant=ApplicantInput(name="", id_number="110105194912310021", phone="12"),
                not_applicable_material_ids=frozenset({ids["居民身份证"]}),
                supply_by=date(2026, 11, 1),
            ),
        )
    errors = caught.value.errors
    assert set(errors) == {"applicant_name", "id_number", "phone", "materials", "supply_by"}
    assert "必交材料" in errors["materials"]
    with pytest.raises(ValidationError, match="材料已齐全"):
        service.issue_one_time_notice(
            demo_ctx.uow(),
            clerk(demo_ctx),
            notice_request(item, "居民身份证", "户口簿", "收入证明"),
        )
    assert service.find_notice(demo_ctx.uow(), clerk(demo_ctx), resident_id()) == []


def test_notice_issued_more_than_five_working_days_after_receipt_is_flagged(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    received = demo_ctx.clock.now()  # Tuesday 2026-11-24
    demo_ctx.clock.advance(timedelta(days=7))  # type: ignore[attr-defined]  # Tue 12-01: day 5
    on_time = service.issue_one_time_notice(
        demo_ctx.uow(), clerk(demo_ctx), notice_request(item, received_at=received)
    )
    demo_ctx.clock.advance(timedelta(days=1))  # type: ignore[attr-defined]  # Wed 12-02: day 6
    late = service.issue_one_time_notice(
        demo_ctx.uow(), clerk(demo_ctx), notice_request(item, received_at=received)
    )
    assert not on_time.issued_late and late.issued_late
    notice = service.get_notice(demo_ctx.uow(), clerk(demo_ctx), late.notice_id)
    assert notice.issued_late and notice.received_at == received
    with pytest.raises(ValidationError) as caught:
        service.issue_one_time_notice(
            demo_ctx.uow(),
            clerk(demo_ctx),
            notice_request(item, received_at=demo_ctx.clock.now() + timedelta(hours=1)),
        )
    assert set(caught.value.errors) == {"received_at"}


def test_find_notice_by_number_scan_id_or_name_and_phone(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    me = clerk(demo_ctx)
    first = service.issue_one_time_notice(demo_ctx.uow(), me, notice_request(item))
    other = ApplicantInput(
        name="阿依古丽·买买提", id_number=resident_id("65010219800101002"), phone="0991-2345678"
    )
    second = service.issue_one_time_notice(
        demo_ctx.uow(), me, notice_request(item, applicant=other)
    )

    def numbers(text: str) -> list[str]:
        return [n.number for n in service.find_notice(demo_ctx.uow(), me, text)]

    assert numbers(first.number.lower()) == [first.number]
    scanned = sign_document(demo_ctx.uow(), "notice", second.number, date(2026, 11, 24))
    assert numbers(scanned.lower()) == [second.number]  # a scanner with Caps Lock on
    forged = sign_document(demo_ctx.uow(), "notice", first.number, date(2026, 11, 25))
    with pytest.raises(ValidationError, match="核验码无效"):
        numbers(forged[:-95] + scanned[-95:])
    receipt = sign_document(demo_ctx.uow(), "receipt", "QH-20261124-0001", date(2026, 11, 24))
    with pytest.raises(ValidationError, match="不是一次性告知单"):
        numbers(receipt)
    assert numbers(resident_id()) == [first.number]
    assert numbers("王𠇹 138 1234 5678") == [first.number]
    assert numbers("买买提 0991-2345678") == [second.number]
    assert numbers("王𠇹 13900000000") == []
    assert numbers("QH-N20991231-0001") == []
    with pytest.raises(ValidationError) as caught:
        service.find_notice(demo_ctx.uow(), me, "王𠇹")
    assert set(caught.value.errors) == {"text"}


def accept_request(item: ItemVersionRecord, *received: str, **kw: object) -> AcceptRequest:
    ids = ids_of(item)
    return AcceptRequest(
        item_version_id=item.id,
        applicant=APPLICANT,
        received_material_ids=frozenset(ids[n] for n in received),
        **kw,  # type: ignore[arg-type]
    )


def test_return_visit_accepts_and_links_the_case_in_one_transaction(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    uow, me = demo_ctx.uow, clerk(demo_ctx)
    ids = ids_of(item)
    issued = service.issue_one_time_notice(uow(), me, notice_request(item, "居民身份证"))
    # Still incomplete: refused, and the notice stays open with no case made.
    with pytest.raises(ValidationError, match="收入证明"):
        service.accept_with_notice(
            uow(), me, issued.notice_id, accept_request(item, "居民身份证", "户口簿")
        )
    assert service.get_notice(uow(), me, issued.notice_id).state is NoticeState.OPEN
    assert queries.count_cases(uow(), me, CaseQuery()) == 0

    demo_ctx.clock.advance(timedelta(days=2))  # type: ignore[attr-defined]
    lina = clerk(demo_ctx, "lina")  # any window may take the return visit
    result = service.accept_with_notice(
        uow(),
        lina,
        issued.notice_id,
        accept_request(
            item,
            "居民身份证",
            "户口簿",
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    )
    notice = service.get_notice(uow(), me, issued.notice_id)
    assert notice.state is NoticeState.ACCEPTED
    assert notice.case_id == result.case_id and notice.case_number == result.number
    case = queries.find_case_by_number(uow(), me, result.number)
    assert case is not None and case.notice_id == notice.id and case.owner_name == "李娜"
    with pytest.raises(ValidationError, match="已受理"):
        service.accept_with_notice(
            uow(), me, issued.notice_id, accept_request(item, "居民身份证", "户口簿", "收入证明")
        )
    assert audit.verify(uow()).ok


def test_extra_demand_needs_a_reason_and_is_a_breach_of_the_issuer(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    uow = demo_ctx.uow
    ids = ids_of(item)
    issued = service.issue_one_time_notice(
        uow(), clerk(demo_ctx), notice_request(item, "居民身份证", "近期照片")
    )
    lina = clerk(demo_ctx, "lina")
    with pytest.raises(ValidationError) as caught:
        service.record_extra_demand(uow(), lina, issued.notice_id, ids["居民身份证"], "  ")
    assert set(caught.value.errors) == {"reason"}
    with pytest.raises(ValidationError) as caught:
        service.record_extra_demand(uow(), lina, issued.notice_id, ids["户口簿"], "看不清")
    assert "已列在告知单上" in caught.value.errors["material"]

    boss = login(uow(), "sunli", "demo-2026")
    assert queries.list_accountability(uow(), boss) == []
    service.record_extra_demand(
        uow(), lina, issued.notice_id, ids["居民身份证"], "身份证已过有效期，需补交临时身份证明"
    )
    service.record_extra_demand(uow(), lina, issued.notice_id, ids["近期照片"], "照片不是近期的")
    with pytest.raises(ValidationError, match="已经记录"):
        service.record_extra_demand(uow(), lina, issued.notice_id, ids["近期照片"], "再次要求")
    notice = service.get_notice(uow(), lina, issued.notice_id)
    assert notice.demanded_ids == {ids["居民身份证"], ids["近期照片"]}
    assert notice.extra_demands[0].reason.startswith("身份证已过有效期")
    assert notice.extra_demands[0].staff_name == "李娜"
    records = queries.list_accountability(uow(), boss)
    # Two breaches, both charged to 张伟, who issued the incomplete notice.
    assert [(r.kind, r.responsible_name) for r in records] == [("breach", "张伟")] * 2
    assert {r.notice_number for r in records} == {issued.number}  # supervisors see which slip

    today = date(2026, 11, 24)
    assert service.count_breaches(uow(), boss, today, today) == 2
    zhang = clerk(demo_ctx).staff_id
    assert service.count_breaches(uow(), boss, today, today, responsible_id=zhang) == 2
    assert service.count_breaches(uow(), boss, today, today, responsible_id=lina.staff_id) == 0
    assert service.count_breaches(uow(), boss, date(2026, 11, 25), date(2026, 12, 31)) == 0
    with pytest.raises(PermissionDenied):
        service.count_breaches(uow(), lina, today, today)


def test_a_second_notice_may_repeat_only_what_was_asked_or_demanded(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    uow, me = demo_ctx.uow, clerk(demo_ctx)
    ids = ids_of(item)
    first = service.issue_one_time_notice(
        uow(),
        me,
        notice_request(
            item, "居民身份证", not_applicable_material_ids=frozenset({ids["收入证明"]})
        ),
    )
    # Return visit: 户口簿 still missing, and now 收入证明 turns out to apply.
    follow_up = notice_request(
        item, "居民身份证", previous_notice_id=first.notice_id, received_at=None
    )
    with pytest.raises(ValidationError, match="收入证明"):
        service.issue_one_time_notice(uow(), me, follow_up)
    service.record_extra_demand(uow(), me, first.notice_id, ids["收入证明"], "申请人现有工作收入")
    second = service.issue_one_time_notice(uow(), me, follow_up)
    assert second.missing == ("户口簿", "收入证明")
    assert service.get_notice(uow(), me, first.notice_id).state is NoticeState.CLOSED
    with pytest.raises(ValidationError, match="已办结"):
        service.record_extra_demand(uow(), me, first.notice_id, ids["近期照片"], "理由")


def test_rare_characters_and_long_texts_survive_the_round_trip(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    name = "𠇹䶮〇𪚥·" + "龘" * 40
    applicant = ApplicantInput(
        name=name,
        id_number=resident_id(),
        phone="13812345678",
        agent_name="䶮𪚥",
        agent_id_number=resident_id("11010519800101003"),
        agent_phone="010-62345678",
    )
    me = clerk(demo_ctx)
    issued = service.issue_one_time_notice(
        demo_ctx.uow(), me, notice_request(item, applicant=applicant)
    )
    [found] = service.find_notice(demo_ctx.uow(), me, f"{name} 13812345678")
    assert found.id == issued.notice_id and found.applicant == applicant
    reason = "因" + "𪚥" * 990 + "不予办理\n第二段"
    ids = ids_of(item)
    service.record_extra_demand(demo_ctx.uow(), me, issued.notice_id, ids["近期照片"], reason)
    stored = service.get_notice(demo_ctx.uow(), me, issued.notice_id).extra_demands[0].reason
    assert stored == reason


def test_after_a_late_notice_the_deadline_runs_from_the_day_of_receipt(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    """行政许可法 Art. 32(4): told too late, the application counts as accepted on receipt."""
    ids = ids_of(item)
    received = demo_ctx.clock.now()  # Tuesday 2026-11-24
    demo_ctx.clock.advance(timedelta(days=8))  # type: ignore[attr-defined]  # Wed 12-02: day 6
    late = service.issue_one_time_notice(
        demo_ctx.uow(), clerk(demo_ctx), notice_request(item, "居民身份证", received_at=received)
    )
    assert late.issued_late
    demo_ctx.clock.advance(timedelta(days=1))  # type: ignore[attr-defined]  # Thu 12-03
    result = service.accept_with_notice(
        demo_ctx.uow(),
        clerk(demo_ctx),
        late.notice_id,
        accept_request(
            item, "居民身份证", "户口簿", not_applicable_material_ids=frozenset({ids["收入证明"]})
        ),
    )
    # Five working days from Tuesday 11-24, not from Thursday 12-03.
    assert result.deadline.due == date(2026, 12, 1)
    case = queries.find_case_by_number(demo_ctx.uow(), clerk(demo_ctx), result.number)
    assert case is not None and case.accepted_day == date(2026, 11, 24)

"""One ID number, one name: the names an ID was recorded under before (issue 17.7)."""

from __future__ import annotations

from app.auth import login
from app.cases.identity import EarlierName, other_names, same_name
from app.cases.records import AcceptRequest, ApplicantInput
from app.cases.service import accept_case
from app.catalog.records import Necessity
from app.context import AppContext
from app.notices import refusals, service
from app.notices.records import NoticeRequest, RefusalRequest
from tests.helpers.catalog import make_item, resident_id

ID = resident_id()
PHONE = "13812345678"


def test_earlier_names_of_an_id_on_cases_notices_and_refusals(demo_ctx: AppContext) -> None:
    uow = demo_ctx.uow
    me = login(uow(), "zhangwei", "demo-2026")
    item = make_item(demo_ctx)
    required = frozenset(m.id for m in item.materials if m.necessity is Necessity.REQUIRED)
    conditional = frozenset(m.id for m in item.materials if m.necessity is Necessity.CONDITIONAL)
    assert other_names(uow(), me, "resident_id", ID, "王芳") == []  # never seen
    for name in ("王芳", "王 芳"):  # the second is the same name with a space
        accept_case(
            uow(),
            me,
            AcceptRequest(
                item.id,
                ApplicantInput(name=name, id_number=ID, phone=PHONE),
                required,
                not_applicable_material_ids=conditional,
            ),
        )
    service.issue_one_time_notice(
        uow(),
        me,
        NoticeRequest(item.id, ApplicantInput(name="王方", id_number=ID, phone=PHONE), frozenset()),
    )
    refusals.refuse_application(
        uow(),
        me,
        RefusalRequest(
            item.id,
            ApplicantInput(name="李四", id_number=ID, phone=PHONE),
            reason="不属于本机关职权范围",
            legal_basis="《行政许可法》第三十二条",
        ),
    )
    # Under the usual name: the other two are named, the most used first; spaces set aside.
    assert other_names(uow(), me, "resident_id", ID, "王芳") == [
        EarlierName("李四", 1),
        EarlierName("王方", 1),
    ]
    found = other_names(uow(), me, "resident_id", ID.lower(), "张三")
    assert found[0] == EarlierName("王 芳", 2)  # one name, two spellings: counted together
    assert {n.name for n in found[1:]} == {"王方", "李四"}
    # Another ID type with the same digits is another document; nothing is missing: no lookup.
    assert other_names(uow(), me, "passport", ID, "张三") == []
    assert other_names(uow(), me, "resident_id", ID, " ") == []
    assert other_names(uow(), me, "resident_id", "", "张三") == []


def test_same_name_sets_aside_widths_dots_and_spaces() -> None:
    assert same_name("阿依古丽·买买提", "阿依古丽•买买提")
    assert same_name("阿依古丽・买买提", "阿依古丽 · 买买提")
    assert same_name("ＡＢＣ", "ABC")
    assert not same_name("王芳", "王方")

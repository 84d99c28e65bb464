"""Identity documents and names at the counter are checked through the service (issue 18 items
7 and 8): every door (GUI, CLI, import) refuses the same way."""

from __future__ import annotations

import pytest

from app.auth import login
from app.cases import queries, service
from app.cases.records import AcceptRequest, ApplicantInput
from app.context import AppContext
from app.errors import ValidationError
from tests.helpers.catalog import make_item


def _accept(ctx: AppContext, id_type: str, number: str, name: str = "Anna Schmidt") -> str:
    item = make_item(ctx)
    ids = {m.name: m.id for m in item.materials}
    me = login(ctx.uow(), "zhangwei", "demo-2026")
    applicant = ApplicantInput(name=name, id_number=number, phone="13812345678", id_type=id_type)
    result = service.accept_case(
        ctx.uow(),
        me,
        AcceptRequest(
            item_version_id=item.id,
            applicant=applicant,
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    )
    return result.number


@pytest.mark.parametrize("id_type", ["hk_macao_taiwan", "passport", "foreign_permanent"])
def test_garbage_is_refused_for_every_document_and_nothing_is_saved(
    demo_ctx: AppContext, id_type: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _accept(demo_ctx, id_type, "garbage!!")
    assert set(caught.value.errors) == {"id_number"}
    assert "号码" in caught.value.errors["id_number"]


def test_a_2023_permanent_residence_id_is_accepted_as_typed(demo_ctx: AppContext) -> None:
    # 9, Beijing (11), nationality 276, born 1980-02-29, sequence 123; check character
    # worked out by hand with ISO 7064 MOD 11-2: weighted sum 336, mod 11 = 6 -> "6".
    number = _accept(demo_ctx, "foreign_permanent", "911276198002291236")
    me = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    case = queries.find_case_by_number(demo_ctx.uow(), me, number)
    assert case is not None


@pytest.mark.parametrize(
    ("name", "words"),
    [("王\U00030041", "无法打印"), ("ئايگۈل", "维吾尔文"), ("ᠪᠠᠲᠤ", "蒙古文")],
)
def test_names_that_would_not_print_are_refused_at_entry(
    demo_ctx: AppContext, name: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _accept(demo_ctx, "passport", "X1234567", name)
    assert set(caught.value.errors) == {"applicant_name"}
    assert words in caught.value.errors["applicant_name"]

"""Catalog rules without a database: draft validation, search keys, permissions, file checks."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from app.catalog import exchange
from app.catalog.demo_data import DEMO_ITEMS
from app.catalog.records import MaterialForm, Necessity
from app.catalog.search import normalize_query, pinyin_initials, search_key
from app.catalog.service import (
    ItemDraft,
    MaterialDraft,
    StepDraft,
    deactivate_item,
    save_item,
    validate_draft,
)
from app.errors import PermissionDenied, ValidationError
from app.roles import Actor, Role

ALLOWANCE = ItemDraft(
    code=" mz-004 ",
    name=" 高龄津贴申领 ",
    department="县民政局",
    statutory_days=20,
    committed_days=10,
    materials=(MaterialDraft("居民身份证", form="either"),),
    steps=(StepDraft("受理", 1), StepDraft("审核", 9)),
)


def errors_of(draft: ItemDraft) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        validate_draft(draft)
    return caught.value.errors


def test_a_good_draft_is_tidied() -> None:
    clean = validate_draft(ALLOWANCE)
    assert clean.code == "MZ-004" and clean.name == "高龄津贴申领"
    assert clean.materials[0].form is MaterialForm.EITHER
    assert clean.materials[0].necessity is Necessity.REQUIRED


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"code": ""}, "code", "请填写事项编码"),
        ({"code": "民政 001"}, "code", "只能由字母"),
        ({"name": ""}, "name", "不能为空"),
        ({"name": "高龄\n津贴"}, "name", "不能换行"),
        ({"department": " "}, "department", "不能为空"),
        ({"statutory_days": -1}, "statutory_days", "不能为负数"),
        ({"committed_days": -3}, "committed_days", "不能为负数"),
        ({"committed_days": 21}, "committed_days", "不能超过法定时限（20个工作日）"),
        ({"committed_days": "10"}, "committed_days", "请填写整数"),
        ({"visits_needed": 11}, "visits_needed", "应在0到10之间"),
        ({"materials": ()}, "materials", "至少要列出一项申请材料"),
        ({"steps": (StepDraft("受理", 5), StepDraft("审核", 6))}, "steps", "超过承诺时限"),
        ({"steps": (StepDraft("", 1),)}, "steps[0].name", "不能为空"),
    ],
)
def test_each_rule_names_its_field(changes: dict[str, Any], field: str, words: str) -> None:
    assert words in errors_of(dataclasses.replace(ALLOWANCE, **changes))[field]


@pytest.mark.parametrize(
    ("material", "field", "words"),
    [
        (MaterialDraft(""), "name", "不能为空"),
        (MaterialDraft("户口簿", form="scan"), "form", "原件、复印件或均可"),
        (MaterialDraft("户口簿", medium="fax"), "medium", "纸质、电子或均可"),
        (MaterialDraft("户口簿", necessity="maybe"), "necessity", "必需、视情况或可选"),
        (MaterialDraft("户口簿", copies=0), "copies", "应在1到99之间"),
        (MaterialDraft("户口簿", copies=-2), "copies", "不能为负数"),
        (MaterialDraft("户口簿", necessity="conditional"), "condition", "什么情况下"),
        (MaterialDraft("居民身份证"), "name", "与第1项材料重名"),
    ],
)
def test_material_errors_point_at_the_row(material: MaterialDraft, field: str, words: str) -> None:
    draft = dataclasses.replace(ALLOWANCE, materials=(*ALLOWANCE.materials, material))
    assert words in errors_of(draft)[f"materials[1].{field}"]


def test_every_error_is_reported_at_once() -> None:
    draft = dataclasses.replace(
        ALLOWANCE, name="", committed_days=30, materials=(MaterialDraft("", copies=0),)
    )
    assert set(errors_of(draft)) == {
        "name",
        "committed_days",
        "materials[0].name",
        "materials[0].copies",
    }


def test_an_on_the_spot_item_needs_no_materials() -> None:
    draft = dataclasses.replace(ALLOWANCE, committed_days=0, materials=(), steps=())
    assert validate_draft(draft).committed_days == 0


def test_every_demo_item_is_valid_and_codes_are_unique() -> None:
    assert len(DEMO_ITEMS) >= 25
    assert len({validate_draft(d).code for d in DEMO_ITEMS}) == len(DEMO_ITEMS)


def test_search_key_has_code_name_and_initials() -> None:
    assert search_key("MZ-001", "最低生活保障申请") == "mz-001 最低生活保障申请 zdshbzsq"
    assert pinyin_initials("困难残疾人生活补贴和重度残疾人护理补贴") == "kncjrshbthzdcjrhlbt"
    assert pinyin_initials("ＡＢＣ证明（2024版）") == "abczm2024b"
    assert normalize_query(" ＤＢ Ｓｑ ") == "dbsq"


def test_only_administrators_write() -> None:
    clerk = Actor(2, "zhangwei", "张伟", Role.CLERK, 1, 1)
    nothing: Any = object()  # the role check comes before any storage is touched
    with pytest.raises(PermissionDenied):
        save_item(nothing, clerk, ALLOWANCE)
    with pytest.raises(PermissionDenied):
        deactivate_item(nothing, clerk, "MZ-004")
    with pytest.raises(PermissionDenied):
        exchange.import_json(nothing, clerk, b"{}")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"not json", "不是有效的 JSON"),
        (b'{"format": "other"}', "不是本系统导出的事项目录"),
        (b'{"format": "frontdesk-catalog", "format_version": 9, "items": []}', "版本不受支持"),
    ],
)
def test_foreign_json_is_refused_before_any_work(data: bytes, words: str) -> None:
    admin = Actor(1, "admin", "系统管理员", Role.ADMIN, 1)
    nothing: Any = object()
    with pytest.raises(exchange.CatalogImportRejected, match=words):
        exchange.import_json(nothing, admin, data)


def test_a_file_that_is_not_a_workbook_is_refused() -> None:
    admin = Actor(1, "admin", "系统管理员", Role.ADMIN, 1)
    nothing: Any = object()
    with pytest.raises(exchange.CatalogImportRejected, match="不是有效的 Excel"):
        exchange.import_xlsx(nothing, admin, b"PK\x03\x04 broken")

"""The catalog service on SQLite and PostgreSQL: versions, validation, permissions, search."""

from __future__ import annotations

import dataclasses

import pytest

from app import audit
from app.auth import login
from app.catalog.demo_data import DEMO_ITEMS
from app.catalog.service import (
    ItemDraft,
    MaterialDraft,
    StepDraft,
    current_version,
    deactivate_item,
    draft_of,
    get_version,
    list_items,
    reactivate_item,
    save_item,
    search_items,
)
from app.context import AppContext
from app.errors import ConcurrentEdit, NotFound, PermissionDenied, ValidationError
from app.roles import Actor
from app.setup import initialize

WATER = ItemDraft(
    code="sl-101",
    name="取水许可",
    department="县水利局",
    statutory_days=45,
    committed_days=20,
    legal_basis="《中华人民共和国水法》第四十八条",
    materials=(
        MaterialDraft("取水许可申请书"),
        MaterialDraft("水资源论证报告书", deferrable=True),
        MaterialDraft("退水方案", necessity="conditional", condition="有退水的"),
    ),
    steps=(StepDraft("受理", 1), StepDraft("审查", 15), StepDraft("决定", 4)),
)


@pytest.fixture
def admin(ctx: AppContext) -> Actor:
    initialize(ctx.uow(), "admin-2026")
    return login(ctx.uow(), "admin", "admin-2026")


def audit_head(ctx: AppContext) -> int:
    uow = ctx.uow()
    with uow.read():
        return uow.audit.head().seq


def test_a_new_version_leaves_the_old_one_as_it_was(ctx: AppContext, admin: Actor) -> None:
    first = save_item(ctx.uow(), admin, WATER)
    v1 = get_version(ctx.uow(), first)
    assert (v1.code, v1.version_no, v1.committed_days) == ("SL-101", 1, 20)
    assert [m.name for m in v1.materials] == ["取水许可申请书", "水资源论证报告书", "退水方案"]
    assert [m.position for m in v1.materials] == [1, 2, 3]
    assert [(s.name, s.days) for s in v1.steps] == [("受理", 1), ("审查", 15), ("决定", 4)]

    edited = dataclasses.replace(
        draft_of(v1),
        committed_days=15,
        materials=draft_of(v1).materials[:2],
        steps=(StepDraft("受理", 1), StepDraft("审查", 10), StepDraft("决定", 4)),
    )
    second = save_item(ctx.uow(), admin, edited)
    assert second != first
    v2 = current_version(ctx.uow(), "SL-101")
    assert (v2.id, v2.version_no, v2.committed_days, len(v2.materials)) == (second, 2, 15, 2)
    # A case accepted under version 1 still reads version 1's promise and materials.
    again = get_version(ctx.uow(), first)
    assert again == v1
    assert [h.version_id for h in search_items(ctx.uow(), "qsxk")] == [second]
    assert audit.verify(ctx.uow()).ok
    uow = ctx.uow()
    with uow.read():
        actions = [e.action for e in uow.audit.recent(2)]
    assert actions == ["catalog_version_added", "catalog_item_created"]


def test_saving_an_unchanged_draft_writes_nothing(ctx: AppContext, admin: Actor) -> None:
    first = save_item(ctx.uow(), admin, WATER)
    head = audit_head(ctx)
    assert save_item(ctx.uow(), admin, draft_of(get_version(ctx.uow(), first))) == first
    assert audit_head(ctx) == head
    assert current_version(ctx.uow(), "SL-101").version_no == 1


def test_a_wrong_draft_saves_nothing_and_names_every_field(ctx: AppContext, admin: Actor) -> None:
    head = audit_head(ctx)
    bad = dataclasses.replace(
        WATER,
        name=" ",
        committed_days=60,
        materials=(*WATER.materials, MaterialDraft("", form="scan")),
        steps=(StepDraft("受理", -1),),
    )
    with pytest.raises(ValidationError) as caught:
        save_item(ctx.uow(), admin, bad)
    errors = caught.value.errors
    assert errors["name"] == "不能为空"
    assert "不能超过法定时限" in errors["committed_days"]
    assert errors["materials[3].name"] == "不能为空"
    assert "原件" in errors["materials[3].form"]
    assert errors["steps[0].days"] == "不能为负数"
    assert list_items(ctx.uow(), include_inactive=True) == []
    assert audit_head(ctx) == head


def test_codes_are_unique_whatever_their_case(ctx: AppContext, admin: Actor) -> None:
    save_item(ctx.uow(), admin, WATER)
    with pytest.raises(ValidationError) as caught:
        save_item(ctx.uow(), admin, dataclasses.replace(WATER, code="SL-101", name="另一个事项"))
    assert "已被使用" in caught.value.errors["code"]
    assert [s.name for s in list_items(ctx.uow())] == ["取水许可"]


def test_the_code_of_an_item_cannot_change(ctx: AppContext, admin: Actor) -> None:
    v1 = get_version(ctx.uow(), save_item(ctx.uow(), admin, WATER))
    with pytest.raises(ValidationError) as caught:
        save_item(ctx.uow(), admin, dataclasses.replace(draft_of(v1), code="SL-999"))
    assert "不能修改" in caught.value.errors["code"]


def test_two_admins_editing_the_same_version(ctx: AppContext, admin: Actor) -> None:
    v1 = get_version(ctx.uow(), save_item(ctx.uow(), admin, WATER))
    save_item(ctx.uow(), admin, dataclasses.replace(draft_of(v1), fee="按规定收取"))
    with pytest.raises(ConcurrentEdit, match="第2版"):
        save_item(ctx.uow(), admin, dataclasses.replace(draft_of(v1), committed_days=25))
    assert current_version(ctx.uow(), "SL-101").fee == "按规定收取"


def test_only_administrators_write(demo_ctx: AppContext) -> None:
    clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    supervisor = login(demo_ctx.uow(), "sunli", "demo-2026")
    for actor in (clerk, supervisor):
        with pytest.raises(PermissionDenied):
            save_item(demo_ctx.uow(), actor, WATER)
        with pytest.raises(PermissionDenied):
            deactivate_item(demo_ctx.uow(), actor, "MZ-001")
    # ... while everyone reads and searches.
    assert search_items(demo_ctx.uow(), "dbsq")[0].code == "MZ-001"


def test_the_demo_catalog_is_loaded_once(demo_ctx: AppContext) -> None:
    items = list_items(demo_ctx.uow())
    assert len(items) == len(DEMO_ITEMS) >= 25
    head = audit_head(demo_ctx)
    initialize(demo_ctx.uow(), None, demo=True)
    assert len(list_items(demo_ctx.uow())) == len(items)
    assert audit_head(demo_ctx) == head
    versions = [get_version(demo_ctx.uow(), s.version_id) for s in items]
    assert sum(v.on_the_spot for v in versions) >= 5
    assert sum(bool(v.steps) for v in versions) >= 10
    assert all(v.committed_days <= v.statutory_days for v in versions)
    assert any(m.deferrable for v in versions for m in v.materials)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("dbsq", "MZ-001"),  # 低保申请, the initials of the usual short name
        ("zdsh", "MZ-001"),  # 最低生活
        ("低保", "MZ-001"),
        ("最低生活", "MZ-001"),
        ("mz-001", "MZ-001"),
        ("ＳＬ－００１", "SL-001"),  # typed with a full-width input method
        ("取水", "SL-001"),  # the shorter name first
        ("qsxk", "SL-001"),
        ("gtgshsl", "SC-001"),
        ("hdgl", "SL-003"),
    ],
)
def test_search_finds_what_a_clerk_types(demo_ctx: AppContext, typed: str, first: str) -> None:
    assert search_items(demo_ctx.uow(), typed)[0].code == first


def test_search_ranks_code_prefixes_in_code_order(demo_ctx: AppContext) -> None:
    codes = [h.code for h in search_items(demo_ctx.uow(), "mz-00", limit=5)]
    assert codes == ["MZ-001", "MZ-002", "MZ-003", "MZ-004", "MZ-005"]
    assert search_items(demo_ctx.uow(), "  ") == []
    assert search_items(demo_ctx.uow(), "%") == []  # wildcards are searched for literally
    assert search_items(demo_ctx.uow(), "_") == []


def test_a_deactivated_item_leaves_the_counter_but_stays_readable(demo_ctx: AppContext) -> None:
    admin = login(demo_ctx.uow(), "admin", "admin-2026")
    before = current_version(demo_ctx.uow(), "MZ-001")
    deactivate_item(demo_ctx.uow(), admin, "mz-001")
    assert [h.code for h in search_items(demo_ctx.uow(), "dbsq")][:1] != ["MZ-001"]
    assert "MZ-001" not in {s.code for s in list_items(demo_ctx.uow())}
    hidden = {s.code: s for s in list_items(demo_ctx.uow(), include_inactive=True)}
    assert hidden["MZ-001"].active is False
    assert get_version(demo_ctx.uow(), before.id) == before
    reactivate_item(demo_ctx.uow(), admin, "MZ-001")
    assert search_items(demo_ctx.uow(), "dbsq")[0].code == "MZ-001"
    with pytest.raises(NotFound):
        deactivate_item(demo_ctx.uow(), admin, "NO-SUCH")
    with pytest.raises(NotFound):
        get_version(demo_ctx.uow(), 999_999)

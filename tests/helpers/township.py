"""A township convenience center beside the demo county hall, in the same database: enough to
test the rules between sites (ownership, hand-over, the county's views) without the bundles
that carry records between databases."""

from __future__ import annotations

from typing import Protocol

from app.auth import login
from app.catalog.ports import ItemDraft, MaterialDraft
from app.catalog.records import ItemVersionRecord
from app.catalog.service import get_version, save_item
from app.context import AppContext
from app.ports import UnitOfWork
from app.records import SiteLevel
from app.roles import Actor, Role
from app.staff import create_staff

PASSWORD = "township-2026"


def add_township(
    ctx: AppContext, code: str = "XZ", name: str = "新庄镇便民服务中心", clerk: str = "xzclerk"
) -> int:
    """The site with one window, a clerk (``clerk``) and a supervisor (``clerk`` + "boss")."""
    uow = ctx.uow()
    with uow.write():
        site_id = uow.sites.add(
            code=code,
            name=name,
            level=SiteLevel.TOWNSHIP,
            address="",
            phones="",
            timezone="Asia/Shanghai",
        )
        uow.sites.add_window(site_id, 1, "综合受理窗口", None)
        create_staff(
            uow, None, site_id=site_id, login=clerk, name="赵敏", role=Role.CLERK,
            password=PASSWORD, window_number=1,
        )  # fmt: skip
        create_staff(
            uow, None, site_id=site_id, login=clerk + "boss", name="钱进", role=Role.SUPERVISOR,
            password=PASSWORD,
        )  # fmt: skip
    return site_id


def township_actor(ctx: AppContext, login_name: str = "xzclerk") -> Actor:
    return login(ctx.uow(), login_name, PASSWORD)


class _Store(Protocol):
    def uow(self) -> UnitOfWork: ...


def county_item(ctx: _Store, code: str = "C-001", committed: int = 5) -> ItemVersionRecord:
    """An item a county department decides (乡镇代收、县级审批)."""
    admin = login(ctx.uow(), "admin", "admin-2026")
    draft = ItemDraft(
        code=code,
        name="取水许可（县级审批）",
        department="水利局",
        statutory_days=20,
        committed_days=committed,
        decision_level="county",
        materials=(
            MaterialDraft("居民身份证", form="original"),
            MaterialDraft("户口簿", form="copy", deferrable=True),
            MaterialDraft("收入证明", necessity="conditional", condition="有工作收入的"),
        ),
    )
    return get_version(ctx.uow(), save_item(ctx.uow(), admin, draft))


def accept_here(ctx: _Store, actor: Actor, item: ItemVersionRecord) -> str:
    """One plain acceptance of ``item`` by ``actor`` at their site; its number."""
    from app.cases.acceptance import accept_case
    from app.cases.records import AcceptRequest, ApplicantInput
    from tests.helpers.catalog import resident_id

    ids = {m.name: m.id for m in item.materials}
    req = AcceptRequest(
        item_version_id=item.id,
        applicant=ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678"),
        received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
        not_applicable_material_ids=frozenset({ids["收入证明"]}),
    )
    return accept_case(ctx.uow(), actor, req).number


def accept_some(ctx: AppContext) -> None:
    """Two townships beside the demo county; 2 cases accepted at the county, 3 at XZ."""
    add_township(ctx)
    add_township(ctx, code="DW", name="东王镇便民服务中心", clerk="dwclerk")
    item = county_item(ctx)
    county_clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    for _ in range(2):
        accept_here(ctx, county_clerk, item)
    for _ in range(3):
        accept_here(ctx, township_actor(ctx), item)

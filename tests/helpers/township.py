"""A township convenience center beside the demo county hall, in the same database: enough to
test the rules between sites (ownership, hand-over, the county's views) without the bundles
that carry records between databases."""

from __future__ import annotations

from app.auth import login
from app.catalog.ports import ItemDraft, MaterialDraft
from app.catalog.records import ItemVersionRecord
from app.catalog.service import get_version, save_item
from app.context import AppContext
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


def county_item(ctx: AppContext, code: str = "C-001", committed: int = 5) -> ItemVersionRecord:
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

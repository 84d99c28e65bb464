"""A small catalog item for case tests, saved through the catalog service."""

from __future__ import annotations

from app.auth import login
from app.catalog.ports import ItemDraft, MaterialDraft, StepDraft
from app.catalog.records import ItemVersionRecord
from app.catalog.service import get_version, save_item
from app.context import AppContext
from app.validation import id_check_char


def resident_id(first17: str = "11010519491231002") -> str:
    return first17 + id_check_char(first17)


def make_item(
    ctx: AppContext, code: str = "T-001", committed: int = 5, statutory: int = 20
) -> ItemVersionRecord:
    admin = login(ctx.uow(), "admin", "admin-2026")
    draft = ItemDraft(
        code=code,
        name="最低生活保障申请（测试）",
        department="民政局",
        statutory_days=statutory,
        committed_days=committed,
        materials=(
            MaterialDraft("居民身份证", form="original"),
            MaterialDraft("户口簿", form="copy", deferrable=True),
            MaterialDraft("收入证明", necessity="conditional", condition="有工作收入的"),
            MaterialDraft("近期照片", necessity="optional"),
        ),
        steps=(StepDraft("受理", 1), StepDraft("审核", 2), StepDraft("决定", 2))
        if committed >= 5
        else (),
    )
    version_id = save_item(ctx.uow(), admin, draft)
    return get_version(ctx.uow(), version_id)

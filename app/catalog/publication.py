"""公布: a catalog version is a draft until a supervisor (中心负责人) or an administrator
publishes it, and the publication records who and when.

Saving a version still puts it in force at once (the counter works from the catalog as it is);
what publication decides is what the hall may post. 行政许可法 Art. 30 requires the items, their
basis, conditions, limits, procedure and materials to be posted (公示) at the office: the
服务承诺书 and the 公示清单 (app.printing.builders) print the versions in force and say plainly,
at the top and on each row, when one of them is a draft not yet published — such a paper is not
to be posted. Versions written before publication was recorded (migration 0015) count as
published by whoever saved them, when they saved them; the demo catalog is published as it is
loaded.
"""

from __future__ import annotations

from app import audit
from app.catalog.records import ItemSummary, ItemVersionRecord
from app.catalog.service import get_version, list_items, normalize_code
from app.clock import DEFAULT_TZ
from app.errors import NotFound, ValidationError
from app.installation import require_catalog_owner
from app.ports import UnitOfWork
from app.roles import SUPERVISING_ROLES, Actor, allowed_roles

PUBLISHERS = SUPERVISING_ROLES


@allowed_roles(*PUBLISHERS)
def publish_version(uow: UnitOfWork, actor: Actor, version_id: int) -> ItemVersionRecord:
    """Publish the version in force of its item; an older version or one already published
    is refused in words. Audited."""
    with uow.write():
        require_catalog_owner(uow)
        version = uow.catalog.version(version_id)
        if version is None:
            raise NotFound(f"没有编号为 {version_id} 的事项版本")
        item = uow.catalog.item(version.item_id)
        if item is None or item.current_version_id != version.id:
            raise ValidationError.single(
                "version",
                f"“{version.name}”第{version.version_no}版已不是现行版本，只能公布现行版本",
            )
        if version.published_at is not None:
            when = version.published_at.astimezone(DEFAULT_TZ)
            who = version.published_by_name or "系统初始化"
            raise ValidationError.single(
                "version",
                f"“{version.name}”第{version.version_no}版已于{when:%Y-%m-%d %H:%M}由{who}公布",
            )
        now = uow.clock.now()
        uow.catalog.publish_version(version.id, now, actor.staff_id)
        audit.record(
            uow,
            actor,
            "catalog_version_published",
            "service_item",
            version.item_id,
            {"version": version.version_no, "published": False},
            {"version": version.version_no, "published": True, "code": version.code},
        )
    return get_version(uow, version_id)


@allowed_roles(*PUBLISHERS)
def publish_item(uow: UnitOfWork, actor: Actor, code: str) -> ItemVersionRecord:
    """Publish the version in force of the item with this code (the command line's way)."""
    with uow.read():
        item = uow.catalog.item_by_code(normalize_code(code))
    if item is None or item.current_version_id is None:
        raise ValidationError.single("code", f"没有编码为“{code}”的事项")
    return publish_version(uow, actor, item.current_version_id)


@allowed_roles(*PUBLISHERS)
def unpublished_items(uow: UnitOfWork, actor: Actor) -> list[ItemSummary]:
    """Items offered now whose version in force is a draft, by code."""
    return [s for s in list_items(uow) if not s.published]

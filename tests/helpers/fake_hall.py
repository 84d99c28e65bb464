"""A small service hall in memory (FakeUnitOfWork): one site, two windows, two clerks who
stand in for each other, a supervisor and one catalog item, for the fast rule tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from app.catalog.records import (
    ItemVersionRecord,
    MaterialForm,
    MaterialMedium,
    MaterialRecord,
    Necessity,
    StepRecord,
)
from app.clock import ManualClock
from app.roles import Actor, Role
from tests.helpers.fakes import FakeUnitOfWork

# Tuesday 24 November 2026, 09:00 in the hall (Asia/Shanghai).
OPENING = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
ID_CARD, HOUSEHOLD, INCOME = 1, 2, 3  # the item's materials


@dataclass
class Hall:
    uow: FakeUnitOfWork
    clock: ManualClock
    clerk: Actor  # 张伟, window 1
    colleague: Actor  # 李娜, window 2, 张伟's B post
    supervisor: Actor
    item: ItemVersionRecord


def _material(mid: int, name: str, **fields: object) -> MaterialRecord:
    values: dict[str, object] = {
        "form": MaterialForm.ORIGINAL,
        "medium": MaterialMedium.PAPER,
        "copies": 1,
        "necessity": Necessity.REQUIRED,
        "condition": "",
        "deferrable": False,
        "requirements": "",
        "template_ref": "",
        **fields,
    }
    return MaterialRecord(id=mid, position=mid, name=name, **values)  # type: ignore[arg-type]


def make_hall(committed_days: int = 5) -> Hall:
    clock = ManualClock(OPENING)
    uow = FakeUnitOfWork(clock)
    site = uow.sites.add(
        code="QH",
        name="青河镇便民服务中心",
        level="township",
        address="",
        phones="",
        timezone="Asia/Shanghai",
    )
    w1 = uow.sites.add_window(site, 1, "综合窗口", None)
    w2 = uow.sites.add_window(site, 2, "社保窗口", None)
    staff = {"login": "", "password_hash": "", "active": True, "site_id": site}
    zhang = uow.staff.add(
        **{**staff, "login": "zhangwei", "name": "张伟"}, role=Role.CLERK, window_id=w1
    )
    li = uow.staff.add(
        **{**staff, "login": "lina", "name": "李娜"},
        role=Role.CLERK,
        window_id=w2,
        backup_staff_id=zhang,
    )
    boss = uow.staff.add(
        **{**staff, "login": "wangfang", "name": "王芳"}, role=Role.SUPERVISOR, window_id=None
    )
    uow.staff.update(zhang, backup_staff_id=li)
    item = uow.catalog.put(
        ItemVersionRecord(
            id=1,
            item_id=1,
            code="T-001",
            version_no=1,
            name="最低生活保障申请",
            department="民政局",
            category="",
            legal_basis="",
            conditions="",
            statutory_days=20,
            committed_days=committed_days,
            fee="",
            fee_basis="",
            where_when="",
            visits_needed=1,
            consult_phone="",
            complaint_phone="",
            delivery_methods="",
            created_at=OPENING,
            materials=(
                _material(ID_CARD, "居民身份证"),
                _material(HOUSEHOLD, "户口簿", deferrable=True),
                _material(INCOME, "收入证明", necessity=Necessity.CONDITIONAL),
            ),
            steps=(StepRecord(1, "受理", 0), StepRecord(2, "审核", 3)),
        )
    )

    def actor(staff_id: int) -> Actor:
        s = uow.staff.get(staff_id)
        assert s is not None
        return Actor(s.id, s.login, s.name, s.role, s.site_id, s.window_id)

    return Hall(uow, clock, actor(zhang), actor(li), actor(boss), item)

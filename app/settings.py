"""Hall-wide settings, declared once, stored in the database, changed by administrators.

Per-PC settings (window number, printer, language) live in ``ui/local_settings.py`` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app import audit
from app.errors import ValidationError
from app.installation import is_township
from app.ports import SettingsStore, UnitOfWork
from app.roles import Actor, Role, allowed_roles
from app.workhours import DEFAULT_HALL_HOURS, canonical_hall_hours


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: Any
    parse: Callable[[str], Any]
    check: Callable[[Any], str | None] = lambda value: None


def _int_between(low: int, high: int) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if low <= value <= high else f"应在 {low} 到 {high} 之间"

    return check


SPECS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec(
            "idle_lock_minutes", "无操作自动锁屏（分钟，0 为不锁）", 5, int, _int_between(0, 120)
        ),
        SettingSpec("backup_keep_days", "自动备份保留天数", 30, int, _int_between(1, 3650)),
        SettingSpec(
            "yellow_ratio_percent",
            "黄牌预警：剩余时限不超过承诺时限的百分比",
            20,
            int,
            _int_between(0, 100),
        ),
        SettingSpec(
            "rectification_working_days",
            "差评整改期限（工作日）",
            5,
            int,
            _int_between(1, 30),
        ),
        SettingSpec(
            "referral_ack_hours",
            "转办须在几个工作小时内被接收（超时上报）",
            2,
            int,
            _int_between(1, 40),
        ),
        SettingSpec(
            "silent_township_working_days",
            "乡镇连续几个工作日未报送数据时提醒（县级中心）",
            3,
            int,
            _int_between(1, 60),
        ),
        SettingSpec(
            "hall_hours",
            "办公时段（工作日，如 09:00-12:00,13:30-17:00）",
            DEFAULT_HALL_HOURS,
            canonical_hall_hours,
        ),
    )
}


# What kind of database this is, set once by ``init`` and never by the settings dialog (not in
# SPECS, so ``change`` refuses it): "demo" for one made with ``init --demo``, "real" otherwise.
# Only a demo database takes demo data, and a demo database says 演示数据 on every screen and
# every paper, so it is never taken for a real hall. A database without the key predates it
# and counts as real.
DATABASE_KIND = "database_kind"
DEMO_KIND = "demo"
REAL_KIND = "real"
DEMO_MARK = "演示数据"


COUNTY_SETTING_HERE = "这项设置由县级中心统一规定，随县级数据包下发，乡镇站点不能修改"


def is_demo_database(uow: UnitOfWork) -> bool:
    with uow.read():
        return uow.settings.get(DATABASE_KIND) == DEMO_KIND


# The settings the county decides for every site: at a township they come with the county's
# bundles (app.sites_register) and cannot be changed there.
COUNTY_SETTINGS = ("yellow_ratio_percent", "rectification_working_days", "referral_ack_hours")


def county_owned_here(uow: UnitOfWork) -> frozenset[str]:
    """The settings this installation may not change: at a township, those the county decides
    for every site (they come with the county's bundles); none elsewhere."""
    with uow.read():
        return frozenset(COUNTY_SETTINGS) if is_township(uow) else frozenset()


def get_all(uow: SettingsStore) -> dict[str, Any]:
    """Every setting with its typed value (defaults where none is stored)."""
    with uow.read():
        stored = uow.settings.all()
    return {key: _parse(spec, stored.get(key)) for key, spec in SPECS.items()}


def get(uow: SettingsStore, key: str) -> Any:
    return get_all(uow)[key]


@allowed_roles(Role.ADMIN)
def change(uow: UnitOfWork, actor: Actor, values: dict[str, str]) -> None:
    """Change several settings at once; every bad value is named, nothing saved half."""
    errors: dict[str, str] = {}
    parsed: dict[str, Any] = {}
    for key, raw in values.items():
        spec = SPECS.get(key)
        if spec is None:
            errors[key] = "未知的设置项"
            continue
        try:
            value = spec.parse(str(raw).strip())
        except ValueError:
            errors[key] = "格式不正确"
            continue
        problem = spec.check(value)
        if problem:
            errors[key] = problem
        parsed[key] = value
    if errors:
        raise ValidationError(errors)
    with uow.write():
        if is_township(uow):
            county_owned = {k: COUNTY_SETTING_HERE for k in parsed if k in COUNTY_SETTINGS}
            if county_owned:
                raise ValidationError(county_owned)
        before = uow.settings.all()
        for key, value in parsed.items():
            uow.settings.set(key, str(value))
        changed = {k: str(v) for k, v in parsed.items()}
        audit.record(
            uow,
            actor,
            "settings_changed",
            "setting",
            ",".join(sorted(parsed)),
            {k: before.get(k) for k in parsed},
            changed,
        )


def _parse(spec: SettingSpec, raw: str | None) -> Any:
    if raw is None:
        return spec.default
    try:
        return spec.parse(raw)
    except ValueError:
        return spec.default

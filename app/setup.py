"""First start: the site, its windows and the administrator; optionally demo data."""

from __future__ import annotations

from dataclasses import dataclass

from app import audit
from app.errors import DomainError, ValidationError
from app.ports import UnitOfWork
from app.records import SiteLevel
from app.roles import Role
from app.settings import DATABASE_KIND, DEMO_KIND, REAL_KIND
from app.signing import ensure_site_key
from app.staff import create_staff


@dataclass(frozen=True)
class InitResult:
    site_id: int
    created_site: bool
    created_admin: bool
    demo_logins: tuple[str, ...] = ()


DEFAULT_SITE = {
    "code": "QH",
    "name": "清河县政务服务中心",
    "level": SiteLevel.COUNTY,
    "address": "清河县人民路 88 号",
    "phones": "0310-6812345",
    "timezone": "Asia/Shanghai",
}

# The demo hall: departments and numbered windows, then staff. README lists these logins.
DEMO_PASSWORD = "demo-2026"
DEMO_DEPARTMENTS = {
    "民政局": [(1, "社会救助窗口"), (2, "养老服务窗口")],
    "人力资源和社会保障局": [(3, "社保窗口")],
    "水利局": [(4, "水务窗口")],
    "综合受理": [(5, "综合受理窗口"), (6, "咨询导办窗口")],
}
# The demo hall's queue (取号): a letter per item group and the windows that call it.
DEMO_QUEUE_GROUPS = (("A", "民政业务", "1,2"), ("B", "社保业务", "3"), ("C", "综合受理", "4,5,6"))
DEMO_STAFF = [
    # login, name, role, window, backup login
    ("zhangwei", "张伟", Role.CLERK, 1, "lina"),
    ("lina", "李娜", Role.CLERK, 2, "zhangwei"),
    ("wangfang", "王芳", Role.CLERK, 3, "liuyang"),
    ("liuyang", "刘洋", Role.CLERK, 4, "wangfang"),
    ("chenjing", "陈静", Role.CLERK, 5, "zhaolei"),
    ("zhaolei", "赵磊", Role.CLERK, 6, "chenjing"),
    ("sunli", "孙丽", Role.SUPERVISOR, None, None),
]


def initialize(
    uow: UnitOfWork,
    admin_password: str | None,
    *,
    admin_login: str = "admin",
    demo: bool = False,
    demo_catalog: bool = True,
) -> InitResult:
    """Create what a new hall needs. Safe to run again: existing records are kept."""
    with uow.write():
        site = uow.sites.first()
        created_site = site is None
        if site is None:
            site_id = uow.sites.add(**DEFAULT_SITE)
            audit.record(
                uow,
                None,
                "site_created",
                "site",
                site_id,
                None,
                {"code": DEFAULT_SITE["code"], "name": DEFAULT_SITE["name"]},
                login="init",
            )
            uow.settings.set(DATABASE_KIND, DEMO_KIND if demo else REAL_KIND)
        else:
            site_id = site.id
            if demo and uow.settings.get(DATABASE_KIND) != DEMO_KIND:
                raise DomainError(NOT_A_DEMO)
        ensure_site_key(uow, site_id)  # signs the QR codes on printed documents
        created_admin = False
        if uow.staff.by_login(admin_login) is None:
            if not admin_password:
                raise ValidationError.single("admin_password", "首次初始化需要设置管理员密码")
            create_staff(
                uow,
                None,
                site_id=site_id,
                login=admin_login,
                name="系统管理员",
                role=Role.ADMIN,
                password=admin_password,
            )
            created_admin = True
        demo_logins: tuple[str, ...] = ()
        if demo:
            demo_logins = _add_demo_hall(uow, site_id)
            if demo_catalog:  # unit tests of staff rules leave the catalog out
                from app.catalog.demo_data import load_demo_catalog

                load_demo_catalog(uow)
    return InitResult(site_id, created_site, created_admin, demo_logins)


def _add_demo_hall(uow: UnitOfWork, site_id: int) -> tuple[str, ...]:
    existing = {w.number for w in uow.sites.windows(site_id)}
    for dept, windows in DEMO_DEPARTMENTS.items():
        dept_id = None
        for number, name in windows:
            if number in existing:
                continue
            if dept_id is None:
                dept_id = uow.sites.add_department(site_id, dept)
            window_id = uow.sites.add_window(site_id, number, name, dept_id)
            audit.record(
                uow,
                None,
                "window_added",
                "window",
                window_id,
                None,
                {"number": number, "name": name},
                login="init",
            )
    if not uow.queue.groups(site_id):
        for code, group_name, numbers in DEMO_QUEUE_GROUPS:
            uow.queue.save_group(site_id, code, group_name, numbers, True)
            audit.record(
                uow,
                None,
                "queue_group_set",
                "queue_group",
                code,
                None,
                {
                    "name": group_name,
                    "windows": [int(n) for n in numbers.split(",")],
                    "active": True,
                },
                login="init",
            )
    added = []
    for login, name, role, window, _ in DEMO_STAFF:
        if uow.staff.by_login(login) is None:
            create_staff(
                uow,
                None,
                site_id=site_id,
                login=login,
                name=name,
                role=role,
                password=DEMO_PASSWORD,
                window_number=window,
            )
            added.append(login)
    for login, _, _, _, backup in DEMO_STAFF:
        staff = uow.staff.by_login(login)
        partner = uow.staff.by_login(backup) if backup else None
        if staff and partner and staff.backup_staff_id is None:
            uow.staff.update(staff.id, backup_staff_id=partner.id)
            audit.record(
                uow,
                None,
                "backup_set",
                "staff",
                staff.id,
                None,
                {"backup_staff_id": partner.id},
                login="init",
            )
    return tuple(added)


NOT_A_DEMO = (
    "这个数据库不是以演示方式创建的（frontdesk init --demo），不能加入演示数据；"
    "演示请另建一个数据文件夹（--data-dir）"
)


def require_demo_database(uow: UnitOfWork) -> None:
    """Demo data (made-up staff, cases, visits) goes only into a database created as a demo."""
    with uow.read():
        kind = uow.settings.get(DATABASE_KIND)
    if kind != DEMO_KIND:
        raise DomainError(NOT_A_DEMO)


def is_initialized(uow: UnitOfWork) -> bool:
    with uow.read():
        return uow.sites.first() is not None and uow.staff.count() > 0

"""The pages each role works from, in the order the main window lists them.

The first page is where the role starts: a clerk from their work list, a supervisor from the
first-inquiry supervision (the same page, showing what needs them), an administrator from the
home page. tests/unit/test_workspaces.py checks each page against the roles its services allow.
"""

from __future__ import annotations

from enum import StrEnum

from app.roles import Role


class Page(StrEnum):
    WORKLIST = "worklist"  # 我的待办 (clerk) / 首问督办 (supervisor)
    COUNTER = "counter"  # 受理台
    CASES = "cases"  # 办件
    APPOINTMENTS = "appointments"  # 预约
    QUEUE = "queue"  # 排队叫号
    HOME = "home"  # 首页
    RATINGS = "ratings"  # 好差评
    STAFF = "staff"  # 工作人员
    STATISTICS = "statistics"  # 统计分析
    ACCOUNTABILITY = "accountability"  # 责任追究
    COMPLAINTS = "complaints"  # 投诉
    CALENDAR = "calendar"  # 工作日历
    AUDIT = "audit"  # 审计日志
    CATALOG = "catalog"  # 事项目录
    APPOINTMENT_SETTINGS = "appointment_settings"  # 预约设置
    SYNC = "sync"  # 数据交换: bundles between a township and the county (USB stick)


PAGES: dict[Role, tuple[Page, ...]] = {
    Role.CLERK: (
        Page.WORKLIST,
        Page.COUNTER,
        Page.CASES,
        Page.APPOINTMENTS,
        Page.QUEUE,
        Page.HOME,
        Page.RATINGS,
    ),
    Role.SUPERVISOR: (
        Page.WORKLIST,
        Page.COUNTER,
        Page.CASES,
        Page.APPOINTMENTS,
        Page.QUEUE,
        Page.HOME,
        Page.STAFF,
        Page.STATISTICS,
        Page.ACCOUNTABILITY,
        Page.RATINGS,
        Page.COMPLAINTS,
        Page.AUDIT,
        Page.CATALOG,  # to publish versions (公布); editing stays the administrator's
        Page.SYNC,
    ),
    Role.ADMIN: (
        Page.HOME,
        Page.STAFF,
        Page.STATISTICS,
        Page.CALENDAR,
        Page.AUDIT,
        Page.CATALOG,
        Page.APPOINTMENT_SETTINGS,
        Page.SYNC,
    ),
}


def pages_of(role: Role) -> tuple[Page, ...]:
    return PAGES[role]


def sees(role: Role, page: Page) -> bool:
    return page in PAGES[role]

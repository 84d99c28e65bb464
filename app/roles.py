"""Roles, the acting staff member, and the permission check every service makes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from app.errors import PermissionDenied


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLE_LABELS = {Role.CLERK: "窗口工作人员", Role.SUPERVISOR: "中心负责人", Role.ADMIN: "系统管理员"}


@dataclass(frozen=True)
class Actor:
    """Who is calling a service. Built by the login service, never by hand in the UI."""

    staff_id: int
    login: str
    name: str
    role: Role
    site_id: int
    window_id: int | None = None


ANY_ROLE = frozenset(Role)
#: Who serves visitors at a window (a supervisor may sit at one too).
COUNTER_ROLES = frozenset({Role.CLERK, Role.SUPERVISOR})
#: Who oversees the hall: staff, statistics, the audit trail, backups.
SUPERVISING_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})
P = ParamSpec("P")
R = TypeVar("R")


def require_role(actor: Actor, allowed: frozenset[Role]) -> None:
    if actor.role not in allowed:
        raise PermissionDenied(f"“{actor.name}”的角色（{ROLE_LABELS[actor.role]}）无权执行此操作")


def allowed_roles(*roles: Role) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Mark a service with the roles that may call it and enforce it.

    The service's first two parameters are ``(uow, actor)``. The roles are kept on the function
    (``__allowed_roles__``) so a test can enumerate every service and call it as each role.
    """
    allowed = frozenset(roles)

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            actor = kwargs.get("actor", args[1] if len(args) > 1 else None)
            if not isinstance(actor, Actor):
                raise TypeError(f"{func.__name__} needs an Actor as its second argument")
            require_role(actor, allowed)
            return func(*args, **kwargs)

        wrapper.__allowed_roles__ = allowed  # type: ignore[attr-defined]
        return wrapper

    return decorate


def roles_of(func: Any) -> frozenset[Role] | None:
    return getattr(func, "__allowed_roles__", None)

"""Staff accounts: add, list, change passwords, disable, and the A/B backup pairing."""

from __future__ import annotations

from dataclasses import dataclass

from app import audit
from app.auth import check_password_strength, hash_password, password_matches
from app.errors import AuthenticationError, NotFound, ValidationError
from app.ports import UnitOfWork
from app.records import StaffRecord
from app.roles import ANY_ROLE, Actor, Role, allowed_roles
from app.site_rules import require_own_record
from app.validation import FieldErrors, validate_login, validate_name


@dataclass(frozen=True)
class StaffView:
    """What lists show of a staff member (no password hash)."""

    id: int
    login: str
    name: str
    role: Role
    window_number: int | None
    backup_name: str | None
    active: bool
    locked: bool


def create_staff(
    uow: UnitOfWork,
    actor: Actor | None,
    *,
    site_id: int,
    login: str,
    name: str,
    role: Role | str,
    password: str,
    window_number: int | None = None,
) -> int:
    """Validate and store a new account inside the caller's write transaction."""
    errors = FieldErrors()
    login = errors.check("login", validate_login, login) or login
    name = errors.check("name", validate_name, name) or name
    errors.check("password", check_password_strength, password)
    try:
        role = Role(role)
    except ValueError:
        errors.add("role", "角色只能是 clerk、supervisor 或 admin")
    window_id = None
    if window_number is not None:
        window = next((w for w in uow.sites.windows(site_id) if w.number == window_number), None)
        if window is None:
            errors.add("window", f"没有 {window_number} 号窗口")
        else:
            window_id = window.id
    if uow.staff.by_login(login) is not None:
        errors.add("login", f"用户名“{login}”已被使用")
    errors.raise_if_any()
    staff_id = uow.staff.add(
        site_id=site_id,
        login=login,
        name=name,
        role=Role(role),
        window_id=window_id,
        password_hash=hash_password(password),
        active=True,
    )
    audit.record(
        uow,
        actor,
        "staff_added",
        "staff",
        staff_id,
        None,
        {"login": login, "name": name, "role": str(role), "window": window_number},
    )
    return staff_id


@allowed_roles(Role.ADMIN)
def add_staff(
    uow: UnitOfWork,
    actor: Actor,
    *,
    login: str,
    name: str,
    role: Role | str,
    password: str,
    window_number: int | None = None,
) -> int:
    with uow.write():
        return create_staff(
            uow,
            actor,
            site_id=actor.site_id,
            login=login,
            name=name,
            role=role,
            password=password,
            window_number=window_number,
        )


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)
def list_staff(uow: UnitOfWork, actor: Actor, include_inactive: bool = True) -> list[StaffView]:
    with uow.read():
        rows = uow.staff.list(actor.site_id, include_inactive=include_inactive)
        windows = {w.id: w.number for w in uow.sites.windows(actor.site_id)}
        names = {s.id: s.name for s in rows}
        now = uow.clock.now()
        return [
            StaffView(
                id=s.id,
                login=s.login,
                name=s.name,
                role=s.role,
                window_number=windows.get(s.window_id) if s.window_id else None,
                backup_name=names.get(s.backup_staff_id) if s.backup_staff_id else None,
                active=s.active,
                locked=bool(s.locked_until and s.locked_until > now),
            )
            for s in rows
        ]


@allowed_roles(*ANY_ROLE)
def change_own_password(uow: UnitOfWork, actor: Actor, old: str, new: str) -> None:
    with uow.write():
        staff = _get(uow, actor.staff_id)
        if not password_matches(staff.password_hash, old):
            raise AuthenticationError("原密码不正确")
        uow.staff.update(staff.id, password_hash=hash_password(new))
        audit.record(
            uow,
            actor,
            "password_changed",
            "staff",
            staff.id,
            {"password": "old"},
            {"password": "new"},
        )


@allowed_roles(Role.ADMIN)
def reset_password(uow: UnitOfWork, actor: Actor, login: str, new: str) -> None:
    with uow.write():
        staff = _by_login(uow, login)
        # a township's staff held at the county are its records, not accounts to manage here
        require_own_record(uow, "工作人员", staff.login, staff.site_id, actor.site_id)
        uow.staff.update(
            staff.id, password_hash=hash_password(new), failed_attempts=0, locked_until=None
        )
        audit.record(
            uow,
            actor,
            "password_reset",
            "staff",
            staff.id,
            {"password": "old"},
            {"password": "new"},
        )


@allowed_roles(Role.ADMIN)
def disable_staff(uow: UnitOfWork, actor: Actor, login: str) -> None:
    with uow.write():
        staff = _by_login(uow, login)
        require_own_record(uow, "工作人员", staff.login, staff.site_id, actor.site_id)
        if staff.id == actor.staff_id:
            raise ValidationError.single("login", "不能停用自己的账号")
        if not staff.active:
            return
        uow.staff.update(staff.id, active=False)
        audit.record(
            uow, actor, "staff_disabled", "staff", staff.id, {"active": True}, {"active": False}
        )


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)
def set_backup(uow: UnitOfWork, actor: Actor, login: str, backup_login: str) -> None:
    """Pair a clerk with the colleague who covers the post when they are away (AB岗)."""
    with uow.write():
        staff = _by_login(uow, login)
        # a county holds its townships' staff (inactive, named by their records): not its own
        require_own_record(uow, "工作人员", staff.login, staff.site_id, actor.site_id)
        backup = _by_login(uow, backup_login, field="backup")
        if backup.site_id != staff.site_id:
            raise ValidationError.single("backup", "B 岗须为本中心的工作人员")
        if backup.id == staff.id:
            raise ValidationError.single("backup", "B 岗不能是本人")
        uow.staff.update(staff.id, backup_staff_id=backup.id)
        audit.record(
            uow,
            actor,
            "backup_set",
            "staff",
            staff.id,
            {"backup_staff_id": staff.backup_staff_id},
            {"backup_staff_id": backup.id},
        )


def _get(uow: UnitOfWork, staff_id: int) -> StaffRecord:
    staff = uow.staff.get(staff_id)
    if staff is None:
        raise NotFound(f"没有编号为 {staff_id} 的工作人员")
    return staff


def _by_login(uow: UnitOfWork, login: str, field: str = "login") -> StaffRecord:
    staff = uow.staff.by_login(login.strip().lower())
    if staff is None:
        raise ValidationError.single(field, f"没有用户名为“{login}”的工作人员")
    return staff

"""Plain records that repositories return to services. Services never hold live ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.roles import Role


class SiteLevel(StrEnum):
    TOWNSHIP = "township"
    COUNTY = "county"


@dataclass(frozen=True)
class SiteRecord:
    id: int
    code: str
    name: str
    level: SiteLevel
    address: str
    phones: str
    timezone: str


@dataclass(frozen=True)
class DepartmentRecord:
    id: int
    site_id: int
    name: str


@dataclass(frozen=True)
class WindowRecord:
    id: int
    site_id: int
    number: int
    name: str
    department_id: int | None


@dataclass(frozen=True)
class StaffRecord:
    id: int
    site_id: int
    login: str
    name: str
    role: Role
    window_id: int | None
    backup_staff_id: int | None
    active: bool
    password_hash: str
    failed_attempts: int
    locked_until: datetime | None


@dataclass(frozen=True)
class ChainHead:
    seq: int
    hash: str
    key_id: str | None = None  # the trail's MAC key (app.audit); None: an unkeyed chain


@dataclass(frozen=True)
class AuditEventRecord:
    seq: int
    at: datetime
    actor_id: int | None
    actor_login: str
    action: str
    entity: str
    entity_id: str
    summary: str
    prev_hash: str
    hash: str

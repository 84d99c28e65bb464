"""SQLAlchemy implementations of the repositories in ``app.ports``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.records import (
    AuditEventRecord,
    ChainHead,
    DepartmentRecord,
    SiteLevel,
    SiteRecord,
    StaffRecord,
    WindowRecord,
)
from app.roles import Role
from db.models import AuditEvent, AuditHead, Department, Setting, Site, Staff, Window


class SqlSiteRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, **fields: Any) -> int:
        site = Site(**{**fields, "level": str(fields["level"])})
        self.s.add(site)
        self.s.flush()
        return site.id

    def get(self, site_id: int) -> SiteRecord | None:
        row = self.s.get(Site, site_id)
        return _site(row) if row else None

    def by_code(self, code: str) -> SiteRecord | None:
        row = self.s.scalar(select(Site).where(Site.code == code))
        return _site(row) if row else None

    def first(self) -> SiteRecord | None:
        row = self.s.scalar(select(Site).order_by(Site.id).limit(1))
        return _site(row) if row else None

    def all(self) -> list[SiteRecord]:
        return [_site(row) for row in self.s.scalars(select(Site).order_by(Site.code))]

    def add_department(self, site_id: int, name: str) -> int:
        dept = Department(site_id=site_id, name=name)
        self.s.add(dept)
        self.s.flush()
        return dept.id

    def departments(self, site_id: int) -> list[DepartmentRecord]:
        rows = self.s.scalars(select(Department).where(Department.site_id == site_id))
        return [DepartmentRecord(r.id, r.site_id, r.name) for r in rows]

    def add_window(self, site_id: int, number: int, name: str, department_id: int | None) -> int:
        window = Window(site_id=site_id, number=number, name=name, department_id=department_id)
        self.s.add(window)
        self.s.flush()
        return window.id

    def windows(self, site_id: int) -> list[WindowRecord]:
        rows = self.s.scalars(
            select(Window).where(Window.site_id == site_id).order_by(Window.number)
        )
        return [_window(r) for r in rows]

    def window(self, window_id: int) -> WindowRecord | None:
        row = self.s.get(Window, window_id)
        return _window(row) if row else None


class SqlStaffRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, **fields: Any) -> int:
        staff = Staff(**{**fields, "role": str(fields["role"]), "failed_attempts": 0})
        self.s.add(staff)
        self.s.flush()
        return staff.id

    def get(self, staff_id: int) -> StaffRecord | None:
        row = self.s.get(Staff, staff_id)
        return _staff(row) if row else None

    def by_login(self, login: str) -> StaffRecord | None:
        row = self.s.scalar(select(Staff).where(Staff.login == login))
        return _staff(row) if row else None

    def list(self, site_id: int | None = None, include_inactive: bool = False) -> list[StaffRecord]:
        query = select(Staff).order_by(Staff.id)
        if site_id is not None:
            query = query.where(Staff.site_id == site_id)
        if not include_inactive:
            query = query.where(Staff.active.is_(True))
        return [_staff(r) for r in self.s.scalars(query)]

    def update(self, staff_id: int, **changes: Any) -> None:
        if "role" in changes:
            changes["role"] = str(changes["role"])
        self.s.execute(update(Staff).where(Staff.id == staff_id).values(**changes))

    def count(self) -> int:
        return self.s.scalar(select(func.count()).select_from(Staff)) or 0


class SqlAuditRepository:
    # Migration 0011 keyed every database at this schema: a chain without its keyed start was
    # emptied or rewritten (app.audit.verify_chain).
    keyed = True

    def __init__(self, session: Session) -> None:
        self.s = session

    def lock_head(self) -> ChainHead:
        row = self.s.execute(
            select(AuditHead.seq, AuditHead.hash, AuditHead.key_id)
            .where(AuditHead.id == 1)
            .with_for_update()
        ).one()
        return ChainHead(row.seq, row.hash, row.key_id)

    def head(self) -> ChainHead:
        row = self.s.execute(
            select(AuditHead.seq, AuditHead.hash, AuditHead.key_id).where(AuditHead.id == 1)
        ).one()
        return ChainHead(row.seq, row.hash, row.key_id)

    def append(self, event: AuditEventRecord) -> None:
        self.s.add(AuditEvent(**event.__dict__))
        self.s.execute(
            update(AuditHead).where(AuditHead.id == 1).values(seq=event.seq, hash=event.hash)
        )

    def iter_events(self, batch: int = 2000) -> Iterator[AuditEventRecord]:
        last = 0
        while True:
            rows = self.s.scalars(
                select(AuditEvent)
                .where(AuditEvent.seq > last)
                .order_by(AuditEvent.seq)
                .limit(batch)
            ).all()
            if not rows:
                return
            for row in rows:
                yield _event(row)
            last = rows[-1].seq

    def recent(self, limit: int, before_seq: int | None = None) -> list[AuditEventRecord]:
        query = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
        if before_seq is not None:
            query = query.where(AuditEvent.seq < before_seq)
        return [_event(r) for r in self.s.scalars(query)]

    def find_by_hash(self, hash_: str) -> AuditEventRecord | None:
        row = self.s.scalar(select(AuditEvent).where(AuditEvent.hash == hash_))
        return _event(row) if row else None

    def by_seq(self, seq: int) -> AuditEventRecord | None:
        row = self.s.get(AuditEvent, seq)
        return _event(row) if row else None

    def business_rows(self) -> dict[str, list[tuple[Any, ...]]]:
        """What the trail vouches for, as stored (app.reconcile): cases (id, number, state,
        due date, owner), staff (id, login, role, active), accountability records (id, kind,
        case number, complaint id)."""
        from db.models import AccountabilityRecord, CaseFile

        cases = self.s.execute(
            select(
                CaseFile.id, CaseFile.number, CaseFile.state, CaseFile.due_date, CaseFile.owner_id
            )
        )
        staff = self.s.execute(select(Staff.id, Staff.login, Staff.role, Staff.active))
        records = self.s.execute(
            select(
                AccountabilityRecord.id,
                AccountabilityRecord.kind,
                CaseFile.number,
                AccountabilityRecord.complaint_id,
            ).outerjoin(CaseFile, CaseFile.id == AccountabilityRecord.case_id)
        )
        return {
            "case_file": [tuple(r) for r in cases],
            "staff": [tuple(r) for r in staff],
            "accountability_record": [tuple(r) for r in records],
        }

    def last_before(self, moment: datetime) -> AuditEventRecord | None:
        # One step down the index on ``at``, as quick for a day ten years back as for today.
        row = self.s.scalar(
            select(AuditEvent)
            .where(AuditEvent.at < moment)
            .order_by(AuditEvent.at.desc(), AuditEvent.seq.desc())
            .limit(1)
        )
        return _event(row) if row else None


class SqlSettingRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, key: str) -> str | None:
        row = self.s.get(Setting, key)
        return row.value if row else None

    def set(self, key: str, value: str) -> None:
        row = self.s.get(Setting, key)
        if row is None:
            self.s.add(Setting(key=key, value=value))
        else:
            row.value = value
        self.s.flush()

    def all(self) -> dict[str, str]:
        return {r.key: r.value for r in self.s.scalars(select(Setting))}


def _site(r: Site) -> SiteRecord:
    return SiteRecord(r.id, r.code, r.name, SiteLevel(r.level), r.address, r.phones, r.timezone)


def _window(r: Window) -> WindowRecord:
    return WindowRecord(r.id, r.site_id, r.number, r.name, r.department_id)


def _staff(r: Staff) -> StaffRecord:
    return StaffRecord(
        id=r.id,
        site_id=r.site_id,
        login=r.login,
        name=r.name,
        role=Role(r.role),
        window_id=r.window_id,
        backup_staff_id=r.backup_staff_id,
        active=r.active,
        password_hash=r.password_hash,
        failed_attempts=r.failed_attempts,
        locked_until=r.locked_until,
    )


def _event(r: AuditEvent) -> AuditEventRecord:
    return AuditEventRecord(
        seq=r.seq,
        at=r.at,
        actor_id=r.actor_id,
        actor_login=r.actor_login,
        action=r.action,
        entity=r.entity,
        entity_id=r.entity_id,
        summary=r.summary,
        prev_hash=r.prev_hash,
        hash=r.hash,
    )

"""Site signing keys and the print log in SQL."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.printing.kinds import DocumentKind
from app.printing.records import PrintRecord
from app.signing import SiteKeyRecord
from db.models import PrintLog, SiteKey, Staff


class SqlKeyRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def own_key(self, site_id: int) -> SiteKeyRecord | None:
        row = self.s.scalar(
            select(SiteKey)
            .where(
                SiteKey.site_id == site_id,
                SiteKey.origin == "own",
                SiteKey.valid_to.is_(None),
                SiteKey.revoked_at.is_(None),
            )
            .order_by(SiteKey.id.desc())
            .limit(1)
        )
        return _key(row) if row else None

    def retire(self, key_id: int, at: datetime) -> None:
        self.s.execute(
            update(SiteKey)
            .where(SiteKey.id == key_id, SiteKey.valid_to.is_(None))
            .values(valid_to=at)
        )

    def revoke(self, key_id: int, at: datetime) -> None:
        self.s.execute(
            update(SiteKey)
            .where(SiteKey.id == key_id, SiteKey.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        self.retire(key_id, at)

    def keys_for_site(self, site_code: str) -> list[SiteKeyRecord]:
        rows = self.s.scalars(
            select(SiteKey).where(SiteKey.site_code == site_code).order_by(SiteKey.id.desc())
        )
        return [_key(r) for r in rows]

    def by_public_key(self, public_key: bytes) -> SiteKeyRecord | None:
        row = self.s.scalar(select(SiteKey).where(SiteKey.public_key == public_key.hex()))
        return _key(row) if row else None

    def add(
        self,
        *,
        site_code: str,
        site_name: str,
        public_key: bytes,
        own: bool,
        site_id: int | None,
        created_at: datetime,
        created_by: int | None,
        valid_from: datetime | None = None,
        valid_to: datetime | None = None,
        revoked_at: datetime | None = None,
    ) -> int:
        row = SiteKey(
            site_code=site_code,
            site_name=site_name,
            site_id=site_id,
            origin="own" if own else "imported",
            public_key=public_key.hex(),
            created_at=created_at,
            created_by=created_by,
            valid_from=valid_from,
            valid_to=valid_to,
            revoked_at=revoked_at,
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def all(self) -> list[SiteKeyRecord]:
        return [_key(r) for r in self.s.scalars(select(SiteKey).order_by(SiteKey.id))]


class SqlPrintLogRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, kind: str, number: str, staff_id: int, printed_at: datetime, printer: str) -> int:
        # The unique (kind, number, copy_no) decides a race between two counters; the loser
        # takes the next number. A savepoint keeps the transaction usable on PostgreSQL.
        for _ in range(5):
            copy_no = self.count(kind, number) + 1
            try:
                with self.s.begin_nested():
                    self.s.add(
                        PrintLog(
                            kind=kind,
                            number=number,
                            copy_no=copy_no,
                            staff_id=staff_id,
                            printed_at=printed_at,
                            printer=printer,
                        )
                    )
                return copy_no
            except IntegrityError:
                continue
        raise RuntimeError(f"could not log a copy of {kind} {number}")

    def copies(self, kind: str, number: str) -> list[PrintRecord]:
        rows = self.s.execute(
            select(PrintLog, Staff.name)
            .join(Staff, Staff.id == PrintLog.staff_id)
            .where(PrintLog.kind == kind, PrintLog.number == number)
            .order_by(PrintLog.copy_no)
        )
        return [
            PrintRecord(
                kind=DocumentKind(r.kind),
                number=r.number,
                copy_no=r.copy_no,
                staff_id=r.staff_id,
                staff_name=name,
                printed_at=r.printed_at,
                printer=r.printer,
            )
            for r, name in rows
        ]

    def count(self, kind: str, number: str) -> int:
        return int(
            self.s.scalar(
                select(func.coalesce(func.max(PrintLog.copy_no), 0)).where(
                    PrintLog.kind == kind, PrintLog.number == number
                )
            )
            or 0
        )


def _key(r: SiteKey) -> SiteKeyRecord:
    return SiteKeyRecord(
        id=r.id,
        site_code=r.site_code,
        site_name=r.site_name,
        public_key=bytes.fromhex(r.public_key),
        own=r.origin == "own",
        created_at=r.created_at,
        valid_from=r.valid_from,
        valid_to=r.valid_to,
        revoked_at=r.revoked_at,
    )

"""An in-memory unit of work, so service rules can be tested without a database."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from app.audit import GENESIS_HASH
from app.clock import Clock
from app.queue.records import QueueGroupRecord
from app.records import (
    AuditEventRecord,
    ChainHead,
    DepartmentRecord,
    SiteLevel,
    SiteRecord,
    StaffRecord,
    WindowRecord,
)
from tests.helpers.fake_areas import (
    FakeAgency,
    FakeCalendar,
    FakeCases,
    FakeCatalog,
    FakeCounters,
    Names,
)
from tests.helpers.fake_notices import FakeNotices
from tests.helpers.fake_visits import FakeAbsences, FakeVisits


class FakeSites:
    def __init__(self) -> None:
        self.sites: dict[int, SiteRecord] = {}
        self.depts: dict[int, DepartmentRecord] = {}
        self.wins: dict[int, WindowRecord] = {}

    def add(self, **fields: Any) -> int:
        new_id = len(self.sites) + 1
        self.sites[new_id] = SiteRecord(
            id=new_id, **{**fields, "level": SiteLevel(fields["level"])}
        )
        return new_id

    def get(self, site_id: int) -> SiteRecord | None:
        return self.sites.get(site_id)

    def by_code(self, code: str) -> SiteRecord | None:
        return next((s for s in self.sites.values() if s.code == code), None)

    def first(self) -> SiteRecord | None:
        return self.sites.get(min(self.sites)) if self.sites else None

    def all(self) -> list[SiteRecord]:
        return sorted(self.sites.values(), key=lambda s: s.code)

    def add_department(self, site_id: int, name: str) -> int:
        new_id = len(self.depts) + 1
        self.depts[new_id] = DepartmentRecord(new_id, site_id, name)
        return new_id

    def departments(self, site_id: int) -> list[DepartmentRecord]:
        return [d for d in self.depts.values() if d.site_id == site_id]

    def add_window(self, site_id: int, number: int, name: str, department_id: int | None) -> int:
        new_id = len(self.wins) + 1
        self.wins[new_id] = WindowRecord(new_id, site_id, number, name, department_id)
        return new_id

    def windows(self, site_id: int) -> list[WindowRecord]:
        return sorted(
            (w for w in self.wins.values() if w.site_id == site_id), key=lambda w: w.number
        )

    def window(self, window_id: int) -> WindowRecord | None:
        return self.wins.get(window_id)


class FakeStaff:
    def __init__(self) -> None:
        self.rows: dict[int, StaffRecord] = {}

    def add(self, **fields: Any) -> int:
        new_id = len(self.rows) + 1
        defaults = {"backup_staff_id": None, "failed_attempts": 0, "locked_until": None}
        self.rows[new_id] = StaffRecord(id=new_id, **{**defaults, **fields})
        return new_id

    def get(self, staff_id: int) -> StaffRecord | None:
        return self.rows.get(staff_id)

    def by_login(self, login: str) -> StaffRecord | None:
        return next((s for s in self.rows.values() if s.login == login), None)

    def list(self, site_id: int | None = None, include_inactive: bool = False) -> list[StaffRecord]:
        return [
            s
            for s in self.rows.values()
            if (site_id is None or s.site_id == site_id) and (include_inactive or s.active)
        ]

    def update(self, staff_id: int, **changes: Any) -> None:
        self.rows[staff_id] = dataclasses.replace(self.rows[staff_id], **changes)

    def count(self) -> int:
        return len(self.rows)


class FakeAudit:
    def __init__(self) -> None:
        self.events: list[AuditEventRecord] = []
        self.head_row = ChainHead(0, GENESIS_HASH)

    def lock_head(self) -> ChainHead:
        return self.head_row

    def head(self) -> ChainHead:
        return self.head_row

    def by_seq(self, seq: int) -> AuditEventRecord | None:
        return next((e for e in self.events if e.seq == seq), None)

    def append(self, event: AuditEventRecord) -> None:
        self.events.append(event)
        self.head_row = ChainHead(event.seq, event.hash)

    def iter_events(self, batch: int = 2000) -> Iterator[AuditEventRecord]:
        return iter(sorted(self.events, key=lambda e: e.seq))

    def recent(self, limit: int, before_seq: int | None = None) -> list[AuditEventRecord]:
        rows = [e for e in reversed(self.events) if before_seq is None or e.seq < before_seq]
        return rows[:limit]

    def find_by_hash(self, hash_: str) -> AuditEventRecord | None:
        return next((e for e in self.events if e.hash == hash_), None)

    def last_before(self, moment: datetime) -> AuditEventRecord | None:
        earlier = [e for e in self.events if e.at < moment]
        return max(earlier, key=lambda e: (e.at, e.seq)) if earlier else None


class FakeSettings(dict[str, str]):
    def set(self, key: str, value: str) -> None:
        self[key] = value

    def all(self) -> dict[str, str]:
        return dict(self)


class FakeKeys:
    """Site public keys in memory (app.signing.KeyRepository); private ones are in the key store."""

    def __init__(self) -> None:
        self.rows: list[tuple[Any, int | None]] = []  # record, site id

    def own_key(self, site_id: int) -> Any:
        own = [
            r
            for r, sid in self.rows
            if sid == site_id and r.valid_to is None and r.revoked_at is None
        ]
        return own[-1] if own else None

    def _change(self, key_id: int, **changes: Any) -> None:
        from dataclasses import replace

        self.rows = [
            (replace(r, **{k: v for k, v in changes.items() if getattr(r, k) is None}), sid)
            if r.id == key_id
            else (r, sid)
            for r, sid in self.rows
        ]

    def retire(self, key_id: int, at: Any) -> None:
        self._change(key_id, valid_to=at)

    def revoke(self, key_id: int, at: Any) -> None:
        self._change(key_id, revoked_at=at, valid_to=at)

    def keys_for_site(self, site_code: str) -> list[Any]:
        return [r for r, _ in reversed(self.rows) if r.site_code == site_code]

    def by_public_key(self, public_key: bytes) -> Any:
        return next((r for r, _ in self.rows if r.public_key == public_key), None)

    def add(self, *, site_id: int | None, **fields: Any) -> int:
        from app.signing import SiteKeyRecord

        fields.pop("created_by", None)
        record = SiteKeyRecord(id=len(self.rows) + 1, **fields)
        self.rows.append((record, site_id))
        return record.id

    def all(self) -> list[Any]:
        return [r for r, _ in self.rows]


class FakeQueueGroups:
    """The queue's item groups only (the demo hall sets them up); tickets are left to the
    database tests (tests/integration/test_queue.py)."""

    def __init__(self) -> None:
        self.rows: dict[tuple[int, str], QueueGroupRecord] = {}

    def groups(self, site_id: int, include_inactive: bool = False) -> list[QueueGroupRecord]:
        return sorted(
            (g for (site, _), g in self.rows.items() if site == site_id)
            if include_inactive
            else (g for (site, _), g in self.rows.items() if site == site_id and g.active),
            key=lambda g: g.code,
        )

    def group(self, site_id: int, code: str) -> QueueGroupRecord | None:
        return self.rows.get((site_id, code))

    def save_group(
        self, site_id: int, code: str, name: str, window_numbers: str, active: bool
    ) -> int:
        old = self.rows.get((site_id, code))
        group_id = old.id if old else len(self.rows) + 1
        numbers = tuple(sorted(int(n) for n in window_numbers.split(",") if n))
        self.rows[(site_id, code)] = QueueGroupRecord(
            group_id, site_id, code, name, numbers, active
        )
        return group_id


class FakeUnitOfWork:
    """Every repository the case, notice and visit rules read (with the sites, staff, audit,
    settings and keys every service reads). Transactions are simulated by snapshotting all the
    repositories together and restoring them on error."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.sites = FakeSites()
        self.staff = FakeStaff()
        self.audit = FakeAudit()
        self.settings = FakeSettings()
        self.keys = FakeKeys()
        self.numbers = FakeCounters()
        self.catalog = FakeCatalog()
        self.calendar = FakeCalendar()
        self.agency = FakeAgency()
        names = Names(self.staff, self.catalog, self.sites)
        self.absences = FakeAbsences(names)
        self.cases = FakeCases(names)
        self.notices = FakeNotices(names, self.cases)
        self.visits = FakeVisits(names)
        self.queue = FakeQueueGroups()
        self.commits = 0
        self._depth = 0

    @contextmanager
    def write(self) -> Iterator[None]:
        if self._depth:
            yield
            return
        # One deep copy of them all keeps the references between them (names, cases).
        snapshot = _copy({k: getattr(self, k) for k in REPOSITORIES})
        self._depth += 1
        try:
            yield
            self.commits += 1
        except BaseException:
            for key, value in snapshot.items():
                setattr(self, key, value)
            raise
        finally:
            self._depth -= 1

    @contextmanager
    def read(self) -> Iterator[None]:
        yield


REPOSITORIES = (
    "queue",
    "sites",
    "staff",
    "audit",
    "settings",
    "keys",
    "numbers",
    "catalog",
    "calendar",
    "agency",
    "absences",
    "cases",
    "notices",
    "visits",
)


def _copy(repo: Any) -> Any:
    import copy

    return copy.deepcopy(repo)

"""The audit trail: every state change writes a hash-chained event in the same transaction.

Each event's hash covers its own fields and the previous event's hash, so editing, deleting or
reordering a row breaks the chain at that row. The chain head lives in one row that every writing
transaction locks and moves, so concurrent counters cannot fork the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.ports import UnitOfWork
from app.records import AuditEventRecord, ChainHead
from app.roles import Actor, Role, allowed_roles

GENESIS_HASH = "0" * 64
# Fields whose values never go into a summary (the trail is readable by supervisors).
SECRET_FIELDS = frozenset({"password_hash", "password"})


def canonical_time(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def event_hash(
    prev_hash: str,
    seq: int,
    at: datetime,
    actor_id: int | None,
    actor_login: str,
    action: str,
    entity: str,
    entity_id: str,
    summary: str,
) -> str:
    """SHA-256 over every stored field of the event and the hash of the one before."""
    body = json.dumps(
        [
            prev_hash,
            seq,
            canonical_time(at),
            actor_id,
            actor_login,
            action,
            entity,
            entity_id,
            summary,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def summarize(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> str:
    """A short before/after summary with only the fields that changed, secrets left out."""
    before = dict(before or {})
    after = dict(after or {})
    keys = [k for k in dict.fromkeys([*before, *after]) if k not in SECRET_FIELDS]
    changed: dict[str, Any] = {
        k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)
    }
    secret_changed = [k for k in SECRET_FIELDS if before.get(k) != after.get(k)]
    if secret_changed:
        changed.update({k: "changed" for k in sorted(secret_changed)})
    return json.dumps(changed, ensure_ascii=False, default=str, sort_keys=True)


def record(
    uow: UnitOfWork,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: object,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    *,
    login: str | None = None,
) -> AuditEventRecord:
    """Append one event to the chain. Call inside the service's write transaction."""
    head = uow.audit.lock_head()
    seq = head.seq + 1
    at = uow.clock.now()
    summary = summarize(before, after)
    actor_id = actor.staff_id if actor else None
    actor_login = actor.login if actor else (login or "")
    digest = event_hash(
        head.hash, seq, at, actor_id, actor_login, action, entity, str(entity_id), summary
    )
    event = AuditEventRecord(
        seq=seq,
        at=at,
        actor_id=actor_id,
        actor_login=actor_login,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        summary=summary,
        prev_hash=head.hash,
        hash=digest,
    )
    uow.audit.append(event)
    return event


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    head_hash: str
    first_broken_seq: int | None = None
    problem: str = ""

    def describe(self) -> str:
        if self.ok:
            return f"audit chain ok: {self.checked} events, head {self.head_hash}"
        return f"audit chain broken at event #{self.first_broken_seq}: {self.problem}"


def verify_chain(events: Iterable[AuditEventRecord], head: ChainHead) -> ChainReport:
    """Walk the events in sequence order and name the first broken link."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for ev in events:
        if ev.seq != expected_seq:
            what = "missing or reordered" if ev.seq > expected_seq else "duplicated or reordered"
            return ChainReport(False, checked, head.hash, expected_seq, f"event {what}")
        if ev.prev_hash != prev_hash:
            return ChainReport(
                False, checked, head.hash, ev.seq, "does not link to the event before it"
            )
        digest = event_hash(
            ev.prev_hash,
            ev.seq,
            ev.at,
            ev.actor_id,
            ev.actor_login,
            ev.action,
            ev.entity,
            ev.entity_id,
            ev.summary,
        )
        if digest != ev.hash:
            return ChainReport(False, checked, head.hash, ev.seq, "contents were changed")
        prev_hash = ev.hash
        expected_seq += 1
        checked += 1
    if head.seq != checked or head.hash != prev_hash:
        return ChainReport(
            False,
            checked,
            head.hash,
            checked + 1 if head.seq > checked else head.seq,
            f"chain head says #{head.seq} but the last intact event is #{checked}",
        )
    return ChainReport(True, checked, head.hash)


@dataclass(frozen=True)
class AnchorReport:
    found: bool
    seq: int | None = None
    at: datetime | None = None

    def describe(self, anchor: str) -> str:
        if not self.found:
            return f"anchor {anchor} is not in the audit chain"
        return f"anchor {anchor} confirmed: event #{self.seq} at {self.at}"


def find_anchor(uow: UnitOfWork, anchor: str) -> AnchorReport:
    with uow.read():
        # A head printed on a daily log is split in groups of eight for reading: join them.
        ev = uow.audit.find_by_hash("".join(anchor.split()).lower())
    if ev is None:
        return AnchorReport(False)
    return AnchorReport(True, ev.seq, ev.at)


def verify(uow: UnitOfWork) -> ChainReport:
    with uow.read():
        return verify_chain(uow.audit.iter_events(), uow.audit.head())


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def list_events(
    uow: UnitOfWork, actor: Actor, limit: int = 200, before_seq: int | None = None
) -> list[AuditEventRecord]:
    """Newest first, one page at a time (keyset paging on the sequence number)."""
    with uow.read():
        return uow.audit.recent(limit, before_seq)


def secret_names(uow: UnitOfWork) -> list[str]:
    """The key-store names of the trail's secrets (none until the trail is keyed)."""
    return []

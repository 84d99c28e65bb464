"""The audit trail: every state change writes a chained event in the same transaction.

Each event's link covers its own fields and the previous event's link, so editing, deleting or
reordering a row breaks the chain at that row. The chain head lives in one row that every writing
transaction locks and moves, so concurrent counters cannot fork the chain.

Two link formats, told apart by position in the chain:

- version 1 (before migration 0011): SHA-256 over the fields. Anyone with SQL access could edit
  a row and re-chain everything after it.
- version 2: HMAC-SHA256 with the trail's key, which lives in the PC's key store (app.keystore,
  ``audit:<key id>``), never in the database. Without the key nobody can write a link that
  verifies. The first version-2 event is the one migration 0011 appends, ``audit_chain_keyed``,
  naming the key id; every event before it keeps its version-1 link (so daily logs printed
  earlier still name real links), every event from it on is version 2. A store whose schema is
  keyed (``uow.audit.keyed``) must have that event: a chain emptied or rewritten in version 1
  does not verify.

The key is read from the key store once per process and kept (the counter must not wait for the
credential store on every event).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.errors import DomainError
from app.ports import AuditStore, UnitOfWork
from app.records import AuditEventRecord, ChainHead
from app.roles import Actor, Role, allowed_roles

GENESIS_HASH = "0" * 64
KEYED_ACTION = "audit_chain_keyed"
_mac_keys: dict[str, bytes] = {}


class MissingAuditKey(DomainError):
    """The trail is keyed, and this PC's key store does not hold its key."""


def secret_name(key_id: str) -> str:
    return f"audit:{key_id}"


def mac_key(key_id: str) -> bytes:
    """The trail's key, from the key store on first use, then from memory."""
    key = _mac_keys.get(key_id)
    if key is None:
        from app import keystore

        key = keystore.active().get(secret_name(key_id))
        if key is None:
            raise MissingAuditKey(
                f"本机密钥库中没有审计链密钥（{key_id}）：请用 frontdesk keys import 导入"
                "密钥备份 / the audit trail's key is not in this PC's key store: "
                "import the key backup"
            )
        _mac_keys[key_id] = key
    return key


def new_mac_key() -> tuple[str, bytes]:
    """A fresh key for a trail, already in the key store: (key id, key)."""
    from app import keystore

    key_id, key = secrets.token_hex(8), secrets.token_bytes(32)
    keystore.active().put(secret_name(key_id), key)
    if keystore.active().get(secret_name(key_id)) != key:
        raise MissingAuditKey("the key store did not keep the audit trail's key")
    _mac_keys[key_id] = key
    return key_id, key


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
    """Version 1 link: SHA-256 over every stored field of the event and the link before."""
    body = _body(prev_hash, seq, at, actor_id, actor_login, action, entity, entity_id, summary)
    return hashlib.sha256(body).hexdigest()


def event_mac(
    key: bytes,
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
    """Version 2 link: HMAC-SHA256 with the trail's key over the same fields."""
    body = _body(prev_hash, seq, at, actor_id, actor_login, action, entity, entity_id, summary)
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def link_hash(
    head: ChainHead,
    seq: int,
    at: datetime,
    actor_id: int | None,
    actor_login: str,
    action: str,
    entity: str,
    entity_id: str,
    summary: str,
) -> str:
    """The link of the event after ``head``: keyed when the chain is."""
    fields = (head.hash, seq, at, actor_id, actor_login, action, entity, entity_id, summary)
    if head.key_id:
        return event_mac(mac_key(head.key_id), *fields)
    return event_hash(*fields)


def keyed_start(head: ChainHead, at: datetime, key_id: str, key: bytes) -> AuditEventRecord:
    """The event that switches a chain to version 2 links (migration 0011 appends it)."""
    seq = head.seq + 1
    summary = summarize(None, {"key": key_id, "legacy_events": head.seq})
    fields = (head.hash, seq, at, None, "migration", KEYED_ACTION, "audit", key_id, summary)
    return AuditEventRecord(
        seq=seq,
        at=at,
        actor_id=None,
        actor_login="migration",
        action=KEYED_ACTION,
        entity="audit",
        entity_id=key_id,
        summary=summary,
        prev_hash=head.hash,
        hash=event_mac(key, *fields),
    )


def _body(
    prev_hash: str,
    seq: int,
    at: datetime,
    actor_id: int | None,
    actor_login: str,
    action: str,
    entity: str,
    entity_id: str,
    summary: str,
) -> bytes:
    return json.dumps(
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
    ).encode("utf-8")


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
    uow: AuditStore,
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
    event = next_event(
        head, uow.clock.now(), actor, action, entity, entity_id, before, after, login=login
    )
    uow.audit.append(event)
    return event


def next_event(
    head: ChainHead,
    at: datetime,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: object,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    *,
    login: str | None = None,
) -> AuditEventRecord:
    """The event after ``head``, summarised and linked to it: what ``record`` appends. Pure
    apart from reading the trail's key; the chain's new head is (its seq, its hash)."""
    seq = head.seq + 1
    summary = summarize(before, after)
    actor_id = actor.staff_id if actor else None
    actor_login = actor.login if actor else (login or "")
    digest = link_hash(
        head, seq, at, actor_id, actor_login, action, entity, str(entity_id), summary
    )
    return AuditEventRecord(
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


def verify_chain(
    events: Iterable[AuditEventRecord], head: ChainHead, keyed_required: bool = False
) -> ChainReport:
    """Walk the events in sequence order and name the first broken link. Links are version 1
    up to the ``audit_chain_keyed`` event and version 2 from it on; with ``keyed_required``
    a chain without that event is broken."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    checked = 0
    key: bytes | None = None
    for ev in events:
        if ev.seq != expected_seq:
            what = "missing or reordered" if ev.seq > expected_seq else "duplicated or reordered"
            return ChainReport(False, checked, head.hash, expected_seq, f"event {what}")
        if ev.prev_hash != prev_hash:
            return ChainReport(
                False, checked, head.hash, ev.seq, "does not link to the event before it"
            )
        fields = (
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
        if ev.action == KEYED_ACTION:  # the keyed start (again after a downgrade and upgrade)
            try:
                key = mac_key(ev.entity_id)
            except MissingAuditKey as exc:
                return ChainReport(False, checked, head.hash, ev.seq, exc.message)
        digest = event_mac(key, *fields) if key is not None else event_hash(*fields)
        if not hmac.compare_digest(digest, ev.hash):
            problem = "contents were changed" + (
                " (or re-chained without the trail's key)" if key is not None else ""
            )
            return ChainReport(False, checked, head.hash, ev.seq, problem)
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
    if keyed_required and key is None:
        return ChainReport(
            False,
            checked,
            head.hash,
            1,
            f"the chain has no keyed start ({KEYED_ACTION}): it was emptied or rewritten",
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
        # Beijing time, as the papers print it (the database keeps UTC).
        from app.clock import hall_time

        when = f"{hall_time(self.at):%Y-%m-%d %H:%M:%S} 北京时间 (Beijing time)" if self.at else "?"
        return f"anchor {anchor} confirmed: event #{self.seq} at {when}"


def find_anchor(uow: UnitOfWork, anchor: str) -> AnchorReport:
    with uow.read():
        # A head printed on a daily log is split in groups of eight for reading: join them.
        ev = uow.audit.find_by_hash("".join(anchor.split()).lower())
    if ev is None:
        return AnchorReport(False)
    return AnchorReport(True, ev.seq, ev.at)


def verify(uow: UnitOfWork) -> ChainReport:
    with uow.read():
        keyed = bool(getattr(uow.audit, "keyed", False))
        return verify_chain(uow.audit.iter_events(), uow.audit.head(), keyed)


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def list_events(
    uow: UnitOfWork, actor: Actor, limit: int = 200, before_seq: int | None = None
) -> list[AuditEventRecord]:
    """Newest first, one page at a time (keyset paging on the sequence number)."""
    with uow.read():
        return uow.audit.recent(limit, before_seq)


def secret_names(uow: UnitOfWork) -> list[str]:
    """The key-store names of the trail's secrets (none until the trail is keyed). Call inside
    a transaction."""
    key_id = uow.audit.head().key_id
    return [secret_name(key_id)] if key_id else []

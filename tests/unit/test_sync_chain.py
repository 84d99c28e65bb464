"""The county's check that a township's up bundle continues its audit chain from the head
imported last (app.sync.importer.new_audit_events), on plain records."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from app.audit import GENESIS_HASH
from app.sync.bundle import BundleRefused
from app.sync.importer import new_audit_events
from app.sync.ports import AuditRow, PeerState

AT = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)


def chain(n: int, start_hash: str = GENESIS_HASH, first: int = 1) -> list[AuditRow]:
    rows, prev = [], start_hash
    for seq in range(first, first + n):
        digest = hashlib.sha256(f"{prev}|{seq}".encode()).hexdigest()
        rows.append(AuditRow(seq, AT, "admin", "x", "case", str(seq), "{}", prev, digest))
        prev = digest
    return rows


def peer(seq: int = 0, digest: str = "") -> PeerState:
    return PeerState("QH-LS", 0, None, 0, 0, 1 if seq else 0, None, None, seq, digest)


def head(rows: list[AuditRow]) -> dict[str, object]:
    return {"seq": rows[-1].seq, "hash": rows[-1].hash}


def test_the_first_bundle_carries_the_chain_from_its_start() -> None:
    rows = chain(5)
    assert new_audit_events("QH-LS", rows, head(rows), peer(), {}) == rows
    with pytest.raises(BundleRefused, match="缺少第 1 至 2 条"):
        new_audit_events("QH-LS", rows[2:], head(rows), peer(), {})


def test_a_later_bundle_continues_from_the_imported_head() -> None:
    rows = chain(8)
    imported = peer(5, rows[4].hash)
    stored = {r.seq: r.hash for r in rows[:5]}
    # repeating what was imported (not yet acknowledged) is fine; only the new ones are added
    assert new_audit_events("QH-LS", rows, head(rows), imported, stored) == rows[5:]
    assert new_audit_events("QH-LS", rows[5:], head(rows), imported, {}) == rows[5:]


def test_a_rewritten_event_is_named() -> None:
    rows = chain(8)
    imported = peer(5, rows[4].hash)
    stored = {r.seq: r.hash for r in rows[:5]}
    forged = chain(8)
    forged[2] = replace(forged[2], summary="{...}", hash="ab" * 32)
    forged = forged[:3] + chain(5, "ab" * 32, first=4)
    with pytest.raises(BundleRefused, match="第 3 条与县里已导入的不同：历史被改写"):
        new_audit_events("QH-LS", forged, head(forged), imported, stored)
    # the same rewrite, sending only what comes after the head: the link does not hold
    with pytest.raises(BundleRefused, match=r"第 6 条没有接在.*第 5 条之后"):
        new_audit_events("QH-LS", forged[5:], head(forged), imported, {})


def test_a_truncated_history_is_named() -> None:
    rows = chain(8)
    imported = peer(8, rows[7].hash)
    short = chain(5)
    with pytest.raises(BundleRefused, match=r"只到第 5 条.*截断"):
        new_audit_events("QH-LS", short, head(short), imported, {r.seq: r.hash for r in rows})


def test_a_chain_broken_inside_the_bundle_or_not_ending_at_the_head_is_refused() -> None:
    rows = chain(6)
    broken = rows[:3] + rows[4:]
    with pytest.raises(BundleRefused, match="断开"):
        new_audit_events("QH-LS", broken, head(rows), peer(), {})
    with pytest.raises(BundleRefused, match="链末端不符"):
        new_audit_events("QH-LS", rows[:5], head(rows), peer(), {})
    with pytest.raises(BundleRefused, match="没有审计链末端"):
        new_audit_events("QH-LS", rows, None, peer(), {})


def test_nothing_new_must_end_where_the_county_is() -> None:
    rows = chain(4)
    imported = peer(4, rows[3].hash)
    assert new_audit_events("QH-LS", [], head(rows), imported, {}) == []
    with pytest.raises(BundleRefused, match="改写"):
        new_audit_events("QH-LS", [], {"seq": 4, "hash": "cd" * 32}, imported, {})

"""What the sync services need from storage (db/sync_repo.py implements it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from app.errors import DomainError
from app.ports import UnitOfWork

# record kind -> rows (JSON-ready dicts), as a bundle carries them
BundleRows = dict[str, list[dict[str, Any]]]


class MissingReference(DomainError):
    """A row names something (a catalog version, a row) that is neither here nor in the
    bundle: the bundle cannot be imported as it is."""


@dataclass
class RowCounts:
    new: int = 0
    updated: int = 0
    present: int = 0  # already here, unchanged

    @property
    def total(self) -> int:
        return self.new + self.updated + self.present


@dataclass(frozen=True)
class PeerState:
    site_code: str
    sent_seq: int  # the last bundle we sent it
    sent_id: str | None
    acked_seq: int  # the last of ours it acknowledged
    acked_audit_seq: int  # our audit events it has up to here
    received_seq: int  # the last of its bundles we imported
    received_id: str | None
    received_at: datetime | None
    received_audit_seq: int  # its audit chain imported up to here (seq and hash)
    received_audit_hash: str


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    actor_login: str
    action: str
    entity: str
    entity_id: str
    summary: str
    prev_hash: str
    hash: str


class SyncRepository(Protocol):
    def peer(self, site_code: str, *, lock: bool = False) -> PeerState: ...
    def peers(self) -> list[PeerState]: ...
    def update_peer(self, site_code: str, **changes: Any) -> None: ...
    def log_bundle(
        self,
        *,
        direction: str,
        kind: str,
        from_site: str,
        to_site: str,
        sequence: int,
        sha256: str,
        at: datetime,
        created_at: datetime,
        staff_id: int | None,
        counts: Mapping[str, int],
        gap: str = "",
    ) -> None: ...
    def imported(self, sha256: str) -> bool: ...
    def bundles(self, site_code: str, direction: str, limit: int = 50) -> list[dict[str, Any]]: ...
    def acknowledge(self, peer: str, sequence: int, at: datetime) -> int: ...
    def changed_rows(
        self, own_code: str, peer: str, scope_site: str | None
    ) -> tuple[BundleRows, list[tuple[str, int, str]]]: ...
    def mark_sent(self, peer: str, sequence: int, sent: list[tuple[str, int, str]]) -> None: ...
    def audit_events_after(self, seq: int) -> list[AuditRow]: ...
    def classify(
        self, own_code: str, files: Mapping[str, list[dict[str, Any]]]
    ) -> dict[str, RowCounts]: ...
    def apply_rows(
        self,
        own_code: str,
        county_code: str,
        sender: str,
        files: Mapping[str, list[dict[str, Any]]],
    ) -> dict[str, RowCounts]: ...
    def imported_audit(self, site_code: str, seqs: list[int]) -> dict[int, str]: ...
    def add_audit(self, site_code: str, events: list[AuditRow]) -> None: ...
    def site_counts(self, site_code: str) -> dict[str, int]: ...


class SyncUnitOfWork(UnitOfWork, Protocol):
    @property
    def sync(self) -> SyncRepository: ...

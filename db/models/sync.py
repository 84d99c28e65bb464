"""What the county and its townships keep about the bundles between them (app.sync)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.types import UTCDateTime


class SyncBundle(Base):
    """Every bundle this database wrote or took in: the log ``sync status`` reads."""

    __tablename__ = "sync_bundle"
    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))  # export / import
    kind: Mapped[str] = mapped_column(String(8))  # up / down / enrol
    from_site: Mapped[str] = mapped_column(String(16), index=True)
    to_site: Mapped[str] = mapped_column(String(16), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))  # the bundle's id (its manifest's hash)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())  # as its manifest says
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: record kind -> rows
    gap: Mapped[str] = mapped_column(Text, default="")  # sequences missing before this one
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    __table_args__ = (
        UniqueConstraint("direction", "sha256", name="uq_sync_bundle_direction_sha"),
        Index("ix_sync_bundle_pair", "from_site", "to_site", "sequence"),
    )


class SyncPeer(Base):
    """Per other site: the sequence of what we sent it and what it acknowledged, the sequence
    of what it sent us, and (at the county) the head of its audit chain imported so far."""

    __tablename__ = "sync_peer"
    site_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    sent_seq: Mapped[int] = mapped_column(Integer, default=0)
    sent_id: Mapped[str | None] = mapped_column(String(64))
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    acked_audit_seq: Mapped[int] = mapped_column(Integer, default=0)
    received_seq: Mapped[int] = mapped_column(Integer, default=0)
    received_id: Mapped[str | None] = mapped_column(String(64))
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    received_audit_seq: Mapped[int] = mapped_column(Integer, default=0)
    received_audit_hash: Mapped[str] = mapped_column(String(64), default="")


class SyncOrigin(Base):
    """A row that came from another site: its identity there (site code, table, key: the
    row's id there, or a staff login, a window number, a department name) and its id here."""

    __tablename__ = "sync_origin"
    id: Mapped[int] = mapped_column(primary_key=True)
    origin_site: Mapped[str] = mapped_column(String(16))
    table_name: Mapped[str] = mapped_column(String(64))
    origin_key: Mapped[str] = mapped_column(String(200))
    local_id: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("origin_site", "table_name", "origin_key", name="uq_sync_origin_key"),
        Index("ix_sync_origin_local", "table_name", "local_id"),
    )


class SyncRowState(Base):
    """Per other site and row: the hash of the row as last sent there and as it is known
    there (acknowledged, or received from there). A row whose hash differs from the known one
    travels in the next bundle."""

    __tablename__ = "sync_row_state"
    peer_site: Mapped[str] = mapped_column(String(16), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    local_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sent_hash: Mapped[str] = mapped_column(String(32), default="")
    sent_seq: Mapped[int] = mapped_column(Integer, default=0)
    known_hash: Mapped[str] = mapped_column(String(32), default="")


class SyncAuditEvent(Base):
    """A township's audit event, as its bundles brought it: kept apart from this database's
    own chain (whose check never reads these), linked in the township's own chain."""

    __tablename__ = "sync_audit_event"
    site_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor_login: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

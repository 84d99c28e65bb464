"""What keeps printed documents trustworthy: the site signing keys and the print log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.types import UTCDateTime


class SiteKey(Base):
    """An Ed25519 public key (hex of its raw 32 bytes): this site's own or another site's, with
    the period it signed in and its revocation. Private keys are never here: they live in the
    PC's key store (app.keystore); migration 0011 moved the old ones out."""

    __tablename__ = "site_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_code: Mapped[str] = mapped_column(String(16), index=True)
    site_name: Mapped[str] = mapped_column(String(200), default="")
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    origin: Mapped[str] = mapped_column(String(8))  # own / imported
    public_key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    valid_from: Mapped[datetime | None] = mapped_column(UTCDateTime())
    valid_to: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    __table_args__ = (
        CheckConstraint(
            "(origin = 'own' AND site_id IS NOT NULL) OR (origin = 'imported' AND site_id IS NULL)",
            name="origin_site",
        ),
    )


class PrintLog(Base):
    """One printed copy of a document. Copy 1 is the original; every later copy is a
    reprint (补打) and says so on the paper."""

    __tablename__ = "print_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    number: Mapped[str] = mapped_column(String(64))
    copy_no: Mapped[int] = mapped_column(Integer)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    printer: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (
        UniqueConstraint("kind", "number", "copy_no", name="uq_print_log_kind_number_copy"),
    )

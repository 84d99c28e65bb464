"""Visits to the first responder, their referrals, the chain of who held them, absences."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.sealed import MaskedText, Sealed, blind_index_column
from db.types import UTCDateTime


class Visit(Base):
    """A visitor's matter (来访登记), held by one staff member at a time until it ends with an
    outcome. ``pending_due_at`` is the open referral's limit, kept here so a queue sorts the
    overdue ones first in SQL."""

    __tablename__ = "visit"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("window.id"))
    visitor_name: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(Sealed("phone"), default="")
    phone_bidx: Mapped[str] = mapped_column(
        blind_index_column(), default="", info={"derived": True}
    )
    id_number: Mapped[str] = mapped_column(Sealed("id_number"), default="")
    id_number_bidx: Mapped[str] = mapped_column(
        blind_index_column(), default="", info={"derived": True}
    )
    question: Mapped[str] = mapped_column(MaskedText())
    visit_type: Mapped[str] = mapped_column(String(16))
    needs_escort: Mapped[bool] = mapped_column(Boolean, default=False)
    first_responder_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    state: Mapped[str] = mapped_column(String(16))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    pending_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[str] = mapped_column(String(16), default="")
    outcome_text: Mapped[str] = mapped_column(MaskedText(), default="")
    outcome_ref: Mapped[str] = mapped_column(String(40), default="")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    # Opened by an appointment's check-in (None: a walk-in).
    appointment_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment.id"), unique=True, index=True
    )
    guide_code: Mapped[str] = mapped_column(String(64), default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        CheckConstraint(
            "visit_type in ('consultation', 'application', 'complaint', 'other')", name="type"
        ),
        CheckConstraint("state in ('open', 'referred', 'closed')", name="state"),
        CheckConstraint("outcome in ('', 'answered', 'application', 'outside')", name="outcome"),
        # No silent ending: a closed visit always carries its outcome.
        CheckConstraint("state <> 'closed' OR outcome <> ''", name="closed_has_outcome"),
        Index("ix_visit_holder_queue", "holder_id", "state", "registered_at"),
        # Sparse columns indexed only where they hold a value (migration 0025): most visits
        # never become a case, and many give no ID number or phone. Queries on the numbers
        # say "<> ''" so both engines may use these indexes.
        Index(
            "ix_visit_case_id",
            "case_id",
            sqlite_where=text("case_id IS NOT NULL"),
            postgresql_where=text("case_id IS NOT NULL"),
        ),
        Index(
            "ix_visit_id_number_bidx",
            "id_number_bidx",
            sqlite_where=text("id_number_bidx <> ''"),
            postgresql_where=text("id_number_bidx <> ''"),
        ),
        Index(
            "ix_visit_phone_bidx",
            "phone_bidx",
            sqlite_where=text("phone_bidx <> ''"),
            postgresql_where=text("phone_bidx <> ''"),
        ),
    )


class Referral(Base):
    """引导/转办: open until the receiver acknowledges it (outside: until the first responder
    records the confirmation call)."""

    __tablename__ = "referral"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    from_staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    on_behalf_of: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    to_window_id: Mapped[int | None] = mapped_column(ForeignKey("window.id"))
    to_department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    to_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    to_body: Mapped[str] = mapped_column(String(200), default="")
    to_contact: Mapped[str] = mapped_column(MaskedText(), default="")
    to_phone: Mapped[str] = mapped_column(Sealed("to_phone"), default="")
    item_version_id: Mapped[int | None] = mapped_column(ForeignKey("service_item_version.id"))
    reason: Mapped[str] = mapped_column(MaskedText(), default="")
    referred_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)  # reports (0024)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    ack_on_behalf_of: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    ack_note: Mapped[str] = mapped_column(MaskedText(), default="")
    __table_args__ = (
        CheckConstraint("kind in ('internal', 'external')", name="kind"),
        CheckConstraint("state in ('pending', 'acknowledged', 'recalled')", name="state"),
        Index("ix_referral_pending_due", "state", "due_at"),
    )


class VisitEvent(Base):
    """The chain: who held the visit, when, why it moved. Append-only: triggers (migration
    0005) refuse every UPDATE and DELETE, on SQLite and PostgreSQL alike."""

    __tablename__ = "visit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    on_behalf_of: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(24))
    from_state: Mapped[str] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    holder_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"))
    reason: Mapped[str] = mapped_column(MaskedText(), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class StaffAbsence(Base):
    """A clerk away from the post (AB岗): their B post covers from ``starts_at`` until
    ``ends_at``, or until ``ended_at`` when they came back early."""

    __tablename__ = "staff_absence"
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    reason: Mapped[str] = mapped_column(String(16))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    note: Mapped[str] = mapped_column(MaskedText(), default="")
    marked_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    __table_args__ = (
        CheckConstraint("reason in ('leave', 'training', 'field_visit')", name="reason"),
    )

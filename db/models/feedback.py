"""Ratings (好差评) with their rectification items and appeals, and complaints (投诉)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.sealed import MaskedText, Sealed
from db.types import UTCDateTime


class Rating(Base):
    """One rating per case or per visit (exactly one of the two is set). ``visit_id`` gets its
    foreign key when visits are stored."""

    __tablename__ = "rating"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), unique=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"), unique=True)
    level: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(MaskedText(), default="")
    source: Mapped[str] = mapped_column(String(16))
    rated_staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    window_id: Mapped[int | None] = mapped_column(ForeignKey("window.id"))
    entered_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    rated_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    # An upheld appeal takes the rating out of the statistics; the row stays.
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (
        CheckConstraint("(case_id IS NULL) <> (visit_id IS NULL)", name="subject"),
        CheckConstraint(
            "level in ('very_satisfied', 'satisfied', 'basic', 'dissatisfied', "
            "'very_dissatisfied')",
            name="level",
        ),
        CheckConstraint("source in ('citizen_screen', 'paper', 'phone')", name="source"),
    )


class Rectification(Base):
    """差评整改: opened by a bad rating, closed by a supervisor (or cancelled by an appeal)."""

    __tablename__ = "rectification"
    id: Mapped[int] = mapped_column(primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("rating.id"), unique=True)
    responsible_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    due_date: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default="open")
    note: Mapped[str] = mapped_column(MaskedText(), default="")
    followup_on: Mapped[date | None] = mapped_column(Date)
    followup_result: Mapped[str] = mapped_column(MaskedText(), default="")
    outcome: Mapped[str] = mapped_column(String(16), default="")
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    __table_args__ = (
        CheckConstraint("state in ('open', 'closed', 'cancelled')", name="state"),
        CheckConstraint("outcome in ('', 'resolved', 'explained', 'unresolved')", name="outcome"),
    )


class RatingAppeal(Base):
    """The rated staff member's appeal (mistaken or malicious) and the supervisor's decision."""

    __tablename__ = "rating_appeal"
    id: Mapped[int] = mapped_column(primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("rating.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(MaskedText())
    appellant_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    appealed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    decision_note: Mapped[str] = mapped_column(MaskedText(), default="")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    __table_args__ = (
        CheckConstraint("kind in ('mistaken', 'malicious')", name="kind"),
        CheckConstraint("state in ('pending', 'upheld', 'rejected')", name="state"),
    )


class Complaint(Base):
    """投诉 against a clerk, a window, a case or the center (``target``); the ids name them."""

    __tablename__ = "complaint"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    target: Mapped[str] = mapped_column(String(8))
    channel: Mapped[str] = mapped_column(String(16))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    window_id: Mapped[int | None] = mapped_column(ForeignKey("window.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    complainant_name: Mapped[str] = mapped_column(String(100), default="")
    complainant_phone: Mapped[str] = mapped_column(Sealed("complainant_phone"), default="")
    content: Mapped[str] = mapped_column(MaskedText())
    received_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    state: Mapped[str] = mapped_column(String(16), default="registered")
    substantiated: Mapped[bool | None] = mapped_column(Boolean)
    finding: Mapped[str] = mapped_column(MaskedText(), default="")
    outcome: Mapped[str] = mapped_column(MaskedText(), default="")
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    concluded_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    concluded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    __table_args__ = (
        CheckConstraint("target in ('staff', 'window', 'case', 'center')", name="target"),
        CheckConstraint(
            "channel in ('counter', 'phone', 'letter', 'hotline', 'online')", name="channel"
        ),
        CheckConstraint(
            "(target <> 'staff' OR staff_id IS NOT NULL) AND "
            "(target <> 'window' OR window_id IS NOT NULL) AND "
            "(target <> 'case' OR case_id IS NOT NULL)",
            name="target_named",
        ),
        CheckConstraint("state in ('registered', 'investigating', 'concluded')", name="state"),
    )


class ComplaintNote(Base):
    """The investigation, one note at a time (never edited)."""

    __tablename__ = "complaint_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    text: Mapped[str] = mapped_column(MaskedText())

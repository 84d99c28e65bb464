"""Agency cases (全程代办): the authorisation and agent, the agent's steps, the contacts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.sealed import MaskedText
from db.types import UTCDateTime


class AgencyCase(Base):
    """One per agency case; the case itself carries ``is_agency`` for lists and receipts."""

    __tablename__ = "agency_case"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_file.id"), primary_key=True, autoincrement=False
    )
    agent_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    reason: Mapped[str] = mapped_column(String(16))
    authorised_on: Mapped[date] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(MaskedText())
    document_ref: Mapped[str] = mapped_column(String(100))
    taken_on_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    taken_on_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    __table_args__ = (
        CheckConstraint(
            "reason in ('elderly', 'disabled', 'remote_village', 'key_project')", name="reason"
        ),
    )


class AgencyStep(Base):
    """A step the agent took, here or at another department, with its result."""

    __tablename__ = "agency_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("agency_case.case_id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    department: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(MaskedText())
    result: Mapped[str] = mapped_column(MaskedText())
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AgencyContact(Base):
    """The applicant told of progress: when, how, what was said."""

    __tablename__ = "agency_contact"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("agency_case.case_id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(MaskedText())
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (
        CheckConstraint(
            "channel in ('phone', 'visit', 'counter', 'sms', 'wechat')", name="channel"
        ),
    )

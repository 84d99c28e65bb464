"""Cases, one-time notices, refusals and what hangs off them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.sealed import MaskedText, Sealed, blind_index_column
from db.types import UTCDateTime


class ApplicantColumns:
    """Who applied, and who acted for them. Full numbers are kept for finding a record
    again, sealed (db.sealed); the applicant's are found through their blind indexes. Every
    printout and log shows them masked."""

    applicant_name: Mapped[str] = mapped_column(String(100))
    id_type: Mapped[str] = mapped_column(String(32), default="resident_id")  # foreign_permanent: 17
    id_number: Mapped[str] = mapped_column(Sealed("id_number"), default="")
    id_number_bidx: Mapped[str] = mapped_column(
        blind_index_column(), default="", index=True, info={"derived": True}
    )
    phone: Mapped[str] = mapped_column(Sealed("phone"), default="")
    phone_bidx: Mapped[str] = mapped_column(
        blind_index_column(), default="", index=True, info={"derived": True}
    )
    agent_name: Mapped[str] = mapped_column(String(100), default="")
    agent_id_number: Mapped[str] = mapped_column(Sealed("agent_id_number"), default="")
    agent_phone: Mapped[str] = mapped_column(Sealed("agent_phone"), default="")


class NumberCounter(Base):
    """The last serial given per site, kind and day, moved inside the issuing transaction:
    gap-free and never reused, unlike a database sequence."""

    __tablename__ = "number_counter"
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last_serial: Mapped[int] = mapped_column(Integer)


class Notice(ApplicantColumns, Base):
    """A one-time notice (一次性告知单): everything missing, told at once, in writing."""

    __tablename__ = "notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    item_version_id: Mapped[int] = mapped_column(ForeignKey("service_item_version.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("window.id"))
    issued_by: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    supply_by: Mapped[date] = mapped_column(Date)
    issued_late: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(16), default="open")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id", use_alter=True))
    __table_args__ = (CheckConstraint("state in ('open', 'accepted', 'closed')", name="state"),)


class NoticeMaterial(Base):
    __tablename__ = "notice_material"
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id"), index=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("item_material.id"))
    state: Mapped[str] = mapped_column(String(16))  # received / missing
    __table_args__ = (CheckConstraint("state in ('received', 'missing')", name="state"),)


class ExtraDemand(Base):
    """A material asked for on a return visit that was not on the notice: a breach of the
    one-time rule, allowed only with a written reason and reported to supervisors."""

    __tablename__ = "extra_demand"
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id"), index=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("item_material.id"))
    reason: Mapped[str] = mapped_column(MaskedText())
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class Refusal(ApplicantColumns, Base):
    """不予受理: always with a reason, its legal basis, and where to go instead."""

    __tablename__ = "refusal"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    item_version_id: Mapped[int] = mapped_column(ForeignKey("service_item_version.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("window.id"))
    issued_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    reason: Mapped[str] = mapped_column(MaskedText())
    legal_basis: Mapped[str] = mapped_column(Text)
    redirect_to: Mapped[str] = mapped_column(MaskedText(), default="")
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notice.id"))


def _accepting_site(context: Any) -> Any:
    """A new case belongs to the site that accepted it (ORM and bulk inserts alike)."""
    return context.get_current_parameters()["site_id"]


class CaseFile(ApplicantColumns, Base):
    """An accepted application (办件). ``due_date`` and ``warning`` are caches derived from the
    events and the calendar, kept so lists can sort by urgency in SQL."""

    __tablename__ = "case_file"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    # The one site that may act on the case now (app.handover): the accepting site, or the
    # county while a township's case is handed over for its decision. No index of its own
    # (migration 0023): it selects nothing, and SQLite without statistics preferred it to
    # the state index the queries that filter by it need.
    owner_site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), default=_accepting_site)
    item_version_id: Mapped[int] = mapped_column(ForeignKey("service_item_version.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("window.id"))
    accepted_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notice.id"))
    state: Mapped[str] = mapped_column(String(16), index=True)
    is_agency: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    accepted_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    accepted_day: Mapped[date] = mapped_column(Date, index=True)
    committed_days: Mapped[int] = mapped_column(Integer)
    statutory_days: Mapped[int] = mapped_column(Integer)
    deferred_supply_by: Mapped[date | None] = mapped_column(Date)
    applicant_commitment: Mapped[str] = mapped_column(MaskedText(), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    due_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    calendar_version: Mapped[str] = mapped_column(String(16), default="")
    due_moved: Mapped[bool] = mapped_column(Boolean, default=False)
    warning: Mapped[str] = mapped_column(String(8), default="normal")
    decision: Mapped[str] = mapped_column(String(16), default="")
    decision_note: Mapped[str] = mapped_column(MaskedText(), default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When it was decided, withdrawn or terminated, and the power-of-two class of the days it
    # was open (app.cases.transitions.closing_columns): a past day's open cases in bounded
    # ranges of the index below, however old the day (db.reports_repo).
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    open_class: Mapped[int | None] = mapped_column(Integer)
    delivery_method: Mapped[str] = mapped_column(String(16), default="")
    collected_by: Mapped[str] = mapped_column(String(100), default="")
    row_version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic locking
    __table_args__ = (
        CheckConstraint(
            "state in ('accepted', 'in_progress', 'suspended', 'decided', 'delivered', "
            "'withdrawn', 'terminated')",
            name="state",
        ),
        CheckConstraint("warning in ('normal', 'yellow', 'red', 'closed')", name="warning"),
        Index("ix_case_file_open_urgency", "warning", "due_date"),
        Index("ix_case_file_open_class", "open_class", "closed_at"),
        # A clerk's open cases (work list, its counts, deferred materials) without reading
        # every case they ever had.
        Index("ix_case_file_owner_state", "owner_id", "state"),
    )


class CaseMaterial(Base):
    __tablename__ = "case_material"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("item_material.id"))
    state: Mapped[str] = mapped_column(String(16))  # received / deferred / not_applicable
    supplied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    __table_args__ = (
        CheckConstraint("state in ('received', 'deferred', 'not_applicable')", name="state"),
    )


class CaseEvent(Base):
    """Every transition of a case: who, when, why. Pauses and extensions are derived from
    these rows, never kept as counters."""

    __tablename__ = "case_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)  # the daily log's day
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    on_behalf_of: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(24))
    from_state: Mapped[str] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(MaskedText(), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class AccountabilityRecord(Base):
    """责任追究: opened automatically for an overdue case, a breach of the one-time rule or a
    substantiated complaint; a supervisor reviews it."""

    __tablename__ = "accountability_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # overdue / deferral / breach / complaint
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notice.id"))  # breaches
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id"), unique=True)
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    days_late: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(16), default="open")
    cause: Mapped[str] = mapped_column(String(24), default="")
    note: Mapped[str] = mapped_column(MaskedText(), default="")
    outcome: Mapped[str] = mapped_column(MaskedText(), default="")
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    __table_args__ = (
        CheckConstraint("state in ('open', 'reviewed')", name="state"),
        Index("uq_accountability_overdue_case", "kind", "case_id", unique=True),
    )


class SearchToken(Base):
    """Substrings (1-3 characters) of applicant names, so a two-character Chinese name is found
    by an index lookup on SQLite and PostgreSQL alike (trigram indexes miss short queries)."""

    __tablename__ = "search_token"
    token: Mapped[str] = mapped_column(String(12), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # case / notice
    ref_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)

"""Queue tickets (取号、叫号) and the item groups a site's windows serve."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.types import UTCDateTime


class QueueGroup(Base):
    """An item group (业务类别): the letter of its tickets and the windows that call them."""

    __tablename__ = "queue_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    code: Mapped[str] = mapped_column(String(1))
    name: Mapped[str] = mapped_column(String(40))
    window_numbers: Mapped[str] = mapped_column(String(200))  # "1,3": window numbers
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (UniqueConstraint("site_id", "code", name="uq_queue_group_site_code"),)


class QueueTicket(Base):
    """One ticket of one hall day; its window is the one that called it (or, transferred,
    the one that is to call it)."""

    __tablename__ = "queue_ticket"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    day: Mapped[date] = mapped_column(Date)
    group_code: Mapped[str] = mapped_column(String(1))  # "": a vendor system's ticket
    serial: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(16))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    taken_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_called_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    window_id: Mapped[int | None] = mapped_column(ForeignKey("window.id"))
    called_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    transferred_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    served_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        UniqueConstraint("site_id", "day", "number", name="uq_queue_ticket_site_day_number"),
        Index("ix_queue_ticket_site_day_state", "site_id", "day", "state"),
        Index("ix_queue_ticket_site_last_called_at", "site_id", "last_called_at"),
    )

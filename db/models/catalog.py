"""The service catalog. Every edit makes a new version; cases point at the version they used."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.types import UTCDateTime


class ServiceItem(Base):
    """A service item's identity; its content lives in versions."""

    __tablename__ = "service_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("service_item_version.id", use_alter=True)
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ServiceItemVersion(Base):
    __tablename__ = "service_item_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(100), default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[str] = mapped_column(Text, default="")
    statutory_days: Mapped[int] = mapped_column(Integer)
    committed_days: Mapped[int] = mapped_column(Integer)
    # 行政许可法 Art. 42: beyond the statutory limit, with the approval of the head of the body
    # (20 + 10 working days there; other laws set other limits).
    extension_allowance: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    # Who decides a case of this item (app.catalog.records.DecisionLevel): "local", the hall that
    # accepts it; "county", a county department (乡镇代收、县级审批: a township hands it over).
    decision_level: Mapped[str] = mapped_column(String(16), default="local", server_default="local")
    fee: Mapped[str] = mapped_column(String(200), default="不收费")
    fee_basis: Mapped[str] = mapped_column(Text, default="")
    where_when: Mapped[str] = mapped_column(Text, default="")
    visits_needed: Mapped[int] = mapped_column(Integer, default=1)
    consult_phone: Mapped[str] = mapped_column(String(50), default="")
    complaint_phone: Mapped[str] = mapped_column(String(50), default="")
    delivery_methods: Mapped[str] = mapped_column(String(200), default="窗口领取")
    search_key: Mapped[str] = mapped_column(String(400), default="")  # code, name, pinyin initials
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # Draft until a supervisor or administrator publishes it (公布); the hall's posted papers
    # say so while an item in force is a draft.
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    published_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    __table_args__ = (
        UniqueConstraint("item_id", "version_no", name="uq_service_item_version_item_no"),
        CheckConstraint("committed_days >= 0 AND committed_days <= statutory_days", name="limits"),
        CheckConstraint("decision_level in ('local', 'county')", name="decision_level"),
    )


class ItemMaterial(Base):
    __tablename__ = "item_material"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("service_item_version.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    form: Mapped[str] = mapped_column(String(16))  # original / copy / either
    medium: Mapped[str] = mapped_column(String(16))  # paper / electronic / either
    copies: Mapped[int] = mapped_column(Integer, default=1)
    necessity: Mapped[str] = mapped_column(String(16))  # required / conditional / optional
    condition: Mapped[str] = mapped_column(Text, default="")
    deferrable: Mapped[bool] = mapped_column(Boolean, default=False)
    requirements: Mapped[str] = mapped_column(Text, default="")
    template_ref: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (
        CheckConstraint("form in ('original', 'copy', 'either')", name="form"),
        CheckConstraint("medium in ('paper', 'electronic', 'either')", name="medium"),
        CheckConstraint("necessity in ('required', 'conditional', 'optional')", name="necessity"),
    )


class ItemStep(Base):
    __tablename__ = "item_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("service_item_version.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    days: Mapped[int] = mapped_column(Integer)

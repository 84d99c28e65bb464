"""The county's register of its sites (乡镇便民服务中心 and the county center itself)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.types import UTCDateTime


class SiteRegistration(Base):
    """One site of the county: when and by whom it was enrolled. The site's code, name and
    kind (``site.level``) are on its ``site`` row; its public keys are ``site_key`` rows under
    its code. A township's database holds the rows of the county's register it was sent."""

    __tablename__ = "site_registration"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), unique=True)
    county_code: Mapped[str] = mapped_column(String(16))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # staff of this database; None when the enrolment was made elsewhere (a township's copy)
    enrolled_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    enrolled_by_name: Mapped[str] = mapped_column(String(100), default="")

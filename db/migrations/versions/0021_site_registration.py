"""The county's register of its sites: when and by whom each site was enrolled.

Revision ID: 0021
Revises: 0016
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def utc_datetime() -> sa.types.TypeEngine:
    # Same storage as db.types.UTCDateTime, spelled out so this script never changes.
    return sa.DateTime(timezone=True).with_variant(sa.String(32), "sqlite")


def upgrade() -> None:
    op.create_table(
        "site_registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("county_code", sa.String(length=16), nullable=False),
        sa.Column("enrolled_at", utc_datetime(), nullable=False),
        sa.Column("enrolled_by", sa.Integer(), nullable=True),
        sa.Column("enrolled_by_name", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"], ["site.id"], name=op.f("fk_site_registration_site_id_site")
        ),
        sa.ForeignKeyConstraint(
            ["enrolled_by"], ["staff.id"], name=op.f("fk_site_registration_enrolled_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_registration")),
        sa.UniqueConstraint("site_id", name=op.f("uq_site_registration_site_id")),
    )


def downgrade() -> None:
    op.drop_table("site_registration")

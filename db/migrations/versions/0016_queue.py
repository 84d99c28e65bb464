"""Queue tickets and calling (取号、叫号): item groups per site and the day's tickets.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def utc_datetime() -> sa.types.TypeEngine:
    # Same storage as db.types.UTCDateTime, spelled out so this script never changes.
    return sa.DateTime(timezone=True).with_variant(sa.String(32), "sqlite")


def upgrade() -> None:
    op.create_table(
        "queue_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=1), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("window_numbers", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_queue_group_site_id_site")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_group")),
        sa.UniqueConstraint("site_id", "code", name="uq_queue_group_site_code"),
    )
    op.create_table(
        "queue_ticket",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("group_code", sa.String(length=1), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("taken_at", utc_datetime(), nullable=False),
        sa.Column("taken_by", sa.Integer(), nullable=True),
        sa.Column("called_at", utc_datetime(), nullable=True),
        sa.Column("last_called_at", utc_datetime(), nullable=True),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("called_by", sa.Integer(), nullable=True),
        sa.Column("recalls", sa.Integer(), nullable=False),
        sa.Column("transferred_at", utc_datetime(), nullable=True),
        sa.Column("served_at", utc_datetime(), nullable=True),
        sa.Column("finished_at", utc_datetime(), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"], ["site.id"], name=op.f("fk_queue_ticket_site_id_site")
        ),
        sa.ForeignKeyConstraint(
            ["taken_by"], ["staff.id"], name=op.f("fk_queue_ticket_taken_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["window_id"], ["window.id"], name=op.f("fk_queue_ticket_window_id_window")
        ),
        sa.ForeignKeyConstraint(
            ["called_by"], ["staff.id"], name=op.f("fk_queue_ticket_called_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_queue_ticket_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_ticket")),
        sa.UniqueConstraint("site_id", "day", "number", name="uq_queue_ticket_site_day_number"),
    )
    op.create_index(
        "ix_queue_ticket_site_day_state", "queue_ticket", ["site_id", "day", "state"], unique=False
    )
    op.create_index(
        "ix_queue_ticket_site_last_called_at",
        "queue_ticket",
        ["site_id", "last_called_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_queue_ticket_site_last_called_at", table_name="queue_ticket")
    op.drop_index("ix_queue_ticket_site_day_state", table_name="queue_ticket")
    op.drop_table("queue_ticket")
    op.drop_table("queue_group")

"""Accountability records name the one-time notice a breach is about.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("accountability_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notice_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_accountability_record_notice_id_notice"), "notice", ["notice_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("accountability_record", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_accountability_record_notice_id_notice"), type_="foreignkey"
        )
        batch_op.drop_column("notice_id")

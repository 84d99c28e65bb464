"""A case may end terminated (终止办理: a deferred material never supplied), and a catalog
version records its publication (draft -> published: by whom, when). Versions written before
this revision were in force and posted as they were saved: they count as published by whoever
saved them, when they saved them.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATES = "'accepted', 'in_progress', 'suspended', 'decided', 'delivered', 'withdrawn'"
NEW_STATES = OLD_STATES + ", 'terminated'"


def utc_datetime() -> sa.types.TypeEngine:
    # Same storage as db.types.UTCDateTime, spelled out so this script never changes.
    return sa.DateTime(timezone=True).with_variant(sa.String(32), "sqlite")


def _states(states: str) -> None:
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_case_file_state"), type_="check")
        batch_op.create_check_constraint(op.f("ck_case_file_state"), f"state in ({states})")


def upgrade() -> None:
    _states(NEW_STATES)
    with op.batch_alter_table("service_item_version", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_at", utc_datetime(), nullable=True))
        batch_op.add_column(sa.Column("published_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_service_item_version_published_by_staff"), "staff", ["published_by"], ["id"]
        )
    op.execute(
        "UPDATE service_item_version SET published_at = created_at, published_by = created_by"
    )


def downgrade() -> None:
    with op.batch_alter_table("service_item_version", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("fk_service_item_version_published_by_staff"), type_="foreignkey"
        )
        batch_op.drop_column("published_by")
        batch_op.drop_column("published_at")
    op.execute("UPDATE case_file SET state = 'withdrawn' WHERE state = 'terminated'")
    _states(OLD_STATES)

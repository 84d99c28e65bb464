"""Links between areas built apart: a rating or complaint about a visit points at the visit,
and a visit opened by an appointment's check-in points at the appointment (the daily log tells
appointments kept from walk-ins by it).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("rating", "complaint"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_foreign_key(f"fk_{table}_visit_id_visit", "visit", ["visit_id"], ["id"])
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("appointment_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_visit_appointment_id_appointment", "appointment", ["appointment_id"], ["id"]
        )
        batch_op.create_index("ix_visit_appointment_id", ["appointment_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_appointment_id")
        batch_op.drop_constraint("fk_visit_appointment_id_appointment", type_="foreignkey")
        batch_op.drop_column("appointment_id")
    for table in ("rating", "complaint"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f"fk_{table}_visit_id_visit", type_="foreignkey")

"""A case belongs to one site at a time (乡镇代收、县级审批): ``case_file.owner_site_id``, the site
that may act on it now; existing cases belong to the site that accepted them. A catalog version
says who decides its cases (``decision_level``: "local", the accepting hall; "county", a county
department); existing versions are decided locally.

Revision ID: 0022
Revises: 0020 (h-sync's, merged into this branch; the lead re-chains at merge)
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner_site_id", sa.Integer(), nullable=True))
    op.execute("UPDATE case_file SET owner_site_id = site_id")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.alter_column("owner_site_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key(
            op.f("fk_case_file_owner_site_id_site"), "site", ["owner_site_id"], ["id"]
        )
        batch_op.create_index(op.f("ix_case_file_owner_site_id"), ["owner_site_id"], unique=False)
    with op.batch_alter_table("service_item_version", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "decision_level", sa.String(length=16), nullable=False, server_default="local"
            )
        )
        batch_op.create_check_constraint(
            op.f("ck_service_item_version_decision_level"),
            "decision_level in ('local', 'county')",
        )


def downgrade() -> None:
    with op.batch_alter_table("service_item_version", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_service_item_version_decision_level"), type_="check")
        batch_op.drop_column("decision_level")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_index(op.f("ix_case_file_owner_site_id"))
        batch_op.drop_constraint(op.f("fk_case_file_owner_site_id_site"), type_="foreignkey")
        batch_op.drop_column("owner_site_id")

"""An item's extension allowance beyond its statutory limit (行政许可法 Art. 42: with the
approval of the head of the body, 10 working days there; other laws set other limits). Existing
versions get the Licensing Law's 10.

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("service_item_version", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("extension_allowance", sa.Integer(), nullable=False, server_default="10")
        )


def downgrade() -> None:
    with op.batch_alter_table("service_item_version", schema=None) as batch_op:
        batch_op.drop_column("extension_allowance")

"""Site signing keys for the QR codes on printed documents, and the print log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def utc_datetime() -> sa.types.TypeEngine:
    # Same storage as db.types.UTCDateTime, spelled out so this script never changes.
    return sa.DateTime(timezone=True).with_variant(sa.String(32), "sqlite")


def upgrade() -> None:
    op.create_table(
        "site_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_code", sa.String(length=16), nullable=False),
        sa.Column("site_name", sa.String(length=200), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("origin", sa.String(length=8), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("private_key", sa.String(length=64), nullable=True),
        sa.Column("created_at", utc_datetime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(origin = 'own' AND private_key IS NOT NULL AND site_id IS NOT NULL) OR "
            "(origin = 'imported' AND private_key IS NULL AND site_id IS NULL)",
            name=op.f("ck_site_key_origin"),
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_site_key_site_id_site")),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff.id"], name=op.f("fk_site_key_created_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_key")),
        sa.UniqueConstraint("public_key", name=op.f("uq_site_key_public_key")),
    )
    with op.batch_alter_table("site_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_key_site_code"), ["site_code"], unique=False)

    op.create_table(
        "print_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("copy_no", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("printed_at", utc_datetime(), nullable=False),
        sa.Column("printer", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_print_log_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_log")),
        sa.UniqueConstraint("kind", "number", "copy_no", name="uq_print_log_kind_number_copy"),
    )
    with op.batch_alter_table("print_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_print_log_printed_at"), ["printed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_log_printed_at"))
    op.drop_table("print_log")
    with op.batch_alter_table("site_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_site_key_site_code"))
    op.drop_table("site_key")

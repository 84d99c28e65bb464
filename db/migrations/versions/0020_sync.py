"""Bundles between the county and its townships (issue #16): the bundle log, per-site
sequences and acknowledgements, the origin of imported rows, per-row sync state, and the
townships' audit events kept apart from this database's own chain.

Revision ID: 0020
Revises: 0016
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def utc_datetime() -> sa.types.TypeEngine:
    # Same storage as db.types.UTCDateTime, spelled out so this script never changes.
    return sa.DateTime(timezone=True).with_variant(sa.String(32), "sqlite")


def upgrade() -> None:
    op.create_table(
        "sync_bundle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("from_site", sa.String(length=16), nullable=False),
        sa.Column("to_site", sa.String(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("at", utc_datetime(), nullable=False),
        sa.Column("created_at", utc_datetime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("gap", sa.Text(), nullable=False),
        sa.Column("acknowledged_at", utc_datetime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_sync_bundle_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_bundle")),
        sa.UniqueConstraint("direction", "sha256", name="uq_sync_bundle_direction_sha"),
    )
    op.create_index("ix_sync_bundle_from_site", "sync_bundle", ["from_site"], unique=False)
    op.create_index("ix_sync_bundle_to_site", "sync_bundle", ["to_site"], unique=False)
    op.create_index(
        "ix_sync_bundle_pair", "sync_bundle", ["from_site", "to_site", "sequence"], unique=False
    )
    op.create_table(
        "sync_peer",
        sa.Column("site_code", sa.String(length=16), nullable=False),
        sa.Column("sent_seq", sa.Integer(), nullable=False),
        sa.Column("sent_id", sa.String(length=64), nullable=True),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("acked_audit_seq", sa.Integer(), nullable=False),
        sa.Column("received_seq", sa.Integer(), nullable=False),
        sa.Column("received_id", sa.String(length=64), nullable=True),
        sa.Column("received_at", utc_datetime(), nullable=True),
        sa.Column("received_audit_seq", sa.Integer(), nullable=False),
        sa.Column("received_audit_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("site_code", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_origin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin_site", sa.String(length=16), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("origin_key", sa.String(length=200), nullable=False),
        sa.Column("local_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_origin")),
        sa.UniqueConstraint("origin_site", "table_name", "origin_key", name="uq_sync_origin_key"),
    )
    op.create_index("ix_sync_origin_local", "sync_origin", ["table_name", "local_id"])
    op.create_table(
        "sync_row_state",
        sa.Column("peer_site", sa.String(length=16), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("local_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sent_hash", sa.String(length=32), nullable=False),
        sa.Column("sent_seq", sa.Integer(), nullable=False),
        sa.Column("known_hash", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint(
            "peer_site", "table_name", "local_id", name=op.f("pk_sync_row_state")
        ),
    )
    op.create_table(
        "sync_audit_event",
        sa.Column("site_code", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", utc_datetime(), nullable=False),
        sa.Column("actor_login", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("site_code", "seq", name=op.f("pk_sync_audit_event")),
    )
    op.create_index("ix_sync_audit_event_at", "sync_audit_event", ["at"], unique=False)
    _append_only("sync_audit_event")


def _append_only(table: str) -> None:
    """The townships' events as imported are never edited: the database refuses UPDATE and
    DELETE on them, as on the own chain."""
    message = f"{table} is append-only"
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
        )
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )


def downgrade() -> None:
    op.drop_index("ix_sync_audit_event_at", table_name="sync_audit_event")
    op.drop_table("sync_audit_event")  # its triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS sync_audit_event_append_only()")
    op.drop_table("sync_row_state")
    op.drop_index("ix_sync_origin_local", table_name="sync_origin")
    op.drop_table("sync_origin")
    op.drop_table("sync_peer")
    op.drop_index("ix_sync_bundle_pair", table_name="sync_bundle")
    op.drop_index("ix_sync_bundle_to_site", table_name="sync_bundle")
    op.drop_index("ix_sync_bundle_from_site", table_name="sync_bundle")
    op.drop_table("sync_bundle")

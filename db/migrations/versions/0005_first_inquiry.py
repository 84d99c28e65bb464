"""First-inquiry responsibility: visits, referrals, the append-only chain, staff absences.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def utc_datetime() -> sa.types.TypeEngine:
    # Same storage as db.types.UTCDateTime, spelled out so this script never changes.
    return sa.DateTime(timezone=True).with_variant(sa.String(32), "sqlite")


def fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("visitor_name", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("id_number", sa.String(length=40), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("visit_type", sa.String(length=16), nullable=False),
        sa.Column("needs_escort", sa.Boolean(), nullable=False),
        sa.Column("first_responder_id", sa.Integer(), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("registered_at", utc_datetime(), nullable=False),
        sa.Column("pending_due_at", utc_datetime(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("outcome_text", sa.Text(), nullable=False),
        sa.Column("outcome_ref", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("guide_code", sa.String(length=64), nullable=False),
        sa.Column("closed_at", utc_datetime(), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "visit_type in ('consultation', 'application', 'complaint', 'other')",
            name=op.f("ck_visit_type"),
        ),
        sa.CheckConstraint("state in ('open', 'referred', 'closed')", name=op.f("ck_visit_state")),
        sa.CheckConstraint(
            "outcome in ('', 'answered', 'application', 'outside')", name=op.f("ck_visit_outcome")
        ),
        sa.CheckConstraint(
            "state <> 'closed' OR outcome <> ''", name=op.f("ck_visit_closed_has_outcome")
        ),
        fk("visit", "site_id", "site"),
        fk("visit", "window_id", "window"),
        fk("visit", "first_responder_id", "staff"),
        fk("visit", "holder_id", "staff"),
        fk("visit", "case_id", "case_file"),
        fk("visit", "closed_by", "staff"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
        sa.UniqueConstraint("number", name=op.f("uq_visit_number")),
    )
    op.create_index(op.f("ix_visit_phone"), "visit", ["phone"], unique=False)
    op.create_index(op.f("ix_visit_id_number"), "visit", ["id_number"], unique=False)
    op.create_index(
        op.f("ix_visit_first_responder_id"), "visit", ["first_responder_id"], unique=False
    )
    op.create_index(op.f("ix_visit_registered_at"), "visit", ["registered_at"], unique=False)
    op.create_index(op.f("ix_visit_case_id"), "visit", ["case_id"], unique=False)
    op.create_index(
        "ix_visit_holder_queue", "visit", ["holder_id", "state", "registered_at"], unique=False
    )

    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("from_staff_id", sa.Integer(), nullable=False),
        sa.Column("on_behalf_of", sa.Integer(), nullable=True),
        sa.Column("to_window_id", sa.Integer(), nullable=True),
        sa.Column("to_department_id", sa.Integer(), nullable=True),
        sa.Column("to_staff_id", sa.Integer(), nullable=True),
        sa.Column("to_body", sa.String(length=200), nullable=False),
        sa.Column("to_contact", sa.Text(), nullable=False),
        sa.Column("to_phone", sa.String(length=40), nullable=False),
        sa.Column("item_version_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("referred_at", utc_datetime(), nullable=False),
        sa.Column("due_at", utc_datetime(), nullable=False),
        sa.Column("acknowledged_at", utc_datetime(), nullable=True),
        sa.Column("acknowledged_by", sa.Integer(), nullable=True),
        sa.Column("ack_on_behalf_of", sa.Integer(), nullable=True),
        sa.Column("ack_note", sa.Text(), nullable=False),
        sa.CheckConstraint("kind in ('internal', 'external')", name=op.f("ck_referral_kind")),
        sa.CheckConstraint(
            "state in ('pending', 'acknowledged', 'recalled')", name=op.f("ck_referral_state")
        ),
        fk("referral", "visit_id", "visit"),
        fk("referral", "from_staff_id", "staff"),
        fk("referral", "on_behalf_of", "staff"),
        fk("referral", "to_window_id", "window"),
        fk("referral", "to_department_id", "department"),
        fk("referral", "to_staff_id", "staff"),
        fk("referral", "item_version_id", "service_item_version"),
        fk("referral", "acknowledged_by", "staff"),
        fk("referral", "ack_on_behalf_of", "staff"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
        sa.UniqueConstraint("number", name=op.f("uq_referral_number")),
    )
    op.create_index(op.f("ix_referral_visit_id"), "referral", ["visit_id"], unique=False)
    op.create_index(op.f("ix_referral_to_staff_id"), "referral", ["to_staff_id"], unique=False)
    op.create_index("ix_referral_pending_due", "referral", ["state", "due_at"], unique=False)

    op.create_table(
        "visit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("at", utc_datetime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("on_behalf_of", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("from_state", sa.String(length=16), nullable=False),
        sa.Column("to_state", sa.String(length=16), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        fk("visit_event", "visit_id", "visit"),
        fk("visit_event", "staff_id", "staff"),
        fk("visit_event", "on_behalf_of", "staff"),
        fk("visit_event", "holder_id", "staff"),
        fk("visit_event", "referral_id", "referral"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_event")),
    )
    op.create_index(op.f("ix_visit_event_visit_id"), "visit_event", ["visit_id"], unique=False)
    _append_only("visit_event")

    op.create_table(
        "staff_absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("starts_at", utc_datetime(), nullable=False),
        sa.Column("ends_at", utc_datetime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("marked_by", sa.Integer(), nullable=False),
        sa.Column("marked_at", utc_datetime(), nullable=False),
        sa.Column("ended_at", utc_datetime(), nullable=True),
        sa.Column("ended_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "reason in ('leave', 'training', 'field_visit')", name=op.f("ck_staff_absence_reason")
        ),
        fk("staff_absence", "staff_id", "staff"),
        fk("staff_absence", "marked_by", "staff"),
        fk("staff_absence", "ended_by", "staff"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_absence")),
    )
    op.create_index(op.f("ix_staff_absence_staff_id"), "staff_absence", ["staff_id"], unique=False)
    op.create_index(op.f("ix_staff_absence_ends_at"), "staff_absence", ["ends_at"], unique=False)


def _append_only(table: str) -> None:
    """The chain cannot be edited: the database itself refuses UPDATE and DELETE on it."""
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
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )


def downgrade() -> None:
    op.drop_index(op.f("ix_staff_absence_ends_at"), table_name="staff_absence")
    op.drop_index(op.f("ix_staff_absence_staff_id"), table_name="staff_absence")
    op.drop_table("staff_absence")
    op.drop_index(op.f("ix_visit_event_visit_id"), table_name="visit_event")
    op.drop_table("visit_event")  # its triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS visit_event_append_only()")
    op.drop_index("ix_referral_pending_due", table_name="referral")
    op.drop_index(op.f("ix_referral_to_staff_id"), table_name="referral")
    op.drop_index(op.f("ix_referral_visit_id"), table_name="referral")
    op.drop_table("referral")
    op.drop_index("ix_visit_holder_queue", table_name="visit")
    op.drop_index(op.f("ix_visit_case_id"), table_name="visit")
    op.drop_index(op.f("ix_visit_registered_at"), table_name="visit")
    op.drop_index(op.f("ix_visit_first_responder_id"), table_name="visit")
    op.drop_index(op.f("ix_visit_id_number"), table_name="visit")
    op.drop_index(op.f("ix_visit_phone"), table_name="visit")
    op.drop_table("visit")

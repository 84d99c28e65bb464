"""Ratings (好差评) with rectification items and appeals; complaints (投诉) and their notes;
accountability records that name a complaint.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def utc_datetime() -> sa.types.TypeEngine:
    # Same storage as db.types.UTCDateTime, spelled out so this script never changes.
    return sa.DateTime(timezone=True).with_variant(sa.String(32), "sqlite")


def upgrade() -> None:
    op.create_table(
        "rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("rated_staff_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("entered_by", sa.Integer(), nullable=False),
        sa.Column("rated_at", utc_datetime(), nullable=False),
        sa.Column("excluded", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "(case_id IS NULL) <> (visit_id IS NULL)", name=op.f("ck_rating_subject")
        ),
        sa.CheckConstraint(
            "level in ('very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied')",
            name=op.f("ck_rating_level"),
        ),
        sa.CheckConstraint(
            "source in ('citizen_screen', 'paper', 'phone')", name=op.f("ck_rating_source")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_rating_site_id_site")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_rating_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["rated_staff_id"], ["staff.id"], name=op.f("fk_rating_rated_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["window_id"], ["window.id"], name=op.f("fk_rating_window_id_window")
        ),
        sa.ForeignKeyConstraint(
            ["entered_by"], ["staff.id"], name=op.f("fk_rating_entered_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating")),
        sa.UniqueConstraint("case_id", name=op.f("uq_rating_case_id")),
        sa.UniqueConstraint("visit_id", name=op.f("uq_rating_visit_id")),
    )
    with op.batch_alter_table("rating", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rating_rated_at"), ["rated_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_rating_rated_staff_id"), ["rated_staff_id"], unique=False
        )

    op.create_table(
        "rectification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rating_id", sa.Integer(), nullable=False),
        sa.Column("responsible_id", sa.Integer(), nullable=False),
        sa.Column("opened_at", utc_datetime(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("followup_on", sa.Date(), nullable=True),
        sa.Column("followup_result", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("closed_at", utc_datetime(), nullable=True),
        sa.CheckConstraint(
            "state in ('open', 'closed', 'cancelled')", name=op.f("ck_rectification_state")
        ),
        sa.CheckConstraint(
            "outcome in ('', 'resolved', 'explained', 'unresolved')",
            name=op.f("ck_rectification_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["rating_id"], ["rating.id"], name=op.f("fk_rectification_rating_id_rating")
        ),
        sa.ForeignKeyConstraint(
            ["responsible_id"], ["staff.id"], name=op.f("fk_rectification_responsible_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["closed_by"], ["staff.id"], name=op.f("fk_rectification_closed_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rectification")),
        sa.UniqueConstraint("rating_id", name=op.f("uq_rectification_rating_id")),
    )
    with op.batch_alter_table("rectification", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rectification_opened_at"), ["opened_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_rectification_responsible_id"), ["responsible_id"], unique=False
        )

    op.create_table(
        "rating_appeal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rating_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("appellant_id", sa.Integer(), nullable=False),
        sa.Column("appealed_at", utc_datetime(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", utc_datetime(), nullable=True),
        sa.CheckConstraint("kind in ('mistaken', 'malicious')", name=op.f("ck_rating_appeal_kind")),
        sa.CheckConstraint(
            "state in ('pending', 'upheld', 'rejected')", name=op.f("ck_rating_appeal_state")
        ),
        sa.ForeignKeyConstraint(
            ["rating_id"], ["rating.id"], name=op.f("fk_rating_appeal_rating_id_rating")
        ),
        sa.ForeignKeyConstraint(
            ["appellant_id"], ["staff.id"], name=op.f("fk_rating_appeal_appellant_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["staff.id"], name=op.f("fk_rating_appeal_decided_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_appeal")),
        sa.UniqueConstraint("rating_id", name=op.f("uq_rating_appeal_rating_id")),
    )
    with op.batch_alter_table("rating_appeal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rating_appeal_appealed_at"), ["appealed_at"], unique=False
        )

    op.create_table(
        "complaint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=8), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("complainant_name", sa.String(length=100), nullable=False),
        sa.Column("complainant_phone", sa.String(length=40), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("received_by", sa.Integer(), nullable=False),
        sa.Column("received_at", utc_datetime(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("substantiated", sa.Boolean(), nullable=True),
        sa.Column("finding", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("responsible_id", sa.Integer(), nullable=True),
        sa.Column("concluded_by", sa.Integer(), nullable=True),
        sa.Column("concluded_at", utc_datetime(), nullable=True),
        sa.CheckConstraint(
            "target in ('staff', 'window', 'case', 'center')", name=op.f("ck_complaint_target")
        ),
        sa.CheckConstraint(
            "channel in ('counter', 'phone', 'letter', 'hotline', 'online')",
            name=op.f("ck_complaint_channel"),
        ),
        sa.CheckConstraint(
            "(target <> 'staff' OR staff_id IS NOT NULL) AND "
            "(target <> 'window' OR window_id IS NOT NULL) AND "
            "(target <> 'case' OR case_id IS NOT NULL)",
            name=op.f("ck_complaint_target_named"),
        ),
        sa.CheckConstraint(
            "state in ('registered', 'investigating', 'concluded')",
            name=op.f("ck_complaint_state"),
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_complaint_site_id_site")),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_complaint_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["window_id"], ["window.id"], name=op.f("fk_complaint_window_id_window")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_complaint_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["received_by"], ["staff.id"], name=op.f("fk_complaint_received_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["responsible_id"], ["staff.id"], name=op.f("fk_complaint_responsible_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["concluded_by"], ["staff.id"], name=op.f("fk_complaint_concluded_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint")),
        sa.UniqueConstraint("number", name=op.f("uq_complaint_number")),
    )
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_complaint_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_complaint_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "complaint_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("at", utc_datetime(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaint.id"],
            name=op.f("fk_complaint_note_complaint_id_complaint"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_complaint_note_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_note")),
    )
    with op.batch_alter_table("complaint_note", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_note_complaint_id"), ["complaint_id"], unique=False
        )

    with op.batch_alter_table("accountability_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("complaint_id", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_accountability_record_complaint_id"), ["complaint_id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_accountability_record_complaint_id_complaint"),
            "complaint",
            ["complaint_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("accountability_record", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_accountability_record_complaint_id_complaint"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("uq_accountability_record_complaint_id"), type_="unique"
        )
        batch_op.drop_column("complaint_id")
    with op.batch_alter_table("complaint_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_note_complaint_id"))
    op.drop_table("complaint_note")
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_staff_id"))
        batch_op.drop_index(batch_op.f("ix_complaint_received_at"))
    op.drop_table("complaint")
    with op.batch_alter_table("rating_appeal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rating_appeal_appealed_at"))
    op.drop_table("rating_appeal")
    with op.batch_alter_table("rectification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rectification_responsible_id"))
        batch_op.drop_index(batch_op.f("ix_rectification_opened_at"))
    op.drop_table("rectification")
    with op.batch_alter_table("rating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rating_rated_staff_id"))
        batch_op.drop_index(batch_op.f("ix_rating_rated_at"))
    op.drop_table("rating")

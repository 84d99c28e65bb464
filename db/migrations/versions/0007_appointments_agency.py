"""Appointments (schedules, closed days, slot counters, bookings, history) and agency cases
(authorisation and agent, steps, contacts).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def utc_datetime() -> sa.types.TypeEngine:
    # Same storage as db.types.UTCDateTime, spelled out so this script never changes.
    return sa.DateTime(timezone=True).with_variant(sa.String(32), "sqlite")


def upgrade() -> None:
    op.create_table(
        "appointment_schedule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("morning_start", sa.Integer(), nullable=True),
        sa.Column("morning_end", sa.Integer(), nullable=True),
        sa.Column("afternoon_start", sa.Integer(), nullable=True),
        sa.Column("afternoon_end", sa.Integer(), nullable=True),
        sa.Column("days_ahead", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", utc_datetime(), nullable=False),
        sa.CheckConstraint(
            "window_id IS NOT NULL OR item_id IS NOT NULL",
            name=op.f("ck_appointment_schedule_target"),
        ),
        sa.CheckConstraint(
            "slot_minutes > 0 AND capacity > 0", name=op.f("ck_appointment_schedule_sizes")
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["site.id"], name=op.f("fk_appointment_schedule_site_id_site")
        ),
        sa.ForeignKeyConstraint(
            ["window_id"], ["window.id"], name=op.f("fk_appointment_schedule_window_id_window")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["service_item.id"],
            name=op.f("fk_appointment_schedule_item_id_service_item"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["staff.id"], name=op.f("fk_appointment_schedule_updated_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_schedule")),
    )
    op.create_table(
        "appointment_closed_day",
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=100), nullable=False),
        sa.Column("closed_by", sa.Integer(), nullable=False),
        sa.Column("closed_at", utc_datetime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["appointment_schedule.id"],
            name=op.f("fk_appointment_closed_day_schedule_id_appointment_schedule"),
        ),
        sa.ForeignKeyConstraint(
            ["closed_by"], ["staff.id"], name=op.f("fk_appointment_closed_day_closed_by_staff")
        ),
        sa.PrimaryKeyConstraint("schedule_id", "day", name=op.f("pk_appointment_closed_day")),
    )
    op.create_table(
        "appointment_slot",
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_minute", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("booked", sa.Integer(), nullable=False),
        sa.CheckConstraint("booked >= 0", name=op.f("ck_appointment_slot_booked")),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["appointment_schedule.id"],
            name=op.f("fk_appointment_slot_schedule_id_appointment_schedule"),
        ),
        sa.PrimaryKeyConstraint(
            "schedule_id", "day", "start_minute", name=op.f("pk_appointment_slot")
        ),
    )
    op.create_table(
        "appointment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("end_minute", sa.Integer(), nullable=False),
        sa.Column("visitor_name", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("booked_by", sa.Integer(), nullable=False),
        sa.Column("booked_at", utc_datetime(), nullable=False),
        sa.Column("checked_in_at", utc_datetime(), nullable=True),
        sa.Column("checked_in_by", sa.Integer(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "state in ('booked', 'checked_in', 'no_show', 'cancelled')",
            name=op.f("ck_appointment_state"),
        ),
        sa.CheckConstraint("channel in ('phone', 'counter')", name=op.f("ck_appointment_channel")),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_appointment_site_id_site")),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["appointment_schedule.id"],
            name=op.f("fk_appointment_schedule_id_appointment_schedule"),
        ),
        sa.ForeignKeyConstraint(
            ["window_id"], ["window.id"], name=op.f("fk_appointment_window_id_window")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_appointment_item_id_service_item")
        ),
        sa.ForeignKeyConstraint(
            ["booked_by"], ["staff.id"], name=op.f("fk_appointment_booked_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["checked_in_by"], ["staff.id"], name=op.f("fk_appointment_checked_in_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment")),
        sa.UniqueConstraint("number", name=op.f("uq_appointment_number")),
    )
    with op.batch_alter_table("appointment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointment_phone"), ["phone"], unique=False)
        batch_op.create_index(
            "ix_appointment_site_day", ["site_id", "day", "start_minute"], unique=False
        )
        batch_op.create_index("ix_appointment_schedule_day", ["schedule_id", "day"], unique=False)
    op.create_table(
        "appointment_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.Column("at", utc_datetime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointment.id"],
            name=op.f("fk_appointment_event_appointment_id_appointment"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_appointment_event_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_event")),
    )
    with op.batch_alter_table("appointment_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appointment_event_appointment_id"), ["appointment_id"], unique=False
        )

    op.create_table(
        "agency_case",
        sa.Column("case_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("authorised_on", sa.Date(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("document_ref", sa.String(length=100), nullable=False),
        sa.Column("taken_on_at", utc_datetime(), nullable=False),
        sa.Column("taken_on_by", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "reason in ('elderly', 'disabled', 'remote_village', 'key_project')",
            name=op.f("ck_agency_case_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_agency_case_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["staff.id"], name=op.f("fk_agency_case_agent_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["taken_on_by"], ["staff.id"], name=op.f("fk_agency_case_taken_on_by_staff")
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_agency_case")),
    )
    with op.batch_alter_table("agency_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agency_case_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agency_case_taken_on_at"), ["taken_on_at"], unique=False
        )
    op.create_table(
        "agency_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", utc_datetime(), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", utc_datetime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["agency_case.case_id"], name=op.f("fk_agency_step_case_id_agency_case")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_agency_step_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_step")),
    )
    with op.batch_alter_table("agency_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agency_step_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agency_step_at"), ["at"], unique=False)
    op.create_table(
        "agency_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", utc_datetime(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", utc_datetime(), nullable=False),
        sa.CheckConstraint(
            "channel in ('phone', 'visit', 'counter', 'sms', 'wechat')",
            name=op.f("ck_agency_contact_channel"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["agency_case.case_id"],
            name=op.f("fk_agency_contact_case_id_agency_case"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_agency_contact_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_contact")),
    )
    with op.batch_alter_table("agency_contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agency_contact_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agency_contact_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("agency_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agency_contact_at"))
        batch_op.drop_index(batch_op.f("ix_agency_contact_case_id"))
    op.drop_table("agency_contact")
    with op.batch_alter_table("agency_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agency_step_at"))
        batch_op.drop_index(batch_op.f("ix_agency_step_case_id"))
    op.drop_table("agency_step")
    with op.batch_alter_table("agency_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agency_case_taken_on_at"))
        batch_op.drop_index(batch_op.f("ix_agency_case_agent_id"))
    op.drop_table("agency_case")
    with op.batch_alter_table("appointment_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointment_event_appointment_id"))
    op.drop_table("appointment_event")
    with op.batch_alter_table("appointment", schema=None) as batch_op:
        batch_op.drop_index("ix_appointment_schedule_day")
        batch_op.drop_index("ix_appointment_site_day")
        batch_op.drop_index(batch_op.f("ix_appointment_phone"))
    op.drop_table("appointment")
    op.drop_table("appointment_slot")
    op.drop_table("appointment_closed_day")
    op.drop_table("appointment_schedule")

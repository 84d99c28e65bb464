"""Calendar, service catalog, cases, one-time notices, refusals, accountability.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 09:35:54.840619
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def utc_datetime() -> sa.types.TypeEngine:
    # Same storage as db.types.UTCDateTime, spelled out so this script never changes.
    return sa.DateTime(timezone=True).with_variant(sa.String(32), "sqlite")


def upgrade() -> None:
    op.create_table(
        "search_token",
        sa.Column("token", sa.String(length=12), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("ref_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("token", "kind", "ref_id", name=op.f("pk_search_token")),
    )
    op.create_table(
        "service_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("current_version_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_item")),
        sa.UniqueConstraint("code", name=op.f("uq_service_item_code")),
    )
    op.create_table(
        "number_counter",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("day", sa.String(length=8), nullable=False),
        sa.Column("last_serial", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"], ["site.id"], name=op.f("fk_number_counter_site_id_site")
        ),
        sa.PrimaryKeyConstraint("site_id", "kind", "day", name=op.f("pk_number_counter")),
    )
    op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("is_workday", sa.Boolean(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("entered_by", sa.Integer(), nullable=True),
        sa.Column("entered_at", utc_datetime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entered_by"], ["staff.id"], name=op.f("fk_calendar_day_entered_by_staff")
        ),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_day")),
    )
    op.create_table(
        "calendar_year",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("entered_by", sa.Integer(), nullable=True),
        sa.Column("entered_at", utc_datetime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entered_by"], ["staff.id"], name=op.f("fk_calendar_year_entered_by_staff")
        ),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_year")),
    )
    op.create_table(
        "service_item_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("statutory_days", sa.Integer(), nullable=False),
        sa.Column("committed_days", sa.Integer(), nullable=False),
        sa.Column("fee", sa.String(length=200), nullable=False),
        sa.Column("fee_basis", sa.Text(), nullable=False),
        sa.Column("where_when", sa.Text(), nullable=False),
        sa.Column("visits_needed", sa.Integer(), nullable=False),
        sa.Column("consult_phone", sa.String(length=50), nullable=False),
        sa.Column("complaint_phone", sa.String(length=50), nullable=False),
        sa.Column("delivery_methods", sa.String(length=200), nullable=False),
        sa.Column("search_key", sa.String(length=400), nullable=False),
        sa.Column("created_at", utc_datetime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "committed_days >= 0 AND committed_days <= statutory_days",
            name=op.f("ck_service_item_version_limits"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff.id"], name=op.f("fk_service_item_version_created_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["service_item.id"],
            name=op.f("fk_service_item_version_item_id_service_item"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_item_version")),
        sa.UniqueConstraint("item_id", "version_no", name="uq_service_item_version_item_no"),
    )
    with op.batch_alter_table("service_item_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_item_version_item_id"), ["item_id"], unique=False
        )

    op.create_table(
        "item_material",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("form", sa.String(length=16), nullable=False),
        sa.Column("medium", sa.String(length=16), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("necessity", sa.String(length=16), nullable=False),
        sa.Column("condition", sa.Text(), nullable=False),
        sa.Column("deferrable", sa.Boolean(), nullable=False),
        sa.Column("requirements", sa.Text(), nullable=False),
        sa.Column("template_ref", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "form in ('original', 'copy', 'either')", name=op.f("ck_item_material_form")
        ),
        sa.CheckConstraint(
            "medium in ('paper', 'electronic', 'either')", name=op.f("ck_item_material_medium")
        ),
        sa.CheckConstraint(
            "necessity in ('required', 'conditional', 'optional')",
            name=op.f("ck_item_material_necessity"),
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["service_item_version.id"],
            name=op.f("fk_item_material_version_id_service_item_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_material")),
    )
    with op.batch_alter_table("item_material", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_item_material_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "item_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["service_item_version.id"],
            name=op.f("fk_item_step_version_id_service_item_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_step")),
    )
    with op.batch_alter_table("item_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_step_version_id"), ["version_id"], unique=False)

    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("item_version_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("issued_by", sa.Integer(), nullable=False),
        sa.Column("received_at", utc_datetime(), nullable=False),
        sa.Column("issued_at", utc_datetime(), nullable=False),
        sa.Column("supply_by", sa.Date(), nullable=False),
        sa.Column("issued_late", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("applicant_name", sa.String(length=100), nullable=False),
        sa.Column("id_type", sa.String(length=16), nullable=False),
        sa.Column("id_number", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("agent_name", sa.String(length=100), nullable=False),
        sa.Column("agent_id_number", sa.String(length=40), nullable=False),
        sa.Column("agent_phone", sa.String(length=40), nullable=False),
        sa.CheckConstraint("state in ('open', 'accepted', 'closed')", name=op.f("ck_notice_state")),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["staff.id"], name=op.f("fk_notice_issued_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["item_version_id"],
            ["service_item_version.id"],
            name=op.f("fk_notice_item_version_id_service_item_version"),
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_notice_site_id_site")),
        sa.ForeignKeyConstraint(
            ["window_id"], ["window.id"], name=op.f("fk_notice_window_id_window")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice")),
        sa.UniqueConstraint("number", name=op.f("uq_notice_number")),
    )
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notice_id_number"), ["id_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_notice_issued_at"), ["issued_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_notice_issued_by"), ["issued_by"], unique=False)
        batch_op.create_index(batch_op.f("ix_notice_phone"), ["phone"], unique=False)

    op.create_table(
        "case_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("item_version_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("accepted_by", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("is_agency", sa.Boolean(), nullable=False),
        sa.Column("received_at", utc_datetime(), nullable=False),
        sa.Column("accepted_at", utc_datetime(), nullable=False),
        sa.Column("accepted_day", sa.Date(), nullable=False),
        sa.Column("committed_days", sa.Integer(), nullable=False),
        sa.Column("statutory_days", sa.Integer(), nullable=False),
        sa.Column("deferred_supply_by", sa.Date(), nullable=True),
        sa.Column("applicant_commitment", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("due_provisional", sa.Boolean(), nullable=False),
        sa.Column("calendar_version", sa.String(length=16), nullable=False),
        sa.Column("due_moved", sa.Boolean(), nullable=False),
        sa.Column("warning", sa.String(length=8), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("decided_at", utc_datetime(), nullable=True),
        sa.Column("delivered_at", utc_datetime(), nullable=True),
        sa.Column("delivery_method", sa.String(length=16), nullable=False),
        sa.Column("collected_by", sa.String(length=100), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("applicant_name", sa.String(length=100), nullable=False),
        sa.Column("id_type", sa.String(length=16), nullable=False),
        sa.Column("id_number", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("agent_name", sa.String(length=100), nullable=False),
        sa.Column("agent_id_number", sa.String(length=40), nullable=False),
        sa.Column("agent_phone", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "state in ('accepted', 'in_progress', 'suspended', 'decided', 'delivered', 'withdrawn')",
            name=op.f("ck_case_file_state"),
        ),
        sa.CheckConstraint(
            "warning in ('normal', 'yellow', 'red', 'closed')", name=op.f("ck_case_file_warning")
        ),
        sa.ForeignKeyConstraint(
            ["accepted_by"], ["staff.id"], name=op.f("fk_case_file_accepted_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["item_version_id"],
            ["service_item_version.id"],
            name=op.f("fk_case_file_item_version_id_service_item_version"),
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notice.id"], name=op.f("fk_case_file_notice_id_notice")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["staff.id"], name=op.f("fk_case_file_owner_id_staff")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_case_file_site_id_site")),
        sa.ForeignKeyConstraint(
            ["window_id"], ["window.id"], name=op.f("fk_case_file_window_id_window")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file")),
        sa.UniqueConstraint("number", name=op.f("uq_case_file_number")),
    )
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_file_accepted_at"), ["accepted_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_file_accepted_day"), ["accepted_day"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_case_file_id_number"), ["id_number"], unique=False)
        batch_op.create_index("ix_case_file_open_urgency", ["warning", "due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_file_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_file_phone"), ["phone"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_file_state"), ["state"], unique=False)

    op.create_table(
        "extra_demand",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("at", utc_datetime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["item_material.id"],
            name=op.f("fk_extra_demand_material_id_item_material"),
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notice.id"], name=op.f("fk_extra_demand_notice_id_notice")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_extra_demand_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extra_demand")),
    )
    with op.batch_alter_table("extra_demand", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_extra_demand_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_extra_demand_notice_id"), ["notice_id"], unique=False)

    op.create_table(
        "notice_material",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "state in ('received', 'missing')", name=op.f("ck_notice_material_state")
        ),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["item_material.id"],
            name=op.f("fk_notice_material_material_id_item_material"),
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notice.id"], name=op.f("fk_notice_material_notice_id_notice")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_material")),
    )
    with op.batch_alter_table("notice_material", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notice_material_notice_id"), ["notice_id"], unique=False
        )

    op.create_table(
        "refusal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("item_version_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("issued_by", sa.Integer(), nullable=False),
        sa.Column("issued_at", utc_datetime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("redirect_to", sa.Text(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column("applicant_name", sa.String(length=100), nullable=False),
        sa.Column("id_type", sa.String(length=16), nullable=False),
        sa.Column("id_number", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("agent_name", sa.String(length=100), nullable=False),
        sa.Column("agent_id_number", sa.String(length=40), nullable=False),
        sa.Column("agent_phone", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["staff.id"], name=op.f("fk_refusal_issued_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["item_version_id"],
            ["service_item_version.id"],
            name=op.f("fk_refusal_item_version_id_service_item_version"),
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notice.id"], name=op.f("fk_refusal_notice_id_notice")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_refusal_site_id_site")),
        sa.ForeignKeyConstraint(
            ["window_id"], ["window.id"], name=op.f("fk_refusal_window_id_window")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refusal")),
        sa.UniqueConstraint("number", name=op.f("uq_refusal_number")),
    )
    with op.batch_alter_table("refusal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refusal_id_number"), ["id_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_refusal_issued_at"), ["issued_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_refusal_phone"), ["phone"], unique=False)

    op.create_table(
        "accountability_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("responsible_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", utc_datetime(), nullable=False),
        sa.Column("days_late", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("cause", sa.String(length=24), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("reviewed_by", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", utc_datetime(), nullable=True),
        sa.CheckConstraint(
            "state in ('open', 'reviewed')", name=op.f("ck_accountability_record_state")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_accountability_record_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["responsible_id"],
            ["staff.id"],
            name=op.f("fk_accountability_record_responsible_id_staff"),
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by"], ["staff.id"], name=op.f("fk_accountability_record_reviewed_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accountability_record")),
    )
    with op.batch_alter_table("accountability_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_accountability_record_case_id"), ["case_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_accountability_record_opened_at"), ["opened_at"], unique=False
        )
        batch_op.create_index("uq_accountability_overdue_case", ["kind", "case_id"], unique=True)

    op.create_table(
        "case_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", utc_datetime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("on_behalf_of", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("from_state", sa.String(length=16), nullable=False),
        sa.Column("to_state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_case_event_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["on_behalf_of"], ["staff.id"], name=op.f("fk_case_event_on_behalf_of_staff")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_case_event_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_event")),
    )
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_event_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_material",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("supplied_at", utc_datetime(), nullable=True),
        sa.CheckConstraint(
            "state in ('received', 'deferred', 'not_applicable')",
            name=op.f("ck_case_material_state"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_case_material_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["item_material.id"],
            name=op.f("fk_case_material_material_id_item_material"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_material")),
    )
    with op.batch_alter_table("case_material", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_material_case_id"), ["case_id"], unique=False)

    # The two references that close a cycle are added once both tables exist.
    with op.batch_alter_table("service_item", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_service_item_current_version_id_service_item_version"),
            "service_item_version",
            ["current_version_id"],
            ["id"],
        )
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_notice_case_id_case_file"), "case_file", ["case_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_notice_case_id_case_file"), type_="foreignkey")
    with op.batch_alter_table("service_item", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_service_item_current_version_id_service_item_version"),
            type_="foreignkey",
        )
    with op.batch_alter_table("case_material", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_material_case_id"))

    op.drop_table("case_material")
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_event_case_id"))

    op.drop_table("case_event")
    with op.batch_alter_table("accountability_record", schema=None) as batch_op:
        batch_op.drop_index("uq_accountability_overdue_case")
        batch_op.drop_index(batch_op.f("ix_accountability_record_opened_at"))
        batch_op.drop_index(batch_op.f("ix_accountability_record_case_id"))

    op.drop_table("accountability_record")
    with op.batch_alter_table("refusal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refusal_phone"))
        batch_op.drop_index(batch_op.f("ix_refusal_issued_at"))
        batch_op.drop_index(batch_op.f("ix_refusal_id_number"))

    op.drop_table("refusal")
    with op.batch_alter_table("notice_material", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notice_material_notice_id"))

    op.drop_table("notice_material")
    with op.batch_alter_table("extra_demand", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_extra_demand_notice_id"))
        batch_op.drop_index(batch_op.f("ix_extra_demand_at"))

    op.drop_table("extra_demand")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_file_state"))
        batch_op.drop_index(batch_op.f("ix_case_file_phone"))
        batch_op.drop_index(batch_op.f("ix_case_file_owner_id"))
        batch_op.drop_index("ix_case_file_open_urgency")
        batch_op.drop_index(batch_op.f("ix_case_file_id_number"))
        batch_op.drop_index(batch_op.f("ix_case_file_accepted_day"))
        batch_op.drop_index(batch_op.f("ix_case_file_accepted_at"))

    op.drop_table("case_file")
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notice_phone"))
        batch_op.drop_index(batch_op.f("ix_notice_issued_by"))
        batch_op.drop_index(batch_op.f("ix_notice_issued_at"))
        batch_op.drop_index(batch_op.f("ix_notice_id_number"))

    op.drop_table("notice")
    with op.batch_alter_table("item_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_step_version_id"))

    op.drop_table("item_step")
    with op.batch_alter_table("item_material", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_material_version_id"))

    op.drop_table("item_material")
    with op.batch_alter_table("service_item_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_item_version_item_id"))

    op.drop_table("service_item_version")
    op.drop_table("calendar_year")
    op.drop_table("calendar_day")
    op.drop_table("number_counter")
    op.drop_table("service_item")
    op.drop_table("search_token")

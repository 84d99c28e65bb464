"""A past day's log reads as little as today's: the audit trail found by time, and each case's
closing time with the class of how long it was open, so the cases open at the end of any day
are a few bounded index ranges (db.reports_repo) instead of every case closed since; and a
clerk's open cases by owner and state, so the work list does not read every case they ever had.

Revision ID: 0019
Revises: 0016
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As app.cases.transitions.OPEN_CLASSES and CLOSED_STATES' closing actions, spelled out so this
# script never changes.
OPEN_CLASSES = 20
CLOSING = ("decide", "withdraw", "terminate")


def utc_datetime() -> sa.types.TypeEngine:
    # Same storage as db.types.UTCDateTime, spelled out so this script never changes.
    return sa.DateTime(timezone=True).with_variant(sa.String(32), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_at", utc_datetime(), nullable=True))
        batch_op.add_column(sa.Column("open_class", sa.Integer(), nullable=True))
    _backfill()
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.create_index("ix_case_file_open_class", ["open_class", "closed_at"], unique=False)
        batch_op.create_index("ix_case_file_owner_state", ["owner_id", "state"], unique=False)


def _backfill() -> None:
    """Closed cases get the time of their closing event and their class, in two statements."""
    closing = ", ".join(f"'{a}'" for a in CLOSING)
    op.execute(
        "UPDATE case_file SET closed_at = (SELECT min(e.at) FROM case_event e "
        f"WHERE e.case_id = case_file.id AND e.action IN ({closing})) "
        "WHERE state IN ('decided', 'delivered', 'withdrawn', 'terminated')"
    )
    if op.get_bind().dialect.name == "postgresql":
        days = "(extract(epoch FROM closed_at - accepted_at) / 86400.0)"
    else:  # ISO text in UTC there
        days = "(julianday(closed_at) - julianday(accepted_at))"
    # The smallest k with days < 2**k, as the program's open_class computes it, with a second
    # to spare (SQLite reads times to the millisecond): a class one too high only widens its
    # range, one too low would lose a case. The last class has no bound.
    steps = " ".join(f"WHEN {days} + 1.0 / 86400 < {2**k} THEN {k}" for k in range(OPEN_CLASSES))
    op.execute(
        f"UPDATE case_file SET open_class = CASE {steps} ELSE {OPEN_CLASSES} END "
        "WHERE closed_at IS NOT NULL"
    )


def downgrade() -> None:
    # Plain ALTERs (SQLite drops a column itself since 3.35): a batch copy of case_file would
    # trip over the rows that refer to it.
    op.drop_index("ix_case_file_owner_state", table_name="case_file")
    op.drop_index("ix_case_file_open_class", table_name="case_file")
    op.drop_column("case_file", "open_class")
    op.drop_column("case_file", "closed_at")
    op.drop_index(op.f("ix_audit_event_at"), table_name="audit_event")

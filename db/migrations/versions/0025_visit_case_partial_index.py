"""Index ``visit.case_id`` only where a visit became a case.

Most visits are inquiries that never become a case, so nearly every row had ``case_id`` NULL.
Without statistics SQLite probes the index for each case the reports ask about (is this case
a walk-in?); but once anything runs ``ANALYZE`` on the file (a maintenance script, a DB tool),
the statistics say one value (NULL) covers every row, the planner gives up the index and reads
every visit for every case: a month's statistics on a one-year hall went from 1.6 s to more
than ten minutes. A partial index holds only the visits that became cases, so its statistics
are right, it is smaller, and ``case_id = ?`` still uses it on both engines.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WHERE = sa.text("case_id IS NOT NULL")


def upgrade() -> None:
    op.drop_index("ix_visit_case_id", table_name="visit")
    op.create_index(
        "ix_visit_case_id",
        "visit",
        ["case_id"],
        unique=False,
        sqlite_where=_WHERE,
        postgresql_where=_WHERE,
    )


def downgrade() -> None:
    op.drop_index("ix_visit_case_id", table_name="visit")
    op.create_index("ix_visit_case_id", "visit", ["case_id"], unique=False)

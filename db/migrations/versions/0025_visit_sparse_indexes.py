"""Index the visit's sparse columns only where they hold a value.

Most visits are inquiries: they never become a case, and many give no ID number or phone, so
``case_id`` was NULL and the numbers' blind indexes "" in nearly every row. Without statistics
SQLite uses these indexes anyway; but once anything runs ``ANALYZE`` on the file (a maintenance
script, a DB tool), the statistics say one value covers every row and the planner gives them
up: the walk-ins count read every visit for every case (a month's statistics on a one-year hall
went from 1.6 s to more than ten minutes) and a search by ID number walked all visits in time
order (2.9 -> 21.5 ms on one year, ten times that on ten). Partial indexes hold only the rows
with a value, so their statistics are right and they are smaller; ``case_id = ?`` implies the
condition, and the number searches state theirs (``<> ''``), so both engines use them.

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

_SPARSE = (
    ("ix_visit_case_id", "case_id", "case_id IS NOT NULL"),
    ("ix_visit_id_number_bidx", "id_number_bidx", "id_number_bidx <> ''"),
    ("ix_visit_phone_bidx", "phone_bidx", "phone_bidx <> ''"),
)


def upgrade() -> None:
    for name, column, where in _SPARSE:
        op.drop_index(name, table_name="visit")
        condition = sa.text(where)
        op.create_index(
            name,
            "visit",
            [column],
            unique=False,
            sqlite_where=condition,
            postgresql_where=condition,
        )


def downgrade() -> None:
    for name, column, _where in _SPARSE:
        op.drop_index(name, table_name="visit")
        op.create_index(name, "visit", [column], unique=False)

"""Drop the single-column index on ``case_file.owner_site_id`` (0022).

Nearly every case of a hall belongs to the hall itself, so the index selects nothing; but SQLite
keeps no statistics here (the program never runs ANALYZE), so it took an equality on an indexed
column for a narrow one and read the morning warning scan's three queries (``state IN (...) AND
owner_site_id = ?``) through this index: every case of ten years, about 5 seconds each on the
ten-year hall (bench/RESULTS.md, "Counter actions (ten-year)"), where the state index reads the
few thousand open cases. The only queries that filter by the owner site also filter by state.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_case_file_owner_site_id", table_name="case_file")


def downgrade() -> None:
    op.create_index("ix_case_file_owner_site_id", "case_file", ["owner_site_id"], unique=False)

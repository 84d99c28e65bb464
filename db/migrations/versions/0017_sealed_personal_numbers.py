"""Personal numbers sealed at rest: citizens' resident ID numbers and phone numbers are
encrypted in place (AES-256-GCM, db.sealed), and the searched ones get a keyed blind index.

The data key is made here once per database (in the PC's key store under ``data:<key id>``;
setting ``data_key_id`` names it). Rows are encrypted in batches by primary key, so a hall's
ten years (about 500,000 cases) stream through in constant memory on SQLite and PostgreSQL
alike. The old plaintext indexes on these columns are dropped. On SQLite ``secure_delete`` is
on while this runs (freed space is zeroed), and db.migrate rebuilds the file with VACUUM once
the upgrade is committed, so no plaintext is left in free pages. On PostgreSQL old row versions
stay in the data files until the server's VACUUM reuses them (docs/SECURITY.md); a pg_dump
backup holds only the sealed values.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000
APPLICANT = ["id_number", "phone", "agent_id_number", "agent_phone"]
# table -> sealed columns; the blind-indexed ones are listed in SEARCHED
SEALED: dict[str, list[str]] = {
    "case_file": APPLICANT,
    "notice": APPLICANT,
    "refusal": APPLICANT,
    "visit": ["id_number", "phone"],
    "referral": ["to_phone"],
    "appointment": ["phone"],
    "complaint": ["complainant_phone"],
}
SEARCHED: dict[str, list[str]] = {
    "case_file": ["id_number", "phone"],
    "notice": ["id_number", "phone"],
    "refusal": ["id_number", "phone"],
    "visit": ["id_number", "phone"],
    "appointment": ["phone"],
}
# Free text about a citizen (db.sealed.MaskedText): a full ID or mobile number typed into it is
# masked, here for the rows already there.
MASKED: dict[str, list[str]] = {
    "visit": ["question", "outcome_text"],
    "referral": ["to_contact", "reason", "ack_note"],
    "visit_event": ["reason"],
    "staff_absence": ["note"],
    "case_file": ["applicant_commitment", "decision_note"],
    "case_event": ["reason"],
    "extra_demand": ["reason"],
    "refusal": ["reason", "redirect_to"],
    "accountability_record": ["note", "outcome"],
    "appointment": ["notes"],
    "appointment_event": ["reason"],
    "rating": ["comment"],
    "rectification": ["note", "followup_result"],
    "rating_appeal": ["reason", "decision_note"],
    "complaint": ["content", "finding", "outcome"],
    "complaint_note": ["text"],
    "agency_case": ["scope"],
    "agency_step": ["action", "result"],
    "agency_contact": ["summary"],
}
PRIMARY_KEY = {"agency_case": "case_id"}  # every other table's is "id"
OLD_INDEXES = {
    "case_file": ["ix_case_file_id_number", "ix_case_file_phone"],
    "notice": ["ix_notice_id_number", "ix_notice_phone"],
    "refusal": ["ix_refusal_id_number", "ix_refusal_phone"],
    "visit": ["ix_visit_id_number", "ix_visit_phone"],
    "appointment": ["ix_appointment_phone"],
}


def _data_key_id(conn: sa.Connection) -> str:
    from db import sealed

    key_id = sealed.key_id_of(conn)
    if key_id is None:
        key_id = sealed.new_data_key()
        conn.execute(
            sa.text("INSERT INTO setting (key, value) VALUES (:k, :v)"),
            {"k": sealed.SETTING, "v": key_id},
        )
    else:
        sealed.key(key_id)  # a re-run on a PC without the key stops here, before any change
    return key_id


def upgrade() -> None:
    from db import sealed

    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
    key_id = _data_key_id(conn)
    present = {
        table: {ix["name"] for ix in sa.inspect(conn).get_indexes(table)} for table in SEALED
    }
    for table, columns in SEALED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in OLD_INDEXES.get(table, []):
                if name in present[table]:
                    batch_op.drop_index(name)
            for column in columns:  # a sealed value is longer than VARCHAR(40)
                batch_op.alter_column(column, existing_type=sa.String(40), type_=sa.Text())
            for column in SEARCHED.get(table, []):
                batch_op.add_column(
                    sa.Column(
                        f"{column}_bidx",
                        sa.String(length=sealed.BIDX_HEX),
                        nullable=False,
                        server_default="",
                    )
                )
    with sealed.using(key_id):
        for table, columns in SEALED.items():
            _seal_rows(conn, table, columns, SEARCHED.get(table, []))
    for table, columns in MASKED.items():
        _mask_rows(conn, table, columns)
    for table, columns in SEARCHED.items():
        for column in columns:
            op.create_index(f"ix_{table}_{column}_bidx", table, [f"{column}_bidx"], unique=False)


def _mask_rows(conn: sa.Connection, table: str, columns: list[str]) -> None:
    """Mask the numbers in ``table``'s free text; only rows with a run of 11 digits are read."""
    from app.validation import mask_personal_numbers

    key = PRIMARY_KEY.get(table, "id")
    t = sa.table(table, sa.column(key), *(sa.column(c) for c in columns))
    if conn.dialect.name == "sqlite":
        digits = "*" + "[0-9]" * 11 + "*"
        holds = sa.or_(*(t.c[c].op("GLOB")(digits) for c in columns))
    else:
        holds = sa.or_(*(t.c[c].op("~")("[0-9]{11}") for c in columns))
    change = (
        sa.update(t)
        .where(t.c[key] == sa.bindparam("row_id"))
        .values({c: sa.bindparam(f"new_{c}") for c in columns})
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(t.c[key], *(t.c[c] for c in columns))
            .where(t.c[key] > last, holds)
            .order_by(t.c[key])
            .limit(BATCH)
        ).all()
        if not rows:
            return
        last = rows[-1][0]
        params = [
            {
                "row_id": row[0],
                **{
                    f"new_{c}": mask_personal_numbers(v) if v else v
                    for c, v in zip(columns, row[1:], strict=True)
                },
            }
            for row in rows
        ]
        conn.execute(change, params)


def _seal_rows(conn: sa.Connection, table: str, columns: list[str], searched: list[str]) -> None:
    """Every row of ``table``, BATCH at a time by primary key: seal, and index the searched."""
    from db import sealed

    bidx = [f"{c}_bidx" for c in searched]
    t = sa.table(table, sa.column("id"), *(sa.column(c) for c in columns + bidx))
    change = (
        sa.update(t)
        .where(t.c.id == sa.bindparam("row_id"))
        .values({c: sa.bindparam(f"new_{c}") for c in columns + bidx})
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(t.c.id, *(t.c[c] for c in columns))
            .where(t.c.id > last)
            .order_by(t.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        last = rows[-1][0]
        params: list[dict[str, Any]] = []
        for row in rows:
            values = dict(zip(columns, row[1:], strict=True))
            if all(not v or sealed.is_sealed(v) for v in values.values()):
                continue  # nothing in clear (empty, or sealed by an earlier run)
            entry: dict[str, Any] = {"row_id": row[0]}
            for c, v in values.items():
                plain = sealed.unseal(v, c) if sealed.is_sealed(v) else (v or "")
                entry[f"new_{c}"] = sealed.seal(plain, c) if plain else (v or "")
                if c in searched:
                    entry[f"new_{c}_bidx"] = sealed.blind_index(sealed.kind_of(c), plain)
            params.append(entry)
        if params:
            conn.execute(change, params)


def downgrade() -> None:
    # Opens every sealed value again (the key must be in this PC's key store).
    from db import sealed

    conn = op.get_bind()
    for table, columns in SEALED.items():
        t = sa.table(table, sa.column("id"), *(sa.column(c) for c in columns))
        change = (
            sa.update(t)
            .where(t.c.id == sa.bindparam("row_id"))
            .values({c: sa.bindparam(f"new_{c}") for c in columns})
        )
        last = 0
        while True:
            rows = conn.execute(
                sa.select(t.c.id, *(t.c[c] for c in columns))
                .where(t.c.id > last)
                .order_by(t.c.id)
                .limit(BATCH)
            ).all()
            if not rows:
                break
            last = rows[-1][0]
            conn.execute(
                change,
                [
                    {
                        "row_id": row[0],
                        **{
                            f"new_{c}": sealed.unseal(v, c) if v else (v or "")
                            for c, v in zip(columns, row[1:], strict=True)
                        },
                    }
                    for row in rows
                ],
            )
    for table, columns in SEARCHED.items():
        for column in columns:
            op.drop_index(f"ix_{table}_{column}_bidx", table_name=table)
    for table, columns in SEALED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in SEARCHED.get(table, []):
                batch_op.drop_column(f"{column}_bidx")
            for column in columns:
                batch_op.alter_column(column, existing_type=sa.Text(), type_=sa.String(40))
    for table, names in OLD_INDEXES.items():
        for name in names:
            column = name[len(f"ix_{table}_") :]
            op.create_index(name, table, [column], unique=False)
    # The setting ``data_key_id`` stays: upgrading again seals with the same key.

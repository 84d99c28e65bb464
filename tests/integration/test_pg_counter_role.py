"""Issue 15 item 6: on PostgreSQL the counters' role reads and writes records but cannot run
DDL or rewrite the audit trail. A unique schema and role per run, dropped afterwards."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

from app.clock import SystemClock
from app.setup import initialize
from db.migrate import ensure_schema
from db.pg_roles import create_counter_role, drop_counter_role
from db.store import SqlStore
from tests.helpers.stores import PG_URL

pytestmark = pytest.mark.postgres


def test_the_counter_role_cannot_alter_the_audit_table_or_run_ddl(
    pg_schema_url: tuple[str, dict[str, object]],
) -> None:
    url, kwargs = pg_schema_url
    schema = str(kwargs["connect_args"]["options"]).split("=")[1]  # type: ignore[index]
    owner = create_engine(url, **kwargs)  # type: ignore[arg-type]
    ensure_schema(owner, None)
    initialize(SqlStore(owner, SystemClock()).unit_of_work(), "admin-2026")
    role = f"counter_{uuid.uuid4().hex[:12]}"
    create_counter_role(owner, role, None, schema)
    counter = create_engine(
        PG_URL.replace("postgres@", f"{role}@"),
        connect_args={"options": f"-csearch_path={schema}"},
    )
    try:
        with counter.begin() as conn:  # what a counter does: read, add an event, move things
            assert conn.execute(text("SELECT count(*) FROM audit_event")).scalar()
            conn.execute(text("UPDATE staff SET failed_attempts = 0"))
        refused = (
            "ALTER TABLE audit_event ADD COLUMN x int",
            "ALTER TABLE audit_event DISABLE TRIGGER ALL",
            "DROP TABLE audit_event",
            "CREATE TABLE sneaky (x int)",
            "UPDATE audit_event SET summary = '{}'",
            "DELETE FROM audit_event",
            "TRUNCATE audit_event",
            "UPDATE alembic_version SET version_num = '0001'",
            "ALTER TABLE staff ADD COLUMN x int",
        )
        for statement in refused:
            with (
                pytest.raises(ProgrammingError, match=r"permission denied|must be owner"),
                counter.begin() as conn,
            ):
                conn.execute(text(statement))
        with owner.connect() as conn:  # nothing changed behind the refusals
            assert conn.execute(text("SELECT count(*) FROM audit_event")).scalar()
    finally:
        counter.dispose()
        drop_counter_role(owner, role)
        owner.dispose()

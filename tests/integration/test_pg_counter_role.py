"""Issue 15 item 6: on PostgreSQL the counters' group role, and each PC's login role in it, read
and write records but cannot run DDL or rewrite the audit trail; a revoked PC cannot log in.
A unique schema, group and role per run, dropped afterwards (roles are cluster-wide: this test
never uses the hall's own group name, so other tests' migrations never grant to it)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.clock import SystemClock
from app.setup import initialize
from db import pg_roles
from db.migrate import ensure_schema
from db.pg_roles import create_counter_role, drop_counter_role
from db.store import SqlStore
from tests.helpers.stores import PG_URL

pytestmark = pytest.mark.postgres

REFUSED = (
    "ALTER TABLE audit_event ADD COLUMN x int",
    "ALTER TABLE audit_event DISABLE TRIGGER ALL",
    "DROP TABLE audit_event",
    "CREATE TABLE sneaky (x int)",
    "UPDATE audit_event SET summary = '{}'",
    "DELETE FROM audit_event",
    "TRUNCATE audit_event",
    "UPDATE alembic_version SET version_num = '0001'",
    "ALTER TABLE staff ADD COLUMN x int",
    "CREATE INDEX sneaky_ix ON staff (login)",
)


def test_the_counter_roles_cannot_alter_the_audit_table_or_run_ddl(
    pg_schema_url: tuple[str, dict[str, object]],
) -> None:
    url, kwargs = pg_schema_url
    schema = str(kwargs["connect_args"]["options"]).split("=")[1]  # type: ignore[index]
    owner = create_engine(url, **kwargs)  # type: ignore[arg-type]
    ensure_schema(owner, None)
    initialize(SqlStore(owner, SystemClock()).unit_of_work(), "admin-2026")
    tag = uuid.uuid4().hex[:12]
    group, role = f"t{tag}_counters", f"t{tag}_pc_window1"
    create_counter_role(owner, role, None, group)
    counter = create_engine(
        PG_URL.replace("postgres@", f"{role}@"),
        connect_args={"options": f"-csearch_path={schema}"},
    )
    try:
        with owner.connect() as conn:  # the grants are the group's, the PC only inherits them
            assert conn.execute(
                text("SELECT count(*) FROM information_schema.role_table_grants "
                     "WHERE grantee = :r"), {"r": role}
            ).scalar() == 0  # fmt: skip
            assert not conn.execute(
                text("SELECT has_schema_privilege(:g, :s, 'CREATE')"), {"g": group, "s": schema}
            ).scalar()
        with counter.begin() as conn:  # what a counter does: read, add an event, move things
            assert conn.execute(text("SELECT count(*) FROM audit_event")).scalar()
            conn.execute(text("UPDATE staff SET failed_attempts = 0"))
        for as_group in (False, True):  # the PC's own role, and the group role itself
            for statement in REFUSED:
                with (
                    pytest.raises(ProgrammingError, match=r"permission denied|must be owner"),
                    counter.begin() as conn,
                ):
                    if as_group:
                        conn.execute(text(f'SET ROLE "{group}"'))
                    conn.execute(text(statement))
        with owner.connect() as conn:  # nothing changed behind the refusals
            assert conn.execute(text("SELECT count(*) FROM audit_event")).scalar()
        counter.dispose()
        with owner.begin() as conn:  # revoked: this PC's role can no longer log in
            pg_roles.revoke(conn, role)
        with pytest.raises(OperationalError, match="not permitted to log in"):
            counter.connect()
    finally:
        counter.dispose()
        drop_counter_role(owner, role)
        drop_counter_role(owner, group)
        owner.dispose()

"""PostgreSQL least privilege: the counters' role (issue 15).

Migrations and ``init`` run as the schema's owner, by an administrator. Counter PCs connect as
a separate login role made here, which can read and write the records but cannot change the
schema (no DDL: it owns nothing and has no CREATE on the schema) and cannot rewrite the
append-only tables (no UPDATE, DELETE or TRUNCATE on the audit trail). Each PC can get its own
role, which an administrator revokes with ``drop_counter_role``.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine

# Tables a counter may only add to. The audit chain's head (audit_head) moves with every event,
# so it keeps UPDATE; the events themselves never change.
APPEND_ONLY = ("audit_event", "sync_audit_event")
READ_ONLY = ("alembic_version",)
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def _ident(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a plain PostgreSQL name: {name!r}")
    return f'"{name}"'


def create_counter_role(
    engine: Engine, role: str, password: str | None, schema: str = "public"
) -> None:
    """Create login role ``role`` with only what a counter needs on ``schema``'s tables, as
    they are now (run it again after a migration adds tables). ``engine`` connects as the
    schema's owner."""
    r, s = _ident(role), _ident(schema)
    with engine.begin() as conn:
        if password is None:
            conn.exec_driver_sql(f"CREATE ROLE {r} LOGIN NOINHERIT")
        else:
            quoted = password.replace("'", "''")
            conn.exec_driver_sql(f"CREATE ROLE {r} LOGIN NOINHERIT PASSWORD '{quoted}'")
        conn.exec_driver_sql(f"REVOKE ALL ON SCHEMA {s} FROM {r}")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {s} TO {r}")  # no CREATE: no DDL
        tables = conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = %(schema)s",
            {"schema": schema},
        ).scalars()
        for table in tables:
            t = f"{s}.{_ident(table)}"
            if table in READ_ONLY:
                rights = "SELECT"
            elif table in APPEND_ONLY:
                rights = "SELECT, INSERT"
            else:
                rights = "SELECT, INSERT, UPDATE, DELETE"
            conn.exec_driver_sql(f"GRANT {rights} ON {t} TO {r}")
        conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}")


def drop_counter_role(engine: Engine, role: str) -> None:
    """Revoke a counter PC's access: its grants go, then the role."""
    r = _ident(role)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP OWNED BY {r}")
        conn.exec_driver_sql(f"DROP ROLE {r}")

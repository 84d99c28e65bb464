"""PostgreSQL least privilege: the counters' group role and one login role per PC (issue 15).

Migrations and ``init`` run as the schema's owner, by an administrator. Counter PCs connect as
their own login role, a member of the hall's counter group role. The group cannot log in; it
holds the grants: the records can be read and written, the schema cannot be changed (the group
owns nothing and has no CREATE on the schema) and the append-only tables cannot be rewritten
(no UPDATE, DELETE or TRUNCATE on the audit trail). A migration's new tables therefore need one
re-grant to the group (``grant_to_group``, run by ``db.migrate.upgrade``), not one per PC.

Role names are cluster-wide while a hall is one database, so the group is named after the
database (``<database>_counters``) and each PC's role after the group
(``<database>_pc_<name>``): two halls, or a hall and its training copy, on one server never share
a PC role.

Revoking a PC makes its role unable to log in (NOLOGIN: the server then answers the PC "not
permitted to log in", which the program turns into "ask the administrator"); its open sessions
are ended once that is committed (``end_sessions``). The role stays, so ``pc list`` still shows
it and the audit trail's enrolment and revocation events keep naming it; no command logs it in
again (a PC enrolled anew gets a new name).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine

# Tables a counter may only add to. The audit chain's head (audit_head) moves with every event,
# so it keeps UPDATE; the events themselves never change.
APPEND_ONLY = ("audit_event", "sync_audit_event")
READ_ONLY = ("alembic_version",)
GROUP_SUFFIX = "_counters"
PC_INFIX = "_pc_"
MAX_IDENT = 63  # PostgreSQL truncates longer names
PC_NAME_MAX = 30  # app.counter_pcs.PC_NAME
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def _ident(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a plain PostgreSQL name: {name!r}")
    return f'"{name}"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class PcRole:
    """One enrolled PC as the server knows it."""

    name: str
    role: str
    can_login: bool
    sessions: int


def group_role(conn: Connection) -> str:
    """The hall's counter group: named after the database, folded to a plain name."""
    database = str(conn.exec_driver_sql("SELECT current_database()").scalar())
    return _group_for(database)


def _group_for(database: str) -> str:
    plain = re.sub(r"[^a-z0-9_]", "_", database.lower())
    if not plain or plain[0].isdigit():
        plain = f"hall_{plain}"
    return plain[: MAX_IDENT - len(PC_INFIX) - PC_NAME_MAX] + GROUP_SUFFIX  # room for PC names


def pc_role(group: str, name: str) -> str:
    role = group[: -len(GROUP_SUFFIX)] + PC_INFIX + name
    if len(role) > MAX_IDENT:
        raise ValueError(f"PC name too long for this database's role names: {name!r}")
    return role


def role_exists(conn: Connection, role: str) -> bool:
    found = conn.exec_driver_sql(
        "SELECT 1 FROM pg_roles WHERE rolname = %(role)s", {"role": role}
    ).first()
    return found is not None


def grant_to(conn: Connection, role: str) -> int:
    """Give ``role`` what a counter needs on the current schema's tables, as they are now;
    returns how many tables. ``conn`` is the schema's owner."""
    r = _ident(role)
    schema = str(conn.exec_driver_sql("SELECT current_schema()").scalar())
    s = _ident(schema)
    conn.exec_driver_sql(f"REVOKE ALL ON SCHEMA {s} FROM {r}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {s} TO {r}")  # no CREATE: no DDL
    # PostgreSQL before 15 lets everyone create in schema public: not on a hall's schema.
    conn.exec_driver_sql(f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC")
    tables = list(
        conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = %(schema)s",
            {"schema": schema},
        ).scalars()
    )
    for table in tables:
        t = f"{s}.{_ident(table)}"
        if table in READ_ONLY:
            rights = "SELECT"
        elif table in APPEND_ONLY:
            rights = "SELECT, INSERT"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        conn.exec_driver_sql(f"REVOKE ALL ON {t} FROM {r}")
        conn.exec_driver_sql(f"GRANT {rights} ON {t} TO {r}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}")
    return len(tables)


def ensure_group(conn: Connection, group: str) -> None:
    """The counter group role (NOLOGIN), made on first enrolment, with its grants."""
    if not role_exists(conn, group):
        conn.exec_driver_sql(f"CREATE ROLE {_ident(group)} NOLOGIN")
    grant_to(conn, group)


def grant_to_group(conn: Connection) -> int | None:
    """Re-apply the grants after a migration; None when this hall has no counter group yet
    (nothing to do) or the connection is not PostgreSQL."""
    if conn.dialect.name != "postgresql":
        return None
    group = group_role(conn)
    if not role_exists(conn, group):
        return None
    return grant_to(conn, group)


SCRAM_ITERATIONS = 4096  # PostgreSQL's own default for scram-sha-256


def scram_verifier(password: str, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password`` (RFC 5802/7677, the form
    ``pg_authid`` keeps), computed here so the clear password never reaches the server, its
    statement log or an error report. PostgreSQL takes a verifier in ``PASSWORD '...'`` as is."""
    salt = os.urandom(16) if salt is None else salt
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, SCRAM_ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def enroll(conn: Connection, group: str, name: str, password: str) -> str:
    """A login role for PC ``name``, member of ``group``; returns the role's name."""
    role = pc_role(group, name)
    ensure_group(conn, group)
    conn.exec_driver_sql(
        f"CREATE ROLE {_ident(role)} LOGIN INHERIT PASSWORD {_literal(scram_verifier(password))} "
        f"IN ROLE {_ident(group)}"
    )
    return role


def list_pcs(conn: Connection, group: str) -> list[PcRole]:
    prefix = group[: -len(GROUP_SUFFIX)] + PC_INFIX
    rows = conn.exec_driver_sql(
        "SELECT r.rolname, r.rolcanlogin, "
        "(SELECT count(*) FROM pg_stat_activity a WHERE a.usename = r.rolname) "
        "FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid "
        "JOIN pg_roles g ON g.oid = m.roleid "
        "WHERE g.rolname = %(group)s ORDER BY r.rolname",
        {"group": group},
    ).all()
    return [
        PcRole(
            name=role[len(prefix) :] if role.startswith(prefix) else role,
            role=role,
            can_login=bool(can_login),
            sessions=int(sessions),
        )
        for role, can_login, sessions in rows
    ]


def revoke(conn: Connection, role: str) -> None:
    """The role can no longer log in."""
    conn.exec_driver_sql(f"ALTER ROLE {_ident(role)} NOLOGIN")
    # Ending a role's sessions needs the rights of that role (or superuser): an owner with
    # CREATEROLE grants itself membership of the PC role for that.
    superuser = conn.exec_driver_sql(
        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
    ).scalar()
    member = conn.exec_driver_sql(
        "SELECT pg_has_role(current_user, %(role)s, 'USAGE')", {"role": role}
    ).scalar()
    if not superuser and not member:
        conn.exec_driver_sql(f"GRANT {_ident(role)} TO CURRENT_USER")


def end_sessions(conn: Connection, role: str) -> int:
    """End the open sessions of ``role`` (after its revocation was committed: a session
    ended before would log in again); returns how many."""
    ended = conn.exec_driver_sql(
        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE usename = %(role)s AND pid <> pg_backend_pid()",
        {"role": role},
    ).scalar()
    return int(ended or 0)


def create_counter_role(
    engine: Engine, role: str, password: str | None, group: str | None = None
) -> None:
    """A counter login role as a member of ``group`` (made and granted here when missing), or,
    without a group, with the grants on the role itself. ``engine`` connects as the schema's
    owner, with the hall's schema first on its search path."""
    with engine.begin() as conn:
        login = "LOGIN INHERIT"
        if password is not None:
            login += f" PASSWORD {_literal(scram_verifier(password))}"
        if group is None:
            conn.exec_driver_sql(f"CREATE ROLE {_ident(role)} {login}")
            grant_to(conn, role)
        else:
            ensure_group(conn, group)
            conn.exec_driver_sql(f"CREATE ROLE {_ident(role)} {login} IN ROLE {_ident(group)}")


def drop_counter_role(engine: Engine, role: str) -> None:
    """Remove a role and its grants (tests clean up with it; revoke a PC with ``revoke``)."""
    r = _ident(role)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP OWNED BY {r}")
        conn.exec_driver_sql(f"DROP ROLE {r}")

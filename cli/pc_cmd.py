"""Counter PCs of a hall server (``pc``): enrol, list, revoke, re-grant. PostgreSQL only."""

from __future__ import annotations

import argparse
import ipaddress
import re
from pathlib import Path
from typing import Any

from app.errors import DomainError
from cli.common import Handler, key_file_password, login_as, say, write_text_file

HALL_SERVER_ONLY = "frontdesk pc applies to a hall server (PostgreSQL) only, not to a SQLite file"


def add_commands(sub: Any) -> dict[str, Handler]:
    pc = sub.add_parser(
        "pc", help="counter PCs of a hall server: their own database logins (admin)"
    ).add_subparsers(dest="pc_command")
    add = pc.add_parser("add", help="enrol a PC: its own login, and the line for its settings")
    add.add_argument("name", help="the PC's name: lower-case letters, digits, _ (e.g. window3)")
    add.add_argument(
        "--host",
        help="the server's name as the PC reaches it, as in the server certificate "
        "(default: the host of this command's connection)",
    )
    add.add_argument(
        "--ca-file",
        help="where the hall CA certificate is on that PC (default: this connection's "
        "sslrootcert)",
    )
    add.add_argument(
        "--keys-out",
        type=Path,
        help="also write the hall's keys (signing, audit, personal data) for that PC, protected "
        "by a password (FRONTDESK_KEYS_PASSWORD or asked); on the PC: frontdesk keys import FILE",
    )
    listed = pc.add_parser("list", help="enrolled PCs, whether they can connect, open sessions")
    revoke = pc.add_parser("revoke", help="the PC can no longer connect; its sessions are ended")
    revoke.add_argument("name")
    grant = pc.add_parser("grant", help="re-apply the counters' grants (after a migration)")
    for p in (add, listed, revoke, grant):
        p.add_argument("--as", dest="as_login", default="admin", help="administrator login")
    return {"pc": _pc}


def _pc(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from app import counter_pcs
    from app.config import resolve_data_dir, resolve_db_url
    from cli import wiring
    from db.engine import is_sqlite

    if args.pc_command is None:
        raise DomainError("choose: add, list, revoke, grant")
    url = resolve_db_url(args.db, resolve_data_dir(args.data_dir))
    if is_sqlite(url):
        raise DomainError(HALL_SERVER_ONLY)
    name = getattr(args, "name", None)
    if name is not None:
        counter_pcs.validate_pc_name(name)  # before asking for a password
    line_for = _connection_line(url, args.host, args.ca_file) if args.pc_command == "add" else None
    ctx = wiring.open_context(args.data_dir, args.db, say, migrate=False)
    actor = login_as(ctx, args, "admin")
    if args.pc_command == "add":
        assert line_for is not None
        keys_out: Path | None = args.keys_out
        if keys_out is not None:
            # The PC cannot open a sealed ID or phone number, sign a receipt or extend the audit
            # chain without the hall's keys: they go with its enrolment, in a file protected by
            # a password, written before the role is made and removed if the enrolment fails.
            from app import keytransfer

            if not keys_out.parent.is_dir():
                raise DomainError(f"--keys-out: no folder {keys_out.parent}")
            password = key_file_password(confirm=True)
            write_text_file(keys_out, keytransfer.export_private_keys(ctx.uow(), actor, password))
        try:
            enrolment = counter_pcs.enroll_pc(ctx.uow(), actor, name)
        except BaseException:
            if keys_out is not None:
                keys_out.unlink(missing_ok=True)
            raise
        print(f"enrolled PC {enrolment.name} as database role {enrolment.role}")
        print("put this line in that PC's settings (shown once; it holds the PC's password):")
        print(f"FRONTDESK_DB={line_for(enrolment.role, enrolment.password)}")
        if keys_out is not None:
            print(
                f"the hall's keys written to {keys_out} (protected by the password): on that PC "
                f"run frontdesk keys import {keys_out.name} before its first login"
            )
        else:
            print(
                "that PC also needs the hall's keys: give --keys-out FILE here (or frontdesk "
                "keys export) and run frontdesk keys import FILE on it"
            )
        if args.host is None and make_url(url).host in ("localhost", "127.0.0.1", "::1"):
            print(
                "note: the line names this PC's own server address; for another PC give --host "
                "with the server's name in its certificate"
            )
    elif args.pc_command == "list":
        pcs = counter_pcs.list_pcs(ctx.uow(), actor)
        for pc in pcs:
            state = "active" if pc.can_login else "revoked"
            print(f"{pc.name}\t{pc.role}\t{state}\t{pc.open_sessions} open sessions")
        if not pcs:
            print("no PCs enrolled (frontdesk pc add NAME)")
    elif args.pc_command == "revoke":
        done = counter_pcs.revoke_pc(ctx.uow(), actor, name)
        print(
            f"revoked PC {done.name}: role {done.role} can no longer log in; "
            f"{done.ended_sessions} open sessions ended"
        )
    else:
        tables = counter_pcs.grant_pcs(ctx.uow(), actor)
        print(f"counter grants applied to {tables} tables")
    return 0


# A server's DNS name as a certificate names it: ASCII labels (an IDN in its xn-- form).
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
HOST_NAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.?")


def server_host(typed: str) -> str:
    """``--host`` as the PC's line will carry it: a DNS name or an IP address (IPv6 with or
    without brackets); anything else is refused in one line (it would break the line)."""
    bare = typed.strip()
    if bare.startswith("[") and bare.endswith("]"):
        bare = bare[1:-1]
    try:
        return str(ipaddress.ip_address(bare))
    except ValueError:
        pass
    if len(bare) > 253 or not HOST_NAME.fullmatch(bare):
        raise DomainError(
            f"--host {typed!r} is not a server name or IP address (letters, digits, - and ., "
            "as in the server certificate; no port, no spaces)"
        )
    return bare


def ca_path(typed: str) -> str:
    """``--ca-file``: a path on the PC, printable, on one line."""
    if not typed.strip() or not typed.isprintable():
        raise DomainError(
            f"--ca-file {typed!r} is not a file path (empty, or holds a line break or another "
            "control character)"
        )
    return typed


def _connection_line(url: str, host: str | None, ca_file: str | None):  # type: ignore[no-untyped-def]
    """How an enrolled PC connects: this connection's server and database, the PC's own role,
    TLS with the server's name checked against the hall CA."""
    from sqlalchemy.engine import make_url

    here = make_url(url)
    query = dict(here.query)
    ca = ca_path(ca_file) if ca_file is not None else query.get("sslrootcert")
    if not ca or not isinstance(ca, str):
        raise DomainError(
            "say where the hall CA certificate will be on that PC: --ca-file PATH "
            "(a counter PC checks the server's certificate against it)"
        )
    server = server_host(host) if host is not None else here.host
    if not server:
        raise DomainError("say how that PC reaches the server: --host NAME")
    for own in ("sslcert", "sslkey", "sslpassword", "sslmode", "sslrootcert"):
        query.pop(own, None)  # the administrator's client certificate stays here
    query.update({"sslmode": "verify-full", "sslrootcert": ca})

    def line(role: str, password: str) -> str:
        pc = here.set(username=role, password=password, host=server, query=query)
        return pc.render_as_string(hide_password=False)

    return line

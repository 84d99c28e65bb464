"""Signing keys (``keys``): list, rotate, revoke, exchange public keys, move private keys."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import DomainError
from cli.common import (
    Handler,
    admin_password,
    key_file_password,
    read_text,
    say,
    write_text_file,
)


def add_commands(sub: Any) -> dict[str, Handler]:
    keys = sub.add_parser("keys", help="signing keys (admin)").add_subparsers(dest="keys_command")
    listed_keys = keys.add_parser("list", help="this database's public keys and their periods")
    rotate = keys.add_parser("rotate", help="end the current signing key's period; sign anew")
    revoke = keys.add_parser("revoke", help="mark one of this site's keys as not to be trusted")
    revoke.add_argument("fingerprint", help="as keys list shows it")
    export_public = keys.add_parser("export-public", help="this site's public keys, for others")
    export_public.add_argument("--out", required=True, type=Path)
    import_public = keys.add_parser("import-public", help="trust another site's public keys")
    import_public.add_argument("file", type=Path)
    export_private = keys.add_parser(
        "export", help="a password-protected copy of the private keys (for a new PC)"
    )
    export_private.add_argument("--out", required=True, type=Path)
    import_private = keys.add_parser("import", help="put an exported key copy into this PC")
    import_private.add_argument("file", type=Path)
    for p in (
        listed_keys,
        rotate,
        revoke,
        export_public,
        import_public,
        export_private,
        import_private,
    ):
        p.add_argument("--as", dest="as_login", default="admin", help="administrator login")
    return {
        "keys": _keys,
    }


def _keys(args: argparse.Namespace) -> int:
    from app import keystore, keytransfer, signing
    from cli import wiring

    if args.keys_command is None:
        raise DomainError(
            "choose: list, rotate, revoke, export-public, import-public, export, import"
        )
    source = args.file if args.keys_command in ("import-public", "import") else None
    text = read_text(source) if source is not None else ""
    if args.keys_command == "import" and wiring.no_database_yet(args.data_dir, args.db):
        # A new PC: the keys come before the backup they open (restore refuses without them).
        keystore.use_data_dir(wiring.resolve_data_dir(args.data_dir))
        count = keytransfer.import_without_database(text, key_file_password())
        print(f"{count} keys put into {keystore.active().describe()}; now restore the backup")
        return 0
    ctx = wiring.open_context(args.data_dir, args.db, say)
    command = args.keys_command
    if command == "import":
        # A new counter PC of a hall server: the hall's keys come before its first login (a
        # login is an audit event, which needs the audit key). The key file's password is the
        # credential for the keys; the administrator's login then records the import.
        count = keytransfer.import_without_database(text, key_file_password())
        actor = ctx.cli_actor(args.as_login, admin_password())
        keytransfer.record_import(ctx.uow(), actor, count)
        print(f"{count} keys put into {keystore.active().describe()}")
        return 0
    actor = ctx.cli_actor(args.as_login, admin_password())
    if command == "list":
        print(f"key store: {keystore.active().describe()}")
        for key in signing.list_site_keys(ctx.uow(), actor):
            until = f"{key.valid_to:%Y-%m-%d %H:%M}" if key.valid_to else "now"
            start = key.valid_from or key.created_at
            revoked = f", revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else ""
            origin = "own" if key.own else "imported"
            print(
                f"{key.site_code:<8} {origin:<8} {key.status:<8} {key.fingerprint}  "
                f"{start:%Y-%m-%d %H:%M} .. {until}{revoked}"
            )
    elif command == "rotate":
        key = signing.rotate_site_key(ctx.uow(), actor)
        print(f"new signing key {key.fingerprint}; the old public key is kept for verifying")
    elif command == "revoke":
        key = signing.revoke_site_key(ctx.uow(), actor, args.fingerprint)
        print(f"key {key.fingerprint} revoked at {key.revoked_at:%Y-%m-%d %H:%M}")
    elif command == "export-public":
        write_text_file(args.out, signing.export_public_key(ctx.uow(), actor), private=False)
        print(f"public keys written to {args.out}")
    elif command == "import-public":
        key = signing.import_public_key(ctx.uow(), actor, text)
        print(f"public keys of site {key.site_code} trusted (current {key.fingerprint})")
    elif command == "export":
        password = key_file_password(confirm=True)
        write_text_file(args.out, keytransfer.export_private_keys(ctx.uow(), actor, password))
        print(f"private keys written to {args.out} (protected by the password; keep it apart)")
    return 0

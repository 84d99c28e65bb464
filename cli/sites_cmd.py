"""The county's register of its sites (``site``): add a township and write its enrolment file,
list the sites, take in a township's public keys."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import DomainError
from cli.common import Handler, login_as, read_text, say


def add_commands(sub: Any) -> dict[str, Handler]:
    site = sub.add_parser("site", help="the county's sites (county administrator)")
    sites = site.add_subparsers(dest="site_command")
    add = sites.add_parser("add", help="register a township and write its enrolment file")
    add.add_argument("code", help="the site's code, also the prefix of its numbers (QHXZ)")
    add.add_argument("--name", required=True, help="the township center's name")
    add.add_argument("--kind", default="township", help="township (the county is this PC)")
    add.add_argument("--out", required=True, type=Path, help="the enrolment file to write")
    enrol = sites.add_parser("enrolment", help="write a registered township's enrolment again")
    enrol.add_argument("code")
    enrol.add_argument("--out", required=True, type=Path)
    listed = sites.add_parser("list", help="the county's sites and their keys")
    keys = sites.add_parser("keys-import", help="trust a township's public key file")
    keys.add_argument("file", type=Path)
    for p in (add, enrol, listed, keys):
        p.add_argument("--as", dest="as_login", default="admin", help="administrator login")
    return {"site": _site}


def _site(args: argparse.Namespace) -> int:
    from app import sites_register
    from cli import wiring

    command = args.site_command
    if command is None:
        raise DomainError("choose: add, enrolment, list, keys-import")
    text = read_text(args.file) if command == "keys-import" else ""
    out = getattr(args, "out", None)
    if out is not None and not out.parent.is_dir():
        raise DomainError(f"--out: no folder {out.parent}")
    ctx = wiring.open_context(args.data_dir, args.db, say)
    if command == "list":
        actor = login_as(ctx, args, "admin", "supervisor")
        for listing in sites_register.list_sites(ctx.uow(), actor):
            s = listing.site
            keys = listing.current_fingerprint or "no key yet (frontdesk site keys-import)"
            print(f"{s.code:<10} {s.kind.value:<8} {s.name}\t{s.enrolled_at:%Y-%m-%d}\t{keys}")
        return 0
    actor = login_as(ctx, args, "admin")
    if command == "keys-import":
        key = sites_register.import_site_keys(ctx.uow(), actor, text)
        print(f"public keys of site {key.site_code} trusted (current {key.fingerprint})")
        return 0
    if command == "add":
        site = sites_register.add_site(ctx.uow(), actor, args.code, args.name, args.kind)
        print(f"site {site.code} ({site.name}) registered in county {site.county_code}")
    written = sites_register.write_enrolment(ctx.uow(), actor, args.code, out)
    print(
        f"enrolment file written to {written.path}; the county's key fingerprint, to read "
        f"to the township by phone: {written.county_fingerprint}"
    )
    return 0

"""The catalog's versions and their publication (``catalog``)."""

from __future__ import annotations

import argparse
from typing import Any

from app.errors import DomainError
from cli.common import Handler, login_as, say


def add_commands(sub: Any) -> dict[str, Handler]:
    catalog = sub.add_parser(
        "catalog", help="the catalog's versions and their publication (公布)"
    ).add_subparsers(dest="catalog_command")
    drafts = catalog.add_parser("drafts", help="items in force whose version is not published")
    publish = catalog.add_parser(
        "publish", help="publish the version in force of these items (supervisor or admin)"
    )
    publish.add_argument("codes", nargs="+", help="item codes, e.g. MZ-001")
    for p in (drafts, publish):
        p.add_argument(
            "--as", dest="as_login", default="admin", help="supervisor or administrator login"
        )
    return {"catalog": _catalog}


def _catalog(args: argparse.Namespace) -> int:
    from app.catalog import publication
    from cli import wiring

    if args.catalog_command not in ("drafts", "publish"):
        raise DomainError("choose a catalog command: drafts, publish")
    ctx = wiring.open_context(args.data_dir, args.db, say)
    actor = login_as(ctx, args, "supervisor", "admin")
    if args.catalog_command == "drafts":
        for item in publication.unpublished_items(ctx.uow(), actor):
            print(f"{item.code}\tv{item.version_no}\t{item.name}")
        return 0
    for code in args.codes:
        version = publication.publish_item(ctx.uow(), actor, code)
        print(f"{version.code} v{version.version_no} published by {version.published_by_name}")
    return 0

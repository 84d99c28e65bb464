"""Bundles between the county and its townships (``sync``): export, import, status."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import DomainError
from cli.common import Handler, login_as, say


def add_commands(sub: Any) -> dict[str, Handler]:
    sync = sub.add_parser(
        "sync", help="bundles between the county and its townships (administrator, supervisor)"
    ).add_subparsers(dest="sync_command")
    export = sync.add_parser("export", help="write the next bundle (a township: to its county)")
    export.add_argument("--out", required=True, type=Path, help="the bundle file to write")
    export.add_argument("--to", dest="to_site", help="the addressee's site code (county: required)")
    imp = sync.add_parser("import", help="take a bundle in: all of it or, refused, nothing")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--preview", action="store_true", help="only say what it would add; change nothing"
    )
    status = sync.add_parser("status", help="per site: last bundle imported, outstanding, gaps")
    for p in (export, imp, status):
        p.add_argument("--as", dest="as_login", default="admin", help="administrator or supervisor")
    return {"sync": _sync}


def _sync(args: argparse.Namespace) -> int:
    from app.sync.service import export_bundle, import_bundle, preview_import, sync_status
    from cli import wiring

    if args.sync_command is None:
        raise DomainError("choose: export, import, status")
    ctx = wiring.open_context(args.data_dir, args.db, say)
    actor = login_as(ctx, args, "admin", "supervisor")
    if args.sync_command == "export":
        print(export_bundle(ctx.uow(), actor, args.out, args.to_site).describe())
    elif args.sync_command == "import":
        if not args.file.is_file():
            raise DomainError(f"找不到数据包文件 {args.file}")
        if args.preview:
            print(preview_import(ctx.uow(), actor, args.file).describe())
        else:
            print(import_bundle(ctx.uow(), actor, args.file).describe())
    else:
        rows = sync_status(ctx.uow(), actor)
        if not rows:
            print("no bundles exchanged yet")
        for row in rows:
            print(row.describe())
    return 0

"""The database file: integrity and the audit chain (``check``), ``backup`` and ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import DomainError
from cli.common import Handler, admin_password, login_as, say


def add_commands(sub: Any) -> dict[str, Handler]:
    restore = sub.add_parser("restore", help="put a backup in place of the current database")
    restore.add_argument("file", type=Path)
    restore.add_argument("--as", dest="as_login", default="admin", help="administrator login")
    restore.add_argument(
        "--force",
        action="store_true",
        help="emergency only: restore although the audit chain or the site does not verify",
    )

    check = sub.add_parser("check", help="database integrity and the audit chain")
    check.add_argument("--anchor", help="confirm a chain head printed on a daily log")

    backup = sub.add_parser("backup", help="a consistent copy while counters keep working")
    backup.add_argument("--out", required=True, type=Path)
    backup.add_argument(
        "--as", dest="as_login", default="admin", help="supervisor or administrator login"
    )
    return {
        "check": _check,
        "restore": _restore,
        "backup": _backup,
    }


def _check(args: argparse.Namespace) -> int:
    from app import anchors, audit, reconcile
    from app.config import backup_dir
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, say, migrate=False)
    ok = True
    problems = ctx.store.integrity_problems()
    for problem in problems:
        print(f"integrity: {problem}")
    ok = ok and not problems
    report = audit.verify(ctx.uow())
    print(report.describe())
    ok = ok and report.ok
    if args.anchor:
        anchor = audit.find_anchor(ctx.uow(), args.anchor)
        print(anchor.describe(args.anchor))
        ok = ok and anchor.found
    anchored = anchors.check_anchors(ctx.uow(), backup_dir(ctx.data_dir))
    for problem in anchored.problems:
        print(f"anchor: {problem}")
    print(anchored.describe())
    ok = ok and anchored.ok
    edits = reconcile.reconcile(ctx.uow())
    for edit in edits:
        print(f"edited outside the program: {edit.describe()}")
    print(
        "business rows match the trail"
        if not edits
        else f"{len(edits)} business rows differ from the trail"
    )
    ok = ok and not edits
    print("check passed" if ok else "check FAILED")
    return 0 if ok else 1


def _restore(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from app import datakey
    from app.config import backup_dir, resolve_data_dir, resolve_db_url
    from app.storage import StorageFault, storage_problem
    from cli import wiring
    from db.backup import discard_staged, put_in_place, stage_backup
    from db.engine import refuse_network_share, sqlite_path

    data_dir = resolve_data_dir(args.data_dir)
    target = sqlite_path(resolve_db_url(args.db, data_dir))
    if target is None:
        raise DomainError("restore works on the SQLite file; for PostgreSQL use pg_restore")
    refuse_network_share(target)
    if not args.file.is_file():
        raise DomainError(f"找不到备份文件：{args.file}")
    password = admin_password()
    # Who restores: an administrator of the database being replaced; where there is none (a
    # new PC) or it cannot be opened any more (damaged), an administrator of the backup.
    current = None
    if target.exists():
        try:
            current = wiring.open_context(args.data_dir, args.db, say, migrate=False)
            login_as(current, args, "admin", password=password, data_key=False)
        except Exception as exc:
            problem = storage_problem(exc)
            if problem is None or problem.fault not in (StorageFault.CORRUPT, StorageFault.MISSING):
                raise
            say(f"the current database cannot be opened ({problem.detail}); "
                 "the login is checked against the backup")  # fmt: skip
            current = None
    staged = stage_backup(args.file, target)
    try:
        copy = wiring.staged_context(staged)
        try:
            # Never half-blind: a backup whose personal data this PC cannot open is refused
            # whatever --force says; the key is imported first (frontdesk keys import FILE).
            datakey.require_data_key(copy.uow())
            problems = wiring.restore_problems(copy, current)
            if current is None:
                login_as(copy, args, "admin", password=password, data_key=False)
        finally:
            copy.store.dispose()  # type: ignore[attr-defined]
        if problems and not args.force:
            raise DomainError(
                "未恢复：" + "；".join(problems) + "（确属紧急情况时，管理员可加 --force）"
            )
        for reason in problems:
            say(f"restored with --force although: {reason}")
        if current is not None:
            current.store.dispose()  # type: ignore[attr-defined]
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = put_in_place(staged, target, backup_dir(data_dir), stamp)
    finally:
        discard_staged(staged)
    kept = f"the previous database is kept at {aside}" if aside else "there was no database before"
    print(f"restored {args.file} into {target}; {kept}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from app.anchors import anchor_path, write_anchor
    from app.config import backup_dir
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, say, migrate=False)
    # a backup holds every applicant's personal data (sealed: it needs no key to copy them)
    login_as(ctx, args, "admin", "supervisor", data_key=False)
    out = ctx.store.backup(args.out)
    anchor = write_anchor(ctx.uow(), backup_dir(ctx.data_dir), out.name)
    print(f"backup written: {out}")
    print(f"audit chain head #{anchor.seq} anchored in {anchor_path(backup_dir(ctx.data_dir))}")
    return 0

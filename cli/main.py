"""``frontdesk``: open the program, or administer it from a shell.

User errors print one line on stderr and exit 2; nothing prints a traceback for them.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from app.errors import DomainError

EXIT_USER_ERROR = 2
STARTED = time.perf_counter()  # smoke timings count from here


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontdesk", description="Service-hall front desk (政务服务大厅窗口办件系统)."
    )
    parser.add_argument("--data-dir", help="data folder (default: per-user; env FRONTDESK_HOME)")
    parser.add_argument(
        "--db", help="database URL (default: SQLite in the data folder; env FRONTDESK_DB)"
    )
    sub = parser.add_subparsers(dest="command")

    gui = sub.add_parser("gui", help="open the program (the default)")
    gui.add_argument(
        "--smoke", action="store_true", help="paint the window once, print timings, exit"
    )
    gui.add_argument("--user", help="log in as this user; password from FRONTDESK_PASSWORD")
    gui.add_argument("--screenshot", type=Path, help="with --smoke: save the painted window as PNG")
    gui.add_argument("--page", help="with --smoke: show this page first (home, staff, audit)")

    init = sub.add_parser("init", help="create and migrate the database, create the admin")
    init.add_argument("--demo", action="store_true", help="add a demo hall with windows and staff")
    init.add_argument("--admin-password", help="the admin's password (asked for when missing)")

    user = sub.add_parser("user", help="staff accounts").add_subparsers(dest="user_command")
    add = user.add_parser("add", help="add a staff account")
    add.add_argument("login")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["clerk", "supervisor", "admin"])
    add.add_argument("--window", type=int)
    add.add_argument("--password")
    user.add_parser("list", help="list staff accounts")
    passwd = user.add_parser("passwd", help="set a new password for a staff account")
    passwd.add_argument("login")
    passwd.add_argument("--password")
    disable = user.add_parser("disable", help="disable a staff account")
    disable.add_argument("login")
    for p in (add, passwd, disable):
        p.add_argument("--as", dest="as_login", default="admin", help="administrator login")

    check = sub.add_parser("check", help="database integrity and the audit chain")
    check.add_argument("--anchor", help="confirm a chain head printed on a daily log")

    backup = sub.add_parser("backup", help="a consistent copy while counters keep working")
    backup.add_argument("--out", required=True, type=Path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "gui": _gui,
        "init": _init,
        "user": _user,
        "check": _check,
        "backup": _backup,
    }
    try:
        return handlers[command](args)
    except DomainError as exc:
        print(f"frontdesk: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("frontdesk: interrupted", file=sys.stderr)
        return 130


def _gui(args: argparse.Namespace) -> int:
    from cli import wiring
    from ui.app import run_gui

    user = getattr(args, "user", None)
    password = os.environ.get("FRONTDESK_PASSWORD") if user else None
    if user and not password:
        raise DomainError(
            "--user needs the password in the FRONTDESK_PASSWORD environment variable"
        )
    return run_gui(
        open_context=lambda progress: wiring.open_context(args.data_dir, args.db, progress),
        smoke=getattr(args, "smoke", False),
        user=user,
        password=password,
        started=STARTED,
        screenshot=getattr(args, "screenshot", None),
        page=getattr(args, "page", None),
    )


def _init(args: argparse.Namespace) -> int:
    from app.setup import DEMO_PASSWORD, DEMO_STAFF, initialize, is_initialized
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, _say)
    password = args.admin_password
    if password is None and not is_initialized(ctx.uow()):
        password = _ask_new_password("admin")
    result = initialize(ctx.uow(), password, demo=args.demo)
    print(f"database ready: {ctx.location}")
    if result.created_admin:
        print("administrator 'admin' created")
    if result.demo_logins:
        logins = ", ".join(login for login, *_ in DEMO_STAFF)
        print(f"demo hall added; staff logins: {logins} (password {DEMO_PASSWORD})")
    return 0


def _user(args: argparse.Namespace) -> int:
    from app import staff
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, _say)
    if args.user_command == "list":
        actor = ctx.cli_actor("admin", _admin_password())
        for s in staff.list_staff(ctx.uow(), actor):
            window = f"{s.window_number}号窗口" if s.window_number else "-"
            state = "active" if s.active else "disabled"
            print(f"{s.login}\t{s.name}\t{s.role}\t{window}\t{state}")
        return 0
    if args.user_command is None:
        raise DomainError("choose a user command: add, list, passwd, disable")
    actor = ctx.cli_actor(args.as_login, _admin_password())
    if args.user_command == "add":
        password = args.password or _ask_new_password(args.login)
        staff.add_staff(
            ctx.uow(),
            actor,
            login=args.login,
            name=args.name,
            role=args.role,
            password=password,
            window_number=args.window,
        )
        print(f"added {args.login}")
    elif args.user_command == "passwd":
        password = args.password or _ask_new_password(args.login)
        staff.reset_password(ctx.uow(), actor, args.login, password)
        print(f"password changed for {args.login}")
    elif args.user_command == "disable":
        staff.disable_staff(ctx.uow(), actor, args.login)
        print(f"disabled {args.login}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from app import audit
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, _say, migrate=False)
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
    print("check passed" if ok else "check FAILED")
    return 0 if ok else 1


def _backup(args: argparse.Namespace) -> int:
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, _say, migrate=False)
    out = ctx.store.backup(args.out)
    print(f"backup written: {out}")
    return 0


def _admin_password() -> str:
    return os.environ.get("FRONTDESK_PASSWORD") or _prompt_secret(
        "administrator password: ", "set FRONTDESK_PASSWORD to the administrator's password"
    )


def _ask_new_password(login: str) -> str:
    hint = f"no password given for {login}: use --password / --admin-password"
    first = _prompt_secret(f"new password for {login}: ", hint)
    if _prompt_secret("repeat it: ", hint) != first:
        raise DomainError("the two passwords differ")
    return first


def _prompt_secret(prompt: str, hint_without_terminal: str) -> str:
    if not sys.stdin.isatty():
        raise DomainError(hint_without_terminal)
    try:
        return getpass.getpass(prompt)
    except EOFError as exc:
        raise DomainError(hint_without_terminal) from exc


def _say(message: str) -> None:
    print(message, file=sys.stderr)

"""``frontdesk``: open the program, or administer it from a shell.

User errors print one line on stderr and exit 2; nothing prints a traceback for them.
"""

from __future__ import annotations

import gc

# The start imports thousands of objects and frees almost none: the cyclic collector would run
# again and again for nothing. It is switched back on once the window has painted (ui/app.py)
# or, for other commands, before they run.
gc.disable()

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from app.errors import DomainError
from cli import (
    cases_cmd,
    catalog_cmd,
    keys_cmd,
    papers_cmd,
    queue_cmd,
    setup_cmd,
    store_cmd,
    sync_cmd,
)
from cli.common import EXIT_USER_ERROR, Handler

STARTED = time.perf_counter()  # smoke timings count from here


class OneLineParser(argparse.ArgumentParser):
    """Usage mistakes are user errors too: one line, exit 2 (the usage is in --help)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _undecodable(args: Sequence[str]) -> str | None:
    """The first argument that was not valid UTF-8 (Python keeps its bytes as lone surrogates,
    which nothing can print or store), shown with the bad bytes escaped."""
    for arg in args:
        if any("\ud800" <= ch <= "\udfff" for ch in arg):
            try:
                raw = arg.encode("utf-8", "surrogateescape")  # the bytes as typed
            except UnicodeEncodeError:
                raw = arg.encode("utf-8", "backslashreplace")
            return raw.decode("utf-8", "backslashreplace")
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
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
    gui.add_argument(
        "--through-login",
        action="store_true",
        help="with --smoke --user: log in through the login window, as a clerk does (the fields "
        "filled once the database has opened behind it, then Enter); adds enter_ms",
    )
    gui.add_argument(
        "--page",
        help="with --smoke: show this page first (counter, cases, appointments, home, staff, "
        "statistics, accountability, ratings, complaints, calendar, catalog, audit)",
    )

    handlers: dict[str, Handler] = {"gui": _gui}
    for commands in (
        setup_cmd,
        cases_cmd,
        catalog_cmd,
        papers_cmd,
        store_cmd,
        keys_cmd,
        queue_cmd,
        sync_cmd,
    ):
        handlers.update(commands.add_commands(sub))
    parser.set_defaults(handlers=handlers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    bad = _undecodable(sys.argv[1:] if argv is None else argv)
    if bad is not None:
        print(f"frontdesk: an argument is not valid UTF-8 text: {bad}", file=sys.stderr)
        return EXIT_USER_ERROR
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    if command != "gui":
        gc.enable()
    try:
        return args.handlers[command](args)
    except Exception as exc:
        from app.storage import storage_problem

        problem = storage_problem(exc)  # a full disk, a damaged or read-only database, ...
        if problem is not None:
            detail = f"（{problem.detail}）" if problem.detail else ""
            print(f"frontdesk: {problem.message}{detail}", file=sys.stderr)
            return EXIT_USER_ERROR
        if isinstance(exc, DomainError):
            print(f"frontdesk: {exc.message}", file=sys.stderr)
            return EXIT_USER_ERROR
        if isinstance(exc, OSError):  # a folder where a file was expected, no permission
            where = f" {exc.filename}" if exc.filename else ""
            print(f"frontdesk: cannot use{where}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USER_ERROR
        if type(exc).__module__.startswith("sqlalchemy"):  # a wrong --db, a server down
            detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            print(f"frontdesk: cannot use the database: {detail}", file=sys.stderr)
            return EXIT_USER_ERROR
        raise
    except KeyboardInterrupt:
        print("frontdesk: interrupted", file=sys.stderr)
        return 130


def _gui(args: argparse.Namespace) -> int:
    from ui.app import run_gui
    from ui.local_settings import choose_folder

    choose_folder(args.data_dir)  # this PC's settings go with a data folder that was given

    def open_context(progress: Callable[[str], None]):  # type: ignore[no-untyped-def]
        from cli import wiring  # the database layer: imported after the login window painted

        return wiring.open_context(args.data_dir, args.db, progress)

    user = getattr(args, "user", None)
    password = os.environ.get("FRONTDESK_PASSWORD") if user else None
    if user and not password:
        raise DomainError(
            "--user needs the password in the FRONTDESK_PASSWORD environment variable"
        )
    return run_gui(
        open_context=open_context,
        smoke=getattr(args, "smoke", False),
        user=user,
        password=password,
        started=STARTED,
        screenshot=getattr(args, "screenshot", None),
        page=getattr(args, "page", None),
        through_login=getattr(args, "through_login", False),
    )

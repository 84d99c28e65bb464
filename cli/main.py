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
import getpass
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from app.errors import DomainError
from cli import queue_cmd

if TYPE_CHECKING:
    from app.roles import Actor
    from cli.wiring import CliContext

EXIT_USER_ERROR = 2
DEMO_DAYS = 14
STARTED = time.perf_counter()  # smoke timings count from here


class OneLineParser(argparse.ArgumentParser):
    """Usage mistakes are user errors too: one line, exit 2 (the usage is in --help)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _count(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (else a one-line usage error)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}, not {text}")
        return value

    parse.__name__ = "number"
    return parse


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
        "--page",
        help="with --smoke: show this page first (counter, cases, appointments, home, staff, "
        "statistics, accountability, ratings, complaints, calendar, catalog, audit)",
    )

    init = sub.add_parser("init", help="create and migrate the database, create the admin")
    init.add_argument("--demo", action="store_true", help="add a demo hall with windows and staff")
    init.add_argument("--admin-password", help="the admin's password (asked for when missing)")
    init.add_argument(
        "--as",
        dest="as_login",
        default="admin",
        help="with --demo on an existing demo database: administrator login",
    )
    init.add_argument(
        "--demo-days",
        type=int,
        default=DEMO_DAYS,
        help=f"with --demo: days of simulated work (default {DEMO_DAYS}, 0 for none)",
    )

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

    calendar = sub.add_parser("calendar", help="working days").add_subparsers(dest="cal_command")
    deadline = calendar.add_parser("deadline", help="due date of N working days after START")
    deadline.add_argument("start", help="acceptance day, YYYY-MM-DD")
    deadline.add_argument("days", type=int, help="committed working days")
    imported = calendar.add_parser("import", help="load a year's holiday schedule (admin)")
    imported.add_argument("file", type=Path)
    imported.add_argument("--as", dest="as_login", default="admin", help="administrator login")

    cases = sub.add_parser("case", help="cases").add_subparsers(dest="case_command")
    listed = cases.add_parser("list", help="list cases, newest first")
    listed.add_argument("--status", help="accepted, in_progress, suspended, decided, ...")
    listed.add_argument("--warning", choices=["normal", "yellow", "red", "closed"])
    listed.add_argument("--limit", type=_count(1, 10_000), default=200, help="1-10000")
    listed.add_argument("--json", action="store_true", help="one JSON object per line")
    listed.add_argument("--as", dest="as_login", default="admin", help="staff login")
    # No login on purpose: the scan applies the rules the window's timer applies anyway (from
    # the clock and the records only, no input), so a scheduled task can run it without a
    # stored password (docs/SECURITY.md).
    cases.add_parser("scan", help="recompute warnings; open accountability records")

    demo = sub.add_parser(
        "demo", help="simulate days of a hall's work up to the last one over (today after 17:30)"
    )
    demo.add_argument("--days", type=int, default=30)
    demo.add_argument("--seed", type=int, default=1)
    big = sub.add_parser(
        "scale", help="fill an empty demo hall with years of cases in bulk (for benchmarks)"
    )
    big.add_argument("--years", type=float, default=10.0)
    big.add_argument("--windows", type=int, default=20, help="windows with a clerk (default 20)")
    big.add_argument(
        "--per-window-day", type=int, default=100, help="cases per window per working day"
    )
    big.add_argument("--seed", type=int, default=1)
    for p in (demo, big):
        p.add_argument("--as", dest="as_login", default="admin", help="administrator login")

    verify = sub.add_parser("verify", help="check the QR code of a printed document")
    verify.add_argument("payload", help="the text the QR code holds (as a scanner types it)")

    printed = sub.add_parser("print", help="a document as PDF, logged as a printed copy")
    printed.add_argument(
        "kind",
        help="receipt, guide, deferred, completion, denial, supply, special, extension, "
        "correction, notice, refusal, appointment, referral, commitment, disclosure, "
        "queue_ticket",
    )
    printed.add_argument(
        "number",
        nargs="?",
        default="",
        help="the case, notice, refusal or referral number (for a guide: the item code; "
        "none for the hall's commitment and disclosure list, made from today's catalog)",
    )
    printed.add_argument("--out", required=True, type=Path, help="the PDF file to write")
    printed.add_argument(
        "--page-size", choices=["A4", "A5", "A6", "80mm"], help="default: the kind's paper"
    )
    printed.add_argument("--as", dest="as_login", default="admin", help="staff login")

    report = sub.add_parser(
        "report", help="the supervisor's daily log (工作日志) as PDF or XLSX"
    ).add_subparsers(dest="report_command")
    daily = report.add_parser("daily", help="the log of one day")
    daily.add_argument("--date", required=True, help="the day, YYYY-MM-DD")
    period = report.add_parser("period", help="the log of a period (a month, a quarter)")
    period.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    period.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
    for p in (daily, period):
        p.add_argument("--site", help="site code (default: the site of the --as login)")
        p.add_argument("--out", required=True, type=Path, help="FILE.pdf or FILE.xlsx")
        p.add_argument("--as", dest="as_login", default="admin", help="supervisor or admin login")

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
    queue_cmd.add_parsers(sub)
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
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "gui": _gui,
        "init": _init,
        "calendar": _calendar,
        "case": _case,
        "demo": _demo,
        "scale": _scale,
        "restore": _restore,
        "user": _user,
        "verify": _verify,
        "print": _print,
        "report": _report,
        "check": _check,
        "backup": _backup,
        "keys": _keys,
        **queue_cmd.HANDLERS,
    }
    try:
        return handlers[command](args)
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
    )


def _init(args: argparse.Namespace) -> int:
    from app.setup import DEMO_PASSWORD, DEMO_STAFF, initialize, is_initialized
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, _say, must_exist=False)
    password = args.admin_password
    fresh = not is_initialized(ctx.uow())
    if password is None and fresh:
        password = _ask_new_password("admin")
    if args.demo and not fresh:  # staff with a published password: only an admin adds them
        _login(ctx, args, "admin")
    if fresh and args.demo and args.demo_days > 0:
        # The hall is set up the morning its simulated days begin: the audit chain's setup
        # events come first in the chain, so they must not be dated after the days they precede.
        ctx = wiring.open_context(
            args.data_dir, args.db, _say, must_exist=False, clock=demo_setup_clock(args.demo_days)
        )
    result = initialize(ctx.uow(), password, demo=args.demo)
    print(f"database ready: {ctx.location}")
    if result.created_admin:
        print("administrator 'admin' created")
    if result.demo_logins:
        logins = ", ".join(login for login, *_ in DEMO_STAFF)
        print(f"demo hall added; staff logins: {logins} (password {DEMO_PASSWORD})")
        # A lived-in hall: two weeks of cases, some late, so every screen has something to show.
        if args.demo_days > 0:
            days = run_demo(args.data_dir, args.db, args.demo_days, seed=1)
            print(
                f"demo activity: {days.accepted} cases, {days.visits} visits "
                f"({days.referrals} referred) over {days.days} working days"
            )
    elif args.demo:
        print("the demo hall is already there; nothing added (frontdesk demo adds more days)")
    if not result.created_admin and args.admin_password:
        print(
            "the administrator already exists; --admin-password was not used "
            "(frontdesk user passwd admin changes it)"
        )
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


def _calendar(args: argparse.Namespace) -> int:
    from datetime import date

    from app.calendar import enter_schedule, load_calendar
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, _say)
    if args.cal_command == "deadline":
        try:
            start = date.fromisoformat(args.start)
        except ValueError:
            raise DomainError(f"not a date: {args.start} (use YYYY-MM-DD)") from None
        if args.days < 0:
            raise DomainError("days must be zero or more")
        uow = ctx.uow()
        with uow.read():
            deadline = load_calendar(uow).add_working_days(start, args.days)
        print(f"{deadline.due}" + (" provisional" if deadline.provisional else ""))
        return 0
    if args.cal_command == "import":
        try:
            text = args.file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise DomainError(f"cannot read {args.file}: {exc}") from None
        actor = ctx.cli_actor(args.as_login, _admin_password())
        result = enter_schedule(ctx.uow(), actor, text)
        years = ", ".join(map(str, result.years))
        print(f"{result.days} days entered for {years}; {result.cases_moved} open cases moved")
        for year, lines in sorted(result.missing.items()):
            print(f"{year} incomplete, deadlines stay provisional: " + "; ".join(lines))
        return 0
    raise DomainError("choose a calendar command: deadline, import")


def _case(args: argparse.Namespace) -> int:
    import json

    from app.cases import queries
    from app.cases.lifecycle import CaseState
    from app.cases.records import CaseQuery
    from app.cases.service import refresh_warnings
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, _say)
    if args.case_command == "scan":
        scan = refresh_warnings(ctx.uow())
        print(
            f"{scan.checked} open cases checked, {scan.changed} warnings changed, "
            f"{scan.opened_records} accountability records opened"
        )
        return 0
    if args.case_command != "list":
        raise DomainError("choose a case command: list, scan")
    states: frozenset[CaseState] = frozenset()
    if args.status:
        try:
            states = frozenset({CaseState(args.status)})
        except ValueError:
            names = ", ".join(s.value for s in CaseState)
            raise DomainError(f"unknown status {args.status}; use one of: {names}") from None
    query = CaseQuery(states=states, warnings=frozenset({args.warning} if args.warning else ()))
    actor = ctx.cli_actor(args.as_login, _admin_password(), any_role=True)
    page = queries.page_case_ids(ctx.uow(), actor, query, None, args.limit)
    for row in queries.case_rows(ctx.uow(), actor, page.ids):
        due = f"{row.due_date}" + ("?" if row.due_provisional else "") if row.due_date else "-"
        warning = row.warning.value if row.warning else "closed"
        if args.json:
            print(
                json.dumps(
                    {
                        "number": row.number,
                        "applicant": row.applicant_name,
                        "item": row.item_name,
                        "state": row.state.value,
                        "warning": warning,
                        "due": str(row.due_date or ""),
                        "provisional": row.due_provisional,
                        "owner": row.owner_name,
                        "agency": row.is_agency,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            print(
                f"{row.number}\t{row.applicant_name}\t{row.item_name}\t{row.state.value}"
                f"\t{warning}\t{due}\t{row.owner_name}"
            )
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.setup import require_demo_database
    from cli import wiring

    if not 1 <= args.days <= 3660:
        raise DomainError("--days must be between 1 and 3660")
    ctx = wiring.open_context(args.data_dir, args.db, _say)
    _login(ctx, args, "admin")
    require_demo_database(ctx.uow())
    ctx.store.dispose()  # type: ignore[attr-defined]
    result = run_demo(args.data_dir, args.db, args.days, args.seed)
    print(
        f"simulated {result.days} working days: {result.accepted} cases accepted, "
        f"{result.transitions} transitions, {result.visits} visits "
        f"({result.referrals} referred); open now: red {result.counts.get('red', 0)}, "
        f"yellow {result.counts.get('yellow', 0)}, normal {result.counts.get('normal', 0)}"
    )
    return 0


def _scale(args: argparse.Namespace) -> int:
    import time
    from datetime import datetime

    from app import scale
    from app.clock import DEFAULT_TZ
    from app.setup import DEMO_PASSWORD
    from cli import wiring
    from db.bulk import SqlBulkSink, count_cases

    if not 0 < args.years <= 20:
        raise DomainError("--years must be between 0 and 20")
    if not 1 <= args.windows <= 99 or not 1 <= args.per_window_day <= 400:
        raise DomainError("--windows must be 1-99 and --per-window-day 1-400")
    ctx = wiring.open_context(args.data_dir, args.db, _say, must_exist=True)
    _login(ctx, args, "admin")
    from app.setup import require_demo_database

    require_demo_database(ctx.uow())
    engine = ctx.store.engine  # type: ignore[attr-defined]
    if count_cases(engine):
        raise DomainError(
            "scale needs a hall without cases: run frontdesk init --demo --demo-days 0 first"
        )
    started = time.perf_counter()
    added = scale.add_counters(ctx.uow, args.windows, DEMO_PASSWORD)
    uow = ctx.uow()
    with uow.read():
        site = uow.sites.first()
    if site is None:
        raise DomainError("the database has no site: run frontdesk init --demo first")
    plan = scale.ScalePlan(
        end=datetime.now(DEFAULT_TZ).date(),
        years=args.years,
        cases_per_window_day=args.per_window_day,
        seed=args.seed,
    )
    summary = scale.generate(ctx.uow, SqlBulkSink(engine, site.id), plan, _say)
    from app.cases import service

    scan = service.refresh_warnings(ctx.uow())
    print(
        f"{summary.accepted} cases over {summary.days} working days ({added} windows added, "
        f"{summary.moves} moves, {scan.opened_records} overdue records opened by the scan) "
        f"in {time.perf_counter() - started:.0f} s"
    )
    return 0


def demo_setup_clock(days: int):  # type: ignore[no-untyped-def]
    """A clock at 07:00 on the first of the ``days`` a demo will simulate."""
    from datetime import datetime, time, timedelta

    from app.clock import DEFAULT_TZ, ManualClock
    from app.demo_activity import last_day_over

    first = last_day_over(datetime.now(DEFAULT_TZ)) - timedelta(days=days - 1)
    return ManualClock(datetime.combine(first, time(7, 0), DEFAULT_TZ))


def run_demo(data_dir: str | None, db: str | None, days: int, seed: int):  # type: ignore[no-untyped-def]
    from datetime import datetime

    from app.clock import DEFAULT_TZ, ManualClock
    from app.demo_activity import last_day_over, simulate
    from cli import wiring

    now = datetime.now(DEFAULT_TZ)
    clock = ManualClock(now)
    ctx = wiring.open_context(data_dir, db, _say, clock=clock)
    return simulate(ctx.uow, clock, days, seed, last_day_over(now), None)


def _verify(args: argparse.Namespace) -> int:
    from app.signing import verify_payload
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, _say)
    verdict = verify_payload(ctx.uow(), args.payload)
    print(verdict.describe())
    return 0 if verdict.trusted else 1


def _print(args: argparse.Namespace) -> int:
    import app.notices.printing  # noqa: F401  # registers the notice and refusal loaders
    from app.printing import render
    from app.printing.loaders import load_document
    from app.printing.records import mark_copy, next_copy_no, record_print
    from app.settings import is_demo_database
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, _say)
    actor = ctx.cli_actor(args.as_login, _admin_password(), any_role=True)
    doc = load_document(ctx.uow(), actor, args.kind, args.number)
    # Logged as a printed copy only once the file is really written.
    copy_no = next_copy_no(ctx.uow(), doc.kind, doc.number)
    copy = mark_copy(doc, copy_no, ctx.clock.now())
    pdf = render(copy, args.page_size, demo=is_demo_database(ctx.uow()))
    partial = args.out.with_name(args.out.name + ".partial")
    try:
        partial.write_bytes(pdf)
        partial.replace(args.out)
    except OSError as exc:
        partial.unlink(missing_ok=True) if partial.parent.is_dir() else None
        raise DomainError(f"cannot write {args.out}: {exc.strerror}") from None
    record_print(ctx.uow(), actor, doc.kind, doc.number, printer=f"file:{args.out.name}")
    mark = f" ({copy.reprint.text()})" if copy.reprint else ""
    print(f"{copy.title} {copy.number} written to {args.out}{mark}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from app.printing.kinds import DocumentKind
    from app.printing.records import record_print
    from app.reports.daily_log import daily_log, period_log
    from app.reports.printing import LOG_FORMATS, log_file
    from app.settings import is_demo_database
    from app.sites import site_by_code
    from cli import wiring

    if args.report_command is None:
        raise DomainError("choose a report: daily, period")
    suffix = args.out.suffix.lower()
    if suffix not in LOG_FORMATS:
        raise DomainError(f"--out must end in .pdf or .xlsx, not {args.out.name}")
    if args.report_command == "daily":
        first = last = _iso_date(args.date, "--date")
    else:
        first, last = _iso_date(args.start, "--from"), _iso_date(args.end, "--to")
    ctx = wiring.open_context(args.data_dir, args.db, _say)
    actor = ctx.cli_actor(args.as_login, _admin_password(), any_role=True)
    site_id = site_by_code(ctx.uow(), args.site).id if args.site else None
    if args.report_command == "daily":
        log = daily_log(ctx.uow(), actor, first, site_id)
    else:
        log = period_log(ctx.uow(), actor, first, last, site_id)
    data = log_file(log, suffix, demo=is_demo_database(ctx.uow()))
    partial = args.out.with_name(args.out.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(args.out)
    except OSError as exc:
        partial.unlink(missing_ok=True) if partial.parent.is_dir() else None
        raise DomainError(f"cannot write {args.out}: {exc.strerror}") from None
    if suffix == ".pdf":
        record_print(ctx.uow(), actor, DocumentKind.DAILY_LOG, log.number, f"file:{args.out.name}")
    head = f"#{log.chain_seq} {log.chain_hash}" if log.chain_hash else "none yet"
    if log.cut_at_today:
        print(f"note: --to {log.asked_last_day} is after today; the log stops at {log.last_day}")
    print(
        f"工作日志 {log.number} written to {args.out}: {len(log.rows)} window/clerk rows, "
        f"{len(log.cases)} cases; audit chain head {head}"
    )
    return 0


def _iso_date(text: str, flag: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DomainError(f"{flag}: not a date: {text} (use YYYY-MM-DD)") from None


def _check(args: argparse.Namespace) -> int:
    from app import anchors, audit, reconcile
    from app.config import backup_dir
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
    password = _admin_password()
    # Who restores: an administrator of the database being replaced; where there is none (a
    # new PC) or it cannot be opened any more (damaged), an administrator of the backup.
    current = None
    if target.exists():
        try:
            current = wiring.open_context(args.data_dir, args.db, _say, migrate=False)
            _login(current, args, "admin", password=password)
        except Exception as exc:
            problem = storage_problem(exc)
            if problem is None or problem.fault not in (StorageFault.CORRUPT, StorageFault.MISSING):
                raise
            _say(f"the current database cannot be opened ({problem.detail}); "
                 "the login is checked against the backup")  # fmt: skip
            current = None
    staged = stage_backup(args.file, target)
    try:
        copy = wiring.staged_context(staged)
        try:
            problems = wiring.restore_problems(copy, current)
            if current is None:
                _login(copy, args, "admin", password=password)
        finally:
            copy.store.dispose()  # type: ignore[attr-defined]
        if problems and not args.force:
            raise DomainError(
                "未恢复：" + "；".join(problems) + "（确属紧急情况时，管理员可加 --force）"
            )
        for reason in problems:
            _say(f"restored with --force although: {reason}")
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

    ctx = wiring.open_context(args.data_dir, args.db, _say, migrate=False)
    _login(ctx, args, "admin", "supervisor")  # a backup holds every applicant's personal data
    out = ctx.store.backup(args.out)
    anchor = write_anchor(ctx.uow(), backup_dir(ctx.data_dir), out.name)
    print(f"backup written: {out}")
    print(f"audit chain head #{anchor.seq} anchored in {anchor_path(backup_dir(ctx.data_dir))}")
    return 0


def _login(
    ctx: CliContext, args: argparse.Namespace, *roles: str, password: str | None = None
) -> Actor:
    """The one credential check of the commands that change, export or replace data: the
    ``--as`` login (default admin) with FRONTDESK_PASSWORD, in one of ``roles``."""
    from app.roles import Role

    return ctx.cli_actor(
        args.as_login,
        password or _admin_password(),
        roles=frozenset(Role(r) for r in roles),
    )


def _keys(args: argparse.Namespace) -> int:
    from app import keystore, keytransfer, signing
    from cli import wiring

    if args.keys_command is None:
        raise DomainError(
            "choose: list, rotate, revoke, export-public, import-public, export, import"
        )
    source = args.file if args.keys_command in ("import-public", "import") else None
    text = _read_text(source) if source is not None else ""
    ctx = wiring.open_context(args.data_dir, args.db, _say)
    actor = ctx.cli_actor(args.as_login, _admin_password())
    command = args.keys_command
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
        _write_file(args.out, signing.export_public_key(ctx.uow(), actor), private=False)
        print(f"public keys written to {args.out}")
    elif command == "import-public":
        key = signing.import_public_key(ctx.uow(), actor, text)
        print(f"public keys of site {key.site_code} trusted (current {key.fingerprint})")
    elif command == "export":
        password = _key_file_password(confirm=True)
        _write_file(args.out, keytransfer.export_private_keys(ctx.uow(), actor, password))
        print(f"private keys written to {args.out} (protected by the password; keep it apart)")
    else:
        count = keytransfer.import_private_keys(ctx.uow(), actor, text, _key_file_password())
        print(f"{count} keys put into {keystore.active().describe()}")
    return 0


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DomainError(f"{path} is not a text file") from None


def _write_file(out: Path, text: str, private: bool = True) -> None:
    partial = out.with_name(out.name + ".partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        partial.replace(out)
    except OSError as exc:
        partial.unlink(missing_ok=True) if partial.parent.is_dir() else None
        raise DomainError(f"cannot write {out}: {exc.strerror}") from None


def _key_file_password(confirm: bool = False) -> str:
    hint = "set FRONTDESK_KEYS_PASSWORD to the password that protects the key file"
    given = os.environ.get("FRONTDESK_KEYS_PASSWORD")
    if given:
        return given
    first = _prompt_secret("password for the key file: ", hint)
    if confirm and _prompt_secret("repeat it: ", hint) != first:
        raise DomainError("the two passwords differ")
    return first


def _admin_password() -> str:
    return os.environ.get("FRONTDESK_PASSWORD") or _prompt_secret(
        "password of the --as login (default admin): ",
        "set FRONTDESK_PASSWORD to the password of the --as login (default admin)",
    )


def _ask_new_password(login: str) -> str:
    hint = f"no password given for {login}: use --password (init: --admin-password)"
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

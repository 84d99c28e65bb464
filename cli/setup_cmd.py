"""Setting a hall up: ``init``, staff accounts (``user``), demo days and the scale generator."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import DomainError
from app.warning_levels import URGENCY
from cli.common import (
    Handler,
    admin_password,
    ask_new_password,
    login_as,
    say,
)

DEMO_DAYS = 14


def add_commands(sub: Any) -> dict[str, Handler]:
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
        "--site-file",
        type=Path,
        help="set up a township PC from the enrolment file its county wrote (frontdesk site add)",
    )
    init.add_argument(
        "--county-key",
        help="with --site-file: the county's public key (hex) to accept, as the county gave it",
    )
    init.add_argument(
        "--key-out",
        type=Path,
        help="with --site-file: where to write this township's public key file for the county "
        "(default: in the data folder)",
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
    big.add_argument(
        "--visits-per-window-day", type=int, default=10, help="first-inquiry visits per window"
    )
    big.add_argument("--seed", type=int, default=1)
    for p in (demo, big):
        p.add_argument("--as", dest="as_login", default="admin", help="administrator login")
    return {
        "init": _init,
        "user": _user,
        "demo": _demo,
        "scale": _scale,
    }


def _init(args: argparse.Namespace) -> int:
    from app.setup import DEMO_PASSWORD, DEMO_STAFF, initialize, is_initialized
    from cli import wiring

    if args.site_file is not None:
        return _init_township(args)
    if args.county_key or args.key_out:
        raise DomainError("--county-key and --key-out go with --site-file")
    ctx = wiring.open_context(args.data_dir, args.db, say, must_exist=False)
    password = args.admin_password
    fresh = not is_initialized(ctx.uow())
    if password is None and fresh:
        password = ask_new_password("admin")
    if args.demo and not fresh:  # staff with a published password: only an admin adds them
        login_as(ctx, args, "admin")
    if fresh and args.demo and args.demo_days > 0:
        # The hall is set up the morning its simulated days begin: the audit chain's setup
        # events come first in the chain, so they must not be dated after the days they precede.
        ctx = wiring.open_context(
            args.data_dir, args.db, say, must_exist=False, clock=demo_setup_clock(args.demo_days)
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
    if result.created_admin:
        _recovery_advice()
    return 0


def _init_township(args: argparse.Namespace) -> int:
    """A township PC from its enrolment file: the county's signature checked first, then the
    database made with the county's content and this township's own key."""
    from app.setup import DEMO_PASSWORD, DEMO_STAFF, is_initialized
    from app.sites_register import enrol_township, fingerprint, open_enrolment
    from cli import wiring
    from cli.common import write_text_file

    if not args.site_file.is_file():
        raise DomainError(f"--site-file: no file {args.site_file}")
    if args.key_out is not None and not args.key_out.parent.is_dir():
        raise DomainError(f"--key-out: no folder {args.key_out.parent}")
    opened = open_enrolment(args.site_file, args.county_key)
    county_key = fingerprint(opened.manifest.public_key)
    print(
        f"enrolment file of site {opened.manifest.to_site}, signed by county "
        f"{opened.manifest.county} with key {county_key}: compare this fingerprint with the "
        "county's by phone (or give --county-key)"
    )
    clock = demo_setup_clock(args.demo_days) if args.demo and args.demo_days > 0 else None
    ctx = wiring.open_context(args.data_dir, args.db, say, must_exist=False, clock=clock)
    if is_initialized(ctx.uow()):
        raise DomainError(
            f"{ctx.location} is already set up: a township PC is enrolled into an empty data "
            "folder (--data-dir)"
        )
    password = args.admin_password or ask_new_password("admin")
    result = enrol_township(ctx.uow(), opened, password, demo=args.demo)
    print(f"database ready: {ctx.location}")
    print(
        f"township {result.site_code} ({result.site_name}) of county {result.county_code}; "
        f"administrator 'admin' created; {result.applied.describe()}"
    )
    key_out = args.key_out or ctx.data_dir / f"{result.site_code}-public-key.json"
    write_text_file(key_out, result.public_key_file, private=False)
    print(
        f"this township's public key ({result.own_fingerprint}) written to {key_out}: take it "
        f"to the county (frontdesk site keys-import {key_out.name})"
    )
    if result.demo_logins:
        logins = ", ".join(login for login, *_ in DEMO_STAFF)
        print(f"demo hall added; staff logins: {logins} (password {DEMO_PASSWORD})")
        if args.demo_days > 0:
            days = run_demo(args.data_dir, args.db, args.demo_days, seed=1)
            print(
                f"demo activity: {days.accepted} cases, {days.visits} visits "
                f"({days.referrals} referred) over {days.days} working days"
            )
    return 0

def _recovery_advice() -> None:
    """The keys that open this database are only in this PC's key store: say how to keep a
    recovery copy, once, when the database is made."""
    from app import keystore

    print(
        "ID and phone numbers are encrypted with a key kept outside the database, in "
        f"{keystore.active().describe()}; a backup alone cannot be read without it."
    )
    print(
        "make a recovery copy now and keep it apart from the backups: "
        "frontdesk keys export --out KEYFILE (admin password, then a password for the file); "
        "on a new PC: frontdesk keys import KEYFILE, then frontdesk restore BACKUP"
    )


def _user(args: argparse.Namespace) -> int:
    from app import staff
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, say)
    if args.user_command == "list":
        actor = ctx.cli_actor("admin", admin_password())
        for s in staff.list_staff(ctx.uow(), actor):
            window = f"{s.window_number}号窗口" if s.window_number else "-"
            state = "active" if s.active else "disabled"
            print(f"{s.login}\t{s.name}\t{s.role}\t{window}\t{state}")
        return 0
    if args.user_command is None:
        raise DomainError("choose a user command: add, list, passwd, disable")
    actor = ctx.cli_actor(args.as_login, admin_password())
    if args.user_command == "add":
        password = args.password or ask_new_password(args.login)
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
        password = args.password or ask_new_password(args.login)
        staff.reset_password(ctx.uow(), actor, args.login, password)
        print(f"password changed for {args.login}")
    elif args.user_command == "disable":
        staff.disable_staff(ctx.uow(), actor, args.login)
        print(f"disabled {args.login}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.setup import require_demo_database
    from cli import wiring

    if not 1 <= args.days <= 3660:
        raise DomainError("--days must be between 1 and 3660")
    ctx = wiring.open_context(args.data_dir, args.db, say)
    login_as(ctx, args, "admin")
    require_demo_database(ctx.uow())
    ctx.store.dispose()  # type: ignore[attr-defined]
    result = run_demo(args.data_dir, args.db, args.days, args.seed)
    print(
        f"simulated {result.days} working days: {result.accepted} cases accepted, "
        f"{result.transitions} transitions, {result.visits} visits "
        f"({result.referrals} referred); open now: "
        + ", ".join(f"{level} {result.counts.get(level, 0)}" for level in URGENCY)
    )
    return 0


def _scale(args: argparse.Namespace) -> int:
    import time
    from datetime import datetime

    from app.clock import DEFAULT_TZ
    from app.setup import DEMO_PASSWORD
    from cli import wiring
    from sim import bulk, scale
    from sim.sql_sink import SqlBulkSink, count_cases

    if not 0 < args.years <= 20:
        raise DomainError("--years must be between 0 and 20")
    if not 1 <= args.windows <= 99 or not 1 <= args.per_window_day <= 400:
        raise DomainError("--windows must be 1-99 and --per-window-day 1-400")
    if not 0 <= args.visits_per_window_day <= 400:
        raise DomainError("--visits-per-window-day must be 0-400")
    ctx = wiring.open_context(args.data_dir, args.db, say, must_exist=True)
    login_as(ctx, args, "admin")
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
    from sim.demo.appointments import ensure_schedules

    ensure_schedules(ctx.uow(), site.id)  # bookable windows for the plan's appointments
    plan = scale.ScalePlan(
        end=datetime.now(DEFAULT_TZ).date(),
        years=args.years,
        cases_per_window_day=args.per_window_day,
        visits_per_window_day=args.visits_per_window_day,
        seed=args.seed,
    )
    summary = bulk.generate(ctx.uow, SqlBulkSink(engine, site.id), plan, say)
    from app.cases import service

    scan = service.refresh_warnings(ctx.uow())
    print(
        f"{summary.accepted} cases over {summary.days} working days ({added} windows added, "
        f"{summary.moves} moves, {summary.ratings} ratings, {summary.visits} visits "
        f"({summary.referrals} referred), {summary.complaints} complaints, "
        f"{summary.appointments} appointments, "
        f"{scan.opened_records} overdue records opened by the scan) "
        f"in {time.perf_counter() - started:.0f} s"
    )
    return 0


def demo_setup_clock(days: int):  # type: ignore[no-untyped-def]
    """A clock at 07:00 on the first of the ``days`` a demo will simulate."""
    from datetime import datetime, time, timedelta

    from app.clock import DEFAULT_TZ, ManualClock
    from sim.demo.activity import last_day_over

    first = last_day_over(datetime.now(DEFAULT_TZ)) - timedelta(days=days - 1)
    return ManualClock(datetime.combine(first, time(7, 0), DEFAULT_TZ))


def run_demo(data_dir: str | None, db: str | None, days: int, seed: int):  # type: ignore[no-untyped-def]
    from datetime import datetime

    from app.clock import DEFAULT_TZ, ManualClock
    from cli import wiring
    from db.engine import fill_without_waiting_for_disk
    from sim.demo.activity import last_day_over, simulate

    now = datetime.now(DEFAULT_TZ)
    clock = ManualClock(now)
    ctx = wiring.open_context(data_dir, db, say, clock=clock)
    # About 1,500 small transactions: waiting for the disk on each was half of init --demo.
    done = fill_without_waiting_for_disk(ctx.store.engine)  # type: ignore[attr-defined]
    try:
        return simulate(ctx.uow, clock, days, seed, last_day_over(now), None)
    finally:
        done()

"""``frontdesk queue …`` (取号、叫号) and ``frontdesk display`` (the hall display).

Registered by cli/main.py through :func:`add_commands`, like every group of commands.
User errors print one line and exit 2, like every command (cli/main.py catches them).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import DomainError
from cli.common import Handler, admin_password, iso_date, no_screen, say, write_bytes_file

PAPERS = ("A6", "80mm")


def add_commands(sub: Any) -> dict[str, Handler]:
    queue = sub.add_parser("queue", help="queue tickets and calling (取号、叫号)")
    commands = queue.add_subparsers(dest="queue_command")

    group = commands.add_parser("group", help="item groups and their windows (admin)")
    group_commands = group.add_subparsers(dest="group_command")
    group_set = group_commands.add_parser("set", help="create or change an item group")
    group_set.add_argument("code", help="the ticket letter, A-Z")
    group_set.add_argument("--name", required=True, help="the group's name on the ticket")
    group_set.add_argument("--windows", required=True, help="window numbers, e.g. 1,3")
    group_set.add_argument("--inactive", action="store_true", help="no more tickets of it")
    group_list = group_commands.add_parser("list", help="the item groups and their windows")

    take = commands.add_parser("take", help="take a ticket (prints number and people ahead)")
    take.add_argument("group", help="the item group's letter")
    take.add_argument("--out", type=Path, help="also write the ticket as PDF")
    take.add_argument("--paper", choices=PAPERS, default="A6", help="A6 (default) or 80mm roll")

    call = commands.add_parser("next", help="call the next ticket for a window (叫号)")
    call.add_argument("--window", type=int, help="window number (default: the login's window)")

    called = commands.add_parser(
        "called", help="a vendor queue system called NUMBER to a window (the hook)"
    )
    called.add_argument("number", help="the ticket number the vendor system called, e.g. A012")
    called.add_argument("--window", type=int, required=True, help="the window it was called to")

    stats = commands.add_parser("stats", help="waiting and service times per window and group")
    stats.add_argument("--day", required=True, help="the day (or first day), YYYY-MM-DD")
    stats.add_argument("--to", dest="last", help="last day of a period, YYYY-MM-DD")

    for p in (group_set, group_list, take, call, called, stats):
        p.add_argument("--as", dest="as_login", default="admin", help="staff login")

    display = sub.add_parser("display", help="the hall display: numbers called, full screen")
    display.add_argument("--as", dest="as_login", default="admin", help="staff login")
    display.add_argument("--windowed", action="store_true", help="a window, not full screen")
    return {"queue": run_queue, "display": run_display}


def _context(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, say)
    return ctx, ctx.cli_actor(args.as_login, admin_password(), any_role=True)


def run_queue(args: argparse.Namespace) -> int:
    from app.queue import service

    if args.queue_command is None:
        raise DomainError("choose a queue command: group, take, next, called, stats")
    if args.queue_command == "group" and args.group_command is None:
        raise DomainError("choose a group command: set, list")
    ctx, actor = _context(args)
    if args.queue_command == "group":
        if args.group_command == "set":
            from app.queue.records import QueueGroupInput

            windows = service.parse_windows(args.windows)
            group = service.set_queue_group(
                ctx.uow(), actor, QueueGroupInput(args.code, args.name, windows, not args.inactive)
            )
            print(f"group {group.code} {group.name}: windows {_windows(group.window_numbers)}")
        else:
            for g in service.queue_groups(ctx.uow(), actor):
                print(f"{g.code}\t{g.name}\t{_windows(g.window_numbers)}")
        return 0
    if args.queue_command == "take":
        return _take(ctx, actor, args)
    if args.queue_command == "next":
        ticket = service.call_next(ctx.uow(), actor, args.window)
        if ticket is None:
            print("nobody waiting")
        else:
            print(f"{ticket.number} called to window {ticket.window_number}")
        return 0
    if args.queue_command == "called":
        ticket = service.vendor_called(ctx.uow(), actor, args.number, args.window)
        print(f"{ticket.number} called to window {ticket.window_number}")
        return 0
    return _stats(ctx, actor, args)


def _windows(numbers: tuple[int, ...]) -> str:
    return ",".join(str(n) for n in numbers)


def _take(ctx, actor, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from app.clock import DEFAULT_TZ
    from app.queue.service import take_ticket

    taken = take_ticket(ctx.uow(), actor, args.group)
    at = taken.taken_at.astimezone(DEFAULT_TZ)
    print(
        f"{taken.number}\t{taken.group_name}\t{at:%Y-%m-%d %H:%M}\t"
        f"{taken.ahead} waiting ahead\twindows {_windows(taken.window_numbers)}"
    )
    if args.out is not None:
        from app.printing import render
        from app.printing.records import record_print
        from app.queue.printing import ticket_slip
        from app.settings import is_demo_database

        uow = ctx.uow()
        with uow.read():
            site = uow.sites.get(actor.site_id)
        assert site is not None
        slip = ticket_slip(site.name, taken)
        pdf = render(slip, args.paper, demo=is_demo_database(ctx.uow()))
        write_bytes_file(args.out, pdf, private=False)
        record_print(
            ctx.uow(),
            actor,
            slip.kind,
            f"{slip.issued_on:%Y%m%d}-{slip.number}",
            printer=f"file:{args.out.name}",
        )
        print(f"ticket written to {args.out}")
    return 0


def _stats(ctx, actor, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from app.queue.hall import wait_times

    first = iso_date(args.day, "--day")
    last = iso_date(args.last, "--to") if args.last else first
    rows = wait_times(ctx.uow(), actor, first, last)
    print("window\tgroup\tcalled\tserved\tskipped\tavg wait (min)\tavg service (min)")
    for r in rows:
        print(
            f"{r.window_number or '-'}\t{r.group_code or '(vendor)'}\t{r.called}\t{r.served}\t"
            f"{r.skipped}\t{_minutes(r.wait_minutes)}\t{_minutes(r.service_minutes)}"
        )
    if not rows:
        print("no tickets called in that period")
    return 0


def _minutes(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def run_display(args: argparse.Namespace) -> int:
    from ui.local_settings import choose_folder

    choose_folder(args.data_dir)
    ctx, actor = _context(args)
    if no_screen():
        raise DomainError("no screen to show the hall display on (DISPLAY is not set)")
    from ui.app import create_application
    from ui.ops import wait_for_ops
    from ui.queue.display import HallDisplay

    app = create_application()
    display = HallDisplay(ctx, actor)
    if args.windowed:
        display.show()
    else:
        display.showFullScreen()
    code = app.exec()
    wait_for_ops()
    return code

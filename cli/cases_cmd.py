"""The calendar's deadlines and schedules (``calendar``), case lists and the warning scan
(``case``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import DomainError
from app.warning_levels import CLOSED_WARNING, WARNING_COLUMN
from cli.common import Handler, admin_password, count_arg, say


def add_commands(sub: Any) -> dict[str, Handler]:
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
    listed.add_argument("--warning", choices=WARNING_COLUMN)
    listed.add_argument("--limit", type=count_arg(1, 10_000), default=200, help="1-10000")
    listed.add_argument("--json", action="store_true", help="one JSON object per line")
    listed.add_argument("--as", dest="as_login", default="admin", help="staff login")
    # No login on purpose: the scan applies the rules the window's timer applies anyway (from
    # the clock and the records only, no input), so a scheduled task can run it without a
    # stored password (docs/SECURITY.md).
    cases.add_parser("scan", help="recompute warnings; open accountability records")
    return {
        "calendar": _calendar,
        "case": _case,
    }


def _calendar(args: argparse.Namespace) -> int:
    from datetime import date

    from app.calendar import enter_schedule, load_calendar
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, say)
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
        actor = ctx.cli_actor(args.as_login, admin_password())
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

    ctx = wiring.open_context(args.data_dir, args.db, say)
    if args.case_command == "scan":
        scan = refresh_warnings(ctx.uow())
        print(
            f"{scan.checked} open cases checked, {scan.changed} warnings changed, "
            f"{scan.opened_records} accountability records opened, "
            f"{scan.deferral_records} for deferred materials overdue"
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
    actor = ctx.cli_actor(args.as_login, admin_password(), any_role=True)
    page = queries.page_case_ids(ctx.uow(), actor, query, None, args.limit)
    for row in queries.case_rows(ctx.uow(), actor, page.ids):
        due = f"{row.due_date}" + ("?" if row.due_provisional else "") if row.due_date else "-"
        warning = row.warning.value if row.warning else CLOSED_WARNING
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
                        # at a county installation: the accepting site, and where a
                        # handed-over case is now (乡镇代收、县级审批)
                        "site": row.site_name,
                        "handed_to": row.handed_to,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            print(
                f"{row.number}\t{row.applicant_name}\t{row.item_name}\t{row.state.value}"
                f"\t{warning}\t{due}\t{row.owner_name}\t{row.site_name}"
                + (f" -> {row.handed_to}" if row.handed_to else "")
            )
    return 0

"""Papers: verifying a QR code (``verify``), printing by number (``print``), the daily log
(``report``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import DomainError
from cli.common import Handler, admin_password, iso_date, say, write_bytes_file


def add_commands(sub: Any) -> dict[str, Handler]:
    verify = sub.add_parser("verify", help="check the QR code of a printed document")
    verify.add_argument("payload", help="the text the QR code holds (as a scanner types it)")

    printed = sub.add_parser("print", help="a document as PDF, logged as a printed copy")
    printed.add_argument(
        "kind",
        help="receipt, guide, deferred, completion, denial, supply, special, extension, "
        "halt, termination, correction, notice, refusal, appointment, referral, commitment, "
        "disclosure, queue_ticket",
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
    return {
        "verify": _verify,
        "print": _print,
        "report": _report,
    }


def _verify(args: argparse.Namespace) -> int:
    from app.signing import verify_payload
    from cli import wiring

    ctx = wiring.open_context(args.data_dir, args.db, say)
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

    ctx = wiring.open_context(args.data_dir, args.db, say)
    actor = ctx.cli_actor(args.as_login, admin_password(), any_role=True)
    doc = load_document(ctx.uow(), actor, args.kind, args.number)
    # Logged as a printed copy only once the file is really written.
    copy_no = next_copy_no(ctx.uow(), doc.kind, doc.number)
    copy = mark_copy(doc, copy_no, ctx.clock.now())
    pdf = render(copy, args.page_size, demo=is_demo_database(ctx.uow()))
    write_bytes_file(args.out, pdf, private=False)
    record_print(ctx.uow(), actor, doc.kind, doc.number, printer=f"file:{args.out.name}")
    mark = f" ({copy.reprint.text()})" if copy.reprint else ""
    print(f"{copy.title} {copy.number} written to {args.out}{mark}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from app.printing.kinds import DocumentKind
    from app.printing.records import record_print
    from app.reports.daily_log import daily_log, period_log
    from app.reports.files import LOG_FORMATS, log_file
    from app.settings import is_demo_database
    from app.sites import site_by_code
    from cli import wiring

    if args.report_command is None:
        raise DomainError("choose a report: daily, period")
    suffix = args.out.suffix.lower()
    if suffix not in LOG_FORMATS:
        raise DomainError(f"--out must end in .pdf or .xlsx, not {args.out.name}")
    if args.report_command == "daily":
        first = last = iso_date(args.date, "--date")
    else:
        first, last = iso_date(args.start, "--from"), iso_date(args.end, "--to")
    ctx = wiring.open_context(args.data_dir, args.db, say)
    actor = ctx.cli_actor(args.as_login, admin_password(), any_role=True)
    site_id = site_by_code(ctx.uow(), args.site).id if args.site else None
    if args.report_command == "daily":
        log = daily_log(ctx.uow(), actor, first, site_id)
    else:
        log = period_log(ctx.uow(), actor, first, last, site_id)
    data = log_file(log, suffix, demo=is_demo_database(ctx.uow()))
    write_bytes_file(args.out, data, private=False)
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

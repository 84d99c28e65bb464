"""Full ID and phone numbers stay in the database: every printout kind shows them masked, no
QR code holds anything but the document's kind, site, number, date and signature, and the
audit trail, the console output and every file the program writes (the database and its
backups aside) hold none of them.

The program writes no log file of its own: it reports on the console (the command line, and
Python's warnings on stderr) and records every action in the audit trail. Both are scanned."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

import app.notices.printing  # noqa: F401  # registers the notice and refusal loaders
from app.auth import login
from app.cases import service
from app.cases.records import AcceptRequest, ApplicantInput
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.notices import refusals
from app.notices import service as notices
from app.notices.records import NoticeRequest, RefusalRequest
from app.printing import render
from app.printing.loaders import load_document, loadable_kinds
from app.signing import format_payload, normalize_payload, parse_payload, verify_payload
from app.validation import mask_id, mask_phone
from db import sealed
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.cli import ADMIN_PASSWORD, run_cli
from tests.helpers.printing import compact, decode_qr, pdf_text

NAME = "王𠇹"
ID = resident_id("32010219850315201")
PHONE = "13912345678"
AGENT_ID = resident_id()
AGENT_PHONE = "0571-88889999"
COLLECTOR_ID = resident_id("44030519900701123")
SECRETS = {ID, PHONE, AGENT_ID, AGENT_PHONE, COLLECTOR_ID}


def digits(text: str) -> str:
    return re.sub(r"[^0-9X]", "", text.upper())


def full_numbers_in(text: str, secrets: set[str]) -> set[str]:
    """The secrets that appear whole in ``text``, however it was spaced or punctuated."""
    flat = digits(text)
    return {s for s in secrets if digits(s) in flat}


@pytest.fixture
def documents(sqlite_demo_ctx: AppContext) -> dict[str, str]:
    """One of every printout kind for one applicant with an agent: kind -> printed number."""
    ctx = sqlite_demo_ctx
    item: ItemVersionRecord = make_item(ctx)
    me = login(ctx.uow(), "zhangwei", "demo-2026")
    ids = {m.name: m.id for m in item.materials}
    applicant = ApplicantInput(
        name=NAME, id_number=ID, phone=PHONE, agent_name="李四", agent_id_number=AGENT_ID,
        agent_phone=AGENT_PHONE,
    )  # fmt: skip
    accepted = service.accept_case(
        ctx.uow(),
        me,
        AcceptRequest(
            item_version_id=item.id,
            applicant=applicant,
            received_material_ids=frozenset({ids["居民身份证"]}),
            deferred_material_ids=frozenset({ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
            deferred_supply_by=date(2026, 11, 27),
            applicant_commitment="三日内补交户口簿",
        ),
    )
    case = service.suspend_case(ctx.uow(), me, accepted.case_id, 1, "corrections", "补正")
    case = service.resume_case(ctx.uow(), me, case.id, case.row_version)
    case = service.supply_deferred(ctx.uow(), me, case.id, case.row_version, [ids["户口簿"]])
    case = service.decide_case(ctx.uow(), me, case.id, case.row_version, "approved", "同意")
    service.deliver_case(ctx.uow(), me, case.id, case.row_version, "pickup", "李四", COLLECTOR_ID)
    notice = notices.issue_one_time_notice(
        ctx.uow(), me, NoticeRequest(item.id, applicant, frozenset({ids["居民身份证"]}))
    )
    refusal = refusals.refuse_application(
        ctx.uow(),
        me,
        RefusalRequest(item.id, applicant, "不属于本中心受理范围", "《行政许可法》第三十二条"),
    )
    number = accepted.number
    # A booking by phone and a referral of a visitor who gave phone and ID at the counter.
    from app.visits.records import ReferralInput, VisitInput
    from app.visits.service import refer_visit, register_visit
    from tests.helpers.appointments import book, make_schedule

    booking = book(ctx, make_schedule(ctx), date(2026, 11, 25), 9 * 60, name=NAME, phone=PHONE)
    visit = register_visit(
        ctx.uow(), me, VisitInput(question="社保转移", visitor_name=NAME, phone=PHONE, id_number=ID)
    )
    # A second case: a special procedure, an extension past the statutory limit, not granted.
    other = service.accept_case(
        ctx.uow(),
        me,
        AcceptRequest(
            item_version_id=item.id,
            applicant=applicant,
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    )
    boss = login(ctx.uow(), "sunli", "demo-2026")
    case = service.suspend_case(ctx.uow(), me, other.case_id, 1, "appraisal", "鉴定", 5)
    case = service.resume_case(ctx.uow(), me, case.id, case.row_version)
    case = service.extend_case(
        ctx.uow(), boss, case.id, case.row_version, 20, "会商", approved_by="局长 刘强"
    )
    service.decide_case(
        ctx.uow(), me, case.id, case.row_version, "denied", "收入超标", "《社会救助暂行办法》第九条"
    )
    lina = login(ctx.uow(), "lina", "demo-2026")
    referral = refer_visit(
        ctx.uow(), me, visit.id, ReferralInput(to_staff_id=lina.staff_id, reason="社保业务")
    )
    # A third case: a deferral left past its date, halted, then terminated (the clock goes
    # forward for it and back, so the other papers keep their day).
    third = service.accept_case(
        ctx.uow(),
        me,
        AcceptRequest(
            item_version_id=item.id,
            applicant=applicant,
            received_material_ids=frozenset({ids["居民身份证"]}),
            deferred_material_ids=frozenset({ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
            deferred_supply_by=date(2026, 11, 25),
            applicant_commitment="次日补交户口簿",
        ),
    )
    today = ctx.clock.now()
    ctx.clock.advance(timedelta(days=2))  # type: ignore[attr-defined]
    case = service.suspend_case(ctx.uow(), me, third.case_id, 1, "deferral_overdue", "逾期")
    service.terminate_case(ctx.uow(), me, case.id, case.row_version, "仍未补交")
    ctx.clock.set(today)  # type: ignore[attr-defined]
    # A queue ticket: it carries no name and no number of the visitor at all.
    from app.queue.service import take_ticket
    from tests.helpers.queue import make_groups

    make_groups(ctx)
    ticket = take_ticket(ctx.uow(), me, "A")
    return {
        "queue_ticket": ticket.number,
        "halt": third.number,
        "termination": third.number,
        "appointment": booking.number,
        "referral": referral.number,
        "receipt": number,
        "deferred": number,
        "correction": f"{number}-C1",
        "completion": number,
        "supply": f"{number}-B1",
        "special": other.number,
        "extension": f"{other.number}-E1",
        "denial": other.number,
        "commitment": "",
        "disclosure": "",
        "notice": notice.number,
        "refusal": refusal.number,
        "guide": item.code,
    }


def test_every_printout_kind_shows_the_numbers_masked(
    sqlite_demo_ctx: AppContext, documents: dict[str, str]
) -> None:
    ctx = sqlite_demo_ctx
    me = login(ctx.uow(), "zhangwei", "demo-2026")
    assert set(documents) == {str(k) for k in loadable_kinds()}, "a printout kind is not scanned"
    seen_masked = set()
    for kind, number in documents.items():
        doc = load_document(ctx.uow(), me, kind, number)
        pdf = render(doc)
        text = compact("".join(pdf_text(pdf)))
        assert not full_numbers_in(text, SECRETS), f"{kind} prints a full number"
        seen_masked |= {m for m in (mask_id(ID), mask_phone(PHONE), mask_id(AGENT_ID)) if m in text}
        if not doc.qr_payload:  # the queue ticket has no QR code: nothing to sign
            assert not decode_qr(pdf)
            continue
        # The QR code on the page is the document's payload and nothing else.
        (printed,) = decode_qr(pdf)
        assert printed == doc.qr_payload and verify_payload(ctx.uow(), printed).genuine
        parsed = parse_payload(printed)
        rebuilt = format_payload(
            parsed.kind, parsed.site_code, parsed.number, parsed.issued_on, parsed.signature
        )
        assert rebuilt == normalize_payload(printed)  # kind, site, number, date, signature: all
        assert not full_numbers_in(printed, SECRETS) and NAME not in printed
        assert not any(ch in printed for ch in "王𠇹李四")
    # The scan reads the numbers the papers do show: masked, on the receipt and the notice.
    assert seen_masked == {mask_id(ID), mask_phone(PHONE), mask_id(AGENT_ID)}


def test_the_audit_trail_holds_no_full_number(
    sqlite_demo_ctx: AppContext, documents: dict[str, str]
) -> None:
    from sqlalchemy import text

    with sqlite_demo_ctx.store.engine.connect() as conn:  # type: ignore[attr-defined]
        rows = conn.execute(text("SELECT * FROM audit_event")).all()
    assert len(rows) > 10
    found = {s for row in rows for s in full_numbers_in(json.dumps([str(v) for v in row]), SECRETS)}
    assert found == set()
    # ... while the case itself keeps them whole (sealed: db.sealed), for finding it again.
    from sqlalchemy import select

    from db.models import CaseFile

    with sqlite_demo_ctx.store.engine.connect() as conn:  # type: ignore[attr-defined]
        raw = conn.execute(text("SELECT id_number, phone, agent_id_number FROM case_file")).all()
        stored = conn.execute(
            select(CaseFile.id_number, CaseFile.phone, CaseFile.agent_id_number)
        ).all()
    assert {tuple(row) for row in stored} == {(ID, PHONE, AGENT_ID)}
    assert not {s for row in raw for s in full_numbers_in(json.dumps(list(row)), SECRETS)}


def test_console_output_and_written_files_hold_no_full_number(tmp_path: Path) -> None:
    """A hall's day on the command line: set-up with simulated cases, lists, a printout, a
    check, a backup, a verification. Nothing printed to the console and no file written
    outside the database (and its backup copies) holds an applicant's full ID or phone."""
    home = tmp_path / "home"
    console: list[str] = []

    def frontdesk(*args: str) -> str:
        done = run_cli(home, *args, password=ADMIN_PASSWORD)
        assert done.returncode == 0, done.stderr
        console.extend((done.stdout, done.stderr))
        return done.stdout

    frontdesk("init", "--demo", "--demo-days", "3", "--admin-password", "admin-2026")
    numbers = [line.split("\t")[0] for line in frontdesk("case", "list").splitlines()]
    frontdesk("case", "list", "--json")
    frontdesk("case", "scan")
    frontdesk("print", "receipt", numbers[0], "--out", str(tmp_path / "receipt.pdf"))
    frontdesk("check")
    frontdesk("backup", "--out", str(tmp_path / "copy.sqlite3"))

    (db_file,) = home.glob("*.sqlite3")
    con = sqlite3.connect(db_file)
    columns = ("id_number", "phone", "agent_id_number", "agent_phone")
    secrets = {  # the full numbers, opened with the key the commands sealed them with
        sealed.unseal(value, column)
        for row in con.execute(f"SELECT {', '.join(columns)} FROM case_file")
        for column, value in zip(columns, row, strict=True)
        if value
    }
    con.close()
    assert len(secrets) > 10 and len(numbers) > 5

    assert not {s for out in console for s in full_numbers_in(out, secrets)}
    text = compact("".join(pdf_text((tmp_path / "receipt.pdf").read_bytes())))
    assert not full_numbers_in(text, secrets)
    written = [
        p for p in home.rglob("*")
        if p.is_file() and not re.search(r"\.sqlite3(-wal|-shm)?$", p.name)
    ]  # fmt: skip
    for path in written:
        content = path.read_bytes().decode("utf-8", "replace")
        assert not full_numbers_in(content, secrets), f"{path} holds a full number"

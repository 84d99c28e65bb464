"""Issue 15: citizens' ID and phone numbers are sealed at rest (db.sealed).

A demo hall with cases, notices, visits, an appointment and a complaint: no table row holds a
full ID or phone number in clear (both engines), a SQLite backup's bytes hold none of them and
no private signing key, and search by ID number, phone and name finds exactly the records made.
A backup restored on a new PC is refused in one line until the keys are imported. A database
upgraded from 0016 with clear values has none left, in its rows or in its file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from app import keystore
from app.auth import login
from app.cases import queries, service
from app.cases.records import AcceptRequest, ApplicantInput, CaseQuery
from app.context import AppContext
from app.feedback import complaints
from app.feedback.records import ComplaintInput, ComplaintTarget
from app.visits.records import VisitInput
from app.visits.service import register_visit
from app.visits.worklist import search_work
from db.migrate import downgrade, ensure_schema
from tests.helpers.appointments import MORNING, book, make_schedule
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.cli import ADMIN_PASSWORD, run_cli
from tests.integration.test_keys import secret_forms

ID_A = resident_id("32010219850315201")
ID_B = resident_id("44030519900701123")
AGENT_ID = resident_id("11010519491231002")
VISIT_ID = resident_id("33010619780214003")
PHONE_A = "13912345678"
PHONE_B = "0571-88889999"
AGENT_PHONE = "13600001111"
VISIT_PHONE = "13700002222"
BOOKED_PHONE = "13500003333"
COMPLAINT_PHONE = "13300004444"
NOTE_PHONE = "13900005555"  # typed into free text: stored masked
NOTE_ID = resident_id("11010119900101123")
NUMBERS = {
    ID_A, ID_B, AGENT_ID, VISIT_ID, PHONE_A, PHONE_B, AGENT_PHONE, VISIT_PHONE, BOOKED_PHONE,
    COMPLAINT_PHONE, NOTE_PHONE, NOTE_ID,
}  # fmt: skip


@dataclass
class Hall:
    cases_a: set[int] = field(default_factory=set)  # applicant ID_A (two cases)
    case_b: int = 0
    visit: int = 0
    schedule: int = 0
    day: date = date.min
    booked: str = ""


def forms(number: str) -> list[bytes]:
    """A number as a file could hold it: UTF-8 text, and (a landline) without its dash."""
    out = [number.encode()]
    if "-" in number:
        out.append(number.replace("-", "").encode())
    return out


def fill(ctx: AppContext) -> Hall:
    hall = Hall()
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    item = make_item(ctx)
    ids = {m.name: m.id for m in item.materials}

    def accept(applicant: ApplicantInput) -> int:
        return service.accept_case(
            ctx.uow(),
            clerk,
            AcceptRequest(
                item_version_id=item.id,
                applicant=applicant,
                received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
                not_applicable_material_ids=frozenset({ids["收入证明"]}),
            ),
        ).case_id

    hall.cases_a.add(accept(ApplicantInput(name="王𠇹", id_number=ID_A, phone=PHONE_A)))
    hall.cases_a.add(
        accept(
            ApplicantInput(
                name="王𠇹",
                id_number=ID_A,
                phone=PHONE_A,
                agent_name="李四",
                agent_id_number=AGENT_ID,
                agent_phone=AGENT_PHONE,
            )
        )
    )
    hall.case_b = accept(ApplicantInput(name="赵钱孙", id_number=ID_B, phone=PHONE_B))
    hall.visit = register_visit(
        ctx.uow(),
        clerk,
        VisitInput(
            "社保卡怎么补办？", visitor_name="周吴郑", phone=VISIT_PHONE, id_number=VISIT_ID
        ),
    ).id
    hall.schedule = make_schedule(ctx)
    hall.day = date(2026, 11, 25)  # the day after the test clock's Tuesday
    hall.booked = book(ctx, hall.schedule, hall.day, MORNING.start, phone=BOOKED_PHONE).number
    boss = login(ctx.uow(), "sunli", "demo-2026")
    complaints.register_complaint(
        ctx.uow(),
        boss,
        ComplaintInput(ComplaintTarget.CENTER, "大厅太冷", complainant_phone=COMPLAINT_PHONE),
    )
    register_visit(ctx.uow(), clerk, VisitInput(f"请回电 {NOTE_PHONE}，证件号 {NOTE_ID}"))
    return hall


def clear_numbers_in_rows(ctx: AppContext) -> set[str]:
    """The numbers found in clear in any column of any table (as the raw SQL reads them)."""
    found: set[str] = set()
    engine = ctx.store.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                flat = " ".join(str(v) for v in row).encode()
                found |= {n for n in NUMBERS if any(f in flat for f in forms(n))}
    return found


def clear_secrets_in_file(path: Path, secrets: list[bytes]) -> list[str]:
    found = []
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            data = part.read_bytes()
            found += [f"{part.name}: {n}" for n in NUMBERS if any(f in data for f in forms(n))]
            found += [f"{part.name}: a private key" for s in secrets if s in data]
    return found


def signing_secrets() -> list[bytes]:
    store = keystore.active()
    return [
        f
        for name in store.names()
        if name.startswith("sign:")
        for f in secret_forms(store.get(name) or b"")
    ]


def hits(ctx: AppContext, typed: str) -> set[tuple[str, int]]:
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    return {(h.kind, h.id) for h in search_work(ctx.uow(), clerk, typed)}


def case_ids(ctx: AppContext, typed: str) -> set[int]:
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    return set(queries.page_case_ids(ctx.uow(), clerk, CaseQuery(text=typed), limit=50).ids)


def assert_search_finds_what_was_made(ctx: AppContext, hall: Hall) -> None:
    assert hits(ctx, ID_A) == {("case", i) for i in hall.cases_a}
    assert hits(ctx, ID_A.lower()) == {("case", i) for i in hall.cases_a}  # x typed small
    assert hits(ctx, ID_B) == {("case", hall.case_b)}
    assert hits(ctx, PHONE_A) == {("case", i) for i in hall.cases_a}
    assert hits(ctx, VISIT_ID) == {("visit", hall.visit)}
    assert hits(ctx, VISIT_PHONE) == {("visit", hall.visit)}
    assert hits(ctx, "周吴郑") == {("visit", hall.visit)}
    assert hits(ctx, "赵钱孙") == {("case", hall.case_b)}
    assert hits(ctx, AGENT_ID) == set()  # an agent's number is kept, not searched
    assert case_ids(ctx, ID_A) == hall.cases_a
    assert case_ids(ctx, PHONE_A) == hall.cases_a
    assert case_ids(ctx, PHONE_B) == {hall.case_b}
    assert case_ids(ctx, "0571 8888 9999") == set()  # as before: a landline as it was stored
    uow = ctx.uow()
    with uow.read():
        assert uow.cases.names_for_id("resident_id", ID_A, 5) == [("王𠇹", 2)]
        assert uow.appointments.active_for_phone(hall.schedule, hall.day, BOOKED_PHONE) == (
            hall.booked
        )
        assert uow.appointments.active_for_phone(hall.schedule, hall.day, PHONE_A) is None


def test_no_number_in_clear_and_search_unchanged(demo_ctx: AppContext, tmp_path: Path) -> None:
    ctx = demo_ctx
    hall = fill(ctx)
    assert clear_numbers_in_rows(ctx) == set()
    assert_search_finds_what_was_made(ctx, hall)
    # ... and the records read back whole.
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    detail = queries.case_detail(ctx.uow(), clerk, max(hall.cases_a))
    assert detail.case.applicant.agent_id_number == AGENT_ID
    assert detail.case.applicant.agent_phone == AGENT_PHONE
    if ctx.store.engine.dialect.name == "sqlite":  # type: ignore[attr-defined]
        out = ctx.store.backup(tmp_path / "backup.sqlite3")  # type: ignore[attr-defined]
        secrets = signing_secrets()
        assert secrets, "the hall has a signing key to look for"
        assert clear_secrets_in_file(out, secrets) == []
        live = Path(ctx.store.engine.url.database)  # type: ignore[attr-defined]
        assert clear_secrets_in_file(live, secrets) == []


def test_upgrade_from_0016_seals_clear_values(demo_ctx: AppContext, tmp_path: Path) -> None:
    """Down to 0016 (every value opened again, as a database made then held them), then up."""
    ctx = demo_ctx
    hall = fill(ctx)
    engine = ctx.store.engine  # type: ignore[attr-defined]
    downgrade(engine, "0016")
    with engine.begin() as conn:  # free text as the old level kept it: unmasked
        conn.execute(
            text("UPDATE visit SET question = :q WHERE id = (SELECT max(id) FROM visit)"),
            {"q": f"请回电 {NOTE_PHONE}，证件号 {NOTE_ID}"},
        )
    assert clear_numbers_in_rows(ctx) == NUMBERS  # the old level holds them all in clear
    ensure_schema(engine, tmp_path)
    assert clear_numbers_in_rows(ctx) == set()
    assert_search_finds_what_was_made(ctx, hall)
    if engine.dialect.name == "sqlite":  # no plaintext left in free pages either
        assert clear_secrets_in_file(Path(engine.url.database), []) == []


def test_restore_on_a_new_pc_needs_the_keys(tmp_path: Path) -> None:
    old_pc, new_pc = tmp_path / "old", tmp_path / "new"
    backup, keyfile = tmp_path / "hall.bak", tmp_path / "hall-keys.json"

    def frontdesk(home: Path, *args: str, code: int = 0) -> str:
        done = run_cli(
            home, *args, password=ADMIN_PASSWORD, own_keys=True,
            FRONTDESK_KEYS_PASSWORD="keep-it-apart-2026",
        )  # fmt: skip
        assert done.returncode == code, done.stderr
        return done.stdout + done.stderr

    said = frontdesk(old_pc, "init", "--demo", "--demo-days", "3", "--admin-password", "admin-2026")
    assert "frontdesk keys export" in said  # init says how to keep a recovery copy
    frontdesk(old_pc, "backup", "--out", str(backup))
    frontdesk(old_pc, "keys", "export", "--out", str(keyfile))
    assert clear_secrets_in_file(backup, []) == []
    refused = frontdesk(new_pc, "restore", str(backup), code=2)
    assert refused.count("\n") == 1 and "data:" in refused and "keys import" in refused, refused
    assert not (new_pc / "frontdesk.sqlite3").exists()
    frontdesk(new_pc, "keys", "import", str(keyfile))  # no database there yet
    frontdesk(new_pc, "restore", str(backup))
    listed = frontdesk(new_pc, "case", "list", "--limit", "5")
    assert listed.strip()
    frontdesk(new_pc, "check")


def test_a_pc_without_the_key_is_told_in_one_line(demo_ctx: AppContext) -> None:
    from app import datakey
    from db import sealed

    ctx = demo_ctx
    fill(ctx)
    before = keystore.active()
    keystore.use(keystore.MemoryKeyStore())
    sealed.forget_cached_keys()
    try:
        with pytest.raises(datakey.MissingDataKey) as refused:
            datakey.require_data_key(ctx.uow())
        assert "keys import" in refused.value.message and "\n" not in refused.value.message
    finally:
        keystore.use(before)
        sealed.forget_cached_keys()
    assert datakey.missing_secret(ctx.uow()) is None

"""Every service that takes typed input, fed hostile input (tests/helpers/hostile.py) on a
real store: no crash (only a field refusal or another domain refusal), every field refusal
names fields of that form, a refused call leaves every table and the audit chain as they were,
and what an accepted call stored reads back as the validators cleaned it.

The default run feeds 50 inputs per form on SQLite and on PostgreSQL; the full run
(``HYPOTHESIS_PROFILE=full``, a separate command, see tests/helpers/hostile.py) 10,000 per
form. ``test_every_service_with_typed_input_is_fed`` keeps the list of forms complete: a new
service must be fed here or declared free of typed input.

The tests share one hall per store and run in file order: the calendar forms first, while few
cases are open (a calendar change re-dates every open case).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app import keytransfer, settings, staff
from app.agency.records import AgencyReason, AgencyTerms
from app.auth import login
from app.calendar import enter_schedule, set_day
from app.cases import queries, transitions
from app.cases.accountability import ACCOUNTABILITY_CAUSES, review_accountability
from app.cases.lifecycle import CaseState, DeliveryMethod, Outcome, SuspensionKind
from app.cases.records import AcceptRequest, ApplicantInput, CaseQuery
from app.cases.service import accept_case
from app.catalog import exchange
from app.catalog.ports import ItemDraft, MaterialDraft
from app.catalog.service import deactivate_item, save_item, search_items
from app.counter import accept_application
from app.errors import AuthenticationError, DomainError
from app.notices import refusals
from app.notices import service as notices
from app.notices.records import NoticeRequest, RefusalRequest
from app.printing.kinds import DocumentKind
from app.printing.loaders import load_document
from app.signing import import_public_key, revoke_site_key, verify_payload
from app.validation import validate_name, validate_phone, validate_resident_id
from tests.helpers.bad_input import (
    BIDI,
    REFUSALS,
    Hall,
    attempt,
    hall_per_store,
)
from tests.helpers.hostile import (
    FORM_SETTINGS,
    calendar_days,
    fed,
    id_numbers,
    names,
    phones,
    picked_dates,
    picked_times,
    texts,
    typed_ints,
)
from tests.integration import (
    test_bad_input_county,
    test_bad_input_exchange,
    test_bad_input_queue,
    test_bad_input_scheduling,
    test_bad_input_sites,
)
from tests.integration.test_bad_input_county import FED as COUNTY_FED
from tests.integration.test_bad_input_exchange import FED as EXCHANGE_FED
from tests.integration.test_bad_input_queue import FED as QUEUE_FED
from tests.integration.test_bad_input_scheduling import FED as SCHEDULING_FED
from tests.integration.test_bad_input_scheduling import TERMS_FIELDS
from tests.integration.test_bad_input_sites import FED as SITES_FED
from tests.integration.test_bad_input_sites import NO_TYPED_INPUT as SITES_NO_TYPED_INPUT
from tests.integration.test_bad_input_visits import FED as VISITS_FED

hall = hall_per_store()


# -- calendar and settings (first: few open cases) ------------------------------------------


@FORM_SETTINGS
@given(day=calendar_days, workday=st.booleans(), label=texts)
def test_calendar_set_day(hall: Hall, day: str, workday: bool, label: str) -> None:
    attempt(
        hall,
        "calendar_set_day",
        {"day", "name"},
        lambda: set_day(hall.uow(), hall.admin, day, workday, label),
    )


schedule_lines = st.one_of(
    st.builds(
        lambda d, kind, label: f"{d},{kind},{label}",
        calendar_days,
        st.one_of(st.sampled_from(["holiday", "workday", "休", "班"]), texts),
        texts,
    ),
    texts,
)


@FORM_SETTINGS
@given(lines=st.lists(schedule_lines, max_size=5))
def test_calendar_enter_schedule(hall: Hall, lines: list[str]) -> None:
    schedule = "\n".join(lines)
    attempt(
        hall,
        "calendar_enter_schedule",
        {"file", "line"},
        lambda: enter_schedule(hall.uow(), hall.admin, schedule),
    )


@FORM_SETTINGS
@given(
    values=st.dictionaries(
        st.one_of(st.sampled_from(["idle_lock_minutes", "backup_keep_days"]), texts),
        st.one_of(st.integers(-5, 4000).map(str), texts),
        min_size=1,
        max_size=3,
    )
)
def test_settings_change(hall: Hall, values: dict[str, str]) -> None:
    fields = set(values)
    if (
        attempt(
            hall, "settings_change", fields, lambda: settings.change(hall.uow(), hall.admin, values)
        )
        is None
    ):
        return
    stored = settings.get_all(hall.uow())
    assert all(str(stored[k]) == str(int(v.strip())) for k, v in values.items())


# -- staff ----------------------------------------------------------------------------------


@FORM_SETTINGS
@given(
    login_name=texts,
    name=names,
    role=st.one_of(st.sampled_from(["clerk", "supervisor", "admin"]), texts),
    password=texts,
    window=st.one_of(st.none(), typed_ints),
)
def test_staff_add(
    hall: Hall, login_name: str, name: str, role: str, password: str, window: int | None
) -> None:
    added = attempt(
        hall,
        "staff_add",
        {"login", "name", "role", "password", "window"},
        lambda: staff.add_staff(
            hall.uow(),
            hall.admin,
            login=login_name,
            name=name,
            role=role,
            password=password,
            window_number=window,
        ),
    )
    if added is not None:
        shown = {s.id: s for s in staff.list_staff(hall.uow(), hall.admin)}[added]
        assert shown.name == validate_name(name) and shown.role == role


spare_logins = st.sampled_from(["liuyang", "chenjing", "zhaolei", "wangfang"])


@FORM_SETTINGS
@given(who=st.one_of(spare_logins, texts), password=texts)
def test_staff_reset_password(hall: Hall, who: str, password: str) -> None:
    attempt(
        hall,
        "staff_reset_password",
        {"login", "password"},
        lambda: staff.reset_password(hall.uow(), hall.admin, who, password),
    )


@FORM_SETTINGS
@given(old=st.one_of(st.just("demo-2026"), texts), new=texts)
def test_staff_change_own_password(hall: Hall, old: str, new: str) -> None:
    attempt(
        hall,
        "staff_change_own_password",
        {"password"},
        lambda: staff.change_own_password(hall.uow(), hall.lina, old, new),
    )


@FORM_SETTINGS
@given(who=st.one_of(spare_logins, texts))
def test_staff_disable(hall: Hall, who: str) -> None:
    attempt(
        hall,
        "staff_disable",
        {"login"},
        lambda: staff.disable_staff(hall.uow(), hall.admin, who),
    )


@FORM_SETTINGS
@given(who=st.one_of(spare_logins, texts), backup=st.one_of(spare_logins, texts))
def test_staff_set_backup(hall: Hall, who: str, backup: str) -> None:
    attempt(
        hall,
        "staff_set_backup",
        {"login", "backup"},
        lambda: staff.set_backup(hall.uow(), hall.boss, who, backup),
    )


# -- catalog --------------------------------------------------------------------------------

ints = st.one_of(st.integers(-5, 400), typed_ints)
materials = st.builds(
    MaterialDraft,
    name=texts,
    form=st.one_of(st.sampled_from(["original", "copy"]), texts),
    copies=ints,
    necessity=st.one_of(st.sampled_from(["required", "conditional", "optional"]), texts),
    condition=texts,
    deferrable=st.booleans(),
    requirements=texts,
)
drafts = st.builds(
    ItemDraft,
    code=st.one_of(st.from_regex(r"[A-Z]{2}-[0-9]{3}", fullmatch=True), texts),
    name=texts,
    department=texts,
    statutory_days=ints,
    committed_days=ints,
    legal_basis=texts,
    fee=texts,
    consult_phone=texts,
    materials=st.lists(materials, max_size=3).map(tuple),
)
DRAFT_FIELDS = set(ItemDraft.__dataclass_fields__)


@FORM_SETTINGS
@given(draft=drafts)
def test_catalog_save_item(hall: Hall, draft: ItemDraft) -> None:
    attempt(
        hall, "catalog_save_item", DRAFT_FIELDS, lambda: save_item(hall.uow(), hall.admin, draft)
    )


@FORM_SETTINGS
@given(code=texts)
def test_catalog_deactivate(hall: Hall, code: str) -> None:
    attempt(
        hall,
        "catalog_deactivate",
        {"code"},
        lambda: deactivate_item(hall.uow(), hall.admin, code),
    )


catalog_files = st.one_of(
    st.binary(max_size=300),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.builds(
        lambda items: json.dumps({"format": "frontdesk-catalog", "items": items}).encode(),
        st.lists(
            st.dictionaries(st.sampled_from(["code", "name", "materials"]), texts), max_size=3
        ),
    ),
)


@FORM_SETTINGS
@given(data=catalog_files)
def test_catalog_import_json(hall: Hall, data: bytes) -> None:
    attempt(
        hall,
        "catalog_import_json",
        {"file"} | DRAFT_FIELDS | {"item"},
        lambda: exchange.import_json(hall.uow(), hall.admin, data),
    )


@FORM_SETTINGS
@given(data=st.binary(max_size=600))
def test_catalog_import_xlsx(hall: Hall, data: bytes) -> None:
    attempt(
        hall,
        "catalog_import_xlsx",
        {"file"} | DRAFT_FIELDS | {"item"},
        lambda: exchange.import_xlsx(hall.uow(), hall.admin, data),
    )


@FORM_SETTINGS
@given(query=texts)
def test_catalog_search(hall: Hall, query: str) -> None:
    fed(f"catalog_search@{hall.store_name}")
    assert isinstance(search_items(hall.uow(), query), list)


# -- the counter ----------------------------------------------------------------------------

applicants = st.builds(
    ApplicantInput,
    name=names,
    id_number=id_numbers(),
    phone=phones,
    id_type=st.one_of(st.just("resident_id"), texts),
    agent_name=st.one_of(st.just(""), names),
    agent_id_number=st.one_of(st.just(""), id_numbers()),
    agent_phone=st.one_of(st.just(""), phones),
)
APPLICANT_FIELDS = {
    "applicant_name",
    "id_number",
    "phone",
    "id_type",
    "agent_name",
    "agent_id_number",
    "agent_phone",
}


def material_ids(hall: Hall) -> st.SearchStrategy[frozenset[int]]:
    real = [m.id for m in hall.item.materials]
    return st.frozensets(st.one_of(st.sampled_from(real), st.integers(-3, 10**6)), max_size=5)


def accept_requests(hall: Hall) -> st.SearchStrategy[AcceptRequest]:
    ids = material_ids(hall)
    return st.builds(
        hall.request,
        applicant=applicants,
        received_material_ids=st.one_of(st.just(hall.request().received_material_ids), ids),
        deferred_material_ids=st.one_of(st.just(frozenset()), ids),
        not_applicable_material_ids=ids,
        deferred_supply_by=picked_dates,
        applicant_commitment=texts,
        received_at=picked_times,
        window_number=st.one_of(st.none(), st.integers(-2, 12)),
        is_agency=st.booleans(),
    )


ACCEPT_FIELDS = APPLICANT_FIELDS | {
    "materials",
    "received_at",
    "applicant_commitment",
    "deferred_supply_by",
    "window",
    "deemed_accepted_on",
    "item",
}


@FORM_SETTINGS
@given(data=st.data())
def test_accept_case(hall: Hall, data: st.DataObject) -> None:
    req = data.draw(accept_requests(hall))
    result = attempt(
        hall, "accept_case", ACCEPT_FIELDS, lambda: accept_case(hall.uow(), hall.clerk, req)
    )
    if result is None:
        return
    case = queries.find_case_by_number(hall.uow(), hall.clerk, result.number)
    assert case is not None  # stored as the validators cleaned it, not as typed
    assert case.applicant.name == validate_name(req.applicant.name)
    assert case.applicant.phone == validate_phone(req.applicant.phone)
    if req.applicant.id_type == "resident_id":
        today = hall.clock.now().date()
        assert case.applicant.id_number == validate_resident_id(
            req.applicant.id_number, today=today
        )


@FORM_SETTINGS
@given(data=st.data(), as_agency=st.booleans())
def test_accept_application(hall: Hall, data: st.DataObject, as_agency: bool) -> None:
    """The counter's one 受理 button: plain, or as an agency case with the clerk as agent."""
    req = data.draw(accept_requests(hall))
    terms = None
    if as_agency:
        terms = AgencyTerms(
            agent_id=hall.clerk.staff_id,
            reason=AgencyReason.ELDERLY,
            authorised_on=hall.clock.now().date(),
            document_ref="委托书",
            scope="全程代办",
        )
    attempt(
        hall,
        "accept_application",
        ACCEPT_FIELDS | TERMS_FIELDS,
        lambda: accept_application(hall.uow(), hall.clerk, req, agency=terms),
    )


@FORM_SETTINGS
@given(data=st.data())
def test_accept_with_notice(hall: Hall, data: st.DataObject) -> None:
    req = data.draw(accept_requests(hall))
    notice_id = hall.notice_id
    if attempt(
        hall,
        "accept_with_notice",
        ACCEPT_FIELDS,
        lambda: notices.accept_with_notice(hall.uow(), hall.clerk, notice_id, req),
    ):
        hall.new_notice()  # that one is closed now


@FORM_SETTINGS
@given(data=st.data())
def test_issue_notice(hall: Hall, data: st.DataObject) -> None:
    ids = material_ids(hall)
    req = data.draw(
        st.builds(
            NoticeRequest,
            item_version_id=st.just(hall.item.id),
            applicant=applicants,
            received_material_ids=ids,
            not_applicable_material_ids=ids,
            received_at=picked_times,
            supply_by=picked_dates,
            window_number=st.one_of(st.none(), st.integers(-2, 12)),
        )
    )
    attempt(
        hall,
        "issue_notice",
        APPLICANT_FIELDS | {"materials", "received_at", "supply_by", "window", "item"},
        lambda: notices.issue_one_time_notice(hall.uow(), hall.clerk, req),
    )


@FORM_SETTINGS
@given(data=st.data(), reason=texts)
def test_record_extra_demand(hall: Hall, data: st.DataObject, reason: str) -> None:
    photo = next(m.id for m in hall.item.materials if m.name == "近期照片")
    material = data.draw(st.one_of(st.just(photo), st.integers(-3, 10**6)))
    notice_id = hall.notice_id
    if attempt(
        hall,
        "record_extra_demand",
        {"reason", "material"},
        lambda: notices.record_extra_demand(hall.uow(), hall.clerk, notice_id, material, reason),
    ):
        hall.new_notice()  # the next input meets a notice without that demand


@FORM_SETTINGS
@given(typed=texts)
def test_find_notice(hall: Hall, typed: str) -> None:
    attempt(
        hall, "find_notice", {"text"}, lambda: notices.find_notice(hall.uow(), hall.clerk, typed)
    )


@FORM_SETTINGS
@given(
    id_type=st.one_of(st.sampled_from(["resident_id", "passport"]), texts),
    number=texts,
    name=texts,
)
def test_other_names(hall: Hall, id_type: str, number: str, name: str) -> None:
    from app.cases.identity import other_names

    attempt(
        hall,
        "other_names",
        {"id_type", "id_number", "name"},
        lambda: other_names(hall.uow(), hall.clerk, id_type, number, name),
    )


@FORM_SETTINGS
@given(applicant=applicants, reason=texts, basis=texts, redirect=texts)
def test_refuse_application(
    hall: Hall, applicant: ApplicantInput, reason: str, basis: str, redirect: str
) -> None:
    req = RefusalRequest(hall.item.id, applicant, reason, basis, redirect)
    attempt(
        hall,
        "refuse_application",
        APPLICANT_FIELDS | {"reason", "legal_basis", "redirect_to", "window", "item"},
        lambda: refusals.refuse_application(hall.uow(), hall.clerk, req),
    )


@FORM_SETTINGS
@given(number=texts)
def test_find_refusal(hall: Hall, number: str) -> None:
    attempt(
        hall,
        "find_refusal",
        {"number"},
        lambda: refusals.find_refusal_by_number(hall.uow(), hall.clerk, number),
    )


@FORM_SETTINGS
@given(number=texts)
def test_find_case(hall: Hall, number: str) -> None:
    attempt(
        hall,
        "find_case",
        {"number"},
        lambda: queries.find_case_by_number(hall.uow(), hall.clerk, number),
    )


@FORM_SETTINGS
@given(typed=texts, start=picked_dates, end=picked_dates)
def test_case_search(hall: Hall, typed: str, start: Any, end: Any) -> None:
    query = CaseQuery(text=typed, accepted_from=start, accepted_to=end)
    attempt(
        hall,
        "case_search",
        {"text", "accepted_from", "accepted_to"},
        lambda: queries.page_case_ids(hall.uow(), hall.boss, query, None, 50),
    )


# -- case actions ---------------------------------------------------------------------------

OPEN = (CaseState.ACCEPTED, CaseState.IN_PROGRESS)
stale = st.sampled_from([0, 0, 0, 0, -1, 1])


def act(
    hall: Hall,
    form: str,
    fields: set[str],
    states: tuple[CaseState, ...],
    move: Callable[[int, int], Any],
    off: int,
) -> None:
    case_id, version = hall.case_in(*states)
    moved = attempt(hall, form, fields, lambda: move(case_id, version + off))
    if moved is not None:
        hall.moved(moved)
        written = moved.events[-1].reason  # stored as validated: no control or direction mark
        assert written == written.strip() and not any(
            ch in BIDI or (unicodedata.category(ch) in ("Cc", "Cs") and ch != "\n")
            for ch in written
        ), written


@FORM_SETTINGS
@given(position=st.integers(-3, 12), note=texts, off=stale)
def test_case_complete_step(hall: Hall, position: int, note: str, off: int) -> None:
    act(
        hall,
        "case_complete_step",
        {"position", "note"},
        OPEN,
        lambda c, v: transitions.complete_step(hall.uow(), hall.clerk, c, v, position, note),
        off,
    )


@FORM_SETTINGS
@given(
    kind=st.one_of(st.sampled_from(list(SuspensionKind)), texts),
    reason=texts,
    days=st.one_of(st.none(), st.integers(-5, 400)),
    off=stale,
)
def test_case_suspend(hall: Hall, kind: str, reason: str, days: int | None, off: int) -> None:
    act(
        hall,
        "case_suspend",
        {"kind", "reason", "expected_days"},
        OPEN,
        lambda c, v: transitions.suspend_case(hall.uow(), hall.clerk, c, v, kind, reason, days),
        off,
    )


@FORM_SETTINGS
@given(note=texts, off=stale)
def test_case_resume(hall: Hall, note: str, off: int) -> None:
    act(
        hall,
        "case_resume",
        {"note"},
        (CaseState.SUSPENDED,),
        lambda c, v: transitions.resume_case(hall.uow(), hall.clerk, c, v, note),
        off,
    )


@FORM_SETTINGS
@given(days=typed_ints, reason=texts, approver=texts, off=stale)
def test_case_extend(hall: Hall, days: int, reason: str, approver: str, off: int) -> None:
    act(
        hall,
        "case_extend",
        {"days", "reason", "approved_by"},
        (*OPEN, CaseState.SUSPENDED),
        lambda c, v: transitions.extend_case(hall.uow(), hall.boss, c, v, days, reason, approver),
        off,
    )


@FORM_SETTINGS
@given(outcome=st.one_of(st.sampled_from(list(Outcome)), texts), note=texts, basis=texts, off=stale)
def test_case_decide(hall: Hall, outcome: str, note: str, basis: str, off: int) -> None:
    act(
        hall,
        "case_decide",
        {"outcome", "note", "legal_basis"},
        OPEN,
        lambda c, v: transitions.decide_case(hall.uow(), hall.clerk, c, v, outcome, note, basis),
        off,
    )


@FORM_SETTINGS
@given(
    materials=st.lists(st.one_of(st.integers(-3, 2**40), texts), max_size=4),
    note=texts,
    off=stale,
)
def test_case_supply(hall: Hall, materials: list[object], note: str, off: int) -> None:
    from app.cases.transitions import supply_deferred

    act(
        hall,
        "case_supply",
        {"materials", "note"},
        OPEN,
        lambda c, v: supply_deferred(hall.uow(), hall.clerk, c, v, materials, note),
        off,
    )


@FORM_SETTINGS
@given(
    method=st.one_of(st.sampled_from(list(DeliveryMethod)), texts),
    who=names,
    id_number=id_numbers(),
    off=stale,
)
def test_case_deliver(hall: Hall, method: str, who: str, id_number: str, off: int) -> None:
    act(
        hall,
        "case_deliver",
        {"method", "collected_by", "collector_id_number"},
        (CaseState.DECIDED,),
        lambda c, v: transitions.deliver_case(hall.uow(), hall.clerk, c, v, method, who, id_number),
        off,
    )


@FORM_SETTINGS
@given(reason=texts, off=stale)
def test_case_withdraw(hall: Hall, reason: str, off: int) -> None:
    act(
        hall,
        "case_withdraw",
        {"reason"},
        (*OPEN, CaseState.SUSPENDED),
        lambda c, v: transitions.withdraw_case(hall.uow(), hall.clerk, c, v, reason),
        off,
    )


@FORM_SETTINGS
@given(reason=texts, off=stale)
def test_case_terminate(hall: Hall, reason: str, off: int) -> None:
    act(
        hall,
        "case_terminate",
        {"reason"},
        (*OPEN, CaseState.SUSPENDED),
        lambda c, v: transitions.terminate_case(hall.uow(), hall.clerk, c, v, reason),
        off,
    )


@FORM_SETTINGS
@given(code=texts)
def test_catalog_publish(hall: Hall, code: str) -> None:
    from app.catalog.publication import publish_item

    attempt(
        hall,
        "catalog_publish",
        {"code", "version"},
        lambda: publish_item(hall.uow(), hall.boss, code),
    )


@FORM_SETTINGS
@given(
    data=st.data(),
    cause=st.one_of(st.sampled_from(sorted(ACCOUNTABILITY_CAUSES)), texts),
    note=texts,
    outcome=texts,
)
def test_review_accountability(
    hall: Hall, data: st.DataObject, cause: str, note: str, outcome: str
) -> None:
    record = data.draw(st.one_of(st.sampled_from(hall.record_ids), st.integers(-3, 10**6)))
    attempt(
        hall,
        "review_accountability",
        {"cause", "note", "outcome", "record"},
        lambda: review_accountability(hall.uow(), hall.boss, record, cause, note, outcome),
    )


# -- documents, keys, logins ------------------------------------------------------------------


@FORM_SETTINGS
@given(kind=st.one_of(st.sampled_from(list(DocumentKind)), texts), number=texts)
def test_load_document(hall: Hall, kind: str, number: str) -> None:
    attempt(
        hall,
        "load_document",
        {"kind", "number"},
        lambda: load_document(hall.uow(), hall.clerk, kind, number),
    )


key_files = st.one_of(
    texts,
    st.builds(
        lambda code, key, name: json.dumps(
            {
                "format": "frontdesk-site-key",
                "site_code": code,
                "public_key": key,
                "site_name": name,
            }
        ),
        texts,
        st.one_of(st.from_regex(r"[0-9a-f]{64}", fullmatch=True), texts),
        texts,
    ),
)


@FORM_SETTINGS
@given(content=key_files)
def test_import_public_key(hall: Hall, content: str) -> None:
    attempt(
        hall,
        "import_public_key",
        {"public_key"},
        lambda: import_public_key(hall.uow(), hall.admin, content),
    )


@FORM_SETTINGS
@given(fingerprint=texts)
def test_revoke_site_key(hall: Hall, fingerprint: str) -> None:
    attempt(
        hall,
        "revoke_site_key",
        {"fingerprint"},
        lambda: revoke_site_key(hall.uow(), hall.admin, fingerprint),
    )


@FORM_SETTINGS
@given(content=texts, password=texts)
def test_import_private_keys(hall: Hall, content: str, password: str) -> None:
    attempt(
        hall,
        "import_private_keys",
        {"file", "password"},
        lambda: keytransfer.import_private_keys(hall.uow(), hall.admin, content, password),
    )


@FORM_SETTINGS
@given(password=texts)
def test_export_private_keys(hall: Hall, password: str) -> None:
    attempt(
        hall,
        "export_private_keys",
        {"password"},
        lambda: keytransfer.export_private_keys(hall.uow(), hall.admin, password),
    )


@FORM_SETTINGS
@given(payload=texts)
def test_verify_scanned_payload(hall: Hall, payload: str) -> None:
    fed(f"verify_payload@{hall.store_name}")
    before = hall.snapshot()
    verdict = verify_payload(hall.uow(), payload)
    assert not verdict.genuine and verdict.reason.strip()
    assert hall.snapshot() == before


@FORM_SETTINGS
@given(login_name=st.one_of(st.sampled_from(["zhaolei", "ZHAOLEI "]), texts), password=texts)
def test_login(hall: Hall, login_name: str, password: str) -> None:
    """A refused login is audited (and counted towards the lockout): that is its only write."""
    fed(f"login@{hall.store_name}")
    try:
        actor = login(hall.uow(), login_name, password)
    except AuthenticationError as exc:
        assert exc.message.strip()
    else:
        assert actor.login == login_name.strip().lower()


# -- completeness -----------------------------------------------------------------------------


@FORM_SETTINGS
@given(
    question=texts,
    kind=st.sampled_from(["consultation", "application", "complaint", "other", "咨询", ""]),
    name=names,
    phone=st.one_of(st.just(""), phones),
    id_number=st.one_of(st.just(""), id_numbers()),
    answer=st.one_of(st.just(""), texts),
)
def test_register_visit(
    hall: Hall, question: str, kind: str, name: str, phone: str, id_number: str, answer: str
) -> None:
    from app.visits.records import VisitInput
    from app.visits.service import register_visit

    visit = VisitInput(
        question=question,
        visit_type=kind,
        visitor_name=name,
        phone=phone,
        id_number=id_number,
        answer=answer,
    )
    attempt(
        hall,
        "register_visit",
        {"question", "visit_type", "visitor_name", "phone", "id_number", "answer", "window"},
        lambda: register_visit(hall.uow(), hall.clerk, visit),
    )


@FORM_SETTINGS
@given(
    target=st.sampled_from(["staff", "window", "case", "center", "nobody"]),
    channel=st.sampled_from(["counter", "phone", "12345", "mail"]),
    content=texts,
    case_number=st.one_of(st.just(""), texts),
    name=st.one_of(st.just(""), names),
    phone=st.one_of(st.just(""), phones),
)
def test_register_complaint(
    hall: Hall, target: str, channel: str, content: str, case_number: str, name: str, phone: str
) -> None:
    from app.feedback.complaints import register_complaint
    from app.feedback.records import ComplaintInput

    complaint = ComplaintInput(
        target=target,  # type: ignore[arg-type]
        content=content,
        channel=channel,  # type: ignore[arg-type]
        staff_id=hall.clerk.staff_id if target == "staff" else None,
        window_number=1 if target == "window" else None,
        case_number=case_number,
        complainant_name=name,
        complainant_phone=phone,
    )
    attempt(
        hall,
        "register_complaint",
        {
            "target",
            "channel",
            "content",
            "staff",
            "window",
            "case",
            "case_number",
            "complainant_name",
            "complainant_phone",
        },
        lambda: register_complaint(hall.uow(), hall.boss, complaint),
    )


FED = {
    "app.calendar.set_day": "calendar_set_day",
    "app.calendar.enter_schedule": "calendar_enter_schedule",
    "app.settings.change": "settings_change",
    "app.staff.add_staff": "staff_add",
    "app.staff.reset_password": "staff_reset_password",
    "app.staff.change_own_password": "staff_change_own_password",
    "app.staff.disable_staff": "staff_disable",
    "app.staff.set_backup": "staff_set_backup",
    "app.catalog.service.save_item": "catalog_save_item",
    "app.catalog.service.deactivate_item": "catalog_deactivate",
    "app.catalog.exchange.import_json": "catalog_import_json",
    "app.catalog.exchange.import_xlsx": "catalog_import_xlsx",
    "app.cases.acceptance.accept_case": "accept_case",
    "app.counter.accept_application": "accept_application",
    "app.notices.service.accept_with_notice": "accept_with_notice",
    "app.notices.service.issue_one_time_notice": "issue_notice",
    "app.notices.service.record_extra_demand": "record_extra_demand",
    "app.notices.service.find_notice": "find_notice",
    "app.notices.refusals.refuse_application": "refuse_application",
    "app.notices.refusals.find_refusal_by_number": "find_refusal",
    "app.cases.queries.find_case_by_number": "find_case",
    "app.cases.queries.page_case_ids": "case_search",
    "app.cases.queries.count_cases": "case_search",
    "app.cases.transitions.complete_step": "case_complete_step",
    "app.cases.transitions.suspend_case": "case_suspend",
    "app.cases.transitions.resume_case": "case_resume",
    "app.cases.transitions.extend_case": "case_extend",
    "app.cases.transitions.decide_case": "case_decide",
    "app.cases.transitions.supply_deferred": "case_supply",
    "app.cases.identity.other_names": "other_names",
    "app.cases.transitions.deliver_case": "case_deliver",
    "app.cases.transitions.withdraw_case": "case_withdraw",
    "app.cases.transitions.terminate_case": "case_terminate",
    "app.catalog.publication.publish_item": "catalog_publish",
    "app.cases.accountability.review_accountability": "review_accountability",
    "app.printing.loaders.load_document": "load_document",
    "app.printing.records.print_history": "load_document",  # kind and number, like loading
    "app.signing.import_public_key": "import_public_key",
    "app.signing.revoke_site_key": "revoke_site_key",
    "app.keytransfer.import_private_keys": "import_private_keys",
    "app.keytransfer.export_private_keys": "export_private_keys",
    "app.visits.service.register_visit": "register_visit",
    "app.feedback.complaints.register_complaint": "register_complaint",
}

# Services whose arguments come from a list, a picker or the program, never from typing.
NO_TYPED_INPUT = {
    # The audit event of an import of keys (a count): the key file itself is fed to
    # import_private_keys / import_without_database.
    "app.keytransfer.record_import",
    # Queue: a ticket picked on the counter's panel (id and version), the hall's own lists.
    "app.queue.service.recall_ticket",
    "app.queue.service.skip_ticket",
    "app.queue.service.serve_ticket",
    "app.queue.service.finish_ticket",
    "app.queue.service.current_ticket",
    "app.queue.service.queue_groups",
    "app.queue.service.waiting_counts",
    "app.queue.hall.hall_calls",
    "app.queue.hall.hall_windows",
    "app.audit.list_events",
    "app.cases.queries.case_rows",
    "app.cases.queries.case_detail",
    "app.cases.queries.warning_counts",
    "app.cases.queries.list_accountability",
    "app.cases.transitions.start_case",
    "app.catalog.service.reactivate_item",  # the same code check as deactivate_item
    "app.catalog.publication.publish_version",  # the row chosen in the catalog list
    "app.catalog.publication.unpublished_items",
    "app.catalog.exchange.import_file",  # a path from the file dialog; the bytes are fed above
    "app.maintenance.backup_now",
    "app.maintenance.check_store",
    "app.notices.refusals.get_refusal",
    "app.notices.service.prepare_checklist",
    "app.notices.service.count_breaches",
    "app.notices.service.get_notice",
    "app.printing.records.issue_copy",
    "app.printing.records.record_print",  # the number of a document just loaded (fed above)
    "app.signing.export_public_key",
    "app.signing.list_site_keys",
    "app.signing.rotate_site_key",
    "app.staff.list_staff",
    # lists, pickers and records opened by id (the areas merged last)
    "app.agency.service.agency_agents",
    "app.agency.service.agency_detail",
    "app.appointments.schedule.day_plan",
    "app.appointments.schedule.list_schedules",
    "app.appointments.schedule.reopen_day",
    "app.appointments.schedule.schedule_choices",
    "app.appointments.service.check_in_appointment",
    "app.appointments.service.day_appointments",
    "app.appointments.service.get_appointment",
    "app.appointments.service.mark_no_shows",
    "app.catalog.service.usual_items",
    "app.feedback.appeals.appeal_rows",
    "app.feedback.appeals.page_appeal_ids",
    "app.feedback.complaints.complaint_rows",
    "app.feedback.complaints.count_complaints",
    "app.feedback.complaints.get_complaint",
    "app.feedback.complaints.page_complaint_ids",
    "app.feedback.ratings.count_ratings",
    "app.feedback.ratings.page_rating_ids",
    "app.feedback.ratings.rating_for",
    "app.feedback.ratings.rating_rows",
    "app.feedback.rectifications.page_rectification_ids",
    "app.feedback.rectifications.rectification_for",
    "app.feedback.rectifications.rectification_rows",
    "app.reports.statistics.statistics_filters",
    "app.reports.county.viewable_sites",  # the actor's own site and its townships
    "app.reports.county.silent_townships",  # the bundle log, read by the program
    "app.counter_pcs.list_pcs",  # the server's roles, listed: no argument but the actor
    "app.counter_pcs.grant_pcs",  # re-applies the group's grants: no argument but the actor
    "app.sync.status.sync_status",  # the peers and bundle log, read: no argument but the actor
    "app.visits.absence.current_absences",
    "app.visits.absence.end_absence",
    "app.visits.absence.standing_in_for",
    "app.visits.absence.upcoming_absences",
    "app.visits.service.referral_targets",
    "app.visits.service.visit_detail",
    "app.visits.worklist.count_deferred",
    "app.visits.worklist.count_referrals",
    "app.visits.worklist.count_visits",
    "app.visits.worklist.deferred_rows",
    "app.visits.worklist.my_queue",
    "app.visits.worklist.overdue_referrals",
    "app.visits.worklist.page_deferred_ids",
    "app.visits.worklist.page_referral_ids",
    "app.visits.worklist.page_visit_ids",
    "app.visits.worklist.referral_rows",
    "app.visits.worklist.visit_rows",
}


def test_every_service_with_typed_input_is_fed() -> None:
    from tests.unit.test_role_matrix import services

    declared = {name for name, _ in services()}
    every = {
        **FED,
        **VISITS_FED,
        **SCHEDULING_FED,
        **QUEUE_FED,
        **SITES_FED,
        **COUNTY_FED,
        **EXCHANGE_FED,
    }
    no_typed_input = NO_TYPED_INPUT | SITES_NO_TYPED_INPUT
    unclassified = declared - set(every) - no_typed_input
    assert not unclassified, (
        "new services: feed them hostile input in tests/integration/test_bad_input*.py (FED) "
        f"or list them in NO_TYPED_INPUT: {sorted(unclassified)}"
    )
    assert not (set(every) | no_typed_input) - declared, "listed services that no longer exist"
    missing = {form for form in FED.values() if f"test_{form}" not in globals()}
    missing |= {
        form
        for form in SCHEDULING_FED.values()
        if not hasattr(test_bad_input_scheduling, f"test_{form}")
    }
    missing |= {
        form for form in QUEUE_FED.values() if not hasattr(test_bad_input_queue, f"test_{form}")
    }
    missing |= {
        form for form in SITES_FED.values() if not hasattr(test_bad_input_sites, f"test_{form}")
    }
    missing |= {
        form for form in COUNTY_FED.values() if not hasattr(test_bad_input_county, f"test_{form}")
    }
    missing |= {
        form
        for form in EXCHANGE_FED.values()
        if not hasattr(test_bad_input_exchange, f"test_{form}")
    }
    assert not missing, f"forms without their test: {sorted(missing)}"


def test_domain_errors_are_the_only_refusals() -> None:
    """The refusals ``attempt`` accepts are all domain errors with a clerk-facing message."""
    assert all(issubclass(e, DomainError) for e in REFUSALS)

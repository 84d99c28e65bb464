"""Signed QR payloads: short, scannable text that only the issuing site could have made, and
that says nothing about the applicant."""

from __future__ import annotations

import copy
import dataclasses
import functools
import json
import string
from datetime import UTC, date, datetime

import pytest

from app import audit, keystore
from app.auth import login
from app.clock import ManualClock
from app.errors import PermissionDenied, ValidationError
from app.printing.kinds import KIND_SPECS, DocumentKind
from app.setup import initialize
from app.signing import (
    SIG_LENGTH,
    ensure_site_key,
    export_public_key,
    import_public_key,
    looks_like_payload,
    parse_payload,
    sign_document,
    verify_payload,
)
from tests.helpers.fakes import FakeUnitOfWork

QR_ALPHANUMERIC = set(string.digits + string.ascii_uppercase + " $%*+-./:")
SHELL_SPECIAL = set(" $*`'\"\\!&;|<>(){}[]?~#")
DAY = date(2026, 11, 26)


@functools.cache
def _demo_hall() -> FakeUnitOfWork:
    uow = FakeUnitOfWork(ManualClock(datetime(2026, 11, 26, 2, 0, tzinfo=UTC)))
    initialize(uow, "admin-2026", demo=True, demo_catalog=False)
    return uow


def hall(code: str = "QH") -> FakeUnitOfWork:
    """A demo hall with its own fresh key (password hashing is slow: copy one made once)."""
    uow = copy.deepcopy(_demo_hall())
    site = uow.sites.sites[1]
    uow.sites.sites[1] = dataclasses.replace(site, code=code, name=f"{code}中心")
    uow.keys.rows.clear()
    with uow.write():
        ensure_site_key(uow, 1)
    return uow


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return hall()


def test_initialize_gives_the_site_one_key_and_keeps_it() -> None:
    uow = copy.deepcopy(_demo_hall())
    assert len(uow.keys.rows) == 1
    initialize(uow, None)
    assert len(uow.keys.rows) == 1
    assert [e.action for e in uow.audit.events].count("site_key_created") == 1
    assert audit.verify(uow).ok


def test_receipt_payload_is_short_alphanumeric_and_verifies(uow: FakeUnitOfWork) -> None:
    payload = sign_document(uow, DocumentKind.RECEIPT, "QH-20261126-0007", DAY)
    assert len(payload) == 118 < 120
    assert set(payload) <= QR_ALPHANUMERIC and not set(payload) & SHELL_SPECIAL
    assert payload.startswith("FD1A") and "QH.20261126-0007" in payload
    verdict = verify_payload(uow, payload)
    assert verdict.genuine and verdict.local
    assert (verdict.site_code, verdict.kind, verdict.number, verdict.issued_on) == (
        "QH",
        DocumentKind.RECEIPT,
        "QH-20261126-0007",
        DAY,
    )
    # The fake store keeps cases now, and this hall has none with that number: said too.
    assert verdict.describe() == (
        "genuine: 受理回执 QH-20261126-0007, issued 2026-11-26 by this site"
        "; record: case not found in this database"
    )


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_kind_round_trips(uow: FakeUnitOfWork, kind: DocumentKind) -> None:
    number = "MZ-001-V3" if kind is DocumentKind.GUIDE else "QH-N20261126-0012"
    payload = sign_document(uow, kind, number, date(2031, 2, 28))
    parsed = parse_payload(payload)
    assert (parsed.kind, parsed.number, parsed.issued_on) == (kind, number, date(2031, 2, 28))
    assert verify_payload(uow, payload).genuine


def test_kind_letters_are_unique() -> None:
    letters = [spec.letter for spec in KIND_SPECS.values()]
    assert len(letters) == len(set(letters))


def test_every_single_character_change_is_caught(uow: FakeUnitOfWork) -> None:
    payload = sign_document(uow, DocumentKind.RECEIPT, "QH-20261126-0007", DAY)
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ%+-./:"
    for i, ch in enumerate(payload):
        other = alphabet[(alphabet.index(ch) + 7) % len(alphabet)]
        changed = payload[:i] + other + payload[i + 1 :]
        assert not verify_payload(uow, changed).genuine, f"change at {i} went unnoticed"


def test_a_changed_number_or_date_is_not_genuine(uow: FakeUnitOfWork) -> None:
    payload = sign_document(uow, DocumentKind.RECEIPT, "QH-20261126-0007", DAY)
    forged = payload.replace("20261126-0007", "20261126-0008")
    verdict = verify_payload(uow, forged)
    assert not verdict.genuine and verdict.number == "QH-20261126-0008"
    assert "签名不符" in verdict.reason
    assert verdict.describe().startswith("NOT genuine (QH QH-20261126-0008): 签名不符")


def test_a_forged_signature_from_another_key_is_not_genuine(uow: FakeUnitOfWork) -> None:
    forger = hall()  # another database that calls itself QH too
    payload = sign_document(forger, DocumentKind.RECEIPT, "QH-20261126-0007", DAY)
    assert verify_payload(forger, payload).genuine
    assert not verify_payload(uow, payload).genuine


def test_payload_carries_no_personal_data(uow: FakeUnitOfWork) -> None:
    payload = sign_document(uow, DocumentKind.RECEIPT, "QH-20261126-0007", DAY)
    head = payload[:-SIG_LENGTH]
    assert head == "FD1A" + head[4:7] + "QH.20261126-0007"  # kind, date, site, number: all


def test_scanner_quirks_still_verify(uow: FakeUnitOfWork) -> None:
    payload = sign_document(uow, DocumentKind.RECEIPT, "QH-20261126-0007", DAY)
    full_width = payload.replace(":", "：").replace("-", "－")
    assert verify_payload(uow, f"  {full_width.lower()}\r\n").genuine


def test_looks_like_payload(uow: FakeUnitOfWork) -> None:
    payload = sign_document(uow, DocumentKind.RECEIPT, "QH-20261126-0007", DAY)
    assert looks_like_payload(payload)
    for text in ("QH-20261126-0007", "110105194912310021", "王伟", "", "FD1" + "A" * 200):
        assert not looks_like_payload(text), text


@pytest.mark.parametrize("text", ["", "QH-20261126-0007", "FD1Z" + "0" * 120, "hello"])
def test_garbage_is_not_genuine_and_says_why(uow: FakeUnitOfWork, text: str) -> None:
    verdict = verify_payload(uow, text)
    assert not verdict.genuine and verdict.reason
    assert verdict.describe().startswith("NOT genuine")


def test_other_sites_documents_verify_after_importing_their_key(uow: FakeUnitOfWork) -> None:
    township = hall("XZ")
    payload = sign_document(township, DocumentKind.RECEIPT, "XZ-20261126-0001", DAY)
    verdict = verify_payload(uow, payload)
    assert not verdict.genuine and "导入" in verdict.reason

    exported = export_public_key(township, login(township, "admin", "admin-2026"))
    data = json.loads(exported)
    assert data["site_code"] == "XZ" and len(bytes.fromhex(data["public_key"])) == 32
    private = keystore.active().get(township.keys.own_key(1).secret_name)
    assert private is not None and private.hex() not in exported

    admin = login(uow, "admin", "admin-2026")
    key = import_public_key(uow, admin, exported)
    assert key.site_code == "XZ" and not key.own
    verdict = verify_payload(uow, payload)
    assert verdict.genuine and not verdict.local and "site XZ" in verdict.describe()
    assert import_public_key(uow, admin, exported) == key  # again: nothing changes
    actions = [e.action for e in uow.audit.events]
    assert actions.count("site_key_imported") == 1
    assert "site_key_exported" in [e.action for e in township.audit.events]
    assert audit.verify(uow).ok


def test_key_exchange_is_for_administrators_only(uow: FakeUnitOfWork) -> None:
    clerk = login(uow, "zhangwei", "demo-2026")
    with pytest.raises(PermissionDenied):
        export_public_key(uow, clerk)
    with pytest.raises(PermissionDenied):
        import_public_key(uow, clerk, "{}")


def test_importing_bad_or_own_keys_is_refused(uow: FakeUnitOfWork) -> None:
    admin = login(uow, "admin", "admin-2026")
    own = export_public_key(uow, admin)
    with pytest.raises(ValidationError, match="本站点自己的编码"):
        import_public_key(uow, admin, own)
    for bad in (
        "",
        "not json",
        '{"format": "x"}',
        own.replace('"public_key": "', '"public_key": "zz'),
    ):
        with pytest.raises(ValidationError, match="公钥"):
            import_public_key(uow, admin, bad)

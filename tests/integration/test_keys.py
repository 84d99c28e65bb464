"""Signing keys out of the database: rotation, revocation, the password-protected copy for a new
PC, migration 0011 moving old keys out, and backups holding no private key."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from app import audit, keystore, keytransfer
from app.auth import login
from app.cases.transitions import withdraw_case
from app.context import AppContext
from app.errors import ValidationError
from app.printing import DocumentKind
from app.printing.builders import receipt_for_case
from app.setup import initialize
from app.signing import (
    MissingSigningKey,
    _sign,
    canonical_message,
    export_public_key,
    format_payload,
    list_site_keys,
    revoke_site_key,
    rotate_site_key,
    sign_document,
    verify_payload,
)
from db.engine import make_engine
from db.migrate import alembic_config, ensure_schema
from db.store import SqlStore
from tests.integration.test_signing_and_printing import accept, item  # noqa: F401

DAY = date(2026, 11, 24)


@pytest.fixture
def memory_keys() -> Iterator[keystore.MemoryKeyStore]:
    """A key store of this test's own, then the session's back in place."""
    before = keystore.active()
    fresh = keystore.MemoryKeyStore()
    keystore.use(fresh)
    try:
        yield fresh
    finally:
        keystore.use(before)


def admin(ctx: AppContext):  # type: ignore[no-untyped-def]
    return login(ctx.uow(), "admin", "admin-2026")


def secret_forms(secret: bytes) -> list[bytes]:
    """Every spelling of a secret a file could hold it in."""
    return [
        secret,
        secret.hex().encode(),
        secret.hex().upper().encode(),
        base64.b64encode(secret),
    ]


def test_old_documents_verify_after_rotation(demo_ctx: AppContext) -> None:
    before = sign_document(demo_ctx.uow(), DocumentKind.GUIDE, "T-001-V1", DAY)
    old = rotate_site_key(demo_ctx.uow(), admin(demo_ctx))
    after = sign_document(demo_ctx.uow(), DocumentKind.GUIDE, "T-001-V1", DAY + timedelta(1))
    assert before != after
    assert verify_payload(demo_ctx.uow(), before).trusted
    assert verify_payload(demo_ctx.uow(), after).trusted
    keys = [k for k in list_site_keys(demo_ctx.uow(), admin(demo_ctx)) if k.own]
    assert sorted(k.status for k in keys) == ["current", "retired"]
    assert [k.fingerprint for k in keys if k.status == "current"] == [old.fingerprint]
    retired = next(k for k in keys if k.status == "retired")
    assert retired.valid_to is not None and retired.valid_from is not None


def test_a_retired_key_signing_after_its_period_is_reported(demo_ctx: AppContext) -> None:
    """Someone with the old key (from an old backup) signs a document dated after rotation."""
    old = next(k for k in list_site_keys(demo_ctx.uow(), admin(demo_ctx)) if k.own)
    rotate_site_key(demo_ctx.uow(), admin(demo_ctx))
    later = DAY + timedelta(days=30)
    message = canonical_message(DocumentKind.GUIDE, "QH", "T-001-V1", later)
    private = keystore.active().get(old.secret_name)
    assert private is not None
    forged = format_payload(DocumentKind.GUIDE, "QH", "T-001-V1", later, _sign(private, message))
    verdict = verify_payload(demo_ctx.uow(), forged)
    assert verdict.genuine and not verdict.trusted and verdict.period_ended is not None
    assert "RETIRED KEY" in verdict.describe()


def test_a_document_signed_with_a_revoked_key_is_reported(demo_ctx: AppContext) -> None:
    payload = sign_document(demo_ctx.uow(), DocumentKind.GUIDE, "T-001-V1", DAY)
    current = next(k for k in list_site_keys(demo_ctx.uow(), admin(demo_ctx)) if k.own)
    revoked = revoke_site_key(demo_ctx.uow(), admin(demo_ctx), current.fingerprint)
    assert revoked.revoked_at is not None and revoked.status == "revoked"
    verdict = verify_payload(demo_ctx.uow(), payload)
    assert verdict.genuine and not verdict.trusted
    assert "REVOKED" in verdict.describe()
    fresh = sign_document(demo_ctx.uow(), DocumentKind.GUIDE, "T-001-V1", DAY)
    assert verify_payload(demo_ctx.uow(), fresh).trusted  # a new key took over
    with pytest.raises(ValidationError):
        revoke_site_key(demo_ctx.uow(), admin(demo_ctx), "0000 0000 0000 0000")


def test_verify_says_when_the_receipts_case_was_withdrawn(demo_ctx: AppContext, item) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    case_id = accept(demo_ctx, item)
    payload = receipt_for_case(demo_ctx.uow(), case_id).qr_payload
    verdict = verify_payload(demo_ctx.uow(), payload)
    assert verdict.trusted and "accepted" in verdict.record
    uow = demo_ctx.uow()
    with uow.read():
        case = uow.cases.get(case_id)
    assert case is not None
    clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    withdraw_case(demo_ctx.uow(), clerk, case_id, case.row_version, "申请人撤回")
    verdict = verify_payload(demo_ctx.uow(), payload)
    assert verdict.genuine and "WITHDRAWN" in verdict.record and "WITHDRAWN" in verdict.describe()


def test_exported_public_keys_carry_every_period(demo_ctx: AppContext) -> None:
    rotate_site_key(demo_ctx.uow(), admin(demo_ctx))
    exported = export_public_key(demo_ctx.uow(), admin(demo_ctx))
    assert exported.count('"valid_from"') == 2


def test_private_keys_move_to_a_new_pc_with_a_password(
    demo_ctx: AppContext, memory_keys: keystore.MemoryKeyStore
) -> None:
    rotate_site_key(demo_ctx.uow(), admin(demo_ctx))  # made in this test's key store
    copy = keytransfer.export_private_keys(demo_ctx.uow(), admin(demo_ctx), "correct horse 42")
    for name in memory_keys.names():
        for form in secret_forms(memory_keys.get(name) or b""):
            assert form.decode("latin-1") not in copy
    keystore.use(keystore.MemoryKeyStore())  # the new PC: nothing in its store
    with pytest.raises(MissingSigningKey):
        sign_document(demo_ctx.uow(), DocumentKind.GUIDE, "T-001-V1", DAY)
    with pytest.raises(ValidationError, match="口令"):
        keytransfer.import_private_keys(demo_ctx.uow(), admin(demo_ctx), copy, "wrong password")
    restored = keytransfer.import_private_keys(
        demo_ctx.uow(), admin(demo_ctx), copy, "correct horse 42"
    )
    assert restored == len(memory_keys.names())
    payload = sign_document(demo_ctx.uow(), DocumentKind.GUIDE, "T-001-V1", DAY)
    assert verify_payload(demo_ctx.uow(), payload).trusted
    with pytest.raises(ValidationError):
        keytransfer.export_private_keys(demo_ctx.uow(), admin(demo_ctx), "short")


def test_a_backup_holds_no_private_key(
    sqlite_demo_ctx: AppContext, memory_keys: keystore.MemoryKeyStore, tmp_path: Path
) -> None:
    rotate_site_key(sqlite_demo_ctx.uow(), admin(sqlite_demo_ctx))
    sign_document(sqlite_demo_ctx.uow(), DocumentKind.GUIDE, "T-001-V1", DAY)
    secrets = [s for n in memory_keys.names() if (s := memory_keys.get(n))]
    assert secrets
    data = sqlite_demo_ctx.store.backup(tmp_path / "copy.sqlite3").read_bytes()
    for secret in secrets:
        for form in secret_forms(secret):
            assert form not in data


def test_migration_0011_moves_old_private_keys_out(
    engine_spec: tuple[str, dict[str, object]],
    tmp_path: Path,
    clock,  # type: ignore[no-untyped-def]
    memory_keys: keystore.MemoryKeyStore,
) -> None:
    url, kwargs = engine_spec
    engine = make_engine(url, **kwargs)
    try:
        migrate_a_keyed_database(engine, tmp_path, clock)
    finally:
        engine.dispose()


def migrate_a_keyed_database(engine, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    ensure_schema(engine, None)
    store = SqlStore(engine, clock)
    ctx = AppContext(store=store, clock=clock, data_dir=tmp_path)
    initialize(ctx.uow(), "admin-2026")
    payload = sign_document(ctx.uow(), DocumentKind.GUIDE, "T-001-V1", DAY)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0010")
    with engine.connect() as conn:  # as a database of the previous version held it
        old = conn.execute(text("SELECT public_key, private_key FROM site_key")).one()
    private = bytes.fromhex(old.private_key)
    keystore.use(keystore.MemoryKeyStore())  # this PC's store has never seen the key
    ensure_schema(engine, tmp_path / "backups")
    assert "private_key" not in {c["name"] for c in inspect(engine).get_columns("site_key")}
    assert keystore.active().get(f"sign:{old.public_key}") == private
    assert verify_payload(ctx.uow(), payload).trusted
    assert sign_document(ctx.uow(), DocumentKind.GUIDE, "T-001-V1", DAY) == payload
    assert audit.verify(ctx.uow()).ok  # a second keyed start, under the new trail key
    if engine.dialect.name == "sqlite":
        data = store.backup(tmp_path / "after.sqlite3").read_bytes()
        for form in secret_forms(private):
            assert form not in data


def test_a_key_file_never_replaces_a_different_secret_under_the_same_name(
    demo_ctx: AppContext, memory_keys: keystore.MemoryKeyStore
) -> None:
    """``keys import`` on a PC whose store holds another secret under one of the file's names
    (app.keytransfer.import_without_database): refused on the file, the store untouched; the
    same secrets again are taken (a copy of what the PC holds replaces nothing)."""
    for _ in range(2):  # two keys of the site's made in this test's key store
        rotate_site_key(demo_ctx.uow(), admin(demo_ctx))
    copy = keytransfer.export_private_keys(demo_ctx.uow(), admin(demo_ctx), "correct horse 42")
    held = {name: memory_keys.get(name) for name in memory_keys.names()}
    assert len(held) > 1
    other = keystore.MemoryKeyStore()  # one name of the file's, another secret; none else
    clash = sorted(held)[-1]
    other.put(clash, bytes(b ^ 0xFF for b in held[clash] or b""))
    other.put("unrelated", b"kept")
    before = {name: other.get(name) for name in other.names()}
    keystore.use(other)
    with pytest.raises(ValidationError) as caught:
        keytransfer.import_without_database(copy, "correct horse 42")
    assert set(caught.value.errors) == {"file"} and clash in caught.value.errors["file"]
    assert {name: other.get(name) for name in other.names()} == before
    keystore.use(memory_keys)  # the PC the file came from: every name, the same secrets
    assert keytransfer.import_without_database(copy, "correct horse 42") == len(held)
    assert {name: memory_keys.get(name) for name in memory_keys.names()} == held

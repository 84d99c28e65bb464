"""A counter PC's role password reaches PostgreSQL only as a SCRAM-SHA-256 verifier
(db/pg_roles.py ``scram_verifier``): its form and values against an independent computation
from RFC 5802 (SaltedPassword = Hi(password, salt, i), ClientKey = HMAC(SaltedPassword,
"Client Key"), StoredKey = H(ClientKey), ServerKey = HMAC(SaltedPassword, "Server Key")), and
what the server keeps for a role given one. Roles are cluster-wide: each gets a name of this
run's own and is dropped at the end."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from db.engine import make_engine
from db.migrate import ensure_schema
from db.pg_roles import SCRAM_ITERATIONS, create_counter_role, drop_counter_role, scram_verifier
from tests.helpers.stores import PG_URL, postgres_available

SALT = bytes(range(16))
FORM = re.compile(r"SCRAM-SHA-256\$4096:([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)")


def rfc5802(password: str, salt: bytes, iterations: int) -> tuple[bytes, bytes]:
    """StoredKey and ServerKey, computed here from the RFC's definitions."""

    def hmac_sha256(key: bytes, message: bytes) -> bytes:
        return hmac.new(key, message, "sha256").digest()

    # Hi() is PBKDF2 with HMAC as its PRF and one block of output (RFC 5802 section 2.2).
    u = hmac_sha256(password.encode("utf-8"), salt + b"\x00\x00\x00\x01")
    salted = u
    for _ in range(iterations - 1):
        u = hmac_sha256(password.encode("utf-8"), u)
        salted = bytes(a ^ b for a, b in zip(salted, u, strict=True))
    assert salted == hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac_sha256(salted, b"Client Key")
    return hashlib.sha256(client_key).digest(), hmac_sha256(salted, b"Server Key")


def parts(verifier: str) -> tuple[bytes, bytes, bytes]:
    found = FORM.fullmatch(verifier)
    assert found, verifier
    salt, stored, server = (base64.b64decode(g, validate=True) for g in found.groups())
    return salt, stored, server


@pytest.mark.parametrize("password", ["Pw-1_x", "pencil", "口令 with 'quote'", "x" * 200])
def test_the_verifier_is_the_rfc_5802_one(password: str) -> None:
    verifier = scram_verifier(password, SALT)
    assert SCRAM_ITERATIONS == 4096
    salt, stored, server = parts(verifier)
    assert salt == SALT and (stored, server) == rfc5802(password, SALT, 4096)
    assert verifier.startswith(f"SCRAM-SHA-256$4096:{base64.b64encode(SALT).decode()}$")
    assert password not in verifier
    assert scram_verifier(password, SALT) == verifier  # the same salt, the same verifier


def test_without_a_salt_each_verifier_has_a_fresh_one() -> None:
    one, two = scram_verifier("Pw-1_x"), scram_verifier("Pw-1_x")
    (salt1, *_), (salt2, *_) = parts(one), parts(two)
    assert len(salt1) == 16 and salt1 != salt2
    assert parts(one)[1:] == rfc5802("Pw-1_x", salt1, 4096)


def _stored_password(role: str) -> str | None:
    engine = create_engine(PG_URL)  # the superuser postgres: pg_authid is its to read
    try:
        with engine.connect() as conn:
            return conn.execute(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"), {"r": role}
            ).scalar_one()
    finally:
        engine.dispose()


@pytest.fixture
def role_name() -> Iterator[str]:
    reason = postgres_available()
    if reason:
        pytest.skip(reason)
    role = f"t{uuid.uuid4().hex[:10]}_scram"
    yield role
    engine = create_engine(PG_URL)
    try:
        with engine.begin() as conn:
            if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first():
                conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
                conn.exec_driver_sql(f'DROP ROLE "{role}"')
        with engine.connect() as conn:
            left = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
            assert left.first() is None, "a role left behind on the shared server"
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgresql_keeps_the_verifier_as_given(role_name: str) -> None:
    verifier = scram_verifier("Pw-1_x", SALT)
    engine = create_engine(PG_URL)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE ROLE \"{role_name}\" LOGIN PASSWORD '{verifier}'")
    finally:
        engine.dispose()
    assert _stored_password(role_name) == verifier


@pytest.mark.postgres
def test_a_counter_role_is_made_with_a_verifier_of_its_password(
    pg_schema_url: tuple[str, dict[str, object]], role_name: str
) -> None:
    url, kwargs = pg_schema_url
    owner = make_engine(url, **kwargs)
    try:
        ensure_schema(owner, None)
        create_counter_role(owner, role_name, "Pw-1_x")
        stored = _stored_password(role_name)
        assert stored is not None
        salt, stored_key, server_key = parts(stored)
        assert (stored_key, server_key) == rfc5802("Pw-1_x", salt, 4096)
        drop_counter_role(owner, role_name)
    finally:
        owner.dispose()

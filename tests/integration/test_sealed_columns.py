"""db.sealed on its own: a sealed value opens only whole, in its own column, with its own key;
the blind index follows validation's normalization; a sealed column cannot be compared by
mistake; fill_derived computes every blind index of a Core row (the ORM event's rows and the
bulk sink's are compared in tests/integration/test_scale.py)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from cryptography.exceptions import InvalidTag
from sqlalchemy import select

from app import keystore
from app.datakey import MissingDataKey
from db import sealed
from db.models import CaseFile, Visit
from tests.helpers.catalog import resident_id

ID = resident_id("11010519491231002")


@pytest.fixture
def key_id() -> Iterator[str]:
    before = keystore.active()
    keystore.use(keystore.MemoryKeyStore())
    sealed.forget_cached_keys()
    try:
        made = sealed.new_data_key()
        with sealed.using(made):
            yield made
    finally:
        keystore.use(before)
        sealed.forget_cached_keys()


def test_a_sealed_value_opens_whole_in_its_own_column(key_id: str) -> None:
    stored = sealed.seal(ID, "id_number")
    assert stored.startswith(f"s1:{key_id}:") and ID not in stored
    assert sealed.seal(ID, "id_number") != stored  # a fresh nonce every time
    assert sealed.unseal(stored, "id_number") == ID
    assert sealed.seal("", "id_number") == "" and sealed.unseal("", "id_number") == ""
    with pytest.raises(InvalidTag):
        sealed.unseal(stored, "agent_id_number")  # moved to another column
    prefix, body = stored.rsplit(":", 1)
    raw = bytearray(base64.b64decode(body))
    raw[-1] ^= 1
    with pytest.raises(InvalidTag):
        sealed.unseal(f"{prefix}:{base64.b64encode(bytes(raw)).decode()}", "id_number")


def test_without_its_key_a_value_does_not_open(key_id: str) -> None:
    stored = sealed.seal(ID, "id_number")
    keystore.use(keystore.MemoryKeyStore())  # a new PC
    sealed.forget_cached_keys()
    with pytest.raises(MissingDataKey) as refused:
        sealed.unseal(stored, "id_number")
    assert f"data:{key_id}" in refused.value.message and "keys import" in refused.value.message


def test_the_blind_index_follows_validation(key_id: str) -> None:
    index = sealed.blind_index("id", ID)
    assert len(index) == sealed.BIDX_HEX and ID not in index
    assert sealed.blind_index("id", f" {ID.lower()} ") == index
    assert sealed.blind_index("phone", ID) != index  # an ID and a phone never coincide
    assert sealed.blind_index("id", "") == ""
    other = sealed.new_data_key()
    with sealed.using(other):
        assert sealed.blind_index("id", ID) != index  # each database's own key


def test_a_sealed_column_cannot_be_compared(key_id: str) -> None:
    with pytest.raises(TypeError, match="blind index"):
        select(CaseFile.id).where(CaseFile.id_number == ID)
    with pytest.raises(TypeError, match="blind index"):
        select(Visit.id).where(Visit.phone.in_(["13812345678"]))


def test_fill_derived_computes_every_blind_index(key_id: str) -> None:
    row = sealed.fill_derived(CaseFile, {"id_number": ID, "phone": "13812345678", "x": 1})
    assert row["id_number_bidx"] == sealed.blind_index("id", ID)
    assert row["phone_bidx"] == sealed.blind_index("phone", "13812345678")
    assert row["x"] == 1
    assert sealed.fill_derived(Visit.__table__, {"phone": ""}) == {"phone": "", "phone_bidx": ""}
    assert "id_number_bidx" not in sealed.fill_derived(CaseFile, {"phone": "13812345678"})


def test_selecting_sealed_columns_twice_opens_them(key_id: str) -> None:
    """A second, equal statement reuses the first one's compiled form, and SQLAlchemy matches
    their columns with ``==``: a column against a column must stay comparable."""
    from sqlalchemy import create_engine, insert

    from db.models import Base

    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine, tables=[Visit.__table__])
    row = {"number": "QH-F1", "site_id": 1, "question": "?", "visit_type": "consultation"}
    row |= {"first_responder_id": 1, "holder_id": 1, "state": "open", "id_number": ID}
    with engine.begin() as conn:
        moment = datetime(2026, 11, 24, 1, 30, tzinfo=UTC)
        conn.execute(insert(Visit), [sealed.fill_derived(Visit, row | {"registered_at": moment})])
    for _ in range(2):
        with engine.connect() as conn:
            found = conn.execute(
                select(Visit.id_number, Visit.phone).where(
                    Visit.id_number_bidx == sealed.blind_index("id", ID)
                )
            ).one()
        assert tuple(found) == (ID, "")

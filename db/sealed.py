"""Personal numbers sealed at rest: resident ID numbers and citizens' phone numbers are stored
encrypted, field by field, with a keyed blind index beside each searched one (issue 15).

- ``Sealed`` is the column type: AES-256-GCM on bind, decryption on result. A stored value is
  ``s1:<key id>:<base64 of nonce + ciphertext + tag>``; the key id names the data key, so keys
  can rotate (old values still open under their own key). The column's name is the associated
  data, so a value moved to another column does not open. An empty value stays empty (it says
  only that nothing was given).
- A blind index column (``<column>_bidx``, ``info={"derived": True}``) holds a truncated
  HMAC-SHA256 of the normalized value under a second key derived from the data key: a search
  by ID number or phone is one indexed equality lookup, and the index reveals only which rows
  share a number. ``fill_derived`` computes these columns for Core inserts and updates; an ORM
  event does it for every ORM insert and update.
- ``MaskedText`` is the column type of free text about a citizen: a full ID or mobile number
  typed into it is stored masked.
- The data key is never in the database (app.datakey): it lives in the PC's key store under
  ``data:<key id>``; the database keeps only the key id, in setting ``data_key_id`` (written by
  migration 0017, which also makes the key). ``frontdesk keys export`` carries it.

Which database's key seals a value: the unit of work binds its database's key id for the length
of a transaction (``bind_engine``); bulk writers and migrations bind one with ``using``. Opening
a value needs no binding (its key id is in it).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import weakref
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Engine, String, Table, Text, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.types import TypeDecorator

from app.datakey import SETTING, MissingDataKey, missing_key_message, secret_name

PREFIX = "s1"
BIDX_SUFFIX = "_bidx"
BIDX_HEX = 16  # 64 bits: no false match among a hall's numbers, little to learn from the index
_INFO_ENC = b"frontdesk personal data encryption v1"
_INFO_BIDX = b"frontdesk personal data blind index v1"


@dataclass(frozen=True)
class DataKey:
    key_id: str
    enc: bytes
    bidx: bytes

    def aead(self) -> Any:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return AESGCM(self.enc)


def _derive(raw: bytes, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(raw)


_keys: dict[str, tuple[DataKey, Any]] = {}


def _from_raw(key_id: str, raw: bytes) -> tuple[DataKey, Any]:
    key = DataKey(key_id, _derive(raw, _INFO_ENC), _derive(raw, _INFO_BIDX))
    _keys[key_id] = (key, key.aead())
    return _keys[key_id]


def _load(key_id: str) -> tuple[DataKey, Any]:
    found = _keys.get(key_id)
    if found is None:
        from app import keystore

        raw = keystore.active().get(secret_name(key_id))
        if raw is None:
            raise MissingDataKey(missing_key_message(key_id))
        found = _from_raw(key_id, raw)
    return found


def key(key_id: str) -> DataKey:
    return _load(key_id)[0]


def new_data_key() -> str:
    """A fresh data key, already in the key store (read back before it is used): its key id."""
    from app import keystore

    key_id, raw = secrets.token_hex(8), secrets.token_bytes(32)
    store = keystore.active()
    store.put(secret_name(key_id), raw)
    if store.get(secret_name(key_id)) != raw:
        raise MissingDataKey("the key store did not keep the personal data key")
    _from_raw(key_id, raw)
    return key_id


def forget_cached_keys() -> None:
    """Tests: as a new process would start (nothing read from the key store yet)."""
    _keys.clear()


# -- which key seals ---------------------------------------------------------------------------

_bound: ContextVar[str | None] = ContextVar("frontdesk_data_key", default=None)
_engine_key_ids: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def key_id_of(conn: Connection) -> str | None:
    """The database's data key id (setting ``data_key_id``), or None before migration 0017."""
    return conn.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": SETTING}).scalar()


def bind_engine(engine: Engine, conn: Connection) -> Any:
    """Bind the database's key id for a transaction on ``conn``; returns the token to reset."""
    key_id = _engine_key_ids.get(engine)
    if key_id is None:
        key_id = key_id_of(conn)
        if key_id is not None:
            _engine_key_ids[engine] = key_id
    return _bound.set(key_id)


def forget_engine(engine: Engine) -> None:
    """After a migration: read the database's key id again at the next transaction."""
    _engine_key_ids.pop(engine, None)


def unbind(token: Any) -> None:
    _bound.reset(token)


@contextmanager
def using(key_id: str | None) -> Iterator[None]:
    token = _bound.set(key_id)
    try:
        yield
    finally:
        _bound.reset(token)


def current() -> tuple[DataKey, Any]:
    key_id = _bound.get()
    if key_id is None:
        raise MissingDataKey(
            "这个数据库还没有个人数据密钥（需要升级到 0017）/ no personal data key is bound"
        )
    return _load(key_id)


# -- sealing and the blind index ---------------------------------------------------------------


def seal(plain: str, column: str) -> str:
    if not plain:
        return plain
    data_key, aead = current()
    nonce = secrets.token_bytes(12)
    body = aead.encrypt(nonce, plain.encode("utf-8"), column.encode())
    return f"{PREFIX}:{data_key.key_id}:{base64.b64encode(nonce + body).decode()}"


def is_sealed(stored: str | None) -> bool:
    return bool(stored) and str(stored).startswith(PREFIX + ":")


def unseal(stored: str, column: str) -> str:
    if not is_sealed(stored):
        return stored  # empty
    _, key_id, body = stored.split(":", 2)
    raw = base64.b64decode(body)
    _, aead = _load(key_id)
    return str(aead.decrypt(raw[:12], raw[12:], column.encode()).decode("utf-8"))


def normalize(value: str) -> str:
    """As app.validation leaves a number: stripped, a resident ID's check letter upper-case."""
    return value.strip().upper()


def blind_index(kind: str, value: str) -> str:
    """The searchable stand-in of ``value``: "" for no value."""
    norm = normalize(value or "")
    if not norm:
        return ""
    data_key, _ = current()
    mac = hmac.new(data_key.bidx, f"{kind}\x00{norm}".encode(), hashlib.sha256)
    return mac.hexdigest()[:BIDX_HEX]


def kind_of(column: str) -> str:
    """The blind index's domain: an ID number's and a phone's index never coincide."""
    return "phone" if "phone" in column else "id"


_VALUE_COMPARISONS = (
    operators.eq,
    operators.ne,
    operators.in_op,
    operators.not_in_op,
    operators.like_op,
    operators.contains_op,
    operators.startswith_op,
    operators.endswith_op,
)


class Sealed(TypeDecorator[str]):
    """A personal number, encrypted in the database. Compare its blind index, never the column:
    every sealing is different, so an equality on the column would silently find nothing."""

    impl = Text
    cache_ok = True

    def __init__(self, column: str) -> None:
        super().__init__()
        self.column = column

    class comparator_factory(Text.Comparator):  # type: ignore[name-defined]
        def operate(self, op: Any, *other: Any, **kwargs: Any) -> Any:
            # Against a value only: SQLAlchemy itself compares column objects with ``==`` (a
            # cached statement's result columns), and that must keep working.
            if op in _VALUE_COMPARISONS and not all(isinstance(o, ClauseElement) for o in other):
                raise TypeError("a sealed column cannot be compared: use its blind index")
            return super().operate(op, *other, **kwargs)

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        return seal(value, self.column)

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        return unseal(value, self.column)


class MaskedText(TypeDecorator[str]):
    """Free text about a citizen (a visit's question, a note, a complaint): whatever full ID or
    mobile number was typed into it is stored masked (app.validation.mask_personal_numbers), so
    the numbers live only in their sealed columns."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        from app.validation import mask_personal_numbers

        return mask_personal_numbers(value)


def blind_index_column() -> Any:
    return String(BIDX_HEX)


def derived_columns(table: Table) -> list[tuple[Column[Any], str]]:
    """(blind index column, the column it is derived from) of ``table``."""
    return [
        (c, c.name[: -len(BIDX_SUFFIX)])
        for c in table.columns
        if c.info.get("derived") and c.name.endswith(BIDX_SUFFIX)
    ]


def fill_derived(table: Any, values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with every derived column computed from the plaintext beside it (for Core
    inserts and updates; the ORM does this itself). ``table``: a Table or a mapped class."""
    table = getattr(table, "__table__", table)
    out = dict(values)
    for column, source in derived_columns(table):
        if source in out:
            out[column.name] = blind_index(kind_of(source), out[source] or "")
    return out


def _fill_inserted(mapper: Any, connection: Any, target: Any) -> None:
    for column, source in derived_columns(mapper.local_table):
        setattr(target, column.name, blind_index(kind_of(source), getattr(target, source) or ""))


def _fill_updated(mapper: Any, connection: Any, target: Any) -> None:
    from sqlalchemy.orm.attributes import get_history

    for column, source in derived_columns(mapper.local_table):
        if get_history(target, source).has_changes():
            value = getattr(target, source) or ""
            setattr(target, column.name, blind_index(kind_of(source), value))


def install_orm_events(base: Any) -> None:
    """Every ORM insert and update of a mapped class under ``base`` fills its blind indexes."""
    event.listen(base, "before_insert", _fill_inserted, propagate=True)
    event.listen(base, "before_update", _fill_updated, propagate=True)

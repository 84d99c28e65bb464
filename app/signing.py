"""Signed QR codes on printed documents, and the site keys that sign them.

Each site (service hall) signs with one Ed25519 key pair at a time, made when the site is set up.
The private key is never in the database (nor in any backup of it): it lives in the PC's key store
(app.keystore) under ``sign:<public key hex>``. The database keeps the public keys with their
validity periods: ``frontdesk keys rotate`` ends the current period and starts a new key, and
``keys revoke`` marks a key as no longer to be trusted; old public keys stay, so documents signed
in a past period still verify. The public keys can be exported (as JSON) and imported by other
sites, so a township's receipt can be checked at the county. For a new PC, ``keys export``
writes the private keys to a file protected by a password (app.keystore_transfer).

The payload
-----------
A QR code on a document holds only what identifies the document, never personal data::

    FD1A7KYQH.20261126-0007<95 signature characters>
    ││││  │ │└ the number, here written relative to the site code (see below)
    ││││  │ └ "." = the number is SITE + "-" + what follows; ":" = the number follows as is
    ││││  └ site code (A-Z, 0-9, "-"; 1 to 16 characters)
    ││││ └ issue date: days since 2000-01-01, 3 base-36 digits (0-9A-Z), good until 2127
    │││└ document kind, one letter (app.printing.kinds.KIND_SPECS: A receipt, N one-time
    │││  notice, F referral slip, R refusal, C correction request, D deferred materials,
    │││  K completion notice, G service guide, L daily log, Y appointment confirmation,
    │││  J decision not to grant the licence, B receipt of deferred materials supplied,
    │││  T notice of a special procedure, E notice of an extension, P service commitment,
    │││  S public list of the catalog, H notice of suspension for an overdue deferral,
    │││  Z notice of termination for an overdue deferral)
    ││└ format version
    └└ magic "FD"

The last 95 characters are the 64-byte Ed25519 signature as one big-endian number written in
base 42 with the alphabet ``0-9 A-Z % + - . / :``. Every character of a payload is in the QR
code's alphanumeric set (so the code is small: 119 characters is a version 5 code, 37 x 37
modules, 0.67 mm each at 30 mm with its quiet zone), and none of them is special to a shell
(no space, ``$``, ``*``), so a payload can be pasted after ``frontdesk verify`` as is. A payload
is 102 characters plus the length of the number when the number starts with the site code
(118 for ``QH-20261126-0007``), else 103 plus the site code and the number.

What is signed is not the text but the canonical fields:
``frontdesk-document/1|<kind letter>|<site code>|<NUMBER>|<YYYY-MM-DD>`` in UTF-8, so any change of
kind, site, number or date, or of the signature, makes the payload not genuine.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Protocol

from app import audit
from app.errors import DomainError, NotFound, ValidationError
from app.ports import UnitOfWork
from app.printing.kinds import DocumentKind, kind_by_letter, kind_spec
from app.records import SiteRecord
from app.roles import Actor, Role, allowed_roles

MAGIC = "FD"
VERSION = "1"
EPOCH = date(2000, 1, 1)
SIG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ%+-./:"
SIG_LENGTH = 95  # 42**95 > 2**512 > 42**94
DATE_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
SITE_CODE = re.compile(r"[A-Z0-9-]{1,16}")
PUBLIC_KEY_FORMAT = "frontdesk-site-key"
_HEAD = re.compile(r"FD1([A-Z])([0-9A-Z]{3})([A-Z0-9-]{1,16})([.:])(.+)", re.DOTALL)


class PayloadError(DomainError):
    """Text that is not a well-formed document payload."""


@dataclass(frozen=True)
class SiteKeyRecord:
    """A public key this database knows: its own site's, or one imported from another site,
    with the period in which it signed (valid_to None: the current key) and its revocation."""

    id: int
    site_code: str
    site_name: str
    public_key: bytes
    own: bool
    created_at: datetime
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    revoked_at: datetime | None = None

    @property
    def secret_name(self) -> str:
        """The name of its private half in the key store."""
        return secret_name(self.public_key)

    @property
    def status(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "current" if self.valid_to is None else "retired"

    @property
    def fingerprint(self) -> str:
        """Short, readable identity of the key (to compare over the phone)."""
        digest = hashlib.sha256(self.public_key).hexdigest()[:16].upper()
        return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def secret_name(public_key: bytes) -> str:
    return f"sign:{public_key.hex()}"


class KeyRepository(Protocol):
    def own_key(self, site_id: int) -> SiteKeyRecord | None:
        """The site's current key: its own, not retired, not revoked."""
        ...

    def retire(self, key_id: int, at: datetime) -> None:
        """End the key's signing period (it still verifies what it signed)."""
        ...

    def revoke(self, key_id: int, at: datetime) -> None: ...

    def keys_for_site(self, site_code: str) -> list[SiteKeyRecord]: ...
    def by_public_key(self, public_key: bytes) -> SiteKeyRecord | None: ...
    def add(
        self,
        *,
        site_code: str,
        site_name: str,
        public_key: bytes,
        own: bool,
        site_id: int | None,
        created_at: datetime,
        created_by: int | None,
        valid_from: datetime | None = None,
        valid_to: datetime | None = None,
        revoked_at: datetime | None = None,
    ) -> int: ...
    def all(self) -> list[SiteKeyRecord]: ...


@dataclass(frozen=True)
class DocumentPayload:
    kind: DocumentKind
    site_code: str
    number: str
    issued_on: date
    signature: bytes


@dataclass(frozen=True)
class Verification:
    genuine: bool
    site_code: str
    kind: DocumentKind | None
    number: str
    issued_on: date | None
    local: bool  # signed by this database's own site key
    reason: str
    revoked_at: datetime | None = None  # the signing key was revoked (then not to be trusted)
    record: str = ""  # what this database says of the record now, where it holds it
    # The key's period had ended before the document's date: a retired key (one in an old
    # backup, say) signed it. Not to be trusted either.
    period_ended: date | None = None

    @property
    def trusted(self) -> bool:
        return self.genuine and self.revoked_at is None and self.period_ended is None

    def describe(self) -> str:
        """One line for the command line and the counter's search box."""
        if not self.genuine:
            what = f" ({self.site_code} {self.number})" if self.number else ""
            return f"NOT genuine{what}: {self.reason}"
        title = kind_spec(self.kind).title if self.kind else ""
        where = "this site" if self.local else f"site {self.site_code}"
        text = f"genuine: {title} {self.number}, issued {self.issued_on} by {where}"
        if self.revoked_at is not None:
            text = (
                f"REVOKED KEY: {title} {self.number}, issued {self.issued_on}, is signed with a "
                f"key of {where} revoked on {self.revoked_at:%Y-%m-%d}: do not trust it without "
                "checking the record"
            )
        elif self.period_ended is not None:
            text = (
                f"RETIRED KEY: {title} {self.number} is dated {self.issued_on}, after the "
                f"signing key of {where} was retired on {self.period_ended}: not to be trusted"
            )
        if self.record:
            text += f"; record: {self.record}"
        return text


# -- the payload text ------------------------------------------------------------------------


def canonical_message(kind: DocumentKind, site_code: str, number: str, issued_on: date) -> bytes:
    letter = kind_spec(kind).letter
    return f"frontdesk-document/1|{letter}|{site_code}|{number}|{issued_on.isoformat()}".encode()


def _encode_signature(signature: bytes) -> str:
    value = int.from_bytes(signature, "big")
    digits = []
    for _ in range(SIG_LENGTH):
        value, digit = divmod(value, len(SIG_ALPHABET))
        digits.append(SIG_ALPHABET[digit])
    return "".join(reversed(digits))


def _decode_signature(text: str) -> bytes:
    value = 0
    for ch in text:
        digit = SIG_ALPHABET.find(ch)
        if digit < 0:
            raise PayloadError("核验码含有无效字符")
        value = value * len(SIG_ALPHABET) + digit
    if value >= 1 << 512:
        raise PayloadError("核验码的签名部分无效")
    return value.to_bytes(64, "big")


def _encode_date(day: date) -> str:
    days = (day - EPOCH).days
    if not 0 <= days < 36**3:
        raise ValueError(f"issue date out of range: {day}")
    return "".join(DATE_DIGITS[(days // 36**i) % 36] for i in (2, 1, 0))


def _decode_date(text: str) -> date:
    return EPOCH + timedelta(days=int(text, 36))


def normalize_payload(text: str) -> str:
    """What a scanner or a clerk's paste delivers, made comparable: full-width characters
    half-width (a Chinese input method turns ':' into '：'), upper case (every payload is;
    a scanner may have Caps Lock inverted), no surrounding space."""
    return unicodedata.normalize("NFKC", text).strip().upper()


def format_payload(
    kind: DocumentKind, site_code: str, number: str, issued_on: date, signature: bytes
) -> str:
    letter = kind_spec(kind).letter
    prefix = f"{site_code}-"
    relative = number.startswith(prefix) and len(number) > len(prefix)
    body = f".{number[len(prefix) :]}" if relative else f":{number}"
    head = f"{MAGIC}{VERSION}{letter}{_encode_date(issued_on)}{site_code}{body}"
    return head + _encode_signature(signature)


def parse_payload(text: str) -> DocumentPayload:
    payload = normalize_payload(text)
    if len(payload) <= SIG_LENGTH:
        raise PayloadError("不是本系统的核验码（太短）")
    head, tail = payload[:-SIG_LENGTH], payload[-SIG_LENGTH:]
    found = _HEAD.fullmatch(head)
    if not found:
        raise PayloadError("不是本系统的核验码")
    letter, day, site_code, sep, rest = found.groups()
    kind = kind_by_letter(letter)
    if kind is None:
        raise PayloadError(f"未知的文书类型“{letter}”")
    number = f"{site_code}-{rest}" if sep == "." else rest
    return DocumentPayload(kind, site_code, number, _decode_date(day), _decode_signature(tail))


def looks_like_payload(text: str) -> bool:
    """Whether scanned or typed text is a document payload (for the counter's search box)."""
    try:
        parse_payload(text)
    except PayloadError:
        return False
    return True


# -- Ed25519 (cryptography is imported on first use: the repositories import this module, and
# start-up must not pay for it) ----------------------------------------------------------------


def _new_key_pair() -> tuple[bytes, bytes]:
    """(private, public) raw bytes of a fresh Ed25519 key pair."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    key = Ed25519PrivateKey.generate()
    return (
        key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
        key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
    )


def _sign(private: bytes, message: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(private).sign(message)


def _signature_matches(public: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _is_public_key(public: bytes) -> bool:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public)
    except ValueError:
        return False
    return True


# -- keys ------------------------------------------------------------------------------------


def _site_code(site: SiteRecord) -> str:
    code = site.code.strip().upper()
    if not SITE_CODE.fullmatch(code):
        raise ValidationError.single(
            "site_code", "站点编码只能由字母、数字和短横线组成（1至16位），才能用于文书核验码"
        )
    return code


def _make_key(uow: UnitOfWork, site: SiteRecord, actor: Actor | None) -> SiteKeyRecord:
    """A new key pair: the private half into the key store first, then the public half into
    the database (a failed transaction leaves only an unused secret behind)."""
    from app import keystore

    private, public = _new_key_pair()
    keystore.active().put(secret_name(public), private)
    now = uow.clock.now()
    uow.keys.add(
        site_code=_site_code(site),
        site_name=site.name,
        public_key=public,
        own=True,
        site_id=site.id,
        created_at=now,
        created_by=actor.staff_id if actor else None,
        valid_from=now,
    )
    key = uow.keys.own_key(site.id)
    assert key is not None and key.public_key == public
    return key


def ensure_site_key(uow: UnitOfWork, site_id: int, actor: Actor | None = None) -> SiteKeyRecord:
    """The site's current key, made now if it has none. Call inside a write transaction."""
    existing = uow.keys.own_key(site_id)
    if existing is not None:
        return existing
    site = uow.sites.get(site_id)
    if site is None:
        raise NotFound("找不到本服务中心的记录")
    key = _make_key(uow, site, actor)
    audit.record(
        uow,
        actor,
        "site_key_created",
        "site_key",
        key.id,
        None,
        {"site": key.site_code, "fingerprint": key.fingerprint},
        login="init",
    )
    return key


class MissingSigningKey(DomainError):
    """The database's current key has no private half in this PC's key store."""


def private_key_of(key: SiteKeyRecord) -> bytes:
    """The private half of ``key`` from this PC's key store (never from the database)."""
    from app import keystore

    private = keystore.active().get(key.secret_name)
    if private is None:
        raise MissingSigningKey(
            f"本机密钥库中没有本站点的签名私钥（{key.fingerprint}）：请用 frontdesk keys import "
            "导入密钥备份，或由管理员 frontdesk keys rotate 换用新密钥 / the signing key is not "
            "in this PC's key store: import the key backup, or rotate to a new key"
        )
    return private


def _local_site(uow: UnitOfWork, site_id: int | None) -> SiteRecord:
    site = uow.sites.get(site_id) if site_id is not None else uow.sites.first()
    if site is None:
        raise NotFound("找不到本服务中心的记录")
    return site


def sign_document(
    uow: UnitOfWork,
    kind: DocumentKind | str,
    number: str,
    issued_on: date,
    *,
    site_id: int | None = None,
) -> str:
    """The payload for a document's QR code, signed with the site's key.

    Makes the site's key first if an older database has none yet, so do not call it inside a
    read-only transaction.
    """
    kind = DocumentKind(kind)
    number = number.strip().upper()
    with uow.read():
        site = _local_site(uow, site_id)
        key = uow.keys.own_key(site.id)
    if key is None:
        with uow.write():
            key = ensure_site_key(uow, site.id)
    private = private_key_of(key)
    code = _site_code(site)
    message = canonical_message(kind, code, number, issued_on)
    return format_payload(kind, code, number, issued_on, _sign(private, message))


def verify_payload(uow: UnitOfWork, payload: str) -> Verification:
    """Whether a scanned payload was signed by a site whose public key this database knows;
    a key revoked since is reported, and so is what the record says now where it is here."""
    try:
        parsed = parse_payload(payload)
    except PayloadError as exc:
        return Verification(False, "", None, "", None, False, exc.message)
    with uow.read():
        keys = uow.keys.keys_for_site(parsed.site_code)
    base = Verification(
        False, parsed.site_code, parsed.kind, parsed.number, parsed.issued_on, False, ""
    )
    if not keys:
        reason = f"不认识站点“{parsed.site_code}”的公钥：请先导入该站点的公钥再核验"
        return _with(base, reason=reason)
    message = canonical_message(parsed.kind, parsed.site_code, parsed.number, parsed.issued_on)
    for key in keys:
        if _signature_matches(key.public_key, parsed.signature, message):
            record = _record_status(uow, parsed) if key.own else ""
            if key.revoked_at is not None:
                reason = f"签名密钥已于 {key.revoked_at:%Y-%m-%d} 吊销"
                return _with(
                    base,
                    genuine=True,
                    local=key.own,
                    reason=reason,
                    revoked_at=key.revoked_at,
                    record=record,
                )
            ended = _period_ended(key, parsed.issued_on)
            if ended is not None:
                reason = f"文书日期晚于签名密钥的停用日期（{ended}）"
                return _with(
                    base,
                    genuine=True,
                    local=key.own,
                    reason=reason,
                    period_ended=ended,
                    record=record,
                )
            return _with(base, genuine=True, local=key.own, reason="签名有效", record=record)
    return _with(base, reason="签名不符：内容被改动，或不是该站点出具的文书")


def _period_ended(key: SiteKeyRecord, issued_on: date) -> date | None:
    """The hall's day the key was retired, when that was before the document's date."""
    if key.valid_to is None:
        return None
    from app.cases.deadlines import local_day

    ended = local_day(key.valid_to)
    return ended if issued_on > ended else None


def _record_status(uow: UnitOfWork, parsed: DocumentPayload) -> str:
    """What this database says now of the record a document stands for (where it knows one):
    a receipt's case withdrawn, an appointment cancelled."""
    with uow.read():
        # A store without cases or appointments (a verifying-only fake) has no record at hand.
        cases = getattr(uow, "cases", None)
        appointments = getattr(uow, "appointments", None)
        if parsed.kind is DocumentKind.RECEIPT and cases is not None:
            case = cases.by_number(parsed.number)
            if case is None:
                return "case not found in this database"
            state = str(getattr(case.state, "value", case.state))
            if state == "withdrawn":
                return "the case was WITHDRAWN (撤回): the receipt is no longer valid"
            if state == "terminated":
                return "the case was TERMINATED (终止办理): the receipt is no longer valid"
            return f"case {case.number} is {state}"
        if parsed.kind is DocumentKind.APPOINTMENT and appointments is not None:
            appt = appointments.by_number(parsed.number)
            if appt is None:
                return "appointment not found in this database"
            state = str(getattr(appt.state, "value", appt.state))
            if state == "cancelled":
                return "the appointment was CANCELLED (已取消): the confirmation is no longer valid"
            return f"appointment {parsed.number} is {state}"
    return ""


def _with(v: Verification, **changes: object) -> Verification:
    return replace(v, **changes)  # type: ignore[arg-type]


# -- exchanging public keys between sites ----------------------------------------------------


def _iso(at: datetime | None) -> str | None:
    return at.isoformat() if at is not None else None


def _parse_time(value: object) -> datetime | None:
    if value is None:
        return None
    at = datetime.fromisoformat(str(value))
    if at.tzinfo is None:
        raise ValueError("time without zone")
    return at


@allowed_roles(Role.ADMIN)
def export_public_key(uow: UnitOfWork, actor: Actor) -> str:
    """This site's public keys, the current one and those of past periods (so documents they
    signed still verify), as JSON for other sites to import."""
    with uow.write():
        current = ensure_site_key(uow, actor.site_id, actor)
        own = [k for k in uow.keys.keys_for_site(current.site_code) if k.own]
        audit.record(
            uow,
            actor,
            "site_key_exported",
            "site_key",
            current.id,
            None,
            {"fingerprints": [k.fingerprint for k in own]},
        )
    return json.dumps(
        {
            "format": PUBLIC_KEY_FORMAT,
            "version": 2,
            "site_code": current.site_code,
            "site_name": current.site_name,
            # version 1 readers take these two: the current key
            "public_key": current.public_key.hex(),
            "fingerprint": current.fingerprint,
            "keys": [
                {
                    "public_key": k.public_key.hex(),
                    "fingerprint": k.fingerprint,
                    "valid_from": _iso(k.valid_from or k.created_at),
                    "valid_to": _iso(k.valid_to),
                    "revoked_at": _iso(k.revoked_at),
                }
                for k in own
            ],
        },
        ensure_ascii=False,
    )


@dataclass(frozen=True)
class _ImportedKey:
    public: bytes
    valid_from: datetime | None
    valid_to: datetime | None
    revoked_at: datetime | None


@allowed_roles(Role.ADMIN)
def import_public_key(uow: UnitOfWork, actor: Actor, text: str) -> SiteKeyRecord:
    """Trust another site's public keys, so its documents verify here. Importing the same key
    again changes nothing but a revocation the other site has made since; this site's own code
    is refused. Returns the other site's current key (the last one listed)."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != PUBLIC_KEY_FORMAT:
            raise ValueError
        site_code = str(data["site_code"]).strip().upper()
        site_name = str(data.get("site_name", ""))[:200]
        listed = data.get("keys") or [{"public_key": data["public_key"]}]
        if not isinstance(listed, list) or len(listed) > 1000:
            raise ValueError
        keys = []
        for entry in listed:
            if not isinstance(entry, dict):
                raise ValueError
            public = bytes.fromhex(str(entry["public_key"]))
            if not _is_public_key(public):
                raise ValueError
            keys.append(
                _ImportedKey(
                    public,
                    _parse_time(entry.get("valid_from")),
                    _parse_time(entry.get("valid_to")),
                    _parse_time(entry.get("revoked_at")),
                )
            )
        if not keys:
            raise ValueError
    except (ValueError, KeyError, TypeError, OverflowError):
        raise ValidationError.single("public_key", "不是有效的站点公钥文件") from None
    if not SITE_CODE.fullmatch(site_code):
        raise ValidationError.single("public_key", "公钥中的站点编码无效")
    with uow.write():
        own = uow.sites.get(actor.site_id)
        if own is not None and own.code.strip().upper() == site_code:
            raise ValidationError.single("public_key", "这是本站点自己的编码，不能导入")
        result: SiteKeyRecord | None = None
        for entry in keys:
            existing = uow.keys.by_public_key(entry.public)
            if existing is not None:
                if existing.site_code != site_code or existing.own:
                    raise ValidationError.single("public_key", "该公钥已登记为其他站点的公钥")
                if entry.revoked_at is not None and existing.revoked_at is None:
                    uow.keys.revoke(existing.id, entry.revoked_at)
                    audit.record(
                        uow,
                        actor,
                        "site_key_revoked",
                        "site_key",
                        existing.id,
                        None,
                        {"site": site_code, "fingerprint": existing.fingerprint, "by": "import"},
                    )
                    existing = uow.keys.by_public_key(entry.public)
                result = existing
                continue
            key_id = uow.keys.add(
                site_code=site_code,
                site_name=site_name,
                public_key=entry.public,
                own=False,
                site_id=None,
                created_at=uow.clock.now(),
                created_by=actor.staff_id,
                valid_from=entry.valid_from,
                valid_to=entry.valid_to,
                revoked_at=entry.revoked_at,
            )
            result = uow.keys.by_public_key(entry.public)
            assert result is not None
            audit.record(
                uow,
                actor,
                "site_key_imported",
                "site_key",
                key_id,
                None,
                {"site": site_code, "name": site_name, "fingerprint": result.fingerprint},
            )
    assert result is not None
    return result


@allowed_roles(Role.ADMIN)
def rotate_site_key(uow: UnitOfWork, actor: Actor) -> SiteKeyRecord:
    """End the current key's period and sign from now on with a new one. The old public key
    stays, so what it signed still verifies."""
    with uow.write():
        site = _local_site(uow, actor.site_id)
        old = uow.keys.own_key(site.id)
        now = uow.clock.now()
        if old is not None:
            uow.keys.retire(old.id, now)
        key = _make_key(uow, site, actor)
        audit.record(
            uow,
            actor,
            "site_key_rotated",
            "site_key",
            key.id,
            {"fingerprint": old.fingerprint if old else None},
            {"fingerprint": key.fingerprint},
        )
    return key


@allowed_roles(Role.ADMIN)
def revoke_site_key(uow: UnitOfWork, actor: Actor, fingerprint: str) -> SiteKeyRecord:
    """Mark one of this site's keys as not to be trusted (it was lost or copied). Documents it
    signed then verify as signed with a revoked key. Revoking the current key starts a new one."""
    wanted = "".join(fingerprint.split()).upper()
    with uow.write():
        site = _local_site(uow, actor.site_id)
        own = [k for k in uow.keys.keys_for_site(_site_code(site)) if k.own]
        found = [k for k in own if k.fingerprint.replace(" ", "") == wanted]
        if not wanted or not found:
            raise ValidationError.single("fingerprint", f"本站点没有指纹为 {fingerprint} 的密钥")
        key = found[0]
        if key.revoked_at is not None:
            return key
        now = uow.clock.now()
        uow.keys.revoke(key.id, now)
        audit.record(
            uow,
            actor,
            "site_key_revoked",
            "site_key",
            key.id,
            None,
            {"site": key.site_code, "fingerprint": key.fingerprint},
        )
        if key.valid_to is None:  # it was the current one
            _make_key(uow, site, actor)
        revoked = uow.keys.by_public_key(key.public_key)
    assert revoked is not None
    return revoked


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)
def list_site_keys(uow: UnitOfWork, actor: Actor) -> list[SiteKeyRecord]:
    with uow.read():
        return uow.keys.all()

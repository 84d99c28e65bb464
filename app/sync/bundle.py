"""The bundle: a signed zip that carries records between the county and its townships.

A bundle is a zip file holding

- ``manifest.json``: one JSON object (UTF-8, keys sorted, no spaces) naming the bundle
  (format, version, kind "up" / "down" / "enrol", county code, from-site and to-site codes,
  the sender's sequence number, when it was made, the previous bundle's id, the sender's audit
  chain head) and every payload file with its SHA-256, byte size and row count, and the signing
  key's public half (hex of the raw 32 Ed25519 bytes);
- ``manifest.sig``: the Ed25519 signature over the exact bytes of ``manifest.json``, as hex;
- one JSON-lines file per record kind (``<kind>.jsonl``), one JSON object a line.

The bundle's id is the SHA-256 of the ``manifest.json`` bytes: the manifest names every file's
hash, so the id covers the whole content, and re-zipping the same files does not change it.

``read_bundle`` refuses, with a one-line reason and before anything is imported, a bundle that
is not a complete zip, whose manifest is missing or malformed, signed by a key the trust list
does not hold or holds as revoked (or retired before the bundle was made), whose signature does
not match the manifest, from another county, addressed to another site, whose files do not
match their hashes, or that holds a file the manifest does not name. "Older than one already
imported" is a question for the importer's log (app.sync.importer), not for the container.

See docs/SYNC.md for the format as another system would read it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

from app.errors import DomainError

FORMAT = "frontdesk-bundle"
FORMAT_VERSION = 1
KINDS = ("up", "down", "enrol")
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SUFFIX = ".jsonl"
_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")
_SITE = re.compile(r"[A-Z0-9-]{1,16}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_CHUNK = 1 << 16
SEAL_SCHEME = "x25519-hkdf-sha256-aes256gcm"
_P = 2**255 - 19
# A manifest is small (names, hashes, counts); anything larger is not one of ours.
_MAX_MANIFEST = 1 << 20


class BundleRefused(DomainError):
    """A bundle that must not be imported; ``reason`` is one line fit for the clerk."""

    def __init__(self, reason: str) -> None:
        reason = " ".join(reason.splitlines())  # a path or a parser's words may hold a newline
        super().__init__(f"数据包被拒收：{reason}")
        self.reason = reason


# -- who is trusted --------------------------------------------------------------------------


@dataclass(frozen=True)
class TrustedKey:
    """A site's public key as the reader knows it, with its signing period and revocation."""

    site_code: str
    public_key: bytes
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    revoked_at: datetime | None = None


@dataclass(frozen=True)
class TrustList:
    """What a reader needs to judge a bundle: the county it belongs to, its own site code (a
    bundle addressed elsewhere is refused) and every site's public keys, the county's own
    included. ``own_site_code`` None: the reader has no site yet (a PC being set up from an
    enrolment file), so the addressee is not checked; ``county_code`` None: likewise."""

    county_code: str | None
    own_site_code: str | None
    keys: tuple[TrustedKey, ...] = ()

    def key(self, public_key: bytes) -> TrustedKey | None:
        return next((k for k in self.keys if k.public_key == public_key), None)


# -- who signs -------------------------------------------------------------------------------


class Signer(Protocol):
    @property
    def public_key(self) -> bytes: ...

    def sign(self, message: bytes) -> bytes: ...


@dataclass(frozen=True)
class Ed25519Signer:
    """Signs with a raw 32-byte Ed25519 private key (from the PC's key store)."""

    private_key: bytes = field(repr=False)

    @property
    def public_key(self) -> bytes:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        key = Ed25519PrivateKey.from_private_bytes(self.private_key)
        return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def sign(self, message: bytes) -> bytes:
        from app.signing import _sign

        return _sign(self.private_key, message)


# -- the manifest ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FileEntry:
    sha256: str
    rows: int
    size: int


@dataclass(frozen=True)
class Manifest:
    kind: str
    county: str
    from_site: str
    to_site: str
    sequence: int
    created_at: datetime
    previous: str | None  # the id of the sender's previous bundle to the same addressee
    audit_head: dict[str, Any] | None  # {"seq": n, "hash": hex} of the sender's chain
    files: dict[str, FileEntry]
    public_key: bytes
    extra: dict[str, Any] = field(default_factory=dict)  # kind-specific, small (acks, counts)
    # {"scheme", "recipient", "ephemeral"} when the record files are sealed for the addressee
    encryption: dict[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "kind": self.kind,
            "county": self.county,
            "from": self.from_site,
            "to": self.to_site,
            "sequence": self.sequence,
            "created_at": _utc_text(self.created_at),
            "previous": self.previous,
            "audit_head": self.audit_head,
            "files": {
                name: {"sha256": f.sha256, "rows": f.rows, "size": f.size}
                for name, f in sorted(self.files.items())
            },
            "public_key": self.public_key.hex(),
            "extra": self.extra,
            "encryption": self.encryption,
        }

    def to_bytes(self) -> bytes:
        return canonical_json(self.to_json()).encode("utf-8")


def canonical_json(value: Any) -> str:
    """The one spelling of a value: keys sorted, no spaces, UTF-8 text (not \\u escapes)."""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_json_default
    )


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return _utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _utc_text(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("a bundle's times carry their zone")
    return at.astimezone(UTC).isoformat()


def _manifest_from_json(data: Any) -> Manifest:
    """The manifest's fields, each checked for type and form; ValueError when one is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a bundle manifest")
    if data.get("version") != FORMAT_VERSION:
        raise ValueError(f"format version {data.get('version')!r} is not {FORMAT_VERSION}")
    kind = data["kind"]
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    codes = [data["county"], data["from"], data["to"]]
    if not all(isinstance(c, str) and _SITE.fullmatch(c) for c in codes):
        raise ValueError("site codes")
    sequence = data["sequence"]
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1:
        raise ValueError("sequence")
    created_at = datetime.fromisoformat(str(data["created_at"]))
    if created_at.tzinfo is None:
        raise ValueError("created_at without zone")
    previous = data.get("previous")
    if previous is not None and not (isinstance(previous, str) and _HEX64.fullmatch(previous)):
        raise ValueError("previous")
    head = data.get("audit_head")
    if head is not None and not (
        isinstance(head, dict)
        and isinstance(head.get("seq"), int)
        and isinstance(head.get("hash"), str)
    ):
        raise ValueError("audit_head")
    files: dict[str, FileEntry] = {}
    listed = data["files"]
    if not isinstance(listed, dict):
        raise ValueError("files")
    for name, entry in listed.items():
        if not _NAME.fullmatch(name) or not isinstance(entry, dict):
            raise ValueError(f"file {name!r}")
        sha, rows, size = entry["sha256"], entry["rows"], entry["size"]
        if not (isinstance(sha, str) and _HEX64.fullmatch(sha)):
            raise ValueError(f"file {name!r} hash")
        if not (isinstance(rows, int) and rows >= 0 and isinstance(size, int) and size >= 0):
            raise ValueError(f"file {name!r} counts")
        files[name] = FileEntry(sha, rows, size)
    public_key = bytes.fromhex(str(data["public_key"]))
    if len(public_key) != 32:
        raise ValueError("public_key")
    encryption = data.get("encryption")
    if encryption is not None:
        if not isinstance(encryption, dict) or encryption.get("scheme") != SEAL_SCHEME:
            raise ValueError("encryption scheme")
        for part in ("recipient", "ephemeral"):
            if len(bytes.fromhex(str(encryption.get(part)))) != 32:
                raise ValueError(f"encryption {part}")
    extra = data.get("extra") or {}
    if not isinstance(extra, dict):
        raise ValueError("extra")
    return Manifest(
        kind=kind,
        county=codes[0],
        from_site=codes[1],
        to_site=codes[2],
        sequence=sequence,
        created_at=created_at,
        previous=previous,
        audit_head=head,
        files=files,
        public_key=public_key,
        extra=extra,
        encryption=encryption,
    )


# -- sealing the record files for the addressee --------------------------------------------
#
# The addressee's Ed25519 key is turned into its X25519 form (the birational map of RFC 7748
# section 4.1: u = (1 + y) / (1 - y)); the writer makes an ephemeral X25519 key, and the key of
# every file is HKDF-SHA256 of the shared secret (info: scheme, ephemeral and recipient keys).
# Each file is zlib-compressed, then AES-256-GCM with a random 12-byte nonce written before it,
# its name as the associated data. The addressee's X25519 private key is the clamped first half
# of SHA-512 of its Ed25519 seed, as for signing (RFC 8032 5.1.5).


def x25519_public(ed25519_public: bytes) -> bytes:
    y = int.from_bytes(ed25519_public, "little") & ((1 << 255) - 1)
    u = (1 + y) * pow((1 - y) % _P, _P - 2, _P) % _P
    return u.to_bytes(32, "little")


def _x25519_private(ed25519_seed: bytes) -> Any:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return X25519PrivateKey.from_private_bytes(hashlib.sha512(ed25519_seed).digest()[:32])


def _derive(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    info = SEAL_SCHEME.encode() + b"|" + ephemeral + recipient
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal_key(recipient: bytes) -> tuple[bytes, bytes]:
    """(file key, ephemeral public key) for sealing files for ``recipient``."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(x25519_public(recipient)))
    return _derive(shared, ephemeral_public, recipient), ephemeral_public


def open_key(ed25519_seed: bytes, recipient: bytes, ephemeral: bytes) -> bytes:
    """The file key, at the addressee."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    try:
        shared = _x25519_private(ed25519_seed).exchange(
            X25519PublicKey.from_public_bytes(ephemeral)
        )
    except ValueError:
        raise BundleRefused("加密参数无效") from None
    return _derive(shared, ephemeral, recipient)


def _write_sealed(
    zf: zipfile.ZipFile, name: str, rows: Iterable[Mapping[str, Any]], key: bytes
) -> FileEntry:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    plain = io.BytesIO()
    count = 0
    for row in rows:
        plain.write(canonical_json(row).encode("utf-8"))
        plain.write(b"\n")
        count += 1
    nonce = os.urandom(12)
    member = name + SUFFIX
    packed = zlib.compress(plain.getvalue(), 6)  # sealed bytes do not deflate: pack first
    stored = nonce + AESGCM(key).encrypt(nonce, packed, member.encode())
    zf.writestr(member, stored)
    return FileEntry(hashlib.sha256(stored).hexdigest(), count, len(stored))


# -- writing ---------------------------------------------------------------------------------


def write_bundle(
    path: Path | str,
    manifest_fields: Mapping[str, Any],
    files: Mapping[str, Iterable[Mapping[str, Any]]],
    signer: Signer,
    recipient: bytes | None = None,
) -> Manifest:
    """Write a bundle at ``path`` (atomically: a partial file, then a rename) and return its
    manifest. ``manifest_fields``: kind, county, from_site, to_site, sequence, created_at,
    previous (None), audit_head (None), extra ({}). ``files``: record kind -> rows (JSON-ready
    dicts; dates and zoned datetimes are written as ISO text), written one per line in the
    order given. ``recipient``: the addressee's Ed25519 public key; the record files are then
    sealed for it (see ``seal_key``), the manifest stays readable."""
    path = Path(path)
    fields = dict(manifest_fields)
    for name in files:
        if not _NAME.fullmatch(name):
            raise ValueError(f"record kind {name!r} is not a file name")
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    entries: dict[str, FileEntry] = {}
    encryption: dict[str, str] | None = None
    key = b""
    if recipient is not None:
        key, ephemeral = seal_key(recipient)
        encryption = {
            "scheme": SEAL_SCHEME,
            "recipient": recipient.hex(),
            "ephemeral": ephemeral.hex(),
        }
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, rows in files.items():
                if encryption is not None:
                    entries[name] = _write_sealed(zf, name, rows, key)
                    continue
                digest, count, size = hashlib.sha256(), 0, 0
                with zf.open(name + SUFFIX, "w", force_zip64=True) as out:
                    buffer = io.BytesIO()
                    for row in rows:
                        buffer.write(canonical_json(row).encode("utf-8"))
                        buffer.write(b"\n")
                        count += 1
                        if buffer.tell() >= _CHUNK:
                            chunk = buffer.getvalue()
                            digest.update(chunk)
                            out.write(chunk)
                            size += len(chunk)
                            buffer = io.BytesIO()
                    chunk = buffer.getvalue()
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                entries[name] = FileEntry(digest.hexdigest(), count, size)
            manifest = Manifest(
                kind=str(fields["kind"]),
                county=str(fields["county"]),
                from_site=str(fields["from_site"]),
                to_site=str(fields["to_site"]),
                sequence=int(fields["sequence"]),
                created_at=fields["created_at"],
                previous=fields.get("previous"),
                audit_head=fields.get("audit_head"),
                files=entries,
                public_key=signer.public_key,
                extra=dict(fields.get("extra") or {}),
                encryption=encryption,
            )
            _manifest_from_json(manifest.to_json())  # what we write, we can read
            body = manifest.to_bytes()
            zf.writestr(MANIFEST, body)
            zf.writestr(SIGNATURE, signer.sign(body).hex() + "\n")
        with open(partial, "rb+") as done:
            os.fsync(done.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle whose signature, sender, addressee and every file's hash have been checked.
    ``rows(kind)`` reads a file again (checking its hash once more, so a file swapped between
    the check and the import is still refused)."""

    path: Path
    manifest: Manifest
    manifest_bytes: bytes
    signer: TrustedKey
    content_key: bytes | None = field(default=None, repr=False)  # sealed record files

    @property
    def id(self) -> str:
        return bundle_id(self.manifest_bytes)

    def kinds(self) -> list[str]:
        return sorted(self.manifest.files)

    def rows(self, kind: str) -> Iterator[dict[str, Any]]:
        entry = self.manifest.files.get(kind)
        if entry is None:
            return
        if self.content_key is not None:
            yield from self._sealed_rows(kind, entry, self.content_key)
            return
        digest = hashlib.sha256()
        count = 0
        try:
            with zipfile.ZipFile(self.path) as zf, zf.open(kind + SUFFIX) as raw:
                for line in raw:
                    digest.update(line)
                    row = json.loads(line)
                    if not isinstance(row, dict):
                        raise BundleRefused(f"文件 {kind}{SUFFIX} 的第 {count + 1} 行不是记录")
                    count += 1
                    yield row
        except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise BundleRefused(f"读取 {kind}{SUFFIX} 时出错（{exc}）") from None
        if digest.hexdigest() != entry.sha256 or count != entry.rows:
            raise BundleRefused(f"文件 {kind}{SUFFIX} 在核验后被改动")

    def _sealed_rows(self, kind: str, entry: FileEntry, key: bytes) -> Iterator[dict[str, Any]]:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        name = kind + SUFFIX
        try:
            with zipfile.ZipFile(self.path) as zf:
                stored = zf.read(name)
        except (OSError, zipfile.BadZipFile, KeyError) as exc:
            raise BundleRefused(f"读取 {name} 时出错（{exc}）") from None
        if hashlib.sha256(stored).hexdigest() != entry.sha256:
            raise BundleRefused(f"文件 {name} 在核验后被改动")
        try:
            plain = zlib.decompress(AESGCM(key).decrypt(stored[:12], stored[12:], name.encode()))
        except (InvalidTag, ValueError, zlib.error):
            raise BundleRefused(f"文件 {name} 无法解密（不是为本站点加密的，或已损坏）") from None
        lines = plain.splitlines()
        if len(lines) != entry.rows:
            raise BundleRefused(f"文件 {name} 的行数与清单不符")
        for number, line in enumerate(lines, start=1):
            try:
                row = json.loads(line)
            except ValueError:
                row = None
            if not isinstance(row, dict):
                raise BundleRefused(f"文件 {name} 的第 {number} 行不是记录")
            yield row


def bundle_id(manifest_bytes: bytes) -> str:
    return hashlib.sha256(manifest_bytes).hexdigest()


def read_bundle(
    path: Path | str,
    trust: TrustList,
    private_key_for: Callable[[bytes], bytes | None] | None = None,
) -> OpenedBundle:
    """Open and check a bundle; raises ``BundleRefused`` naming the first thing wrong.
    ``private_key_for(public key)``: this site's private signing key for one of its public
    keys (from the key store), to open record files sealed for this site."""
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BundleRefused(f"找不到文件 {path}") from None
    except IsADirectoryError:
        raise BundleRefused(f"{path} 是文件夹，不是数据包") from None
    except (zipfile.BadZipFile, OSError):
        raise BundleRefused("文件不完整（被截断）或不是数据包") from None
    except ValueError:  # a NUL in the name: no such file can exist
        raise BundleRefused("文件名无效（含有空字符）") from None
    with zf:
        names = set(zf.namelist())
        if MANIFEST not in names or SIGNATURE not in names:
            raise BundleRefused("缺少清单或签名（manifest.json / manifest.sig）")
        try:
            if zf.getinfo(MANIFEST).file_size > _MAX_MANIFEST:
                raise BundleRefused("清单过大，不是本系统的数据包")
            body = zf.read(MANIFEST)
            signature = bytes.fromhex(zf.read(SIGNATURE).decode("ascii").strip())
        except (zipfile.BadZipFile, OSError, ValueError, UnicodeDecodeError, EOFError):
            raise BundleRefused("清单或签名已损坏") from None
        try:
            manifest = _manifest_from_json(json.loads(body.decode("utf-8")))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise BundleRefused(f"清单无效（{exc}）") from None
        key = _check_key(manifest, trust)
        from app.signing import _signature_matches

        if len(signature) != 64 or not _signature_matches(key.public_key, signature, body):
            raise BundleRefused(f"签名不符：清单在 {manifest.from_site} 签名后被改动")
        if trust.county_code is not None and manifest.county != trust.county_code:
            raise BundleRefused(f"来自其他县（{manifest.county}），本县为 {trust.county_code}")
        if trust.own_site_code is not None and manifest.to_site != trust.own_site_code:
            raise BundleRefused(f"寄给 {manifest.to_site} 的数据包，本站点为 {trust.own_site_code}")
        expected = {kind + SUFFIX for kind in manifest.files} | {MANIFEST, SIGNATURE}
        stray = sorted(names - expected)
        if stray:
            raise BundleRefused(f"含有清单未列出的文件 {stray[0]}")
        for kind, entry in sorted(manifest.files.items()):
            _check_file(zf, kind, entry, lines=manifest.encryption is None)
    content_key = None
    if manifest.encryption is not None:
        recipient = bytes.fromhex(manifest.encryption["recipient"])
        private = private_key_for(recipient) if private_key_for is not None else None
        if private is None:
            raise BundleRefused("数据包是为另一把密钥加密的，本机密钥库中没有它")
        content_key = open_key(private, recipient, bytes.fromhex(manifest.encryption["ephemeral"]))
    return OpenedBundle(
        path=path, manifest=manifest, manifest_bytes=body, signer=key, content_key=content_key
    )


def _check_key(manifest: Manifest, trust: TrustList) -> TrustedKey:
    key = trust.key(manifest.public_key)
    if key is None:
        fingerprint = hashlib.sha256(manifest.public_key).hexdigest()[:16].upper()
        raise BundleRefused(f"签名密钥不在信任列表中（{manifest.from_site}，指纹 {fingerprint}）")
    if key.site_code != manifest.from_site:
        raise BundleRefused(f"签名密钥属于 {key.site_code}，清单却写明来自 {manifest.from_site}")
    if key.revoked_at is not None:
        raise BundleRefused(f"{key.site_code} 的签名密钥已于 {key.revoked_at:%Y-%m-%d} 吊销")
    if key.valid_to is not None and manifest.created_at > key.valid_to:
        raise BundleRefused(
            f"{key.site_code} 的签名密钥已于 {key.valid_to:%Y-%m-%d} 停用，晚于此日期的数据包不可信"
        )
    return key


def _check_file(zf: zipfile.ZipFile, kind: str, entry: FileEntry, *, lines: bool) -> None:
    name = kind + SUFFIX
    digest, size, count = hashlib.sha256(), 0, 0
    try:
        with zf.open(name) as raw:
            while chunk := raw.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                count += chunk.count(b"\n")
    except KeyError:
        raise BundleRefused(f"缺少清单列出的文件 {name}") from None
    except (zipfile.BadZipFile, OSError, EOFError):
        raise BundleRefused(f"文件 {name} 已损坏") from None
    if size != entry.size or digest.hexdigest() != entry.sha256 or (lines and count != entry.rows):
        raise BundleRefused(f"文件 {name} 在签名后被改动")

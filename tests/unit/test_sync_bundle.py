"""The bundle container: what is written is read back, and every bad bundle of issue #16
item 8 that the container can judge is refused with one line, before anything is read."""

from __future__ import annotations

import json
import os
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.signing import _new_key_pair
from app.sync.bundle import (
    MANIFEST,
    SIGNATURE,
    BundleRefused,
    Ed25519Signer,
    TrustedKey,
    TrustList,
    bundle_id,
    read_bundle,
    write_bundle,
)

MADE = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def _signer() -> Ed25519Signer:
    private, _public = _new_key_pair()
    return Ed25519Signer(private)


def _fields(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "kind": "up",
        "county": "QX",
        "from_site": "QX-LS",
        "to_site": "QX",
        "sequence": 3,
        "created_at": MADE,
        "previous": None,
        "audit_head": {"seq": 41, "hash": "ab" * 32},
    }
    fields.update(changes)
    return fields


def _files() -> dict[str, list[dict[str, Any]]]:
    return {
        "case": [
            {"origin": ["QX-LS", 1], "number": "QX-LS-20261201-0001", "applicant": "张三"},
            {"origin": ["QX-LS", 2], "number": "QX-LS-20261201-0002", "accepted_at": MADE},
        ],
        "visit": [{"origin": ["QX-LS", 7], "purpose": "咨询"}],
        "rating": [],
    }


def _trust(signer: Ed25519Signer, **changes: Any) -> TrustList:
    key = TrustedKey("QX-LS", signer.public_key)
    key_fields = {k: changes.pop(k) for k in ("valid_to", "revoked_at") if k in changes}
    if key_fields:
        key = TrustedKey("QX-LS", signer.public_key, **key_fields)
    base: dict[str, Any] = {"county_code": "QX", "own_site_code": "QX", "keys": (key,)}
    base.update(changes)
    return TrustList(**base)


@pytest.fixture
def made(tmp_path: Path) -> tuple[Path, Ed25519Signer]:
    signer = _signer()
    path = tmp_path / "up.zip"
    write_bundle(path, _fields(), _files(), signer)
    return path, signer


def _rewrite(path: Path, change: dict[str, bytes | None]) -> None:
    """Copy the zip with some members replaced (bytes) or dropped (None)."""
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    for name, body in change.items():
        if body is None:
            members.pop(name, None)
        else:
            members[name] = body
    os.unlink(path)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)


def test_a_bundle_reads_back_as_written(made: tuple[Path, Ed25519Signer]) -> None:
    path, signer = made
    opened = read_bundle(path, _trust(signer))
    m = opened.manifest
    assert (m.kind, m.county, m.from_site, m.to_site, m.sequence) == ("up", "QX", "QX-LS", "QX", 3)
    assert m.created_at == MADE and m.audit_head == {"seq": 41, "hash": "ab" * 32}
    assert {k: e.rows for k, e in m.files.items()} == {"case": 2, "visit": 1, "rating": 0}
    assert opened.kinds() == ["case", "rating", "visit"]
    cases = list(opened.rows("case"))
    assert cases[0]["applicant"] == "张三"
    assert cases[1]["accepted_at"] == MADE.isoformat()
    assert list(opened.rows("rating")) == []
    assert list(opened.rows("nothing")) == []
    assert opened.id == bundle_id(opened.manifest_bytes) and len(opened.id) == 64


def test_the_manifest_is_plain_json_another_system_can_read(
    made: tuple[Path, Ed25519Signer],
) -> None:
    path, signer = made
    with zipfile.ZipFile(path) as zf:
        data = json.loads(zf.read(MANIFEST))
        signature = bytes.fromhex(zf.read(SIGNATURE).decode().strip())
        lines = zf.read("case.jsonl").decode().splitlines()
    assert data["format"] == "frontdesk-bundle" and data["version"] == 1
    assert data["from"] == "QX-LS" and data["public_key"] == signer.public_key.hex()
    assert data["files"]["case"]["rows"] == 2 == len(lines)
    assert len(signature) == 64


def test_an_unknown_key_is_refused(made: tuple[Path, Ed25519Signer]) -> None:
    path, _signer_used = made
    with pytest.raises(BundleRefused, match="不在信任列表"):
        read_bundle(path, _trust(_signer()))


def test_a_revoked_key_is_refused(made: tuple[Path, Ed25519Signer]) -> None:
    path, signer = made
    with pytest.raises(BundleRefused, match="吊销"):
        read_bundle(path, _trust(signer, revoked_at=MADE + timedelta(days=1)))


def test_a_key_retired_before_the_bundle_was_made_is_refused(
    made: tuple[Path, Ed25519Signer],
) -> None:
    path, signer = made
    with pytest.raises(BundleRefused, match="停用"):
        read_bundle(path, _trust(signer, valid_to=MADE - timedelta(days=1)))
    # retired after it was made: still good
    assert read_bundle(path, _trust(signer, valid_to=MADE + timedelta(days=1))).manifest


def test_a_key_of_another_site_is_refused(tmp_path: Path) -> None:
    signer = _signer()
    path = tmp_path / "b.zip"
    write_bundle(path, _fields(from_site="QX-HT"), _files(), signer)
    with pytest.raises(BundleRefused, match="签名密钥属于 QX-LS"):
        read_bundle(path, _trust(signer))


def test_an_altered_file_is_refused(made: tuple[Path, Ed25519Signer]) -> None:
    path, signer = made
    with zipfile.ZipFile(path) as zf:
        body = zf.read("case.jsonl")
    _rewrite(path, {"case.jsonl": body.replace("张三".encode(), "李四".encode())})
    with pytest.raises(BundleRefused, match=r"case\.jsonl 在签名后被改动"):
        read_bundle(path, _trust(signer))


def test_a_dropped_file_is_refused(made: tuple[Path, Ed25519Signer]) -> None:
    path, signer = made
    _rewrite(path, {"visit.jsonl": None})
    with pytest.raises(BundleRefused, match=r"缺少清单列出的文件 visit\.jsonl"):
        read_bundle(path, _trust(signer))


def test_a_smuggled_file_is_refused(made: tuple[Path, Ed25519Signer]) -> None:
    path, signer = made
    _rewrite(path, {"staff.jsonl": b'{"login":"root"}\n'})
    with pytest.raises(BundleRefused, match=r"清单未列出的文件 staff\.jsonl"):
        read_bundle(path, _trust(signer))


def test_an_altered_manifest_is_refused(made: tuple[Path, Ed25519Signer]) -> None:
    path, signer = made
    with zipfile.ZipFile(path) as zf:
        body = zf.read(MANIFEST)
    _rewrite(path, {MANIFEST: body.replace(b'"sequence":3', b'"sequence":4')})
    with pytest.raises(BundleRefused, match="签名不符"):
        read_bundle(path, _trust(signer))


def test_a_manifest_re_signed_by_another_key_is_refused(
    made: tuple[Path, Ed25519Signer],
) -> None:
    path, signer = made
    intruder = _signer()
    with zipfile.ZipFile(path) as zf:
        body = zf.read(MANIFEST)
    forged = body.replace(signer.public_key.hex().encode(), intruder.public_key.hex().encode())
    _rewrite(path, {MANIFEST: forged, SIGNATURE: intruder.sign(forged).hex().encode()})
    with pytest.raises(BundleRefused, match="不在信任列表"):
        read_bundle(path, _trust(signer))


def test_a_missing_signature_is_refused(made: tuple[Path, Ed25519Signer]) -> None:
    path, signer = made
    _rewrite(path, {SIGNATURE: None})
    with pytest.raises(BundleRefused, match="缺少清单或签名"):
        read_bundle(path, _trust(signer))


@pytest.mark.parametrize("keep", [0.3, 0.9, 0.99])
def test_a_truncated_zip_is_refused(made: tuple[Path, Ed25519Signer], keep: float) -> None:
    path, signer = made
    body = path.read_bytes()
    path.write_bytes(body[: int(len(body) * keep)])
    with pytest.raises(BundleRefused, match="不完整"):
        read_bundle(path, _trust(signer))


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_text("hello")
    with pytest.raises(BundleRefused, match="不完整"):
        read_bundle(path, TrustList("QX", "QX"))
    with pytest.raises(BundleRefused, match="找不到文件"):
        read_bundle(tmp_path / "missing.zip", TrustList("QX", "QX"))


def test_a_bundle_of_another_county_is_refused(tmp_path: Path) -> None:
    signer = _signer()
    path = tmp_path / "b.zip"
    write_bundle(path, _fields(county="HZ"), _files(), signer)
    with pytest.raises(BundleRefused, match="来自其他县（HZ）"):
        read_bundle(path, _trust(signer))


def test_a_bundle_for_another_site_is_refused(tmp_path: Path) -> None:
    signer = _signer()
    path = tmp_path / "b.zip"
    write_bundle(path, _fields(kind="down", to_site="QX-HT"), _files(), signer)
    with pytest.raises(BundleRefused, match="寄给 QX-HT"):
        read_bundle(path, _trust(signer))
    # A PC being set up has no site yet: the addressee is its own to judge.
    assert read_bundle(path, _trust(signer, own_site_code=None)).manifest.to_site == "QX-HT"


def test_a_file_swapped_after_the_check_is_refused_when_read(
    made: tuple[Path, Ed25519Signer],
) -> None:
    path, signer = made
    opened = read_bundle(path, _trust(signer))
    with zipfile.ZipFile(path) as zf:
        body = zf.read("case.jsonl")
    _rewrite(path, {"case.jsonl": body.replace("张三".encode(), "王五".encode())})
    with pytest.raises(BundleRefused, match="被改动"):
        list(opened.rows("case"))


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "b.zip"

    def rows() -> Any:
        yield {"a": 1}
        raise RuntimeError("disk pulled")

    with pytest.raises(RuntimeError):
        write_bundle(path, _fields(), {"case": rows()}, _signer())
    assert list(tmp_path.iterdir()) == []


def test_bad_record_kind_names_are_refused_at_write(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a file name"):
        write_bundle(tmp_path / "b.zip", _fields(), {"../x": []}, _signer())


# -- record files sealed for the addressee ------------------------------------------------------


def test_the_x25519_form_of_an_ed25519_key_matches_its_private_half() -> None:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from app.sync.bundle import _x25519_private, x25519_public

    for _ in range(5):
        private, public = _new_key_pair()
        derived = _x25519_private(private).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        assert x25519_public(public) == derived


def test_sealed_files_open_only_at_the_addressee(tmp_path: Path) -> None:
    signer = _signer()
    county_private, county_public = _new_key_pair()
    path = tmp_path / "sealed.zip"
    write_bundle(path, _fields(), _files(), signer, recipient=county_public)
    raw = path.read_bytes()
    with zipfile.ZipFile(path) as zf:
        members = b"".join(zf.read(n) for n in zf.namelist() if n.endswith(".jsonl"))
    assert "张三".encode() not in members and "张三".encode() not in raw
    keys = {county_public: county_private}
    opened = read_bundle(path, _trust(signer), private_key_for=keys.get)
    assert opened.manifest.encryption is not None
    assert [r.get("applicant") for r in opened.rows("case")] == ["张三", None]
    assert list(opened.rows("rating")) == []
    with pytest.raises(BundleRefused, match="另一把密钥"):
        read_bundle(path, _trust(signer), private_key_for={}.get)
    with pytest.raises(BundleRefused, match="另一把密钥"):
        read_bundle(path, _trust(signer))


def test_a_sealed_file_opened_with_the_wrong_key_or_altered_is_refused(tmp_path: Path) -> None:
    signer = _signer()
    county_private, county_public = _new_key_pair()
    other_private, _other_public = _new_key_pair()
    path = tmp_path / "sealed.zip"
    write_bundle(path, _fields(), _files(), signer, recipient=county_public)
    wrong = read_bundle(path, _trust(signer), private_key_for=lambda _pub: other_private)
    with pytest.raises(BundleRefused, match="无法解密"):
        list(wrong.rows("case"))
    with zipfile.ZipFile(path) as zf:
        body = bytearray(zf.read("case.jsonl"))
    body[-1] ^= 1
    _rewrite(path, {"case.jsonl": bytes(body)})
    with pytest.raises(BundleRefused, match=r"case\.jsonl 在签名后被改动"):
        read_bundle(path, _trust(signer), private_key_for=lambda _pub: county_private)

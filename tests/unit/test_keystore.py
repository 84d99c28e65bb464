"""The key stores: chosen by FRONTDESK_KEYSTORE, the file one owner-only, every one keeping
what it is given."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app import keystore
from app.errors import DomainError


@pytest.mark.parametrize("kind", ["memory", "file"])
def test_a_store_keeps_secrets_by_name(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(keystore.ENV_KIND, kind)
    monkeypatch.delenv(keystore.ENV_FILE, raising=False)
    store = keystore.store_for(tmp_path)
    assert store.kind == kind and store.get("sign:ab") is None
    store.put("sign:ab", b"\x00\xff secret")
    store.put("audit:cd", b"other")
    assert store.get("sign:ab") == b"\x00\xff secret"
    assert store.names() == ["audit:cd", "sign:ab"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_key_file_is_owner_only_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(keystore.ENV_KIND, "file")
    monkeypatch.delenv(keystore.ENV_FILE, raising=False)
    store = keystore.store_for(tmp_path)
    store.put("sign:ab", b"secret")
    path = tmp_path / "keys" / "frontdesk.keys"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    # Another process (a second counter window) sees what this one wrote.
    assert keystore.FileKeyStore(path).get("sign:ab") == b"secret"


def test_a_damaged_key_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "frontdesk.keys"
    path.write_text("{not json")
    with pytest.raises(DomainError, match="damaged"):
        keystore.FileKeyStore(path).get("sign:ab")


def test_an_unknown_store_kind_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keystore.ENV_KIND, "vault")
    with pytest.raises(DomainError, match="keyring, file or memory"):
        keystore.store_for(tmp_path)


def test_keyring_store_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    """The credential-store adapter against the keyring library's API (an in-memory back end,
    as CI machines have no credential store)."""
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.items: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.items.pop((service, username), None)

    before = keyring.get_keyring()
    keyring.set_keyring(Memory())
    try:
        monkeypatch.setenv(keystore.ENV_KIND, "keyring")
        store = keystore.store_for(Path("."))
        assert isinstance(store, keystore.KeyringKeyStore)
        store.put("sign:ab", b"\x01secret")
        assert keystore.KeyringKeyStore().get("sign:ab") == b"\x01secret"
        assert store.names() == ["sign:ab"]
    finally:
        keyring.set_keyring(before)

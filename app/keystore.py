"""Where the site's secrets live: never in the database, so never in a backup of it.

Secrets are raw bytes under a name: ``sign:<public key hex>`` for an Ed25519 signing key (the
database keeps only the public half), ``audit:<key id>`` for the key that chains the audit trail
(see app.audit). Naming a secret after something public keeps every database's secrets apart in
one store (a PC that opens a test database and the real one, the test suite's many databases).

Three stores, chosen with ``FRONTDESK_KEYSTORE``:

- ``keyring``: the operating system's credential store (Windows Credential Manager on a counter
  PC, the Secret Service or macOS Keychain elsewhere) through the ``keyring`` library. The
  default where a usable back end exists.
- ``file``: an owner-only file (0600 in a 0700 folder on POSIX), ``<data folder>/keys/
  frontdesk.keys``, or ``FRONTDESK_KEYS_FILE``. The default where there is no credential store.
- ``memory``: for tests; gone when the process ends.

Every store caches what it has read for the life of the process: the audit trail reads its key
once, not once per event.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import threading
from pathlib import Path
from typing import Protocol

from app.errors import DomainError

ENV_KIND = "FRONTDESK_KEYSTORE"
ENV_FILE = "FRONTDESK_KEYS_FILE"
KEYS_FOLDER = "keys"
KEYS_FILE = "frontdesk.keys"
SERVICE = "frontdesk"
_INDEX = "index"  # the keyring entry listing the names (a keyring cannot list its entries)


class KeyStoreError(DomainError):
    """A secret store that cannot be read or written."""


class KeyStore(Protocol):
    kind: str

    def get(self, name: str) -> bytes | None: ...
    def put(self, name: str, secret: bytes) -> None: ...
    def names(self) -> list[str]: ...
    def describe(self) -> str: ...


class MemoryKeyStore:
    kind = "memory"

    def __init__(self) -> None:
        self._secrets: dict[str, bytes] = {}

    def get(self, name: str) -> bytes | None:
        return self._secrets.get(name)

    def put(self, name: str, secret: bytes) -> None:
        self._secrets[name] = bytes(secret)

    def names(self) -> list[str]:
        return sorted(self._secrets)

    def describe(self) -> str:
        return "memory (this process only)"


class FileKeyStore:
    """A JSON object of base64 secrets in an owner-only file; written whole, atomically."""

    kind = "file"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._cache: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def _load(self) -> dict[str, bytes]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise KeyStoreError(f"cannot read the key file {self.path}: {exc.strerror}") from None
        try:
            data = json.loads(raw)
            return {str(k): base64.b64decode(v) for k, v in data.get("secrets", {}).items()}
        except (ValueError, AttributeError, TypeError):
            raise KeyStoreError(f"the key file {self.path} is damaged") from None

    def get(self, name: str) -> bytes | None:
        found = self._cache.get(name)
        if found is None:  # another process may have added it since
            with self._lock:
                self._cache = self._load()
            found = self._cache.get(name)
        return found

    def put(self, name: str, secret: bytes) -> None:
        with self._lock:
            secrets = self._load()
            secrets[name] = bytes(secret)
            self._write(secrets)
            self._cache = secrets

    def names(self) -> list[str]:
        with self._lock:
            self._cache = self._load()
        return sorted(self._cache)

    def describe(self) -> str:
        return f"key file {self.path}"

    def _write(self, secrets: dict[str, bytes]) -> None:
        folder = self.path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, 0o700)
        body = json.dumps(
            {
                "format": "frontdesk-keys",
                "version": 1,
                "secrets": {k: base64.b64encode(v).decode() for k, v in sorted(secrets.items())},
            },
            indent=1,
        )
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(body)
                out.flush()
                os.fsync(out.fileno())
            if os.name == "posix":
                os.chmod(partial, 0o600)
            os.replace(partial, self.path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise KeyStoreError(f"cannot write the key file {self.path}: {exc.strerror}") from None


class KeyringKeyStore:
    """The operating system's credential store. One entry per secret, plus an index."""

    kind = "keyring"

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service
        self._cache: dict[str, bytes] = {}

    def _keyring(self):  # type: ignore[no-untyped-def]
        import keyring

        return keyring

    def get(self, name: str) -> bytes | None:
        found = self._cache.get(name)
        if found is not None:
            return found
        try:
            value = self._keyring().get_password(self.service, name)
        except Exception as exc:  # any back-end failure is the same to the caller
            raise KeyStoreError(f"cannot read the credential store: {exc}") from None
        if value is None:
            return None
        self._cache[name] = base64.b64decode(value)
        return self._cache[name]

    def put(self, name: str, secret: bytes) -> None:
        ring = self._keyring()
        try:
            ring.set_password(self.service, name, base64.b64encode(secret).decode())
            names = set(self.names())
            names.add(name)
            ring.set_password(self.service, _INDEX, json.dumps(sorted(names)))
        except KeyStoreError:
            raise
        except Exception as exc:
            raise KeyStoreError(f"cannot write to the credential store: {exc}") from None
        self._cache[name] = bytes(secret)

    def names(self) -> list[str]:
        try:
            raw = self._keyring().get_password(self.service, _INDEX)
        except Exception as exc:
            raise KeyStoreError(f"cannot read the credential store: {exc}") from None
        return sorted(json.loads(raw)) if raw else []

    def describe(self) -> str:
        return f"credential store ({type(self._keyring().get_keyring()).__name__})"


def keyring_usable() -> bool:
    """Whether a real credential store is there (not the library's fail or null back end)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:
        return False
    name = type(backend).__module__
    return not isinstance(backend, fail.Keyring) and "null" not in name and backend.priority > 0


def key_file_path(data_dir: Path) -> Path:
    chosen = os.environ.get(ENV_FILE)
    return Path(chosen).expanduser() if chosen else data_dir / KEYS_FOLDER / KEYS_FILE


def store_for(data_dir: Path) -> KeyStore:
    """The store ``FRONTDESK_KEYSTORE`` names, else the credential store where there is one."""
    kind = (os.environ.get(ENV_KIND) or "").strip().lower()
    if kind == "memory":
        return MemoryKeyStore()
    if kind == "file":
        return FileKeyStore(key_file_path(data_dir))
    if kind == "keyring":
        if not keyring_usable():
            raise KeyStoreError(
                "FRONTDESK_KEYSTORE=keyring, but this computer has no usable credential store"
            )
        return KeyringKeyStore()
    if kind:
        raise KeyStoreError(f"{ENV_KIND} must be keyring, file or memory, not {kind!r}")
    # Windows and macOS always have one; on Linux only with a desktop session.
    if sys.platform in ("win32", "darwin") and keyring_usable():
        return KeyringKeyStore()
    # The session bus first: finding keyring's back end takes a few hundred ms at every start.
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS") and keyring_usable():
        return KeyringKeyStore()
    return FileKeyStore(key_file_path(data_dir))


_active: KeyStore | None = None
_active_for: Path | None = None


def use_data_dir(data_dir: Path) -> KeyStore:
    """Make the store for this data folder the process's store (the command line and the
    window call this once they know the folder)."""
    global _active, _active_for
    if _active is not None and _active_for == data_dir:
        return _active
    _active, _active_for = store_for(data_dir), data_dir
    return _active


def use(store: KeyStore) -> None:
    """Tests: put a particular store in place."""
    global _active, _active_for
    _active, _active_for = store, None


def active() -> KeyStore:
    """The process's store; until a front end names the data folder, the default folder's."""
    global _active, _active_for
    if _active is None:
        from app.config import resolve_data_dir

        _active_for = resolve_data_dir()
        _active = store_for(_active_for)
    return _active

"""A recovery copy of this database's secrets, protected by a password: ``frontdesk keys export``
on the old PC, ``frontdesk keys import`` on a new one (after restoring a backup there).

The file is JSON: the secrets encrypted with AES-256-GCM under a key derived from the password
with scrypt (n=2**15, r=8, p=1) and a random salt. A wrong password or a changed byte fails the
GCM tag, so nothing half-imported ever lands in the key store.
"""

from __future__ import annotations

import base64
import json
import os

from app import audit, datakey, keystore
from app.errors import ValidationError
from app.ports import UnitOfWork
from app.roles import Actor, Role, allowed_roles

FORMAT = "frontdesk-private-keys"
MIN_PASSWORD = 10
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def database_secret_names(uow: UnitOfWork) -> list[str]:
    """The key-store names of every secret this database relies on (inside a transaction)."""
    names = [k.secret_name for k in uow.keys.all() if k.own]
    names += audit.secret_names(uow)
    names += datakey.secret_names(uow)
    return names


@allowed_roles(Role.ADMIN)
def export_private_keys(uow: UnitOfWork, actor: Actor, password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationError.single("password", f"保护密钥文件的口令至少 {MIN_PASSWORD} 个字符")
    store = keystore.active()
    with uow.write():
        names = database_secret_names(uow)
        secrets = {}
        missing = []
        for name in names:
            secret = store.get(name)
            if secret is None:
                missing.append(name)
            else:
                secrets[name] = base64.b64encode(secret).decode()
        audit.record(
            uow, actor, "keys_exported", "keystore", len(secrets), None, {"missing": len(missing)}
        )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    key = _derive(password, salt, **_SCRYPT)
    sealed = AESGCM(key).encrypt(nonce, json.dumps(secrets).encode(), FORMAT.encode())
    return json.dumps(
        {
            "format": FORMAT,
            "version": 1,
            "kdf": {"name": "scrypt", "salt": salt.hex(), **_SCRYPT},
            "nonce": nonce.hex(),
            "ciphertext": base64.b64encode(sealed).decode(),
        }
    )


@allowed_roles(Role.ADMIN)
def import_private_keys(uow: UnitOfWork, actor: Actor, text: str, password: str) -> int:
    """Put the file's secrets into this PC's key store; returns how many."""
    count = import_without_database(text, password)
    record_import(uow, actor, count)
    return count


@allowed_roles(Role.ADMIN)
def record_import(uow: UnitOfWork, actor: Actor, count: int) -> None:
    """The audit event of keys put into this PC's key store (``import_without_database``)."""
    with uow.write():
        audit.record(uow, actor, "keys_imported", "keystore", count)


def import_without_database(text: str, password: str) -> int:
    """A new PC, before its backup is restored: there is no database to log in to or to audit
    in, so the key file's password is the only credential. Returns how many secrets."""
    secrets = open_key_file(text, password)
    store = keystore.active()
    # A key is named after something public (app.keystore): a different secret under a name
    # this PC already holds is not a copy of its key but a replacement, which would leave
    # every record sealed, chained or signed with the old one unreadable or unverifiable.
    for name, secret in secrets.items():
        held = store.get(name)
        if held is not None and held != secret:
            raise ValidationError.single(
                "file", f"密钥文件中的 {name} 与本机已有的同名密钥不同，不能覆盖"
            )
    for name, secret in secrets.items():
        store.put(name, secret)
    return len(secrets)


def open_key_file(text: str, password: str) -> dict[str, bytes]:
    """The secrets in an exported key file; a wrong password or a changed byte is refused."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError
        kdf = data["kdf"]
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        if not (2**14 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError
        salt = bytes.fromhex(kdf["salt"])
        nonce = bytes.fromhex(data["nonce"])
        sealed = base64.b64decode(data["ciphertext"], validate=True)
    except (ValueError, KeyError, TypeError):
        raise ValidationError.single("file", "不是本程序导出的密钥文件") from None
    try:
        plain = AESGCM(_derive(password, salt, n, r, p)).decrypt(nonce, sealed, FORMAT.encode())
    except (InvalidTag, ValueError):
        raise ValidationError.single("password", "口令不对，或密钥文件已损坏") from None
    return {str(k): base64.b64decode(v) for k, v in json.loads(plain).items()}

"""The personal data key: what seals citizens' ID and phone numbers in the database (db.sealed).

Like the audit trail's key it is never in the database: it lives in the PC's key store
(app.keystore) under ``data:<key id>``, and the database keeps only the key id, in setting
``data_key_id``. ``frontdesk keys export`` carries it with the other secrets; a PC without it
cannot read or write a citizen's numbers, and says so in one line.
"""

from __future__ import annotations

from app.errors import DomainError
from app.ports import UnitOfWork

SETTING = "data_key_id"


class MissingDataKey(DomainError):
    """This PC's key store does not hold the key that seals the database's personal data."""


def secret_name(key_id: str) -> str:
    return f"data:{key_id}"


def missing_key_message(key_id: str) -> str:
    return (
        f"本机密钥库中没有个人数据密钥 {secret_name(key_id)}：请用 frontdesk keys import 文件 "
        "导入原电脑上 frontdesk keys export 导出的密钥文件"
    )


def secret_names(uow: UnitOfWork) -> list[str]:
    """The key-store name of the data key (none before migration 0017). Inside a transaction."""
    key_id = uow.settings.get(SETTING)
    return [secret_name(key_id)] if key_id else []


def missing_secret(uow: UnitOfWork) -> str | None:
    """The data key's name when this PC's key store lacks it, else None."""
    from app import keystore

    with uow.read():
        names = secret_names(uow)
    for name in names:
        if keystore.active().get(name) is None:
            return name
    return None


def require_data_key(uow: UnitOfWork) -> None:
    """Refuse to go on without the data key (at start-up and login): one line, not a traceback
    at the first citizen's record."""
    name = missing_secret(uow)
    if name is not None:
        raise MissingDataKey(missing_key_message(name.split(":", 1)[1]))

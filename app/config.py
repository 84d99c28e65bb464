"""Where the data lives: the data folder and the database URL, from flags, environment, defaults."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "frontdesk"
DB_FILE_NAME = "frontdesk.sqlite3"


def resolve_data_dir(flag: str | None = None) -> Path:
    """``--data-dir`` beats ``FRONTDESK_HOME`` beats the per-user data folder."""
    chosen = flag or os.environ.get("FRONTDESK_HOME")
    if chosen:
        return Path(chosen).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_db_url(flag: str | None, data_dir: Path) -> str:
    """``--db`` beats ``FRONTDESK_DB`` beats the SQLite file in the data folder."""
    chosen = flag or os.environ.get("FRONTDESK_DB")
    if chosen:
        return chosen
    return f"sqlite:///{data_dir / DB_FILE_NAME}"


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"

"""Per-PC settings, declared once, kept in QSettings (the registry on Windows)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "frontdesk"
APPLICATION = "frontdesk"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


SETTINGS_FILE = "frontdesk-pc.ini"
_folder: Path | None = None


def keep_in_folder(folder: Path | None) -> None:
    """This PC's settings in ``folder`` (the data folder given by ``--data-dir`` or
    FRONTDESK_HOME: a portable install, or a second hall on one PC, keeps its own); None: the
    user's settings store (the registry on Windows)."""
    global _folder
    _folder = folder


def choose_folder(data_dir_flag: str | None) -> Path | None:
    """The folder for this PC's settings when a data folder was given, else None."""
    if data_dir_flag or os.environ.get("FRONTDESK_HOME"):
        from app.config import resolve_data_dir

        folder = resolve_data_dir(data_dir_flag)
        keep_in_folder(folder)
        return folder
    keep_in_folder(None)
    return None


def open_settings() -> QSettings:
    """This PC's settings store."""
    if _folder is not None:
        return QSettings(str(_folder / SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def load_window_geometry(name: str) -> QByteArray | None:
    """A window's size and place as ``QWidget.saveGeometry`` left them, or None."""
    value = open_settings().value(f"windows/{name}")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_window_geometry(name: str, geometry: QByteArray) -> None:
    s = open_settings()
    s.setValue(f"windows/{name}", geometry)
    s.sync()


@dataclass
class LocalSettings:
    window_number: int | None = None
    printer: str = ""
    language: str = "zh_CN"
    backup_folder: str = ""  # empty: the data folder's backups/; may be a USB stick
    site_name: str = ""  # the center's name as last read from the database, for the login
    reader_library: str = ""  # the ID card reader's vendor library (sdtapi.dll); empty: none
    reader_port: int = 1001  # 1001-1016 USB, 1-16 serial

    @classmethod
    def load(cls, qsettings: QSettings | None = None) -> LocalSettings:
        s = qsettings or open_settings()
        number = s.value("counter/window_number", None)
        language = str(s.value("ui/language", "zh_CN"))
        return cls(
            window_number=int(number) if number not in (None, "") else None,
            printer=str(s.value("print/printer", "")),
            language=language if language in LANGUAGES else "zh_CN",
            backup_folder=str(s.value("backup/folder", "")),
            site_name=str(s.value("site/name", "")),
            reader_library=str(s.value("reader/library", "")),
            reader_port=_int(s.value("reader/port", 1001), 1001),
        )

    def save(self, qsettings: QSettings | None = None) -> None:
        s = qsettings or open_settings()
        s.setValue(
            "counter/window_number", "" if self.window_number is None else self.window_number
        )
        s.setValue("print/printer", self.printer)
        s.setValue("ui/language", self.language)
        s.setValue("backup/folder", self.backup_folder)
        s.setValue("site/name", self.site_name)
        s.setValue("reader/library", self.reader_library)
        s.setValue("reader/port", self.reader_port)
        s.sync()


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default

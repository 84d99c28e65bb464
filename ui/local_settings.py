"""Per-PC settings, declared once, kept in QSettings (the registry on Windows)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "frontdesk"
APPLICATION = "frontdesk"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def open_settings() -> QSettings:
    """This PC's settings store."""
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
        s.sync()

"""Per-PC settings, declared once, kept in QSettings (the registry on Windows)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

ORGANIZATION = "frontdesk"
APPLICATION = "frontdesk"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


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
        s = qsettings or QSettings(ORGANIZATION, APPLICATION)
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
        s = qsettings or QSettings(ORGANIZATION, APPLICATION)
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

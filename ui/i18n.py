"""Chinese is the source language; English comes from resources/translations/*.qm. Qt's own
texts (OK, Cancel, Copy, Paste ...) come from Qt's translations for the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from app.resources import resource_path

_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, language: str) -> bool:
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    if language == "zh_CN":
        return True
    translator = QTranslator(app)
    path = resource_path("translations", f"frontdesk_{language}.qm")
    if not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True

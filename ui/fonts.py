"""Make the bundled CJK fonts available to Qt.

Call :func:`register_bundled_fonts` (or just :func:`apply_default_font`, which
registers first) right after the ``QApplication`` is created. The fonts are
registered from their file paths, not from bytes: Qt then hands the path to
FreeType/DirectWrite, which reads the 20-30 MB fallback files lazily, so
registration costs a few milliseconds per font instead of reading ~58 MB.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from app.fonts import bundled_fonts, fallback_fonts, main_font

__all__ = ["apply_default_font", "default_families", "register_bundled_fonts"]

_log = logging.getLogger(__name__)

# font key -> families Qt registered for that file; filled once per process.
_registered: dict[str, list[str]] = {}


def register_bundled_fonts() -> list[str]:
    """Register every bundled font file with Qt; return the family names.

    Safe to call more than once: files already registered in this process are
    not registered again. A file that Qt refuses (missing or damaged) is
    logged as an error and skipped, so the application still starts, with
    Qt's own fallback fonts.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("create the QApplication before registering fonts")
    started = time.perf_counter()
    seen_files: dict[str, list[str]] = {}
    for font in bundled_fonts():
        if font.key in _registered:
            continue
        path = str(font.path)
        if path in seen_files:  # another face of the same .ttc
            _registered[font.key] = seen_files[path]
            continue
        font_id = QFontDatabase.addApplicationFont(path)
        if font_id < 0:
            _log.error("Qt could not load bundled font %s (%s)", font.key, path)
            continue
        families = list(QFontDatabase.applicationFontFamilies(font_id))
        if font.family not in families:
            _log.warning(
                "bundled font %s registered as %s, expected family %r",
                font.key,
                families,
                font.family,
            )
        seen_files[path] = families
        _registered[font.key] = families
    _log.debug("bundled fonts registered in %.1f ms", (time.perf_counter() - started) * 1000)

    names: list[str] = []
    for families in _registered.values():
        for family in families:
            if family not in names:
                names.append(family)
    return names


def default_families() -> list[str]:
    """The main family followed by the fallback families, in fallback order."""
    return [main_font().family] + [font.family for font in fallback_fonts()]


def apply_default_font(app: QApplication, point_size: int | None = None) -> QFont:
    """Make the main bundled font, with the fallbacks behind it, the app font.

    Registers the bundled fonts first if that has not been done yet. Qt picks
    glyphs per character from the families in order, so rare characters that
    the main font lacks come from the fallback fonts. Returns the font set.
    """
    register_bundled_fonts()
    font = QFont(app.font())
    font.setFamilies(default_families())
    if point_size is not None:
        font.setPointSize(point_size)
    app.setFont(font)
    return font

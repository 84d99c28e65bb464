"""Bundled fonts in Qt: registration, glyph support and per-character fallback."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetrics,
    QRawFont,
    QTextLayout,
)

from app import fonts
from ui.fonts import apply_default_font, default_families, register_bundled_fonts

SLOGAN = "首问负责制 一次性告知 限时办结 𠀀𪚥𬌗䶮〇 王𠇹"
RARE = "𠀀𪚥𬌗䶮𠇹"


@pytest.fixture
def registered(qapp):
    return register_bundled_fonts()


@pytest.fixture
def restore_app_font(qapp):
    saved = QFont(qapp.font())
    yield
    qapp.setFont(saved)


def test_registered_families_are_in_the_font_database(registered):
    available = set(QFontDatabase.families())
    for font in fonts.bundled_fonts():
        assert font.family in registered
        assert font.family in available
    assert set(registered) <= available


def test_registration_is_idempotent(registered):
    count = len(QFontDatabase.families())
    assert register_bundled_fonts() == registered
    assert len(QFontDatabase.families()) == count


def test_each_family_resolves_to_itself(registered):
    for font in fonts.bundled_fonts():
        assert QFontInfo(QFont(font.family)).family() == font.family


def test_font_chosen_for_ext_b_reports_the_glyph(registered):
    family = fonts.font_by_key(fonts.font_for_char("\U00020000")).family
    qfont = QFont(family)
    assert QFontMetrics(qfont).inFontUcs4(0x20000)
    assert QRawFont.fromFont(qfont).supportsCharacter(0x20000)
    # And the main font does not, which is why the fallback is needed.
    assert not QRawFont.fromFont(QFont(fonts.main_font().family)).supportsCharacter(0x20000)


def test_qt_agrees_with_our_cmap_for_every_character(registered):
    raw = {f.key: QRawFont.fromFont(QFont(f.family)) for f in fonts.bundled_fonts()}
    for key, part in fonts.split_runs(SLOGAN):
        for ch in part:
            if not ch.isspace():
                assert raw[key].supportsCharacter(ord(ch)), f"U+{ord(ch):04X} in {key}"


def test_apply_default_font_puts_main_first_then_fallbacks(qapp, restore_app_font):
    font = apply_default_font(qapp, point_size=13)
    assert font.families() == default_families()
    assert qapp.font().families()[0] == fonts.main_font().family
    assert qapp.font().families()[1:] == [f.family for f in fonts.fallback_fonts()]
    assert qapp.font().pointSize() == 13


def _glyph_runs(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_qt_falls_back_per_character_like_split_runs(qapp, restore_app_font):
    font = apply_default_font(qapp)
    runs = _glyph_runs(SLOGAN, font)
    used = {family for family, _ in runs}
    for key, _part in fonts.split_runs(SLOGAN):
        assert fonts.font_by_key(key).family in used
    for family, glyphs in runs:
        assert all(glyphs), f"missing glyph (index 0) in run of {family}"
    for ch in RARE:
        ((family, glyphs),) = _glyph_runs(ch, font)
        assert family == fonts.font_by_key(fonts.font_for_char(ch)).family
        assert glyphs and glyphs[0] != 0

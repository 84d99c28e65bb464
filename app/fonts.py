"""The fonts shipped with the application and per-character font choice.

Township PCs often have no CJK font at all, so the application brings its own
(see ``resources/fonts/README.md``). This module is pure Python (no Qt, no
reportlab) so that the UI and the PDF renderer can share one answer to
"which bundled font draws this character?":

* :data:`BUNDLED_FONTS` declares the fonts, main font first;
* :func:`font_for_char` picks, per character, the first font whose ``cmap``
  maps it to a glyph;
* :func:`split_runs` cuts a string into ``(font key, text)`` runs for
  per-run font switching (e.g. in a PDF).

A font's ``cmap`` is read on first use only, straight from the file (only the
table directory and the ``cmap`` table are read, a few hundred KiB at most),
and kept in memory as sorted code point ranges. The large fallback fonts are
therefore never touched for text that the main font covers.
"""

from __future__ import annotations

import struct
import threading
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Literal

from app.resources import resource_path

__all__ = [
    "BUNDLED_FONTS",
    "BundledFont",
    "FontFileError",
    "bundled_fonts",
    "fallback_fonts",
    "font_by_key",
    "font_for_char",
    "has_glyph",
    "main_font",
    "read_cmap_coverage",
    "split_runs",
    "uncovered_chars",
]

FontRole = Literal["main", "fallback"]


class FontFileError(ValueError):
    """A bundled font file is missing or is not a usable TrueType/OpenType file."""


@dataclass(frozen=True)
class BundledFont:
    """One face of a font file in ``resources/fonts``."""

    key: str
    """Stable identifier used in runs and by callers (e.g. ``"wqy-microhei"``)."""
    file_name: str
    """File name inside ``resources/fonts``."""
    subfont_index: int
    """Face index inside a ``.ttc`` collection; 0 for a plain ``.ttf``."""
    family: str
    """Family name from the font's name table, as ``QFontDatabase`` reports it."""
    pdf_name: str
    """PostScript name; the name to register the face under with reportlab."""
    role: FontRole
    """``"main"`` for the UI/print font, ``"fallback"`` for rare characters."""
    covers: str
    """Human-readable summary of what the face is bundled for."""
    license_file: str
    """Licence and copyright text, next to the font file in ``resources/fonts``."""

    @property
    def path(self) -> Path:
        """Absolute path of the font file."""
        return resource_path("fonts", self.file_name)

    @property
    def license_path(self) -> Path:
        """Absolute path of the licence text."""
        return resource_path("fonts", self.license_file)


# Order matters: the main font first, then the fallbacks in the order they are
# tried. HanaMinA also carries the Ext B characters used in JIS X 0213, the
# Table of General Standard Chinese Characters and HKSCS; HanaMinB carries all
# of Ext B to Ext F (Unicode 10).
# BabelStone Han (a subset) then adds what it has of the ideographs of Unicode 11-15 (Ext G, H).
BUNDLED_FONTS: tuple[BundledFont, ...] = (
    BundledFont(
        key="wqy-microhei",
        file_name="wqy-microhei.ttc",
        subfont_index=0,
        family="WenQuanYi Micro Hei",
        pdf_name="WenQuanYiMicroHei",
        role="main",
        covers="Latin, CJK punctuation, GB 2312 / GBK / CJK URO (U+4E00-U+9FA5) sans-serif",
        license_file="LICENSE-wqy-microhei.txt",
    ),
    BundledFont(
        key="hanamin-a",
        file_name="HanaMinA.ttf",
        subfont_index=0,
        family="HanaMinA",
        pdf_name="HanaMinA",
        role="fallback",
        covers="CJK URO up to U+9FEA, Ext A (U+3400-U+4DB5), compatibility ideographs, "
        "some Ext B-E characters (Tongyong Guifan, HKSCS, JIS X 0213)",
        license_file="LICENSE-hanazono.txt",
    ),
    BundledFont(
        key="hanamin-b",
        file_name="HanaMinB.ttf",
        subfont_index=0,
        family="HanaMinB",
        pdf_name="HanaMinB",
        role="fallback",
        covers="CJK Ext B, C, D, E, F (U+20000-U+2EBE0) and compatibility supplement",
        license_file="LICENSE-hanazono.txt",
    ),
    BundledFont(
        key="babelstone-han",
        file_name="BabelStoneHan-ExtGH.ttf",
        subfont_index=0,
        family="BabelStone Han",
        pdf_name="BabelStoneHan",
        role="fallback",
        covers="a subset: the CJK ideographs of Unicode 11-15 that the fonts above lack, "
        "3,045 of Ext G (U+30000-) and 2,271 of Ext H (U+31350-)",
        license_file="LICENSE-babelstone-han.txt",
    ),
)

_BY_KEY = {font.key: font for font in BUNDLED_FONTS}


def bundled_fonts() -> tuple[BundledFont, ...]:
    """All bundled faces, main font first; ``font.path`` is absolute."""
    return BUNDLED_FONTS


def font_by_key(key: str) -> BundledFont:
    """The bundled face with this key (``KeyError`` if there is none)."""
    return _BY_KEY[key]


def main_font() -> BundledFont:
    """The main UI and print face."""
    return BUNDLED_FONTS[0]


def fallback_fonts() -> tuple[BundledFont, ...]:
    """The fallback faces, in the order they are tried."""
    return tuple(font for font in BUNDLED_FONTS if font.role == "fallback")


# ---------------------------------------------------------------------------
# cmap reading


class _Coverage:
    """Set of code points as sorted, disjoint, non-adjacent inclusive ranges."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1] + 1:
                if end > merged[-1][1]:
                    merged[-1][1] = end
            else:
                merged.append([start, end])
        self._starts = [r[0] for r in merged]
        self._ends = [r[1] for r in merged]

    def __contains__(self, code_point: int) -> bool:
        i = bisect_right(self._starts, code_point) - 1
        return i >= 0 and code_point <= self._ends[i]

    def __len__(self) -> int:
        return sum(e - s + 1 for s, e in zip(self._starts, self._ends, strict=True))

    @property
    def range_count(self) -> int:
        return len(self._starts)


def _read_exact(fh: BinaryIO, offset: int, size: int) -> bytes:
    fh.seek(offset)
    data = fh.read(size)
    if len(data) != size:
        raise FontFileError(f"truncated font file (wanted {size} bytes at {offset})")
    return data


def _table_directory(fh: BinaryIO, subfont_index: int) -> dict[bytes, tuple[int, int]]:
    """Map of table tag -> (offset, length) for one face of a .ttf/.otf/.ttc."""
    head = _read_exact(fh, 0, 12)
    base = 0
    if head[:4] == b"ttcf":
        (num_fonts,) = struct.unpack(">I", head[8:12])
        if not 0 <= subfont_index < num_fonts:
            raise FontFileError(f"collection has {num_fonts} faces, no index {subfont_index}")
        (base,) = struct.unpack(">I", _read_exact(fh, 12 + 4 * subfont_index, 4))
        head = _read_exact(fh, base, 12)
    elif subfont_index != 0:
        raise FontFileError("subfont index given for a file that is not a collection")
    sfnt_version = head[:4]
    if sfnt_version not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
        raise FontFileError(f"not a TrueType/OpenType font (version {sfnt_version!r})")
    (num_tables,) = struct.unpack(">H", head[4:6])
    records = _read_exact(fh, base + 12, 16 * num_tables)
    return {
        tag: (offset, length)
        for tag, _checksum, offset, length in struct.iter_unpack(">4sIII", records)
    }


# (platform, encoding) pairs that carry Unicode, best first within a format.
_UNICODE_FULL = ((3, 10), (0, 6), (0, 4))
_UNICODE_BMP = ((3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def _parse_format12(data: bytes, offset: int) -> list[tuple[int, int]]:
    (n_groups,) = struct.unpack_from(">I", data, offset + 12)
    ranges = []
    for start, end, glyph in struct.iter_unpack(
        ">III", data[offset + 16 : offset + 16 + 12 * n_groups]
    ):
        if glyph == 0:  # the first code point maps to .notdef
            start += 1
        if start <= end:
            ranges.append((start, min(end, 0x10FFFF)))
    return ranges


def _parse_format4(data: bytes, offset: int) -> list[tuple[int, int]]:
    seg_x2 = struct.unpack_from(">H", data, offset + 6)[0]
    seg_count = seg_x2 // 2
    ends_at = offset + 14
    starts_at = ends_at + seg_x2 + 2  # skip reservedPad
    deltas_at = starts_at + seg_x2
    range_offsets_at = deltas_at + seg_x2
    ends = struct.unpack_from(f">{seg_count}H", data, ends_at)
    starts = struct.unpack_from(f">{seg_count}H", data, starts_at)
    deltas = struct.unpack_from(f">{seg_count}H", data, deltas_at)
    range_offsets = struct.unpack_from(f">{seg_count}H", data, range_offsets_at)
    ranges: list[tuple[int, int]] = []
    for i in range(seg_count):
        start, end, delta, range_offset = starts[i], ends[i], deltas[i], range_offsets[i]
        if start == 0xFFFF or start > end:
            continue
        if range_offset == 0:
            # Glyph = code + delta (mod 65536); only the code hitting 0 is empty.
            hole = (-delta) & 0xFFFF
            if start <= hole <= end:
                if start < hole:
                    ranges.append((start, hole - 1))
                if hole < end:
                    ranges.append((hole + 1, end))
            else:
                ranges.append((start, end))
            continue
        # Glyph ids come from glyphIdArray, addressed relative to this
        # segment's idRangeOffset slot.
        first = range_offsets_at + 2 * i + range_offset
        count = end - start + 1
        available = max(0, min(count, (len(data) - first) // 2))
        glyphs = struct.unpack_from(f">{available}H", data, first) if available else ()
        run_start = None
        for j, glyph in enumerate(glyphs):
            mapped = glyph != 0 and (glyph + delta) & 0xFFFF != 0
            if mapped and run_start is None:
                run_start = start + j
            elif not mapped and run_start is not None:
                ranges.append((run_start, start + j - 1))
                run_start = None
        if run_start is not None:
            ranges.append((run_start, start + available - 1))
    return ranges


def read_cmap_coverage(path: Path, subfont_index: int = 0) -> _Coverage:
    """Code points that the face maps to a non-.notdef glyph.

    Uses the best Unicode ``cmap`` subtable: format 12 (full Unicode) if the
    face has one, else format 4 (BMP only).
    """
    try:
        with open(path, "rb") as fh:
            tables = _table_directory(fh, subfont_index)
            if b"cmap" not in tables:
                raise FontFileError(f"{path.name}: no cmap table")
            offset, length = tables[b"cmap"]
            data = _read_exact(fh, offset, length)
    except OSError as exc:
        raise FontFileError(f"cannot read font file {path}: {exc}") from exc

    (n_records,) = struct.unpack_from(">H", data, 2)
    subtables: dict[tuple[int, int], int] = {}
    for platform, encoding, sub_offset in struct.iter_unpack(">HHI", data[4 : 4 + 8 * n_records]):
        subtables.setdefault((platform, encoding), sub_offset)

    def subtable_format(sub_offset: int) -> int:
        return struct.unpack_from(">H", data, sub_offset)[0]

    for wanted_format, pairs, parser in (
        (12, _UNICODE_FULL + _UNICODE_BMP, _parse_format12),
        (4, _UNICODE_BMP, _parse_format4),
    ):
        for pair in pairs:
            sub_offset = subtables.get(pair)
            if sub_offset is not None and subtable_format(sub_offset) == wanted_format:
                return _Coverage(parser(data, sub_offset))
    raise FontFileError(f"{path.name}: no Unicode cmap subtable of format 4 or 12")


_coverage_cache: dict[str, _Coverage] = {}
_coverage_lock = threading.Lock()


def _coverage(font: BundledFont) -> _Coverage:
    coverage = _coverage_cache.get(font.key)
    if coverage is None:
        with _coverage_lock:
            coverage = _coverage_cache.get(font.key)
            if coverage is None:
                coverage = read_cmap_coverage(font.path, font.subfont_index)
                _coverage_cache[font.key] = coverage
    return coverage


# ---------------------------------------------------------------------------
# per-character font choice


def has_glyph(key: str, ch: str) -> bool:
    """Whether the bundled face ``key`` has a glyph for the single character ``ch``."""
    return ord(ch) in _coverage(font_by_key(key))


@lru_cache(maxsize=8192)
def _first_covering_key(code_point: int) -> str | None:
    for font in BUNDLED_FONTS:
        if code_point in _coverage(font):
            return font.key
    return None


def font_for_char(ch: str) -> str:
    """Key of the first bundled face (main first) that has a glyph for ``ch``.

    If no face has one, the main face's key is returned: the character is then
    drawn as that face's missing-glyph box. Use :func:`uncovered_chars` to
    detect that case.
    """
    return _first_covering_key(ord(ch)) or BUNDLED_FONTS[0].key


def _joins_previous(ch: str) -> bool:
    """Marks, variation selectors and format characters stay with their base."""
    return unicodedata.category(ch) in ("Mn", "Me", "Cf")


# Characters found to be drawn by the main face: a string made only of them is one run, checked
# in one set operation (a daily log has some 40,000 cells, nearly all in the main face).
_in_main_face: set[str] = set()


def split_runs(text: str) -> list[tuple[str, str]]:
    """Cut ``text`` into maximal ``(font key, substring)`` runs.

    Each character goes to :func:`font_for_char`, except combining marks,
    variation selectors and other format characters, which stay in the run of
    the character before them. Concatenating the substrings gives ``text``.
    """
    if not text:
        return []
    if _in_main_face.issuperset(text):
        return [(BUNDLED_FONTS[0].key, text)]
    runs = _split_runs_per_char(text)
    main = BUNDLED_FONTS[0].key
    for ch in text:
        if font_for_char(ch) == main:
            _in_main_face.add(ch)
    return runs


def _split_runs_per_char(text: str) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    current_key: str | None = None
    current: list[str] = []
    for ch in text:
        joins = current_key is not None and _joins_previous(ch)
        key = current_key if joins else font_for_char(ch)
        if key != current_key and current:
            runs.append((current_key, "".join(current)))  # type: ignore[arg-type]
            current = []
        current_key = key
        current.append(ch)
    if current:
        runs.append((current_key, "".join(current)))  # type: ignore[arg-type]
    return runs


def uncovered_chars(text: str) -> list[str]:
    """Characters of ``text`` (each once, in order) that no bundled face covers.

    Control characters and whitespace are ignored.
    """
    seen: set[str] = set()
    missing: list[str] = []
    for ch in text:
        if ch in seen or ch.isspace() or unicodedata.category(ch) == "Cc":
            continue
        seen.add(ch)
        if _first_covering_key(ord(ch)) is None:
            missing.append(ch)
    return missing

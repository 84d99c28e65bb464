"""Bundled fonts: files, licences, cmap reading and per-character font choice (no Qt)."""

from __future__ import annotations

import struct
import sys
import time
from itertools import pairwise

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

import app.fonts as fonts
import app.resources
from app.resources import resource_path, resources_dir

COMMON = "首问负责制 一次性告知 限时办结 窗口受理 ABC 123（）。，"
RARE = ["𠀀", "𪚥", "𬌗", "䶮", "𠇹"]

# Names with characters beyond GB 2312/GBK: Ext A (䶮), Ext B (𠀀 𠇹 𠮷 𡘙 𪚥),
# Ext C (𫓧), Ext E (𬌗 𬍤 𬭚 𬱖), U+3007 〇, a middle dot and Latin.
SAMPLE_NAMES = [
    "马䶮",
    "王𠇹",
    "李〇",
    "张𪚥",
    "陈𬌗",
    "刘𠀀",
    "欧阳𠮷",
    "𡘙明",
    "王𫓧",
    "邓𬍤",
    "李𬭚",
    "林𬱖",
    "赵喆",
    "吴堃",
    "周犇犇",
    "阿卜杜拉·买买提",
    "Zhang San（张三）",
]


@pytest.fixture
def fresh_cache():
    """Forget every cmap read so far, and again afterwards."""
    fonts._coverage_cache.clear()
    fonts._first_covering_key.cache_clear()
    fonts._in_main_face.clear()
    yield
    fonts._coverage_cache.clear()
    fonts._first_covering_key.cache_clear()
    fonts._in_main_face.clear()


def test_resources_dir_is_the_resources_package():
    assert (resources_dir() / "__init__.py").is_file()
    assert resource_path("fonts", "README.md").is_file()
    assert resource_path("fonts", "x.ttf").is_absolute()


@pytest.fixture
def no_resources_package(monkeypatch):
    """Make ``import resources`` fail, as in a frozen build that did not collect it."""
    monkeypatch.setitem(sys.modules, "resources", None)
    app.resources.resources_dir.cache_clear()
    yield monkeypatch
    app.resources.resources_dir.cache_clear()


def test_frozen_build_falls_back_to_bundle_dir(no_resources_package, tmp_path):
    no_resources_package.setattr(sys, "frozen", True, raising=False)
    no_resources_package.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path.resolve() / "resources"
    assert resource_path("fonts", "a.ttf") == tmp_path.resolve() / "resources" / "fonts" / "a.ttf"


def test_missing_resources_package_is_an_error_from_source(no_resources_package):
    no_resources_package.delattr(sys, "frozen", raising=False)
    with pytest.raises(RuntimeError):
        resources_dir()


def test_declared_fonts_are_consistent():
    declared = fonts.bundled_fonts()
    assert declared[0].role == "main"
    assert fonts.main_font() is declared[0]
    assert [f.role for f in declared[1:]] == ["fallback"] * (len(declared) - 1)
    assert fonts.fallback_fonts() == declared[1:]
    assert len({f.key for f in declared}) == len(declared)
    for font in declared:
        assert fonts.font_by_key(font.key) is font


@pytest.mark.parametrize("font", fonts.bundled_fonts(), ids=lambda f: f.key)
def test_font_file_exists_with_licence_next_to_it(font):
    assert font.path.is_absolute()
    assert font.path.is_file()
    assert font.path.stat().st_size > 1_000_000
    assert font.license_path.parent == font.path.parent
    licence = font.license_path.read_text(encoding="utf-8")
    assert font.file_name in licence
    assert "Copyright" in licence
    assert font.file_name in resource_path("fonts", "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("font", fonts.bundled_fonts(), ids=lambda f: f.key)
def test_reportlab_can_embed_font_and_names_match(font):
    # reportlab refuses CFF (PostScript-outline) fonts: loading proves glyf outlines.
    TTFont(font.pdf_name, str(font.path), subfontIndex=font.subfont_index)
    face = TTFontFile(str(font.path), subfontIndex=font.subfont_index)
    assert face.familyName.decode() == font.family
    assert face.name.decode() == font.pdf_name


@pytest.mark.parametrize("font", fonts.bundled_fonts(), ids=lambda f: f.key)
def test_cmap_reader_agrees_with_reportlab(font):
    coverage = fonts.read_cmap_coverage(font.path, font.subfont_index)
    face = TTFontFile(str(font.path), subfontIndex=font.subfont_index)
    expected = {cp for cp, glyph in face.charToGlyph.items() if glyph}
    # reportlab aliases NO-BREAK SPACE to the space glyph when the font lacks it.
    expected.discard(0xA0)
    ours = {
        cp for s, e in zip(coverage._starts, coverage._ends, strict=True) for cp in range(s, e + 1)
    }
    ours.discard(0xA0)
    assert ours == expected


@pytest.mark.parametrize("font", fonts.bundled_fonts(), ids=lambda f: f.key)
def test_format4_subtable_matches_bmp_part_of_format12(font):
    """All bundled fonts use format 12; check the format 4 parser on their (3,1) tables."""
    with open(font.path, "rb") as fh:
        offset, length = fonts._table_directory(fh, font.subfont_index)[b"cmap"]
        fh.seek(offset)
        data = fh.read(length)
    (n_records,) = struct.unpack_from(">H", data, 2)
    by_pair = {(p, e): off for p, e, off in struct.iter_unpack(">HHI", data[4 : 4 + 8 * n_records])}
    fmt4 = fonts._Coverage(fonts._parse_format4(data, by_pair[(3, 1)]))
    fmt12 = fonts._Coverage(fonts._parse_format12(data, by_pair[(3, 10)]))
    for cp in range(0x10000):
        assert (cp in fmt4) == (cp in fmt12), hex(cp)


def test_format4_parser_on_synthetic_table():
    # Segments: 'A'-'C' via idDelta; 0x4E00-0x4E02 via glyphIdArray with a hole
    # at 0x4E01; the 0xFFFF terminator.
    seg = [(0x41, 0x43, 10 - 0x41, 0), (0x4E00, 0x4E02, 0, None), (0xFFFF, 0xFFFF, 1, 0)]
    seg_count = len(seg)
    glyph_ids = [20, 0, 22]
    # idRangeOffset of segment 1: from its own slot to glyphIdArray[0].
    offsets = [0, 2 * (seg_count - 1), 0]
    header = struct.pack(">HHHHHHH", 4, 0, 0, seg_count * 2, 0, 0, 0)
    body = struct.pack(f">{seg_count}H", *(s[1] for s in seg))
    body += struct.pack(">H", 0)
    body += struct.pack(f">{seg_count}H", *(s[0] for s in seg))
    body += struct.pack(f">{seg_count}H", *(s[2] & 0xFFFF for s in seg))
    body += struct.pack(f">{seg_count}H", *offsets)
    body += struct.pack(f">{len(glyph_ids)}H", *glyph_ids)
    coverage = fonts._Coverage(fonts._parse_format4(header + body, 0))
    assert [cp for cp in (0x40, 0x41, 0x42, 0x43, 0x44) if cp in coverage] == [0x41, 0x42, 0x43]
    assert 0x4E00 in coverage
    assert 0x4E01 not in coverage
    assert 0x4E02 in coverage
    assert 0xFFFF not in coverage


def test_ttc_second_face_is_readable():
    main = fonts.main_font()
    assert main.file_name.endswith(".ttc")
    mono = fonts.read_cmap_coverage(main.path, 1)
    assert ord("首") in mono
    with pytest.raises(fonts.FontFileError):
        fonts.read_cmap_coverage(main.path, 99)


def test_not_a_font_is_rejected(tmp_path):
    bogus = tmp_path / "bogus.ttf"
    bogus.write_bytes(b"this is not a font at all")
    with pytest.raises(fonts.FontFileError):
        fonts.read_cmap_coverage(bogus)
    with pytest.raises(fonts.FontFileError):
        fonts.read_cmap_coverage(tmp_path / "missing.ttf")


def test_common_chinese_goes_to_main_font_only(fresh_cache):
    main = fonts.main_font().key
    assert fonts.split_runs(COMMON) == [(main, COMMON)]
    # The large fallback fonts were not even opened.
    assert set(fonts._coverage_cache) == {main}


@pytest.mark.parametrize("ch", RARE)
def test_rare_characters_go_to_a_font_that_has_them(ch):
    key = fonts.font_for_char(ch)
    assert key != fonts.main_font().key
    assert fonts.has_glyph(key, ch)
    assert not fonts.has_glyph(fonts.main_font().key, ch)


def test_split_runs_switches_fonts_and_keeps_text():
    text = "王𠇹 马䶮 张𪚥𬌗"
    runs = fonts.split_runs(text)
    assert "".join(part for _, part in runs) == text
    assert all(a[0] != b[0] for a, b in pairwise(runs)), "runs must be maximal"
    assert runs[0] == (fonts.main_font().key, "王")
    assert fonts.split_runs("") == []


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_character_of_names_has_a_glyph_in_the_chosen_font(name):
    runs = fonts.split_runs(name)
    assert "".join(part for _, part in runs) == name
    for key, part in runs:
        for ch in part:
            assert fonts.has_glyph(key, ch), f"{ch} (U+{ord(ch):04X}) missing from {key}"
    assert fonts.uncovered_chars(name) == []


def test_combining_and_variation_selector_stay_with_base():
    text = "葛\U000e0100𠀀\ufe00"  # ideographic variation sequences
    runs = fonts.split_runs(text)
    assert runs == [
        (fonts.font_for_char("葛"), "葛\U000e0100"),
        (fonts.font_for_char("𠀀"), "𠀀\ufe00"),
    ]


@pytest.mark.usefixtures("fresh_cache")
def test_a_string_seen_again_is_split_as_the_first_time():
    # The second call of each takes the one-run shortcut when every character is in the main face.
    texts = [COMMON, "王𠇹 马䶮", "葛\U000e0100𠀀\ufe00", "e\u0301王", "\U00030041面", "王", ""]
    first = [fonts.split_runs(text) for text in texts]
    assert [fonts.split_runs(text) for text in texts] == first
    assert first == [fonts._split_runs_per_char(text) for text in texts]
    assert fonts.split_runs("王马") == [(fonts.main_font().key, "王马")]


def test_character_no_font_covers_falls_back_to_main_and_is_reported():
    gap = "\U00030041"  # CJK Ext G (Unicode 13), not in BabelStone Han 15.0.5 either
    assert fonts.font_for_char(gap) == fonts.main_font().key
    assert fonts.uncovered_chars(f"{gap}面 {gap}") == [gap]


def test_extension_g_biang_is_drawn_by_babelstone_han():
    for biang in ("\U00030edd", "\U00030ede"):  # 𰻝 𰻞, CJK Ext G (Unicode 13)
        assert fonts.font_for_char(biang) == "babelstone-han"
        assert fonts.uncovered_chars(f"{biang}{biang}面") == []


def test_cmap_reads_are_cheap(fresh_cache):
    started = time.perf_counter()
    for font in fonts.bundled_fonts():
        fonts._coverage(font)
    elapsed = time.perf_counter() - started
    # About 10 ms on a 2-core CI machine; generous bound against noise.
    assert elapsed < 0.5, f"reading all cmaps took {elapsed:.3f} s"

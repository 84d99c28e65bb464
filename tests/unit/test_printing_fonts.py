"""Rare characters beyond the BMP come back out of our PDFs exactly (copy, search, extract)."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import makeToUnicodeCMap

from app.printing import ApplicantLine, render
from app.printing.pdf_fonts import to_unicode_cmap, utf16_hex
from tests.helpers.printing import RARE_NAME, compact, pdf_text, sample_documents

RARE = {"𠀀": 0x20000, "𪚥": 0x2A6A5, "𬌗": 0x2C317, "䶮": 0x4DAE}


def test_the_trap_reportlab_writes_raw_code_points() -> None:
    # Why pdf_fonts.SubsetFont exists. If this fails, reportlab has fixed its CMap and our fix
    # can go.
    assert "<01> <20000>" in makeToUnicodeCMap("X", [0, 0x20000])


def test_cmap_destinations_are_utf16() -> None:
    assert utf16_hex(0x20000) == "D840DC00"
    assert utf16_hex(0x2A6A5) == "D869DEA5"
    assert utf16_hex(0x4DAE) == "4DAE"
    cmap = to_unicode_cmap("AAAAAA+HanaMinB", [0, *RARE.values()])
    assert "<01> <D840DC00>" in cmap and "<04> <4DAE>" in cmap
    assert "5 beginbfchar" in cmap


def test_bfchar_blocks_hold_at_most_100_entries() -> None:
    cmap = to_unicode_cmap("X", list(range(0x4E00, 0x4E00 + 256)))
    assert re.findall(r"(\d+) beginbfchar", cmap) == ["100", "100", "56"]


def test_rare_name_extracts_exactly() -> None:
    pdf = render(sample_documents()["receipt"])
    text = "".join(pdf_text(pdf))
    assert RARE_NAME in text
    for ch, code_point in RARE.items():
        assert ch in text and ord(ch) == code_point
    assert "\ufffd" not in text and "\x00" not in text


def test_the_pdf_itself_carries_surrogate_pairs() -> None:
    reader = PdfReader(io.BytesIO(render(sample_documents()["receipt"])))
    cmaps = []
    for ref in reader.pages[0]["/Resources"]["/Font"].values():
        font = ref.get_object()
        cmaps.append(font["/ToUnicode"].get_object().get_data().decode("latin-1"))
    joined = "\n".join(cmaps)
    assert "<D840DC00>" in joined  # 𠀀
    assert "<20000>" not in joined


@pytest.mark.parametrize(
    "name", ["𠀀", "𪚥", "𬌗", "䶮", "𠇹𠀀", "李䶮", "王\U00030ede"]
)  # + Ext G 𰻞
def test_each_rare_name_round_trips(name: str) -> None:
    doc = dataclasses.replace(
        sample_documents()["referral"], visitor=name, matter="咨询", to_person=""
    )
    assert name in compact("".join(pdf_text(render(doc))))
    receipt = dataclasses.replace(sample_documents()["receipt"], applicant=ApplicantLine(name))
    assert f"{name}：您申请的" in compact(pdf_text(render(receipt))[0])


def test_fonts_are_subset_so_a_receipt_stays_small() -> None:
    # Whole fonts would be 5 MB (WenQuanYi) plus 22 MB (HanaMinA) per receipt.
    pdf = render(sample_documents()["receipt"])
    assert len(pdf) < 150_000

"""``app.printing.template``: a one-line plain text drawn without a paragraph (``Lines``, a
plain-string table cell in a ``TextTable``) lands where the paragraph would have put it, in
the same faces, and anything a paragraph would change or wrap stays a paragraph (issue 20)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from app.printing.template import (
    Lines,
    PageSize,
    _cell,
    _table,
    _text_commands,
    lines,
    para,
    styles_for,
)
from tests.helpers.printing import RARE_NAME

ST = styles_for(PageSize.A4)
WIDTH = 120.0


def _pixels(story: list[Any]) -> bytes:
    """The built page as PDFium renders it (200 dpi, grey)."""
    import pypdfium2 as pdfium

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, initialFontName=ST.body.fontName).build(story)
    document = pdfium.PdfDocument(out.getvalue())
    try:
        image = document[0].render(scale=200 / 72, grayscale=True).to_pil()
        return bytes(image.tobytes())
    finally:
        document.close()


@pytest.mark.parametrize("name", ["body", "center", "title", "right", "heading", "caption"])
@pytest.mark.parametrize("text", ["申请人", "清河县政务服务中心（盖章）", f"{RARE_NAME}：您好"])
def test_a_line_lands_where_its_paragraph_would(name: str, text: str) -> None:
    style: ParagraphStyle = getattr(ST, name)
    made = lines([(text, style)], 400)
    assert isinstance(made[0], Lines)
    before = [para("首行", ST.body)]  # so a heading's space before counts
    assert _pixels([*before, *made]) == _pixels([*before, para(text, style)])


def test_a_plain_cell_lands_where_its_paragraph_would() -> None:
    texts = [("办件编号", "QH-20261124-0001"), ("申请人", f"{RARE_NAME}（证件号码 1101）")]
    commands = [("LEFTPADDING", (0, 0), (-1, -1), 4), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    fast = [[_cell(a, ST.label, WIDTH - 8), _cell(b, ST.cell, 300 - 8)] for a, b in texts]
    slow = [[para(a, ST.label), para(b, ST.cell)] for a, b in texts]
    assert isinstance(fast[0][0], str) and isinstance(fast[1][1], Lines)
    widths = [WIDTH, 300.0]
    assert _pixels([_table(fast, widths, [*commands, *_text_commands(ST.cell)])]) == (
        _pixels([_table(slow, widths, commands)])
    )


@pytest.mark.parametrize(
    "text",
    [
        "城乡居民最低生活保障待遇申请（含特困人员救助供养、临时救助及低保边缘家庭认定）",  # wraps
        "A & B",  # escaped by the markup
        "两个  空格",  # a paragraph collapses them
        " 前有空格",
        "换行\n之后",
    ],
)
def test_what_a_paragraph_would_change_stays_a_paragraph(text: str) -> None:
    assert isinstance(_cell(text, ST.cell, WIDTH), Paragraph)
    assert isinstance(lines([(text, ST.center)], WIDTH)[0], Paragraph)


def test_a_long_table_with_shared_cell_styles_prints_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.printing import template
    from app.printing.blocks import Grid

    grid = Grid(
        ("序号", "办件编号", "事项", "申请人"),
        tuple(
            (str(i), f"QH-{i:04d}", "最低生活保障申请" * (i % 3 + 1), RARE_NAME) for i in range(60)
        ),
        (0.6, 2.0, 4.0, 1.2),
        groups=(("", 1), ("办件", 3)),
        align=("right", "left", "left", "center"),
        total_rows=1,
        dense=True,
    )

    table = template._grid(grid, 480, ST)
    assert table._cellStyles[5][1] is table._cellStyles[6][1]  # made once for the column
    shared = _pixels([table])
    monkeypatch.setattr(template, "_SHARED_FROM_ROWS", 10_000)
    table = template._grid(grid, 480, ST)
    assert table._cellStyles[5][1] is not table._cellStyles[6][1]  # reportlab's own, per cell
    assert shared == _pixels([table])


@pytest.mark.parametrize("dense", [True, False])
def test_rows_measured_up_front_print_as_reportlab_measures_them(
    monkeypatch: pytest.MonkeyPatch, dense: bool
) -> None:
    """A grid's rows of plain strings get their heights before layout (``measure_plain_rows``);
    every page of a list that splits, mixing such rows with rows of a rare name (``Lines``)
    and of a wrapping item (a paragraph), prints exactly as when reportlab measures them."""
    from app.printing import template
    from app.printing.blocks import Grid

    def item(i: int) -> str:
        return (
            "城乡居民基本养老保险待遇领取资格认证及其他" * 3 if i % 7 == 0 else "最低生活保障申请"
        )

    grid = Grid(
        ("序号", "办件编号", "事项", "申请人"),
        tuple(
            (str(i), f"QH-{i:04d}", item(i), RARE_NAME if i % 5 == 0 else "王*明")
            for i in range(140)
        ),
        (0.6, 2.0, 4.0, 1.2),
        groups=(("", 1), ("办件", 3)),
        # (a paragraph stands for every cell of a column not aligned left, unless dense)
        align=("right", "left", "left", "center") if dense else (),
        dense=dense,
    )

    def pages() -> list[bytes]:
        import pypdfium2 as pdfium

        out = io.BytesIO()
        story = [template._grid(grid, 480, ST)]
        SimpleDocTemplate(out, pagesize=A4, initialFontName=ST.body.fontName).build(story)
        document = pdfium.PdfDocument(out.getvalue())
        try:
            return [
                bytes(page.render(scale=100 / 72, grayscale=True).to_pil().tobytes())
                for page in document
            ]
        finally:
            document.close()

    table = template._grid(grid, 480, ST)
    measured = [h for h in table._argH if h is not None]
    assert len(measured) > 80  # most rows measured up front; a wrapping or rare one not
    assert None in table._argH
    fast = pages()
    monkeypatch.setattr(template.TextTable, "measure_plain_rows", lambda self, first: None)
    slow = pages()
    assert len(fast) > 1 and fast == slow


def test_a_heading_that_only_fits_without_the_frames_padding_wraps_as_a_paragraph() -> None:
    """On an 80 mm roll this heading is wider than the frame's room inside its padding but
    not than the frame: drawn as one line it would run past the tables' right rule."""
    from app.printing.blocks import Heading
    from app.printing.template import FRAME_PADDING, MARGINS, PAGES, Lines, _blocks

    st = styles_for(PageSize.ROLL80)
    frame_width = PAGES[PageSize.ROLL80][0] - 2 * MARGINS[PageSize.ROLL80]
    text = "容缺材料（请于2024年12月31日前补交）"
    from app.printing.template import _faced_runs, _runs_width

    drawn = _runs_width(_faced_runs(text, st.heading.fontName), st.heading.fontSize)
    assert frame_width - 2 * FRAME_PADDING < drawn <= frame_width  # the case in between
    [flowable] = _blocks([Heading(text)], frame_width, st)
    assert isinstance(flowable, Paragraph) and not isinstance(flowable, Lines)
    [short] = _blocks([Heading("容缺材料")], frame_width, st)
    assert isinstance(short, Lines)


def test_the_footer_fits_an_80mm_roll_in_rows_and_stays_one_line_on_a4() -> None:
    from app.printing.template import FOOTER_GAP, MARGINS, PAGES, footer_rows, text_width

    parts = [
        "清河县政务服务中心",
        "受理回执",
        "QH-20261204-0027",
        "补打（第3次） 2026年12月7日 05:16",
    ]
    page = "第1页"
    a4 = PAGES[PageSize.A4][0] - 2 * MARGINS[PageSize.A4]
    assert footer_rows(parts, page, a4, 7.5) == [" · ".join(parts)]
    roll = PAGES[PageSize.ROLL80][0] - 2 * MARGINS[PageSize.ROLL80]
    rows = footer_rows(parts, page, roll, 7.5)
    assert len(rows) >= 2 and all(text_width(r, 7.5) <= roll for r in rows)
    assert "".join(rows).replace(" · ", "") == "".join(parts)  # nothing dropped
    assert text_width(rows[-1], 7.5) + FOOTER_GAP + text_width(page, 7.5) <= roll
    long_name = ["某某省某某市某某县某某乡镇人民政府便民服务中心综合受理窗口"]
    assert all(text_width(r, 7.5) <= roll / 2 for r in footer_rows(long_name, page, roll / 2, 7.5))


def test_a_receipt_on_an_80mm_roll_carries_a_qr_code_that_fits_and_reads() -> None:
    from datetime import date

    from app.printing import render
    from app.printing.kinds import DocumentKind
    from app.signing import format_payload
    from tests.helpers.printing import decode_qr, sample_documents

    payload = format_payload(
        DocumentKind.RECEIPT, "QH", "QH-20261124-0001", date(2026, 11, 24), bytes(range(64))
    )
    doc = sample_documents(payload)["receipt"]
    pdf = render(doc, PageSize.ROLL80)
    assert decode_qr(pdf, 0, 150) == [doc.qr_payload]

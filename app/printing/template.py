"""The one template every printed document goes through (reportlab platypus).

Layout, top to bottom, the same for every kind:

* header: a three-column table (reprint mark | center name, title, number | QR code), so the
  title stays centred on the page while the QR code sits in the top right corner;
* the kind's body blocks (``app.printing.blocks``) drawn as paragraphs and tables;
* the closing: the window/clerk/phone block, then the applicant's signature line (kinds whose
  spec asks for it) beside the issuing center's name and the date, under a space for the seal;
* for kinds with a stub (存根), a page break and the stub: the title marked 存根, the kind's
  ``stub_body()``, and the applicant's signature acknowledging receipt; the hall keeps it;
* on every page a footer with the center, the number, the page and any reprint mark.

Platypus (rather than bare canvas calls) because Chinese text must wrap (``wordWrap="CJK"``),
field values are of any length, and the stub must start on a fresh page; its flowables keep each
kind free of coordinates.

Every string is cut by ``app.fonts.split_runs`` into runs, each drawn with the first bundled face
that has its glyphs, registered with reportlab on first use (``app.printing.pdf_fonts``). Fonts
are embedded as subsets. A text that may wrap is a paragraph (:func:`markup`, :func:`para`); one
that is a single plain line where it stands (a table cell, a header or closing line, a heading)
is drawn without one, at the very place its paragraph would put it (:func:`_cell`,
:func:`lines`): a paragraph's line breaking and drawing, and the tables holding paragraphs, were
most of a receipt's time (issue 20).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import PageBreakIfNotEmpty
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser
from reportlab.platypus.tables import CellStyle, _setCellStyle

from app.fonts import main_font, split_runs
from app.printing.blocks import (
    Block,
    Display,
    Fields,
    Grid,
    Heading,
    Para,
    cn_date,
    cn_datetime,
)
from app.printing.documents import PrintedDocument
from app.printing.kinds import PageSize
from app.printing.pdf_fonts import main_font_name, register
from app.validation import has_personal_numbers

PAGES = {PageSize.A4: A4, PageSize.A5: A5, PageSize.A6: A6, PageSize.ROLL80: (80 * mm, 160 * mm)}
MARGINS = {PageSize.A4: 18 * mm, PageSize.A5: 12 * mm, PageSize.A6: 8 * mm, PageSize.ROLL80: 4 * mm}
QR_SIZE = 30 * mm
GREY = colors.Color(0.45, 0.45, 0.45)
RULE = colors.Color(0.6, 0.6, 0.6)
SHADE = colors.Color(0.93, 0.93, 0.93)

# reportlab keeps per-document font state on shared font objects; one document at a time.
_render_lock = threading.Lock()


class PersonalDataError(ValueError):
    """A document would print a full ID or mobile number."""


def check_no_personal_numbers(doc: PrintedDocument) -> None:
    for text in doc.texts():
        if has_personal_numbers(text):
            raise PersonalDataError(
                f"{doc.kind}: refusing to print a full ID or mobile number; mask it first"
            )


def markup(text: str) -> str:
    """``text`` as paragraph markup, each run in the bundled face that has its glyphs."""
    main = main_font().key
    parts = []
    for key, run in split_runs(text):
        escaped = escape(run).replace("\n", "<br/>")
        if key == main:
            parts.append(escaped)
        else:
            parts.append(f'<font name="{register(key)}">{escaped}</font>')
    return "".join(parts)


# The fragment reportlab's parser makes for plain text in each style (style, fragment).
_PLAIN_FRAGMENTS: dict[int, tuple[ParagraphStyle, Any]] = {}


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """``Paragraph(markup(text), style)``. Text all in the main face with nothing to escape
    skips reportlab's markup parser (on a receipt ~1.3 ms of ~25): its one fragment is the one
    the parser makes for plain text in that style, copied with the text
    (tests/unit/test_printing_para.py holds them equal)."""
    marked = markup(text)
    cleaned = cleanBlockQuotedText(marked)
    if "<" in marked or "&" in marked or not cleaned:
        return Paragraph(marked, style)
    found = _PLAIN_FRAGMENTS.get(id(style))
    if found is None or found[0] is not style:
        parsed, frags, _bullet = ParaParser().parse("x", style)
        if parsed is not style or len(frags) != 1:  # not plain after all: the usual way
            return Paragraph(marked, style)
        found = _PLAIN_FRAGMENTS[id(style)] = (style, frags[0])
    fragments = [found[1].clone(text=cleaned, link=[], us_lines=[])]
    textTransformFrags(fragments, style)
    return Paragraph(cleaned, style, frags=fragments)


class Lines(Flowable):
    """Lines of plain text, each drawn as the one-line paragraph ``para(text, style)`` would
    draw it (the same runs in the same faces, size, colour, alignment and baseline), without
    a paragraph: no markup, no line breaking. Made by :func:`lines` only for texts that fit;
    the header, the closing, the headings and a name with rare characters are such lines."""

    def __init__(self, texts: list[tuple[str, ParagraphStyle]]) -> None:
        super().__init__()
        self.texts = texts
        first, last = texts[0][1], texts[-1][1]
        self.spaceBefore = first.spaceBefore
        self.spaceAfter = last.spaceAfter
        self.keepWithNext = getattr(last, "keepWithNext", 0)
        self.height = sum(style.leading for _text, style in texts)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        y = self.height
        for text, style in self.texts:
            size = style.fontSize
            runs = _faced_runs(text, style.fontName)
            baseline = y - size  # where a paragraph puts its first line
            if style.alignment == TA_CENTER:
                x = (self.width - _runs_width(runs, size)) / 2
            elif style.alignment == TA_RIGHT:
                x = self.width - style.rightIndent - _runs_width(runs, size)
            else:
                x = style.leftIndent + style.firstLineIndent
            canvas.setFillColor(style.textColor)
            for name, run in runs:
                canvas.setFont(name, size)
                canvas.drawString(x, baseline, run)
                x += _line_width(run, name, size)
            y -= style.leading


def lines(texts: list[tuple[str, ParagraphStyle]], room: float) -> list[Flowable]:
    """``[para(text, style), ...]``, or one :class:`Lines` of them when every text is plain
    (nothing a paragraph's markup or line breaking would change) and fits ``room`` (the width
    it will be drawn in) on one line. Prints the same either way."""
    if texts and all(_fits(text, style, room) for text, style in texts):
        return [Lines(texts)]
    return [para(text, style) for text, style in texts]


def _fits(text: str, style: ParagraphStyle, room: float) -> bool:
    """``text`` is plain and one line of ``style`` in ``room``."""
    if not _is_plain(text) or style.alignment not in (TA_LEFT, TA_CENTER, TA_RIGHT):
        return False
    room -= style.leftIndent + style.rightIndent + style.firstLineIndent
    return _runs_width(_faced_runs(text, style.fontName), style.fontSize) <= room


def _is_plain(text: str) -> bool:
    """No line break, no markup to escape, single inner spaces: a paragraph of it would
    print it as it is."""
    return " ".join(text.split()) == text and not any(c in text for c in "<>&")


@lru_cache(maxsize=1024)
def _faced_runs(text: str, main_name: str) -> tuple[tuple[str, str], ...]:
    """``text``'s runs (``app.fonts.split_runs``) with the reportlab font name of each, the
    paragraph style's own font (``main_name``) for the main face, as ``markup`` does."""
    main = main_font().key
    return tuple(
        (main_name if key == main else register(key), run) for key, run in split_runs(text)
    )


def _runs_width(runs: tuple[tuple[str, str], ...], size: float) -> float:
    return sum(_line_width(run, name, size) for name, run in runs)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    heading: ParagraphStyle
    center: ParagraphStyle
    title: ParagraphStyle
    number: ParagraphStyle
    right: ParagraphStyle
    mark: ParagraphStyle
    title_mark: ParagraphStyle
    caption: ParagraphStyle
    dense: ParagraphStyle  # cells of long tables (Grid.dense)
    dense_head: ParagraphStyle
    display: ParagraphStyle  # Display blocks: a ticket's number across the paper


@lru_cache(maxsize=4)
def styles_for(size: PageSize) -> Styles:
    font = main_font_name()
    base = 10.5 if size is PageSize.A4 else 9.5

    def style(name: str, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontSize", base)
        kw.setdefault("leading", kw["fontSize"] * 1.5)
        return ParagraphStyle(name, fontName=font, wordWrap="CJK", **kw)

    return Styles(
        body=style("body", spaceAfter=4),
        small=style("small", fontSize=base - 2, textColor=GREY, spaceBefore=4),
        label=style("label", fontSize=base - 1),
        cell=style("cell", fontSize=base - 1),
        heading=style("heading", fontSize=base + 1.5, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        center=style("center", fontSize=base + 1.5, alignment=TA_CENTER),
        title=style("title", fontSize=base * 2, leading=base * 2.6, alignment=TA_CENTER),
        number=style("number", fontSize=base - 1, alignment=TA_CENTER),
        right=style("right", alignment=TA_RIGHT),
        mark=style("mark", fontSize=base - 2, alignment=TA_CENTER),
        title_mark=style("title_mark", fontSize=base + 1.5, alignment=TA_CENTER),
        caption=style("caption", fontSize=7, leading=9, alignment=TA_CENTER, textColor=GREY),
        dense=style("dense", fontSize=base - 2.5, leading=(base - 2.5) * 1.3),
        dense_head=style(
            "dense_head", fontSize=base - 2.5, leading=(base - 2.5) * 1.3, alignment=TA_CENTER
        ),
        display=style("display", fontSize=base * 5, leading=base * 6, alignment=TA_CENTER),
    )


class QrCode(Flowable):
    """The signed payload as a QR code (level M), drawn as vector squares."""

    def __init__(self, payload: str, size: float = QR_SIZE) -> None:
        super().__init__()
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
        code.add_data(payload)  # an upper-case payload goes in the compact alphanumeric mode
        code.make(fit=True)
        self.matrix: list[list[bool]] = code.get_matrix()
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        n = len(self.matrix)
        module = self.width / n
        path = self.canv.beginPath()
        for y, row in enumerate(self.matrix):
            x = 0
            while x < n:
                if not row[x]:
                    x += 1
                    continue
                start = x
                while x < n and row[x]:
                    x += 1
                path.rect(
                    start * module, self.height - (y + 1) * module, (x - start) * module, module
                )
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)


def render_pdf(
    doc: PrintedDocument, page_size: PageSize | str | None = None, watermark: str = ""
) -> bytes:
    """The document as PDF bytes, on its kind's paper unless ``page_size`` says otherwise;
    ``watermark`` is printed large and diagonally across every page (演示数据)."""
    check_no_personal_numbers(doc)
    size = PageSize(page_size) if page_size else doc.spec.page_size
    width, height = PAGES[size]
    if doc.spec.landscape:
        width, height = height, width
    margin = MARGINS[size]
    out = BytesIO()
    with _render_lock:
        st = styles_for(size)
        template = BaseDocTemplate(
            out,
            pagesize=(width, height),
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin + 6 * mm,
            title=f"{doc.title} {doc.number}",
            author=doc.center_name,
            creator="frontdesk",
            initialFontName=st.body.fontName,  # else every page declares an unembedded Helvetica
            subject=doc.title,
        )
        frame = Frame(
            margin, margin + 6 * mm, width - 2 * margin, height - 2 * margin - 6 * mm, id="body"
        )
        # A signed document running over: each further page names it again, with its QR code.
        later = Frame(
            margin,
            margin + 6 * mm,
            width - 2 * margin,
            height - 2 * margin - 6 * mm - CONTINUED_HEIGHT,
            id="later",
        )
        footer = _footer(doc, margin, st, watermark)
        template.addPageTemplates(
            [
                PageTemplate(id="page", frames=[frame], onPage=footer),
                PageTemplate(id="later", frames=[later], onPage=_continued(doc, margin, footer)),
            ]
        )
        template.build(_story(doc, frame.width, st))
    return out.getvalue()


def warm_up() -> None:
    """See ``app.printing.warm_up``: a throwaway page with a paragraph, a table and a QR code,
    in the main face (the rare-character faces stay unread until a name needs one)."""
    with _render_lock:
        st = styles_for(PageSize.A4)
        for size in PageSize:
            styles_for(size)
        page = SimpleDocTemplate(BytesIO(), pagesize=A4, initialFontName=st.body.fontName)
        cells = [[para("受理", st.label), para("回执 1", st.cell)]]
        page.build(
            [
                para("服务中心", st.title),
                _table(cells, [40 * mm, 100 * mm], list(_CELL_STYLE)),
                QrCode("WARM-UP"),
            ]
        )


def _story(doc: PrintedDocument, width: float, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [_header(doc, doc.title, width, st, with_qr=True), Spacer(1, 3 * mm)]
    if doc.qr_payload:
        story.insert(0, NextPageTemplate("later"))  # the pages after the first
    story += _blocks(doc.body(), width, st)
    if doc.spec.seal and not doc.spec.applicant_signs:
        # Beside the seal: the closing blocks and the desk, so a receipt with a long list of
        # materials keeps its seal and date on the page with them.
        beside = _blocks(doc.closing_body(), width * BESIDE_SEAL, st)
        story.append(KeepTogether(_closing(doc, width, st, stub=False, beside=beside)))
    else:
        closing = _blocks(doc.closing_body(), width, st) + _closing(doc, width, st, stub=False)
        story.append(KeepTogether(closing))
    if doc.spec.stub:
        story += [NextPageTemplate("page"), PageBreak()]  # the stub has its own header
        story.append(_header(doc, f"{doc.title}（存根）", width, st, with_qr=False))
        story.append(Spacer(1, 3 * mm))
        story += _blocks(doc.stub_body(), width, st)
        story.append(para("此联由服务中心留存归档。", st.small))
        story.append(KeepTogether(_closing(doc, width, st, stub=True)))
    return story


def _header(
    doc: PrintedDocument, title: str, width: float, st: Styles, *, with_qr: bool
) -> Flowable:
    side = min(QR_SIZE, width / 4)  # on small papers (A6, a receipt roll) a smaller QR code
    middle = lines(
        [(doc.center_name, st.center), (title, st.title), (f"编号：{doc.number}", st.number)],
        width - 2 * side,
    )
    left: list[Flowable] = []
    if doc.reprint:
        mark = doc.reprint
        left = lines(
            [(f"补打（第{mark.count}次）", st.title_mark), (cn_datetime(mark.printed_at), st.mark)],
            side - 3,
        )
    right: list[Flowable] = []
    if with_qr and doc.qr_payload:
        right = [QrCode(doc.qr_payload, side), *lines([("扫码核验真伪", st.caption)], side)]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if doc.reprint:
        commands.append(("BOX", (0, 0), (0, 0), 0.8, colors.black))
        commands.append(("LEFTPADDING", (0, 0), (0, 0), 3))
    return _table([[left, middle, right]], [side, width - 2 * side, side], commands)


def _table(
    rows: list[list[Any]],
    widths: list[float] | None,
    commands: list[tuple[Any, ...]],
    repeat_rows: int = 0,
) -> TextTable:
    """A platypus table whose own font (for any plain-string cell) is ours, not Helvetica."""
    commands = [("FONTNAME", (0, 0), (-1, -1), main_font_name()), *commands]
    shared = _shared_cell_styles(rows, widths, commands, repeat_rows)
    if shared is None:
        table = TextTable(rows, colWidths=widths, repeatRows=repeat_rows, normalizedData=1)
    else:
        cell_styles, commands = shared
        table = TextTable(
            rows,
            colWidths=widths,
            repeatRows=repeat_rows,
            normalizedData=1,  # our cells are strings and flowables, never None
            cellStyles=cell_styles,
        )
    table.setStyle(TableStyle(commands))
    table.spaceAfter = 5  # whatever follows a table must not sit on its bottom rule
    return table


# The commands that set each cell's own style (reportlab's _setCellStyle), one pass over every
# cell each; the others (rules, backgrounds, spans) are kept per table.
_CELL_OPS = frozenset(
    {
        *("FONT", "FONTNAME", "FACE", "SIZE", "FONTSIZE", "LEADING", "TEXTCOLOR"),
        *("ALIGN", "ALIGNMENT", "VALIGN"),
        *("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING"),
    }
)
_SHARED_FROM_ROWS = 50


def _shared_cell_styles(
    rows: list[list[Any]],
    widths: list[float] | None,
    commands: list[tuple[Any, ...]],
    head: int,
) -> tuple[list[list[CellStyle]], list[tuple[Any, ...]]] | None:
    """For a long table whose cell commands each cover every row or every row below the
    ``head`` rows (a log's part of 300 rows, 2,100 cells): the cells' styles, made once per
    column and shared by the rows below the head (reportlab would make and set 2,100, once per
    command), and the commands left for the table; None for any other table."""
    if len(rows) < _SHARED_FROM_ROWS or not widths:
        return None
    columns = len(widths)
    proto = [[CellStyle(repr((i, j))) for j in range(columns)] for i in range(head + 1)]
    rest: list[tuple[Any, ...]] = []
    for command in commands:
        op, (first_col, first_row), (last_col, last_row) = command[:3]
        if op not in _CELL_OPS:
            rest.append(command)
            continue
        if (first_row, last_row) == (0, -1):
            proto_rows = range(head + 1)
        elif (first_row, last_row) == (head, -1):
            proto_rows = range(head, head + 1)
        else:
            return None
        first_col += columns if first_col < 0 else 0
        last_col += columns if last_col < 0 else 0
        for i in proto_rows:
            for j in range(first_col, last_col + 1):
                _setCellStyle(proto, i, j, op, command[3:])
    styles = [proto[i] if i < head else list(proto[head]) for i in range(len(rows))]
    return styles, rest


class TextTable(Table):
    """A platypus table that writes its one-line plain-string cells into one PDF text object
    (a ``BT … ET``, flushed before its rules are drawn) instead of one text object each, at the
    places and in the faces, sizes and colours reportlab's own cell drawing uses. Drawing a day's
    log of 4,600 rows was mostly reportlab making 30,000 text objects."""

    _text: Any = None
    _text_state: tuple[Any, ...] = ()

    def measure_plain_rows(self, first: int) -> None:
        """Give each row from ``first`` on whose cells are all one-line strings its height up
        front, by reportlab's own rule for such cells (the leading plus the vertical padding,
        the tallest cell's): reportlab then measures only the rows that hold flowables, and
        its search for rows not measured yet, quadratic in a table's length, mostly ends at
        once (a 4,600-row log's list: a quarter of its PDF time). Only for rows no cell spans
        into from another row (``_grid``'s body rows): a row span sizes rows otherwise."""
        assert not self._minRowHeights  # (reportlab would raise rows to them)
        heights: list[float | None] = list(self._argH)  # type: ignore[has-type]
        for i in range(first, len(heights)):
            values = self._cellvalues[i]
            if heights[i] is None and all(isinstance(v, str) and "\n" not in v for v in values):
                heights[i] = max(
                    (s.leading or 1.2 * s.fontsize) + s.topPadding + s.bottomPadding
                    for s in self._cellStyles[i]
                )
        # reportlab starts with both the same list and copies it only while one is missing
        self._argH = self._rowHeights = heights

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if cellval == "":
            return  # an empty cell (a spanned one, say): reportlab would draw an empty string
        if not (
            isinstance(cellval, str)
            and "\n" not in cellval
            and cellstyle.alignment in _STRING_ALIGNS
            and cellstyle.valign in ("TOP", "MIDDLE", "BOTTOM")
            and not (cellstyle.href or cellstyle.destination)
            and not (cellstyle.direction or cellstyle.shaping)
        ):
            self._flush_text()  # the page's text stays in the cells' order (copying, reading)
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        font, fontsize, leading = cellstyle.fontname, cellstyle.fontsize, cellstyle.leading
        # reportlab's Table._drawCell, for one line: the baseline, then x by alignment
        if cellstyle.valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + leading - fontsize
        elif cellstyle.valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        else:
            middle = cellstyle.bottomPadding + rowheight - cellstyle.topPadding + leading
            y = rowpos + middle / 2.0 - fontsize
        align = cellstyle.alignment
        if align == "LEFT":
            x = colpos + cellstyle.leftPadding
        elif align == "RIGHT":
            x = colpos + colwidth - cellstyle.rightPadding - stringWidth(cellval, font, fontsize)
        else:
            centre = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding) * 0.5
            x = centre - 0.5 * stringWidth(cellval, font, fontsize)
        text = self._text
        if text is None:
            text = self._text = self.canv.beginText()
            self._text_state = ()
        state = (font, fontsize, leading, cellstyle.color)
        if state != self._text_state:
            text.setFont(font, fontsize, leading)
            text.setFillColor(cellstyle.color)
            self._text_state = state
        text.setTextOrigin(x, y)
        text._textOut(cellval)

    def _drawLines(self) -> None:
        self._flush_text()  # the cells' text under the rules, as reportlab draws them
        super()._drawLines()

    def _flush_text(self) -> None:
        if self._text is not None:
            self.canv.drawText(self._text)
            self._text = None


_STRING_ALIGNS = ("LEFT", "RIGHT", "CENTER", "CENTRE")
FRAME_PADDING = 6  # reportlab's Frame default, each side


def _blocks(blocks: Iterable[Block], width: float, st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for block in blocks:
        if isinstance(block, Heading):
            # In the page's frame a heading has its padding less than ``width`` (in a cell
            # beside the seal, the whole width): the narrower room, so it never runs past.
            out += lines([(block.text, st.heading)], width - 2 * FRAME_PADDING)
        elif isinstance(block, Display):
            out.append(para(block.text, st.display))
        elif isinstance(block, Para):
            if block.emphasis:
                out.append(_boxed(para(block.text, st.body), width))
            else:
                out.append(para(block.text, st.small if block.small else st.body))
        elif isinstance(block, Fields):
            out.append(_fields(block, width, st))
        elif len(block.rows) > GRID_CHUNK and not block.total_rows:
            out += _long_grid(block, width, st)
        else:
            out.append(_grid(block, width, st))
    return out


# reportlab splits a table across pages by building a new table of all the rows left, so a
# long table costs time in the square of its length: a day's case list of 4,600 rows took 4.2 s.
# Tables of GRID_CHUNK rows, each starting on a new page (with the column headers), cost 2 s.
GRID_CHUNK = 300


def _long_grid(block: Grid, width: float, st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for start in range(0, len(block.rows), GRID_CHUNK):
        if start:
            out.append(PageBreakIfNotEmpty())  # a part ends mid-page: the next starts afresh
        out.append(_grid(replace(block, rows=block.rows[start : start + GRID_CHUNK]), width, st))
    return out


def _boxed(flowable: Flowable, width: float) -> Flowable:
    return _table(
        [[flowable]],
        [width],
        [
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
    )


_CELL_PADDING = 4  # left and right, each
_TABLE_PADDING = 6  # reportlab's, where a table does not set its own


def _cell_style(padding: float = _CELL_PADDING) -> list[tuple[Any, ...]]:
    """Ruled cells, ``padding`` left and right."""
    return [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]


_CELL_STYLE = _cell_style()


def _fields(block: Fields, width: float, st: Styles) -> Flowable:
    label_width = 28 * mm if width > 140 * mm else 24 * mm

    room = label_width - 2 * _CELL_PADDING  # for the text of a label

    def cells(label: str, value: str, value_width: float) -> list[Any]:
        return [
            _cell(label, st.label, room),
            _cell(value, st.cell, value_width - 2 * _CELL_PADDING),
        ]

    if not block.pairs:
        return _table(
            [cells(label, value, width - label_width) for label, value in block.rows],
            [label_width, width - label_width],
            [*_CELL_STYLE, *_text_commands(st.cell), ("BACKGROUND", (0, 0), (0, -1), SHADE)],
        )
    # Four columns: a pair takes them all, any other row spans its value over the last three.
    half = (width - 2 * label_width) / 2
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        *_CELL_STYLE,
        *_text_commands(st.cell),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
    ]
    pending = list(block.rows)
    while pending:
        label, value = pending.pop(0)
        r = len(rows)
        if label in block.pairs and pending and pending[0][0] in block.pairs:
            rows.append(cells(label, value, half) + cells(*pending.pop(0), half))
            commands.append(("BACKGROUND", (2, r), (2, r), SHADE))
        else:
            rows.append([*cells(label, value, width - label_width), "", ""])
            commands.append(("SPAN", (1, r), (3, r)))
    return _table(rows, [label_width, half, label_width, half], commands)


def _grid(block: Grid, width: float, st: Styles) -> Flowable:
    weights = block.widths or (1.0,) * len(block.headers)
    total = sum(weights)
    widths = [width * w / total for w in weights]
    cell = st.dense if block.dense else st.cell
    head = st.dense_head if block.dense else st.label
    # (each command for every cell is a pass over all of them: a log's part has 2,100)
    commands = _cell_style(_DENSE_PADDING if block.dense else _CELL_PADDING)
    rows: list[list[Any]] = []
    if block.groups:
        if sum(span for _, span in block.groups) != len(block.headers):
            raise ValueError("the header groups must span every column once")
        row: list[Any] = []
        for label, span in block.groups:
            if span > 1:
                commands.append(("SPAN", (len(row), 0), (len(row) + span - 1, 0)))
            elif not block.headers[len(row)]:  # a column without a header: its group label
                commands.append(("SPAN", (len(row), 0), (len(row), 1)))  # takes both rows
            row += [para(label, st.dense_head if block.dense else st.label)]
            row += [""] * (span - 1)
        rows.append(row)
    head_rows = len(rows) + 1
    commands += _text_commands(cell)
    if block.dense:
        rows.append([para(h, head) for h in block.headers])
        rooms = [w - 2 * _DENSE_PADDING for w in widths]
        rows += [
            [_cell(t, cell, room) for t, room in zip(r, rooms, strict=True)] for r in block.rows
        ]
    else:
        rooms = [w - 2 * _CELL_PADDING for w in widths]
        rows.append([_cell(h, head, room) for h, room in zip(block.headers, rooms, strict=True)])
        # A paragraph ignores the table's ALIGN (it fills its cell and aligns itself, left):
        # the cells of a column aligned otherwise stay paragraphs, so they print as before.
        left = [i >= len(block.align) or block.align[i] == "left" for i in range(len(widths))]
        rows += [
            [
                _cell(t, cell, room) if plain else para(t, cell)
                for t, room, plain in zip(r, rooms, left, strict=True)
            ]
            for r in block.rows
        ]
    if not block.rows:
        rows.append([para("（无）", cell)] + [""] * (len(block.headers) - 1))
    commands.append(("BACKGROUND", (0, 0), (-1, head_rows - 1), SHADE))
    if block.total_rows and block.rows:
        commands.append(("BACKGROUND", (0, -block.total_rows), (-1, -1), SHADE))
    for column, align in enumerate(block.align):
        commands.append(("ALIGN", (column, head_rows), (column, -1), align.upper()))
    table = _table(rows, widths, commands, repeat_rows=head_rows)
    table.measure_plain_rows(head_rows)  # no cell of the body spans rows
    return table


_DENSE_PADDING = 2  # left and right, each: narrow columns of counts need the room


def _text_commands(style: ParagraphStyle) -> list[tuple[Any, ...]]:
    """A table's type for its plain-string cells (``_cell``): that of the paragraphs they
    stand for, so both print alike."""
    commands: list[tuple[Any, ...]] = [
        ("FONTSIZE", (0, 0), (-1, -1), style.fontSize),
        ("LEADING", (0, 0), (-1, -1), style.leading),
    ]
    if style.textColor != colors.black:  # a table's own colour is black
        commands.append(("TEXTCOLOR", (0, 0), (-1, -1), style.textColor))
    return commands


def _cell(text: str, style: ParagraphStyle, room: float) -> Any:
    """A table cell: plain text when it is one line in the main face with nothing a paragraph
    would change (no markup, no runs of spaces), drawn by the table at the place the
    paragraph's line would be (fast: no line breaking, no paragraph to draw); a :class:`Lines`
    when such a line switches faces (a name with rare characters); else a wrapping paragraph.
    ``room``: the cell's width less its padding. The table needs ``_text_commands(style)``."""
    if not text:
        return text
    runs = split_runs(text)  # fast for text all in the main face; a long log has 30,000 cells
    if (
        len(runs) == 1
        and runs[0][0] == main_font().key
        and style.alignment == TA_LEFT
        and _is_plain(text)
        and _line_width(text, style.fontName, style.fontSize) <= room
    ):
        return text
    if _fits(text, style, room):
        return Lines([(text, style)])
    return para(text, style)


@lru_cache(maxsize=4096)
def _line_width(text: str, font_name: str, size: float) -> float:
    """A log's columns repeat their texts (items, clerks, states): measure each once."""
    return float(stringWidth(text, font_name, size))


BESIDE_SEAL = 0.62  # of the width: the closing blocks and desk lines left of the seal


def _closing(
    doc: PrintedDocument,
    width: float,
    st: Styles,
    *,
    stub: bool,
    beside: list[Flowable] | None = None,
) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 4 * mm)]
    desk = [
        f"窗口：{doc.desk.window}" if doc.desk.window else "",
        f"经办人：{doc.desk.clerk}" if doc.desk.clerk else "",
        f"咨询电话：{doc.desk.phone}" if doc.desk.phone else "",
    ]
    desk = [d for d in desk if d]
    if beside is not None:
        return [*out, _beside_seal(doc, width, st, beside, desk)]
    if desk:
        weights = [len(d) + 4 for d in desk]  # the window's name is the long one
        widths = [width * w / sum(weights) for w in weights]
        cells = [
            _cell(d, st.cell, w - 2 * _TABLE_PADDING) for d, w in zip(desk, widths, strict=True)
        ]
        out.append(
            _table(
                [cells],
                widths,
                [("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE), *_text_commands(st.cell)],
            )
        )
    spec = doc.spec
    left: list[Flowable] = []
    if stub:
        signs = ["申请人签收：________________", "签收日期：______年____月____日"]
    elif spec.applicant_signs:
        signs = ["申请人（签字）：________________", "日期：______年____月____日"]
    else:
        signs = []
    if signs:  # a line each: the body's space after each paragraph stays between them
        left = [Spacer(1, 8 * mm), *[f for s in signs for f in lines([(s, st.body)], width / 2)]]
    right: list[Flowable] = []
    if spec.seal and not stub:
        right.append(Spacer(1, 18 * mm))  # the seal goes over the center's name
        name = f"{doc.center_name}（盖章）"
    else:
        right.append(Spacer(1, 8 * mm))
        name = doc.center_name
    right += lines([(name, st.right), (cn_date(doc.issued_on), st.right)], width / 2)
    closing = _table(
        [[left, right]],
        [width * 0.5, width * 0.5],
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    out.append(closing)
    return out


def _beside_seal(
    doc: PrintedDocument, width: float, st: Styles, beside: list[Flowable], desk: list[str]
) -> Flowable:
    """The closing blocks and the desk lines on the left, the seal space, the center's name
    and the date on the right: one band instead of three."""
    left = list(beside)
    if desk:
        room = width * BESIDE_SEAL - _TABLE_PADDING  # no padding on the left
        left.append(
            _table(
                [[_cell(d, st.cell, room)] for d in desk],
                [width * BESIDE_SEAL],
                [
                    ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE),
                    *_text_commands(st.cell),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ],
            )
        )
    right: list[Flowable] = [
        Spacer(1, 18 * mm),  # the seal goes over the center's name
        *lines(
            [(f"{doc.center_name}（盖章）", st.right), (cn_date(doc.issued_on), st.right)],
            width * (1 - BESIDE_SEAL),
        ),
    ]
    return _table(
        [[left, right]],
        [width * BESIDE_SEAL, width * (1 - BESIDE_SEAL)],
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )


CONTINUED_HEIGHT = 20 * mm  # the band naming the document atop its further pages
CONTINUED_QR = 16 * mm


def _continued(doc: PrintedDocument, margin: float, footer: Any) -> Any:
    """Atop a further page: the title and number (续), and the QR code, over a rule."""
    text = f"{doc.center_name} · {doc.title}（续） · 编号：{doc.number}"
    made: list[QrCode] = []  # encoded on the first further page: most documents have none

    def draw(canvas: Any, template: Any) -> None:
        footer(canvas, template)
        if not made:
            made.append(QrCode(doc.qr_payload, CONTINUED_QR))
        qr = made[0]
        page_width, page_height = template.pagesize
        top = page_height - margin
        canvas.saveState()
        qr.wrap(CONTINUED_QR, CONTINUED_QR)
        qr.drawOn(canvas, page_width - margin - CONTINUED_QR, top - CONTINUED_QR)
        draw_text(canvas, margin, top - CONTINUED_QR / 2 - 3, text, 10)
        canvas.setStrokeColor(RULE)
        canvas.line(margin, top - CONTINUED_QR - 2, page_width - margin, top - CONTINUED_QR - 2)
        canvas.restoreState()

    return draw


FOOTER_SIZE = 7.5
FOOTER_LEADING = 9.0
FOOTER_GAP = 12.0  # between the footer's text and the page number on one line


def _footer(doc: PrintedDocument, margin: float, st: Styles, watermark: str = "") -> Any:
    parts = [doc.center_name, doc.title, doc.number]
    if doc.reprint:
        parts.append(doc.reprint.text())

    def draw(canvas: Any, template: Any) -> None:
        if watermark:
            _watermark(canvas, template.pagesize, watermark)
        canvas.saveState()
        canvas.setFillColor(GREY)
        page = f"第{canvas.getPageNumber()}页"
        right_edge = template.pagesize[0] - margin
        rows = footer_rows(parts, page, right_edge - margin, FOOTER_SIZE)
        for i, row in enumerate(rows):  # the last row on the bottom margin, the others above
            y = margin + (len(rows) - 1 - i) * FOOTER_LEADING
            draw_text(canvas, margin, y, row, FOOTER_SIZE)
        draw_text(canvas, right_edge - text_width(page, FOOTER_SIZE), margin, page, FOOTER_SIZE)
        canvas.restoreState()

    return draw


def footer_rows(parts: list[str], page: str, room: float, size: float) -> list[str]:
    """The footer's parts joined by " · " in rows that fit ``room`` (an 80 mm roll needs two),
    the last leaving room for the page number on its right (or empty, for the number alone):
    no character runs off the paper's edge."""
    rows: list[str] = []
    for part in parts:
        for piece in _pieces(part, room, size):
            joined = f"{rows[-1]} · {piece}" if rows else piece
            if rows and text_width(joined, size) <= room:
                rows[-1] = joined
            else:
                rows.append(piece)
    if not rows or text_width(rows[-1], size) + FOOTER_GAP + text_width(page, size) > room:
        rows.append("")
    return rows


def _pieces(text: str, room: float, size: float) -> list[str]:
    """``text``, cut between characters where it is wider than ``room`` alone."""
    out = [""]
    for char in text:
        if out[-1] and text_width(out[-1] + char, size) > room:
            out.append("")
        out[-1] += char
    return out


def _watermark(canvas: Any, pagesize: tuple[float, float], text: str) -> None:
    """Drawn before the page's content, so it lies under the text without hiding it."""
    width, height = pagesize
    size = min(width, height) / (len(text) + 1) * 1.3
    canvas.saveState()
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.18))
    draw_text(canvas, -text_width(text, size) / 2, -size / 3, text, size)
    canvas.restoreState()


def text_width(text: str, size: float) -> float:
    return sum(stringWidth(run, register(key), size) for key, run in split_runs(text))


def draw_text(canvas: Any, x: float, y: float, text: str, size: float) -> None:
    """A single line straight on the canvas, switching faces run by run."""
    for key, run in split_runs(text):
        name = register(key)
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, name, size)

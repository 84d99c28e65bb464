"""``app.printing.template.para``: the shortcut past reportlab's markup parser for plain text
makes the very paragraph the parser would (issue 20, the receipt's time)."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.platypus import Paragraph

from app.printing.blocks import Fields, Grid, Heading, Para
from app.printing.template import PageSize, markup, para, styles_for
from tests.helpers.printing import sample_documents

TRICKY = [
    "申请人",
    "  前后有空格  ",
    "中间  两个空格\t和制表符",
    "不间断\u00a0空格",
    "数字 12345 与 Latin text, (括号)；标点！",
    "换行\n之后",  # <br/>: the parser's way
    "A & B < C > D",  # escaped: the parser's way
    "𠀀生僻字𪚥",  # another face: the parser's way
    "",
    " ",
    "编号：QH-A20261124-0001",
    "______年____月____日",
]


def _texts() -> list[str]:
    found = list(TRICKY)
    for doc in sample_documents().values():
        found += [doc.center_name, doc.title, doc.number]
        for block in [*doc.body(), *doc.closing_body()]:
            if isinstance(block, Heading | Para):
                found.append(block.text)
            elif isinstance(block, Fields):
                found += [t for row in block.rows for t in row]
            elif isinstance(block, Grid):
                found += list(block.headers) + [t for row in block.rows for t in row]
    return found


def _state(p: Paragraph, width: float) -> tuple[Any, ...]:
    frags = [dict(vars(f)) for f in p.frags]
    height = p.wrap(width, 10_000)[1]
    lines = [getattr(line, "words", line) for line in p.blPara.lines]
    return p.text, p.style, frags, height, repr(lines)


@pytest.mark.parametrize("size", list(PageSize))
def test_para_is_the_paragraph_the_parser_makes(size: PageSize) -> None:
    st = styles_for(size)
    texts = _texts()
    assert len(texts) > 60
    for name in st.__dataclass_fields__:
        style = getattr(st, name)
        for text in texts:
            for width in (40.0, 400.0):
                made = _state(para(text, style), width)
                parsed = _state(Paragraph(markup(text), style), width)
                assert made == parsed, (name, text, width)

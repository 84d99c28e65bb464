"""What a document's body is made of, independent of how it is drawn.

A document kind only says *what* it prints, as a sequence of these blocks; the template
(``app.printing.template``) decides how they look, the same way for every kind. A new kind (the
daily log, say) is a dataclass whose ``body()`` returns blocks; it needs no drawing code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Heading:
    """A section title inside the body."""

    text: str


@dataclass(frozen=True)
class Para:
    """A paragraph; ``emphasis`` draws it boxed, ``small`` in the small print."""

    text: str
    emphasis: bool = False
    small: bool = False


@dataclass(frozen=True)
class Display:
    """A few characters printed very large and centred (a queue ticket's number)."""

    text: str


@dataclass(frozen=True)
class Fields:
    """Label/value rows (申请事项 | 最低生活保障申请). A value may hold line breaks.

    Two neighbouring rows whose labels are both in ``pairs`` (short values: times, day counts)
    share a line, so a long form leaves the page room for its tables and seal."""

    rows: tuple[tuple[str, str], ...]
    pairs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Grid:
    """A table with a header row; ``widths`` are relative column widths.

    Long tables (a daily log) may add: ``groups``, a header row above the headers whose labels
    each span a number of columns; ``align``, per column "left", "center" or "right";
    ``total_rows``, how many last rows are totals (shaded); ``dense``, smaller type, with
    one-line cells drawn as plain text (a layout engine paragraph per cell is slow for
    thousands of cells)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    groups: tuple[tuple[str, int], ...] = ()
    align: tuple[str, ...] = ()
    total_rows: int = 0
    dense: bool = False


Block = Heading | Para | Display | Fields | Grid


def block_texts(block: Block) -> Iterator[str]:
    """Every string a block prints (for the personal-data guard and the glyph checks)."""
    if isinstance(block, Heading | Para | Display):
        yield block.text
    elif isinstance(block, Fields):
        for label, value in block.rows:
            yield label
            yield value
    else:
        for label, _span in block.groups:
            yield label
        yield from block.headers
        for row in block.rows:
            yield from row


def cn_date(day: date | None) -> str:
    """2026年11月24日 (the form official documents use)."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def cn_citizen_date(day: date | None, provisional: bool) -> str:
    """A date given to an applicant; in a year whose holiday schedule is not final it is
    marked 暂定 (it moves to the next working day if it turns out to be a day off)."""
    return cn_date(day) + ("（暂定，如遇节假日顺延）" if day and provisional else "")


def cn_datetime(at: datetime | None) -> str:
    """2026年11月24日 09:30, in the time zone the value carries."""
    return f"{cn_date(at.date())} {at:%H:%M}" if at else ""

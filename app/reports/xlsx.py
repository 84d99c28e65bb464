"""The daily log as a workbook (openpyxl): the same numbers as the paper, for the county office
or a spreadsheet. Sheets: 统计 (counts per window and clerk, totals), 办件清单 (the cases),
信息 (period, supervisor, the audit chain's head). Header rows bold, column widths set, panes
frozen under the headers. A count whose section is not recorded yet is "—", never 0."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from io import BytesIO
from typing import Any

from app.clock import hall_time
from app.reports.daily_log import DailyLogData
from app.reports.wording import NOT_WIRED, due_text, notes_for, period_text

MAX_WIDTH = 60


def display_width(value: Any) -> int:
    """Columns a value takes in a spreadsheet: wide (CJK) characters count two."""
    text = str(value) if value is not None else ""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def daily_log_workbook(log: DailyLogData) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    book = Workbook()
    counts = book.active
    assert counts is not None
    counts.title = "统计"
    columns = log.columns
    # Row 1: the section titles over their columns; row 2: the column headers.
    counts.append(["窗口", "工作人员", *(s.title for s in log.sections for _ in s.printed_columns)])
    at = 3
    for section in log.sections:
        span = len(section.printed_columns)
        if span > 1:
            counts.merge_cells(start_row=1, start_column=at, end_row=1, end_column=at + span - 1)
        at += span
    counts.append(["", "", *(c.label for c in columns)])
    counts.merge_cells("A1:A2")
    counts.merge_cells("B1:B2")
    for row in log.rows:
        counts.append([row.window_label, row.staff_name, *map(_cell, row.counts)])
    counts.append(["合计", "", *map(_cell, log.totals)])
    for cell in (*counts[1], *counts[2], *counts[len(log.rows) + 3]):
        cell.font = bold
    for cell in (*counts[1], *counts[2]):
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    counts.freeze_panes = "C3"
    _fit_columns(counts, minimum=6)

    cases = book.create_sheet("办件清单")
    cases.append(
        ["序号", "办件编号", "事项", "申请人", "负责人", "状态", "承诺办结日期", "日期暂定", "预警"]
    )
    # Row numbers are counted here: openpyxl's ``max_row`` walks every cell written so far,
    # which made a 4,600-case list quadratic (seconds on a busy hall's day).
    for i, c in enumerate(log.cases, 1):
        cases.append(
            [
                i,
                c.number,
                c.item_name,
                c.applicant,
                c.clerk,
                c.state_label,
                # A typed date sorts and filters; a stopped clock has none (text, as on paper).
                c.due_date if c.due_date is not None else due_text(c),
                "是" if c.due_provisional and c.due_date is not None else "",
                c.warning_label,
            ]
        )
        _date_format(cases.cell(row=i + 1, column=7), DATE)
    for cell in cases[1]:
        cell.font = bold
    cases.freeze_panes = "A2"
    _fit_columns(cases, minimum=6)

    info = book.create_sheet("信息")
    rows: list[tuple[str, Any]] = [
        ("服务中心", log.site_name),
        ("编号", log.number),
        ("统计期间", period_text(log)),
        ("起始日期", log.first_day),
        ("截止日期", log.last_day),
        ("中心负责人", log.supervisor_name),
        ("制表人", log.prepared_by),
        ("制表时间（北京时间）", _wall(log.made_at)),
        ("审计链事件序号", log.chain_seq),
        ("审计链链头哈希", log.chain_hash),
        ("链头时间（北京时间）", _wall(log.chain_at) if log.chain_at else ""),
        *(("说明", note) for note in notes_for(log)),
    ]
    formats = {"起始日期": DATE, "截止日期": DATE}
    formats |= {"制表时间（北京时间）": MINUTE, "链头时间（北京时间）": SECOND}
    for at, (label, value) in enumerate(rows, 1):
        info.append([label, value])
        if label in formats:
            _date_format(info.cell(row=at, column=2), formats[label])
    for cell in info["A"]:
        cell.font = bold
    _fit_columns(info, minimum=8)

    out = BytesIO()
    book.save(out)
    return out.getvalue()


DATE, MINUTE, SECOND = "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "yyyy-mm-dd hh:mm:ss"


def _wall(moment: datetime) -> datetime:
    """Beijing wall-clock time without a zone: spreadsheets store no zones, and the hall's
    papers all show Beijing time."""
    return hall_time(moment).replace(tzinfo=None)


def _date_format(cell: Any, number_format: str) -> None:
    if isinstance(cell.value, date | datetime):
        cell.number_format = number_format


def _cell(value: int | None) -> int | str:
    return NOT_WIRED if value is None else value


def _fit_columns(sheet: Any, minimum: int) -> None:
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    merged = {
        cell
        for rng in sheet.merged_cells.ranges
        if rng.max_col > rng.min_col
        for cell in _cells_of(rng)
    }
    for row in sheet.iter_rows():
        for cell in row:
            if (cell.row, cell.column) in merged:
                continue  # a merged title spans several columns: it must not widen the first
            widths[cell.column] = max(widths.get(cell.column, 0), display_width(cell.value))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(
            max(width + 2, minimum), MAX_WIDTH
        )


def _cells_of(rng: Any) -> list[tuple[int, int]]:
    return [
        (r, c)
        for r in range(rng.min_row, rng.max_row + 1)
        for c in range(rng.min_col, rng.max_col + 1)
    ]

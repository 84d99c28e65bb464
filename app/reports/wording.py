"""The daily log's words that every format prints the same: the period, a due date, a count
that is not wired yet, the notes under the tables. The PDF (``app.reports.printing``) and the
XLSX (``app.reports.xlsx``) both take them from here."""

from __future__ import annotations

from app.printing.blocks import cn_date
from app.reports.daily_log import DailyLogData, LogCase

NOT_WIRED = "—"


def count_text(value: int | None) -> str:
    return NOT_WIRED if value is None else str(value)


def period_text(log: DailyLogData) -> str:
    cut = "（所选期间尚未结束，统计至今天）" if log.cut_at_today else ""
    if log.is_day:
        return cn_date(log.first_day) + cut
    return f"{cn_date(log.first_day)}至{cn_date(log.last_day)}{cut}"


def due_text(case: LogCase) -> str:
    if case.due_date is None:
        return "计时中止"
    return f"{case.due_date:%Y-%m-%d}" + ("（暂定）" if case.due_provisional else "")


def notes_for(log: DailyLogData) -> tuple[str, ...]:
    slots = [s.title for s in log.sections if None in log_counts_of(log, s.key)]
    notes = [log.cut_note] if log.cut_note else []
    notes.append(
        "预警为期末（最后一日日终）仍未办结办件的黄牌、红牌数，按各办件当时的状态、中止与延期"
        "重新计算；办件清单为期间内受理或办理过的办件，状态与承诺办结日期均为期末时的情况。"
    )
    if slots:
        notes.append(f"“{NOT_WIRED}”表示该项记录尚未接入本系统（{'、'.join(slots)}），不是零。")
    return tuple(notes)


def log_counts_of(log: DailyLogData, section_key: str) -> list[int | None]:
    keys = [c.key for c in log.columns]
    section = next(s for s in log.sections if s.key == section_key)
    return [log.totals[keys.index(c.key)] for c in section.printed_columns]

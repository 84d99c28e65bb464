"""The daily log as a printed document (``app.printing.documents.DailyLog``)."""

from __future__ import annotations

from app.cases.deadlines import local_day
from app.clock import hall_time
from app.errors import ValidationError
from app.printing.blocks import cn_date
from app.printing.documents import DailyLog
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


def daily_log_document(log: DailyLogData) -> DailyLog:
    return DailyLog(
        center_name=log.site_name,
        number=log.number,
        issued_on=local_day(log.made_at),
        period=period_text(log),
        count_groups=tuple(
            (s.title, len(s.printed_columns)) for s in log.sections if s.printed_columns
        ),
        count_headers=tuple(c.label for c in log.columns),
        count_rows=tuple(
            (row.window_label, row.staff_name, *map(count_text, row.counts)) for row in log.rows
        ),
        totals=tuple(map(count_text, log.totals)),
        cases=tuple(
            (
                c.number,
                c.item_name,
                c.applicant,
                c.clerk,
                c.state_label,
                due_text(c),
                c.warning_label,
            )
            for c in log.cases
        ),
        supervisor=log.supervisor_name,
        prepared_by=log.prepared_by,
        made_at=hall_time(log.made_at),
        chain_seq=log.chain_seq,
        chain_hash=log.chain_hash,
        chain_at=hall_time(log.chain_at) if log.chain_at else None,
        notes=notes_for(log),
    )


LOG_FORMATS = (".pdf", ".xlsx")


def log_file(log: DailyLogData, suffix: str, *, demo: bool = False) -> bytes:
    """The log as the bytes of a PDF or an XLSX file, by the file's extension (``demo``: a
    demo database's log, marked 演示数据 on every PDF page)."""
    suffix = suffix.lower()
    if suffix == ".pdf":
        from app.printing import render

        return render(daily_log_document(log), demo=demo)
    if suffix == ".xlsx":
        from app.reports.xlsx import daily_log_workbook

        return daily_log_workbook(log)
    raise ValidationError.single("out", "文件须以 .pdf 或 .xlsx 结尾")

"""The daily or period log as the bytes of a file, by the file's extension."""

from __future__ import annotations

from app.errors import ValidationError
from app.reports.daily_log import DailyLogData

LOG_FORMATS = (".pdf", ".xlsx")


def log_file(log: DailyLogData, suffix: str, *, demo: bool = False) -> bytes:
    """The log as the bytes of a PDF or an XLSX file, by the file's extension (``demo``: a
    demo database's log, marked 演示数据 on every PDF page)."""
    suffix = suffix.lower()
    if suffix == ".pdf":
        from app.printing import render
        from app.reports.printing import daily_log_document

        return render(daily_log_document(log), demo=demo)
    if suffix == ".xlsx":
        from app.reports.xlsx import daily_log_workbook

        return daily_log_workbook(log)
    raise ValidationError.single("out", "文件须以 .pdf 或 .xlsx 结尾")

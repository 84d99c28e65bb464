"""The daily log as a printed document (``app.printing.documents.DailyLog``)."""

from __future__ import annotations

from app.cases.deadlines import local_day
from app.clock import hall_time
from app.printing.documents import DailyLog
from app.reports.daily_log import DailyLogData
from app.reports.wording import count_text, due_text, notes_for, period_text


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

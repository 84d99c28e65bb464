"""The case list's columns and colors, on the one lazy model (``ui.lazy_model``): the case page
and the work list's 我的办件 show cases the same way."""

from __future__ import annotations

from app.cases.records import CaseRow
from app.clock import hall_time
from ui.cases.labels import WARNING_COLORS, state_text, tr, warning_icon, warning_text
from ui.lazy_model import Colors, Column


def case_columns() -> list[Column[CaseRow]]:
    return [
        Column(tr("预警"), lambda r: warning_text(r.warning), lambda r: warning_icon(r.warning)),
        Column(tr("办件编号"), lambda r: r.number + (tr("（代办）") if r.is_agency else "")),
        Column(tr("申请人"), lambda r: r.applicant_name),
        Column(tr("事项"), lambda r: r.item_name),
        Column(tr("状态"), lambda r: state_text(r.state)),
        Column(tr("承诺办结日"), _due),
        Column(tr("负责人"), lambda r: r.owner_name),
        Column(tr("受理时间"), lambda r: hall_time(r.accepted_at).strftime("%Y-%m-%d %H:%M")),
        Column(tr("受理中心"), _site),
    ]


def _site(row: CaseRow) -> str:
    """The accepting site; a case handed over says where it is now (乡镇代收、县级审批)."""
    if row.handed_to:
        return tr("{site}（现由{owner}办理）").format(site=row.site_name, owner=row.handed_to)
    return row.site_name


def case_colors(row: CaseRow) -> Colors | None:
    return WARNING_COLORS.get(row.warning)  # type: ignore[arg-type]


def _due(row: CaseRow) -> str:
    if row.due_date is None:
        return tr("计时中止")
    return f"{row.due_date:%Y-%m-%d}" + (tr("（暂定）") if row.due_provisional else "")

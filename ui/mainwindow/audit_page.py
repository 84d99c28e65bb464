"""The audit trail for supervisors: a lazy list that reads one page at a time, off the GUI
thread, as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.clock import hall_time
from app.records import AuditEventRecord
from ui.lazy_model import After, Column, LazyTableModel, RowPage

PAGE = 200


def audit_pages(
    fetch_page: Callable[[int | None], list[AuditEventRecord]],
) -> Callable[[Any, After], RowPage[AuditEventRecord]]:
    """The trail read newest first, ``PAGE`` events at a time before the last one shown."""

    def page(_query: Any, after: After) -> RowPage[AuditEventRecord]:
        events = fetch_page(after[0] if after else None)
        return RowPage(events, (events[-1].seq,) if len(events) >= PAGE else None)

    return page


class AuditPage(QWidget):
    def __init__(self, fetch_page: Callable[[int | None], list[AuditEventRecord]]) -> None:
        super().__init__()
        columns: list[Column[AuditEventRecord]] = [
            Column(self.tr("序号"), lambda ev: str(ev.seq)),
            Column(self.tr("时间"), lambda ev: hall_time(ev.at).strftime("%Y-%m-%d %H:%M:%S")),
            Column(self.tr("操作人"), lambda ev: ev.actor_login or "-"),
            Column(self.tr("操作"), lambda ev: ev.action),
            Column(self.tr("对象"), lambda ev: f"{ev.entity} {ev.entity_id}"),
            Column(self.tr("变更摘要"), lambda ev: ev.summary),
        ]
        self.model: LazyTableModel[AuditEventRecord] = LazyTableModel(
            self, columns, audit_pages(fetch_page), None, lambda ev: ev.seq
        )
        self.view = QTableView()
        self.view.setObjectName("audit_table")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        for column, sample in (
            (1, "2026-12-31 23:59:59"),
            (3, "accountability_opened"),
            (4, "case QH-20261126-0000"),
        ):
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("审计日志（每条记录与上一条以哈希相连，任何修改、删除或调换都能被检出）")
            )
        )
        layout.addWidget(self.view)

    def showEvent(self, event: Any) -> None:
        self.model.reload()
        super().showEvent(event)

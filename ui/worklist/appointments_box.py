"""今日预约: the day's appointments at the clerk's own window, on the work list, in time order:
who is coming and when, who has checked in, who did not come. Enter or a double click opens the
appointment on the 预约 page (check-in, moving, cancelling and printing are there)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.appointments import service
from app.appointments.records import AppointmentRecord, AppointmentState
from app.clock import hall_time
from app.context import AppContext
from app.roles import Actor
from app.validation import mask_phone
from ui.appointments.labels import state_text, tr
from ui.ops import run_op

# Waiting first would break the time order the clerk plans by: only the struck-out go grey.
DONE = (AppointmentState.CANCELLED, AppointmentState.NO_SHOW)


class TodayAppointmentsBox(QGroupBox):
    opened = Signal(str)  # the appointment's number
    failed = Signal(object)  # the exception of a read that went wrong

    def __init__(self, ctx: AppContext, actor: Actor) -> None:
        super().__init__(tr("本窗口今日预约"))
        self.setObjectName("appointments_box")
        self.ctx, self.actor = ctx, actor
        self.rows: list[AppointmentRecord] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("appointments_table")
        self.table.setHorizontalHeaderLabels(
            [tr("时段"), tr("预约人"), tr("电话"), tr("事项"), tr("状态")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        metrics = self.table.fontMetrics()  # widths from the font, as the other lists
        for column, sample in enumerate(
            ("14:00-14:30", "欧阳娜娜娜", "139****0000", "最低生活保障")
        ):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.activated.connect(lambda index: self._open(index.row()))
        # Room for four appointments before it scrolls: a half day's bookings at one window.
        rows_high = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height() + 4 * rows_high + 4
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def reload(self) -> None:
        ctx, actor = self.ctx, self.actor
        today = hall_time(ctx.clock.now()).date()
        run_op(
            self,
            lambda: service.day_appointments(ctx.uow(), actor, today, actor.window_id),
            self.fill,
            self.failed.emit,
        )

    def fill(self, rows: list[AppointmentRecord]) -> None:
        if not shiboken6.isValid(self):
            return
        kept = self._selected_number()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            values = [a.slot_text(), a.visitor_name, mask_phone(a.phone), a.item_name]
            values.append(state_text(a.state))
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if a.state in DONE:
                    cell.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, cell)
            if a.number == kept:
                self.table.selectRow(r)
        waiting = sum(1 for a in rows if a.state is AppointmentState.BOOKED)
        self.setTitle(tr("本窗口今日预约（待到 %s，共 %s）") % (waiting, len(rows)))

    def _selected_number(self) -> str:
        chosen = self.table.selectionModel().selectedRows()
        if not chosen or chosen[0].row() >= len(self.rows):
            return ""
        return self.rows[chosen[0].row()].number

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.opened.emit(self.rows[row].number)

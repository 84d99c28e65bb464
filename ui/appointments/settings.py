"""预约设置: the administrator's bookable time per window or item (slot length, places per slot,
morning and afternoon hours, how far ahead) and the days closed for booking. Holidays and
make-up days come from the working-day calendar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.appointments import schedule as schedules
from app.appointments.records import ScheduleInput, ScheduleRecord, Session
from app.clock import hall_time
from app.context import AppContext
from app.errors import DomainError
from app.roles import Actor
from ui.appointments.forms import date_edit
from ui.appointments.labels import tr
from ui.forms import ServiceForm
from ui.ops import run_op
from ui.tables import list_table


class SessionEdit(QWidget):
    """上午/下午: open or not, from and to."""

    def __init__(self, label: str, start: int, end: int, session: Session | None) -> None:
        super().__init__()
        self.open = QCheckBox(label)
        self.start, self.end = QTimeEdit(), QTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        chosen = session or Session(start, end)
        self.start.setTime(QTime(chosen.start // 60, chosen.start % 60))
        self.end.setTime(QTime(chosen.end // 60, chosen.end % 60))
        self.open.setChecked(session is not None)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.open)
        row.addWidget(self.start)
        row.addWidget(QLabel("—"))
        row.addWidget(self.end)
        row.addStretch(1)

    def value(self) -> Session | None:
        if not self.open.isChecked():
            return None
        start, end = self.start.time(), self.end.time()
        return Session(start.hour() * 60 + start.minute(), end.hour() * 60 + end.minute())


def spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


class ScheduleForm(ServiceForm):
    def __init__(
        self,
        choices: schedules.ScheduleChoices,
        current: ScheduleRecord | None,
        perform: Callable[[dict[str, Any]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("预约时段设置"), perform, parent)
        self.setObjectName("schedule_form")
        window = QComboBox()
        window.addItem(tr("（不限窗口）"), None)
        for number, name in choices.windows:
            window.addItem(tr("%s号窗口（%s）") % (number, name), number)
        item = QComboBox()
        item.addItem(tr("（该窗口的全部事项）"), "")
        for code, name in choices.items:
            item.addItem(f"{code}  {name}", code)
        self.add_field("window", tr("窗口"), window)
        self.add_field("item", tr("事项"), item)
        self.add_field(
            "slot_minutes",
            tr("每时段长度"),
            spin(5, 240, current.slot_minutes if current else 30, tr(" 分钟")),
        )
        self.add_field(
            "capacity", tr("每时段人数"), spin(1, 99, current.capacity if current else 2, tr(" 人"))
        )
        self.add_field(
            "morning",
            tr("上午"),
            SessionEdit(tr("开放"), 9 * 60, 11 * 60 + 30, current.morning if current else None),
        )
        self.add_field(
            "afternoon",
            tr("下午"),
            SessionEdit(tr("开放"), 14 * 60, 17 * 60, current.afternoon if current else None),
        )
        self.add_field(
            "days_ahead",
            tr("可提前预约"),
            spin(1, 90, current.days_ahead if current else 14, tr(" 天")),
        )
        active = QCheckBox(tr("开放预约"))
        active.setChecked(current.active if current else True)
        self.active = active
        self.form.addRow("", active)
        if current is not None:
            window.setCurrentIndex(max(window.findData(current.window_number), 0))
            item.setCurrentIndex(max(item.findData(current.item_code), 0))
            window.setEnabled(False)
            item.setEnabled(False)
        else:
            for edit in (self.fields["morning"], self.fields["afternoon"]):
                edit.open.setChecked(True)  # type: ignore[attr-defined]
        self.resize(520, 420)

    def values(self) -> dict[str, Any]:
        f = self.fields
        return {
            "window": f["window"].currentData(),  # type: ignore[attr-defined]
            "item": f["item"].currentData(),  # type: ignore[attr-defined]
            "slot_minutes": f["slot_minutes"].value(),  # type: ignore[attr-defined]
            "capacity": f["capacity"].value(),  # type: ignore[attr-defined]
            "morning": f["morning"].value(),  # type: ignore[attr-defined]
            "afternoon": f["afternoon"].value(),  # type: ignore[attr-defined]
            "days_ahead": f["days_ahead"].value(),  # type: ignore[attr-defined]
            "active": self.active.isChecked(),
        }


class ClosedDayForm(ServiceForm):
    def __init__(
        self,
        schedule: ScheduleRecord,
        first_day: date,
        perform: Callable[[dict[str, Any]], Any],
        reopen: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("重新开放某日") if reopen else tr("关闭某日"), perform, parent)
        self.setObjectName("reopen_form" if reopen else "close_day_form")
        self.form.addRow(tr("预约安排"), QLabel(schedule.label()))
        self.add_field("day", tr("日期"), date_edit(first_day))
        if not reopen:
            self.add_field("reason", tr("原因（告知预约人）"), QLineEdit())


class AppointmentSettingsPage(QWidget):
    def __init__(self, ctx: AppContext, actor: Actor) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.rows: list[ScheduleRecord] = []
        self.choices: schedules.ScheduleChoices | None = None
        self.form: QWidget | None = None
        self.table = list_table(
            "schedule_table",
            [
                tr("窗口/事项"),
                tr("时段长度"),
                tr("每时段人数"),
                tr("上午"),
                tr("下午"),
                tr("可提前"),
                tr("状态"),
                tr("关闭的日期"),
            ],
        )
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.message = QLabel()
        self.message.setObjectName("schedule_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for key, text, slot in (
            ("add", tr("新增…"), self.add),
            ("edit", tr("修改…"), self.edit),
            ("close", tr("关闭某日…"), self.close_day),
            ("reopen", tr("重新开放某日…"), self.reopen_day),
        ):
            button = QPushButton(text)
            button.setObjectName(f"schedule_{key}")
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel(
            tr("法定节假日不开放预约，调休上班日开放（见“工作日历”）；另可按窗口关闭某日。")
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        ctx, actor = self.ctx, self.actor
        run_op(
            self,
            lambda: (
                schedules.list_schedules(ctx.uow(), actor, include_inactive=True),
                schedules.schedule_choices(ctx.uow(), actor),
            ),
            self.fill,
            self._failed,
        )

    def fill(self, loaded: tuple[list[ScheduleRecord], schedules.ScheduleChoices]) -> None:
        if not shiboken6.isValid(self):
            return
        self.rows, self.choices = loaded
        self.table.setRowCount(len(self.rows))
        for r, s in enumerate(self.rows):
            values = [
                s.label(),
                tr("%s 分钟") % s.slot_minutes,
                str(s.capacity),
                s.morning.text() if s.morning else tr("不开放"),
                s.afternoon.text() if s.afternoon else tr("不开放"),
                tr("%s 天") % s.days_ahead,
                tr("开放") if s.active else tr("已停用"),
                "、".join(f"{c.day:%m-%d} {c.reason}" for c in s.closed_days),
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def selected(self) -> ScheduleRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _save(self, values: dict[str, Any]) -> int:
        data = ScheduleInput(
            window_number=values["window"],
            item_code=values["item"] or "",
            slot_minutes=values["slot_minutes"],
            capacity=values["capacity"],
            morning=values["morning"],
            afternoon=values["afternoon"],
            days_ahead=values["days_ahead"],
            active=values["active"],
        )
        return schedules.save_schedule(self.ctx.uow(), self.actor, data)

    def _open(self, form: ServiceForm, done: str) -> None:
        form.accepted.connect(lambda: self._done(done))
        self.form = form
        form.open()

    def add(self) -> None:
        if self.choices is not None:
            self._open(ScheduleForm(self.choices, None, self._save, self), tr("已保存预约时段"))

    def edit(self) -> None:
        chosen = self.selected()
        if chosen is not None and self.choices is not None:
            self._open(ScheduleForm(self.choices, chosen, self._save, self), tr("已保存预约时段"))

    def close_day(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.message.setText(tr("请先在表中选择一个预约安排"))
            return
        ctx, actor = self.ctx, self.actor
        form = ClosedDayForm(
            chosen,
            hall_time(ctx.clock.now()).date(),
            lambda v: schedules.close_day(ctx.uow(), actor, chosen.id, v["day"], v["reason"]),
            False,
            self,
        )
        self._open(form, tr("已关闭该日的预约"))

    def reopen_day(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.message.setText(tr("请先在表中选择一个预约安排"))
            return
        ctx, actor = self.ctx, self.actor
        today = hall_time(ctx.clock.now()).date()
        first = chosen.closed_days[0].day if chosen.closed_days else today
        form = ClosedDayForm(
            chosen,
            first,
            lambda v: schedules.reopen_day(ctx.uow(), actor, chosen.id, v["day"]),
            True,
            self,
        )
        self._open(form, tr("已重新开放该日的预约"))

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.message.setText(exc.message)
            return
        raise exc

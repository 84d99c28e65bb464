"""The small forms of the appointments page: book, move, cancel. Each submits off the GUI
thread and shows a refused field's message at the field (``ui.forms.ServiceForm``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.appointments import schedule as schedules
from app.appointments.records import AppointmentRecord, BookingChannel, DayPlan, ScheduleRecord
from app.context import AppContext
from app.roles import Actor
from ui.appointments.labels import channel_text, tr
from ui.forms import ServiceForm
from ui.ops import run_op


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class SlotChooser:
    """Keeps a slot box in step with a schedule and a day: the free places of each slot, full
    ones shown but not choosable, and why a closed day cannot be booked."""

    def __init__(
        self,
        form: ServiceForm,
        ctx: AppContext,
        actor: Actor,
        day: QDateEdit,
        slots: QComboBox,
        keep_start: int | None = None,
    ) -> None:
        self.form, self.ctx, self.actor = form, ctx, actor
        self.day, self.slots = day, slots
        self.keep_start = keep_start  # a move may not pick the slot it leaves
        self.schedule_id: int | None = None
        self.plan: DayPlan | None = None
        self.day.dateChanged.connect(lambda _d: self.reload())

    def set_schedule(self, schedule_id: int | None) -> None:
        self.schedule_id = schedule_id
        self.reload()

    def reload(self) -> None:
        self.slots.clear()
        self.plan = None
        if self.schedule_id is None:
            return
        sid, day = self.schedule_id, self.day.date().toPython()
        assert isinstance(day, date)
        ctx, actor = self.ctx, self.actor
        run_op(
            self.form,
            lambda: schedules.day_plan(ctx.uow(), actor, sid, day),
            self._show,
            self.form._failed,
        )

    def _show(self, plan: DayPlan) -> None:
        if self.schedule_id != plan.schedule_id or self.day.date().toPython() != plan.day:
            return  # the clerk chose another day meanwhile
        self.plan = plan
        self.slots.clear()
        error = self.form.errors["slot"]
        if not plan.open:
            error.setText(plan.closed_reason)
            error.show()
            return
        error.hide()
        model = self.slots.model()
        assert isinstance(model, QStandardItemModel)
        for slot in plan.slots:
            if slot.free:
                text = tr("%s（余 %s 位）") % (slot.text(), slot.free)
            else:
                text = tr("%s（已约满）") % slot.text()
            self.slots.addItem(text, slot.start)
            if not slot.free or (self.keep_start is not None and slot.start == self.keep_start):
                model.item(self.slots.count() - 1).setEnabled(False)
        first = next((i for i in range(self.slots.count()) if model.item(i).isEnabled()), -1)
        self.slots.setCurrentIndex(first)
        self.form.slots_loaded.emit()


class BookingForm(ServiceForm):
    """新预约: which schedule and slot, who, for what item, how they booked."""

    slots_loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        schedules_: Sequence[ScheduleRecord],
        items: Sequence[tuple[str, str]],
        perform: Callable[[dict[str, Any]], Any],
        first_day: date,
        parent: QWidget | None = None,
        schedule_id: int | None = None,
    ) -> None:
        super().__init__(tr("新预约"), perform, parent)
        self.setObjectName("booking_form")
        self._items = list(items)
        self._schedules = {s.id: s for s in schedules_}
        self.schedule = QComboBox()
        for s in schedules_:
            self.schedule.addItem(s.label(), s.id)
        self.add_field("schedule", tr("预约窗口/事项"), self.schedule)
        self.add_field("day", tr("日期"), date_edit(first_day))
        self.add_field("slot", tr("时段"), QComboBox())
        self.item = QComboBox()
        self.add_field("item", tr("办理事项"), self.item)
        name = QLineEdit()
        name.setMaxLength(100)
        self.add_field("visitor_name", tr("预约人姓名"), name)
        phone = QLineEdit()
        phone.setMaxLength(40)
        self.add_field("phone", tr("联系电话"), phone)
        channel = QComboBox()
        for value in (BookingChannel.PHONE, BookingChannel.COUNTER):
            channel.addItem(channel_text(value), value.value)
        self.add_field("channel", tr("预约方式"), channel)
        notes = QPlainTextEdit()
        notes.setPlaceholderText(tr("如：行动不便需协助、需带的特殊材料（可不填）"))
        notes.setFixedHeight(60)
        self.add_field("notes", tr("备注"), notes)
        self.chooser = SlotChooser(
            self,
            ctx,
            actor,
            self.fields["day"],
            self.fields["slot"],  # type: ignore[arg-type]
        )
        self.schedule.currentIndexChanged.connect(lambda _i: self._schedule_changed())
        if schedule_id is not None:
            self.schedule.setCurrentIndex(max(self.schedule.findData(schedule_id), 0))
        self._schedule_changed()
        self.resize(520, 480)

    def _schedule_changed(self) -> None:
        sid = self.schedule.currentData()
        chosen = self._schedules.get(sid)
        self.item.clear()
        if chosen is None or chosen.item_id is None:
            self.item.addItem(tr("（请选择事项）"), "")
        for code, name in self._items:
            if chosen is None or chosen.item_id is None or code == chosen.item_code:
                self.item.addItem(f"{code}  {name}", code)
        self.chooser.set_schedule(sid)


class MoveForm(ServiceForm):
    """改约: another day or slot of the same schedule; the number stays."""

    slots_loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        appointment: AppointmentRecord,
        perform: Callable[[dict[str, Any]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("改约"), perform, parent)
        self.setObjectName("move_form")
        self.form.addRow(
            tr("原预约"),
            QLabel(
                f"{appointment.number}  {appointment.visitor_name}  "
                f"{appointment.day:%Y-%m-%d} {appointment.slot_text()}"
            ),
        )
        self.add_field("day", tr("新日期"), date_edit(appointment.day))
        self.add_field("slot", tr("新时段"), QComboBox())
        self.add_field("reason", tr("改约原因（可不填）"), QLineEdit())
        self.chooser = SlotChooser(
            self,
            ctx,
            actor,
            self.fields["day"],  # type: ignore[arg-type]
            self.fields["slot"],  # type: ignore[arg-type]
        )
        self.chooser.set_schedule(appointment.schedule_id)
        self.resize(460, 240)


class CancelForm(ServiceForm):
    def __init__(
        self,
        appointment: AppointmentRecord,
        perform: Callable[[dict[str, Any]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("取消预约"), perform, parent)
        self.setObjectName("cancel_form")
        self.form.addRow(
            tr("预约"),
            QLabel(f"{appointment.number}  {appointment.visitor_name}  {appointment.slot_text()}"),
        )
        self.add_field("reason", tr("取消原因"), QLineEdit())

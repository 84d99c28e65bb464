"""预约: the day's appointments of a window in time order. Book (by phone or at the counter),
move, cancel, print or read out the confirmation, check a visitor in (the item's checklist
shows at once), and mark the no-shows at the end of the day."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.appointments import schedule as schedules
from app.appointments import service
from app.appointments.lifecycle import allowed_actions
from app.appointments.records import (
    AppointmentAction,
    AppointmentRecord,
    AppointmentState,
    BookingRequest,
    BookingResult,
    ScheduleRecord,
    VisitOpening,
)
from app.catalog.records import Necessity
from app.clock import hall_time
from app.context import AppContext
from app.errors import DomainError
from app.roles import Actor
from app.validation import mask_phone
from ui.appointments.forms import BookingForm, CancelForm, MoveForm, date_edit
from ui.appointments.labels import channel_text, state_text, tr
from ui.ops import run_op
from ui.tables import list_table


def necessity_text(necessity: Necessity) -> str:
    return {
        Necessity.REQUIRED: tr("必交"),
        Necessity.CONDITIONAL: tr("符合条件时提交"),
        Necessity.OPTIONAL: tr("选交"),
    }[necessity]


class AppointmentsPage(QWidget):
    appointment_booked = Signal(object)  # BookingResult
    checked_in = Signal(object)  # VisitOpening: the visit to open
    counter_requested = Signal(object)  # VisitOpening: "到受理台办理"

    def __init__(self, ctx: AppContext, actor: Actor, window_number: int | None = None) -> None:
        super().__init__()
        self.ctx, self.actor, self.window_number = ctx, actor, window_number
        self.schedules: list[ScheduleRecord] = []
        self.items: list[tuple[str, str]] = []
        self.rows: list[AppointmentRecord] = []
        self.opening: VisitOpening | None = None
        self.form: QWidget | None = None
        self.preview: QWidget | None = None

        self.window_combo = QComboBox()
        self.window_combo.setObjectName("appointment_window")
        self.window_combo.addItem(tr("全部窗口"), None)
        self.day = date_edit(self.today())
        self.day.setObjectName("appointment_day")
        self.window_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.day.dateChanged.connect(lambda _d: self.reload())
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("窗口")))
        top.addWidget(self.window_combo, 1)
        top.addWidget(QLabel(tr("日期")))
        top.addWidget(self.day)
        for text, days in ((tr("前一天"), -1), (tr("今天"), 0), (tr("后一天"), 1)):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, d=days: self.go_to(d))
            top.addWidget(button)

        self.table = list_table(
            "appointment_table",
            [
                tr("时段"),
                tr("预约号"),
                tr("预约人"),
                tr("电话"),
                tr("事项"),
                tr("状态"),
                tr("方式"),
                tr("备注"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.check_in())
        self.count_label = QLabel()
        self.count_label.setObjectName("appointment_counts")

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text, slot in (
            ("book", tr("新预约… (Ctrl+N)"), self.book),
            ("check_in", tr("签到"), self.check_in),
            ("move", tr("改约…"), self.move),
            ("cancel", tr("取消预约…"), self.cancel),
            ("print", tr("打印确认单"), self.print_confirmation),
        ):
            button = QPushButton(text)
            button.setObjectName(f"appointment_{key}")
            button.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        no_shows = QPushButton(tr("标记爽约（日终）"))
        no_shows.setObjectName("appointment_no_shows")
        no_shows.clicked.connect(self.mark_no_shows)
        actions.addWidget(no_shows)

        self.message = QLabel()
        self.message.setObjectName("appointment_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.arrival = QGroupBox(tr("签到"))
        self.arrival.setObjectName("arrival")
        self.arrival_text = QLabel()
        self.arrival_text.setObjectName("arrival_text")
        self.arrival_text.setWordWrap(True)
        self.checklist = QListWidget()
        self.checklist.setObjectName("arrival_checklist")
        self.to_counter = QPushButton(tr("到受理台办理"))
        self.to_counter.setObjectName("arrival_to_counter")
        self.to_counter.clicked.connect(self._to_counter)
        box = QVBoxLayout(self.arrival)
        box.addWidget(self.arrival_text)
        box.addWidget(QLabel(tr("请核对申请人带来的材料：")))
        box.addWidget(self.checklist)
        box.addWidget(self.to_counter, 0, Qt.AlignmentFlag.AlignRight)
        self.arrival.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.count_label)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.arrival, 2)
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.book)
        self._selection_changed()
        self._loaded = False
        self._select_after = ""  # the number to select once the list shows it

    # -- loading -----------------------------------------------------------------------------
    def today(self) -> date:
        return hall_time(self.ctx.clock.now()).date()

    def day_shown(self) -> date:
        value = self.day.date().toPython()
        assert isinstance(value, date)
        return value

    def go_to(self, offset: int) -> None:
        target = self.today() if offset == 0 else self.day_shown() + timedelta(days=offset)
        self.day.setDate(QDate(target.year, target.month, target.day))

    def showEvent(self, event: Any) -> None:
        # The schedules too, each time: an administrator may have opened a window since.
        ctx, actor = self.ctx, self.actor
        run_op(
            self,
            lambda: (
                schedules.list_schedules(ctx.uow(), actor),
                schedules.schedule_choices(ctx.uow(), actor),
            ),
            self._schedules_loaded,
            self._failed,
        )
        super().showEvent(event)

    def _schedules_loaded(self, loaded: tuple[list[ScheduleRecord], Any]) -> None:
        if not shiboken6.isValid(self):
            return
        self.schedules, choices = loaded
        self.items = list(choices.items)
        windows = sorted(
            {(s.window_number, s.window_id, s.window_name) for s in self.schedules if s.window_id},
            key=lambda w: w[0] or 0,
        )
        # First time: the clerk's own window; afterwards whatever was chosen.
        wanted = self.window_combo.currentData() if self._loaded else None
        self.window_combo.blockSignals(True)
        self.window_combo.clear()
        self.window_combo.addItem(tr("全部窗口"), None)
        for number, window_id, name in windows:
            self.window_combo.addItem(tr("%s号窗口（%s）") % (number, name), window_id)
            if (self._loaded and window_id == wanted) or (
                not self._loaded and number == self.window_number
            ):
                self.window_combo.setCurrentIndex(self.window_combo.count() - 1)
        self.window_combo.blockSignals(False)
        self._loaded = True
        if not self.schedules:
            self.message.setText(tr("尚未设置预约时段：请系统管理员在“预约设置”中设置。"))
        self.reload()

    def reload(self) -> None:
        day, window_id = self.day_shown(), self.window_combo.currentData()
        ctx, actor = self.ctx, self.actor
        run_op(
            self,
            lambda: service.day_appointments(ctx.uow(), actor, day, window_id),
            lambda rows: self.fill(day, window_id, rows),
            self._failed,
        )

    def fill(self, day: date, window_id: int | None, rows: list[AppointmentRecord]) -> None:
        if (day, window_id) != (self.day_shown(), self.window_combo.currentData()):
            return  # another day or window was chosen while this list was read
        selected = self.selected()
        wanted = self._select_after or (selected.number if selected is not None else "")
        self._select_after = ""
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            values = [
                a.slot_text(),
                a.number,
                a.visitor_name,
                mask_phone(a.phone),
                a.item_name,
                state_text(a.state),
                channel_text(a.channel),
                a.notes,
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if a.state in (AppointmentState.CANCELLED, AppointmentState.NO_SHOW):
                    cell.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, cell)
            if a.number == wanted:
                self.table.selectRow(r)
        counts = {s: sum(1 for a in rows if a.state is s) for s in AppointmentState}
        self.count_label.setText(
            tr("共 %s 个预约：待到 %s，已签到 %s，爽约 %s，已取消 %s")
            % (
                len(rows),
                counts[AppointmentState.BOOKED],
                counts[AppointmentState.CHECKED_IN],
                counts[AppointmentState.NO_SHOW],
                counts[AppointmentState.CANCELLED],
            )
        )
        self._selection_changed()

    def selected(self) -> AppointmentRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def open_number(self, number: str) -> None:
        """Today's list with ``number`` selected once it shows (the work list's 今日预约)."""
        self._select_after = number
        if self.day_shown() != self.today():
            self.go_to(0)  # the day's change reloads the list
        elif self._loaded:
            self.reload()

    def select_number(self, number: str) -> None:
        for r, a in enumerate(self.rows):
            if a.number == number:
                self.table.selectRow(r)
                return

    def _selection_changed(self) -> None:
        chosen = self.selected()
        moves = allowed_actions(chosen.state) if chosen is not None else []
        for key, action in (
            ("check_in", AppointmentAction.CHECK_IN),
            ("move", AppointmentAction.MOVE),
            ("cancel", AppointmentAction.CANCEL),
        ):
            self.buttons[key].setEnabled(action in moves)
        self.buttons["print"].setEnabled(
            chosen is not None and chosen.state is not AppointmentState.CANCELLED
        )

    # -- booking, moving, cancelling ---------------------------------------------------------
    def book(self) -> None:
        if not self.schedules:
            self.message.setText(tr("尚未设置预约时段：请系统管理员在“预约设置”中设置。"))
            return
        ctx, actor = self.ctx, self.actor

        def perform(v: dict[str, Any]) -> BookingResult:
            request = BookingRequest(
                schedule_id=v["schedule"],
                day=v["day"],
                start_minute=v["slot"] if v["slot"] is not None else -1,
                visitor_name=v["visitor_name"],
                phone=v["phone"],
                item_code=v["item"] or "",
                notes=v["notes"],
                channel=v["channel"],
            )
            return service.book_appointment(ctx.uow(), actor, request)

        window_id = self.window_combo.currentData()
        preferred = next((s.id for s in self.schedules if s.window_id == window_id), None)
        first_day = max(self.day_shown(), self.today())
        form = BookingForm(
            ctx, actor, self.schedules, self.items, perform, first_day, self, preferred
        )
        form.accepted.connect(lambda: self._booked(form.result_value))
        self.form = form
        form.open()

    def _booked(self, result: BookingResult) -> None:
        self.message.setText(
            tr("已预约：%s  可读给预约人：%s") % (result.number, result.read_out())
        )
        self.appointment_booked.emit(result)
        self._select_after = result.number
        self.day.setDate(QDate(result.day.year, result.day.month, result.day.day))
        self.reload()

    def move(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        ctx, actor = self.ctx, self.actor

        def perform(v: dict[str, Any]) -> AppointmentRecord:
            start = v["slot"] if v["slot"] is not None else -1
            return service.move_appointment(
                ctx.uow(), actor, chosen.id, chosen.row_version, v["day"], start, v["reason"]
            )

        form = MoveForm(ctx, actor, chosen, perform, self)
        form.accepted.connect(lambda: self._changed(tr("已改约：%s") % self._moved(form)))
        self.form = form
        form.open()

    def _moved(self, form: MoveForm) -> str:
        moved: AppointmentRecord = form.result_value
        return f"{moved.number}  {moved.day:%Y-%m-%d} {moved.slot_text()}"

    def cancel(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        ctx, actor = self.ctx, self.actor
        form = CancelForm(
            chosen,
            lambda v: service.cancel_appointment(
                ctx.uow(), actor, chosen.id, chosen.row_version, v["reason"]
            ),
            self,
        )
        form.accepted.connect(lambda: self._changed(tr("已取消预约 %s") % chosen.number))
        self.form = form
        form.open()

    def _changed(self, text: str) -> None:
        self.message.setText(text)
        self.reload()

    # -- arrival -----------------------------------------------------------------------------
    def check_in(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.state is not AppointmentState.BOOKED:
            return
        ctx, actor = self.ctx, self.actor
        run_op(
            self,
            lambda: service.check_in_appointment(ctx.uow(), actor, chosen.id, chosen.row_version),
            self._checked_in,
            self._failed,
        )

    def _checked_in(self, opening: VisitOpening) -> None:
        if not shiboken6.isValid(self):
            return
        self.opening = opening
        late = tr("（迟到）") if opening.late else ""
        self.arrival_text.setText(
            tr("%s 已签到%s：%s（%s），办理“%s”。")
            % (
                hall_time(opening.arrived_at).strftime("%H:%M"),
                late,
                opening.visitor_name,
                mask_phone(opening.phone),
                opening.item_name,
            )
            + (tr(" 备注：%s") % opening.notes if opening.notes else "")
        )
        self.checklist.clear()
        for i, m in enumerate(opening.checklist, 1):
            condition = f"（{m.condition}）" if m.condition else ""
            self.checklist.addItem(f"{i}. {m.name}　{necessity_text(m.necessity)}{condition}")
        self.arrival.show()
        self.message.setText(tr("已签到：%s") % opening.appointment_number)
        self.checked_in.emit(opening)
        self.reload()

    def _to_counter(self) -> None:
        if self.opening is not None:
            self.counter_requested.emit(self.opening)

    def mark_no_shows(self) -> None:
        day, window_id = self.day_shown(), self.window_combo.currentData()
        answer = QMessageBox.question(
            self,
            tr("标记爽约"),
            tr("把 %s 时段已过、仍未签到的预约都标记为爽约？") % day.isoformat(),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx, actor = self.ctx, self.actor
        run_op(
            self,
            lambda: service.mark_no_shows(ctx.uow(), actor, day, window_id),
            lambda n: self._changed(tr("已标记 %s 个爽约") % n),
            self._failed,
        )

    # -- printing ----------------------------------------------------------------------------
    def print_confirmation(self) -> None:
        from ui.printing.preview import open_print_preview

        chosen = self.selected()
        if chosen is not None:
            self.preview = open_print_preview(
                self, self.ctx, self.actor, "appointment", chosen.number
            )

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, DomainError):
            self.message.setText(exc.message)
            return
        raise exc

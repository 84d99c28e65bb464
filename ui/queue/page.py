"""排队叫号: take a ticket for a visitor at the front desk (取号, printed on A6 or a receipt
roll) and call the next one to this window (叫号, F9 from anywhere in the main window), recall
it, pass it over, send it to another window, or start serving it — which opens the visitor's
first-inquiry visit with the ticket number. A number a vendor's queue system called to this
window (``frontdesk queue called``) shows up here within seconds."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.errors import DomainError
from app.queue import hall, service
from app.queue.lifecycle import TicketAction, TicketState, allows
from app.queue.records import QueueGroupRecord, TakenTicket, TicketRecord
from app.roles import Actor
from ui.ops import run_op

POLL_MS = 5_000  # a vendor system's call reaches the counter within this


class QueuePage(QWidget):
    ticket_taken = Signal(object)  # TakenTicket
    ticket_called = Signal(object)  # TicketRecord
    visit_opened = Signal(int)  # the visit of a ticket being served

    def __init__(self, ctx: AppContext, actor: Actor, window_number: int | None = None) -> None:
        super().__init__()
        self.ctx, self.actor, self.window_number = ctx, actor, window_number
        self.current: TicketRecord | None = None
        self.taken: TakenTicket | None = None
        self.preview: QWidget | None = None

        take_box = QGroupBox(self.tr("取号"))
        self.group_row = QHBoxLayout()
        self.group_buttons: dict[str, QPushButton] = {}
        self.no_groups = QLabel(
            self.tr("尚未设置业务类别（系统管理员：frontdesk queue group set）")
        )
        self.group_row.addWidget(self.no_groups)
        self.group_row.addStretch(1)
        self.taken_label = QLabel()
        self.taken_label.setObjectName("queue_taken")
        self.print_button = QPushButton(self.tr("打印号票"))
        self.print_button.setObjectName("queue_print")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_ticket)
        taken_row = QHBoxLayout()
        taken_row.addWidget(self.taken_label, 1)
        taken_row.addWidget(self.print_button)
        take_layout = QVBoxLayout(take_box)
        take_layout.addLayout(self.group_row)
        take_layout.addLayout(taken_row)

        call_box = QGroupBox(self.tr("叫号"))
        self.number_label = QLabel("—")
        self.number_label.setObjectName("queue_current")
        font = QFont(self.font())
        font.setPointSize(40)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label = QLabel()
        self.state_label.setObjectName("queue_state")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (
            ("call", self.tr("叫号（F9）"), self.call_next),
            ("recall", self.tr("重呼"), self.recall),
            ("serve", self.tr("开始办理"), self.serve),
            ("skip", self.tr("过号"), self.skip),
            ("finish", self.tr("办理完毕"), self.finish),
        ):
            button = QPushButton(text)
            button.setObjectName(f"queue_{key}")
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
            self.buttons[key] = button
        self.transfer_combo = QComboBox()
        self.transfer_combo.setObjectName("queue_transfer_window")
        self.buttons["transfer"] = QPushButton(self.tr("转窗口"))
        self.buttons["transfer"].setObjectName("queue_transfer")
        self.buttons["transfer"].clicked.connect(self.transfer)
        row.addStretch(1)
        row.addWidget(self.transfer_combo)
        row.addWidget(self.buttons["transfer"])
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("queue_waiting")
        self.message = QLabel()
        self.message.setObjectName("queue_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        call_layout = QVBoxLayout(call_box)
        call_layout.addWidget(self.number_label)
        call_layout.addWidget(self.state_label)
        call_layout.addLayout(row)
        call_layout.addWidget(self.waiting_label)
        call_layout.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(take_box)
        layout.addWidget(call_box)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self._show_current(None)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.load_groups()
        self.refresh()

    # -- loading -----------------------------------------------------------------------------
    def load_groups(self) -> None:
        ctx, actor = self.ctx, self.actor

        def work() -> tuple[list[QueueGroupRecord], list[Any]]:
            return service.queue_groups(ctx.uow(), actor), hall.hall_windows(ctx.uow(), actor)

        run_op(self, work, self._groups_loaded, self._failed)

    def _groups_loaded(self, loaded: tuple[list[QueueGroupRecord], list[Any]]) -> None:
        groups, windows = loaded
        for button in self.group_buttons.values():
            button.deleteLater()
        self.group_buttons = {}
        self.no_groups.setVisible(not groups)
        for i, group in enumerate(groups):
            button = QPushButton(f"{group.code}  {group.name}")
            button.setObjectName(f"queue_take_{group.code}")
            button.clicked.connect(lambda _checked=False, c=group.code: self.take(c))
            self.group_row.insertWidget(i, button)
            self.group_buttons[group.code] = button
        self.transfer_combo.clear()
        for window in windows:
            if window.number != self.window_number:
                self.transfer_combo.addItem(
                    self.tr("%s号窗口（%s）") % (window.number, window.name), window.number
                )

    def refresh(self) -> None:
        """The ticket at this window now (a vendor's call included) and who is waiting."""
        ctx, actor, window = self.ctx, self.actor, self.window_number

        def work() -> tuple[TicketRecord | None, dict[str, int]]:
            return (
                service.current_ticket(ctx.uow(), actor, window),
                service.waiting_counts(ctx.uow(), actor),
            )

        run_op(self, work, self._refreshed, self._poll_failed)

    def _refreshed(self, found: tuple[TicketRecord | None, dict[str, int]]) -> None:
        current, waiting = found
        self._show_current(current)
        if waiting:
            parts = "，".join(f"{code} {count}" for code, count in sorted(waiting.items()))
            self.waiting_label.setText(self.tr("等候人数：%s") % parts)
        else:
            self.waiting_label.setText(self.tr("无人等候"))

    def _show_current(self, ticket: TicketRecord | None) -> None:
        self.current = ticket
        self.number_label.setText(ticket.number if ticket else "—")
        if ticket is None:
            self.state_label.setText(self.tr("本窗口当前没有号"))
        elif ticket.state is TicketState.CALLED:
            self.state_label.setText(self.tr("已叫号，等候来人（重呼 %s 次）") % ticket.recalls)
        else:
            self.state_label.setText(self.tr("办理中"))
        state = ticket.state if ticket else None
        for key, action in (
            ("recall", TicketAction.RECALL),
            ("serve", TicketAction.SERVE),
            ("skip", TicketAction.SKIP),
            ("finish", TicketAction.FINISH),
            ("transfer", TicketAction.TRANSFER),
        ):
            self.buttons[key].setEnabled(state is not None and allows(state, action))

    # -- 取号 --------------------------------------------------------------------------------
    def take(self, code: str) -> None:
        ctx, actor = self.ctx, self.actor
        self.message.clear()
        run_op(self, lambda: service.take_ticket(ctx.uow(), actor, code), self._taken, self._failed)

    def _taken(self, taken: TakenTicket) -> None:
        self.taken = taken
        windows = "、".join(str(n) for n in taken.window_numbers)
        self.taken_label.setText(
            self.tr("%s（%s），前面 %s 人等候，请到 %s 号窗口")
            % (taken.number, taken.group_name, taken.ahead, windows)
        )
        self.print_button.setEnabled(True)
        self.ticket_taken.emit(taken)
        self.refresh()

    def print_ticket(self) -> None:
        from ui.printing.preview import open_print_preview

        if self.taken is not None:
            self.preview = open_print_preview(
                self, self.ctx, self.actor, "queue_ticket", self.taken.number
            )

    # -- 叫号 --------------------------------------------------------------------------------
    def call_next(self) -> None:
        ctx, actor, window = self.ctx, self.actor, self.window_number
        self.message.clear()
        run_op(
            self, lambda: service.call_next(ctx.uow(), actor, window), self._called, self._failed
        )

    def _called(self, ticket: TicketRecord | None) -> None:
        if ticket is None:
            self.message.setText(self.tr("没有等候的号"))
            self.refresh()
            return
        self._show_current(ticket)
        self.ticket_called.emit(ticket)
        self.refresh()

    def _act(self, work: Any, done: Any = None) -> None:
        ticket = self.current
        if ticket is None:
            return
        ctx, actor = self.ctx, self.actor
        self.message.clear()
        run_op(
            self,
            lambda: work(ctx.uow(), actor, ticket.id, ticket.row_version),
            done or self._moved,
            self._failed,
        )

    def _moved(self, _ticket: TicketRecord) -> None:
        self.refresh()

    def recall(self) -> None:
        self._act(service.recall_ticket)

    def skip(self) -> None:
        self._act(service.skip_ticket)

    def finish(self) -> None:
        self._act(service.finish_ticket)

    def transfer(self) -> None:
        target = self.transfer_combo.currentData()
        self._act(
            lambda uow, actor, ticket_id, version: service.transfer_ticket(
                uow, actor, ticket_id, version, target
            )
        )

    def serve(self) -> None:
        self._act(service.serve_ticket, self._served)

    def _served(self, served: tuple[TicketRecord, Any]) -> None:
        ticket, visit = served
        self._show_current(ticket)
        self.message.setText(self.tr("已登记来访 %s") % visit.number)
        self.visit_opened.emit(visit.id)

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, DomainError):
            errors = getattr(exc, "errors", None)
            self.message.setText("；".join(errors.values()) if errors else exc.message)
            self.refresh()
            return
        raise exc

    def _poll_failed(self, exc: BaseException) -> None:
        """A poll that failed says so and waits for the next turn of the timer."""
        if not shiboken6.isValid(self):
            return
        if not isinstance(exc, DomainError):
            raise exc
        self.message.setText(exc.message)

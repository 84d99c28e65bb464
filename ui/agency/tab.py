"""The case window's "全程代办" tab: take the case on as an agency case (with the written
authorisation), record the agent's steps (also at other departments) and the contacts with
the applicant. Delivery stays the case's own action; for an agency case it records the
agency's last step too (``app.agency.service.deliver_agency_result``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.agency import service
from app.agency.records import AgencyRecord, ContactChannel, ContactInput, StepInput
from app.cases.records import CaseRecord
from app.clock import DEFAULT_TZ, hall_time
from app.context import AppContext
from app.errors import DomainError
from app.roles import Actor
from ui.agency.terms import (
    channel_text,
    fill_agents,
    load_agents,
    reason_text,
    term_widgets,
    terms_of,
    tr,
)
from ui.forms import ServiceForm, error_label
from ui.ops import run_op


def time_edit(now: datetime) -> QDateTimeEdit:
    local = hall_time(now).replace(tzinfo=None, second=0, microsecond=0)
    edit = QDateTimeEdit(QDateTime(local))
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    edit.setMaximumDateTime(QDateTime(local))
    return edit


def stamp(at: datetime) -> str:
    return hall_time(at).strftime("%Y-%m-%d %H:%M")


def moment(edit: QDateTimeEdit) -> datetime:
    local = edit.dateTime().toPython()
    assert isinstance(local, datetime)
    return local.replace(tzinfo=DEFAULT_TZ)


class TakeOnForm(ServiceForm):
    agents_loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        perform: Callable[[dict[str, Any]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("转为全程代办"), perform, parent)
        self.setObjectName("take_on_form")
        note = QLabel(tr("须有申请人签字的书面委托书；办理时限不变。"))
        note.setWordWrap(True)
        self.form.addRow(note)
        for key, label, widget in term_widgets(hall_time(ctx.clock.now()).date()):
            self.add_field(key, label, widget)
        agent = self.fields["agent"]
        assert isinstance(agent, QComboBox)
        load_agents(self, ctx, actor, lambda a: self._agents(agent, a, actor.staff_id))
        self.resize(520, 380)

    def _agents(self, combo: QComboBox, agents: Any, preferred: int) -> None:
        fill_agents(combo, agents, preferred)
        self.agents_loaded.emit()


class StepForm(ServiceForm):
    def __init__(
        self, now: datetime, perform: Callable[[dict[str, Any]], Any], parent: QWidget | None
    ) -> None:
        super().__init__(tr("记录代办环节"), perform, parent)
        self.setObjectName("agency_step_form")
        self.when = time_edit(now)
        self.form.addRow(tr("时间"), self.when)
        department = QLineEdit()
        department.setPlaceholderText(tr("如：乡民政所、县残联、本中心"))
        self.add_field("department", tr("办理部门"), department)
        action = QPlainTextEdit()
        action.setFixedHeight(56)
        self.add_field("action", tr("办理内容"), action)
        result = QPlainTextEdit()
        result.setFixedHeight(56)
        self.add_field("result", tr("办理结果"), result)
        self.errors["at"] = error_label("at")
        self.form.addRow("", self.errors["at"])
        self.resize(480, 340)

    def values(self) -> dict[str, Any]:
        return {**super().values(), "at": moment(self.when)}


class ContactForm(ServiceForm):
    def __init__(
        self, now: datetime, perform: Callable[[dict[str, Any]], Any], parent: QWidget | None
    ) -> None:
        super().__init__(tr("记录联系申请人"), perform, parent)
        self.setObjectName("agency_contact_form")
        self.when = time_edit(now)
        self.form.addRow(tr("时间"), self.when)
        channel = QComboBox()
        for value in ContactChannel:
            channel.addItem(channel_text(value), value.value)
        self.add_field("channel", tr("联系方式"), channel)
        summary = QPlainTextEdit()
        summary.setPlaceholderText(tr("告知了什么（办理进度、还需配合的事项）"))
        summary.setFixedHeight(70)
        self.add_field("summary", tr("告知内容"), summary)
        self.errors["at"] = error_label("at")
        self.form.addRow("", self.errors["at"])
        self.resize(460, 280)

    def values(self) -> dict[str, Any]:
        return {**super().values(), "at": moment(self.when)}


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class AgencyTab(QWidget):
    changed = Signal()  # the case was taken on, or a record was added

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agency_tab")
        self.ctx, self.actor = ctx, actor
        self.case: CaseRecord | None = None
        self.record: AgencyRecord | None = None
        self.form: QWidget | None = None
        self.status = QLabel()
        self.status.setObjectName("agency_status")
        self.status.setWordWrap(True)
        self.info = QLabel()
        self.info.setObjectName("agency_info")
        self.info.setWordWrap(True)
        self.steps = _table(
            [tr("时间"), tr("办理部门"), tr("办理内容"), tr("结果"), tr("记录人")], "agency_steps"
        )
        self.contacts = _table(
            [tr("时间"), tr("方式"), tr("告知内容"), tr("记录人")], "agency_contacts"
        )
        self.take_on = QPushButton(tr("转为全程代办…"))
        self.take_on.setObjectName("agency_take_on")
        self.take_on.clicked.connect(self.open_take_on)
        self.add_step = QPushButton(tr("记录代办环节…"))
        self.add_step.setObjectName("agency_add_step")
        self.add_step.clicked.connect(self.open_step)
        self.add_contact = QPushButton(tr("记录联系申请人…"))
        self.add_contact.setObjectName("agency_add_contact")
        self.add_contact.clicked.connect(self.open_contact)
        buttons = QHBoxLayout()
        for button in (self.take_on, self.add_step, self.add_contact):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("agency_message")
        self.message.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.info)
        layout.addWidget(QLabel(tr("代办环节（含到其他部门办理）")))
        layout.addWidget(self.steps, 2)
        layout.addWidget(QLabel(tr("联系申请人")))
        layout.addWidget(self.contacts, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def load(self, case: CaseRecord) -> None:
        self.case = case
        ctx, actor = self.ctx, self.actor
        run_op(
            self,
            lambda: service.agency_detail(ctx.uow(), actor, case.id),
            self.show_record,
            self._failed,
        )

    def show_record(self, record: AgencyRecord | None) -> None:
        if not shiboken6.isValid(self) or self.case is None:
            return
        self.record = record
        closed = self.case.state.value in ("delivered", "withdrawn", "terminated")
        if record is None:
            self.status.setText(tr("本件不是全程代办件。"))
            self.info.clear()
        else:
            self.status.setText(tr("本件为全程代办件，由代办员%s全程办理。") % record.agent_name)
            self.info.setText(
                tr("服务对象：%s　委托日期：%s　委托书：%s\n委托事项：%s\n登记：%s %s")
                % (
                    reason_text(record.reason),
                    f"{record.authorised_on:%Y-%m-%d}",
                    record.document_ref,
                    record.scope,
                    record.taken_on_by_name,
                    stamp(record.taken_on_at),
                )
            )
        steps = record.steps if record else ()
        self.steps.setRowCount(len(steps))
        for r, s in enumerate(steps):
            values = [stamp(s.at), s.department, s.action, s.result, s.staff_name]
            for c, value in enumerate(values):
                self.steps.setItem(r, c, QTableWidgetItem(value))
        contacts = record.contacts if record else ()
        self.contacts.setRowCount(len(contacts))
        for r, contact in enumerate(contacts):
            values = [
                stamp(contact.at),
                channel_text(contact.channel),
                contact.summary,
                contact.staff_name,
            ]
            for c, value in enumerate(values):
                self.contacts.setItem(r, c, QTableWidgetItem(value))
        self.steps.resizeColumnsToContents()
        self.contacts.resizeColumnsToContents()
        self.take_on.setVisible(record is None)
        self.take_on.setEnabled(not closed)
        for button in (self.add_step, self.add_contact):
            button.setVisible(record is not None)
            button.setEnabled(not closed)

    # -- forms -------------------------------------------------------------------------------
    def _open(self, form: ServiceForm, done: str) -> None:
        form.accepted.connect(lambda: self._done(done))
        self.form = form
        form.open()

    def open_take_on(self) -> None:
        case, ctx, actor = self.case, self.ctx, self.actor
        if case is None:
            return
        form = TakeOnForm(
            ctx,
            actor,
            lambda v: service.take_on_agency(
                ctx.uow(), actor, case.id, case.row_version, terms_of(v)
            ),
            self,
        )
        self._open(form, tr("已转为全程代办件"))

    def open_step(self) -> None:
        case, ctx, actor = self.case, self.ctx, self.actor
        if case is None:
            return
        form = StepForm(
            ctx.clock.now(),
            lambda v: service.record_agency_step(
                ctx.uow(),
                actor,
                case.id,
                StepInput(v["department"], v["action"], v["result"], v["at"]),
            ),
            self,
        )
        self._open(form, tr("已记录代办环节"))

    def open_contact(self) -> None:
        case, ctx, actor = self.case, self.ctx, self.actor
        if case is None:
            return
        form = ContactForm(
            ctx.clock.now(),
            lambda v: service.record_agency_contact(
                ctx.uow(), actor, case.id, ContactInput(v["channel"], v["summary"], v["at"])
            ),
            self,
        )
        self._open(form, tr("已记录联系情况"))

    def _done(self, text: str) -> None:
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(text)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, DomainError):
            self.message.setText(exc.message)
            return
        raise exc

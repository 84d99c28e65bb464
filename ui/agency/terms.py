"""The agency authorisation as the screens ask for it: the agent (代办员), who the applicant
is (elderly, disabled, remote village, key-project enterprise), the date of the written
authorisation, what it covers, and where the signed paper is kept.

Used by the case window ("转为全程代办") and by the counter's optional "全程代办" box."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.agency.records import AgencyReason, AgencyTerms, AgentChoice, ContactChannel
from app.context import AppContext
from app.roles import Actor
from ui.forms import error_label, field_value, show_error
from ui.ops import run_op

TERM_FIELDS = ("agent", "reason", "authorised_on", "scope", "document_ref")


def tr(text: str) -> str:
    # lupdate files calls of a bare tr() under the empty context.
    return QCoreApplication.translate("", text)


def reason_text(reason: AgencyReason) -> str:
    return {
        AgencyReason.ELDERLY: tr("高龄老人"),
        AgencyReason.DISABLED: tr("残疾人"),
        AgencyReason.REMOTE_VILLAGE: tr("偏远村组群众"),
        AgencyReason.KEY_PROJECT: tr("重点项目企业"),
    }[reason]


def channel_text(channel: ContactChannel) -> str:
    return {
        ContactChannel.PHONE: tr("电话"),
        ContactChannel.VISIT: tr("上门"),
        ContactChannel.COUNTER: tr("来窗口"),
        ContactChannel.SMS: tr("短信"),
        ContactChannel.WECHAT: tr("微信"),
    }[channel]


def term_widgets(today: date, compact: bool = False) -> list[tuple[str, str, QWidget]]:
    """(field, label, widget) of the authorisation, in the order they are asked; ``compact``
    asks the scope on one line (the counter, where the materials need the room)."""
    agent = QComboBox()
    reason = QComboBox()
    for value in AgencyReason:
        reason.addItem(reason_text(value), value.value)
    day = QDateEdit(QDate(today.year, today.month, today.day))
    day.setCalendarPopup(True)
    day.setDisplayFormat("yyyy-MM-dd")
    scope: QLineEdit | QPlainTextEdit = QLineEdit() if compact else QPlainTextEdit()
    scope.setPlaceholderText(tr("如：代为提交申请材料、到相关部门办理、领取并送达结果"))
    if isinstance(scope, QPlainTextEdit):
        scope.setFixedHeight(56)
    document = QLineEdit()
    document.setPlaceholderText(tr("如：委托书 WT-2026-031（存档案柜）"))
    return [
        ("agent", tr("代办员"), agent),
        ("reason", tr("服务对象"), reason),
        ("authorised_on", tr("委托书签署日期"), day),
        ("scope", tr("委托事项和权限"), scope),
        ("document_ref", tr("委托书编号/存放处"), document),
    ]


def fill_agents(combo: QComboBox, agents: Sequence[AgentChoice], preferred: int | None) -> None:
    combo.clear()
    combo.addItem(tr("（请选择代办员）"), None)
    for a in agents:
        window = tr("（%s号窗口）") % a.window_number if a.window_number else ""
        combo.addItem(a.name + window, a.staff_id)
        if a.staff_id == preferred:
            combo.setCurrentIndex(combo.count() - 1)


def terms_of(values: dict[str, Any]) -> AgencyTerms:
    return AgencyTerms(
        agent_id=values["agent"],
        reason=values["reason"],
        authorised_on=values["authorised_on"],
        scope=values["scope"],
        document_ref=values["document_ref"],
    )


def load_agents(
    parent: QWidget, ctx: AppContext, actor: Actor, done: Callable[[list[AgentChoice]], None]
) -> None:
    from app.agency import service

    run_op(parent, lambda: service.agency_agents(ctx.uow(), actor), done)


class AgencyBox(QWidget):
    """The counter's optional "全程代办" box: a tick, and when ticked the authorisation."""

    def __init__(self, ctx: AppContext, actor: Actor, today: Callable[[], date]) -> None:
        super().__init__()
        self.ctx, self.actor, self._today = ctx, actor, today
        self.check = QCheckBox(tr("全程代办(&Q)"))
        self.check.setObjectName("agency_check")
        self.check.setToolTip(tr("工作人员代为办理全部手续，须有申请人书面委托"))
        # Off the Tab chain on the way to the materials (Alt+Q or the mouse tick it); its
        # fields join the chain when it is ticked.
        self.check.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.check.toggled.connect(self._toggled)
        self.details = QWidget()
        grid = QGridLayout(self.details)
        grid.setContentsMargins(16, 0, 0, 0)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        # Two fields a row (the scope takes a whole row), each with its message line below.
        places = {
            "agent": (0, 0, 1),
            "reason": (0, 2, 1),
            "authorised_on": (2, 0, 1),
            "document_ref": (2, 2, 1),
            "scope": (4, 0, 3),
        }
        for key, label, widget in term_widgets(today(), compact=True):
            widget.setObjectName(f"agency_{key}")
            self.fields[key], self.errors[key] = widget, error_label(f"agency_{key}")
            row, column, span = places[key]
            grid.addWidget(QLabel(label), row, column)
            grid.addWidget(widget, row, column + 1, 1, span)
            grid.addWidget(self.errors[key], row + 1, column + 1, 1, span)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.details.hide()
        self._agents_loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.details)

    @property
    def chosen(self) -> bool:
        return self.check.isChecked()

    def _toggled(self, on: bool) -> None:
        self.details.setVisible(on)
        if on and self.isVisible():
            self.fields["agent"].setFocus(Qt.FocusReason.ShortcutFocusReason)
        if on and not self._agents_loaded:
            self._agents_loaded = True
            agent = self.fields["agent"]
            assert isinstance(agent, QComboBox)
            load_agents(
                self, self.ctx, self.actor, lambda a: fill_agents(agent, a, self.actor.staff_id)
            )

    def terms(self) -> AgencyTerms:
        return terms_of({key: field_value(w) for key, w in self.fields.items()})

    def show_errors(self, errors: dict[str, str]) -> set[str]:
        placed = {key for key in errors if key in self.errors}
        for key in placed:
            show_error(self.errors[key], errors[key])
        return placed

    def clear_errors(self) -> None:
        for label in self.errors.values():
            show_error(label, "")

    def reset(self) -> None:
        """Ready for the next visitor: unticked, nothing of the last authorisation kept."""
        self.check.setChecked(False)
        for widget in self.fields.values():
            if isinstance(widget, QPlainTextEdit | QLineEdit):
                widget.clear()
        day = self._today()
        date_edit = self.fields["authorised_on"]
        assert isinstance(date_edit, QDateEdit)
        date_edit.setDate(QDate(day.year, day.month, day.day))
        self.clear_errors()

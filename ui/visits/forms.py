"""The small forms of first-inquiry work. Each submits to its service off the GUI thread and
shows the service's refusals at the field (``ui.forms.ServiceForm``); none decides a rule."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.clock import DEFAULT_TZ
from app.visits.lifecycle import AwayReason, Outcome, VisitType
from ui.forms import ServiceForm, error_label
from ui.visits.labels import reason_text, tr, type_text


def _submit_keys(form: ServiceForm) -> None:
    """Ctrl+Enter submits from anywhere in the form, multi-line fields included."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), form).activated.connect(form.submit)


def _text(placeholder: str = "", height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(height)
    return edit


def _line(placeholder: str = "", max_length: int = 200) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(max_length)
    return edit


class RegisterForm(ServiceForm):
    """登记来访, keyboard first: the question, then who asked; an answer typed at once ends
    the visit in the same step (the quick question at the counter)."""

    def __init__(self, perform: Callable[[dict[str, Any]], Any], parent: QWidget | None = None):
        super().__init__(tr("登记来访"), perform, parent)
        self.setObjectName("register_visit")
        self.setMinimumWidth(520)
        self.add_field("question", tr("咨询/办理事项"), _text(tr("来访人问什么、要办什么")))
        kind = QComboBox()
        for value in VisitType:
            kind.addItem(type_text(value), value.value)
        self.add_field("visit_type", tr("类型"), kind)
        self.add_field("visitor_name", tr("姓名（可不填）"), _line(max_length=100))
        self.add_field("phone", tr("联系电话"), _line(tr("投诉时须填写；转办时便于跟进"), 40))
        self.add_field("id_number", tr("身份证号（需要时）"), _line(max_length=40))
        self.escort = QCheckBox(tr("老年人或残疾人，需工作人员陪同引导"))
        self.escort.setObjectName("needs_escort")
        self.form.addRow("", self.escort)
        self.add_field(
            "answer", tr("当场答复（填写即办结）"), _text(tr("已当场答复的，写明答复内容"))
        )
        self.ok_button.setText(tr("登记 (Ctrl+Enter)"))
        _submit_keys(self)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.fields["question"].setFocus()  # the clerk types the question first

    def values(self) -> dict[str, Any]:
        return {**super().values(), "needs_escort": self.escort.isChecked()}


class OutcomeForm(ServiceForm):
    """办结: the outcome must be chosen; the service refuses a visit ended without one."""

    def __init__(
        self,
        perform: Callable[[dict[str, Any]], Any],
        preset: Outcome | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(tr("办结来访：记录结果"), perform, parent)
        self.setObjectName("close_visit")
        self.setMinimumWidth(480)
        outcome = QComboBox()
        outcome.addItem(tr("（请选择办理结果）"), None)
        outcome.addItem(tr("当场答复"), Outcome.ANSWERED.value)
        outcome.addItem(tr("转为申请（已受理或已出具告知单）"), Outcome.APPLICATION.value)
        self.add_field("outcome", tr("办理结果"), outcome)
        self.add_field("answer", tr("答复内容"), _text())
        self.add_field("guide_code", tr("已发办事指南（事项编码，可不填）"), _line("MZ-001", 64))
        self.add_field(
            "document_number", tr("办件编号（或告知单、不予受理通知书编号）"), _line(max_length=40)
        )
        outcome.currentIndexChanged.connect(lambda _i: self._show_fields())
        if preset is not None:
            outcome.setCurrentIndex(outcome.findData(preset.value))
        self._show_fields()
        _submit_keys(self)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.fields["outcome"].setFocus()

    def _show_fields(self) -> None:
        chosen = self.fields["outcome"].currentData()  # type: ignore[attr-defined]
        for key, visible in (
            ("answer", chosen != Outcome.APPLICATION.value),
            ("guide_code", chosen != Outcome.APPLICATION.value),
            ("document_number", chosen == Outcome.APPLICATION.value),
        ):
            self.form.setRowVisible(self.fields[key], visible)


class ReferForm(ServiceForm):
    """转办: inside the center (a colleague, a window or a department) or, for a matter outside
    the center's remit, the body that handles it and how to reach it."""

    def __init__(
        self,
        perform: Callable[[dict[str, Any]], Any],
        external: bool,
        staff: Sequence[tuple[int, str]] = (),
        windows: Sequence[tuple[int, str]] = (),
        departments: Sequence[tuple[int, str]] = (),
        items: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ):
        title = tr("非本中心职责：告知承办单位") if external else tr("转办（引导至中心内）")
        super().__init__(title, perform, parent)
        self.setObjectName("refer_external" if external else "refer_internal")
        self.setMinimumWidth(560)
        self.external = external
        if external:
            self.add_field("to_body", tr("承办单位"), _line(tr("如：县公安局户政科")))
            self.add_field(
                "to_contact", tr("地址和办公电话"), _line(tr("如：人民路12号，0310-6811110"), 300)
            )
            self.add_field("reason", tr("不属本中心办理的原因"), _text())
        else:
            self.add_field("to_staff", tr("接收人"), _combo(tr("（不指定个人）"), staff))
            self.add_field("to_window", tr("接收窗口"), _combo(tr("（按接收人所在窗口）"), windows))
            self.add_field(
                "to_department", tr("接收部门"), _combo(tr("（按窗口所属部门）"), departments)
            )
            self.add_field("to_phone", tr("联系电话（办公电话，可不填）"), _line(max_length=40))
            self.add_field("item_code", tr("服务事项（可不填）"), _combo(tr("（无）"), items))
            self.add_field("reason", tr("转办原因"), _text())
        self.ok_button.setText(tr("转办 (Ctrl+Enter)"))
        _submit_keys(self)

    def values(self) -> dict[str, Any]:
        return {**super().values(), "kind": "external" if self.external else "internal"}


def _combo(empty: str, choices: Sequence[tuple[Any, str]]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(empty, None)
    for value, label in choices:
        combo.addItem(label, value)
    return combo


class NoteForm(ServiceForm):
    """One written reason or note (recording a call, recalling a referral, reopening)."""

    def __init__(
        self,
        title: str,
        key: str,
        label: str,
        perform: Callable[[dict[str, Any]], Any],
        parent: QWidget | None = None,
    ):
        super().__init__(title, perform, parent)
        self.setObjectName(f"note_{key}")
        self.add_field(key, label, _text(height=80))
        _submit_keys(self)


class AwayForm(ServiceForm):
    """离岗登记: who (a clerk: themself), why, from when until when; the B post covers."""

    def __init__(
        self,
        perform: Callable[[dict[str, Any]], Any],
        staff: Sequence[tuple[int, str]],
        now: datetime,
        parent: QWidget | None = None,
    ):
        super().__init__(tr("离岗登记（AB岗）"), perform, parent)
        self.setObjectName("mark_away")
        who = QComboBox()
        for staff_id, name in staff:
            who.addItem(name, staff_id)
        self.add_field("staff_id", tr("工作人员"), who)
        reason = QComboBox()
        for value in AwayReason:
            reason.addItem(reason_text(value), value.value)
        self.add_field("reason", tr("原因"), reason)
        local = now.astimezone(DEFAULT_TZ).replace(tzinfo=None, second=0, microsecond=0)
        self.starts = _moment(local)
        self.ends = _moment(local.replace(hour=17, minute=30) if local.hour < 17 else local)
        self.fields["starts_at"], self.errors["starts_at"] = self.starts, error_label("starts_at")
        self.fields["ends_at"], self.errors["ends_at"] = self.ends, error_label("ends_at")
        for key, label, edit in (
            ("starts_at", tr("自"), self.starts),
            ("ends_at", tr("至"), self.ends),
        ):
            edit.setObjectName(key)
            self.form.addRow(label, edit)
            self.form.addRow("", self.errors[key])
        self.add_field("note", tr("备注"), _line(max_length=300))
        _submit_keys(self)

    def values(self) -> dict[str, Any]:
        return {
            "staff_id": self.fields["staff_id"].currentData(),  # type: ignore[attr-defined]
            "reason": self.fields["reason"].currentData(),  # type: ignore[attr-defined]
            "starts_at": _aware(self.starts),
            "ends_at": _aware(self.ends),
            "note": self.fields["note"].text(),  # type: ignore[attr-defined]
        }


def _moment(local: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(local))
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


def _aware(edit: QDateTimeEdit) -> datetime:
    local = edit.dateTime().toPython()
    assert isinstance(local, datetime)
    return local.replace(tzinfo=DEFAULT_TZ)

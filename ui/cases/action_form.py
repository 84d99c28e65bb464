"""The small form each case action asks for (reason, days, outcome, who collected ...).
Field errors from the service are shown next to the field; the form stays open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.cases.lifecycle import CaseAction, DeliveryMethod, Outcome, SuspensionKind
from app.errors import DomainError, ValidationError
from ui.cases.labels import action_text, suspension_text, tr
from ui.ops import run_op


class ActionForm(QDialog):
    """Collects the inputs of one action; ``submit`` calls ``perform(values)`` off the GUI
    thread and closes only when the service accepted it."""

    def __init__(
        self,
        action: CaseAction,
        perform: Callable[[dict[str, Any]], Any],
        next_step: tuple[int, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"action_{action.value}")
        self.setWindowTitle(action_text(action))
        self.action, self._perform = action, perform
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.result_value: Any = None
        self.form = QFormLayout()
        if action is CaseAction.SUSPEND:
            kind = QComboBox()
            for k in SuspensionKind:
                kind.addItem(suspension_text(k), k.value)
            self._add("kind", tr("类型"), kind)
            self._add("reason", tr("原因（将书面告知申请人）"), QPlainTextEdit())
        elif action is CaseAction.EXTEND:
            days = QSpinBox()
            days.setRange(1, 365)
            self._add("days", tr("延长工作日"), days)
            self._add("reason", tr("延期理由"), QPlainTextEdit())
        elif action is CaseAction.DECIDE:
            outcome = QComboBox()
            outcome.addItem(tr("准予"), Outcome.APPROVED.value)
            outcome.addItem(tr("不予"), Outcome.DENIED.value)
            self._add("outcome", tr("决定"), outcome)
            self._add("note", tr("说明（不予时必须写明理由）"), QPlainTextEdit())
        elif action is CaseAction.DELIVER:
            method = QComboBox()
            for value, label in (
                (DeliveryMethod.PICKUP, tr("窗口领取")),
                (DeliveryMethod.MAIL, tr("邮寄")),
                (DeliveryMethod.ELECTRONIC, tr("电子送达")),
            ):
                method.addItem(label, value.value)
            self._add("method", tr("送达方式"), method)
            self._add("collected_by", tr("领取人姓名"), QLineEdit())
            self._add("collector_id_number", tr("领取人身份证号（已核验）"), QLineEdit())
        elif action is CaseAction.WITHDRAW:
            self._add("reason", tr("撤回原因"), QPlainTextEdit())
        elif action is CaseAction.COMPLETE_STEP and next_step is not None:
            self.form.addRow(tr("环节"), QLabel(next_step[1]))
            self.step_position = next_step[0]
            self._add("note", tr("备注"), QLineEdit())
        elif action is CaseAction.RESUME:
            self._add("note", tr("备注（如：补正材料已收齐）"), QLineEdit())
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _add(self, key: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(key)
        error = QLabel()
        error.setStyleSheet("color: #b00020;")
        self.fields[key], self.errors[key] = widget, error
        self.form.addRow(label, widget)
        self.form.addRow("", error)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                values[key] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                values[key] = widget.value()
            elif isinstance(widget, QPlainTextEdit):
                values[key] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                values[key] = widget.text()
        if self.action is CaseAction.COMPLETE_STEP:
            values["position"] = self.step_position
        return values

    def submit(self) -> None:
        for label in self.errors.values():
            label.clear()
        self.message.clear()
        self.ok_button.setEnabled(False)
        values = self.values()
        run_op(self, lambda: self._perform(values), self._done, self._failed)

    def _done(self, result: Any) -> None:
        self.result_value = result
        self.ok_button.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            for key, text in exc.errors.items():
                target = self.errors.get(key)
                if target is not None:
                    target.setText(text)
                else:
                    self.message.setText(text)
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message)
        else:
            self.message.setText(tr("操作失败：%s") % exc)

"""Forms that submit to a service off the GUI thread and show refusals at the field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from ui.ops import run_op

ERROR_STYLE = "color: #b00020;"


def error_label(key: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"error_{key}")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """A field's message (the services' in the interface language), shown; "" hides it."""
    from ui.app_messages import translated

    label.setText(translated(text))
    label.setVisible(bool(text))


def field_value(widget: QWidget) -> Any:
    """What a form field holds: a combo box's data, a spin box's number, a date edit's date,
    else its text."""
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QListWidget):  # a checklist: the data of the ticked rows
        return [
            widget.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(widget.count())
            if widget.item(i).checkState() is Qt.CheckState.Checked
        ]
    raise TypeError(f"no value for {type(widget).__name__}")


class ServiceForm(QDialog):
    """A small form whose OK runs ``perform(values)`` off the GUI thread: a refused field's
    message shows at the field (focus goes to the first), the form closes only when the
    service accepted, and errors of fields it does not show go to ``refused_fields``."""

    refused_fields = Signal(dict)  # errors of fields this form does not show (field: message)

    def __init__(
        self,
        title: str,
        perform: Callable[[dict[str, str]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Opened for one task, read in its accepted() handlers, then gone: a counter opens
        # hundreds of these a day, and a hidden one would keep its widgets for the whole day.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self._perform = perform
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.result_value: Any = None
        self.unplaced: dict[str, str] = {}  # errors of fields this form does not show
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("form_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(buttons)

    def add_field(self, key: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(key)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
        self.fields[key], self.errors[key] = widget, error_label(key)
        self.form.addRow(label, widget)
        self.form.addRow("", self.errors[key])

    def values(self) -> dict[str, Any]:
        return {key: field_value(w) for key, w in self.fields.items()}

    def submit(self) -> None:
        for label in self.errors.values():
            show_error(label, "")
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
            self.unplaced = {}
            for key, text in exc.errors.items():
                if key in self.errors:
                    show_error(self.errors[key], text)
                else:
                    self.unplaced[key] = text
            if self.unplaced:
                self.message.setText(self.unplaced_text(self.unplaced))
                self.refused_fields.emit(self.unplaced)
            first = next((self.fields[k] for k in exc.errors if k in self.fields), None)
            if first is not None:
                first.setFocus()
        elif isinstance(exc, DomainError):
            from ui.app_messages import translated

            self.message.setText(translated(exc.message))
        else:
            self.unexpected(exc)

    def unexpected(self, exc: BaseException) -> None:
        raise exc

    def unplaced_text(self, errors: dict[str, str]) -> str:
        from ui.app_messages import translated

        return "\n".join(translated(text) for text in errors.values())

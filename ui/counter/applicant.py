"""Who applies, and who acts for them (代理人, as the receipt names them; not the hall's agency
service, 全程代办): each field with its own red message line.

A field is checked as soon as the clerk leaves it (the same validators the services use); the
service checks everything again when the clerk presses a button.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from app.cases.records import ApplicantInput
from app.errors import ValidationError
from app.validation import (
    validate_id_document,
    validate_name,
    validate_phone,
    validate_resident_id,
)
from ui.counter.labels import id_types, tr
from ui.forms import error_label, show_error


class ApplicantForm(QGroupBox):
    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(tr("申请人"), parent)
        self._today = today
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._checks: dict[str, Callable[..., Any]] = {}
        self.id_type = QComboBox()
        self.id_type.setObjectName("id_type")
        for code, label in id_types():
            self.id_type.addItem(label, code)
        self.form = QFormLayout(self)
        self._line("applicant_name", tr("姓名"), validate_name, max_length=100)
        self.form.addRow(tr("证件类型"), self.id_type)
        self._line("id_number", tr("证件号码"), self._check_id, max_length=40)
        self._line("phone", tr("联系电话"), validate_phone, max_length=40)
        self._line("agent_name", tr("代理人姓名（可不填）"), validate_name, max_length=100)
        self._line("agent_id_number", tr("代理人身份证号"), self._check_id, max_length=40)
        self._line("agent_phone", tr("代理人电话"), validate_phone, max_length=40)
        self.id_type.currentIndexChanged.connect(lambda _i: self.check_field("id_number"))
        # Tab follows the form from top to bottom (the combo box was made first).
        chain = [self.fields["applicant_name"], self.id_type, *list(self.fields.values())[1:]]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _line(self, key: str, label: str, check: Callable[..., Any], max_length: int) -> None:
        edit = QLineEdit()
        edit.setObjectName(key)
        # Counted in UTF-16 units: a rare character outside the BMP takes two, so names get
        # twice the service's limit here and the service counts the characters.
        edit.setMaxLength(max_length)
        error = error_label(key)
        self.fields[key], self.errors[key] = edit, error
        self._checks[key] = check
        edit.editingFinished.connect(lambda k=key: self.check_field(k))
        edit.textEdited.connect(lambda _t, k=key: show_error(self.errors[k], ""))
        self.form.addRow(label, edit)
        self.form.addRow("", error)

    def _check_id(self, value: str, field: str) -> str:
        if field == "id_number":  # by the chosen document's format, as the service checks
            kind = str(self.id_type.currentData())
            return validate_id_document(value, kind, field=field, today=self._today())
        return validate_resident_id(value, field=field, today=self._today())

    def check_field(self, key: str) -> None:
        """The same rule the service applies, shown at once. An empty field waits for the
        service: whether it is needed depends on the others (the agent's, for one)."""
        text = self.fields[key].text()
        message = ""
        if text.strip():
            try:
                self._checks[key](text, field=key)
            except ValidationError as exc:
                message = exc.errors.get(key, exc.message)
        show_error(self.errors[key], message)

    def value(self) -> ApplicantInput:
        text = {key: edit.text() for key, edit in self.fields.items()}
        return ApplicantInput(
            name=text["applicant_name"],
            id_number=text["id_number"],
            phone=text["phone"],
            id_type=str(self.id_type.currentData()),
            agent_name=text["agent_name"],
            agent_id_number=text["agent_id_number"],
            agent_phone=text["agent_phone"],
        )

    def set_value(self, applicant: ApplicantInput) -> None:
        index = self.id_type.findData(applicant.id_type)
        self.id_type.setCurrentIndex(max(index, 0))
        values = {
            "applicant_name": applicant.name,
            "id_number": applicant.id_number,
            "phone": applicant.phone,
            "agent_name": applicant.agent_name,
            "agent_id_number": applicant.agent_id_number,
            "agent_phone": applicant.agent_phone,
        }
        for key, edit in self.fields.items():
            edit.setText(values[key])
        self.clear_errors()

    def clear(self) -> None:
        self.set_value(ApplicantInput(name=""))

    def clear_errors(self) -> None:
        for label in self.errors.values():
            show_error(label, "")

    def show_errors(self, errors: dict[str, str]) -> set[str]:
        """Put each message at its field; the keys it placed."""
        placed = {key for key in errors if key in self.errors}
        for key in placed:
            show_error(self.errors[key], errors[key])
        return placed

    def first_error_field(self) -> QLineEdit | None:
        return next((self.fields[k] for k, lbl in self.errors.items() if lbl.text()), None)

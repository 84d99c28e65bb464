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

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.cases.records import ApplicantInput
from app.errors import ValidationError
from app.idcard import IdCard, IdCardReader, review, unresolved_private_use
from app.validation import (
    validate_id_document,
    validate_name,
    validate_phone,
    validate_resident_id,
)
from ui.counter.labels import id_types, tr
from ui.counter.reader import CardReading
from ui.forms import error_label, show_error


class ApplicantForm(QGroupBox):
    def __init__(
        self,
        today: Callable[[], date],
        parent: QWidget | None = None,
        card_readers: Callable[[str, int], IdCardReader] | None = None,
    ) -> None:
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
        self.read_button = QPushButton(tr("读卡 (F4)"))
        self.read_button.setObjectName("read_card")
        self.read_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F4 is the key; Tab skips it
        self.card_status = QLabel()
        self.card_status.setObjectName("card_status")
        self.card_status.setWordWrap(True)
        self.reader_row = QWidget()
        reader_row = QHBoxLayout(self.reader_row)
        reader_row.setContentsMargins(0, 0, 0, 0)
        reader_row.addWidget(self.read_button)
        reader_row.addWidget(self.card_status, 1)
        self.form.addRow(self.reader_row)
        self.reading = CardReading(self, card_readers, self.fill_from_card, self._card_problem)
        # Without a reader on this PC the row takes no room; F4 still says how to set one up.
        self.reader_row.setVisible(self.reading.configured)
        self.read_button.clicked.connect(lambda _c=False: self.reading.read_now())
        read_key = QShortcut(QKeySequence("F4"), self)
        read_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        read_key.activated.connect(self.reading.read_now)
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

    # -- the ID card reader ---------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reading.start_polling()

    def hideEvent(self, event: QHideEvent) -> None:
        self.reading.close()
        super().hideEvent(event)

    def fill_from_card(self, card: IdCard) -> None:
        """The card's name and number into the form (the agent's fields stay as they are); what
        the clerk must see goes next to its field; address and validity are shown, not kept."""
        index = self.id_type.findData("hk_macao_taiwan" if card.kind == "permit" else "resident_id")
        self.id_type.setCurrentIndex(max(index, 0))
        self.fields["applicant_name"].setText(card.name)
        self.fields["id_number"].setText(card.id_number)
        self.check_field("applicant_name")
        self.check_field("id_number")
        valid_to = card.valid_to.isoformat() if card.valid_to else tr("长期")
        status = tr("已读卡：%s　住址：%s　有效期：%s 至 %s") % (
            card.name,
            card.address,
            card.valid_from.isoformat(),
            valid_to,
        )
        warnings = []
        for note in review(card, self._today()):
            if note.blocking and note.field in self.errors:
                show_error(self.errors[note.field], note.message)
            else:
                warnings.append(note.message)
        self.card_status.setText("\n".join([status, *warnings]))
        self.card_status.setStyleSheet("color: #b00020;" if warnings else "")
        name = self.fields["applicant_name"]
        target = name if self.errors["applicant_name"].text() else self.fields["phone"]
        target.setFocus()
        if target is name:
            first = next(i for i, ch in enumerate(card.name) if unresolved_private_use(ch))
            name.setCursorPosition(first)
            name.setSelection(first, 1)

    def _card_problem(self, message: str) -> None:
        self.reader_row.show()
        self.card_status.setText(message)
        self.card_status.setStyleSheet("color: #b00020;")

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
        self.card_status.clear()

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

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
    QCheckBox,
    QComboBox,
    QGridLayout,
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
from ui.app_messages import translated
from ui.counter.labels import id_types, tr
from ui.counter.reader import CardReading
from ui.forms import error_label, show_error

AGENT_FIELDS = ("agent_name", "agent_id_number", "agent_phone")
AGENT_ROW = 5  # below the name, ID and phone rows, their message lines and the name warning
WARNING_STYLE = "color: #8a5a00; background: #fff4c2; padding: 2px 4px;"


class ApplicantForm(QGroupBox):
    """Two fields a row, so the materials keep the height of a small screen. Tab goes name →
    ID number → phone → the materials: the ID type (a resident ID nearly always), the agent's
    fields (behind their tick box) and the received time are reached by their Alt keys or the
    mouse, and the agent's fields join the Tab chain when they are shown."""

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
        self.id_type.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab skips it; Alt+Y reaches it
        for code, label in id_types():
            self.id_type.addItem(label, code)
        self.form = QGridLayout(self)
        self.form.setVerticalSpacing(2)
        self.form.setColumnStretch(1, 1)
        self.form.setColumnStretch(3, 1)
        self._line("applicant_name", tr("姓名"), validate_name, 100, (0, 0))
        self._place(tr("证件类型(&Y)"), self.id_type, None, (0, 2))
        self._line("id_number", tr("证件号码"), self._check_id, 40, (2, 0))
        self._line("phone", tr("联系电话"), validate_phone, 40, (2, 2))
        # The same ID recorded under another name before: said, not refused (names change).
        self.name_warning = QLabel()
        self.name_warning.setObjectName("id_name_warning")
        self.name_warning.setWordWrap(True)
        self.name_warning.setStyleSheet(WARNING_STYLE)
        self.name_warning.hide()
        self.form.addWidget(self.name_warning, 4, 1, 1, 3)
        self.check_identity: Callable[[str, str, str], None] | None = None
        self.agent_check = QCheckBox(tr("有代理人(&L)"))
        self.agent_check.setObjectName("agent_check")
        self.agent_check.setToolTip(tr("代理人代为申请时勾选，填写代理人姓名、身份证号和电话"))
        self.agent_check.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.form.addWidget(self.agent_check, AGENT_ROW, 0, 1, 2)
        self.agent_box = QWidget()
        self.agent_box.setObjectName("agent_box")
        agent = QGridLayout(self.agent_box)
        agent.setContentsMargins(0, 0, 0, 0)
        agent.setVerticalSpacing(2)
        agent.setColumnStretch(1, 1)
        agent.setColumnStretch(3, 1)
        self._line("agent_name", tr("代理人姓名"), validate_name, 100, (0, 0), agent)
        self._line("agent_id_number", tr("代理人身份证号"), self._check_id, 40, (0, 2), agent)
        self._line("agent_phone", tr("代理人电话"), validate_phone, 40, (2, 0), agent)
        self.form.addWidget(self.agent_box, AGENT_ROW + 2, 0, 1, 4)
        self.agent_box.hide()
        self.agent_check.toggled.connect(self._agent_toggled)
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
        self.form.addWidget(self.reader_row, AGENT_ROW + 3, 0, 1, 4)
        self.reading = CardReading(self, card_readers, self.fill_from_card, self._card_problem)
        # Without a reader on this PC the row takes no room; F4 still says how to set one up.
        self.reader_row.setVisible(self.reading.configured)
        self.read_button.clicked.connect(lambda _c=False: self.reading.read_now())
        read_key = QShortcut(QKeySequence("F4"), self)
        read_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        read_key.activated.connect(self.reading.read_now)
        self.id_type.currentIndexChanged.connect(lambda _i: self.check_field("id_number"))
        for key in ("applicant_name", "id_number"):
            self.fields[key].editingFinished.connect(self._identity_entered)
        self.id_type.currentIndexChanged.connect(lambda _i: self._identity_entered())
        chain = list(self.fields.values())
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
        self._identity_entered()  # the same ID under another name before: said here too
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
                warnings.append(translated(note.message))
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

    def _place(
        self,
        label: str,
        widget: QWidget,
        error: QLabel | None,
        at: tuple[int, int],
        grid: QGridLayout | None = None,
    ) -> None:
        grid = grid or self.form
        row, column = at
        caption = QLabel(label)
        caption.setBuddy(widget)  # an "&" in the label: Alt and that letter reach the field
        grid.addWidget(caption, row, column)
        grid.addWidget(widget, row, column + 1)
        if error is not None:
            grid.addWidget(error, row + 1, column + 1)

    def add_beside_agent(self, label: str, widget: QWidget, error: QLabel) -> None:
        """A field on the agent tick box's row (the counter's received time)."""
        self._place(label, widget, error, (AGENT_ROW, 2))

    def _agent_toggled(self, on: bool) -> None:
        self.agent_box.setVisible(on)
        if on and self.isVisible():
            self.fields["agent_name"].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _line(
        self,
        key: str,
        label: str,
        check: Callable[..., Any],
        max_length: int,
        at: tuple[int, int],
        grid: QGridLayout | None = None,
    ) -> None:
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
        self._place(label, edit, error, at, grid)

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

    # -- one ID, one name -----------------------------------------------------------------------
    def identity(self) -> tuple[str, str, str] | None:
        """(ID type, ID number, name) when both are there and the number passed its check."""
        name, number = self.fields["applicant_name"].text(), self.fields["id_number"].text()
        if not name.strip() or not number.strip() or self.errors["id_number"].text():
            return None
        return str(self.id_type.currentData()), number, name

    def has_errors(self) -> bool:
        return any(label.text() for label in self.errors.values())

    def _identity_entered(self) -> None:
        asked = self.identity()
        if asked is None:
            self.show_other_names(None, [])
        elif self.check_identity is not None:
            self.check_identity(*asked)

    def show_other_names(self, asked: tuple[str, str, str] | None, names: list[Any]) -> None:
        """The names this ID was recorded under before (``app.cases.identity``), if the form
        still holds what was asked about."""
        if asked is not None and asked != self.identity():
            return  # an answer about what the clerk has since changed
        if not names:
            self.name_warning.clear()
            self.name_warning.hide()
            return
        listed = "、".join(
            tr("“%s”（%s 次）") % (n.name, n.times) if n.times > 1 else tr("“%s”") % n.name
            for n in names
        )
        self.name_warning.setText(
            tr(
                "注意：此证件号码此前登记的姓名是 %s，与本次不同。"
                "请核对证件，确认是改名还是号码有误。"
            )
            % listed
        )
        self.name_warning.show()

    def value(self) -> ApplicantInput:
        text = {key: edit.text() for key, edit in self.fields.items()}
        if not self.agent_check.isChecked():  # unticked: no agent, whatever was typed
            text |= {key: "" for key in AGENT_FIELDS}
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
        self.agent_check.setChecked(any(values[key] for key in AGENT_FIELDS))
        self.clear_errors()
        self._identity_entered()

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

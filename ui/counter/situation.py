"""Where the visitor stands, in one coloured line, and the buttons for what may follow.

Everything required is here: accept. Only deferrable materials missing: accept with them
deferred (容缺: a supply date no later than the committed due date, and the applicant's
commitment). Anything else missing: the one-time notice (with the date to bring it by). Not
acceptable at all: refuse. Only the buttons that fit the situation are enabled.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog.records import MaterialRecord
from app.notices.service import Checklist
from ui.counter.labels import tr
from ui.forms import error_label

# The applicant's own words when materials are deferred; kept in Chinese whatever the
# interface language, because it is signed and filed.
DEFAULT_COMMITMENT = (
    "本人承诺在补交期限前补齐上述容缺材料，所作承诺真实有效；逾期未补交的，"
    "同意按有关规定中止或终止办理。"
)
BASE_STYLE = "font-size: 13pt; padding: 6px;"
SHOWN_NAMES = 3  # missing materials named in the situation line
STYLES = {
    "complete": "background: #e3f4e1; color: #1b5e20;",
    "deferred": "background: #fff4c2; color: #8a5a00;",
    "missing": "background: #fde0e0; color: #b71c1c;",
}


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class SituationBar(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.situation = QLabel()
        self.situation.setObjectName("situation")
        self.situation.setWordWrap(True)

        self.deferred_box = QGroupBox(tr("容缺受理"))
        self.deferred_box.setObjectName("deferred_box")
        self.deferred_by = _date_edit("deferred_supply_by")
        self.commitment = QPlainTextEdit()
        self.commitment.setObjectName("applicant_commitment")
        self.commitment.setTabChangesFocus(True)
        self.commitment.setMaximumHeight(70)
        self.errors = {
            key: error_label(key)
            for key in ("deferred_supply_by", "applicant_commitment", "supply_by")
        }
        deferred = QFormLayout(self.deferred_box)
        deferred.addRow(tr("补交期限（不晚于承诺办结日）"), self.deferred_by)
        deferred.addRow("", self.errors["deferred_supply_by"])
        deferred.addRow(tr("申请人承诺"), self.commitment)
        deferred.addRow("", self.errors["applicant_commitment"])

        self.notice_box = QWidget()
        self.supply_by = _date_edit("supply_by")
        notice = QFormLayout(self.notice_box)
        notice.setContentsMargins(0, 0, 0, 0)
        notice.addRow(tr("告知单：请于此日前补齐"), self.supply_by)
        notice.addRow("", self.errors["supply_by"])

        self.accept_button = self._button("accept", tr("受理(&A)"))
        self.accept_button.setToolTip(tr("Ctrl+回车"))
        self.defer_button = self._button("accept_deferred", tr("容缺受理(&D)…"))
        self.notice_button = self._button("issue_notice", tr("出具一次性告知单(&N)"))
        self.refuse_button = self._button("refuse", tr("不予受理(&R)…"))
        buttons = QHBoxLayout()
        for button in (
            self.accept_button,
            self.defer_button,
            self.notice_button,
            self.refuse_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.situation)
        layout.addWidget(self.deferred_box)
        layout.addWidget(self.notice_box)
        layout.addLayout(buttons)
        self.reset()

    @staticmethod
    def _button(name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button

    def reset(self) -> None:
        self.commitment.setPlainText(DEFAULT_COMMITMENT)
        self.show_situation(False, [], 0, False)

    def set_dates(self, checklist: Checklist) -> None:
        today = qdate(checklist.today)
        self.supply_by.setMinimumDate(today)
        self.supply_by.setDate(qdate(checklist.default_supply_by))
        self.deferred_by.setMinimumDate(today)
        if checklist.committed_due is not None:
            self.deferred_by.setMaximumDate(qdate(checklist.committed_due))
            self.deferred_by.setDate(qdate(checklist.committed_due))

    def show_situation(
        self,
        has_item: bool,
        missing: list[MaterialRecord],
        deferred: int,
        busy: bool,
        applicant_errors: bool = False,
    ) -> None:
        all_deferrable = bool(missing) and all(m.deferrable for m in missing)
        # The table shows each one; a long list here would push the buttons down.
        names = "、".join(m.name for m in missing[:SHOWN_NAMES])
        if len(missing) > SHOWN_NAMES:
            names += tr("等（见上表）")
        self.situation.setToolTip("、".join(m.name for m in missing))
        if not has_item:
            text, style = "", ""
        elif not missing and applicant_errors:  # never a green light over a red field
            text = tr("材料齐全，但申请人信息有误：请先改正红字标出的内容。")
            style = STYLES["missing"]
        elif not missing and deferred:
            text = tr("主要材料齐全，%s 项容缺：填写补交期限和申请人承诺后，可以容缺受理。")
            text, style = text % deferred, STYLES["deferred"]
        elif not missing:
            text, style = tr("材料齐全，可以受理（Ctrl+回车）。"), STYLES["complete"]
        elif all_deferrable:
            text = tr("缺 %s 项，均可容缺：%s。可容缺受理，或出具一次性告知单。")
            text, style = text % (len(missing), names), STYLES["missing"]
        else:
            text = tr("缺 %s 项：%s。请出具一次性告知单，一次告知全部所缺材料。")
            text, style = text % (len(missing), names), STYLES["missing"]
        self.situation.setText(text)
        self.situation.setStyleSheet(f"{BASE_STYLE} {style}")
        idle = has_item and not busy
        self.accept_button.setEnabled(idle and not missing)
        self.defer_button.setEnabled(idle and all_deferrable)
        self.notice_button.setEnabled(idle and bool(missing))
        self.refuse_button.setEnabled(idle)
        self.notice_box.setVisible(has_item and bool(missing))
        self.deferred_box.setVisible(has_item and bool(deferred))

    def deferred_supply_by(self) -> date:
        day = self.deferred_by.date().toPython()
        assert isinstance(day, date)
        return day

    def notice_supply_by(self) -> date:
        day = self.supply_by.date().toPython()
        assert isinstance(day, date)
        return day

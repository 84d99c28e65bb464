"""责任追究: the supervisor's list of accountability records and the review form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.cases import queries, service
from app.cases.records import AccountabilityView
from app.clock import hall_time
from app.context import AppContext
from app.errors import DomainError, ValidationError
from app.roles import Actor
from ui.cases.labels import tr
from ui.ops import run_op


def cause_labels() -> dict[str, str]:
    return {
        "applicant": tr("申请人原因"),
        "staff": tr("工作人员过错"),
        "department": tr("其他部门原因"),
        "system": tr("系统或设备原因"),
        "other": tr("其他"),
    }


class AccountabilityPage(QWidget):
    def __init__(self, ctx: AppContext, actor: Actor) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.records: list[AccountabilityView] = []
        self.state = QComboBox()
        for label, value in (
            (tr("待审查"), "open"),
            (tr("已审查"), "reviewed"),
            (tr("全部"), None),
        ):
            self.state.addItem(label, value)
        self.state.currentIndexChanged.connect(self.reload)
        self.review_button = QPushButton(tr("审查…"))
        self.review_button.setObjectName("review")
        self.review_button.clicked.connect(self.review_selected)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("accountability_table")
        self.table.setHorizontalHeaderLabels(
            [
                tr("类型"),
                tr("办件/告知单/投诉编号"),
                tr("责任人"),
                tr("超期工作日"),
                tr("发生时间"),
                tr("状态"),
                tr("原因 / 处理结果"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, sample in (
            (0, "违反一次性告知"),
            (1, "QH-N20261126-0000"),
            (4, "2026-12-31 23:59"),
        ):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        top = QHBoxLayout()
        top.addWidget(
            QLabel(
                tr(
                    "超期办件、违反一次性告知和属实的投诉自动生成责任追究记录，"
                    "须由负责人审查，不能自行关闭。"
                )
            ),
            1,
        )
        top.addWidget(self.state)
        top.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def reload(self) -> None:
        state = self.state.currentData()
        run_op(
            self, lambda: queries.list_accountability(self.ctx.uow(), self.actor, state), self.fill
        )

    def fill(self, records: list[AccountabilityView]) -> None:
        self.records = records
        causes = cause_labels()
        self.table.setRowCount(len(records))
        for r, rec in enumerate(records):
            kind = {
                "overdue": tr("超期"),
                "deferral": tr("容缺材料逾期未补交"),
                "breach": tr("违反一次性告知"),
                "complaint": tr("投诉属实"),
            }.get(rec.kind, rec.kind)
            done = f"{causes.get(rec.cause, rec.cause)}：{rec.outcome}" if rec.cause else ""
            values = [
                kind,
                rec.case_number or rec.notice_number or rec.complaint_number,
                rec.responsible_name,
                str(rec.days_late),
                hall_time(rec.opened_at).strftime("%Y-%m-%d %H:%M"),
                tr("待审查") if rec.state == "open" else tr("已审查"),
                done,
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def review_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.records) or self.records[row].state != "open":
            return
        dialog = ReviewDialog(self.ctx, self.actor, self.records[row], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.reload)
        dialog.open()

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)


class ReviewDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        record: AccountabilityView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("review_dialog")
        self.setWindowTitle(
            tr("审查 %s") % (record.case_number or record.notice_number or record.complaint_number)
        )
        self.ctx, self.actor, self.record = ctx, actor, record
        self.cause = QComboBox()
        self.cause.addItem(tr("（请选择）"), "")
        for value, label in cause_labels().items():
            self.cause.addItem(label, value)
        self.note, self.outcome = QPlainTextEdit(), QPlainTextEdit()
        self.errors = {key: QLabel() for key in ("cause", "note", "outcome")}
        form = QFormLayout()
        for key, label, widget in (
            ("cause", tr("原因类别"), self.cause),
            ("note", tr("情况说明"), self.note),
            ("outcome", tr("处理结果"), self.outcome),
        ):
            widget.setObjectName(key)
            self.errors[key].setStyleSheet("color: #b00020;")
            form.addRow(label, widget)
            form.addRow("", self.errors[key])
        self.message = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def submit(self) -> None:
        for label in self.errors.values():
            label.clear()
        cause, note, outcome = (
            self.cause.currentData(),
            self.note.toPlainText(),
            self.outcome.toPlainText(),
        )
        run_op(
            self,
            lambda: service.review_accountability(
                self.ctx.uow(), self.actor, self.record.id, cause, note, outcome
            ),
            lambda _: self.accept(),
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            for key, text in exc.errors.items():
                self.errors.get(key, self.message).setText(text)
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message)
        else:
            raise exc

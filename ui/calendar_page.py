"""The administrator's working-day calendar: a year's holidays and make-up days, the State
Council schedule import, and single-day overrides."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import calendar
from app.context import AppContext
from app.errors import DomainError, ValidationError
from app.roles import Actor
from ui.ops import run_op

WEEKDAYS = "一二三四五六日"


class CalendarPage(QWidget):
    def __init__(self, ctx: AppContext, actor: Actor) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.year = QSpinBox()
        self.year.setRange(2004, 2100)
        self.year.setValue(ctx.clock.now().year)
        self.year.valueChanged.connect(self.reload)
        self.status = QLabel()
        self.status.setObjectName("calendar_status")
        self.status.setWordWrap(True)
        import_button = QPushButton(self.tr("导入年度安排…"))
        import_button.clicked.connect(self.import_schedule)
        day_button = QPushButton(self.tr("设置单日…"))
        day_button.clicked.connect(self.set_day)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("calendar_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("星期"), self.tr("上班/放假"), self.tr("说明")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度")))
        top.addWidget(self.year)
        top.addWidget(import_button)
        top.addWidget(day_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table)

    def reload(self) -> None:
        year = self.year.value()
        run_op(self, lambda: calendar.year_view(self.ctx.uow(), year), self.fill)

    def fill(self, view: calendar.YearView) -> None:
        if view.entered:
            text = self.tr("%s 年节假日安排已录入。") % view.year
        elif view.known:
            text = self.tr("%s 年节假日安排使用内置数据。") % view.year
        else:
            text = (
                self.tr(
                    "%s 年节假日安排尚未完整录入：涉及该年的承诺办结日按法定节假日及补假推算"
                    "（调休未知），标为“暂定”，录入完整安排后自动重算。"
                )
                % view.year
            )
        self.status.setText(text)
        self.table.setRowCount(len(view.days))
        for r, d in enumerate(view.days):
            values = [
                d.day.isoformat(),
                self.tr("星期") + WEEKDAYS[d.day.weekday()],
                self.tr("上班") if d.is_workday else self.tr("放假"),
                d.name,
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def import_schedule(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入年度节假日安排"), "", self.tr("文本文件 (*.txt *.csv);;所有文件 (*)")
        )
        if not path:
            return

        def work() -> calendar.ScheduleResult:
            with open(path, encoding="utf-8-sig") as fh:
                return calendar.enter_schedule(self.ctx.uow(), self.actor, fh.read())

        run_op(self, work, self._imported, self._failed, progress=self.tr("正在导入并重算期限…"))

    def _imported(self, result: calendar.ScheduleResult) -> None:
        QMessageBox.information(
            self,
            self.tr("导入完成"),
            self.tr("已录入 %s 天（%s 年）；%s 件未办结办件的承诺办结日随之调整，已提示经办人。")
            % (result.days, "、".join(map(str, result.years)), result.cases_moved)
            + ("\n\n" + result.summary_zh() if result.missing else ""),
        )
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            text = "\n".join(f"{k}：{v}" for k, v in exc.errors.items())
        elif isinstance(exc, (DomainError, OSError, UnicodeDecodeError)):
            text = getattr(exc, "message", str(exc))
        else:
            raise exc
        QMessageBox.warning(self, self.tr("未导入"), text)

    def set_day(self) -> None:
        dialog = DayDialog(self)
        accepted = dialog.exec()
        day, working, name = dialog.values()
        dialog.deleteLater()
        if accepted:
            run_op(
                self,
                lambda: calendar.set_day(self.ctx.uow(), self.actor, day, working, name),
                lambda _moved: self.reload(),
                self._failed,
            )

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)


class DayDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置单日"))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("放假"), False)
        self.kind.addItem(self.tr("上班（调休）"), True)
        self.name = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("日期"), self.day)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("说明"), self.name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, bool, str]:
        return (
            self.day.date().toString("yyyy-MM-dd"),
            bool(self.kind.currentData()),
            self.name.text(),
        )

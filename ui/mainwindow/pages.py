"""The home page and the staff page of the shell; later issues add their own pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.roles import Actor
from app.staff import StaffView
from ui.labels import role_label
from ui.ops import run_op


class HomePage(QWidget):
    def __init__(self, actor: Actor, site_name: str, window_text: str) -> None:
        super().__init__()
        greeting = QLabel(self.tr("%s，您好") % actor.name)
        greeting.setObjectName("greeting")
        greeting.setStyleSheet("font-size: 20pt; font-weight: bold;")
        form = QFormLayout()
        form.addRow(self.tr("服务中心"), QLabel(site_name))
        form.addRow(self.tr("岗位"), QLabel(role_label(actor.role)))
        form.addRow(self.tr("窗口"), QLabel(window_text))
        rules = QLabel(
            self.tr(
                "首问负责：谁首先接待，谁负责到底。\n"
                "一次性告知：缺什么材料，一次书面讲清。\n"
                "限时办结：承诺时限内办结，超时必究。"
            )
        )
        rules.setStyleSheet("font-size: 13pt; margin-top: 16px;")
        layout = QVBoxLayout(self)
        layout.addWidget(greeting)
        layout.addLayout(form)
        layout.addWidget(rules)
        layout.addStretch(1)


class StaffPage(QWidget):
    """Staff of the site with their windows and A/B backups (supervisors and admins)."""

    def __init__(self, load: Callable[[], Sequence[StaffView]]) -> None:
        super().__init__()
        self._load = load
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("staff_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("用户名"),
                self.tr("姓名"),
                self.tr("岗位"),
                self.tr("窗口"),
                self.tr("B 岗"),
                self.tr("状态"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("工作人员与 AB 岗")))
        layout.addWidget(self.table)

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        run_op(self, self._load, self.fill)
        super().showEvent(event)  # type: ignore[arg-type]

    def fill(self, rows: Sequence[StaffView]) -> None:
        self.table.setRowCount(len(rows))
        for r, s in enumerate(rows):
            state = (
                self.tr("已停用")
                if not s.active
                else (self.tr("已锁定") if s.locked else self.tr("正常"))
            )
            values = [
                s.login,
                s.name,
                role_label(s.role),
                self.tr("%s 号") % s.window_number if s.window_number else "-",
                s.backup_name or "-",
                state,
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

"""The home page and the staff page of the shell; later issues add their own pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import hall_time
from app.context import AppContext
from app.roles import Actor, Role
from app.staff import StaffView
from app.visits import absence
from app.visits.records import AbsenceInput, AbsenceRecord
from ui.labels import role_label
from ui.ops import run_op
from ui.visits.forms import AwayForm
from ui.visits.labels import reason_text


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
    """Staff of the site with their windows and A/B backups (supervisors and admins), who is
    away now or soon and who covers for them; a supervisor marks a clerk away or back."""

    def __init__(
        self,
        load: Callable[[], Sequence[StaffView]],
        ctx: AppContext | None = None,
        actor: Actor | None = None,
    ) -> None:
        super().__init__()
        self._load = load
        self.ctx, self.actor = ctx, actor
        self.staff: list[StaffView] = []
        self.absences: list[AbsenceRecord] = []
        self.form: QWidget | None = None
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("staff_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("用户名"),
                self.tr("姓名"),
                self.tr("岗位"),
                self.tr("窗口"),
                self.tr("B 岗"),
                self.tr("状态"),
                self.tr("离岗"),
            ]
        )
        self.away = QTableWidget(0, 5)
        self.away.setObjectName("away_table")
        self.away.setHorizontalHeaderLabels(
            [
                self.tr("姓名"),
                self.tr("原因"),
                self.tr("自"),
                self.tr("至"),
                self.tr("代岗（B 岗）"),
            ]
        )
        for table in (self.table, self.away):
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Who covers for whom is the long cell: it gets its whole text.
        self.table.horizontalHeader().setSectionResizeMode(
            6, QHeaderView.ResizeMode.ResizeToContents
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("工作人员与 AB 岗")))
        layout.addWidget(self.table, 2)
        if ctx is not None and actor is not None and actor.role is Role.SUPERVISOR:
            mark = QPushButton(self.tr("登记离岗…"))
            mark.setObjectName("mark_away")
            mark.clicked.connect(self.mark_away)
            back = QPushButton(self.tr("结束所选离岗"))
            back.setObjectName("end_absence")
            back.clicked.connect(self.end_absence)
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("离岗登记（当前及已安排）")), 1)
            row.addWidget(mark)
            row.addWidget(back)
            layout.addLayout(row)
            layout.addWidget(self.away, 1)
        else:
            self.away.hide()

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        self.reload()
        super().showEvent(event)  # type: ignore[arg-type]

    def reload(self) -> None:
        ctx, actor, load = self.ctx, self.actor, self._load

        def work() -> tuple[Sequence[StaffView], list[AbsenceRecord]]:
            away = absence.upcoming_absences(ctx.uow(), actor) if ctx and actor else []
            return load(), away

        run_op(self, work, lambda found: self.fill(*found))

    def fill(self, rows: Sequence[StaffView], absences: Sequence[AbsenceRecord] = ()) -> None:
        self.staff, self.absences = list(rows), list(absences)
        now = self.ctx.clock.now() if self.ctx else None
        away_now = {a.staff_id: a for a in absences if now is not None and a.covers(now)}
        self.table.setRowCount(len(rows))
        for r, s in enumerate(rows):
            state = (
                self.tr("已停用")
                if not s.active
                else (self.tr("已锁定") if s.locked else self.tr("正常"))
            )
            a = away_now.get(s.id)
            values = [
                s.login,
                s.name,
                role_label(s.role),
                self.tr("%s 号") % s.window_number if s.window_number else "-",
                s.backup_name or "-",
                state,
                self._away_text(a) if a else "",
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.away.setRowCount(len(absences))
        for r, a in enumerate(absences):
            values = [a.staff_name, reason_text(a.reason), _when(a.starts_at), _when(a.until)]
            values.append(self._cover_text(a))
            for c, value in enumerate(values):
                self.away.setItem(r, c, QTableWidgetItem(value))

    def _away_text(self, a: AbsenceRecord) -> str:
        if a.covered_by_id is None:
            return self.tr("离岗至 %s，无人代岗，请安排") % _when(a.until)
        return self.tr("离岗至 %s，%s 代岗") % (_when(a.until), a.covered_by_name)

    def _cover_text(self, a: AbsenceRecord) -> str:
        """Who covers: the B post, or who stands in along the chain when the B post is away
        too (then both are named), or nobody."""
        if a.backup_id is None:
            return self.tr("（未设 B 岗）")
        if a.covered_by_id is None:
            return self.tr("%s（也离岗）：无人代岗，请安排") % a.backup_name
        if a.covered_by_id != a.backup_id:
            return self.tr("%s（也离岗），由 %s 代岗") % (a.backup_name, a.covered_by_name)
        return a.backup_name

    def mark_away(self) -> None:
        assert self.ctx is not None and self.actor is not None
        ctx, actor = self.ctx, self.actor
        clerks = [(s.id, s.name) for s in self.staff if s.active and s.role is Role.CLERK]

        def perform(values: dict[str, Any]) -> Any:
            return absence.mark_away(ctx.uow(), actor, AbsenceInput(**values))

        form = AwayForm(perform, clerks, ctx.clock.now(), self)
        form.accepted.connect(self.reload)
        self.form = form
        form.open()

    def end_absence(self) -> None:
        assert self.ctx is not None and self.actor is not None
        row = self.away.currentRow()
        if not 0 <= row < len(self.absences):
            return
        ctx, actor, absence_id = self.ctx, self.actor, self.absences[row].id
        run_op(
            self,
            lambda: absence.end_absence(ctx.uow(), actor, absence_id),
            lambda _none: self.reload(),
            lambda exc: QMessageBox.warning(
                self, self.tr("操作未完成"), getattr(exc, "message", str(exc))
            ),
        )


def _when(at: datetime) -> str:
    return hall_time(at).strftime("%m-%d %H:%M")

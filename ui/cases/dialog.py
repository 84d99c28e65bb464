"""One case in full: applicant, deadline and how it was computed, steps, history, actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.cases import queries, service
from app.cases.lifecycle import CaseAction
from app.clock import hall_time
from app.context import AppContext
from app.errors import ConcurrentEdit
from app.feedback import ratings
from app.feedback.records import RatingView, Subject
from app.roles import Actor, Role
from app.validation import mask_id, mask_phone
from app.warning_levels import warning_from_column
from ui.agency.tab import AgencyTab
from ui.app_messages import translated
from ui.cases.action_form import ActionForm
from ui.cases.labels import action_text, paper_text, state_text, tr, warning_text
from ui.feedback.forms import paper_rating_form
from ui.feedback.labels import rating_summary
from ui.ops import run_op


def deadline_words(detail: queries.CaseDetail) -> str:
    """How the due date was reached, in the clerk's words (the calendar version stays, short,
    so a disputed date can be traced)."""
    d = detail.deadline
    text = tr("自 %s（受理日，不计入）起算 %s 个工作日") % (d.accepted.isoformat(), d.working_days)
    if d.paused_days:
        text += tr("，其中中止计时 %s 个工作日不计") % d.paused_days
    if d.working_days == 0:
        text = tr("即办件：当日办结")
    if d.provisional:
        text += tr("；%s 年节假日安排尚未录入，日期为暂定") % "、".join(map(str, d.unknown_years))
    return text + tr("（日历版本 %s）") % d.calendar_version


def service_call(
    ctx: AppContext,
    actor: Actor,
    action: CaseAction,
    case_id: int,
    version: int,
    is_agency: bool = False,
    hand_over_to: str = "",
) -> Callable[[dict[str, Any]], Any]:
    """The service behind each button, with the row version the screen was showing. An
    agency case's delivery also closes its agency record (the agent's last step); a hand-over
    goes to the county app.handover named."""
    from app import handover
    from app.agency import service as agency

    uow = ctx.uow
    deliver = agency.deliver_agency_result if is_agency else service.deliver_case
    calls: dict[CaseAction, Callable[[dict[str, Any]], Any]] = {
        CaseAction.START: lambda v: service.start_case(uow(), actor, case_id, version),
        CaseAction.COMPLETE_STEP: lambda v: service.complete_step(
            uow(), actor, case_id, version, v["position"], v.get("note", "")
        ),
        CaseAction.SUSPEND: lambda v: service.suspend_case(
            uow(), actor, case_id, version, v["kind"], v["reason"], v.get("expected_days") or None
        ),
        CaseAction.RESUME: lambda v: service.resume_case(
            uow(), actor, case_id, version, v.get("note", "")
        ),
        CaseAction.EXTEND: lambda v: service.extend_case(
            uow(), actor, case_id, version, v["days"], v["reason"], v.get("approved_by", "")
        ),
        CaseAction.DECIDE: lambda v: service.decide_case(
            uow(),
            actor,
            case_id,
            version,
            v["outcome"],
            v["note"],
            v.get("legal_basis", ""),
            v.get("override", ""),
        ),
        CaseAction.SUPPLY: lambda v: service.supply_deferred(
            uow(), actor, case_id, version, v["materials"], v.get("note", "")
        ),
        CaseAction.DELIVER: lambda v: deliver(
            uow(), actor, case_id, version, v["method"], v["collected_by"], v["collector_id_number"]
        ),
        CaseAction.WITHDRAW: lambda v: service.withdraw_case(
            uow(), actor, case_id, version, v["reason"]
        ),
        CaseAction.TERMINATE: lambda v: service.terminate_case(
            uow(), actor, case_id, version, v["reason"]
        ),
        CaseAction.HAND_OVER: lambda v: handover.hand_over(
            uow(), actor, case_id, hand_over_to, v.get("note", "")
        ),
        CaseAction.HAND_BACK: lambda v: handover.hand_back(
            uow(), actor, case_id, v.get("note", "")
        ),
    }
    return calls[action]


class CaseDialog(QDialog):
    case_changed = Signal(int)

    def __init__(
        self, ctx: AppContext, actor: Actor, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("case_dialog")
        self.ctx, self.actor, self.case_id = ctx, actor, case_id
        self.detail: queries.CaseDetail | None = None
        self.rating: RatingView | None = None
        self.rating_known = False  # the rating (or its absence) has been read
        self.rate_button: QPushButton | None = None
        self.resize(840, 720)
        self.info = QFormLayout()
        self.steps = QTableWidget(0, 3)
        self.steps.setHorizontalHeaderLabels([tr("环节"), tr("环节时限"), tr("状态")])
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("case_history")
        self.history.setHorizontalHeaderLabels(
            [tr("时间"), tr("人员"), tr("操作"), tr("原因/说明")]
        )
        self.history.horizontalHeader().setStretchLastSection(True)
        for table in (self.steps, self.history):
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.buttons = QHBoxLayout()
        info_box = QWidget()
        info_box.setLayout(self.info)
        self.rating_label = QLabel()
        self.rating_label.setObjectName("case_rating")
        self.rating_label.setWordWrap(True)
        progress = QWidget()
        lines = QVBoxLayout(progress)
        lines.addWidget(QLabel(tr("办理环节")))
        lines.addWidget(self.steps)
        lines.addWidget(QLabel(tr("办理过程（不可修改）")))
        lines.addWidget(self.history, 1)
        self.agency = AgencyTab(ctx, actor)
        self.agency.changed.connect(lambda: self._changed(None))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        self.tabs.addTab(progress, tr("办理过程"))
        self.tabs.addTab(self.agency, tr("全程代办"))
        layout = QVBoxLayout(self)
        layout.addWidget(info_box)
        layout.addWidget(self.rating_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self.buttons)
        self.load()

    def load(self) -> None:
        run_op(
            self,
            lambda: queries.case_detail(self.ctx.uow(), self.actor, self.case_id),
            self.show_detail,
            self._error,
        )
        subject = Subject.case(self.case_id)
        run_op(
            self,
            lambda: ratings.rating_for(self.ctx.uow(), self.actor, subject),
            self.show_rating,
            self._error,
        )

    def show_rating(self, rating: RatingView | None) -> None:
        self.rating, self.rating_known = rating, True
        self.rating_label.setText(rating_summary(rating))
        if self.rate_button is not None:
            self.rate_button.setVisible(rating is None)

    def show_detail(self, detail: queries.CaseDetail) -> None:
        self.detail = detail
        c = detail.case
        self.setWindowTitle(tr("办件 %s") % c.number)
        while self.info.rowCount():
            self.info.removeRow(0)
        warning = warning_from_column(c.warning)
        due = f"{detail.deadline.due:%Y-%m-%d}" if detail.deadline.due else tr("计时中止")
        if detail.deadline.provisional:
            due += tr("（暂定：该年度节假日安排尚未录入）")
        applicant = c.applicant.name
        if c.applicant.id_number:
            applicant += f"  {mask_id(c.applicant.id_number)}"
        if c.applicant.phone:
            applicant += f"  {mask_phone(c.applicant.phone)}"
        rows = [
            (tr("办件编号"), c.number + (tr("（全程代办件）") if c.is_agency else "")),
            (tr("事项"), c.item_name),
            (tr("申请人"), applicant),
            (tr("状态"), state_text(c.state)),
            (tr("预警"), warning_text(warning)),
            (tr("承诺办结日"), due),
            (tr("时限计算"), deadline_words(detail)),
            (tr("负责人"), c.owner_name),
        ]
        if c.applicant.agent_name:
            rows.insert(3, (tr("代理人"), c.applicant.agent_name))
        if c.due_moved:
            rows.append((tr("注意"), tr("节假日安排变更后，承诺办结日已调整")))
        for label, value in rows:
            widget = QLabel(value)
            widget.setObjectName(f"info_{label}")
            widget.setWordWrap(True)
            self.info.addRow(label, widget)
        self.steps.setRowCount(len(detail.steps))
        for r, step in enumerate(detail.steps):
            status = tr("已完成") if step.done else (tr("环节超时") if step.late else tr("进行中"))
            values = [step.name, f"{step.due:%Y-%m-%d}" if step.due else "-", status]
            for col, value in enumerate(values):
                self.steps.setItem(r, col, QTableWidgetItem(value))
        self.history.setRowCount(len(c.events))
        for r, ev in enumerate(c.events):
            who = ev.staff_name + (tr("（代岗）") if ev.on_behalf_of else "")
            values = [
                hall_time(ev.at).strftime("%Y-%m-%d %H:%M"),
                who,
                action_text(ev.action),
                ev.reason,
            ]
            for col, value in enumerate(values):
                self.history.setItem(r, col, QTableWidgetItem(value))
        self.history.scrollToBottom()  # the newest entry in view
        self._build_buttons(detail)
        self.tabs.setTabText(1, tr("全程代办 ✓") if c.is_agency else tr("全程代办"))
        self.agency.load(c)

    def _build_buttons(self, detail: queries.CaseDetail) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        pending = [s for s in detail.steps if not s.done]
        for action in detail.actions:
            if action is CaseAction.COMPLETE_STEP and not pending:
                continue
            button = QPushButton(action_text(action))
            button.setObjectName(f"do_{action.value}")
            step = (pending[0].position, pending[0].name) if pending else None
            button.clicked.connect(lambda _=False, a=action, s=step: self.run_action(a, s))
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.rate_button = QPushButton(tr("录入评价…"))
        self.rate_button.setObjectName("record_rating")
        self.rate_button.setToolTip(tr("录入申请人填写的纸质评价表，或电话回访的评价"))
        self.rate_button.clicked.connect(self.record_rating)
        self.rate_button.setVisible(self.rating_known and self.rating is None)
        self.buttons.addWidget(self.rate_button)
        self.buttons.addWidget(self._print_button(detail))
        close = QPushButton(tr("关闭"))
        close.clicked.connect(self.accept)
        self.buttons.addWidget(close)

    def _print_button(self, detail: queries.CaseDetail) -> QPushButton:
        """The papers this case has, as app.cases.papers says."""
        papers = [(str(kind), paper_text(kind)) for kind in detail.papers]
        button = QPushButton(tr("打印…"))
        button.setObjectName("print_menu")
        menu = QMenu(button)
        for kind, label in papers:
            action = menu.addAction(label)
            action.setObjectName(f"print_{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.print_paper(k))
        button.setMenu(menu)
        return button

    def record_rating(self) -> None:
        assert self.detail is not None
        subject = Subject.case(self.case_id)
        form = paper_rating_form(self.ctx, self.actor, subject, self.detail.case.number, self)
        form.accepted.connect(lambda: self._changed(form.result_value))
        self.rating_form = form
        form.open()

    def print_paper(self, kind: str) -> None:
        from ui.printing.preview import open_print_preview

        assert self.detail is not None
        open_print_preview(self, self.ctx, self.actor, kind, self.detail.case.number)

    def run_action(self, action: CaseAction, step: tuple[int, str] | None = None) -> None:
        assert self.detail is not None
        case = self.detail.case
        call = service_call(
            self.ctx,
            self.actor,
            action,
            self.case_id,
            case.row_version,
            case.is_agency,
            self.detail.hand_over_to,
        )
        if action is CaseAction.START:
            run_op(self, lambda: call({}), self._changed, self._error)
            return
        form = ActionForm(
            action,
            call,
            step,
            self,
            outstanding=self.detail.outstanding,
            supervisor=self.actor.role is Role.SUPERVISOR,
            suspension_kinds=self.detail.suspension_kinds,
            overdue=self.detail.overdue,
            hand_over_to=self.detail.hand_over_to,
        )
        form.accepted.connect(lambda: self._changed(form.result_value))
        form.open()

    def _changed(self, _record: object) -> None:
        self.case_changed.emit(self.case_id)
        self.load()

    def _error(self, exc: BaseException) -> None:
        text = translated(getattr(exc, "message", str(exc)))
        QMessageBox.warning(self, tr("操作未完成"), text)
        if isinstance(exc, ConcurrentEdit):
            self.load()

"""投诉: register a complaint, record the investigation, conclude it (supervisors).

The list on the left is lazy like every list; the complaint chosen shows on the right with its
investigation notes and the actions its state allows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import staff
from app.clock import hall_time
from app.context import AppContext
from app.feedback import complaints
from app.feedback.lifecycle import COMPLAINT, ComplaintAction
from app.feedback.records import (
    ComplaintChannel,
    ComplaintInput,
    ComplaintQuery,
    ComplaintRecord,
    ComplaintState,
    ComplaintTarget,
)
from app.roles import Actor, Role
from app.site_rules import own_record
from app.staff import StaffView
from app.validation import mask_phone
from ui.feedback.labels import channel_text, complaint_state_text, target_text, tr
from ui.feedback.list_panel import ListPanel
from ui.forms import ServiceForm
from ui.lazy_model import Column, LazyTableModel
from ui.ops import run_op

Perform = Callable[[dict[str, Any]], Any]


def _against(c: ComplaintRecord) -> str:
    if c.target is ComplaintTarget.STAFF:
        return c.staff_name
    if c.target is ComplaintTarget.WINDOW:
        return tr("%s 号窗口") % c.window_number
    if c.target is ComplaintTarget.CASE:
        return c.case_number
    return tr("服务中心")


def _staff_combo(people: list[StaffView], first: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(first, None)
    for person in people:
        if person.role is not Role.ADMIN:
            combo.addItem(person.name, person.id)
    return combo


class RegisterForm(ServiceForm):
    def __init__(self, people: list[StaffView], perform: Perform, parent: QWidget) -> None:
        super().__init__(tr("登记投诉"), perform, parent)
        self.setObjectName("register_complaint_form")
        target = QComboBox()
        for t in ComplaintTarget:
            target.addItem(target_text(t), t.value)
        self.add_field("target", tr("投诉对象"), target)
        self.add_field("staff", tr("被投诉的工作人员"), _staff_combo(people, tr("（未指明）")))
        window = QSpinBox()
        window.setRange(0, 999)
        window.setSpecialValueText(tr("（未指明）"))
        self.add_field("window", tr("窗口号"), window)
        self.add_field("case_number", tr("办件编号"), QLineEdit())
        channel = QComboBox()
        for c in ComplaintChannel:
            channel.addItem(channel_text(c), c.value)
        self.add_field("channel", tr("投诉渠道"), channel)
        self.add_field("complainant_name", tr("投诉人（可匿名）"), QLineEdit())
        self.add_field("complainant_phone", tr("联系电话（选填）"), QLineEdit())
        self.add_field("content", tr("投诉内容"), QPlainTextEdit())


class NoteForm(ServiceForm):
    def __init__(self, number: str, perform: Perform, parent: QWidget) -> None:
        super().__init__(tr("调查记录 %s") % number, perform, parent)
        self.setObjectName("complaint_note_form")
        self.add_field("note", tr("调查情况"), QPlainTextEdit())


class ConcludeForm(ServiceForm):
    def __init__(
        self, complaint: ComplaintRecord, people: list[StaffView], perform: Perform, parent: QWidget
    ) -> None:
        super().__init__(tr("办结投诉 %s") % complaint.number, perform, parent)
        self.setObjectName("conclude_complaint_form")
        finding = QComboBox()
        finding.addItem(tr("（请选择）"), None)
        finding.addItem(tr("属实"), True)
        finding.addItem(tr("不属实"), False)
        self.add_field("substantiated", tr("调查结论"), finding)
        self.add_field("finding", tr("调查情况"), QPlainTextEdit())
        self.add_field("outcome", tr("处理结果及答复"), QPlainTextEdit())
        named = complaint.staff_name or tr("（无）")
        first = tr("被投诉人：%s") % named
        self.add_field("responsible", tr("责任人（属实时追究）"), _staff_combo(people, first))


class ComplaintsPage(QWidget):
    def __init__(self, ctx: AppContext, actor: Actor) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.people: list[StaffView] = []
        self.current: ComplaintRecord | None = None
        self.form: ServiceForm | None = None
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("complaint_filter")
        for label, states in (
            (tr("未办结"), {ComplaintState.REGISTERED, ComplaintState.INVESTIGATING}),
            (tr("已办结"), {ComplaintState.CONCLUDED}),
            (tr("全部"), set()),
        ):
            self.state_combo.addItem(label, frozenset(states))
        self.state_combo.currentIndexChanged.connect(self.reload)
        can_act = actor.role is Role.SUPERVISOR
        self.register_button = QPushButton(tr("登记投诉…"))
        self.register_button.setObjectName("register_complaint")
        self.register_button.clicked.connect(self.open_register)
        self.register_button.setVisible(can_act)
        model: LazyTableModel[ComplaintRecord] = LazyTableModel(
            self,
            [
                Column(tr("编号"), lambda c: c.number),
                Column(tr("状态"), lambda c: complaint_state_text(c.state, c.substantiated)),
                Column(tr("对象"), lambda c: target_text(c.target)),
                Column(tr("被投诉"), _against),
                Column(tr("内容"), lambda c: c.content.replace("\n", " ")),
                Column(tr("登记时间"), lambda c: hall_time(c.received_at).strftime("%Y-%m-%d")),
            ],
            lambda query, after: complaints.page_complaint_ids(ctx.uow(), actor, query, after),
            lambda ids: complaints.complaint_rows(ctx.uow(), actor, ids),
            lambda c: c.id,
            colors=lambda c: ("#b71c1c", "#fde0e0") if c.substantiated else None,
            tips=True,
        )
        self.list = ListPanel(
            "complaints_table",
            model,
            [self.state_combo],
            [self.register_button],
            samples={0: "QH-T20261126-0000", 1: "已办结（不属实）", 3: "QH-20261126-0000"},
            stretch=4,
        )
        self.list.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_row(current.row())
        )
        self.detail = QFormLayout()
        self.notes = QLabel()
        self.notes.setObjectName("complaint_notes")
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.note_button = QPushButton(tr("添加调查记录…"))
        self.note_button.setObjectName("add_note")
        self.note_button.clicked.connect(self.open_note)
        self.conclude_button = QPushButton(tr("办结…"))
        self.conclude_button.setObjectName("conclude_complaint")
        self.conclude_button.clicked.connect(self.open_conclude)
        actions = QHBoxLayout()
        actions.addWidget(self.note_button)
        actions.addWidget(self.conclude_button)
        actions.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(self.detail)
        right_layout.addWidget(QLabel(tr("调查记录")))
        right_layout.addWidget(self.notes, 1)
        right_layout.addLayout(actions)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.show_complaint(None)
        if can_act:
            run_op(self, lambda: staff.list_staff(ctx.uow(), actor, False), self._people)

    def _people(self, people: list[StaffView]) -> None:
        self.people = people

    # -- the list ------------------------------------------------------------------------------
    def reload(self) -> None:
        query = ComplaintQuery(states=self.state_combo.currentData())
        ctx, actor = self.ctx, self.actor
        self.list.reload(query, lambda: complaints.count_complaints(ctx.uow(), actor, query))
        self.show_complaint(None)

    def show_row(self, position: int) -> None:
        if position < 0:
            self.show_complaint(None)
            return
        self.load(self.list.model.item_id(position))

    def load(self, complaint_id: int) -> None:
        run_op(
            self,
            lambda: complaints.get_complaint(self.ctx.uow(), self.actor, complaint_id),
            self.show_complaint,
        )

    def show_complaint(self, complaint: ComplaintRecord | None) -> None:
        if not shiboken6.isValid(self):
            return
        self.current = complaint
        while self.detail.rowCount():
            self.detail.removeRow(0)
        moves = COMPLAINT.allowed_actions(complaint.state) if complaint is not None else []
        # another site's complaint (a township's, at the county) is there to read only
        can_act = self.actor.role is Role.SUPERVISOR and (
            complaint is None or own_record(complaint.site_id, self.actor.site_id)
        )
        self.note_button.setVisible(can_act and ComplaintAction.NOTE in moves)
        self.conclude_button.setVisible(can_act and ComplaintAction.CONCLUDE in moves)
        if complaint is None:
            self.detail.addRow(QLabel(tr("选择左侧的投诉查看详情。")))
            self.notes.clear()
            return
        c = complaint
        who = c.complainant_name or tr("匿名")
        if c.complainant_phone:
            who += f"  {mask_phone(c.complainant_phone)}"
        rows = [
            (tr("编号"), c.number),
            (tr("状态"), complaint_state_text(c.state, c.substantiated)),
            (tr("投诉对象"), f"{target_text(c.target)}：{_against(c)}"),
            (tr("相关办件"), c.case_number or "-"),
            (tr("渠道"), channel_text(c.channel)),
            (tr("投诉人"), who),
            (tr("登记"), f"{c.received_by_name} {hall_time(c.received_at):%Y-%m-%d %H:%M}"),
            (tr("投诉内容"), c.content),
        ]
        if c.state is ComplaintState.CONCLUDED:
            rows += [
                (tr("调查情况"), c.finding),
                (tr("处理结果"), c.outcome),
                (tr("办结"), f"{c.concluded_by_name} {_moment(c.concluded_at)}"),
            ]
            if c.accountability_id is not None:
                rows.append((tr("责任追究"), tr("已生成责任追究记录，待负责人审查")))
        for label, value in rows:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setObjectName(f"complaint_{label}")
            self.detail.addRow(label, shown)
        self.notes.setText(
            "\n".join(f"{_moment(n.at)}  {n.staff_name}：{n.text}" for n in c.notes)
            or tr("（尚无调查记录）")
        )

    # -- actions -------------------------------------------------------------------------------
    def open_register(self) -> None:
        ctx, actor = self.ctx, self.actor

        def perform(v: dict[str, Any]) -> Any:
            return complaints.register_complaint(
                ctx.uow(),
                actor,
                ComplaintInput(
                    target=v["target"],
                    content=v["content"],
                    channel=v["channel"],
                    staff_id=v["staff"],
                    window_number=v["window"] or None,
                    case_number=v["case_number"],
                    complainant_name=v["complainant_name"],
                    complainant_phone=v["complainant_phone"],
                ),
            )

        self._open(RegisterForm(self.people, perform, self))

    def open_note(self) -> None:
        if self.current is None:
            return
        complaint_id, ctx, actor = self.current.id, self.ctx, self.actor
        self._open(
            NoteForm(
                self.current.number,
                lambda v: complaints.add_investigation_note(
                    ctx.uow(), actor, complaint_id, v["note"]
                ),
                self,
            ),
            complaint_id,
        )

    def open_conclude(self) -> None:
        if self.current is None:
            return
        complaint_id, ctx, actor = self.current.id, self.ctx, self.actor
        self._open(
            ConcludeForm(
                self.current,
                self.people,
                lambda v: complaints.conclude_complaint(
                    ctx.uow(),
                    actor,
                    complaint_id,
                    v["substantiated"],
                    v["finding"],
                    v["outcome"],
                    v["responsible"],
                ),
                self,
            ),
            complaint_id,
        )

    def _open(self, form: ServiceForm, complaint_id: int | None = None) -> None:
        def done() -> None:
            self.reload()
            if complaint_id is not None:
                self.load(complaint_id)

        form.accepted.connect(done)
        self.form = form
        form.open()

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)


def _moment(at: Any) -> str:
    return hall_time(at).strftime("%Y-%m-%d %H:%M") if at else ""

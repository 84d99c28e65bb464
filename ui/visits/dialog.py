"""One visit in full: who asked what, who holds it now, its referral, the chain (who held it,
when, why it moved; never editable) and the moves this staff member may make now."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalog.service import list_items
from app.clock import hall_time
from app.context import AppContext
from app.errors import ConcurrentEdit
from app.feedback import ratings
from app.feedback.records import RatingView, Subject, SubjectKind
from app.roles import Actor
from app.validation import mask_id, mask_phone
from app.visits import service
from app.visits.lifecycle import Outcome, ReferralKind, VisitState
from app.visits.records import OutcomeInput, ReferralInput, VisitRecord
from ui.feedback.forms import paper_rating_form
from ui.feedback.labels import rating_summary
from ui.forms import ServiceForm
from ui.ops import run_op
from ui.visits.forms import NoteForm, OutcomeForm, ReferForm
from ui.visits.labels import OVERDUE_COLORS, action_text, outcome_text, state_text, tr, type_text


class VisitDialog(QDialog):
    visit_changed = Signal(int)
    visit_answered = Signal(object)  # the VisitRecord just closed here by this staff member
    application_requested = Signal(object)  # the VisitRecord: open the counter for it

    def __init__(
        self, ctx: AppContext, actor: Actor, visit_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visit_dialog")
        self.ctx, self.actor, self.visit_id = ctx, actor, visit_id
        self.detail: service.VisitDetail | None = None
        self.form: ServiceForm | None = None
        self.resize(860, 620)
        self.banner = QLabel()
        self.banner.setObjectName("visit_banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.info = QFormLayout()
        self.chain = QTableWidget(0, 5)
        self.chain.setObjectName("visit_chain")
        self.chain.setHorizontalHeaderLabels(
            [tr("时间"), tr("经办人"), tr("操作"), tr("之后由谁负责"), tr("原因/说明")]
        )
        self.chain.horizontalHeader().setStretchLastSection(True)
        self.chain.verticalHeader().hide()
        self.chain.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.buttons = QHBoxLayout()
        # 好差评 of the service given at the counter (an answer, or the body outside named); a
        # visit that became an application is rated through its case.
        self.rating_label = QLabel()
        self.rating_label.setObjectName("visit_rating")
        self.rating_label.setWordWrap(True)
        self.rating_label.hide()
        self.rating: RatingView | None = None
        self.rating_known = False
        self.rate_button: QPushButton | None = None
        info_box = QWidget()
        info_box.setLayout(self.info)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(info_box)
        layout.addWidget(self.rating_label)
        layout.addWidget(QLabel(tr("经手记录（首问责任链，不可修改）")))
        layout.addWidget(self.chain, 1)
        layout.addLayout(self.buttons)
        for keys, slot in (("Ctrl+Return", self.close_visit), ("Ctrl+P", self.print_slip)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.load()

    # -- showing -------------------------------------------------------------------------------
    def load(self) -> None:
        run_op(
            self,
            lambda: service.visit_detail(self.ctx.uow(), self.actor, self.visit_id),
            self.show_detail,
            self._error,
        )

    def show_detail(self, detail: service.VisitDetail) -> None:
        before = self.detail
        self.detail = detail
        v = detail.visit
        if (
            before is not None
            and before.visit.state is not VisitState.CLOSED
            and v.state is VisitState.CLOSED
            and v.outcome is Outcome.ANSWERED  # the visitor is at the counter (not a later call)
            and v.closed_by == self.actor.staff_id
        ):
            self.visit_answered.emit(v)  # the counter's citizen screen offers the rating
        self.setWindowTitle(tr("来访 %s") % v.number)
        while self.info.rowCount():
            self.info.removeRow(0)
        visitor = v.visitor_name or tr("（未留姓名）")
        if v.phone:
            visitor += f"  {mask_phone(v.phone)}"
        if v.id_number:
            visitor += f"  {mask_id(v.id_number)}"
        if v.needs_escort:
            visitor += tr("  【需陪同引导】")
        holder = v.holder_name
        if detail.acting_for_id is not None:
            holder += tr("（您正代其办理）")
        rows = [
            ("number", tr("登记号"), v.number),
            ("registered", tr("登记时间"), hall_time(v.registered_at).strftime("%Y-%m-%d %H:%M")),
            ("first", tr("首问人员"), v.first_responder_name),
            ("holder", tr("当前负责人"), holder),
            ("state", tr("状态"), state_text(v.state, detail.overdue)),
            ("visitor", tr("来访人"), visitor),
            ("type", tr("类型"), type_text(v.visit_type)),
            ("question", tr("咨询/办理事项"), v.question),
        ]
        pending = v.pending_referral
        if pending is not None:
            due = hall_time(pending.due_at).strftime("%m-%d %H:%M")
            rows.append(
                (
                    "referral",
                    tr("转办"),
                    tr("%s → %s，须于 %s 前接收") % (pending.number, pending.destination, due),
                )
            )
        if v.state is VisitState.CLOSED:
            result = outcome_text(v.outcome)
            if v.outcome_text:
                result += f"：{v.outcome_text}"
            if v.outcome_ref:
                result += f"（{v.outcome_ref}）"
            rows.append(("outcome", tr("办理结果"), result))
        for key, label, value in rows:
            widget = QLabel(value)
            widget.setObjectName(f"info_{key}")
            widget.setWordWrap(True)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.info.addRow(label, widget)
        self._banner(detail)
        self._fill_chain(detail)
        self._build_buttons(detail)
        self._load_rating(v)

    def _load_rating(self, visit: VisitRecord) -> None:
        rateable = not ratings.why_not_rateable(visit)
        self.rating_label.setVisible(rateable)
        self.rating, self.rating_known = None, False
        if not rateable:
            return
        subject = Subject(SubjectKind.VISIT, visit.id)
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

    def record_rating(self) -> None:
        """录入评价: the paper form the visitor filled in, or their answer on a follow-up call."""
        assert self.detail is not None
        subject = Subject(SubjectKind.VISIT, self.visit_id)
        self._open_form(
            paper_rating_form(self.ctx, self.actor, subject, self.detail.visit.number, self)
        )

    def _banner(self, detail: service.VisitDetail) -> None:
        if detail.overdue:
            self.banner.setText(tr("▲ 转办已超过接收时限，仍未被接收：请联系接收人或收回转办。"))
            self.banner.setStyleSheet(
                f"color: {OVERDUE_COLORS[0]}; background: {OVERDUE_COLORS[1]}; padding: 6px;"
            )
            self.banner.show()
        else:
            self.banner.hide()

    def _fill_chain(self, detail: service.VisitDetail) -> None:
        chain = detail.visit.chain
        self.chain.setRowCount(len(chain))
        for r, ev in enumerate(chain):
            who = ev.staff_name + (tr("（代%s）") % ev.on_behalf_name if ev.on_behalf_of else "")
            reason = ev.reason
            if ev.detail.get("to"):
                reason = (tr("转至 %s") % ev.detail["to"]) + (f"：{reason}" if reason else "")
            if ev.detail.get("late"):
                reason = tr("（超时接收）") + reason
            values = [
                hall_time(ev.at).strftime("%Y-%m-%d %H:%M"),
                who,
                action_text(ev.action),
                ev.holder_name,
                reason,
            ]
            for col, value in enumerate(values):
                self.chain.setItem(r, col, QTableWidgetItem(value))
        self.chain.resizeColumnsToContents()

    def _build_buttons(self, detail: service.VisitDetail) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        actions: list[tuple[str, str, Callable[[], None]]] = [
            ("close", tr("办结（记录结果）…"), self.close_visit),
            ("apply", tr("转为申请（打开受理台）"), self.request_application),
            ("refer", tr("转办…"), lambda: self.refer(external=False)),
            ("outside", tr("非本中心职责…"), lambda: self.refer(external=True)),
            ("acknowledge", tr("确认接收"), self.acknowledge),
            ("confirm", tr("记录确认电话…"), self.confirm_call),
            ("recall", tr("收回转办…"), self.recall),
            ("reopen", tr("重新打开…"), self.reopen),
        ]
        allowed = set(detail.actions) | ({"close"} if "answer" in detail.actions else set())
        for key, label, slot in actions:
            if key not in allowed:
                continue
            button = QPushButton(label)
            button.setObjectName(f"do_{key}")
            button.clicked.connect(lambda _=False, s=slot: s())
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.rate_button = QPushButton(tr("录入评价…"))
        self.rate_button.setObjectName("record_rating")
        self.rate_button.setToolTip(tr("录入来访人填写的纸质评价表，或电话回访的评价"))
        self.rate_button.clicked.connect(self.record_rating)
        self.rate_button.hide()  # shown once the visit is known to have no rating yet
        self.buttons.addWidget(self.rate_button)
        if detail.visit.guide_code:
            guide = QPushButton(tr("打印办事指南"))
            guide.setObjectName("print_guide")
            guide.clicked.connect(self.print_guide)
            self.buttons.addWidget(guide)
        if detail.visit.referrals:
            slip = QPushButton(tr("打印引导单 (Ctrl+P)"))
            slip.setObjectName("print_slip")
            slip.clicked.connect(self.print_slip)
            self.buttons.addWidget(slip)
        close = QPushButton(tr("关闭"))
        close.clicked.connect(self.accept)
        self.buttons.addWidget(close)

    # -- moves ---------------------------------------------------------------------------------
    def close_visit(self, preset: Outcome | None = None) -> None:
        """办结: the form starts with no outcome chosen, and the service refuses none."""
        if self.detail is None or "answer" not in self.detail.actions:
            return
        uow, actor, visit_id = self.ctx.uow, self.actor, self.visit_id

        def perform(values: dict[str, Any]) -> Any:
            outcome = OutcomeInput(
                values["outcome"],
                answer=values["answer"],
                guide_code=values["guide_code"],
                document_number=values["document_number"],
            )
            return service.close_visit(uow(), actor, visit_id, outcome)

        self._open_form(OutcomeForm(perform, preset, self))

    def request_application(self) -> None:
        if self.detail is not None:
            self.application_requested.emit(self.detail.visit)

    def refer(self, external: bool) -> None:
        ctx, actor = self.ctx, self.actor

        def targets() -> tuple[service.ReferralTargets, list[tuple[str, str]]]:
            items = [(i.code, f"{i.code} {i.name}") for i in list_items(ctx.uow())]
            return service.referral_targets(ctx.uow(), actor), items

        run_op(self, targets, lambda found: self._refer_form(external, *found), self._error)

    def _refer_form(
        self, external: bool, targets: service.ReferralTargets, items: list[tuple[str, str]]
    ) -> None:
        uow, actor, visit_id = self.ctx.uow, self.actor, self.visit_id

        def perform(values: dict[str, Any]) -> Any:
            referral = ReferralInput(
                kind=ReferralKind(values["kind"]),
                to_staff_id=values.get("to_staff"),
                to_window_number=values.get("to_window"),
                to_department_id=values.get("to_department"),
                to_body=values.get("to_body", ""),
                to_contact=values.get("to_contact", ""),
                to_phone=values.get("to_phone", ""),
                item_code=values.get("item_code") or "",
                reason=values["reason"],
            )
            return service.refer_visit(uow(), actor, visit_id, referral)

        form = ReferForm(
            perform, external, targets.staff, targets.windows, targets.departments, items, self
        )
        self._open_form(form)

    def acknowledge(self) -> None:
        detail = self.detail
        if detail is None or detail.visit.pending_referral is None:
            return
        referral_id = detail.visit.pending_referral.id
        run_op(
            self,
            lambda: service.acknowledge_referral(self.ctx.uow(), self.actor, referral_id),
            self._changed,
            self._error,
        )

    def confirm_call(self) -> None:
        self._note_form(
            tr("记录确认电话"),
            "note",
            tr("对方单位、接听人及确认情况"),
            lambda uow, referral_id, text: service.confirm_outside_referral(
                uow, self.actor, referral_id, text
            ),
        )

    def recall(self) -> None:
        self._note_form(
            tr("收回转办"),
            "reason",
            tr("收回原因（如：来访人返回首问窗口）"),
            lambda uow, referral_id, text: service.recall_referral(
                uow, self.actor, referral_id, text
            ),
        )

    def reopen(self) -> None:
        uow, actor, visit_id = self.ctx.uow, self.actor, self.visit_id
        form = NoteForm(
            tr("重新打开来访"),
            "reason",
            tr("重新打开的原因"),
            lambda values: service.reopen_visit(uow(), actor, visit_id, values["reason"]),
            self,
        )
        self._open_form(form)

    def _note_form(
        self, title: str, key: str, label: str, call: Callable[[Any, int, str], Any]
    ) -> None:
        detail = self.detail
        if detail is None or detail.visit.pending_referral is None:
            return
        referral_id, uow = detail.visit.pending_referral.id, self.ctx.uow
        form = NoteForm(title, key, label, lambda values: call(uow(), referral_id, values[key]))
        form.setParent(self, form.windowFlags())
        self._open_form(form)

    def _open_form(self, form: ServiceForm) -> None:
        form.accepted.connect(lambda: self._changed(form.result_value))
        self.form = form
        form.open()

    def _changed(self, _result: object) -> None:
        self.visit_changed.emit(self.visit_id)
        self.load()

    def print_slip(self) -> None:
        from ui.printing.preview import open_print_preview

        if self.detail is None or not self.detail.visit.referrals:
            return
        number = self.detail.visit.referrals[-1].number
        self.preview = open_print_preview(self, self.ctx, self.actor, "referral", number)

    def print_guide(self) -> None:
        """The service guide handed over with the answer (the version now in force)."""
        from ui.printing.preview import open_print_preview

        if self.detail is None or not self.detail.visit.guide_code:
            return
        code = self.detail.visit.guide_code
        self.preview = open_print_preview(self, self.ctx, self.actor, "guide", code)

    def _error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, tr("操作未完成"), getattr(exc, "message", str(exc)))
        if isinstance(exc, ConcurrentEdit):
            self.load()

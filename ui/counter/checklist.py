"""The checklist of one visitor: the item, the applicant, the materials, and what follows
(``ui.counter.situation``). The services decide; the panel shows their refusals at the fields
and saves nothing itself, so nothing is ever saved half. On a return visit it works on the
notice: what was received is ticked, and asking for anything the notice did not list goes
through an extra demand with a written reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.cases.records import AcceptRequest
from app.catalog.records import Necessity
from app.clock import DEFAULT_TZ
from app.context import AppContext
from app.counter import accept_application
from app.errors import DomainError, ValidationError
from app.notices import refusals
from app.notices import service as notices
from app.notices.records import NoticeRecord, NoticeRequest, RefusalRequest
from app.roles import Actor
from ui.agency.terms import AgencyBox
from ui.app_messages import translated
from ui.counter.applicant import ApplicantForm
from ui.counter.dialogs import ExtraDemandForm, RefusalForm
from ui.counter.labels import DEFERRED, MISSING, NOT_APPLICABLE, RECEIVED, tr
from ui.counter.materials import MaterialTable
from ui.counter.situation import SituationBar
from ui.forms import ERROR_STYLE, error_label, show_error
from ui.ops import run_op


@dataclass(frozen=True)
class CounterProgress:
    """What the applicant may watch of the checklist (the citizen-facing screen): the item, its
    committed limit, the materials as they are ticked. Nothing about the person."""

    item_name: str = ""  # empty: no item on the checklist
    committed_days: int = 0
    on_the_spot: bool = False
    due: date | None = None  # if accepted today
    materials: tuple[tuple[str, str, bool], ...] = ()  # name, state, optional


class ChecklistPanel(QWidget):
    accepted = Signal(object)  # AcceptResult
    notice_issued = Signal(object)  # NoticeResult
    refused = Signal(object)  # RefusalResult
    demand_recorded = Signal(int)  # the material id asked for beyond the notice
    progress_changed = Signal(object)  # CounterProgress, on every change the applicant may see

    def __init__(self, ctx: AppContext, actor: Actor, window_number: int | None = None) -> None:
        super().__init__()
        self.ctx, self.actor, self.window_number = ctx, actor, window_number
        self.checklist: notices.Checklist | None = None
        self.notice: NoticeRecord | None = None
        self._opened_at: datetime | None = None
        self._received_touched = False
        self.busy = False
        self.last_deferred = False  # whether the case just accepted has deferred materials

        self.header = QLabel(tr("请先在左侧查找并选择办理事项，或输入告知单编号办理回访。"))
        self.header.setObjectName("checklist_header")
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.return_banner = QLabel()
        self.return_banner.setObjectName("return_banner")
        self.return_banner.setWordWrap(True)
        self.return_banner.setStyleSheet("background: #e8f0fe; padding: 6px;")
        self.return_banner.hide()

        self.applicant = ApplicantForm(
            lambda: self.ctx.clock.now().astimezone(DEFAULT_TZ).date(),
            card_readers=ctx.card_readers,
        )
        self.applicant.check_identity = self._check_identity
        for field in self.applicant.fields.values():  # a field's red message shows in the bar
            field.editingFinished.connect(self.update_situation)
            field.textEdited.connect(lambda _text: self.update_situation())
        self.received_at = QDateTimeEdit()
        self.received_at.setObjectName("received_at")
        self.received_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_at.setSpecialValueText(" ")  # blank until an item is chosen
        self.received_at.dateTimeChanged.connect(self._received_changed)
        # Now, unless the materials came earlier: off the Tab chain (its five sections would
        # stand between the phone and the materials); Alt+J or the mouse reach it.
        self.received_at.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.received_error = error_label("received_at")
        self.applicant.add_beside_agent(tr("收件时间(&J)"), self.received_at, self.received_error)
        self.agency = AgencyBox(
            ctx, actor, lambda: self.ctx.clock.now().astimezone(DEFAULT_TZ).date()
        )

        self.materials = MaterialTable()
        self.materials.states_changed.connect(self.update_situation)
        self.materials.demand_requested.connect(self.request_demand)
        self.materials_error = error_label("materials")
        keys = QLabel(
            tr("↑↓ 选择　空格 已收/未收　1 已收　2 容缺　3 不适用　0 未收　A 其余全部已收")
        )
        keys.setToolTip(tr("每勾选一项自动移到下一项；双击也可切换已收/未收"))
        keys.setObjectName("materials_keys")
        keys.setWordWrap(True)
        keys.setStyleSheet("color: #555;")
        # The applicant's papers all there: one key from anywhere on the checklist (the phone
        # field, say), so the clerk goes from the last field to "accept" without the table.
        self.all_received = QPushButton(tr("其余全部已收 (F8)"))
        self.all_received.setObjectName("all_received")
        self.all_received.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_received.setToolTip(tr("未收的必交、视情况提交材料全部标为已收（选交材料不变）"))
        self.all_received.clicked.connect(lambda _c=False: self.mark_rest_received())

        self.outcomes = SituationBar()
        bar = self.outcomes
        bar.accept_button.clicked.connect(lambda _c=False: self.accept_case())
        bar.defer_button.clicked.connect(lambda _c=False: self.offer_deferral())
        bar.notice_button.clicked.connect(lambda _c=False: self.issue_notice())
        bar.refuse_button.clicked.connect(lambda _c=False: self.open_refusal())

        self.message = QLabel()
        self.message.setObjectName("checklist_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)

        for keys_text, slot in (
            ("Ctrl+Return", self.accept_case),
            ("Ctrl+Enter", self.accept_case),
            ("F8", self.mark_rest_received),
        ):
            shortcut = QShortcut(QKeySequence(keys_text), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        # The applicant above, the materials below, with a splitter between: on a 1024×768
        # screen the applicant's part scrolls rather than push the buttons off the window, and
        # the materials get whatever height the screen has.
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.applicant)
        upper_layout.addWidget(self.agency)
        upper_layout.addStretch(1)
        self.upper_scroll = QScrollArea()
        self.upper_scroll.setObjectName("applicant_scroll")
        self.upper_scroll.setWidget(upper)
        self.upper_scroll.setWidgetResizable(True)
        self.upper_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.upper_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.upper_scroll.setMinimumHeight(60)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        key_row = QHBoxLayout()
        key_row.addWidget(keys, 1)
        key_row.addWidget(self.all_received)
        lower_layout.addLayout(key_row)
        lower_layout.addWidget(self.materials, 1)
        lower_layout.addWidget(self.materials_error)
        self.materials.setMinimumHeight(90)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("checklist_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.upper_scroll)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        # The applicant's part as tall as it needs, not more; the rest to the materials.
        self.splitter.setSizes([upper.sizeHint().height(), 10_000])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.return_banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.outcomes)
        self.clear()

    # -- loading -----------------------------------------------------------------------------
    def clear(self) -> None:
        """Ready for the next visitor: nothing of the last one stays on screen."""
        self.checklist, self.notice = None, None
        self.header.setText(tr("请先在左侧查找并选择办理事项，或输入告知单编号办理回访。"))
        self.return_banner.hide()
        self.applicant.clear()
        self.agency.reset()
        self.materials.load(None)
        self.received_at.blockSignals(True)
        self.received_at.setDateTime(self.received_at.minimumDateTime())  # shown blank
        self.received_at.setEnabled(False)  # dated when the next item is chosen
        self.received_at.blockSignals(False)
        self.outcomes.reset()
        self._clear_errors()
        self.update_situation()

    def unfinished(self) -> str:
        """What the clerk would lose by leaving now ('' when nothing): an item on the checklist
        with an applicant typed or a material ticked."""
        if self.checklist is None or self.busy:
            return ""
        typed = any(
            self.applicant.fields[k].text().strip()
            for k in ("applicant_name", "id_number", "phone")
        )
        ticked = any(state != MISSING for state in self.materials.states().values())
        if not (typed or ticked):
            return ""
        name = self.applicant.fields["applicant_name"].text().strip()
        return f"{self.checklist.version.name}" + (f"（{name}）" if name else "")

    def load_item(self, checklist: notices.Checklist) -> None:
        """A new application: keep what was typed about the applicant, tick from scratch."""
        self.checklist, self.notice = checklist, None
        self.return_banner.hide()
        self.materials.load(checklist.version)
        self._dates(checklist)
        self._clear_errors()
        self.update_situation()

    def load_return_visit(self, notice: NoticeRecord, checklist: notices.Checklist) -> None:
        """The applicant is back with a notice: what was received is ticked, and what was not
        on the notice is locked (asking for it needs a written reason)."""
        self.checklist, self.notice = checklist, notice
        self.applicant.set_value(notice.applicant)
        states: dict[int, str] = {}
        locked: dict[int, str] = {}
        for m in checklist.version.materials:
            if m.id in notice.received_ids:
                states[m.id] = RECEIVED
            elif m.id not in notice.missing_ids and m.necessity is not Necessity.OPTIONAL:
                states[m.id] = NOT_APPLICABLE
            if m.id in notice.demanded_ids:
                states[m.id] = MISSING
            if m.id not in notice.missing_ids and m.id not in notice.demanded_ids:
                locked[m.id] = tr("首次已收") if m.id in notice.received_ids else tr("告知单未列")
        self.materials.load(checklist.version, states, locked)
        missing = [m.name for m in checklist.version.materials if m.id in notice.missing_ids]
        issued = notice.issued_at.astimezone(DEFAULT_TZ).strftime("%Y-%m-%d %H:%M")
        self.return_banner.setText(
            tr("回访：一次性告知单 %s（%s 于 %s 出具）。告知补齐：%s")
            % (notice.number, notice.issued_by_name, issued, "、".join(missing))
        )
        self.return_banner.show()
        self._dates(checklist)
        self._clear_errors()
        self.update_situation()

    def _dates(self, checklist: notices.Checklist) -> None:
        v = checklist.version
        limit = tr("即办件") if v.on_the_spot else tr("承诺%s个工作日") % v.committed_days
        edition = tr("第%s版") % v.version_no
        self.header.setText(f"{v.name}　{v.code}（{edition}，{v.department}，{limit}）")
        now = self.ctx.clock.now()
        self._opened_at = now
        local = now.astimezone(DEFAULT_TZ).replace(tzinfo=None, second=0, microsecond=0)
        self.received_at.blockSignals(True)
        self.received_at.setMaximumDateTime(QDateTime(local))
        self.received_at.setDateTime(QDateTime(local))
        self.received_at.setEnabled(True)
        self.received_at.blockSignals(False)
        self._received_touched = False
        self.outcomes.set_dates(checklist)

    def _received_changed(self) -> None:
        self._received_touched = True

    def _check_identity(self, id_type: str, number: str, name: str) -> None:
        """The names this ID was recorded under before, off the GUI thread; a failed lookup
        only means no warning."""
        from app.cases import identity

        uow, actor, asked = self.ctx.uow, self.actor, (id_type, number, name)
        run_op(
            self,
            lambda: identity.other_names(uow(), actor, *asked),
            lambda names: self._other_names(asked, names),
            lambda _exc: None,
        )

    def _other_names(self, asked: tuple[str, str, str], names: list[Any]) -> None:
        if shiboken6.isValid(self):
            self.applicant.show_other_names(asked, names)

    # -- the situation -----------------------------------------------------------------------
    def update_situation(self) -> None:
        self.outcomes.show_situation(
            self.checklist is not None,
            self.materials.missing(),
            len(self.materials.ids(DEFERRED)),
            self.busy,
            self.applicant.has_errors(),
        )
        self.all_received.setEnabled(
            self.checklist is not None and not self.busy and bool(self.materials.missing())
        )
        self.progress_changed.emit(self.progress())

    def progress(self) -> CounterProgress:
        if self.checklist is None:
            return CounterProgress()
        version = self.checklist.version
        states = self.materials.states()
        return CounterProgress(
            item_name=version.name,
            committed_days=version.committed_days,
            on_the_spot=version.on_the_spot,
            due=self.checklist.committed_due,
            materials=tuple(
                (m.name, states.get(m.id, MISSING), m.necessity is Necessity.OPTIONAL)
                for m in self.materials.materials
            ),
        )

    def mark_rest_received(self) -> None:
        """F8: every required or conditional material not yet ticked is received."""
        if self.checklist is None or self.busy:
            return
        self.materials.mark_rest_received()

    def offer_deferral(self) -> None:
        """Mark every missing (deferrable) material deferred and go to the supply date."""
        self.materials.mark_all(MISSING, DEFERRED, only_deferrable=True)
        self.outcomes.deferred_by.setFocus()

    # -- the three outcomes ------------------------------------------------------------------
    def _received_time(self) -> datetime | None:
        if not self._received_touched:
            return self._opened_at
        local = self.received_at.dateTime().toPython()
        assert isinstance(local, datetime)
        return local.replace(tzinfo=DEFAULT_TZ)

    def accept_request(self) -> AcceptRequest:
        assert self.checklist is not None
        deferred = bool(self.materials.ids(DEFERRED))
        return AcceptRequest(
            item_version_id=self.checklist.version.id,
            applicant=self.applicant.value(),
            received_material_ids=self.materials.ids(RECEIVED),
            deferred_material_ids=self.materials.ids(DEFERRED),
            not_applicable_material_ids=self.materials.ids(NOT_APPLICABLE),
            deferred_supply_by=self.outcomes.deferred_supply_by() if deferred else None,
            applicant_commitment=self.outcomes.commitment.toPlainText() if deferred else "",
            received_at=self._received_time(),
            window_number=self.window_number,
        )

    def accept_case(self) -> None:
        if self.checklist is None or self.busy or not self.outcomes.accept_button.isEnabled():
            return
        req, uow, actor = self.accept_request(), self.ctx.uow, self.actor
        notice = self.notice
        self.last_deferred = bool(req.deferred_material_ids)
        terms = self.agency.terms() if self.agency.chosen else None
        notice_id = notice.id if notice is not None else None
        self._run(
            lambda: accept_application(uow(), actor, req, notice_id=notice_id, agency=terms),
            "accepted",
        )

    def issue_notice(self) -> None:
        if self.checklist is None or self.busy or not self.outcomes.notice_button.isEnabled():
            return
        req = NoticeRequest(
            item_version_id=self.checklist.version.id,
            applicant=self.applicant.value(),
            received_material_ids=self.materials.ids(RECEIVED),
            not_applicable_material_ids=self.materials.ids(NOT_APPLICABLE),
            received_at=self._received_time(),
            supply_by=self.outcomes.notice_supply_by(),
            window_number=self.window_number,
            previous_notice_id=self.notice.id if self.notice else None,
        )
        uow, actor = self.ctx.uow, self.actor
        self._run(lambda: notices.issue_one_time_notice(uow(), actor, req), "notice_issued")

    def open_refusal(self) -> None:
        from app.printing.documents import DEFAULT_REMEDY

        if self.checklist is None or self.busy:
            return
        self._clear_errors()
        version_id = self.checklist.version.id
        notice_id = self.notice.id if self.notice else None
        uow, actor, window = self.ctx.uow, self.actor, self.window_number
        applicant = self.applicant.value()

        def perform(values: dict[str, str]) -> Any:
            return refusals.refuse_application(
                uow(),
                actor,
                RefusalRequest(
                    item_version_id=version_id,
                    applicant=applicant,
                    reason=values["reason"],
                    legal_basis=values["legal_basis"],
                    redirect_to=values["redirect_to"],
                    notice_id=notice_id,
                    window_number=window,
                ),
            )

        form = RefusalForm(perform, DEFAULT_REMEDY, self)
        form.accepted.connect(lambda: self._finished("refused", form.result_value))
        # A wrong applicant field is shown on the checklist too, where it is corrected.
        form.refused_fields.connect(self._show_errors)
        self.refusal_form = form
        form.open()

    # -- extra demands on a return visit -----------------------------------------------------
    def request_demand(self, material_id: int) -> None:
        if self.notice is None or self.checklist is None:
            return
        material = self.checklist.version.material(material_id)
        notice_id, uow, actor = self.notice.id, self.ctx.uow, self.actor

        def perform(values: dict[str, str]) -> int:
            return notices.record_extra_demand(
                uow(), actor, notice_id, material_id, values["reason"]
            )

        form = ExtraDemandForm(material.name, perform, self)
        form.accepted.connect(lambda: self._demand_recorded(material_id))
        self.demand_form = form
        form.open()

    def _demand_recorded(self, material_id: int) -> None:
        if not shiboken6.isValid(self):
            return
        self.materials.unlock(material_id)
        self.materials.setCurrentCell(self.materials.row_of(material_id), 0)
        self.materials.setFocus()
        self.demand_recorded.emit(material_id)

    # -- running and reporting ---------------------------------------------------------------
    def _run(self, work: Callable[[], Any], signal: str) -> None:
        self._clear_errors()
        self.busy = True
        self.update_situation()
        run_op(self, work, lambda r: self._finished(signal, r), self._failed)

    def _finished(self, signal: str, result: Any) -> None:
        if not shiboken6.isValid(self):
            return
        self.busy = False
        getattr(self, signal).emit(result)
        self.clear()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.busy = False
        self.update_situation()
        if isinstance(exc, ValidationError):
            self._show_errors(exc.errors)
        elif isinstance(exc, DomainError):
            self.message.setText(translated(exc.message))
        else:
            self.message.setText(tr("操作失败：%s") % exc)

    def _show_errors(self, errors: dict[str, str]) -> None:
        placed = self.applicant.show_errors(errors) | self.agency.show_errors(errors)
        targets = {
            "materials": self.materials_error,
            "received_at": self.received_error,
            **self.outcomes.errors,
        }
        for key, text in errors.items():
            if key in targets:
                show_error(targets[key], text)
                placed.add(key)
        rest = [translated(text) for key, text in errors.items() if key not in placed]
        self.message.setText("\n".join(rest))
        self.update_situation()  # the bar no longer says all is well
        first = self.applicant.first_error_field()
        if first is not None:
            first.setFocus()
        elif "materials" in errors:
            self.materials.setFocus()

    def _clear_errors(self) -> None:
        self.applicant.clear_errors()
        self.agency.clear_errors()
        for label in (
            self.materials_error,
            self.received_error,
            *self.outcomes.errors.values(),
        ):
            show_error(label, "")
        self.message.clear()

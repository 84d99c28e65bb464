"""我的待办: the clerk's start screen.

Referrals waiting for me (and for whom I stand in), my open visits (a referral not acknowledged
in time at the top, in red), my cases by urgency (red and yellow first, the case list's own
columns and warning levels), deferred materials due, and one search box across visits, notices
and cases that also takes a scanned QR code. A supervisor sees every referral of the center not
acknowledged in time instead of the referrals waiting for them.

All four lists are ``ui.lazy_model`` models: their queries run in the thread pool.

Keyboard: F2 register a visit, Ctrl+F the search box, Enter opens the selected row, F5 reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.cases import queries
from app.cases.records import CaseRow
from app.clock import hall_time
from app.context import AppContext
from app.errors import DomainError, ValidationError
from app.notices.service import NOTICE_LIMIT_WORKING_DAYS
from app.roles import Actor, Role
from app.visits import absence, service, worklist
from app.visits.records import (
    AbsenceInput,
    DeferredRow,
    ReferralQuery,
    ReferralRow,
    SearchHit,
    VisitInput,
    VisitRow,
)
from app.warning_levels import WarningLevel
from ui.cases.columns import case_colors, case_columns
from ui.forms import error_label, show_error
from ui.lazy_model import Colors, Column, LazyTableModel
from ui.ops import run_op
from ui.visits.forms import AwayForm, RegisterForm
from ui.visits.labels import (
    OVERDUE_COLORS,
    WAITING_COLORS,
    reason_text,
    state_text,
    tr,
    type_text,
)
from ui.worklist.appointments_box import TodayAppointmentsBox

HIT_ROLE = Qt.ItemDataRole.UserRole
RELOAD_MS = 2 * 60 * 1000  # a referral passes its limit while nobody touches anything
WIDTH_SAMPLES = {
    "referrals": ("▲ 已超时", "11-26 16:49", "欧阳娜娜【陪同】", "欧阳娜娜", "欧阳娜娜（代岗）"),
    "visits": (
        "▲ 转办超时未接收",
        "11-26 16:49",
        "欧阳娜娜【陪同】",
        "投诉",
        "欧阳娜娜（代岗）",
        "3号窗口 王芳",
    ),
    "cases": (
        "██ 黄牌·临期",
        "QH-20261126-0000",
        "欧阳娜娜",
        "最低生活保障",
        "已中止计时",
        "2026-12-31",
    ),
    "deferred": ("▲ 已过期 12-31", "QH-20261126-0000", "欧阳娜娜", "欧阳娜娜"),
}


def _time(at: datetime) -> str:
    return hall_time(at).strftime("%m-%d %H:%M")


class WorkListPage(QWidget):
    visit_opened = Signal(int)
    case_opened = Signal(int)
    notice_opened = Signal(int)
    appointment_opened = Signal(str)  # the number: the 预约 page opens on it
    reloaded = Signal()  # the queue was read again and the lists reset

    def __init__(self, ctx: AppContext, actor: Actor) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.supervising = actor.role is Role.SUPERVISOR
        self.queue: worklist.Queue | None = None
        self.overdue_query: ReferralQuery | None = None
        self.mine: frozenset[int] = frozenset({actor.staff_id})
        self.form: Any = None

        self.search = QLineEdit()
        self.search.setObjectName("work_search")
        self.search.setPlaceholderText(
            tr("编号、身份证号、电话或姓名，可扫码；回车查找来访、告知单和办件（Ctrl+F）")
        )
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.run_search)
        self.search_error = error_label("work_search")
        self.message = QLabel()
        self.message.setObjectName("work_message")
        self.message.setStyleSheet("color: #1b5e20;")
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        self.results.itemActivated.connect(lambda item: self.open_hit(item.data(HIT_ROLE)))
        self.results.hide()
        register = QPushButton(tr("登记来访 (F2)"))
        register.setObjectName("register_visit_button")
        register.clicked.connect(self.register_visit)
        away = QPushButton(tr("离岗登记…"))
        away.setObjectName("mark_away_button")
        away.clicked.connect(self.mark_away)
        away.setVisible(not self.supervising)  # supervisors mark clerks away on the staff page
        refresh = QPushButton(tr("刷新 (F5)"))
        refresh.clicked.connect(self.reload)
        self.banner = QLabel()
        self.banner.setObjectName("standing_in")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #e8f0fe; padding: 6px;")
        self.banner.hide()
        self.back_button = QPushButton(tr("我已返岗"))
        self.back_button.setObjectName("back_at_post")
        self.back_button.clicked.connect(self.back_at_post)
        self.back_button.hide()
        self._own_absence: int | None = None

        # Each list's query is taken on the GUI thread at reload (see _queue_ready); the
        # service calls below run in the thread pool.
        ctx, actor = self.ctx, self.actor
        self.referrals: LazyTableModel[ReferralRow] = self._lazy(
            self._referral_columns(),
            lambda query, after: worklist.page_referral_ids(ctx.uow(), actor, query, after),
            lambda ids: worklist.referral_rows(ctx.uow(), actor, ids),
            lambda row: row.id,
            _referral_colors,
        )
        self.visits: LazyTableModel[VisitRow] = self._lazy(
            self._visit_columns(),
            lambda query, after: worklist.page_visit_ids(ctx.uow(), actor, query, after),
            lambda ids: worklist.visit_rows(ctx.uow(), actor, ids),
            lambda row: row.id,
            _visit_colors,
        )
        self.deferred: LazyTableModel[DeferredRow] = self._lazy(
            self._deferred_columns(),
            lambda mine, after: worklist.page_deferred_ids(ctx.uow(), actor, mine, None, after),
            lambda ids: worklist.deferred_rows(ctx.uow(), actor, ids),
            lambda row: row.case_id,
            self._deferred_colors,
        )
        self.cases: LazyTableModel[CaseRow] = self._lazy(
            case_columns(),
            lambda query, after: queries.page_case_ids(ctx.uow(), actor, query, after),
            lambda ids: queries.case_rows(ctx.uow(), actor, ids),
            lambda row: row.id,
            case_colors,
        )
        referral_title = (
            tr("超时未接收的转办（全中心）") if self.supervising else tr("待我接收的转办")
        )
        self.boxes: dict[str, QGroupBox] = {}
        self.views: dict[str, QTableView] = {}
        grid = QGridLayout()
        for position, (key, title, model) in enumerate(
            (
                ("referrals", referral_title, self.referrals),
                ("cases", tr("我的办件（红牌、黄牌在前）"), self.cases),
                ("visits", tr("我的来访"), self.visits),
                ("deferred", tr("容缺材料待补"), self.deferred),
            )
        ):
            box = self._box(key, title, model)
            if self.supervising and key != "referrals":
                # A supervisor keeps no cases, visits or deferrals of their own here: the page
                # is the center's overdue referrals (their own work is on the other pages).
                box.hide()
                continue
            span = 2 if self.supervising else 1
            grid.addWidget(box, position // 2, position % 2, 1, span)
        # A clerk with a window sees who has booked it today (a supervisor keeps no window).
        self.appointments: TodayAppointmentsBox | None = None
        if not self.supervising and actor.window_id is not None:
            self.appointments = TodayAppointmentsBox(ctx, actor)
            self.appointments.opened.connect(self.appointment_opened)
            self.appointments.failed.connect(self._load_failed)
            grid.addWidget(self.appointments, 2, 0, 1, 2)
            grid.setRowStretch(0, 3)
            grid.setRowStretch(1, 3)
            grid.setRowStretch(2, 2)
        self.counts: dict[str, int] = {}

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button in (register, away, refresh):
            top.addWidget(button)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.search_error)
        layout.addWidget(self.message)
        layout.addWidget(self.results)
        layout.addLayout(banner_row)
        layout.addLayout(grid, 1)
        for keys, slot in (
            ("F2", self.register_visit),
            ("Ctrl+F", self.search.setFocus),
            ("F5", self.reload),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        # The row each list had selected before a reload, selected again once its page is back:
        # the reload every two minutes must not take the clerk's place in a list away.
        self._kept: dict[str, int] = {}
        for key, lazy in self._models().items():
            lazy.page_loaded.connect(lambda _count, k=key: self._restore(k))
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.timer.start(RELOAD_MS)

    # -- building ------------------------------------------------------------------------------
    def _lazy(
        self,
        columns: Sequence[Column[Any]],
        page: Any,
        rows: Any,
        row_id: Any,
        colors: Callable[[Any], Colors | None],
    ) -> Any:
        return LazyTableModel(
            self, columns, page, rows, row_id, colors=colors, on_error=self._load_failed
        )

    def _models(self) -> dict[str, LazyTableModel[Any]]:
        return {
            "referrals": self.referrals,
            "cases": self.cases,
            "visits": self.visits,
            "deferred": self.deferred,
        }

    def _box(self, key: str, title: str, model: Any) -> QGroupBox:
        view = QTableView()
        view.setObjectName(f"{key}_table")
        view.verticalHeader().hide()
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        self.views[key] = view
        self._attach(key, model)
        view.doubleClicked.connect(lambda index, k=key: self.open_row(k, index.row()))
        view.activated.connect(lambda index, k=key: self.open_row(k, index.row()))
        box = QGroupBox(title)
        box.setObjectName(f"{key}_box")
        inner = QVBoxLayout(box)
        inner.addWidget(view)
        self.boxes[key] = box
        box.setProperty("title_text", title)
        return box

    def _attach(self, key: str, model: Any) -> None:
        view = self.views[key]
        view.setModel(model)
        # Widths from the font, not from the rows: measuring rows would read them all.
        metrics, header = view.fontMetrics(), view.horizontalHeader()
        for column, sample in enumerate(WIDTH_SAMPLES[key]):
            # Never narrower than the header's own text (English headers are the longer).
            width = max(metrics.horizontalAdvance(sample) + 16, header.sectionSizeHint(column))
            view.setColumnWidth(column, width)

    def _referral_columns(self) -> list[Column[ReferralRow]]:
        def state(row: ReferralRow) -> str:
            return tr("▲ 已超时") if row.overdue else tr("→ 待接收")

        def waiting(row: ReferralRow) -> str:
            standing_in = (
                row.waiting_for_id is not None and row.waiting_for_id != self.actor.staff_id
            )
            return row.waiting_for_name + (
                tr("（代岗）") if standing_in and not self.supervising else ""
            )

        def visitor(row: ReferralRow) -> str:
            return (row.visitor_name or tr("（未留姓名）")) + (
                tr("【陪同】") if row.needs_escort else ""
            )

        return [
            Column(tr("状态"), state),
            Column(tr("接收时限"), lambda r: _time(r.due_at)),
            Column(tr("来访人"), visitor),
            Column(tr("转自"), lambda r: r.from_staff_name),
            Column(tr("接收"), waiting),
            Column(tr("事项"), lambda r: r.question),
        ]

    def _visit_columns(self) -> list[Column[VisitRow]]:
        def holder(row: VisitRow) -> str:
            return row.holder_name + (
                tr("（代岗）") if row.holder_id != self.actor.staff_id else ""
            )

        def visitor(row: VisitRow) -> str:
            return (row.visitor_name or tr("（未留姓名）")) + (
                tr("【陪同】") if row.needs_escort else ""
            )

        return [
            Column(tr("状态"), lambda r: state_text(r.state, r.overdue)),
            Column(tr("登记时间"), lambda r: _time(r.registered_at)),
            Column(tr("来访人"), visitor),
            Column(tr("类型"), lambda r: type_text(r.visit_type)),
            Column(tr("负责人"), holder),
            Column(tr("转往"), lambda r: r.referral_destination),
            Column(tr("事项"), lambda r: r.question),
            Column(tr("受理决定"), _acceptance_text, _acceptance_colors),
        ]

    def _deferred_columns(self) -> list[Column[DeferredRow]]:
        def due(row: DeferredRow) -> str:
            if row.supply_by is None:
                return "-"
            today = hall_time(self.ctx.clock.now()).date()
            mark = (
                tr("▲ 已过期（可中止或终止办理） ")
                if row.overdue
                else (tr("今日 ") if row.supply_by == today else "")
            )
            return mark + f"{row.supply_by:%m-%d}"

        return [
            Column(tr("补交期限"), due),
            Column(tr("办件编号"), lambda r: r.case_number),
            Column(tr("申请人"), lambda r: r.applicant_name),
            Column(tr("负责人"), lambda r: r.owner_name),
            Column(tr("容缺材料"), lambda r: "、".join(r.materials)),
        ]

    def _deferred_colors(self, row: DeferredRow) -> Colors | None:
        if row.overdue:  # app.cases.deferral's rule, carried on the row
            return OVERDUE_COLORS
        today = hall_time(self.ctx.clock.now()).date()
        return WAITING_COLORS if row.supply_by == today else None

    # -- queries -------------------------------------------------------------------------------
    def _own_referrals(self) -> ReferralQuery:
        assert self.queue is not None
        return self.queue.referrals()

    # -- loading -------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)

    def _tick(self) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        ctx, actor = self.ctx, self.actor

        def work() -> tuple[worklist.Queue, ReferralQuery | None, list[Any]]:
            queue = worklist.my_queue(ctx.uow(), actor)
            overdue = worklist.overdue_referrals(ctx.uow(), actor) if self.supervising else None
            own = [
                a
                for a in absence.upcoming_absences(ctx.uow(), actor)
                if a.staff_id == actor.staff_id
            ]
            return queue, overdue, own

        run_op(self, work, self._queue_ready, self._load_failed)

    def _queue_ready(self, found: tuple[worklist.Queue, ReferralQuery | None, list[Any]]) -> None:
        if not shiboken6.isValid(self):
            return
        self.queue, self.overdue_query, own = found
        self.mine = self.queue.staff_ids
        self._show_banner(self.queue, own)
        self._kept = {key: kept for key in self.views if (kept := self._selected(key)) is not None}
        queue = self.queue
        self.referrals.reload(self.overdue_query if self.supervising else queue.referrals())
        self.visits.reload(queue.visits())
        self.cases.reload(queue.cases())
        self.deferred.reload(self.mine)
        if self.appointments is not None:
            self.appointments.reload()
        self._count()
        self.reloaded.emit()

    def _selected(self, key: str) -> int | None:
        view = self.views[key]
        index = view.currentIndex()
        if not index.isValid() or not view.selectionModel().hasSelection():
            return None
        return self._models()[key].item_id(index.row())

    def _restore(self, key: str) -> None:
        """Select again the row that was selected before the reload, if it is still listed and
        the clerk has not picked another meanwhile."""
        kept = self._kept.pop(key, None)
        view = self.views[key]
        if kept is None or view.selectionModel() is None or view.currentIndex().isValid():
            return
        position = self._models()[key].position_of(kept)
        if position is not None:
            view.selectRow(position)
            view.scrollTo(view.model().index(position, 0))

    def _show_banner(self, queue: worklist.Queue, own: list[Any]) -> None:
        lines = [
            tr("您正在为 %s 代岗（%s，至 %s）：其来访、转办和办件已列入您的待办。")
            % (a.staff_name, reason_text(a.reason), hall_time(a.until).strftime("%m-%d %H:%M"))
            for a in queue.standing_in
        ]
        self._own_absence = own[0].id if own else None
        if own:
            a = own[0]
            lines.append(
                tr("您已登记离岗（%s，%s 至 %s），期间由 B 岗 %s 代办。")
                % (
                    reason_text(a.reason),
                    hall_time(a.starts_at).strftime("%m-%d %H:%M"),
                    hall_time(a.until).strftime("%m-%d %H:%M"),
                    a.covered_by_name or "-",
                )
            )
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))
        self.back_button.setVisible(bool(own))

    def _count(self) -> None:
        ctx, actor, queue = self.ctx, self.actor, self.queue
        referral_query = self.overdue_query if self.supervising else self._own_referrals()
        assert queue is not None and referral_query is not None

        def work() -> dict[str, int]:
            uow = ctx.uow
            return {
                "referrals": worklist.count_referrals(uow(), actor, referral_query),
                "visits": worklist.count_visits(uow(), actor, queue.visits()),
                "cases": queries.count_cases(uow(), actor, queue.cases()),
                "deferred": worklist.count_deferred(uow(), actor, queue.staff_ids),
            }

        run_op(self, work, self._show_counts, self._load_failed)

    def _show_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        for key, box in self.boxes.items():
            box.setTitle(f"{box.property('title_text')}（{counts.get(key, 0)}）")

    def _load_failed(self, exc: BaseException) -> None:
        text = exc.message if isinstance(exc, DomainError) else str(exc)
        show_error(self.search_error, tr("读取待办失败：%s") % text)

    # -- opening -------------------------------------------------------------------------------
    def open_row(self, key: str, position: int) -> None:
        if key == "cases":
            self.case_opened.emit(self.cases.item_id(position))
        elif key == "deferred":
            self.case_opened.emit(self.deferred.item_id(position))
        elif key == "visits":
            self.visit_opened.emit(self.visits.item_id(position))
        else:
            row = self.referrals.row_at(position)
            if row is not None:
                self.visit_opened.emit(row.visit_id)

    def run_search(self) -> None:
        text = self.search.text()
        show_error(self.search_error, "")
        self.results.hide()
        run_op(
            self,
            lambda: worklist.search_work(self.ctx.uow(), self.actor, text),
            self._hits,
            self._search_failed,
        )

    def _hits(self, hits: list[SearchHit]) -> None:
        if not shiboken6.isValid(self):
            return
        if not hits:
            show_error(self.search_error, tr("没有找到相符的来访、告知单或办件"))
            return
        if len(hits) == 1:
            self.search.clear()
            self.open_hit(hits[0])
            return
        kinds = {"visit": tr("来访"), "notice": tr("告知单"), "case": tr("办件")}
        self.results.clear()
        for hit in hits:
            parts = [
                kinds[hit.kind],
                hit.number,
                hit.name,
                hit.id_masked or hit.phone_masked,
                hit.summary,
                hit.state,
                hall_time(hit.at).strftime("%Y-%m-%d"),
            ]
            item = QListWidgetItem("　".join(p for p in parts if p))
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        self.results.setCurrentRow(0)
        self.results.show()
        self.results.setFocus()

    def _search_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            show_error(self.search_error, "\n".join(exc.errors.values()))
        else:
            self._load_failed(exc)

    def open_hit(self, hit: SearchHit) -> None:
        signal = {"visit": self.visit_opened, "case": self.case_opened}.get(hit.kind)
        (signal or self.notice_opened).emit(hit.id)

    # -- registering and the A/B post -----------------------------------------------------------
    def register_visit(self) -> None:
        uow, actor = self.ctx.uow, self.actor

        def perform(values: dict[str, Any]) -> Any:
            visit = VisitInput(
                question=values["question"],
                visit_type=values["visit_type"],
                visitor_name=values["visitor_name"],
                phone=values["phone"],
                id_number=values["id_number"],
                needs_escort=values["needs_escort"],
                answer=values["answer"],
            )
            return service.register_visit(uow(), actor, visit), bool(values["answer"].strip())

        form = RegisterForm(perform, self)
        form.accepted.connect(lambda: self._registered(*form.result_value))
        self.form = form
        form.open()

    def _registered(self, visit: Any, answered: bool) -> None:
        self.reload()
        if answered:
            self.message.setText(tr("已登记并办结来访 %s（当场答复）") % visit.number)
        else:
            self.visit_opened.emit(visit.id)

    def mark_away(self) -> None:
        uow, actor = self.ctx.uow, self.actor

        def perform(values: dict[str, Any]) -> Any:
            return absence.mark_away(uow(), actor, AbsenceInput(**values))

        form = AwayForm(perform, [(actor.staff_id, actor.name)], self.ctx.clock.now(), self)
        form.accepted.connect(self.reload)
        self.form = form
        form.open()

    def back_at_post(self) -> None:
        absence_id = self._own_absence
        if absence_id is None:
            return
        run_op(
            self,
            lambda: absence.end_absence(self.ctx.uow(), self.actor, absence_id),
            lambda _none: self.reload(),
            lambda exc: QMessageBox.warning(
                self, tr("操作未完成"), getattr(exc, "message", str(exc))
            ),
        )


def _referral_colors(row: ReferralRow) -> tuple[str, str] | None:
    return OVERDUE_COLORS if row.overdue else None


def _acceptance_text(row: VisitRow) -> str:
    """An open application's materials waiting for a decision on acceptance (Art. 32(4))."""
    if row.acceptance_warning == WarningLevel.RED:
        return tr("▲ 已超%s个工作日：视为受理") % NOTICE_LIMIT_WORKING_DAYS
    if row.acceptance_warning == WarningLevel.YELLOW:
        return tr("第%s个工作日（%s日内须受理或告知）") % (
            row.acceptance_day,
            NOTICE_LIMIT_WORKING_DAYS,
        )
    return ""


def _acceptance_colors(row: VisitRow) -> tuple[str, str] | None:
    return {WarningLevel.RED: OVERDUE_COLORS, WarningLevel.YELLOW: WAITING_COLORS}.get(
        WarningLevel(row.acceptance_warning or WarningLevel.NORMAL)
    )


def _visit_colors(row: VisitRow) -> tuple[str, str] | None:
    if row.overdue:
        return OVERDUE_COLORS
    if row.referral_due_at is not None:
        return WAITING_COLORS
    return _acceptance_colors(row)

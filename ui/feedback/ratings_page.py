"""好差评: the ratings with filters, the rectification items (due, overdue, closed) and the appeals.

A supervisor sees everyone's, closes rectification items and decides appeals. A clerk sees their
own ratings, items and appeals, and appeals a rating; the page offers them nothing more, as the
services allow nothing more.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import shiboken6
from PySide6.QtWidgets import (
    QComboBox,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import staff
from app.cases.deadlines import local_day
from app.clock import hall_time
from app.context import AppContext
from app.feedback import appeals, ratings, rectifications
from app.feedback.lifecycle import APPEAL, RECTIFICATION, RectificationAction
from app.feedback.records import (
    AppealState,
    AppealView,
    RatingLevel,
    RatingQuery,
    RatingSource,
    RatingView,
    RectificationState,
    RectificationView,
)
from app.roles import Actor, Role
from app.site_rules import own_record
from app.staff import StaffView
from ui.feedback.forms import AppealDecisionForm, AppealForm, RectificationForm
from ui.feedback.labels import (
    BAD_ROW,
    EXCLUDED_ROW,
    appeal_kind_text,
    appeal_state_text,
    level_text,
    outcome_text,
    rectification_text,
    source_text,
    tr,
)
from ui.feedback.list_panel import ListPanel
from ui.lazy_model import Column, LazyTableModel
from ui.ops import run_op

WARN_ROW = ("#8a5a00", "#fff4c2")


def _time(row: Any, attribute: str) -> str:
    moment = getattr(row, attribute)
    return hall_time(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _rating_status(r: RatingView) -> str:
    parts = [rectification_text(r.rectification_state), appeal_state_text(r.appeal_state)]
    if r.excluded:
        parts.append(tr("不计入统计"))
    return "，".join(p for p in parts if p)


def _entered_by(r: RatingView) -> str:
    # On the citizen screen the applicant clicked, in the clerk's session.
    return tr("申请人") if r.source is RatingSource.CITIZEN_SCREEN else r.entered_by_name


def _rating_colors(r: RatingView) -> tuple[str, str] | None:
    if r.excluded:
        return EXCLUDED_ROW
    return BAD_ROW if r.level.is_bad else None


def _rectification_colors(x: RectificationView) -> tuple[str, str] | None:
    if x.state is RectificationState.OPEN:
        return BAD_ROW if x.overdue else WARN_ROW
    return None


class RatingsPage(QWidget):
    def __init__(self, ctx: AppContext, actor: Actor) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.supervising = actor.role is Role.SUPERVISOR
        self.form: QWidget | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ratings_tabs")
        self.ratings = self._ratings_panel()
        self.rectifications = self._rectifications_panel()
        self.appeals = self._appeals_panel()
        mine = not self.supervising
        self.tabs.addTab(self.ratings, tr("我的评价") if mine else tr("评价记录"))
        self.tabs.addTab(self.rectifications, tr("我的差评整改") if mine else tr("差评整改"))
        self.tabs.addTab(self.appeals, tr("我的申诉") if mine else tr("申诉裁决"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # -- ratings -------------------------------------------------------------------------------
    def _ratings_panel(self) -> ListPanel:
        self.level_combo = QComboBox()
        self.level_combo.setObjectName("level_filter")
        self.level_combo.addItem(tr("全部等级"), "")
        self.level_combo.addItem(tr("差评（不满意、非常不满意）"), "bad")
        for level in RatingLevel:
            self.level_combo.addItem(level_text(level), level.value)
        self.source_combo = QComboBox()
        self.source_combo.addItem(tr("全部来源"), "")
        for source in RatingSource:
            self.source_combo.addItem(source_text(source), source.value)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period_filter")
        for label, days in (
            (tr("近30天"), 30),
            (tr("今天"), 1),
            (tr("近7天"), 7),
            (tr("全部时间"), 0),
        ):
            self.period_combo.addItem(label, days)
        filters: list[QWidget] = [self.level_combo, self.source_combo, self.period_combo]
        self.staff_combo = QComboBox()
        self.staff_combo.setObjectName("staff_filter")
        self.staff_combo.addItem(tr("全部人员"), None)
        if self.supervising:
            filters.insert(2, self.staff_combo)
            run_op(self, lambda: staff.list_staff(self.ctx.uow(), self.actor), self._fill_staff)
        for combo in filters:
            combo.currentIndexChanged.connect(self.reload_ratings)  # type: ignore[attr-defined]
        buttons = []
        if not self.supervising:
            self.appeal_button = QPushButton(tr("申诉…"))
            self.appeal_button.setObjectName("appeal_rating")
            self.appeal_button.clicked.connect(self.appeal_selected)
            buttons.append(self.appeal_button)
        ctx, actor = self.ctx, self.actor
        model: LazyTableModel[RatingView] = LazyTableModel(
            self,
            [
                Column(tr("评价时间"), lambda r: _time(r, "rated_at")),
                Column(tr("办件编号"), lambda r: r.subject_label),
                Column(tr("评价"), lambda r: level_text(r.level)),
                Column(tr("意见建议"), lambda r: r.comment),
                Column(tr("被评价人"), lambda r: r.rated_staff_name),
                Column(tr("窗口"), lambda r: str(r.window_number or "")),
                Column(tr("来源"), lambda r: source_text(r.source)),
                Column(tr("录入人"), _entered_by),
                Column(tr("整改、申诉"), _rating_status),
            ],
            lambda query, after: ratings.page_rating_ids(ctx.uow(), actor, query, after),
            lambda ids: ratings.rating_rows(ctx.uow(), actor, ids),
            lambda r: r.id,
            colors=_rating_colors,
            tips=True,
        )
        panel = ListPanel(
            "ratings_table",
            model,
            filters,
            buttons,
            samples={0: "2026-12-31 23:59", 1: "QH-20261126-0000", 2: "非常不满意", 4: "欧阳娜娜"},
            stretch=3,
        )
        if not self.supervising:
            panel.row_activated.connect(lambda _row: self.appeal_selected())
        return panel

    def _fill_staff(self, people: list[StaffView]) -> None:
        if not shiboken6.isValid(self):
            return
        self.staff_combo.blockSignals(True)
        for person in people:
            if person.role is not Role.ADMIN:
                self.staff_combo.addItem(person.name, person.id)
        self.staff_combo.blockSignals(False)

    def rating_query(self) -> RatingQuery:
        level = self.level_combo.currentData()
        if level == "bad":
            levels = frozenset({RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED})
        else:
            levels = frozenset({RatingLevel(level)}) if level else frozenset()
        source = self.source_combo.currentData()
        days = int(self.period_combo.currentData())
        today = local_day(self.ctx.clock.now())
        return RatingQuery(
            levels=levels,
            source=RatingSource(source) if source else None,
            rated_staff_id=self.staff_combo.currentData(),
            from_day=today - timedelta(days=days - 1) if days else None,
        )

    def reload_ratings(self) -> None:
        query, ctx, actor = self.rating_query(), self.ctx, self.actor
        self.ratings.reload(query, lambda: ratings.count_ratings(ctx.uow(), actor, query))

    def appeal_selected(self) -> None:
        rating = self.ratings.selected()
        if not isinstance(rating, RatingView) or rating.appeal_state is not None:
            return
        ctx, actor = self.ctx, self.actor
        form = AppealForm(
            rating,
            lambda v: appeals.appeal_rating(ctx.uow(), actor, rating.id, v["kind"], v["reason"]),
            self,
        )
        self._open(form)

    # -- rectification items -------------------------------------------------------------------
    def _rectifications_panel(self) -> ListPanel:
        self.fix_state = QComboBox()
        self.fix_state.setObjectName("rectification_filter")
        for label, value in (
            (tr("待整改"), "open"),
            (tr("整改超期"), "overdue"),
            (tr("已办结"), "closed"),
            (tr("全部"), "all"),
        ):
            self.fix_state.addItem(label, value)
        self.fix_state.currentIndexChanged.connect(self.reload_rectifications)
        buttons = []
        if self.supervising:
            self.close_button = QPushButton(tr("办结整改…"))
            self.close_button.setObjectName("close_rectification")
            self.close_button.clicked.connect(self.close_selected)
            buttons.append(self.close_button)
        ctx, actor = self.ctx, self.actor
        model: LazyTableModel[RectificationView] = LazyTableModel(
            self,
            [
                Column(tr("状态"), lambda x: rectification_text(x.state, x.overdue)),
                Column(tr("办件编号"), lambda x: x.subject_label),
                Column(tr("差评"), lambda x: level_text(x.level)),
                Column(tr("意见建议"), lambda x: x.comment),
                Column(tr("责任人"), lambda x: x.responsible_name),
                Column(tr("差评时间"), lambda x: _time(x, "opened_at")),
                Column(tr("整改期限"), lambda x: f"{x.due_date:%Y-%m-%d}"),
                Column(
                    tr("回访"),
                    lambda x: (
                        f"{x.followup_on:%Y-%m-%d} {x.followup_result}" if x.followup_on else x.note
                    ),
                ),
                Column(tr("整改结果"), lambda x: outcome_text(x.outcome)),
            ],
            lambda state, after: rectifications.page_rectification_ids(
                ctx.uow(), actor, state, after
            ),
            lambda ids: rectifications.rectification_rows(ctx.uow(), actor, ids),
            lambda x: x.id,
            colors=_rectification_colors,
            tips=True,
        )
        hint = tr("不满意、非常不满意的评价自动生成整改事项，须在期限内回访申请人，由负责人办结。")
        panel = ListPanel(
            "rectifications_table",
            model,
            [self.fix_state],
            buttons,
            samples={
                0: "已撤销（申诉成立）",
                1: "QH-20261126-0000",
                3: "材料要求没讲清楚",
                5: "2026-12-31 23:59",
                8: "已解释说明，群众理解",
            },
            stretch=7,
            hint=hint,
        )
        if self.supervising:
            panel.row_activated.connect(lambda _row: self.close_selected())
        return panel

    def reload_rectifications(self) -> None:
        self.rectifications.reload(self.fix_state.currentData())

    def close_selected(self) -> None:
        item = self.rectifications.selected()
        if not isinstance(item, RectificationView) or not RECTIFICATION.allows(
            item.state, RectificationAction.CLOSE
        ):
            return
        if not self._own(
            item.site_id, tr("这是其他服务中心的整改事项，由该中心回访办结；本中心只能查看。")
        ):
            return
        ctx, actor = self.ctx, self.actor
        form = RectificationForm(
            item,
            local_day(ctx.clock.now()),
            lambda v: rectifications.close_rectification(
                ctx.uow(),
                actor,
                item.id,
                v["note"],
                v["followup_on"],
                v["followup_result"],
                v["outcome"],
            ),
            self,
        )
        self._open(form)

    # -- appeals -------------------------------------------------------------------------------
    def _appeals_panel(self) -> ListPanel:
        self.appeal_state = QComboBox()
        self.appeal_state.setObjectName("appeal_filter")
        for label, value in (
            (tr("待裁决"), AppealState.PENDING.value),
            (tr("申诉成立"), AppealState.UPHELD.value),
            (tr("申诉驳回"), AppealState.REJECTED.value),
            (tr("全部"), ""),
        ):
            self.appeal_state.addItem(label, value)
        self.appeal_state.currentIndexChanged.connect(self.reload_appeals)
        buttons = []
        if self.supervising:
            self.decide_button = QPushButton(tr("裁决…"))
            self.decide_button.setObjectName("decide_appeal")
            self.decide_button.clicked.connect(self.decide_selected)
            buttons.append(self.decide_button)
        ctx, actor = self.ctx, self.actor
        model: LazyTableModel[AppealView] = LazyTableModel(
            self,
            [
                Column(tr("状态"), lambda a: appeal_state_text(a.state)),
                Column(tr("办件编号"), lambda a: a.subject_label),
                Column(tr("评价"), lambda a: level_text(a.level)),
                Column(tr("申诉类型"), lambda a: appeal_kind_text(a.kind)),
                Column(tr("申诉理由"), lambda a: a.reason),
                Column(tr("申诉人"), lambda a: a.appellant_name),
                Column(tr("申诉时间"), lambda a: _time(a, "appealed_at")),
                Column(tr("裁决意见"), lambda a: a.decision_note),
            ],
            lambda state, after: appeals.page_appeal_ids(ctx.uow(), actor, state, after),
            lambda ids: appeals.appeal_rows(ctx.uow(), actor, ids),
            lambda a: a.id,
            colors=lambda a: WARN_ROW if a.state is AppealState.PENDING else None,
            tips=True,
        )
        panel = ListPanel(
            "appeals_table",
            model,
            [self.appeal_state],
            buttons,
            samples={0: "申诉待裁决", 1: "QH-20261126-0000", 6: "2026-12-31 23:59"},
            stretch=4,
            hint=tr("被评价人可对误评、恶意评价申诉一次；申诉成立的评价不计入统计。"),
        )
        if self.supervising:
            panel.row_activated.connect(lambda _row: self.decide_selected())
        return panel

    def _appeal_state(self) -> AppealState | None:
        value = self.appeal_state.currentData()
        return AppealState(value) if value else None

    def reload_appeals(self) -> None:
        self.appeals.reload(self._appeal_state())

    def decide_selected(self) -> None:
        appeal = self.appeals.selected()
        if not isinstance(appeal, AppealView) or not APPEAL.allowed_actions(appeal.state):
            return
        if not self._own(
            appeal.site_id, tr("这是其他服务中心的评价申诉，由该中心裁决；本中心只能查看。")
        ):
            return
        ctx, actor = self.ctx, self.actor
        form = AppealDecisionForm(
            appeal.subject_label,
            appeal.reason,
            lambda v: appeals.decide_appeal(ctx.uow(), actor, appeal.id, v["upheld"], v["note"]),
            self,
        )
        self._open(form)

    # -- common --------------------------------------------------------------------------------
    def _own(self, site_id: int, elsewhere: str) -> bool:
        """Whether this site may act on the item; else say so before any form is filled (a
        county lists its townships' items to supervise them, app.site_rules)."""
        if own_record(site_id, self.actor.site_id):
            return True
        QMessageBox.information(self, tr("只能查看"), elsewhere)
        return False

    def _open(self, form: Any) -> None:
        form.accepted.connect(self.reload)
        self.form = form
        form.open()

    def reload(self) -> None:
        self.reload_ratings()
        self.reload_rectifications()
        self.reload_appeals()

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)

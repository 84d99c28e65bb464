"""The case list page: search (typed or scanned), filters, urgency order, lazy rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.cases import queries, service
from app.cases.lifecycle import OPEN_STATES, CaseState
from app.cases.records import CaseQuery, CaseRow
from app.context import AppContext
from app.roles import Actor
from app.workdays import WarningLevel
from ui.cases.columns import case_colors, case_columns
from ui.cases.labels import state_text, tr
from ui.lazy_model import LazyTableModel
from ui.ops import run_op


class CasesPage(QWidget):
    case_opened = Signal(int)
    warnings_refreshed = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, mine_first: bool) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.search = QLineEdit()
        self.search.setObjectName("case_search")
        self.search.setPlaceholderText(tr("办件编号 / 身份证号 / 电话 / 申请人姓名（可扫码）"))
        self.search.returnPressed.connect(self.reload)
        self.state_combo = QComboBox()
        self.state_combo.addItem(tr("未办结的"), "open")
        self.state_combo.addItem(tr("全部状态"), "all")
        for state in CaseState:
            self.state_combo.addItem(state_text(state), state.value)
        self.warning_combo = QComboBox()
        for label, value in (
            (tr("全部预警"), ""),
            (tr("红牌"), WarningLevel.RED),
            (tr("黄牌"), WarningLevel.YELLOW),
            (tr("正常"), WarningLevel.NORMAL),
        ):
            self.warning_combo.addItem(label, value)
        self.mine = QCheckBox(tr("只看我负责的"))
        self.mine.setChecked(mine_first)
        self.handed = QCheckBox(tr("移交件"))
        self.handed.setObjectName("handed_over")
        self.handed.setToolTip(tr("乡镇代收、县级审批：移交县级审批、尚未退回的办件"))
        self.order_combo = QComboBox()
        self.order_combo.addItem(tr("按紧急程度"), "urgency")
        self.order_combo.addItem(tr("按受理时间（新的在前）"), "recent")
        for widget in (self.state_combo, self.warning_combo, self.order_combo):
            widget.currentIndexChanged.connect(self.reload)
        self.mine.toggled.connect(self.reload)
        self.handed.toggled.connect(self.reload)
        refresh = QPushButton(tr("刷新"))
        refresh.clicked.connect(self.refresh)
        self.count_label = QLabel()
        self.count_label.setObjectName("case_count")
        ctx = self.ctx
        self.model: LazyTableModel[CaseRow] = LazyTableModel(
            self,
            case_columns(),
            lambda query, after: queries.page_case_ids(ctx.uow(), actor, query, after),
            lambda ids: queries.case_rows(ctx.uow(), actor, ids),
            lambda row: row.id,
            colors=case_colors,
        )
        self.view = QTableView()
        self.view.setObjectName("case_table")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from the rows: measuring rows would read them all.
        metrics = self.view.fontMetrics()
        samples = {
            0: "██ 红牌·超期",
            1: "QH-20261126-0000",
            2: "欧阳娜娜娜",
            4: "已中止计时",
            5: "2026-12-31（暂定）",
            6: "欧阳娜娜",
            7: "2026-12-31 23:59",
        }
        for column, sample in samples.items():
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        self.view.doubleClicked.connect(lambda index: self.open_case(index.row()))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        widgets = (
            self.state_combo,
            self.warning_combo,
            self.order_combo,
            self.mine,
            self.handed,
            refresh,
        )
        for widget in widgets:
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

    def query(self) -> CaseQuery:
        state = self.state_combo.currentData()
        states = (
            frozenset(OPEN_STATES)
            if state == "open"
            else frozenset()
            if state == "all"
            else frozenset({CaseState(state)})
        )
        warning = self.warning_combo.currentData()
        return CaseQuery(
            text=self.search.text().strip(),
            states=states,
            warnings=frozenset({warning}) if warning else frozenset(),
            owner_id=self.actor.staff_id if self.mine.isChecked() else None,
            handed_over=self.handed.isChecked(),
            order=self.order_combo.currentData(),
        )

    def reload(self) -> None:
        query = self.query()
        self.model.reload(query)
        run_op(
            self,
            lambda: queries.count_cases(self.ctx.uow(), self.actor, query),
            lambda n: self.count_label.setText(tr("共 %s 件") % n),
        )

    def refresh(self) -> None:
        """Recompute warnings (cases turn yellow and red as time passes), then reload."""
        run_op(self, lambda: service.refresh_warnings(self.ctx.uow()), self._refreshed)

    def _refreshed(self, _scan: object) -> None:
        self.warnings_refreshed.emit()
        self.reload()

    def open_case(self, row: int) -> None:
        self.case_opened.emit(self.model.item_id(row))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.hasFocus():
            index = self.view.currentIndex()
            if index.isValid():
                self.open_case(index.row())
                return
        super().keyPressEvent(event)

    def showEvent(self, event: Any) -> None:
        # Only the list query here; the warning scan runs on the main window's timer, after
        # the first paint, so it never competes with the start.
        self.reload()
        super().showEvent(event)

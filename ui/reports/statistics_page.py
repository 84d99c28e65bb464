"""统计分析: the supervisor's figures per window and clerk, their trend as charts, and the
daily log (print preview, or a workbook). Every figure comes from ``app.reports.statistics``
(which refuses clerks); this page only shows them.

At a county installation a site selector offers each township (its figures and its log, as the
township prints them) and the whole county (``app.reports.county``: one line per site, their
total, and the county's log with a line per site)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.cases.deadlines import local_day
from app.context import AppContext
from app.errors import DomainError
from app.records import SiteRecord
from app.reports.county import (
    CountyLog,
    CountyStatistics,
    county_log,
    county_statistics,
    viewable_sites,
)
from app.reports.statistics import (
    Figures,
    Statistics,
    StatisticsFilters,
    StatisticsQuery,
    statistics,
    statistics_filters,
)
from app.roles import Actor
from ui.ops import run_op
from ui.reports.charts import TrendCharts

DASH = "—"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WHOLE_COUNTY = "county"  # the site selector's entry for all sites together


def percent(value: float | None) -> str:
    return DASH if value is None else f"{value * 100:.1f}%"


def number(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return DASH
    return str(value) if isinstance(value, int) else f"{value:.{digits}f}"


class StatisticsPage(QWidget):
    statistics_shown = Signal(object)  # the Statistics just shown
    log_exported = Signal(str)  # the file written

    def __init__(self, ctx: AppContext, actor: Actor) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.result: Statistics | None = None
        self.county_result: CountyStatistics | None = None
        self.county_log: CountyLog | None = None
        today = local_day(ctx.clock.now())
        # The last 30 days by default: a trend of several weeks on any day of the month (本月
        # on the 4th would be one bar group).
        self.first = _date_edit("first_day", today - timedelta(days=29))
        self.last = _date_edit("last_day", today)
        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        for label, key in (
            (self.tr("本月"), "month"),
            (self.tr("上月"), "last_month"),
            (self.tr("近30天"), "30"),
            (self.tr("本年"), "year"),
            (self.tr("今日"), "today"),
        ):
            self.preset.addItem(label, key)
        self.preset.setCurrentIndex(self.preset.findData("30"))
        self.preset.activated.connect(self._preset_chosen)
        self.department, self.window, self.item = QComboBox(), QComboBox(), QComboBox()
        for box, name in (
            (self.department, "department"),
            (self.window, "window"),
            (self.item, "item"),
        ):
            box.setObjectName(name)
            box.addItem(self.tr("全部"), None)
        self.item.setMinimumContentsLength(12)
        # 服务中心: shown at a county installation only (one site: nothing to choose).
        self.site = QComboBox()
        self.site.setObjectName("site")
        self.site.setMinimumContentsLength(10)
        self.site_label = QLabel(self.tr("服务中心(&C)"))
        self.site_label.setBuddy(self.site)
        self.site.activated.connect(self._site_chosen)
        self.trend = QComboBox()
        self.trend.setObjectName("trend")
        self.trend.addItem(self.tr("按周"), "week")
        self.trend.addItem(self.tr("按月"), "month")
        self.refresh_button = QPushButton(self.tr("统计"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button = QPushButton(self.tr("打印工作日志…"))
        self.print_button.setObjectName("print_log")
        self.print_button.setToolTip(self.tr("所选期间的工作日志（台账），全中心，不按筛选条件"))
        self.print_button.clicked.connect(self.print_log)
        self.export_button = QPushButton(self.tr("导出 XLSX…"))
        self.export_button.setObjectName("export_xlsx")
        self.export_button.setToolTip(self.print_button.toolTip())
        self.export_button.clicked.connect(self.export_log)

        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("期间")), 0, 0)
        period = QHBoxLayout()
        period.addWidget(self.preset)
        period.addWidget(self.first)
        period.addWidget(QLabel(self.tr("至")))
        period.addWidget(self.last)
        period.addStretch(1)
        filters.addLayout(period, 0, 1, 1, 5)
        filters.addWidget(self.site_label, 0, 6)
        filters.addWidget(self.site, 0, 7)
        self.site_label.hide()
        self.site.hide()
        for column, (label, box) in enumerate(
            (
                (self.tr("部门"), self.department),
                (self.tr("窗口"), self.window),
                (self.tr("事项"), self.item),
            )
        ):
            filters.addWidget(QLabel(label), 1, column * 2)
            filters.addWidget(box, 1, column * 2 + 1)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("趋势")))
        actions.addWidget(self.trend)
        actions.addWidget(self.refresh_button)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.export_button)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 12pt; padding: 4px;")
        self.charts = TrendCharts()
        chart_box = QWidget()
        chart_row = QHBoxLayout(chart_box)
        chart_row.addWidget(self.charts.work, 3)
        chart_row.addWidget(self.charts.rate, 2)
        self.by_window = self._table("by_window")
        self.by_clerk = self._table("by_clerk")
        self.by_site = self._table("by_site")
        self.county_log_table = QTableWidget(0, 0)
        self.county_log_table.setObjectName("county_log")
        self.county_log_table.verticalHeader().hide()
        self.county_log_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs = QTabWidget()
        self.tabs.addTab(chart_box, self.tr("趋势图"))
        self.tabs.addTab(self.by_window, self.tr("按窗口"))
        self.tabs.addTab(self.by_clerk, self.tr("按人员"))
        self.tabs.addTab(self.by_site, self.tr("按服务中心"))
        self.tabs.addTab(self.county_log_table, self.tr("全县台账"))
        self._county_tabs(False)
        self.status = QLabel()
        self.status.setObjectName("statistics_status")

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        run_op(self, lambda: statistics_filters(ctx.uow(), actor), self._fill_filters, self._failed)
        run_op(self, lambda: viewable_sites(ctx.uow(), actor), self._fill_sites, self._failed)
        self.refresh()

    # -- filters -------------------------------------------------------------------------
    def _fill_sites(self, sites: list[SiteRecord]) -> None:
        if len(sites) < 2:
            return
        own, *others = sites
        self.site.addItem(own.name, own.id)
        self.site.addItem(self.tr("全县（各中心合计）"), WHOLE_COUNTY)
        for site in others:
            self.site.addItem(f"{site.code} {site.name}", site.id)
        self.site_label.show()
        self.site.show()

    def chosen_site(self) -> int | str | None:
        """None: the actor's own site; a site's id; or WHOLE_COUNTY."""
        data = self.site.currentData() if self.site.count() else None
        return None if data == self.actor.site_id else data

    def _site_chosen(self) -> None:
        chosen = self.chosen_site()
        county = chosen == WHOLE_COUNTY
        for box in (self.department, self.window):
            while box.count() > 1:
                box.removeItem(box.count() - 1)
            box.setEnabled(not county)
        for button in (self.print_button, self.export_button):
            button.setEnabled(not county)
        self._county_tabs(county)
        if not county:
            site_id = chosen if isinstance(chosen, int) else None
            ctx, actor = self.ctx, self.actor
            run_op(
                self,
                lambda: statistics_filters(ctx.uow(), actor, site_id),
                self._fill_site_filters,
                self._failed,
            )
        self.refresh()

    def _county_tabs(self, county: bool) -> None:
        self.tabs.setTabVisible(self.tabs.indexOf(self.by_window), not county)
        self.tabs.setTabVisible(self.tabs.indexOf(self.by_clerk), not county)
        self.tabs.setTabVisible(self.tabs.indexOf(self.by_site), county)
        self.tabs.setTabVisible(self.tabs.indexOf(self.county_log_table), county)

    def _fill_site_filters(self, found: StatisticsFilters) -> None:
        for department in found.departments:
            self.department.addItem(department.name, department.id)
        for window in found.windows:
            self.window.addItem(self.tr("%s号 %s") % (window.number, window.name), window.id)

    def _fill_filters(self, found: StatisticsFilters) -> None:
        for department in found.departments:
            self.department.addItem(department.name, department.id)
        for window in found.windows:
            self.window.addItem(self.tr("%s号 %s") % (window.number, window.name), window.id)
        for item_id, code, name in found.items:
            self.item.addItem(f"{code} {name}", item_id)

    def _preset_chosen(self) -> None:
        today = local_day(self.ctx.clock.now())
        first, last = {
            "month": (today.replace(day=1), today),
            "last_month": (
                (today.replace(day=1) - timedelta(days=1)).replace(day=1),
                today.replace(day=1) - timedelta(days=1),
            ),
            "30": (today - timedelta(days=29), today),
            "year": (today.replace(month=1, day=1), today),
            "today": (today, today),
        }[self.preset.currentData()]
        self.first.setDate(QDate(first))
        self.last.setDate(QDate(last))
        self.refresh()

    def period(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()  # type: ignore[return-value]

    def query(self) -> StatisticsQuery:
        first, last = self.period()
        return StatisticsQuery(
            first,
            last,
            department_id=self.department.currentData(),
            window_id=self.window.currentData(),
            item_id=self.item.currentData(),
            trend=self.trend.currentData(),
        )

    # -- figures -------------------------------------------------------------------------
    def refresh(self) -> None:
        query = self.query()
        chosen = self.chosen_site()
        ctx, actor = self.ctx, self.actor
        self.status.setText(self.tr("正在统计…"))
        if chosen == WHOLE_COUNTY:

            def county() -> tuple[CountyStatistics, CountyLog]:
                return (
                    county_statistics(ctx.uow(), actor, query),
                    county_log(ctx.uow(), actor, query.first_day, query.last_day),
                )

            run_op(self, county, self.show_county, self._failed)
            return
        site_id = chosen if isinstance(chosen, int) else None
        run_op(
            self,
            lambda: statistics(ctx.uow(), actor, query, site_id),
            self.show_result,
            self._failed,
        )

    def show_county(self, found: tuple[CountyStatistics, CountyLog]) -> None:
        result, log = found
        self.county_result, self.county_log = result, log
        self._summary(result.total)
        self._fill(self.by_site, (*(r.figures for r in result.by_site), result.total))
        headers = [self.tr("服务中心"), *(c.label for c in log.columns)]
        table = self.county_log_table
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        lines = [(f"{r.site_code} {r.site_name}", r.counts) for r in log.rows]
        lines.append((self.tr("全县合计"), log.totals))
        table.setRowCount(len(lines))
        for r, (label, counts) in enumerate(lines):
            table.setItem(r, 0, QTableWidgetItem(label))
            for c, value in enumerate(counts, start=1):
                cell = QTableWidgetItem(DASH if value is None else str(value))
                cell.setTextAlignment(RIGHT)
                table.setItem(r, c, cell)
        table.resizeColumnsToContents()
        self.charts.show(result.trend)
        self.status.setText(self.tr("全县 %s 个服务中心，各中心合计即全县数") % len(result.by_site))
        self.statistics_shown.emit(result)

    def show_result(self, result: Statistics) -> None:
        self.result = result
        self._summary(result.total)
        self._fill(self.by_window, result.by_window)
        self._fill(self.by_clerk, result.by_clerk)
        self.charts.show(result.trend)
        missing = self._not_recorded(result)
        self.status.setText(self.tr("“—”：该项尚未接入记录（%s）") % missing if missing else "")
        self.statistics_shown.emit(result)

    def _summary(self, t: Figures) -> None:
        parts = [
            self.tr("受理 %s 件") % t.accepted,
            self.tr("办结 %s 件") % t.decided,
            self.tr("按时办结率 %s") % percent(t.on_time_rate),
            self.tr("平均用时 %s / 承诺 %s 个工作日")
            % (number(t.average_days_used), number(t.average_days_committed)),
            self.tr("超期 %s 件") % t.overdue,
            self.tr("每件告知单 %s 份") % number(t.notices_per_case, 2),
            self.tr("逾期告知 %s 份") % t.notices_late,
            self.tr("违反一次性告知 %s 次") % t.breaches,
            self.tr("满意率 %s") % percent(t.satisfaction_rate),
            self.tr("投诉 %s") % number(t.complaints),
            self.tr("转办按时确认率 %s") % percent(t.referral_ack_rate),
        ]
        self.summary.setText("　".join(parts))

    def _not_recorded(self, result: Statistics) -> str:
        names = {
            "ratings": self.tr("好差评"),
            "complaints": self.tr("投诉"),
            "referrals": self.tr("引导转办"),
        }
        return "、".join(label for key, label in names.items() if key not in result.wired)

    def _headers(self) -> list[str]:
        return [
            self.tr("名称"),
            self.tr("受理"),
            self.tr("办结"),
            self.tr("按时办结率"),
            self.tr("平均用时（工作日）"),
            self.tr("平均承诺（工作日）"),
            self.tr("超期"),
            self.tr("告知单/受理"),
            self.tr("逾期告知"),
            self.tr("违反告知"),
            self.tr("评价"),
            self.tr("满意率"),
            self.tr("投诉"),
            self.tr("转办按时确认率"),
            self.tr("平均确认用时（分钟）"),
            self.tr("平均等候（分钟）"),
            self.tr("平均办理（分钟）"),
        ]

    def _table(self, name: str) -> QTableWidget:
        headers = self._headers()
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _fill(self, table: QTableWidget, rows: tuple[Figures, ...]) -> None:
        table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            values = [
                f.label,
                str(f.accepted),
                str(f.decided),
                percent(f.on_time_rate),
                number(f.average_days_used),
                number(f.average_days_committed),
                str(f.overdue),
                number(f.notices_per_case, 2),
                str(f.notices_late),
                str(f.breaches),
                number(f.ratings),
                percent(f.satisfaction_rate),
                number(f.complaints),
                percent(f.referral_ack_rate),
                number(f.average_ack_minutes),
                number(f.average_wait_minutes),
                number(f.average_service_minutes),
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c:  # figures line up on the right
                    cell.setTextAlignment(RIGHT)
                table.setItem(r, c, cell)

    # -- the daily log -------------------------------------------------------------------
    def print_log(self) -> None:
        from app.reports.printing import daily_log_document
        from ui.printing.preview import PrintPreviewDialog

        first, last = self.period()
        actor = self.actor
        chosen = self.chosen_site()
        site_id = chosen if isinstance(chosen, int) else None

        def load(uow: Any) -> Any:
            from app.reports.daily_log import period_log

            return daily_log_document(period_log(uow, actor, first, last, site_id))

        self.preview = PrintPreviewDialog(self.ctx, actor, load, self)
        self.preview.setObjectName("log_preview")
        self.preview.show()

    def export_log(self) -> None:
        first, last = self.period()
        stamp = f"{first:%Y%m%d}" + (f"-{last:%Y%m%d}" if last != first else "")
        default = str(Path.home() / (self.tr("工作日志") + f"-{stamp}.xlsx"))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出工作日志"), default, self.tr("Excel 工作簿 (*.xlsx)")
        )
        if not path:
            return
        out = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        actor, ctx = self.actor, self.ctx
        chosen = self.chosen_site()
        site_id = chosen if isinstance(chosen, int) else None

        def work() -> str:
            from app.reports.daily_log import period_log
            from app.reports.files import log_file

            log = period_log(ctx.uow(), actor, first, last, site_id)
            out.write_bytes(log_file(log, ".xlsx"))
            return str(out)

        run_op(self, work, self._exported, self._failed, progress=self.tr("正在导出…"))

    def _exported(self, path: str) -> None:
        self.status.setText(self.tr("已导出：%s") % path)
        self.log_exported.emit(path)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError | OSError):
            raise exc
        text = exc.message if isinstance(exc, DomainError) else str(exc)
        self.status.setText(text)
        QMessageBox.warning(self, self.tr("统计分析"), text)


def _date_edit(name: str, day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit

"""The statistics page: charts with data for a supervisor, absent for a clerk (whom the service
refuses anyway); the daily log previewed and exported from it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from app.auth import login
from app.context import AppContext
from app.errors import PermissionDenied
from app.reports.statistics import StatisticsQuery, statistics
from sim.demo.activity import simulate
from tests.helpers.mainwindow import open_main
from ui.mainwindow import MainWindow
from ui.printing.preview import PrintPreviewDialog
from ui.reports.charts import MOST_LABELS, UPRIGHT_FROM, axis_labels
from ui.reports.statistics_page import StatisticsPage

END = date(2026, 11, 24)  # the fixture clock's day


@pytest.fixture
def hall(sqlite_demo_ctx: AppContext) -> AppContext:
    simulate(sqlite_demo_ctx.uow, sqlite_demo_ctx.clock, 8, 2, END)  # type: ignore[arg-type]
    return sqlite_demo_ctx


def shown_page(qtbot, window: MainWindow) -> StatisticsPage:  # type: ignore[no-untyped-def]
    window.show_page("statistics")
    page = window.page("statistics")
    assert isinstance(page, StatisticsPage)
    qtbot.waitUntil(lambda: page.result is not None, timeout=20_000)
    return page


def test_supervisor_sees_charts_with_data(qtbot, hall: AppContext) -> None:  # type: ignore[no-untyped-def]
    page = shown_page(qtbot, open_main(qtbot, hall, "sunli"))
    bars = page.charts.work.chart().series()[0]
    assert isinstance(bars, QBarSeries)
    accepted = bars.barSets()[0]
    assert accepted.label() == "受理" and accepted.count() >= 2
    assert sum(accepted.at(i) for i in range(accepted.count())) == page.result.total.accepted > 0
    line = page.charts.rate.chart().series()[0]
    assert isinstance(line, QLineSeries) and line.count() >= 1
    assert all(0 <= line.at(i).y() <= 100 for i in range(line.count()))
    assert page.by_window.rowCount() >= 6 and page.by_clerk.rowCount() >= 6
    assert "按时办结率" in page.summary.text()
    assert page.status.text() == ""  # every section is recorded: nothing shown as "—"

    page.trend.setCurrentIndex(page.trend.findData("month"))
    page.window.setCurrentIndex(1)  # window 1 only: fewer cases
    whole = page.result.total.accepted
    with qtbot.waitSignal(page.statistics_shown, timeout=20_000):
        page.refresh_button.click()
    # The last 30 days by default: October's end and November.
    assert [p.label for p in page.result.trend] == ["2026-10", "2026-11"]
    assert page.preset.currentData() == "30"
    assert 0 < page.result.total.accepted < whole


def test_the_trend_labels_are_whole_and_stand_upright_when_many(  # type: ignore[no-untyped-def]
    qtbot, hall: AppContext
) -> None:
    """Qt would cut "11-02" to "11-..." in the narrow rate chart; half a year by week stands
    its labels upright rather than over one another."""
    page = shown_page(qtbot, open_main(qtbot, hall, "sunli"))
    for chart in (page.charts.work.chart(), page.charts.rate.chart()):
        axis = chart.axes(Qt.Orientation.Horizontal)[0]
        assert not axis.truncateLabels() and axis.labelsAngle() == 0  # a few weeks
    page.first.setDate(QDate(2026, 5, 1))
    with qtbot.waitSignal(page.statistics_shown, timeout=20_000):
        page.refresh_button.click()
    assert len(page.result.trend) > UPRIGHT_FROM
    for chart in (page.charts.work.chart(), page.charts.rate.chart()):
        axis = chart.axes(Qt.Orientation.Horizontal)[0]
        assert not axis.truncateLabels() and axis.labelsAngle() == -90

    # The year by week: some fifty bars, a dozen dates under them, each bar told on hover.
    page.first.setDate(QDate(2026, 1, 1))
    with qtbot.waitSignal(page.statistics_shown, timeout=20_000):
        page.refresh_button.click()
    weeks = [p.label for p in page.result.trend]
    assert len(weeks) == 48 and weeks[0] == "12-29" and weeks[-1] == "11-23"
    for chart in (page.charts.work.chart(), page.charts.rate.chart()):
        categories = chart.axes(Qt.Orientation.Horizontal)[0].categories()
        assert len(categories) == len(weeks) == len(set(categories))
        named = [c for c in categories if c.strip("\u200b")]
        assert 10 <= len(named) <= MOST_LABELS and set(named) <= set(weeks)
    bars = page.charts.bars
    assert bars is not None
    accepted = bars.barSets()[0]
    last = len(weeks) - 1
    assert page.charts.bar_tip(last, accepted) == f"11-23  受理 {int(accepted.at(last))}"
    rates = page.charts.rates
    week = max(rates)  # the last week with decisions
    assert rates[week] == page.result.trend[week].figures.on_time_rate * 100
    # The pointer's place on the line, not the point, comes from Qt: the week's own rate.
    expected = f"{weeks[week]}  按时办结率 {rates[week]:.1f}%"
    assert page.charts.point_tip(week + 0.2) == page.charts.point_tip(week - 0.1) == expected
    assert page.charts.point_tip(week + 0.5) == ""  # between two weeks: neither
    without = [i for i in range(len(weeks)) if i not in rates]
    assert without and page.charts.point_tip(float(without[0])) == ""  # no rate: no tip


def test_axis_labels_name_every_kth_week_away_from_the_ends() -> None:
    few = [f"{m:02d}" for m in range(1, 13)]
    assert axis_labels(few) == few  # a year by month: every month
    weeks = [f"w{i}" for i in range(53)]
    shown = axis_labels(weeks)
    assert len(set(shown)) == 53  # a bar axis needs distinct categories
    named = [label for label in shown if label.strip("\u200b")]
    assert named == [f"w{i}" for i in range(2, 51, 5)]  # every fifth, none at either end
    assert all(not label.strip("\u200b") for label in shown if label not in named)


def test_admin_has_the_page_too(qtbot, hall: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = open_main(qtbot, hall, "admin", "admin-2026")
    assert "statistics" in window.pages
    assert shown_page(qtbot, window).result.total.accepted > 0


def test_clerk_has_no_statistics(qtbot, hall: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = open_main(qtbot, hall, "zhangwei")
    assert "statistics" not in window.pages
    clerk = login(hall.uow(), "zhangwei", "demo-2026")
    with pytest.raises(PermissionDenied):
        statistics(hall.uow(), clerk, StatisticsQuery(date(2026, 11, 1), END))


def test_print_and_export_the_daily_log(  # type: ignore[no-untyped-def]
    qtbot, hall: AppContext, tmp_path: Path, monkeypatch
) -> None:
    page = shown_page(qtbot, open_main(qtbot, hall, "sunli"))
    page.preset.setCurrentIndex(page.preset.findData("today"))
    page.preset.activated.emit(page.preset.currentIndex())
    assert page.period() == (END, END)

    page.print_button.click()
    preview = page.findChild(PrintPreviewDialog, "log_preview")
    assert preview is not None
    with qtbot.waitSignal(preview.preview_shown, timeout=30_000) as shown:
        pass
    assert shown.args[0] >= 1
    assert preview.document is not None and preview.document.number == f"QH-RZ{END:%Y%m%d}"
    assert preview.pages[0].width() > preview.pages[0].height()  # landscape
    preview.close()

    target = tmp_path / "log.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.log_exported, timeout=30_000):
        page.export_button.click()
    book = openpyxl.load_workbook(target)
    sheet = book["统计"]
    assert sheet[sheet.max_row][0].value == "合计"
    assert book["办件清单"].max_row > 1

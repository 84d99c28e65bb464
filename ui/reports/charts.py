"""Trend charts of the statistics page (QtCharts): work done per week or month as bars, and
the on-time completion rate as a line. Built only when the page is, never at start-up."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import QToolTip

from app.reports.statistics import TrendPoint


def tr(text: str) -> str:
    return QCoreApplication.translate("charts", text)


class TrendCharts:
    """Two chart views that ``show`` fills with the trend of a Statistics result."""

    def __init__(self) -> None:
        self.work = QChartView()
        self.work.setObjectName("work_chart")
        self.rate = QChartView()
        self.rate.setObjectName("rate_chart")
        for view in (self.work, self.rate):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(240)
        self.bars: QBarSeries | None = None
        self.line: QLineSeries | None = None
        self.labels: list[str] = []
        self.rates: dict[int, float] = {}  # the week's position: its on-time rate in %

    def show(self, points: Sequence[TrendPoint]) -> None:
        labels = [p.label for p in points]
        self.bars = QBarSeries()
        self.bars.setObjectName("work_series")
        top = 0
        for name, color, values in (
            (tr("受理"), "#1565c0", [p.figures.accepted for p in points]),
            (tr("办结"), "#2e7d32", [p.figures.decided for p in points]),
            (tr("超期"), "#b71c1c", [p.figures.overdue for p in points]),
            (tr("一次性告知"), "#8a5a00", [p.figures.notices for p in points]),
        ):
            bar = QBarSet(name)
            bar.setColor(QColor(color))
            bar.append([float(v) for v in values])
            self.bars.append(bar)
            top = max(top, *values, 0)
        # Where the axis names only every k-th week, the pointer tells which one a bar is.
        self.labels = labels
        self.bars.hovered.connect(self._bar_hovered)
        self.work.setChart(
            _chart(tr("受理、办结与超期（件）"), self.bars, labels, max(top, 1), "%d")
        )

        self.line = QLineSeries()
        self.line.setObjectName("rate_series")
        self.line.setName(tr("按时办结率（%）"))
        self.line.setPen(QPen(QColor("#2e7d32"), 2.5))
        self.line.setPointsVisible(True)
        self.rates = {}
        for i, p in enumerate(points):
            rate = p.figures.on_time_rate
            if rate is not None:  # a week without decisions has no rate, not 0 %
                self.rates[i] = rate * 100
                self.line.append(float(i), rate * 100)
        self.line.hovered.connect(self._point_hovered)
        self.rate.setChart(_chart(tr("按时办结率"), self.line, labels, 100, "%d%%"))

    def bar_tip(self, index: int, bar: QBarSet) -> str:
        return f"{self.labels[index]}  {bar.label()} {int(bar.at(index))}"

    def point_tip(self, x: float) -> str:
        """The week nearest to where the pointer is on the line, with its own rate ("" for a
        week without one: the line only passes over it). Qt gives the pointer's place, not the
        point's."""
        index = round(x)
        rate = self.rates.get(index)
        if rate is None or abs(x - index) > POINT_REACH:
            return ""
        return f"{self.labels[index]}  {tr('按时办结率')} {rate:.1f}%"

    def _bar_hovered(self, status: bool, index: int, bar: QBarSet) -> None:
        if status and 0 <= index < len(self.labels):
            QToolTip.showText(QCursor.pos(), self.bar_tip(index, bar), self.work)
        else:
            QToolTip.hideText()

    def _point_hovered(self, point: QPointF, state: bool) -> None:
        tip = self.point_tip(point.x()) if state else ""
        if tip:
            QToolTip.showText(QCursor.pos(), tip, self.rate)
        else:
            QToolTip.hideText()


POINT_REACH = 0.25  # how near a week's point (in weeks) the pointer names it
UPRIGHT_FROM = 8  # category labels: more than this many are drawn upright
MOST_LABELS = 13  # upright labels that stand apart in the narrow rate chart at 1024x768


def axis_labels(labels: Sequence[str], most: int = MOST_LABELS) -> list[str]:
    """The x axis's categories: every label while there are at most ``most``, else every k-th,
    so a year by week reads as some fifty bars under a dozen dates rather than fifty dates
    drawn over one another. The named ones keep half a step from either end: Qt hides an
    upright label that would stick out of a narrow first or last category. A bar axis needs
    each category distinct: the unnamed ones are made of zero-width spaces, one more for each,
    which draw nothing."""
    step = max(1, -(-len(labels) // most))
    offset = step // 2
    return [
        label if i % step == offset and i <= len(labels) - 1 - offset else "\u200b" * (i + 1)
        for i, label in enumerate(labels)
    ]


def _chart(
    title: str, series: QBarSeries | QLineSeries, labels: list[str], top: float, fmt: str
) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.addSeries(series)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    axis_x = QBarCategoryAxis()
    axis_x.append(axis_labels(labels) or [""])
    # Qt cuts a category label it thinks too wide to "11-..." even where "11-02" fits (the
    # narrow rate chart at 1366x768): a day is no use cut. Many weeks have too many to stand
    # side by side: they stand upright instead, and past a dozen only every k-th is named.
    axis_x.setTruncateLabels(False)
    if len(labels) > UPRIGHT_FROM:
        axis_x.setLabelsAngle(-90)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat(fmt)
    if fmt.endswith("%%"):
        # Ticks at 0, 20 … 100 and room above, so a 100 % point is drawn whole.
        axis_y.setRange(0, top * 1.06)
        axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_y.setTickAnchor(0)
        axis_y.setTickInterval(20)
    else:
        axis_y.setRange(0, top)
    if fmt == "%d":
        axis_y.applyNiceNumbers()
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    return chart

"""The statistics page at a county installation: a site selector with each township and the
whole county, whose lines per site add up to its total."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from app.context import AppContext
from app.reports.county import CountyStatistics
from app.reports.statistics import Statistics
from tests.helpers.mainwindow import open_main
from tests.helpers.township import accept_some
from ui.reports.statistics_page import WHOLE_COUNTY, StatisticsPage


@pytest.fixture
def county(sqlite_demo_ctx: AppContext) -> AppContext:
    accept_some(sqlite_demo_ctx)
    return sqlite_demo_ctx


def choose(qtbot, page: StatisticsPage, data: object, kind: type) -> object:  # type: ignore[no-untyped-def]
    """Choose a site; the figures shown next of ``kind`` (the page's first figures, asked for
    before, may still be on their way)."""
    box: QComboBox = page.site
    with qtbot.waitSignal(
        page.statistics_shown, timeout=20_000, check_params_cb=lambda r: isinstance(r, kind)
    ) as shown:
        box.setCurrentIndex(box.findData(data))
        box.activated.emit(box.currentIndex())
    return shown.args[0]


def test_site_selector_and_whole_county(qtbot, county: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = open_main(qtbot, county, "sunli")
    window.show_page("statistics")
    page = window.page("statistics")
    assert isinstance(page, StatisticsPage)
    qtbot.waitUntil(lambda: page.site.count() == 4, timeout=20_000)
    assert page.site.isVisible()
    assert [page.site.itemText(i) for i in range(4)] == [
        "清河县政务服务中心",
        "全县（各中心合计）",
        "DW 东王镇便民服务中心",
        "XZ 新庄镇便民服务中心",
    ]

    whole = choose(qtbot, page, WHOLE_COUNTY, CountyStatistics)
    assert isinstance(whole, CountyStatistics)
    assert page.by_site.rowCount() == 4  # three sites and the county's total
    assert page.by_site.item(3, 0).text() == "全县合计"
    per_site = [int(page.by_site.item(r, 1).text()) for r in range(3)]
    assert sum(per_site) == int(page.by_site.item(3, 1).text()) == whole.total.accepted == 5
    assert page.county_log_table.rowCount() == 4
    assert not page.print_button.isEnabled() and not page.window.isEnabled()
    assert page.tabs.isTabVisible(page.tabs.indexOf(page.by_site))
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.by_window))

    xz_id = page.site.itemData(3)
    qtbot.waitUntil(lambda: page.result is not None, timeout=20_000)  # the first, own site
    township = choose(qtbot, page, xz_id, Statistics)
    assert isinstance(township, Statistics)
    assert township.site_name == "新庄镇便民服务中心" and township.total.accepted == 3
    assert page.print_button.isEnabled() and page.window.isEnabled()
    qtbot.waitUntil(lambda: page.window.count() == 2, timeout=20_000)  # 全部 + its one window


def test_a_township_has_no_selector(qtbot, county: AppContext) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.township import PASSWORD

    window = open_main(qtbot, county, "xzclerkboss", PASSWORD)
    window.show_page("statistics")
    page = window.page("statistics")
    assert isinstance(page, StatisticsPage)
    qtbot.waitUntil(lambda: page.result is not None, timeout=20_000)
    assert page.result.site_name == "新庄镇便民服务中心" and page.result.total.accepted == 3
    assert not page.site.isVisible() and page.site.count() == 0

"""The administrator enters next year's holiday schedule; provisional deadlines firm up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QTableWidget

from app import sites
from app.auth import login
from app.calendar import set_day, year_view
from app.context import AppContext
from ui.mainwindow import MainWindow

SCHEDULE = """# 2027 (test data, not the real schedule)
2027-01-01..2027-01-03,holiday,元旦
2027-02-05..2027-02-11,holiday,春节
2027-02-14,workday,春节调休
2027-04-03..2027-04-05,holiday,清明节
2027-05-01..2027-05-04,holiday,劳动节
2027-06-09,holiday,端午节
2027-09-15,holiday,中秋节
2027-10-01..2027-10-05,holiday,国庆节
"""


def test_import_a_years_schedule(
    qtbot,
    sqlite_demo_ctx: AppContext,
    monkeypatch,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    ctx = sqlite_demo_ctx
    admin = login(ctx.uow(), "admin", "admin-2026")
    window = MainWindow(ctx, admin, sites.describe_post(ctx.uow(), admin))
    qtbot.addWidget(window)
    window.show()
    window.show_page("calendar")
    page = window.page("calendar")
    status = page.findChild(QLabel, "calendar_status")
    qtbot.waitUntil(lambda: "内置数据" in status.text())
    page.year.setValue(2027)
    qtbot.waitUntil(lambda: "尚未完整录入" in status.text())
    table = page.findChild(QTableWidget, "calendar_table")
    qtbot.waitUntil(lambda: table.rowCount() > 0)
    law = {table.item(r, 0).text(): table.item(r, 3).text() for r in range(table.rowCount())}
    assert law["2027-01-01"] == "元旦" and law["2027-02-09"] == "春节补假"  # before any import

    schedule = tmp_path / "2027.txt"
    schedule.write_text(SCHEDULE, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(schedule), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    page.import_schedule()
    qtbot.waitUntil(lambda: bool(shown))
    assert "已录入 25 天" in shown[0] and "暂定" not in shown[0]
    qtbot.waitUntil(lambda: "已录入" in status.text())
    table = page.findChild(QTableWidget, "calendar_table")
    days = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert days["2027-02-08"] == "放假" and days["2027-02-14"] == "上班"


def test_single_day_override_is_kept_and_named(sqlite_demo_ctx: AppContext) -> None:
    ctx = sqlite_demo_ctx
    admin = login(ctx.uow(), "admin", "admin-2026")
    set_day(ctx.uow(), admin, "2026-12-24", False, "县城供暖检修停电")
    view = year_view(ctx.uow(), 2026)
    named = {d.day.isoformat(): d for d in view.days}
    assert not named["2026-12-24"].is_workday and named["2026-12-24"].name == "县城供暖检修停电"

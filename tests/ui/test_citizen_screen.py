"""The citizen-facing screen follows the counter's checklist and takes the applicant's rating."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from app.auth import login
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.errors import PermissionDenied
from app.feedback import ratings, rectifications
from app.feedback.records import RatingLevel, RatingSource, Subject
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.mainwindow import open_main
from ui.counter import CounterPage
from ui.counter.citizen_screen import CitizenScreen, other_screen
from ui.mainwindow import MainWindow


def screen_for(qtbot, window: MainWindow) -> tuple[CounterPage, CitizenScreen]:  # type: ignore[no-untyped-def]
    window.show_page("counter")  # a clerk starts on the work list
    counter = window.page("counter")
    assert isinstance(counter, CounterPage)
    action = window.findChild(QAction, "citizen_screen_action")
    action.trigger()  # 工具 → 顾客评价屏
    assert counter.citizen_toggle.isChecked()
    screen = counter.citizen_screen
    assert screen is not None and screen.isVisible() and screen.isWindow()
    assert not screen.isFullScreen()  # one screen (offscreen): a separate ordinary window
    # ... on the right of that screen, and the clerk is told where it went.
    area = window.screen().availableGeometry()
    assert screen.x() >= area.x() and screen.y() >= area.y()
    assert "没有第二块屏幕" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "1 号窗口" in screen.window_title.text())
    return counter, screen


def accept_at_counter(
    qtbot, counter: CounterPage, screen: CitizenScreen, item: ItemVersionRecord
) -> int:  # type: ignore[no-untyped-def]
    counter.finder.setFocus()
    qtbot.keyClicks(counter.finder.edit, item.code.lower())
    with qtbot.waitSignal(counter.item_loaded, timeout=10_000):
        qtbot.keyClick(counter.finder.edit, Qt.Key.Key_Return)
    assert screen.item.text() == item.name and screen.pages.currentIndex() == 1
    assert "5 个工作日" in screen.limit.text() and "2026-12-01 前办结" in screen.limit.text()
    panel = counter.checklist
    fields = panel.applicant.fields
    fields["applicant_name"].setText("王𠇹")
    qtbot.keyClicks(fields["id_number"], resident_id())
    qtbot.keyClicks(fields["phone"], "13812345678")
    table = panel.materials
    table.setFocus()
    for row, key in {0: Qt.Key.Key_Space, 1: Qt.Key.Key_1, 2: Qt.Key.Key_3}.items():
        table.setCurrentCell(row, 0)
        qtbot.keyClick(table, key)
    # The applicant watches the materials being ticked, without any personal data.
    lines = [screen.materials.item(i).text() for i in range(screen.materials.count())]
    assert lines == [
        "√ 已收　居民身份证",
        "√ 已收　户口簿",
        "－ 不需要　收入证明",
        "选交　近期照片",
    ]
    assert screen.tally.text() == "已收 2 项，材料齐全"
    assert "王" not in screen.materials.item(0).text()
    with qtbot.waitSignal(panel.accepted, timeout=10_000) as accepted:
        qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # The counter clears for the next visitor; the screen offers the rating for this case.
    assert panel.checklist is None and screen.pages.currentIndex() == 2
    assert accepted.args[0].number in screen.accepted_text.text()
    return int(accepted.args[0].case_id)


def test_the_screen_takes_the_applicants_click(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    window = open_main(qtbot, ctx, "zhangwei")
    counter, screen = screen_for(qtbot, window)
    assert screen.staff_name.text() == "张伟" and "社会救助窗口" in screen.staff_post.text()
    case_id = accept_at_counter(qtbot, counter, screen, item)

    with qtbot.waitSignal(screen.rated, timeout=10_000) as rated:
        qtbot.mouseClick(screen.level_buttons[RatingLevel.SATISFIED], Qt.MouseButton.LeftButton)
    assert rated.args[0].rectification_id is None
    assert screen.pages.currentIndex() == 3 and screen.thanks.text() == "感谢您的评价！"
    assert "申请人评价：满意" in counter.last_result.text()
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    stored = ratings.rating_for(ctx.uow(), clerk, Subject.case(case_id))
    assert stored is not None and stored.level is RatingLevel.SATISFIED
    assert stored.source is RatingSource.CITIZEN_SCREEN and stored.rated_staff_name == "张伟"

    # The button on the counter closes it again (the menu follows).
    counter.citizen_toggle.click()
    assert counter.citizen_screen is None and not screen.isVisible()
    assert not window.findChild(QAction, "citizen_screen_action").isChecked()


def test_a_bad_rating_opens_a_rectification_a_clerk_cannot_close(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    window = open_main(qtbot, ctx, "zhangwei")
    counter, screen = screen_for(qtbot, window)
    accept_at_counter(qtbot, counter, screen, item)
    screen.comment.setText("等了一个小时")
    with qtbot.waitSignal(screen.rated, timeout=10_000) as rated:
        qtbot.mouseClick(
            screen.level_buttons[RatingLevel.VERY_DISSATISFIED], Qt.MouseButton.LeftButton
        )
    item_id = rated.args[0].rectification_id
    assert item_id is not None and "已生成整改事项" in counter.last_result.text()

    # The clerk sees the item against them, and nothing to close it with.
    window.show_page("ratings")
    page = window.page("ratings")
    page.tabs.setCurrentIndex(1)
    model = page.rectifications.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, 0).data() == "待整改")
    assert model.index(0, 3).data() == "等了一个小时"
    assert page.findChild(type(counter.citizen_toggle), "close_rectification") is None
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    with pytest.raises(PermissionDenied):
        rectifications.close_rectification(
            ctx.uow(), clerk, item_id, "自己关", date(2026, 11, 24), "x", "resolved"
        )

    # The supervisor closes it: everything asked for, refusals at the field.
    boss_window = open_main(qtbot, ctx, "sunli")
    boss_window.show_page("ratings")
    boss_page = boss_window.page("ratings")
    boss_page.tabs.setCurrentIndex(1)
    boss_model = boss_page.rectifications.model
    qtbot.waitUntil(lambda: boss_model.rowCount() == 1 and boss_model.index(0, 0).data() != "…")
    boss_page.rectifications.view.selectRow(0)
    boss_page.close_button.click()
    form = boss_page.form
    assert form is not None and form.objectName() == "rectification_form"
    form.submit()
    qtbot.waitUntil(lambda: form.errors["note"].text() != "")
    assert form.errors["outcome"].text() == "请选择整改结果" and form.isVisible()
    form.fields["note"].setPlainText("约谈当事人，调整窗口引导")
    form.fields["followup_result"].setPlainText("电话回访，申请人表示理解")
    form.fields["outcome"].setCurrentIndex(2)
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        form.submit()
    qtbot.waitUntil(lambda: boss_model.rowCount() == 0)  # the open items: none left
    [closed] = rectifications.rectification_rows(ctx.uow(), clerk, [item_id])
    assert closed.closed_by_name == "孙丽" and closed.followup_result == "电话回访，申请人表示理解"


@dataclass
class FakeScreen:
    label: str

    def name(self) -> str:
        return self.label


def test_the_screen_goes_to_the_monitor_the_counter_is_not_on() -> None:
    counter, applicant = FakeScreen("DP-1"), FakeScreen("HDMI-1")
    assert other_screen([counter, applicant], counter) is applicant
    assert other_screen([applicant, counter], counter) is applicant
    assert other_screen([counter], counter) is None


def test_a_consultation_answered_at_the_counter_is_rated_on_the_screen(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    from app.feedback.records import SubjectKind
    from app.visits import service as visits
    from app.visits.records import VisitInput
    from ui.visits.forms import OutcomeForm

    ctx = sqlite_demo_ctx
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    visit = visits.register_visit(ctx.uow(), clerk, VisitInput(question="老年证在哪办？"))
    window = open_main(qtbot, ctx, "zhangwei")
    _counter, screen = screen_for(qtbot, window)
    window.open_visit(visit.id)
    dialog = window.visit_dialog
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    dialog.close_visit()
    form = dialog.form
    assert isinstance(form, OutcomeForm)
    outcome = form.fields["outcome"]
    outcome.setCurrentIndex(outcome.findData("answered"))
    form.fields["answer"].setPlainText("2号养老服务窗口，带身份证和照片")
    with qtbot.waitSignal(dialog.visit_answered, timeout=10_000):
        form.submit()
    assert screen.pages.currentIndex() == 2 and visit.number in screen.accepted_text.text()
    with qtbot.waitSignal(screen.rated, timeout=10_000):
        qtbot.mouseClick(screen.level_buttons[RatingLevel.SATISFIED], Qt.MouseButton.LeftButton)
    stored = ratings.rating_for(ctx.uow(), clerk, Subject(SubjectKind.VISIT, visit.id))
    assert stored is not None and stored.source is RatingSource.CITIZEN_SCREEN
    assert stored.subject_label == visit.number and stored.rated_staff_name == "张伟"

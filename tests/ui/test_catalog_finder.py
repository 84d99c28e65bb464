"""ItemFinder, the widget the counter uses to pick a service item by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.catalog.service import current_version, search_items
from app.context import AppContext
from ui.catalog import ItemFinder


def make_finder(qtbot, ctx: AppContext) -> ItemFinder:  # type: ignore[no-untyped-def]
    finder = ItemFinder(lambda text: search_items(ctx.uow(), text))
    qtbot.addWidget(finder)
    finder.show()
    qtbot.waitExposed(finder)
    finder.setFocus()
    return finder


def test_typing_initials_and_enter_chooses_the_item(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    finder = make_finder(qtbot, sqlite_demo_ctx)
    expected = current_version(sqlite_demo_ctx.uow(), "MZ-001").id
    qtbot.keyClicks(finder.edit, "dbsq")
    # Enter right away: the search is still running, the best hit is taken when it answers.
    with qtbot.waitSignal(finder.item_chosen) as chosen:
        qtbot.keyClick(finder.edit, Qt.Key.Key_Return)
    assert chosen.args == [expected]
    assert finder.results.item(0).text().startswith("MZ-001")


def test_arrow_keys_move_through_the_hits(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    finder = make_finder(qtbot, sqlite_demo_ctx)
    with qtbot.waitSignal(finder.results_shown) as shown:
        qtbot.keyClicks(finder.edit, "mz-00")
    assert shown.args[0] >= 5
    qtbot.keyClick(finder.edit, Qt.Key.Key_Down)
    qtbot.keyClick(finder.edit, Qt.Key.Key_Down)
    qtbot.keyClick(finder.edit, Qt.Key.Key_Up)
    with qtbot.waitSignal(finder.item_chosen) as chosen:
        qtbot.keyClick(finder.edit, Qt.Key.Key_Enter)
    assert chosen.args == [current_version(sqlite_demo_ctx.uow(), "MZ-002").id]
    assert finder.edit.hasFocus()


def test_nothing_is_chosen_when_nothing_matches(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    finder = make_finder(qtbot, sqlite_demo_ctx)
    with qtbot.waitSignal(finder.results_shown) as shown:
        finder.edit.setText(
            "不存在的事项"
        )  # as an input method commits it (QTest types ASCII only)
    assert shown.args == [0]
    with qtbot.assertNotEmitted(finder.item_chosen, wait=200):
        qtbot.keyClick(finder.edit, Qt.Key.Key_Return)


def test_the_empty_box_lists_the_windows_usual_items(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from app.auth import login
    from app.catalog.service import usual_items
    from app.clock import ManualClock
    from sim.demo.activity import simulate

    ctx = sqlite_demo_ctx
    assert isinstance(ctx.clock, ManualClock)
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    assert usual_items(ctx.uow(), clerk) == []  # a new window: nothing to offer yet
    simulate(ctx.uow, ctx.clock, 5, 1, ctx.clock.now().date())
    usual = usual_items(ctx.uow(), clerk)
    assert usual and all("民政" in s.department for s in usual)  # window 1 takes 民政 items
    finder = ItemFinder(
        lambda text: search_items(ctx.uow(), text), usual=lambda: usual_items(ctx.uow(), clerk)
    )
    qtbot.addWidget(finder)
    with qtbot.waitSignal(finder.results_shown) as shown:
        finder.show()
    assert shown.args == [len(usual)] and finder.heading.isVisible()
    with qtbot.waitSignal(finder.item_chosen) as chosen:
        qtbot.keyClick(finder.edit, Qt.Key.Key_Return)
    assert chosen.args == [usual[0].version_id]
    with qtbot.waitSignal(finder.results_shown):
        qtbot.keyClicks(finder.edit, "mz")
    assert not finder.heading.isVisible()

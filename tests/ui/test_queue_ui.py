"""The queue page at the counter (取号, 叫号 by F9, recall, serve → the visit dialog, skip,
transfer, a vendor's call showing up) and the hall display (the calls, large; the voice only
for calls made while it runs), offscreen."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from app import sites
from app.auth import login
from app.context import AppContext
from app.queue import service
from tests.helpers.appointments import clerk
from tests.helpers.queue import make_groups
from ui.mainwindow import MainWindow
from ui.queue.display import HallDisplay
from ui.queue.page import QueuePage


def open_queue(qtbot, ctx: AppContext, user: str = "zhangwei") -> tuple[MainWindow, QueuePage]:  # type: ignore[no-untyped-def]
    actor = login(ctx.uow(), user, "demo-2026")
    window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
    qtbot.addWidget(window)
    window.show()
    window.show_page("queue")
    page = window.page("queue")
    assert isinstance(page, QueuePage)
    qtbot.waitUntil(lambda: "A" in page.group_buttons)
    return window, page


def test_take_call_recall_and_serve_opens_the_visit(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    make_groups(ctx)
    window, page = open_queue(qtbot, ctx)
    assert not page.buttons["serve"].isEnabled() and page.number_label.text() == "—"
    page.group_buttons["A"].click()
    qtbot.waitUntil(lambda: "A001" in page.taken_label.text())
    assert "前面 0 人等候" in page.taken_label.text() and page.print_button.isEnabled()
    page.group_buttons["A"].click()
    qtbot.waitUntil(lambda: "A002" in page.taken_label.text())
    qtbot.waitUntil(lambda: "A 2" in page.waiting_label.text())

    call = window.findChild(QAction, "queue_call")
    assert call.shortcut() == QKeySequence("F9")
    window.show_page("counter")
    call.trigger()  # from another page: the queue page shows, the next number is called
    assert list(window.pages)[window.nav.currentRow()] == "queue"
    qtbot.waitUntil(lambda: page.number_label.text() == "A001")
    assert page.buttons["serve"].isEnabled() and not page.buttons["finish"].isEnabled()
    page.buttons["recall"].click()
    qtbot.waitUntil(lambda: "重呼 1 次" in page.state_label.text())

    page.buttons["serve"].click()
    qtbot.waitUntil(lambda: getattr(window, "visit_dialog", None) is not None)
    dialog = window.visit_dialog
    qtbot.waitUntil(lambda: dialog.findChild(QLabel, "info_question") is not None)
    assert "排队号 A001" in dialog.findChild(QLabel, "info_question").text()
    qtbot.waitUntil(lambda: page.buttons["finish"].isEnabled())
    assert "已登记来访" in page.message.text()
    dialog.close()

    page.call_next()  # A001 is finished on the way
    qtbot.waitUntil(lambda: page.number_label.text() == "A002")
    page.transfer_combo.setCurrentIndex(page.transfer_combo.findData(3))
    page.buttons["transfer"].click()
    qtbot.waitUntil(lambda: page.number_label.text() == "—")
    assert service.current_ticket(ctx.uow(), clerk(ctx)) is None
    page.call_next()
    qtbot.waitUntil(lambda: page.message.text() == "没有等候的号")


def test_a_call_already_open_is_pointed_out_and_a_vendor_call_shows(
    qtbot, sqlite_demo_ctx: AppContext
) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    make_groups(ctx)
    _window, page = open_queue(qtbot, ctx)
    service.vendor_called(ctx.uow(), login(ctx.uow(), "admin", "admin-2026"), "C088", 1)
    page.refresh()  # what the timer does every few seconds
    qtbot.waitUntil(lambda: page.number_label.text() == "C088")
    page.call_next()
    qtbot.waitUntil(lambda: "请先处理当前号 C088" in page.message.text())
    page.buttons["skip"].click()
    qtbot.waitUntil(lambda: page.number_label.text() == "—")


class Recorder:
    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)


def test_the_hall_display_shows_the_calls_and_reads_out_new_ones(
    qtbot, sqlite_demo_ctx: AppContext, clock
) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    make_groups(ctx)
    desk = clerk(ctx, "zhaolei")
    for code in ("A", "A", "B"):
        service.take_ticket(ctx.uow(), desk, code)
    service.call_next(ctx.uow(), clerk(ctx))  # A001 to window 1, before the display starts
    voice = Recorder()
    display = HallDisplay(
        ctx, login(ctx.uow(), "admin", "admin-2026"), speaker=voice, poll_ms=60_000
    )
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: "A001" in display.latest.text())
    assert "1 号窗口" in display.latest.text() and voice.said == []
    clock.advance(timedelta(minutes=1))
    service.call_next(ctx.uow(), clerk(ctx, "lina"))  # A002 to window 2
    clock.advance(timedelta(minutes=1))
    service.call_next(ctx.uow(), clerk(ctx, "wangfang"))  # B001 to window 3
    display.poll()
    qtbot.waitUntil(lambda: "B001" in display.latest.text())
    assert voice.said == ["请 A002 号到 2 号窗口办理", "请 B001 号到 3 号窗口办理"]
    earlier = [(n.text(), w.text()) for n, w in display.earlier_labels if n.text()]
    assert earlier == [("A002", "2 号窗口"), ("A001", "1 号窗口")]
    assert display.latest.font().pixelSize() > display.earlier_labels[0][0].font().pixelSize()
    display.poll()  # nothing new: nothing said
    qtbot.wait(50)
    qtbot.waitUntil(lambda: display.calls and display.calls[0].number == "B001")
    assert len(voice.said) == 2

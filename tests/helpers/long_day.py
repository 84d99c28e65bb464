"""A counter's long day: the real main window driven as a clerk would, one visitor per cycle.

Used by tests/ui/test_long_day.py (counts only) and bench/long_day.py (memory and step times).
No pytest here: waiting is done with QTest, so the bench runs it as a plain script.

One cycle, on the clerk's main window with the citizen screen open:

1. the visit: F2 on the work list, the question, name and phone typed, Ctrl+Enter; the visit's
   window opens, 办结 with 当场答复 and an answer, the visitor rates it on the citizen screen, Esc;
2. the counter: the item found by its code, the applicant typed, the materials ticked with the
   keyboard, then Ctrl+Enter (accepted, the visitor rates it) or Alt+N (a one-time notice);
3. the print preview of what was issued, opened and closed;
4. the lists: the work list reloaded and scrolled, the counter's notice search;
5. the timers: the injected clock moves on and the work list refresh, the warning scan, the
   status clock and the idle check run (every tenth cycle the screen locks and is unlocked).
"""

from __future__ import annotations

import collections
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from shiboken6 import isValid

from app import sites
from app.auth import login
from app.clock import ManualClock
from app.context import AppContext
from app.feedback.records import RatingLevel
from tests.helpers.catalog import make_item, resident_id

CLERK, PASSWORD = "zhangwei", "demo-2026"
TIMEOUT_S = 30.0


class Stuck(AssertionError):
    """The day could not go on: something the clerk waits for never came."""


def settle() -> None:
    """Let queued signals and deferred deletions through (what one turn of the loop does)."""
    app = QCoreApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def wait_until(condition: Callable[[], Any], what: str, timeout_s: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise Stuck(f"waited {timeout_s:.0f} s for {what}")
        QTest.qWait(5)


def chinese_number(n: int) -> str:
    """A name part that differs per visitor (names take no digits)."""
    return "".join("零一二三四五六七八九"[int(d)] for d in str(n))


def activate(window: QWidget) -> None:
    """Keyboard shortcuts work in the active window only (as on a real desktop)."""
    window.activateWindow()
    wait_until(lambda: QApplication.activeWindow() is window, "the window to be active")


class Counter:
    """Counts a signal's emissions; connected once for the whole day (no connection per cycle)."""

    def __init__(self, signal: Any) -> None:
        self.count = 0
        self.last: Any = None
        signal.connect(self._seen)

    def _seen(self, *args: Any) -> None:
        self.count += 1
        self.last = args[0] if args else None


# The offscreen platform has no window manager; on a desktop these do not appear.
OFFSCREEN_NOISE = (
    "does not support propagateSizeHints",
    "does not support raise",
    "does not support grabbing the keyboard",
)


class QtMessages:
    """Qt's warnings over the day, kept by count (a log kept in full would itself grow all
    day): installed as Qt's message handler, the one before is put back on ``close``."""

    def __init__(self) -> None:
        self.noise = 0
        self.unexpected: list[str] = []  # the first few, with their number in ``count``
        self.count = 0
        self._previous = qInstallMessageHandler(self._handle)

    def _handle(self, kind: QtMsgType, _context: Any, message: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if any(noise in message for noise in OFFSCREEN_NOISE):
            self.noise += 1
            return
        self.count += 1
        if len(self.unexpected) < 10:
            self.unexpected.append(message)

    def close(self) -> None:
        qInstallMessageHandler(self._previous)


def grown_types(before: collections.Counter[str], top: int = 8) -> list[tuple[str, int]]:
    """The Python object types whose number grew most since ``before`` (``type_counts``)."""
    now = type_counts()
    now.subtract(before)
    return [(name, n) for name, n in now.most_common(top) if n > 0]


def type_counts() -> collections.Counter[str]:
    return collections.Counter(type(o).__qualname__ for o in gc.get_objects())


def live_widgets() -> int:
    return len(QApplication.allWidgets())


def top_level_widgets() -> int:
    return len(QApplication.topLevelWidgets())


def make_hall(folder: Path, clock: ManualClock) -> AppContext:
    """A demo hall on a SQLite file in ``folder`` (as the screen tests' ``sqlite_demo_ctx``)."""
    from app.setup import initialize
    from db.engine import make_engine
    from db.migrate import ensure_schema
    from db.store import SqlStore

    engine = make_engine(f"sqlite:///{folder / 'hall.sqlite3'}")
    ensure_schema(engine, None)
    ctx = AppContext(store=SqlStore(engine, clock), clock=clock, data_dir=folder)
    initialize(ctx.uow(), "admin-2026", demo=True)
    return ctx


@dataclass
class Steps:
    """Seconds per step of each cycle, in order."""

    visit: list[float] = field(default_factory=list)
    counter: list[float] = field(default_factory=list)


class LongDay:
    def __init__(self, ctx: AppContext, clock: ManualClock) -> None:
        from ui.mainwindow import MainWindow

        self.ctx, self.clock = ctx, clock
        self.item = make_item(ctx)
        actor = login(ctx.uow(), CLERK, PASSWORD)
        self.window = window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
        window.show()
        # The pages and dialogs are driven by their attributes: typed Any here.
        self.worklist: Any = cast(Any, window.page("worklist"))
        window.show_page("worklist")
        wait_until(lambda: self.worklist.queue is not None, "the work list")
        window.show_page("counter")
        self.counter: Any = cast(Any, window.page("counter"))
        counter = self.counter
        action: Any = window.findChild(QAction, "citizen_screen_action")
        action.trigger()  # 工具 → 顾客评价屏
        self.screen = counter.citizen_screen
        assert self.screen is not None
        self.opened = Counter(self.worklist.visit_opened)
        self.reloaded = Counter(self.worklist.reloaded)
        self.item_loaded = Counter(counter.item_loaded)
        self.accepted = Counter(counter.checklist.accepted)
        self.notice_issued = Counter(counter.checklist.notice_issued)
        self.rated = Counter(self.screen.rated)
        self.cycles = 0
        self.steps = Steps()

    def close(self) -> None:
        from ui.ops import wait_for_ops

        wait_for_ops()
        settle()
        self.window.close()
        self.window.deleteLater()
        settle()

    # -- one visitor ---------------------------------------------------------------------------
    def cycle(self) -> None:
        n = self.cycles
        self.cycles += 1
        started = time.perf_counter()
        self.visit(n)
        self.steps.visit.append(time.perf_counter() - started)
        started = time.perf_counter()
        number, kind = self.counter_step(n)
        self.steps.counter.append(time.perf_counter() - started)
        self.preview(kind, number)
        self.lists(n)
        self.timers(n)
        settle()

    def visit(self, n: int) -> None:
        window, page = self.window, self.worklist
        window.show_page("worklist")
        activate(window)
        page.search.setFocus()
        opened = self.opened.count
        QTest.keyClick(page.search, Qt.Key.Key_F2)
        form = page.form
        wait_until(lambda: form.isVisible(), "the registration form")
        activate(form)
        form.fields["question"].setPlainText(f"第 {n} 位来访：社保卡丢了怎么补办")
        # keyClicks types Latin-1 only
        form.fields["visitor_name"].setText("来访" + chinese_number(n))
        QTest.keyClicks(form.fields["phone"], f"138{n % 100_000_000:08d}")
        QTest.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        wait_until(lambda: self.opened.count > opened, "the visit to be registered")
        dialog: Any = window.visit_dialog
        wait_until(lambda: dialog.detail is not None, "the visit's window")
        wait_until(lambda: dialog.findChild(QPushButton, "do_close") is not None, "办结")
        QTest.mouseClick(dialog.findChild(QPushButton, "do_close"), Qt.MouseButton.LeftButton)
        wait_until(lambda: dialog.form is not None and isValid(dialog.form), "the outcome form")
        outcome: Any = dialog.form
        box = outcome.fields["outcome"]
        box.showPopup()  # the clerk opens the list to choose
        box.hidePopup()
        box.setCurrentIndex(box.findData("answered"))
        outcome.fields["answer"].setPlainText("到 2 号窗口补办，带身份证")
        rated = self.rated.count
        QTest.mouseClick(outcome.ok_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: self.screen.pages.currentIndex() == 2, "the visit's rating page")
        QTest.mouseClick(
            self.screen.level_buttons[RatingLevel.SATISFIED], Qt.MouseButton.LeftButton
        )
        wait_until(lambda: self.rated.count > rated, "the visit's rating")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        wait_until(lambda: not isValid(dialog) or not dialog.isVisible(), "the visit to close")

    def counter_step(self, n: int) -> tuple[str, str]:
        """Even visitors bring everything (accepted), odd ones get a one-time notice."""
        window, page = self.window, self.counter
        window.show_page("counter")
        loaded = self.item_loaded.count
        page.finder.setFocus()
        QTest.keyClicks(page.finder.edit, self.item.code.lower())
        QTest.keyClick(page.finder.edit, Qt.Key.Key_Return)
        wait_until(lambda: self.item_loaded.count > loaded, "the item's checklist")
        panel = page.checklist
        fields = panel.applicant.fields
        fields["applicant_name"].setText("申请" + chinese_number(n))
        QTest.keyClicks(fields["id_number"], resident_id())
        QTest.keyClicks(fields["phone"], f"139{n % 100_000_000:08d}")
        table = panel.materials
        table.setFocus()
        complete = n % 2 == 0
        keys = {0: Qt.Key.Key_Space}
        if complete:
            keys.update({1: Qt.Key.Key_1, 2: Qt.Key.Key_3})
        for row, key in keys.items():
            table.setCurrentCell(row, 0)
            QTest.keyClick(table, key)
        if complete:
            accepted, rated = self.accepted.count, self.rated.count
            QTest.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            wait_until(lambda: self.accepted.count > accepted, "the acceptance")
            wait_until(lambda: self.screen.pages.currentIndex() == 2, "the case's rating page")
            button = self.screen.level_buttons[RatingLevel.VERY_SATISFIED]
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            wait_until(lambda: self.rated.count > rated, "the case's rating")
            return self.accepted.last.number, "receipt"
        issued = self.notice_issued.count
        QTest.keyClick(panel, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        wait_until(lambda: self.notice_issued.count > issued, "the one-time notice")
        return self.notice_issued.last.number, "notice"

    def preview(self, kind: str, number: str) -> None:
        page = self.counter
        assert page.printables and page.printables[0][1] == number, (page.printables, kind)
        page.print_main_document()
        preview = page.preview
        wait_until(lambda: preview.document is not None and preview.pages, "the print preview")
        scroll = preview.page_box.parentWidget().parentWidget()  # the scroll area
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        QTest.keyClick(preview, Qt.Key.Key_Escape)
        wait_until(lambda: not isValid(preview) or not preview.isVisible(), "the preview to close")

    def lists(self, n: int) -> None:
        window, page = self.window, self.worklist
        window.show_page("worklist")
        reloaded = self.reloaded.count
        page.reload()
        wait_until(lambda: self.reloaded.count > reloaded, "the work list to reload")
        for view in page.views.values():
            bar = view.verticalScrollBar()
            bar.setValue(bar.maximum())
            bar.setValue(0)
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton)
        if n % 5 == 4:  # now and then a search on the work list
            page.search.setText("社保")  # keyClicks types Latin-1 only
            QTest.keyClick(page.search, Qt.Key.Key_Return)
            settle()
            page.search.clear()

    def timers(self, n: int) -> None:
        """Two minutes of the day pass; each all-day timer fires once."""
        from ui.ops import live_relays

        self.clock.advance(timedelta(minutes=2))
        window = self.window
        window.clock_timer.timeout.emit()
        window.warning_timer.timeout.emit()
        self.worklist.timer.timeout.emit()
        window.idle_watcher.timer.timeout.emit()
        wait_until(lambda: live_relays() == 0, "the timers' work")
        if n % 10 == 9:
            self.lock_and_unlock()

    def lock_and_unlock(self) -> None:
        window = self.window
        window.lock_screen()
        dialog: Any = window.findChild(QWidget, "lock_dialog")
        wait_until(lambda: dialog is not None and dialog.isVisible(), "the lock dialog")
        QTest.keyClicks(dialog.password_edit, PASSWORD)
        QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        wait_until(lambda: not isValid(dialog) or not dialog.isVisible(), "the unlock")

    # -- what is alive -------------------------------------------------------------------------
    def quiet(self) -> None:
        """Wait for background work, let deletions happen, collect Python garbage."""
        from ui.ops import live_relays, wait_for_ops

        wait_for_ops()
        wait_until(lambda: live_relays() == 0, "every relay to deliver")
        settle()
        gc.collect()

"""The main window at the keyboard: the counter's keys answered from anywhere in the window
(the 受理 menu), and the focus that follows the page shown.

A clerk who clicks 受理台 in the side bar and types at once finds the letters in the item
finder, and Enter alone opens the usual checklist; Ctrl+F, Ctrl+G and Ctrl+P work wherever the
focus is (the side bar, the status bar, another page), switch to the counter and keep what is
typed after them. A page left and shown again gets back the field the clerk was in.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QMenuBar, QWidget

if TYPE_CHECKING:
    from ui.mainwindow.window import MainWindow

    _Base = MainWindow
else:
    _Base = object

# Pages with their own Ctrl+F (the work list's search box): there it stays theirs.
OWN_FIND = {"worklist"}


def tr(text: str) -> str:
    # lupdate files calls of a bare tr() under the empty context.
    return QCoreApplication.translate("", text)


class KeyboardActions(_Base):
    """Mixed into ``MainWindow``."""

    counter_actions: dict[str, QAction]
    _page_focus: dict[str, QWidget]

    def _build_counter_menu(self, bar: QMenuBar) -> None:
        self.counter_actions = {}
        if "counter" not in self.pages:
            return
        menu = bar.addMenu(tr("受理(&S)"))
        for name, text, keys, slot in (
            ("counter_find", tr("查找办理事项"), "Ctrl+F", self.counter_find),
            ("counter_notice", tr("回访：查找告知单"), "Ctrl+G", self.counter_notice_search),
            ("counter_print", tr("打印刚出具的文书"), "Ctrl+P", self.counter_print),
        ):
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
            self.counter_actions[name] = action
        self._adopt_page_keys()

    def _counter(self) -> QWidget:
        page = self.page("counter")
        if self.current_page() != "counter":
            self.show_page("counter", focus=False)
        return page

    def counter_find(self) -> None:
        """Ctrl+F: the page's own search box where it has one (the work list), else the
        counter's item finder."""
        key = self.current_page()
        if key in OWN_FIND:
            search = getattr(self.page(key), "search", None)
            if isinstance(search, QLineEdit):
                search.setFocus(Qt.FocusReason.ShortcutFocusReason)
                search.selectAll()
                return
        self._counter().focus_finder()  # type: ignore[attr-defined]

    def counter_notice_search(self) -> None:
        self._counter().focus_notice_search()  # type: ignore[attr-defined]

    def counter_print(self) -> None:
        page = self._counter()
        if page.printables:  # type: ignore[attr-defined]
            page.print_main_document()  # type: ignore[attr-defined]
        else:
            self.statusBar().showMessage(tr("本次还没有出具可打印的文书"), 5_000)

    def _adopt_page_keys(self) -> None:
        """A page's own Ctrl+F would make the key ambiguous: the window's action answers it."""
        key = self.current_page()
        page = self.built_page(key) if key in OWN_FIND else None
        if page is None or "counter_find" not in getattr(self, "counter_actions", {}):
            return
        find = QKeySequence("Ctrl+F")
        for shortcut in page.findChildren(QShortcut):
            if shortcut.key() == find:
                shortcut.setEnabled(False)

    # -- focus follows the page ----------------------------------------------------------------
    def current_page(self) -> str:
        row = self.nav.currentRow()
        return list(self.pages)[row] if 0 <= row < len(self.pages) else ""

    def _remember_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self) or new is None:
            return
        if not hasattr(self, "_page_focus"):
            self._page_focus = {}
        for key, slot in self.pages.items():
            if slot.isAncestorOf(new):
                self._page_focus[key] = new
                return

    def focus_page(self, key: str) -> None:
        """Into the page shown: the field last used there, or the page's own first field."""
        kept = getattr(self, "_page_focus", {}).get(key)
        if kept is not None and shiboken6.isValid(kept) and kept.isVisible():
            kept.setFocus()
            return
        page = self.page(key)
        if page.focusProxy() is not None:
            page.setFocus()

    def _watch_focus(self) -> None:
        self._page_focus = {}
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._remember_focus)

    def _unwatch_focus(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            with contextlib.suppress(RuntimeError, TypeError):  # never connected
                app.focusChanged.disconnect(self._remember_focus)

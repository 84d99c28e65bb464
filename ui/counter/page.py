"""受理台: the counter page. Find the item (or the visitor's notice), tick the checklist,
accept / issue the one-time notice / refuse, print, next visitor.

Keyboard: Ctrl+F the item finder, Ctrl+G the notice search (a USB scanner types the slip's QR
code into it and presses Enter), Ctrl+Enter accept, Alt+N notice, Alt+R refuse, Ctrl+P print
what was just issued.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.cases.service import AcceptResult
from app.catalog.service import search_items, usual_items
from app.clock import DEFAULT_TZ
from app.context import AppContext
from app.errors import DomainError, ValidationError
from app.notices import service as notices
from app.notices.records import NoticeRecord, NoticeResult, NoticeState, RefusalResult
from app.roles import Actor
from ui.app_messages import translated
from ui.catalog.finder import ItemFinder
from ui.counter.checklist import ChecklistPanel
from ui.counter.citizen_screen import CitizenScreen
from ui.counter.labels import tr
from ui.feedback.labels import level_text
from ui.forms import error_label, show_error
from ui.ops import run_op

NOTICE_ROLE = Qt.ItemDataRole.UserRole


class CounterPage(QWidget):
    item_loaded = Signal(int)  # version id now on the checklist
    return_visit_opened = Signal(int)  # notice id now on the checklist
    print_offered = Signal(str, str)  # kind, number of the main document just issued

    def __init__(self, ctx: AppContext, actor: Actor, window_number: int | None = None) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.finder = ItemFinder(
            lambda text: search_items(ctx.uow(), text),
            usual=lambda: usual_items(ctx.uow(), actor),
        )
        self.finder.item_chosen.connect(self.open_item)
        self.notice_search = QLineEdit()
        self.notice_search.setObjectName("notice_search")
        self.notice_search.setPlaceholderText(tr("告知单编号、扫码、身份证号或“姓名 电话”，回车"))
        self.notice_search.setClearButtonEnabled(True)
        self.notice_search.returnPressed.connect(self.find_notice)
        self.notice_error = error_label("notice_search")
        self.notice_results = QListWidget()
        self.notice_results.setObjectName("notice_results")
        self.notice_results.itemActivated.connect(
            lambda item: self.open_notice(item.data(NOTICE_ROLE))
        )
        self.notice_results.hide()
        self.window_number = window_number
        self.citizen_screen: CitizenScreen | None = None
        self.citizen_toggle = QPushButton(tr("顾客评价屏"))
        self.citizen_toggle.setObjectName("citizen_toggle")
        self.citizen_toggle.setCheckable(True)
        self.citizen_toggle.setToolTip(
            tr("在面向申请人的屏幕上显示工作人员、办理进度和评价按钮（有第二块屏幕时全屏显示）")
        )
        self.citizen_toggle.toggled.connect(self.show_citizen_screen)

        left = QVBoxLayout()
        left.addWidget(QLabel(tr("办理事项（Ctrl+F）")))
        left.addWidget(self.finder, 3)
        left.addWidget(QLabel(tr("回访：查找一次性告知单（Ctrl+G）")))
        left.addWidget(self.notice_search)
        left.addWidget(self.notice_error)
        left.addWidget(self.notice_results, 1)
        left.addWidget(self.citizen_toggle)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setMinimumWidth(220)
        left.setContentsMargins(0, 0, 0, 0)

        self.checklist = ChecklistPanel(ctx, actor, window_number)
        self.checklist.accepted.connect(self._accepted)
        self.checklist.notice_issued.connect(self._notice_issued)
        self.checklist.refused.connect(self._refused)

        self.last_result = QLabel()
        self.last_result.setObjectName("last_result")
        self.last_result.setWordWrap(True)
        self.print_buttons = QHBoxLayout()
        self.result_bar = QWidget()
        self.result_bar.setObjectName("result_bar")
        self.result_bar.setStyleSheet("#result_bar { background: #eef5ee; }")
        bar = QHBoxLayout(self.result_bar)
        bar.addWidget(self.last_result, 1)
        bar.addLayout(self.print_buttons)
        self.result_bar.hide()
        self.printables: list[tuple[str, str]] = []  # (kind, number), the main one first
        self.preview: QWidget | None = None

        # The finder beside the checklist, the line between them movable: on a 1024×768
        # screen the checklist needs the width more than the item names do.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("counter_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left_box)
        self.splitter.addWidget(self.checklist)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 10_000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.result_bar)
        # On its own (a test, a dialog) the page answers its keys itself; the main window
        # turns these off and answers them from anywhere in the window (its 受理 menu).
        self.shortcuts: list[QShortcut] = []
        for keys, slot in (
            ("Ctrl+F", self.focus_finder),
            ("Ctrl+G", self.focus_notice_search),
            ("Ctrl+P", self.print_main_document),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        self.setFocusProxy(self.finder)

    def focus_finder(self) -> None:
        """Ctrl+F: the item finder, its text selected, so what is typed next replaces it."""
        self.finder.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.finder.edit.selectAll()

    def focus_notice_search(self) -> None:
        """Ctrl+G: the notice search (a scanner types the slip's QR code into it)."""
        self.notice_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.notice_search.selectAll()

    # -- a new application -------------------------------------------------------------------
    def open_item(self, version_id: int) -> None:
        ctx, actor = self.ctx, self.actor
        run_op(
            self,
            lambda: notices.prepare_checklist(ctx.uow(), actor, version_id),
            self._item_ready,
            self._failed,
        )

    def _item_ready(self, checklist: notices.Checklist) -> None:
        if not shiboken6.isValid(self):
            return
        self.checklist.load_item(checklist)
        name = self.checklist.applicant.fields["applicant_name"]
        (self.checklist.materials if name.text() else name).setFocus()
        self.item_loaded.emit(checklist.version.id)

    # -- a return visit ----------------------------------------------------------------------
    def find_notice(self) -> None:
        text = self.notice_search.text()
        show_error(self.notice_error, "")
        self.notice_results.hide()
        ctx, actor = self.ctx, self.actor
        run_op(
            self,
            lambda: notices.find_notice(ctx.uow(), actor, text),
            self._notices_found,
            self._notice_search_failed,
        )

    def _notices_found(self, found: list[NoticeRecord]) -> None:
        if not shiboken6.isValid(self):
            return
        if not found:
            show_error(self.notice_error, tr("没有找到这张告知单"))
            return
        if len(found) == 1:
            self.open_notice(found[0])
            return
        self.notice_results.clear()
        for notice in found:
            issued = notice.issued_at.astimezone(DEFAULT_TZ).strftime("%Y-%m-%d")
            text = f"{notice.number}　{notice.applicant.name}　{notice.item_name}　{issued}"
            if notice.state is not NoticeState.OPEN:
                text += tr("（已办结）")
            item = QListWidgetItem(text)
            item.setData(NOTICE_ROLE, notice)
            self.notice_results.addItem(item)
        self.notice_results.setCurrentRow(0)
        self.notice_results.show()
        self.notice_results.setFocus()

    def _notice_search_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, ValidationError):
            show_error(self.notice_error, "\n".join(exc.errors.values()))
        else:
            self._failed(exc)

    def open_notice(self, notice: NoticeRecord) -> None:
        if notice.state is NoticeState.ACCEPTED:
            show_error(
                self.notice_error,
                tr("告知单 %s 已受理，办件编号 %s") % (notice.number, notice.case_number),
            )
            return
        if notice.state is not NoticeState.OPEN:
            show_error(
                self.notice_error,
                tr("告知单 %s 已办结（已重新告知或不予受理）") % notice.number,
            )
            return
        ctx, actor = self.ctx, self.actor
        run_op(
            self,
            lambda: notices.prepare_checklist(ctx.uow(), actor, notice.item_version_id),
            lambda checklist: self._return_ready(notice, checklist),
            self._failed,
        )

    def _return_ready(self, notice: NoticeRecord, checklist: notices.Checklist) -> None:
        if not shiboken6.isValid(self):
            return
        self.notice_search.clear()
        self.notice_results.hide()
        self.checklist.load_return_visit(notice, checklist)
        self.checklist.materials.setFocus()
        self.return_visit_opened.emit(notice.id)

    # -- the citizen-facing screen ------------------------------------------------------------
    def show_citizen_screen(self, on: bool) -> None:
        """Open or close the screen turned toward the applicant (the toggle's slot)."""
        self.citizen_toggle.setText(tr("顾客评价屏：已打开") if on else tr("顾客评价屏"))
        if not on:
            screen, self.citizen_screen = self.citizen_screen, None
            if screen is not None:
                screen.close()
                screen.deleteLater()
            return
        if self.citizen_screen is None:
            screen = CitizenScreen(self.ctx, self.actor, self.window_number, self)
            self.checklist.progress_changed.connect(screen.show_progress)
            self.checklist.accepted.connect(screen.ask_rating)
            screen.rated.connect(self._rated)
            screen.closed.connect(self._citizen_screen_closed)
            screen.show_progress(self.checklist.progress())
            self.citizen_screen = screen
        if not self.citizen_screen.show_on_second_screen(self.window()):
            main = self.window()
            if isinstance(main, QMainWindow):
                main.statusBar().showMessage(
                    tr("没有第二块屏幕：顾客评价屏在本屏幕右半边另开一个窗口（Ctrl+Shift+E 关闭）"),
                    15_000,
                )

    def _citizen_screen_closed(self) -> None:
        if self.citizen_screen is not None and shiboken6.isValid(self):
            self.citizen_toggle.setChecked(False)  # closed from its own title bar

    def _rated(self, result: Any) -> None:
        if not shiboken6.isValid(self):
            return
        words = tr("评价：%s") % level_text(result.level) + (
            tr("（差评，已生成整改事项）") if result.rectification_id else ""
        )
        if result.subject_label in self.last_result.text():  # the case just accepted here
            self.last_result.setText(self.last_result.text() + tr("　申请人") + words)
        elif isinstance(main := self.window(), QMainWindow):  # a visit answered from the list
            main.statusBar().showMessage(f"{result.subject_label} {words}", 15_000)

    # -- results and printing ----------------------------------------------------------------
    def _accepted(self, result: AcceptResult) -> None:
        due = (
            f"{result.deadline.due:%Y-%m-%d}"
            + (tr("（暂定）") if result.deadline.provisional else "")
            if result.deadline.due
            else "-"
        )
        text = tr("已受理：办件编号 %s，承诺办结日期 %s。") % (result.number, due)
        docs = [("receipt", result.number, tr("打印受理回执"))]
        if self.checklist.last_deferred:
            docs.append(("deferred", result.number, tr("打印容缺受理通知")))
        self._offer(text, docs)

    def _notice_issued(self, result: NoticeResult) -> None:
        text = tr("已出具一次性告知单 %s，须补齐 %s 项：%s。") % (
            result.number,
            len(result.missing),
            "、".join(result.missing),
        )
        if result.issued_late:
            text += (
                tr("注意：距收件已超过%s个工作日，依行政许可法第三十二条，视为自收件之日起受理。")
                % notices.NOTICE_LIMIT_WORKING_DAYS
            )
        self._offer(text, [("notice", result.number, tr("打印告知单"))])

    def _refused(self, result: RefusalResult) -> None:
        text = tr("已出具不予受理通知书 %s。") % result.number
        self._offer(text, [("refusal", result.number, tr("打印不予受理通知书"))])

    def _offer(self, text: str, docs: list[tuple[str, str, str]]) -> None:
        """Show what was done, with its print buttons, and clear for the next visitor."""
        while self.print_buttons.count():
            old = self.print_buttons.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        self.printables = [(kind, number) for kind, number, _label in docs]
        for i, (kind, number, label) in enumerate(docs):
            button = QPushButton(label + (" (Ctrl+P)" if i == 0 else ""))
            button.setObjectName(f"print_{kind}")
            button.clicked.connect(
                lambda _checked=False, k=kind, n=number: self.print_document(k, n)
            )
            self.print_buttons.addWidget(button)
        self.last_result.setText(text)
        self.result_bar.show()
        self.finder.clear()
        self.finder.setFocus()
        self.print_offered.emit(*self.printables[0])

    def print_main_document(self) -> None:
        if self.printables:
            self.print_document(*self.printables[0])

    def print_document(self, kind: str, number: str) -> None:
        """The print preview of a document the counter just issued (``ui.printing``)."""
        import app.notices.printing  # noqa: F401  # registers the notice and refusal loaders
        from ui.printing.preview import open_print_preview

        self.preview = open_print_preview(self, self.ctx, self.actor, kind, number)

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        message = translated(exc.message) if isinstance(exc, DomainError) else str(exc)
        self.checklist.message.setText(message)

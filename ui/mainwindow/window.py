"""The shell every later screen plugs into: navigation, work area, status bar, menus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import audit, auth, maintenance, settings, staff
from app.clock import hall_time
from app.config import backup_dir
from app.context import AppContext
from app.errors import DomainError
from app.roles import COUNTER_ROLES, SUPERVISING_ROLES, Actor, Role
from app.sites import Post
from app.workdays import WarningLevel
from app.workspaces import Page, pages_of
from ui.app_messages import translated
from ui.idle import IdleWatcher
from ui.labels import role_label
from ui.login import LoginDialog
from ui.mainwindow.audit_page import AuditPage
from ui.mainwindow.first_inquiry import FirstInquiryActions
from ui.mainwindow.keyboard import KeyboardActions
from ui.mainwindow.pages import HomePage, StaffPage
from ui.mainwindow.placement import fit_header_texts, keep_placement, place_window
from ui.ops import run_op
from ui.settings_dialog import SettingsDialog


class PageSlot(QWidget):
    """A place in the page stack whose widget is built the first time it is shown."""

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self.built: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def content(self) -> QWidget:
        if self.built is None:
            self.built = self._build()
            self._layout.addWidget(self.built)
            fit_header_texts(self.built)
        return self.built

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        self.content()
        super().showEvent(event)  # type: ignore[arg-type]


WARNING_REFRESH_MS = 5 * 60 * 1000
FIRST_SCAN_MS = 1500  # after the first paint: cases turn yellow/red overnight


class MainWindow(KeyboardActions, FirstInquiryActions, QMainWindow):
    locked = Signal()
    unlocked = Signal()
    application_linked = Signal(str)  # a visit became the application with this number

    def __init__(self, ctx: AppContext, actor: Actor, post: Post) -> None:
        super().__init__()
        self.ctx = ctx
        self.actor = actor
        self.post = post
        title = self.tr("%s — 窗口办件系统") % post.site_name
        if post.demo:  # never taken for a real hall
            title = self.tr("【演示数据】%s") % title
        self.setWindowTitle(title)
        place_window(self)  # as the clerk left it on this PC, or fitted to the screen
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(140)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 13pt; } QListWidget::item { padding: 8px; }"
        )
        self.stack = QStackedWidget()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        self.demo_banner: QLabel | None = None
        if post.demo:
            self.demo_banner = QLabel(
                self.tr(
                    "演示数据：本数据库以演示方式创建，其中的人员、办件均为虚构，不是真实大厅的记录"
                )
            )
            self.demo_banner.setObjectName("demoBanner")
            self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.demo_banner.setWordWrap(True)
            # Under the page list, which has room to spare: the pages keep the full height a
            # small screen has (a band across the top cost the counter a material row).
            self.demo_banner.setFixedWidth(self.nav.width())
            self.demo_banner.setStyleSheet(
                "QLabel { background: #b71c1c; color: white; font-size: 12pt; padding: 6px; }"
            )
        row = QHBoxLayout()
        row.setContentsMargins(9, 9, 9, 9)
        left = QVBoxLayout()
        left.addWidget(self.nav, 1)
        if self.demo_banner is not None:
            left.addWidget(self.demo_banner)
        row.addLayout(left)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)
        self.pages: dict[str, PageSlot] = {}
        self._add_pages()
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self._build_menus()
        self.nav.currentRowChanged.connect(lambda _row: self._adopt_page_keys())
        # A page chosen with the mouse takes the keyboard: what is typed next goes there.
        self.nav.itemClicked.connect(lambda _item: self.focus_page(self.current_page()))
        self._watch_focus()
        self._build_status_bar()
        self._cover: QLabel | None = None
        self._others: list[QLabel] = []
        # The default now; the hall's setting as soon as it is read (off the GUI thread).
        self.idle_lock = auth.IdleLock(ctx.clock, settings.SPECS["idle_lock_minutes"].default)
        run_op(self, lambda: settings.get(ctx.uow(), "idle_lock_minutes"), self._set_idle_minutes)
        self.idle_watcher = IdleWatcher(self.idle_lock, parent=self)
        self.idle_watcher.lock_requested.connect(self.lock_screen)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle_watcher)

    def _set_idle_minutes(self, minutes: int) -> None:
        self.idle_lock.minutes = minutes

    # -- pages ---------------------------------------------------------------------------
    def _add_pages(self) -> None:
        # The pages and their order per role are app.workspaces' rule; here only what each
        # page is called and how it is built. Only the first page is built at start; the others
        # when first shown (a start that builds every screen pays for screens nobody opens).
        window_text = (
            self.tr("%s 号窗口（%s）") % (self.post.window_number, self.post.window_name)
            if self.post.window_number
            else self.tr("未指定")
        )
        builders: dict[Page, tuple[str, Callable[[], QWidget]]] = {
            # A clerk starts from their work list (referrals waiting, their visits, their red
            # and yellow cases, the one search box); a supervisor from what needs them:
            # referrals not acknowledged in time across the center.
            Page.WORKLIST: (
                self.tr("首问督办") if self.actor.role is Role.SUPERVISOR else self.tr("我的待办"),
                self._worklist_page,
            ),
            Page.COUNTER: (self.tr("受理台"), self._counter_page),
            Page.CASES: (self.tr("办件"), self._cases_page),
            Page.APPOINTMENTS: (self.tr("预约"), self._appointments_page),
            Page.QUEUE: (self.tr("排队叫号"), self._queue_page),
            Page.HOME: (
                self.tr("首页"),
                lambda: HomePage(self.actor, self.post.site_name, window_text),
            ),
            Page.RATINGS: (self.tr("好差评"), self._ratings_page),
            Page.STAFF: (
                self.tr("工作人员"),
                lambda: StaffPage(
                    lambda: staff.list_staff(self.ctx.uow(), self.actor), self.ctx, self.actor
                ),
            ),
            Page.STATISTICS: (self.tr("统计分析"), self._statistics_page),
            Page.ACCOUNTABILITY: (self.tr("责任追究"), self._accountability_page),
            Page.COMPLAINTS: (self.tr("投诉"), self._complaints_page),
            Page.CALENDAR: (self.tr("工作日历"), self._calendar_page),
            Page.AUDIT: (
                self.tr("审计日志"),
                lambda: AuditPage(
                    lambda before: audit.list_events(self.ctx.uow(), self.actor, 200, before)
                ),
            ),
            Page.CATALOG: (self.tr("事项目录"), self._catalog_page),
            Page.APPOINTMENT_SETTINGS: (self.tr("预约设置"), self._appointment_settings_page),
            Page.SYNC: (self.tr("数据交换"), self._sync_page),
        }
        for page in pages_of(self.actor.role):
            title, build = builders[page]
            self.add_page(str(page), title, build)

    def _counter_page(self) -> QWidget:
        from ui.counter import CounterPage

        counter = CounterPage(self.ctx, self.actor, self.post.window_number)
        for shortcut in counter.shortcuts:
            shortcut.setEnabled(False)  # the 受理 menu answers them from anywhere in the window
        action = getattr(self, "citizen_action", None)
        if action is not None:  # the menu came first: keep its tick in step with the button
            counter.citizen_toggle.toggled.connect(action.setChecked)
        counter.checklist.accepted.connect(lambda _result: self._reload_cases())
        counter.checklist.accepted.connect(lambda _result: self.update_warning_count())
        # A visit that became an application is linked to what the counter issued for it.
        for signal in (
            counter.checklist.accepted,
            counter.checklist.notice_issued,
            counter.checklist.refused,
        ):
            signal.connect(lambda result: self._application_done(result.number))
        return counter

    def _queue_page(self) -> QWidget:
        from ui.queue.page import QueuePage

        page = QueuePage(self.ctx, self.actor, self.post.window_number)
        page.visit_opened.connect(self.open_visit)
        return page

    def call_next_ticket(self) -> None:
        """F9 from anywhere in the window: the queue page, calling the next ticket."""
        self.show_page("queue")
        self.page("queue").call_next()  # type: ignore[attr-defined]

    def open_hall_display(self) -> None:
        from ui.queue.display import HallDisplay

        self.hall_display = HallDisplay(self.ctx, self.actor)
        self.hall_display.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.hall_display.show()

    def _cases_page(self) -> QWidget:
        from ui.cases.page import CasesPage

        cases = CasesPage(self.ctx, self.actor, mine_first=self.actor.role is Role.CLERK)
        cases.case_opened.connect(self.open_case)
        cases.warnings_refreshed.connect(self.update_warning_count)
        return cases

    def _appointments_page(self) -> QWidget:
        from ui.appointments.page import AppointmentsPage

        page = AppointmentsPage(self.ctx, self.actor, self.post.window_number)
        page.counter_requested.connect(self.serve_at_counter)
        return page

    def serve_at_counter(self, opening: object) -> None:
        """A visitor checked in for an appointment: the counter, with the item's checklist and
        the visitor's name and phone already there."""
        from app.appointments.records import VisitOpening
        from app.cases.records import ApplicantInput

        assert isinstance(opening, VisitOpening)
        counter = self.page("counter")
        counter.checklist.applicant.set_value(  # type: ignore[attr-defined]
            ApplicantInput(name=opening.visitor_name, phone=opening.phone)
        )
        counter.open_item(opening.item_version_id)  # type: ignore[attr-defined]
        if opening.visit_id is not None:  # what the counter issues closes the visit
            from app.visits.records import VisitRef

            self.pending_visit = VisitRef(opening.visit_id, opening.visit_number)
        self.show_page("counter")

    def _sync_page(self) -> QWidget:
        from app.sync import service
        from ui.sync.page import SyncPage

        return SyncPage(self.ctx, self.actor, service)

    def _appointment_settings_page(self) -> QWidget:
        from ui.appointments.settings import AppointmentSettingsPage

        return AppointmentSettingsPage(self.ctx, self.actor)

    def _accountability_page(self) -> QWidget:
        from ui.cases.accountability import AccountabilityPage

        return AccountabilityPage(self.ctx, self.actor)

    def _ratings_page(self) -> QWidget:
        from ui.feedback.ratings_page import RatingsPage

        return RatingsPage(self.ctx, self.actor)

    def _complaints_page(self) -> QWidget:
        from ui.feedback.complaints_page import ComplaintsPage

        return ComplaintsPage(self.ctx, self.actor)

    def _statistics_page(self) -> QWidget:
        from ui.reports.statistics_page import StatisticsPage  # QtCharts: loaded when opened

        return StatisticsPage(self.ctx, self.actor)

    def _calendar_page(self) -> QWidget:
        from ui.calendar_page import CalendarPage

        return CalendarPage(self.ctx, self.actor)

    def _catalog_page(self) -> QWidget:
        from ui.catalog import CatalogPage

        return CatalogPage(self.ctx, self.actor)

    def add_page(self, key: str, title: str, build: Callable[[], QWidget]) -> None:
        slot = PageSlot(build)
        if not self.pages:
            slot.content()  # the first page shows at once
        self.pages[key] = slot
        self.nav.addItem(title)
        self.stack.addWidget(slot)

    def page(self, key: str) -> QWidget:
        """The page's real widget, built now if it was not yet."""
        return self.pages[key].content()

    def built_page(self, key: str) -> QWidget | None:
        slot = self.pages.get(key)
        return slot.built if slot is not None else None

    def _reload_cases(self) -> None:
        cases = self.built_page("cases")
        if cases is not None:
            cases.reload()  # type: ignore[attr-defined]

    def show_page(self, key: str, focus: bool = True) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))
        if focus:
            self.focus_page(key)

    # -- menus ---------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence = "",
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setObjectName(name)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        if self.actor.role in SUPERVISING_ROLES:
            file_menu.addAction(
                self._action(self.tr("备份数据库…"), self.backup, "Ctrl+B", "backup")
            )
        file_menu.addAction(self._action(self.tr("退出"), self.quit_requested, "Ctrl+Q", "quit"))
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        for i, key in enumerate(self.pages):
            title = self.nav.item(i).text()
            # triggered(bool) hands its checked flag to the slot: the key must not take it.
            view_menu.addAction(
                self._action(
                    title,
                    lambda _checked=False, k=key: self.show_page(k),
                    f"Ctrl+{i + 1}",
                    f"view_{key}",
                )
            )
        self._build_counter_menu(bar)
        tools = bar.addMenu(self.tr("工具(&T)"))
        if "counter" in self.pages:
            # The screen turned toward the applicant, on or off (also a button on the counter,
            # which is built on first use: the action builds it).
            screen = QAction(self.tr("顾客评价屏"), self)
            screen.setObjectName("citizen_screen_action")
            screen.setCheckable(True)
            screen.setShortcut(QKeySequence("Ctrl+Shift+E"))
            screen.toggled.connect(
                lambda on: self.page("counter").citizen_toggle.setChecked(on)  # type: ignore[attr-defined]
            )
            self.citizen_action = screen
            counter = self.built_page("counter")
            if counter is not None:
                counter.citizen_toggle.toggled.connect(screen.setChecked)  # type: ignore[attr-defined]
            tools.addAction(screen)
        if "queue" in self.pages:
            tools.addAction(
                self._action(self.tr("叫号（下一位）"), self.call_next_ticket, "F9", "queue_call")
            )
        tools.addAction(
            self._action(self.tr("大厅叫号屏"), self.open_hall_display, "", "hall_display")
        )
        tools.addAction(self._action(self.tr("设置…"), self.open_settings, "Ctrl+,", "settings"))
        tools.addAction(self._action(self.tr("锁定屏幕"), self.lock_screen, "Ctrl+L", "lock"))
        if self.actor.role in SUPERVISING_ROLES:
            tools.addAction(
                self._action(self.tr("检查数据完整性"), self.check_integrity, "", "check")
            )
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("关于"), self.about, "F1", "about"))

    # -- status bar ----------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        who = f"{self.actor.name}（{role_label(self.actor.role)}）"
        window = self.tr("%s 号窗口") % self.post.window_number if self.post.window_number else ""
        self.status_staff = QLabel(who)
        self.status_window = QLabel(window)
        self.status_site = QLabel(self.post.site_name)
        self.status_db = QLabel(self.tr("数据库：%s") % self.ctx.location)
        self.status_db.setObjectName("status_db")
        self.status_clock = QLabel()
        self.status_clock.setObjectName("status_clock")
        for label in (self.status_staff, self.status_window, self.status_site):
            bar.addWidget(label)
        # A long path or server address must not widen the window past a small screen.
        self.status_db.setToolTip(self.status_db.text())
        self.status_db.setMinimumWidth(40)
        self.status_db.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.status_db, 1)
        self.status_warnings = QLabel()
        self.status_warnings.setObjectName("status_warnings")
        bar.addPermanentWidget(self.status_warnings)
        bar.addPermanentWidget(self.status_clock)
        self._tick()
        self.clock_timer = QTimer(self)
        self.clock_timer.timeout.connect(self._tick)
        self.clock_timer.start(15_000)
        self.warning_timer = QTimer(self)
        self.warning_timer.timeout.connect(self.refresh_warnings)
        self.warning_timer.start(WARNING_REFRESH_MS)
        if self.actor.role in COUNTER_ROLES:
            QTimer.singleShot(FIRST_SCAN_MS, self.refresh_warnings)

    def _tick(self) -> None:
        now: datetime = hall_time(self.ctx.clock.now())
        self.status_clock.setText(now.strftime("%Y-%m-%d %H:%M"))

    def refresh_warnings(self) -> None:
        """Cases turn yellow and red as time passes, even when nobody touches them."""
        from app.cases import service as case_service

        run_op(
            self, lambda: case_service.refresh_warnings(self.ctx.uow()), self._warnings_refreshed
        )

    def _warnings_refreshed(self, _scan: object) -> None:
        if not shiboken6.isValid(self):
            return  # closed while the scan ran
        self.update_warning_count()
        page = self.built_page("cases")
        if page is not None and page.isVisible():
            page.reload()  # type: ignore[attr-defined]

    def update_warning_count(self) -> None:
        if self.actor.role not in COUNTER_ROLES:
            return
        from app.cases import queries

        mine = self.actor.role is Role.CLERK
        run_op(
            self,
            lambda: queries.warning_counts(self.ctx.uow(), self.actor, mine),
            self._show_warning_count,
        )

    def _show_warning_count(self, counts: dict[str, int]) -> None:
        if not shiboken6.isValid(self):
            return
        self.warning_counts = counts
        red, yellow = counts[WarningLevel.RED], counts[WarningLevel.YELLOW]
        text = self.tr("红牌 %s · 黄牌 %s") % (red, yellow)
        self.status_warnings.setText(("⚠ " if red else "") + text)
        style = (
            "color: #b71c1c; font-weight: bold;"
            if red
            else ("color: #8a5a00;" if yellow else "")
        )
        self.status_warnings.setStyleSheet(style)

    def open_case(self, case_id: int) -> None:
        from ui.cases.dialog import CaseDialog

        dialog = CaseDialog(self.ctx, self.actor, case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page = self.built_page("cases")
        if page is not None:
            dialog.case_changed.connect(lambda _id: page.reload())  # type: ignore[attr-defined]
            dialog.case_changed.connect(lambda _id: self.update_warning_count())
        dialog.case_changed.connect(lambda _id: self._reload_worklist())
        self.case_dialog = dialog
        dialog.open()

    # -- actions -------------------------------------------------------------------------
    def lock_screen(self) -> None:
        if self._cover is not None:
            return
        self.idle_lock.lock_now()
        # Cover this window and every other open window (a case window, a form): their
        # contents stay as they are, unseen, until the password is given again.
        self._others = [
            self._cover_widget(w)
            for w in QApplication.topLevelWidgets()
            if w is not self and w.isVisible()
        ]
        self._cover = self._cover_widget(self)
        self._cover.setText(self.tr("屏幕已锁定"))
        self._cover.setObjectName("lock_cover")
        self.locked.emit()
        dialog = LoginDialog(self._confirm, self.post.site_name, self, fixed_login=self.actor.login)
        dialog.setObjectName("lock_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per lock, all day
        # Application-modal (open() would make it window-modal): no other window takes input.
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.accepted.connect(self._unlock)
        dialog.show()

    @staticmethod
    def _cover_widget(widget: QWidget) -> QLabel:
        cover = QLabel(widget)
        cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        cover.setStyleSheet("background: #203040; color: white; font-size: 28pt;")
        cover.setGeometry(widget.rect())
        cover.show()
        cover.raise_()
        return cover

    def _confirm(self, login: str, password: str) -> Actor:
        auth.confirm_password(self.ctx.uow(), self.actor, password)
        return self.actor

    def _unlock(self) -> None:
        for cover in [self._cover, *self._others]:
            if cover is not None:
                cover.deleteLater()
        self._cover, self._others = None, []
        self.idle_lock.unlock()
        self.unlocked.emit()

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._cover is not None:
            self._cover.setGeometry(self.rect())

    def backup(self) -> None:
        stamp = hall_time(self.ctx.clock.now()).strftime("%Y%m%d-%H%M")
        default = str(self.ctx.data_dir / "backups" / f"frontdesk-{stamp}.sqlite3")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("备份数据库"), default)
        if not path:
            return
        run_op(
            self,
            lambda: maintenance.backup_now(
                self.ctx.store, self.actor, Path(path), backup_dir(self.ctx.data_dir)
            ),
            lambda out: self.statusBar().showMessage(self.tr("备份完成：%s") % out, 10_000),
            self.show_error,
            progress=self.tr("正在备份数据库…"),
        )

    def check_integrity(self) -> None:
        def done(result: maintenance.CheckResult) -> None:
            lines = [*result.problems, result.chain.describe()]
            title = self.tr("数据完整性正常") if result.ok else self.tr("发现问题")
            box = QMessageBox.information if result.ok else QMessageBox.warning
            box(self, title, "\n".join(lines))

        run_op(
            self,
            lambda: maintenance.check_store(self.ctx.store, self.actor),
            done,
            self.show_error,
            progress=self.tr("正在检查…"),
        )

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ctx, self.actor, self)
        dialog.exec()
        dialog.deleteLater()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("政务服务大厅窗口办件系统\n首问负责 · 一次性告知 · 限时办结"),
        )

    def show_error(self, exc: BaseException) -> None:
        text = translated(exc.message) if isinstance(exc, DomainError) else str(exc)
        QMessageBox.warning(self, self.tr("操作未完成"), text)

    def quit_requested(self) -> None:
        """Ctrl+Q: not over a half-done application without asking (the default is to stay)."""
        checklist = getattr(self.built_page("counter"), "checklist", None)  # built: its form
        pending = checklist.unfinished() if checklist is not None else ""
        if pending:
            answer = QMessageBox.question(
                self,
                self.tr("退出"),
                self.tr("受理台上还有未办完的申请：%s。\n退出将丢失已录入的内容，确定退出吗？")
                % pending,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle_watcher)
        self._unwatch_focus()
        keep_placement(self)
        super().closeEvent(event)

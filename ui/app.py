"""Start the window: fonts, language, database, login, main window (or one smoke paint)."""

from __future__ import annotations

import gc
import json
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QEventLoop, QMetaObject, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import DomainError
from app.roles import Actor
from ui.fonts import apply_default_font, register_bundled_fonts
from ui.i18n import install_language
from ui.local_settings import APPLICATION, ORGANIZATION, LocalSettings
from ui.login import LoginDialog
from ui.ops import limit_heap_growth, run_op, wait_for_ops

if TYPE_CHECKING:
    from app.context import AppContext
    from app.sites import Post

OpenContext = Callable[[Callable[[str], None]], "AppContext"]
NOT_INITIALIZED = "数据库尚未初始化：请先运行 frontdesk init（演示数据加 --demo）"


class FirstPaint(QObject):
    """Calls back once, when the watched widget has painted for the first time."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
        return False


def create_application() -> QApplication:
    limit_heap_growth()  # before the thread pool starts: a counter runs all day
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    register_bundled_fonts()
    apply_default_font(app, point_size=11)  # counters are read at arm's length
    install_language(app, LocalSettings.load().language)
    return app


def run_gui(
    open_context: OpenContext,
    smoke: bool = False,
    user: str | None = None,
    password: str | None = None,
    started: float | None = None,
    screenshot: Path | None = None,
    page: str | None = None,
    through_login: bool = False,
) -> int:
    """The login window paints first; the database layer is imported and opened behind it,
    while the clerk types (a township PC's start is mostly imports). ``--user`` with a password
    skips the dialog: it opens the database, logs in and shows the main window."""
    t0 = time.perf_counter() if started is None else started
    timings: dict[str, Any] = {"imports_ms": _ms(t0)}
    app = create_application()
    timings["qt_ms"] = _ms(t0)
    if smoke and through_login and user is not None and password is not None:
        return _smoke_through_login(app, open_context, user, password, timings, t0, page)
    if user is not None and password is not None:
        return _run_logged_in(
            app, open_context, user, password, smoke, timings, t0, screenshot, page
        )
    opener = ContextOpener(open_context)
    dialog = LoginDialog(opener.authenticate, LocalSettings.load().site_name)
    if smoke:
        timings["database_layer_loaded"] = "sqlalchemy" in sys.modules
        return _smoke_paint(app, dialog, "login", timings, t0, screenshot)
    FirstPaint(dialog, lambda: (collect_garbage_again(), opener.start(dialog)))
    accepted = dialog.exec()
    if opener.failure is not None:
        wait_for_ops()
        return 2
    if not accepted or dialog.actor is None or opener.ctx is None:
        wait_for_ops()
        return 0
    return _show_main(app, opener.ctx, dialog.actor, page)


def _smoke_through_login(
    app: QApplication,
    open_context: OpenContext,
    user: str,
    password: str,
    timings: dict[str, Any],
    t0: float,
    page: str | None,
) -> int:
    """The clerk's way in, timed: the login window paints, the database opens behind it, then
    (a clerk typing slower than that) the fields are filled and Enter pressed (``enter_ms``);
    ``first_paint_ms`` is the main window's. What the clerk waits for is the difference."""
    opener = ContextOpener(open_context)
    refused: list[str] = []

    def authenticate(login: str, password: str) -> Actor:
        try:
            return opener.authenticate(login, password)
        except DomainError as exc:  # a smoke run does not type again: close the dialog
            refused.append(exc.message)
            QMetaObject.invokeMethod(dialog, "reject", Qt.ConnectionType.QueuedConnection)
            raise

    dialog = LoginDialog(authenticate, LocalSettings.load().site_name)

    def typed() -> None:
        dialog.login_edit.setText(user)
        dialog.password_edit.setText(password)
        timings["enter_ms"] = _ms(t0)
        dialog.submit()

    def painted() -> None:
        timings["login_paint_ms"] = _ms(t0)
        opener.start(dialog, then=typed)

    FirstPaint(dialog, painted)
    accepted = dialog.exec()
    if not accepted or dialog.actor is None or opener.ctx is None:
        wait_for_ops()
        message = opener.failure or (refused[0] if refused else "login window closed")
        print(json.dumps({"ok": False, "error": message}, ensure_ascii=False))
        return 1
    try:
        window = _main_window(opener.ctx, dialog.actor, page)
    except DomainError as exc:
        print(json.dumps({"ok": False, "error": exc.message}, ensure_ascii=False))
        return 1
    return _smoke_paint(app, window, "main", timings, t0, user=dialog.actor.login)


class ContextOpener:
    """Opens the database after the login window has painted. ``authenticate`` (run off the GUI
    thread by the dialog) waits for it; a failure closes the dialog with a clear message."""

    def __init__(self, open_context: OpenContext) -> None:
        self._open_context = open_context
        self._ready = threading.Event()
        self.ctx: AppContext | None = None
        self.failure: str | None = None

    def start(self, dialog: LoginDialog, then: Callable[[], None] | None = None) -> None:
        """``then``: called on the GUI thread once the database is open (the smoke run's
        typing)."""

        def opened(name: str) -> None:
            self._opened(dialog, name)
            if then is not None:
                then()

        run_op(dialog, self._open, opened, lambda exc: self._failed(dialog, exc))

    def _open(self) -> str:
        from app import datakey, setup, sites

        try:
            ctx = self._open_context(lambda _msg: None)
            if not setup.is_initialized(ctx.uow()):
                raise DomainError(NOT_INITIALIZED)
            datakey.require_data_key(ctx.uow())  # one line now, not at the first record
            name = sites.site_name_for_login(ctx.uow())
            self.ctx = ctx
        finally:
            self._ready.set()
        # While the clerk types: the main window's modules, so Enter waits for the login and the
        # first page only.
        import ui.mainwindow  # noqa: F401

        return name

    def _opened(self, dialog: LoginDialog, site_name: str) -> None:
        if site_name and site_name != dialog.title.text():
            dialog.title.setText(site_name)
        settings = LocalSettings.load()
        if settings.site_name != site_name:
            settings.site_name = site_name
            settings.save()

    def _failed(self, dialog: LoginDialog, exc: BaseException) -> None:
        self.failure = getattr(exc, "message", None) or str(exc).strip().splitlines()[0]
        QMessageBox.critical(dialog, QApplication.translate("startup", "无法启动"), self.failure)
        dialog.done(0)

    def authenticate(self, login: str, password: str) -> Actor:
        from app import auth

        self._ready.wait()
        if self.ctx is None:
            raise DomainError(self.failure or QApplication.translate("startup", "无法打开数据库"))
        return auth.login(self.ctx.uow(), login, password)


def _run_logged_in(
    app: QApplication,
    open_context: OpenContext,
    user: str,
    password: str,
    smoke: bool,
    timings: dict[str, Any],
    t0: float,
    screenshot: Path | None,
    page: str | None,
) -> int:
    window_number = LocalSettings.load().window_number
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def work() -> tuple[AppContext, Actor, Post]:
        # Off the GUI thread: the database open, the password check and the clerk's post, while
        # the GUI thread loads the main window's modules.
        from app import auth, datakey, setup, sites

        ctx = open_context(lambda _msg: None)
        timings["db_ms"] = _ms(t0)
        if not setup.is_initialized(ctx.uow()):
            raise DomainError(NOT_INITIALIZED)
        datakey.require_data_key(ctx.uow())
        actor = auth.login(ctx.uow(), user, password)
        timings["login_ms"] = _ms(t0)
        return ctx, actor, sites.describe_post(ctx.uow(), actor, window_number)

    def done(key: str) -> Callable[[Any], None]:
        def store(value: Any) -> None:
            outcome[key] = value
            loop.quit()

        return store

    run_op(
        None,
        work,
        done("opened"),
        done("error"),
        progress=QApplication.translate("startup", "正在打开数据库…"),
    )
    import ui.mainwindow  # noqa: F401  (meanwhile: the main window's modules)

    if not outcome:
        loop.exec()
    try:
        if "error" in outcome:
            raise outcome["error"]
        ctx, actor, post = outcome["opened"]
        window = _main_window(ctx, actor, page, post)
    except DomainError as exc:
        if smoke:
            print(json.dumps({"ok": False, "error": exc.message}, ensure_ascii=False))
            return 1
        QMessageBox.critical(None, QApplication.translate("startup", "无法启动"), exc.message)
        return 2
    if smoke:
        return _smoke_paint(app, window, "main", timings, t0, screenshot, user=actor.login)
    return _run_window(app, ctx, window)


def _main_window(
    ctx: AppContext, actor: Actor, page: str | None, post: Post | None = None
) -> QWidget:
    from app import sites
    from ui.mainwindow import MainWindow

    if post is None:
        post = sites.describe_post(ctx.uow(), actor, LocalSettings.load().window_number)
    window = MainWindow(ctx, actor, post)
    if page in window.pages:
        window.show_page(page)
    return window


def _show_main(app: QApplication, ctx: AppContext, actor: Actor, page: str | None) -> int:
    try:
        window = _main_window(ctx, actor, page)
    except DomainError as exc:
        QMessageBox.critical(None, QApplication.translate("startup", "无法启动"), exc.message)
        return 2
    return _run_window(app, ctx, window)


def _run_window(app: QApplication, ctx: AppContext, window: QWidget) -> int:
    FirstPaint(window, collect_garbage_again)
    FirstPaint(window, lambda: start_daily_backup(ctx))
    FirstPaint(window, warm_printing)
    window.show()
    code = app.exec()
    wait_for_ops()  # let background work finish before Qt objects go away
    return code


def start_daily_backup(ctx: AppContext) -> None:
    """After the first paint, off the GUI thread: the day's first start keeps a copy."""
    from app import maintenance

    folder = LocalSettings.load().backup_folder or str(ctx.data_dir / "backups")
    run_op(
        None,
        lambda: maintenance.daily_backup(ctx.store, Path(folder)),
        lambda _made: None,
        lambda exc: QMessageBox.warning(
            None,
            QApplication.translate("startup", "自动备份失败"),
            getattr(exc, "message", str(exc)),
        ),
    )


def warm_printing() -> None:
    """After the first paint, off the GUI thread: reportlab, the QR encoder, the main face and
    the page styles, so the first receipt of the day is not the one that loads them. A failure
    here is left to the first print, which reports it."""
    from app.printing import warm_up

    run_op(None, warm_up, lambda _none: None, lambda _exc: None)


def collect_garbage_again() -> None:
    """The start is over: keep what it built out of the collector's way and switch it back on."""
    gc.freeze()
    gc.enable()


def _smoke_paint(
    app: QApplication,
    widget: QWidget,
    screen: str,
    timings: dict[str, float],
    t0: float,
    screenshot: Path | None = None,
    **extra: str,
) -> int:
    def painted() -> None:
        timings["first_paint_ms"] = _ms(t0)
        if screenshot is not None:
            # Let lists that load off the GUI thread fill in: each answer may ask for the next
            # (the queue, then each list's ids, then its rows), so a few rounds.
            for _ in range(6):
                wait_for_ops(5_000)
                app.processEvents()
            widget.grab().save(str(screenshot))
        print(json.dumps({"ok": True, "screen": screen, **extra, **timings}, ensure_ascii=False))
        widget.close()
        app.quit()

    FirstPaint(widget, painted)
    widget.show()
    app.exec()
    collect_garbage_again()
    wait_for_ops()
    return 0


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)

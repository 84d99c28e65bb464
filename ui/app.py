"""Start the window: fonts, language, database, login, main window (or one smoke paint)."""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import auth, setup, sites
from app.context import AppContext
from app.errors import DomainError
from ui.fonts import apply_default_font, register_bundled_fonts
from ui.i18n import install_language
from ui.local_settings import APPLICATION, ORGANIZATION, LocalSettings
from ui.login import LoginDialog
from ui.ops import run_op, wait_for_ops

OpenContext = Callable[[Callable[[str], None]], AppContext]


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
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    register_bundled_fonts()
    apply_default_font(app, point_size=11)  # counters are read at arm's length
    install_language(app, LocalSettings.load().language)
    return app


def open_context_with_progress(open_context: OpenContext) -> AppContext:
    """Open (and if needed migrate) the database off the GUI thread."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(key: str) -> Callable[[Any], None]:
        def store(value: Any) -> None:
            outcome[key] = value
            loop.quit()

        return store

    run_op(
        None,
        lambda: open_context(lambda _msg: None),
        done("ctx"),
        done("error"),
        progress=QApplication.translate("startup", "正在打开数据库…"),
    )
    loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["ctx"]


def run_gui(
    open_context: OpenContext,
    smoke: bool = False,
    user: str | None = None,
    password: str | None = None,
    started: float | None = None,
    screenshot: Path | None = None,
    page: str | None = None,
) -> int:
    t0 = time.perf_counter() if started is None else started
    timings: dict[str, float] = {"imports_ms": _ms(t0)}
    app = create_application()
    timings["qt_ms"] = _ms(t0)
    try:
        ctx = open_context_with_progress(open_context)
        timings["db_ms"] = _ms(t0)
        if not setup.is_initialized(ctx.uow()):
            raise DomainError("数据库尚未初始化：请先运行 frontdesk init（演示数据加 --demo）")
        if user is not None and password is not None:
            actor = auth.login(ctx.uow(), user, password)
        elif smoke:
            login_screen = LoginDialog(lambda *_: None, sites.site_name_for_login(ctx.uow()))  # type: ignore[arg-type, return-value]
            return _smoke_paint(app, login_screen, "login", timings, t0, screenshot)
        else:
            dialog = LoginDialog(
                lambda u, p: auth.login(ctx.uow(), u, p), sites.site_name_for_login(ctx.uow())
            )
            FirstPaint(dialog, collect_garbage_again)
            if not dialog.exec() or dialog.actor is None:
                return 0
            actor = dialog.actor
        timings["login_ms"] = _ms(t0)
        post = sites.describe_post(ctx.uow(), actor, LocalSettings.load().window_number)
        from ui.mainwindow import MainWindow

        window = MainWindow(ctx, actor, post)
        if page in window.pages:
            window.show_page(page)
    except DomainError as exc:
        if smoke:
            print(json.dumps({"ok": False, "error": exc.message}, ensure_ascii=False))
            return 1
        QMessageBox.critical(None, QApplication.translate("startup", "无法启动"), exc.message)
        return 2
    if smoke:
        return _smoke_paint(app, window, "main", timings, t0, screenshot, user=actor.login)
    FirstPaint(window, collect_garbage_again)
    FirstPaint(window, lambda: start_daily_backup(ctx))
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
            app.processEvents()  # let lists that load off the GUI thread fill in
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

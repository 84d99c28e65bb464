"""The main window as a staff member sees it after logging in, for the UI tests."""

from __future__ import annotations

from app import sites
from app.auth import login
from app.context import AppContext
from ui.mainwindow import MainWindow

DEMO_PASSWORD = "demo-2026"


def open_main(qtbot, ctx: AppContext, user: str, password: str = DEMO_PASSWORD) -> MainWindow:  # type: ignore[no-untyped-def]
    """``user`` logged in on ``ctx``: the window shown, with their post, owned by ``qtbot``."""
    actor = login(ctx.uow(), user, password)
    window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
    qtbot.addWidget(window)
    window.show()
    return window

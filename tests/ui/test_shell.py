"""Log in and drive the main window with qtbot, on a real SQLite demo hall."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView, QTableWidget

from app import sites
from app.auth import login
from app.context import AppContext
from ui.login import LoginDialog
from ui.mainwindow import MainWindow


def open_main(qtbot, ctx: AppContext, user: str, password: str = "demo-2026") -> MainWindow:  # type: ignore[no-untyped-def]
    actor = login(ctx.uow(), user, password)
    window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_login_dialog_refuses_then_accepts(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    dialog = LoginDialog(lambda u, p: login(ctx.uow(), u, p), "清河县政务服务中心")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login_edit, "zhangwei")
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "不正确" in dialog.message.text())
    assert dialog.password_edit.text() == ""
    qtbot.keyClicks(dialog.password_edit, "demo-2026")
    with qtbot.waitSignal(dialog.logged_in) as signal:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert signal.args[0].name == "张伟"


def test_clerk_sees_only_the_clerks_pages(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = open_main(qtbot, sqlite_demo_ctx, "zhangwei")
    assert list(window.pages) == [
        *("worklist", "counter", "cases", "appointments", "queue", "home", "ratings")
    ]
    assert window.findChild(QLabel, "greeting") is None  # built when first shown
    window.show_page("home")
    assert window.findChild(QLabel, "greeting").text() == "张伟，您好"
    status = " ".join(w.text() for w in window.statusBar().findChildren(QLabel))
    assert "张伟" in status and "1 号窗口" in status and "清河县政务服务中心" in status
    assert sqlite_demo_ctx.location in status


def test_supervisor_sees_staff_and_audit(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = open_main(qtbot, sqlite_demo_ctx, "sunli")
    window.show_page("staff")
    table = window.findChild(QTableWidget, "staff_table")
    qtbot.waitUntil(lambda: table.rowCount() == 8)
    logins = {table.item(r, 0).text() for r in range(table.rowCount())}
    assert {"zhangwei", "sunli", "admin"} <= logins
    window.show_page("audit")
    view = window.findChild(QTableView, "audit_table")
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    assert view.model().index(0, 3).data() == "login"  # newest first: sunli's own login


def test_audit_list_fetches_lazily(qtbot, sqlite_demo_ctx: AppContext, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    actor = login(ctx.uow(), "sunli", "demo-2026")
    for _ in range(450):  # each failed login is an audit event
        with contextlib.suppress(Exception):
            login(ctx.uow(), "nobody", "x")
    from app import audit
    from ui.mainwindow.audit_page import AuditPage

    pages: list[int | None] = []

    def fetch(before: int | None) -> list:  # type: ignore[type-arg]
        pages.append(before)
        return audit.list_events(ctx.uow(), actor, 200, before)

    checked = AuditPage(lambda before: audit.list_events(ctx.uow(), actor, 200, before))
    qtbot.addWidget(checked)
    qtmodeltester.check(checked.model)
    checked.model.reload()
    qtbot.waitUntil(lambda: checked.model.rowCount() >= 200 and not checked.model.loading)
    page = AuditPage(fetch)
    qtbot.addWidget(page)
    model = page.model
    assert model.rowCount() == 0 and pages == []  # nothing is read before the page shows
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 200)
    assert len(pages) == 1 and model.index(0, 0).data() == str(model.item_id(0))
    while model.canFetchMore() or model.loading:
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() > 450 and len(pages) == 3
    seqs = [model.item_id(i) for i in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == len(seqs)


def test_idle_lock_keeps_what_was_typed(qtbot, sqlite_demo_ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_main(qtbot, sqlite_demo_ctx, "zhangwei")
    form_field = QLineEdit(window.page("home"))
    form_field.setText("王𠇹 申请最低生活保障，材料：户口簿")
    sqlite_demo_ctx.clock.advance(timedelta(minutes=6))  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.locked):
        window.idle_watcher.check()
    cover = window.findChild(QLabel, "lock_cover")
    assert cover is not None and cover.isVisible()
    dialog = window.findChild(LoginDialog, "lock_dialog")
    assert dialog.login_edit.text() == "zhangwei" and dialog.login_edit.isReadOnly()
    dialog.reject()  # Escape does not get past the lock
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    dialog.submit()
    qtbot.waitUntil(lambda: "不正确" in dialog.message.text())
    qtbot.keyClicks(dialog.password_edit, "demo-2026")
    with qtbot.waitSignal(window.unlocked):
        dialog.submit()
    assert form_field.text() == "王𠇹 申请最低生活保障，材料：户口簿"
    qtbot.waitUntil(lambda: window.findChild(QLabel, "lock_cover") is None)


def test_ctrl_l_locks_at_once(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = open_main(qtbot, sqlite_demo_ctx, "zhangwei")
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.locked):
        qtbot.keyClick(window.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("user", ["admin", "sunli"])
def test_integrity_check_from_the_menu(
    qtbot, sqlite_demo_ctx: AppContext, monkeypatch, user: str
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: shown.append(text))
    window = open_main(
        qtbot, sqlite_demo_ctx, user, "admin-2026" if user == "admin" else "demo-2026"
    )
    window.check_integrity()
    qtbot.waitUntil(lambda: bool(shown))
    assert "audit chain ok" in shown[0]


def test_backup_from_the_menu_runs_off_the_gui_thread(
    qtbot, sqlite_demo_ctx: AppContext, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "menu-backup.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = open_main(qtbot, sqlite_demo_ctx, "sunli")
    window.backup()
    qtbot.waitUntil(lambda: "备份完成" in window.statusBar().currentMessage(), timeout=10_000)
    assert target.exists()


def test_lock_covers_other_open_windows_too(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    window = open_main(qtbot, sqlite_demo_ctx, "zhangwei")
    form = QDialog(window)
    field = QLineEdit(form)
    field.setText("申请人 欧阳娜娜 13900001111")
    form.show()
    with qtbot.waitSignal(window.locked):
        window.lock_screen()
    covers = [c for c in form.findChildren(QLabel) if c.isVisible() and c.geometry() == form.rect()]
    assert covers, "the open form must be covered while locked"
    dialog = window.findChild(LoginDialog, "lock_dialog")
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    qtbot.keyClicks(dialog.password_edit, "demo-2026")
    with qtbot.waitSignal(window.unlocked):
        dialog.submit()
    from shiboken6 import isValid

    qtbot.waitUntil(lambda: not any(isValid(c) and c.isVisible() for c in covers))
    assert field.text() == "申请人 欧阳娜娜 13900001111"


def test_a_supervisor_starts_on_the_centers_overdue_referrals(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    window = open_main(qtbot, sqlite_demo_ctx, "sunli")
    assert next(iter(window.pages)) == "worklist" and window.nav.currentRow() == 0
    page = window.page("worklist")
    shown = [key for key, box in page.boxes.items() if box.isVisible()]  # type: ignore[attr-defined]
    assert shown == ["referrals"]  # no empty "my cases / my visits" panels for a supervisor

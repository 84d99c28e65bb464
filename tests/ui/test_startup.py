"""The login window paints before the database layer loads; the database opens behind it."""

from __future__ import annotations

from typing import Any

import pytest

from app.context import AppContext
from app.errors import DomainError
from ui.app import ContextOpener
from ui.local_settings import LocalSettings
from ui.login import LoginDialog


def test_login_goes_through_once_the_database_behind_it_is_open(
    qtbot: Any, sqlite_demo_ctx: AppContext
) -> None:
    opener = ContextOpener(lambda _progress: sqlite_demo_ctx)
    dialog = LoginDialog(opener.authenticate, "")
    qtbot.addWidget(dialog)
    opener.start(dialog)  # at the first paint
    dialog.login_edit.setText("zhangwei")
    dialog.password_edit.setText("demo-2026")
    dialog.submit()  # may come before the database is open: the check waits for it
    qtbot.waitUntil(lambda: dialog.actor is not None)
    assert dialog.actor is not None and dialog.actor.login == "zhangwei"
    qtbot.waitUntil(lambda: LocalSettings.load().site_name != "")
    site_name = LocalSettings.load().site_name
    assert dialog.title.text() == site_name and "政务服务中心" in site_name


def test_a_database_that_cannot_open_closes_the_login_with_the_reason(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.app.QMessageBox.critical", lambda _parent, _title, text: shown.append(text)
    )

    def broken(_progress: Any) -> AppContext:
        raise DomainError("数据库尚未初始化：请先运行 frontdesk init")

    opener = ContextOpener(broken)
    dialog = LoginDialog(opener.authenticate, "")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.finished):
        opener.start(dialog)
    assert opener.failure is not None and "frontdesk init" in opener.failure
    assert shown == [opener.failure]
    with pytest.raises(DomainError):
        opener.authenticate("zhangwei", "demo-2026")


def test_a_pc_without_the_personal_data_key_is_told_in_one_line(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, sqlite_demo_ctx: AppContext
) -> None:
    """Issue 15: the login window closes with the missing key's name and what to do, not a
    traceback at the first citizen's record."""
    from app import keystore
    from db import sealed

    shown: list[str] = []
    monkeypatch.setattr(
        "ui.app.QMessageBox.critical", lambda _parent, _title, text: shown.append(text)
    )
    before = keystore.active()
    keystore.use(keystore.MemoryKeyStore())  # this PC's key store: the keys never imported
    sealed.forget_cached_keys()
    try:
        opener = ContextOpener(lambda _progress: sqlite_demo_ctx)
        dialog = LoginDialog(opener.authenticate, "")
        qtbot.addWidget(dialog)
        dialog.show()
        with qtbot.waitSignal(dialog.finished):
            opener.start(dialog)
    finally:
        keystore.use(before)
        sealed.forget_cached_keys()
    assert opener.failure is not None and "\n" not in opener.failure
    assert "data:" in opener.failure and "frontdesk keys import" in opener.failure
    assert shown == [opener.failure]

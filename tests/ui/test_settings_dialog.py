"""The settings dialog: hall-wide values read and saved off the GUI thread, refusals at the
field, read-only for everyone but the administrator."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from app import settings
from app.auth import login
from app.context import AppContext
from ui.settings_dialog import SettingsDialog


def test_admin_changes_a_hall_setting_and_sees_refusals_at_the_field(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    dialog = SettingsDialog(ctx, login(ctx.uow(), "admin", "admin-2026"))
    qtbot.addWidget(dialog)
    edit = dialog.findChild(QLineEdit, "setting_idle_lock_minutes")
    qtbot.waitUntil(lambda: edit.text() == "5" and not edit.isReadOnly())
    edit.setText("abc")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.hall_errors["idle_lock_minutes"].text() != "")
    assert settings.get(ctx.uow(), "idle_lock_minutes") == 5
    edit.setText("10")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert settings.get(ctx.uow(), "idle_lock_minutes") == 10


def test_clerk_reads_hall_settings_only(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    dialog = SettingsDialog(ctx, login(ctx.uow(), "zhangwei", "demo-2026"))
    qtbot.addWidget(dialog)
    edit = dialog.findChild(QLineEdit, "setting_backup_keep_days")
    qtbot.waitUntil(lambda: edit.text() == "30")
    assert edit.isReadOnly()

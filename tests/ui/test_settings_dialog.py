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


def test_a_township_sees_the_county_owned_settings_greyed(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, tmp_path
) -> None:
    from app.sites_register import add_site, enrol_township, open_enrolment, write_enrolment
    from db.engine import make_engine
    from db.migrate import ensure_schema
    from db.store import SqlStore

    county = sqlite_demo_ctx
    boss = login(county.uow(), "admin", "admin-2026")
    add_site(county.uow(), boss, "QHXZ", "清河县西镇便民服务中心", "township")
    write_enrolment(county.uow(), boss, "QHXZ", tmp_path / "QHXZ.enrol")
    engine = make_engine(f"sqlite:///{tmp_path / 'township.sqlite3'}")
    ensure_schema(engine, None)
    town = AppContext(store=SqlStore(engine, county.clock), clock=county.clock, data_dir=tmp_path)
    enrol_township(town.uow(), open_enrolment(tmp_path / "QHXZ.enrol"), "town-admin-2026")
    dialog = SettingsDialog(town, login(town.uow(), "admin", "town-admin-2026"))
    qtbot.addWidget(dialog)
    own = dialog.findChild(QLineEdit, "setting_idle_lock_minutes")
    county_owned = dialog.findChild(QLineEdit, "setting_yellow_ratio_percent")
    qtbot.waitUntil(lambda: not own.isReadOnly())
    assert county_owned.isReadOnly() and not county_owned.isEnabled()
    assert not dialog.county_note.isHidden()
    town.store.dispose()  # type: ignore[attr-defined]

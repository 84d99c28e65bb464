"""The English translation is complete, compiled, and switches the window's language."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app import sites
from app.auth import login
from app.context import AppContext
from app.resources import resource_path
from ui.i18n import install_language
from ui.mainwindow import MainWindow

TS = resource_path("translations", "frontdesk_en.ts")
QM = resource_path("translations", "frontdesk_en.qm")
ROOT = Path(__file__).resolve().parents[2]


def qt_tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found (it comes with PySide6)")
    return found


def test_every_source_string_is_translated() -> None:
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) > 50
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not m.findtext("translation")
    ]
    assert unfinished == []


def test_ts_file_knows_every_string_in_the_code(tmp_path: Path) -> None:
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    done = subprocess.run(
        [qt_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(copy)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0 new" in done.stdout, (
        "run scripts/update_translations.sh and translate: " + done.stdout
    )


def test_compiled_qm_matches_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [qt_tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], capture_output=True, check=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run scripts/update_translations.sh"


def test_main_window_in_english(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert install_language(app, "en")  # type: ignore[arg-type]
    try:
        actor = login(sqlite_demo_ctx.uow(), "sunli", "demo-2026")
        window = MainWindow(
            sqlite_demo_ctx, actor, sites.describe_post(sqlite_demo_ctx.uow(), actor)
        )
        qtbot.addWidget(window)
        titles = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert titles == [
            "Follow-up",  # a supervisor starts on the center's overdue referrals
            "Counter",
            "Cases",
            "Appointments",
            "Queue",
            "Home",
            "Staff",
            "Statistics",
            "Accountability",
            "Ratings",
            "Complaints",
            "Audit trail",
            "Service catalog",  # a supervisor publishes catalog versions
            "Data exchange",  # bundles between a township and the county
        ]
        assert "Supervisor" in window.status_staff.text()
    finally:
        install_language(app, "zh_CN")  # type: ignore[arg-type]

"""Issue 15 item 1: every command that changes, exports or replaces data needs the login of a
role allowed to do it; demo data goes only into a database created as a demo, and a demo
database says 演示数据 on every screen and every paper."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app import sites
from app.auth import login
from app.setup import NOT_A_DEMO
from tests.e2e.test_cli import assert_one_line_error


def test_each_command_that_changes_or_exports_data_needs_a_login(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    assert (
        run("init", "--demo", "--demo-days", "0", "--admin-password", "admin-2026").returncode == 0
    )
    copy = tmp_path / "copy.sqlite3"
    assert run("backup", "--out", str(copy), password="admin-2026").returncode == 0
    commands = {
        "init --demo": ("init", "--demo", "--demo-days", "0"),
        "demo": ("demo", "--days", "1"),
        "scale": ("scale", "--years", "0.01"),
        "backup": ("backup", "--out", str(tmp_path / "again.sqlite3")),
        "restore": ("restore", str(copy)),
    }
    # A wrong password for a different login each time: five refusals of one login lock it.
    wrong_logins = dict(
        zip(commands, ("admin", "lina", "wangfang", "liuyang", "chenjing"), strict=True)
    )
    db_file = tmp_path / "home" / "frontdesk.sqlite3"
    for name, args in commands.items():
        assert_one_line_error(run(*args), "FRONTDESK_PASSWORD")
        assert_one_line_error(
            run(*args, "--as", wrong_logins[name], password="not-the-password"), "登录失败"
        )
        refused = run(*args, "--as", "zhangwei", password="demo-2026")  # a clerk
        assert_one_line_error(refused, "zhangwei")
        assert "无权" in refused.stderr or "not an administrator" in refused.stderr, name
    assert not (tmp_path / "again.sqlite3").exists()
    # Nothing but the refused logins was written: no cases, no staff added.
    import sqlite3

    con = sqlite3.connect(db_file)
    assert con.execute("SELECT count(*) FROM case_file").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM staff").fetchone()[0] == 8
    con.close()
    # A supervisor may take a backup (it is how the daily copy goes to the USB stick) ...
    done = run(
        "backup", "--out", str(tmp_path / "again.sqlite3"), "--as", "sunli", password="demo-2026"
    )
    assert done.returncode == 0, done.stderr
    # ... but not restore one over the hall's database.
    assert_one_line_error(
        run("restore", str(copy), "--as", "sunli", password="demo-2026"), "not an administrator"
    )


def test_demo_data_only_into_a_demo_database(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("init", "--admin-password", "admin-2026").returncode == 0
    first_line = NOT_A_DEMO.split("（")[0]
    for args in (
        ("init", "--demo", "--demo-days", "0"),
        ("demo", "--days", "1"),
        ("scale", "--years", "0.01"),
    ):
        assert_one_line_error(run(*args, password="admin-2026"), first_line)
    import sqlite3

    con = sqlite3.connect(tmp_path / "home" / "frontdesk.sqlite3")
    assert con.execute("SELECT count(*) FROM staff").fetchone()[0] == 1  # only the admin
    assert con.execute("SELECT count(*) FROM case_file").fetchone()[0] == 0
    con.close()


def pdf_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "".join("".join(p.get_textpage().get_text_range() for p in document).split())
    finally:
        document.close()


@pytest.mark.parametrize("demo", [True, False])
def test_every_paper_of_a_demo_database_says_so(run, tmp_path: Path, demo: bool) -> None:  # type: ignore[no-untyped-def]
    init = ["init", "--admin-password", "admin-2026"]
    assert run(*init, *(["--demo", "--demo-days", "0"] if demo else [])).returncode == 0
    out = tmp_path / "log.pdf"
    done = run(
        "report", "daily", "--date", f"{date.today()}", "--out", str(out), password="admin-2026"
    )
    assert done.returncode == 0, done.stderr
    assert ("演示数据" in pdf_text(out.read_bytes())) is demo


def test_every_screen_of_a_demo_database_says_so(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx, tmp_path: Path
) -> None:
    from app.clock import SystemClock
    from app.context import AppContext
    from app.setup import initialize
    from db.engine import make_engine
    from db.store import SqlStore
    from ui.mainwindow import MainWindow

    store = SqlStore(make_engine(f"sqlite:///{tmp_path / 'real.sqlite3'}"), SystemClock())
    from db.migrate import ensure_schema

    ensure_schema(store.engine, None)
    real = AppContext(store, SystemClock(), tmp_path)
    initialize(real.uow(), "admin-2026")  # a real hall
    try:
        for hall, user, password, demo in (
            (sqlite_demo_ctx, "zhangwei", "demo-2026", True),
            (real, "admin", "admin-2026", False),
        ):
            actor = login(hall.uow(), user, password)
            post = sites.describe_post(hall.uow(), actor)
            assert post.demo is demo
            assert ("演示数据" in sites.site_name_for_login(hall.uow())) is demo  # login screen
            window = MainWindow(hall, actor, post)
            qtbot.addWidget(window)
            assert ("演示数据" in window.windowTitle()) is demo
            assert (window.demo_banner is not None) is demo
            if window.demo_banner is not None:
                assert "演示数据" in window.demo_banner.text()
    finally:
        store.dispose()

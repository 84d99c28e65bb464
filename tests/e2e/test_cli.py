"""The command line as an administrator uses it: one line for every user error, no traceback."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest


def assert_one_line_error(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and words in done.stderr


def test_init_users_check_backup(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = run("init", "--demo", "--demo-days", "2", "--admin-password", "admin-2026")
    assert done.returncode == 0, done.stderr
    assert "zhangwei" in done.stdout
    # The hall is set up at 07:00 on the first simulated morning, so its setup events, first
    # in the chain, are not dated after the simulated days that follow them.
    from datetime import datetime, timedelta

    from app.audit import KEYED_ACTION
    from app.clock import DEFAULT_TZ
    from sim.demo.activity import last_day_over

    with sqlite3.connect(tmp_path / "home" / "frontdesk.sqlite3") as db:
        # The first event after the marker that starts the keyed chain (written by the
        # migration that creates the database, dated at the chain's origin).
        (first_at,) = db.execute(
            "SELECT at FROM audit_event WHERE action <> ? ORDER BY seq LIMIT 1", (KEYED_ACTION,)
        ).fetchone()
    set_up = datetime.fromisoformat(first_at).astimezone(DEFAULT_TZ)
    morning = last_day_over(datetime.now(DEFAULT_TZ)) - timedelta(days=1)
    assert (set_up.date(), set_up.hour) == (morning, 7)

    added = run(
        "user",
        "add",
        "wangyan",
        "--name",
        "王𠇹",
        "--role",
        "clerk",
        "--window",
        "3",
        "--password",
        "long-enough",
        password="admin-2026",
    )
    assert added.returncode == 0, added.stderr
    listed = run("user", "list", password="admin-2026")
    assert "wangyan\t王𠇹\tclerk\t3号窗口\tactive" in listed.stdout
    assert (
        run(
            "user", "passwd", "wangyan", "--password", "another-one", password="admin-2026"
        ).returncode
        == 0
    )
    assert run("user", "disable", "wangyan", password="admin-2026").returncode == 0
    assert (
        "wangyan\t王𠇹\tclerk\t3号窗口\tdisabled"
        in run("user", "list", password="admin-2026").stdout
    )

    checked = run("check")
    assert checked.returncode == 0 and "check passed" in checked.stdout
    head = checked.stdout.split("head ")[1].split()[0]
    anchored = run("check", "--anchor", head)
    assert anchored.returncode == 0 and "confirmed" in anchored.stdout
    assert run("check", "--anchor", "ab" * 32).returncode == 1

    out = tmp_path / "copy.sqlite3"
    backed = run("backup", "--out", str(out), password="admin-2026")
    assert backed.returncode == 0 and out.exists()
    con = sqlite3.connect(out)
    assert con.execute("SELECT count(*) FROM staff").fetchone()[0] == 9
    con.close()


def test_check_names_an_edited_audit_row(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("init", "--demo", "--demo-days", "2", "--admin-password", "admin-2026").returncode == 0
    )
    con = sqlite3.connect(tmp_path / "home" / "frontdesk.sqlite3")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("UPDATE audit_event SET summary = '{}' WHERE seq = 7")
    con.execute("DROP TRIGGER audit_event_no_update")  # as the file's owner can
    con.execute("UPDATE audit_event SET summary = '{}' WHERE seq = 7")
    con.commit()
    con.close()
    done = run("check")
    assert done.returncode == 1
    assert "broken at event #7" in done.stdout and "check FAILED" in done.stdout


def test_user_errors_are_one_line(run) -> None:  # type: ignore[no-untyped-def]
    assert_one_line_error(run("init"), "--admin-password")
    assert run("init", "--admin-password", "admin-2026").returncode == 0
    assert_one_line_error(
        run(
            "user",
            "add",
            "x y",
            "--name",
            "某",
            "--role",
            "clerk",
            "--password",
            "long-enough",
            password="admin-2026",
        ),
        "login",
    )
    assert_one_line_error(run("user", "list", password="wrong-password"), "用户名或密码不正确")
    assert_one_line_error(run("user", "list"), "FRONTDESK_PASSWORD")
    assert_one_line_error(run("user", "disable", "nobody", password="admin-2026"), "nobody")
    assert_one_line_error(run("gui", "--user", "admin"), "FRONTDESK_PASSWORD")
    assert_one_line_error(
        run("--db", "sqlite:///" + r"\\server\share\x.sqlite3", "check"), "PostgreSQL"
    )


def test_gui_smoke_paints_the_clerks_main_window(run) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("init", "--demo", "--demo-days", "2", "--admin-password", "admin-2026").returncode == 0
    )
    done = run(
        "gui", "--smoke", "--user", "zhangwei", password="demo-2026", QT_QPA_PLATFORM="offscreen"
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["ok"] and report["screen"] == "main" and report["user"] == "zhangwei"
    assert report["first_paint_ms"] > 0


def test_gui_smoke_through_the_login_window(run) -> None:  # type: ignore[no-untyped-def]
    init = run("init", "--demo", "--demo-days", "0", "--admin-password", "admin-2026")
    assert init.returncode == 0, init.stderr
    args = ("gui", "--smoke", "--user", "zhangwei", "--through-login")
    done = run(*args, password="demo-2026", QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["ok"] and report["screen"] == "main" and report["user"] == "zhangwei"
    assert report["login_paint_ms"] <= report["enter_ms"] <= report["first_paint_ms"]
    refused = run(*args, password="not-the-password", QT_QPA_PLATFORM="offscreen")
    assert refused.returncode == 1
    assert json.loads(refused.stdout.strip().splitlines()[-1])["ok"] is False


def test_gui_smoke_without_user_paints_the_login(run) -> None:  # type: ignore[no-untyped-def]
    assert run("init", "--admin-password", "admin-2026").returncode == 0
    done = run("gui", "--smoke", QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["screen"] == "login"
    assert report["database_layer_loaded"] is False  # painted before SQLAlchemy was imported


def test_gui_smoke_before_init_says_what_to_do(run) -> None:  # type: ignore[no-untyped-def]
    done = run("gui", "--smoke", "--user", "admin", password="x", QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 1
    assert "frontdesk init" in json.loads(done.stdout.strip().splitlines()[-1])["error"]


def test_environment_errors_are_one_line_and_create_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert_one_line_error(run("check"), "frontdesk init")  # a mistyped data folder
    assert not (tmp_path / "home").exists()
    assert_one_line_error(run("--db", "bogus://x", "check"), "cannot use the database")
    assert_one_line_error(
        run("--db", "postgresql+psycopg://u:p@127.0.0.1:1/x", "check"), "连接不上数据库服务器"
    )  # app.storage names the cause
    assert run("init", "--admin-password", "admin-2026").returncode == 0
    folder = tmp_path / "copies"
    folder.mkdir()
    done = run("backup", "--out", str(folder), password="admin-2026")  # a dated file inside
    assert done.returncode == 0 and len(list(folder.glob("frontdesk-*.sqlite3"))) == 1
    assert_one_line_error(
        run(
            "print",
            "guide",
            "MZ-001",
            "--out",
            str(tmp_path / "no" / "such" / "g.pdf"),
            password="admin-2026",
        ),
        "没有编码",
    )


def test_usage_mistakes_are_one_line_too(run) -> None:  # type: ignore[no-untyped-def]
    assert_one_line_error(run("user", "add", "x", "--name", "y", "--role", "boss"), "boss")
    assert_one_line_error(run("case", "list", "--limit", "abc"), "--limit")
    assert_one_line_error(run("nosuch"), "invalid choice")


def test_print_referral_slip_by_number(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.auth import login
    from app.clock import SystemClock
    from app.context import AppContext
    from app.visits import service
    from app.visits.records import ReferralInput, VisitInput
    from db.engine import make_engine
    from db.store import SqlStore

    assert (
        run("init", "--demo", "--demo-days", "0", "--admin-password", "x-2026-admin").returncode
        == 0
    )
    engine = make_engine(f"sqlite:///{tmp_path / 'home' / 'frontdesk.sqlite3'}")
    ctx = AppContext(SqlStore(engine, SystemClock()), SystemClock(), tmp_path)
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    visit = service.register_visit(ctx.uow(), clerk, VisitInput(question="社保卡怎么补办？"))
    referral = service.refer_visit(
        ctx.uow(), clerk, visit.id, ReferralInput(to_window_number=3, reason="社保业务")
    )
    engine.dispose()
    out = tmp_path / "slip.pdf"
    done = run(
        "print",
        "referral",
        referral.number,
        "--out",
        str(out),
        "--as",
        "zhangwei",
        password="demo-2026",
    )
    assert done.returncode == 0, done.stderr
    assert f"引导单 {referral.number} written to" in done.stdout
    assert out.read_bytes().startswith(b"%PDF")
    assert_one_line_error(
        run("print", "referral", "QH-F20200101-0001", "--out", str(out), password="x-2026-admin"),
        "没有编号",
    )


def test_scale_fills_an_empty_demo_hall_that_then_checks(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``frontdesk scale`` (the simulator in sim/) runs from the command line, and what it
    wrote in bulk passes ``check``: chain, integrity, business rows against the trail."""
    init = run("init", "--demo", "--demo-days", "0", "--admin-password", "admin-2026")
    assert init.returncode == 0, init.stderr
    done = run(
        "scale",
        "--years",
        "0.05",
        "--windows",
        "2",
        "--per-window-day",
        "3",
        "--visits-per-window-day",
        "2",
        password="admin-2026",
    )
    assert done.returncode == 0, done.stderr
    accepted = int(done.stdout.split(" cases over ")[0].split()[-1])
    visits = int(done.stdout.split(" visits (")[0].split()[-1])
    booked = int(done.stdout.split(" appointments")[0].split()[-1])
    with sqlite3.connect(tmp_path / "home" / "frontdesk.sqlite3") as db:
        (stored,) = db.execute("SELECT count(*) FROM case_file").fetchone()
        (visited,) = db.execute(
            "SELECT count(*) FROM visit WHERE appointment_id IS NULL"  # not opened by check-in
        ).fetchone()
        (appointments,) = db.execute("SELECT count(*) FROM appointment").fetchone()
    assert accepted > 0 and stored == accepted
    assert visits > 0 and visited == visits
    assert booked > 0 and appointments == booked
    checked = run("check")
    assert checked.returncode == 0, checked.stdout
    assert "check passed" in checked.stdout and "business rows match the trail" in checked.stdout


def test_case_list_names_each_cases_site(run) -> None:  # type: ignore[no-untyped-def]
    """At a county installation the lists hold its townships' cases too: each line says
    where the case was accepted (and where it is now, once handed over)."""
    # A week: some working days whatever today is.
    done = run("init", "--demo", "--demo-days", "7", "--admin-password", "admin-2026")
    assert done.returncode == 0, done.stderr
    listed = run("case", "list", "--json", "--limit", "5", password="admin-2026")
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert rows and all(r["site"] == "清河县政务服务中心" for r in rows)
    assert all(r["handed_to"] == "" for r in rows)
    plain = run("case", "list", "--limit", "1", password="admin-2026")
    assert plain.stdout.rstrip("\n").split("\t")[-1] == "清河县政务服务中心"

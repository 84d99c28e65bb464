"""``frontdesk queue`` from a shell: an administrator sets the groups, the front desk takes
tickets (one on an 80 mm roll as PDF), a counter calls, a vendor system's call comes in through
the hook, a supervisor reads the waiting times; every user error is one line and exit 2."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pypdf import PdfReader

from app.clock import DEFAULT_TZ
from tests.e2e.test_cli import assert_one_line_error
from tests.helpers.printing import compact, pdf_text


def test_groups_tickets_calls_hook_and_stats(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("init", "--demo", "--demo-days", "0", "--admin-password", "admin-2026").returncode == 0
    )
    admin = {"password": "admin-2026"}
    clerk = {"password": "demo-2026"}
    made = run("queue", "group", "set", "A", "--name", "社会救助", "--windows", "1,2", **admin)
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "group A 社会救助: windows 1,2"
    assert (
        run("queue", "group", "set", "b", "--name", "社保", "--windows", "3", **admin).returncode
        == 0
    )
    listed = run("queue", "group", "list", **admin)
    # A and B changed; C as the demo hall set it up.
    assert listed.stdout.splitlines() == ["A\t社会救助\t1,2", "B\t社保\t3", "C\t综合受理\t4,5,6"]

    first = run("queue", "take", "A", "--as", "zhaolei", **clerk)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("A001\t社会救助\t") and "0 waiting ahead" in first.stdout
    out = tmp_path / "ticket.pdf"
    second = run(
        "queue", "take", "A", "--as", "zhaolei", "--out", str(out), "--paper", "80mm", **clerk
    )
    assert second.returncode == 0, second.stderr
    assert "A002" in second.stdout and "1 waiting ahead" in second.stdout
    text = compact("".join(pdf_text(out.read_bytes())))
    width = float(PdfReader(out).pages[0].mediabox.width)
    assert round(width / 72 * 25.4) == 80  # the receipt printer's roll
    assert "排队号票" in text and "A002" in text and "前面等候1人" in text

    called = run("queue", "next", "--as", "zhangwei", **clerk)
    assert called.stdout.strip() == "A001 called to window 1"
    hook = run("queue", "called", "c017", "--window", "3", **admin)
    assert hook.stdout.strip() == "C017 called to window 3"
    today = datetime.now(DEFAULT_TZ).date().isoformat()
    stats = run("queue", "stats", "--day", today, "--as", "sunli", **clerk)
    assert stats.returncode == 0, stats.stderr
    rows = [line.split("\t") for line in stats.stdout.splitlines()[1:]]
    assert [r[:5] for r in rows] == [["1", "A", "1", "0", "0"], ["3", "(vendor)", "1", "0", "0"]]

    # user errors: one line, exit 2
    assert_one_line_error(run("queue", "take", "Z", "--as", "zhaolei", **clerk), "Z")
    assert_one_line_error(run("queue", "called", "A 1", "--window", "3", **admin), "号码")
    assert_one_line_error(run("queue", "called", "A1", "--window", "99", **admin), "99")
    assert_one_line_error(run("queue", "stats", "--day", "2026-13-01", **admin), "--day")
    assert_one_line_error(
        run("queue", "group", "set", "AA", "--name", "x", "--windows", "1", **admin), "字母"
    )
    assert_one_line_error(
        run("queue", "group", "set", "C", "--name", "x", "--windows", "一", **admin), "窗口号"
    )
    assert_one_line_error(
        run(
            "queue",
            "group",
            "set",
            "C",
            "--name",
            "x",
            "--windows",
            "1",
            "--as",
            "zhangwei",
            **clerk,
        ),
        "无权",
    )
    assert_one_line_error(run("queue", "next", **admin), "无权")  # no counter of their own
    assert_one_line_error(run("queue", **admin), "group, take, next")
    assert_one_line_error(
        run("queue", "take", "A", "--as", "zhaolei", "--paper", "A3", **clerk), "A3"
    )

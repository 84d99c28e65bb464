"""``frontdesk demo --days 30 --seed 1``, then ``frontdesk report daily`` of its busiest day as
PDF and XLSX: every number on them equals what the audit trail and the case records give when
read another way."""

from __future__ import annotations

import io
from collections import Counter
from datetime import timedelta
from pathlib import Path

from app.clock import SystemClock
from app.context import AppContext
from app.reports.sections import SECTIONS
from db.engine import make_engine
from db.store import SqlStore
from tests.helpers.reports import busiest_day, cards_at_end_of, counts_from_audit

# Sections whose totals the audit trail and the cases read one by one give independently; the
# others (referrals, agency, appointments, ratings, complaints) are compared between the PDF and
# the workbook, and tests/integration/test_daily_log.py checks they are filled.
AUDITED_SECTIONS = {"visits", "notices", "cases", "warnings", "accountability"}


def expected_totals(ctx: AppContext, day: object) -> list[str | None]:
    """The log's total row, column by column (None: not derived independently here)."""
    counts = sum(counts_from_audit(ctx, day, day).values(), Counter())  # type: ignore[arg-type]
    counts += sum(cards_at_end_of(ctx, day).values(), Counter())  # type: ignore[arg-type]
    return [
        str(counts[c.key]) if s.key in AUDITED_SECTIONS else None
        for s in SECTIONS
        for c in s.printed_columns
    ]


def test_daily_log_of_a_busy_demo_day(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl
    import pypdfium2 as pdfium

    done = run("init", "--demo", "--demo-days", "0", "--admin-password", "admin-2026")
    assert done.returncode == 0, done.stderr
    done = run("demo", "--days", "30", "--seed", "1", password="admin-2026", timeout=600)
    assert done.returncode == 0, done.stderr

    clock = SystemClock()
    store = SqlStore(make_engine(f"sqlite:///{tmp_path / 'home' / 'frontdesk.sqlite3'}"), clock)
    ctx = AppContext(store, clock, tmp_path)
    try:
        day = busiest_day(ctx)
        totals = expected_totals(ctx, day)
    finally:
        store.dispose()
    assert (
        int(
            totals[[c.key for s in SECTIONS for c in s.printed_columns].index("cases_accepted")]
            or 0
        )
        >= 10
    )

    pdf, xlsx = tmp_path / "log.pdf", tmp_path / "log.xlsx"
    for out in (pdf, xlsx):
        done = run(
            "report",
            "daily",
            "--date",
            f"{day}",
            "--out",
            str(out),
            "--as",
            "sunli",
            password="demo-2026",
        )
        assert done.returncode == 0, done.stderr
        assert f"RZ{day:%Y%m%d}" in done.stdout

    document = pdfium.PdfDocument(pdf.read_bytes())
    try:
        text = "".join("".join(p.get_textpage().get_text_range() for p in document).split())
    finally:
        document.close()
    for header in (
        "工作日志",
        "分窗口、分人员统计",
        "一次性告知",
        "办件",
        "预警",
        "责任追究",
        "合计",
    ):
        assert header in text
    book = openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes()))
    sheet = book["统计"]
    total_row = [c.value for c in sheet[sheet.max_row]]
    assert total_row[0] == "合计"
    in_book = [str(v) for v in total_row[2:]]
    assert [b if t is None else t for t, b in zip(totals, in_book, strict=True)] == in_book
    assert "—" not in in_book  # every section is filled now
    assert "合计" + "".join(in_book) in text  # the PDF's total row says the same

    refused = run(
        "report",
        "daily",
        "--date",
        f"{day}",
        "--out",
        str(pdf),
        "--as",
        "zhangwei",
        password="demo-2026",
    )
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "Traceback" not in refused.stderr

    ahead = run(
        "report",
        "period",
        "--from",
        f"{day}",
        "--to",
        f"{day + timedelta(days=60)}",  # the demo's 30 days end today
        "--out",
        str(xlsx),
        "--as",
        "sunli",
        password="demo-2026",
    )
    assert ahead.returncode == 0, ahead.stderr
    assert f"--to {day + timedelta(days=60)} is after today; the log stops at" in ahead.stdout

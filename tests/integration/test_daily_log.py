"""The daily log of a simulated hall: its counts are the ones the audit trail and the case
records give when read another way; the PDF and the workbook carry the same numbers."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from app import audit
from app.auth import login
from app.cases.deadlines import local_day
from app.clock import DEFAULT_TZ, ManualClock
from app.context import AppContext
from app.errors import PermissionDenied, ValidationError
from app.reports.daily_log import DailyLogData, daily_log, period_log
from app.reports.files import log_file
from app.reports.sections import register_provider, unregister_provider
from app.reports.statistics import StatisticsQuery, statistics
from app.reports.wording import count_text
from app.setup import initialize
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore
from sim.demo.activity import simulate
from tests.helpers.reports import bounds, busiest_day, cards_at_end_of, counts_from_audit, events

END = date(2026, 11, 20)  # a Friday
AUDITED = (
    "notices_issued",
    "one_time_breaches",
    "cases_accepted",
    "cases_refused",
    "cases_decided",
    "cases_delivered",
    "cases_on_the_spot",
    "cases_for_others",
    "cases_by_others",
    "accountability_opened",
    "accountability_reviewed",
    "visits_consultation",
    "visits_application",
    "visits_complaint",
    "visits_other",
)


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    """Fifteen days of a demo hall on SQLite, made once for the module (it takes a while)."""
    tmp = tmp_path_factory.mktemp("hall")
    clock = ManualClock(datetime(2026, 11, 6, 7, 0, tzinfo=DEFAULT_TZ))  # the first morning
    engine = make_engine(f"sqlite:///{tmp / 'demo.sqlite3'}")
    ensure_schema(engine, None)
    store = SqlStore(engine, clock)
    ctx = AppContext(store, clock, tmp)
    initialize(ctx.uow(), "admin-2026", demo=True)
    simulate(ctx.uow, clock, 15, 1, END)
    yield ctx
    store.dispose()


def by_staff(log: DailyLogData, keys: tuple[str, ...]) -> dict[str, Counter[str]]:
    """The log's rows summed per staff member (a clerk may count at two windows)."""
    found: dict[str, Counter[str]] = {}
    for row in log.rows:
        counts = found.setdefault(row.staff_name, Counter())
        for key in keys:
            value = log.row_count(row, key)
            assert value is not None, f"{key} should be recorded in this tree"
            counts[key] += value
    return {name: +c for name, c in found.items() if +c}


def test_busy_day_counts_equal_the_audit_trail(hall: AppContext) -> None:
    day = busiest_day(hall)
    boss = login(hall.uow(), "sunli", "demo-2026")
    log = daily_log(hall.uow(), boss, day)
    expected = {name: +c for name, c in counts_from_audit(hall, day, day).items() if +c}
    assert by_staff(log, AUDITED) == expected
    total = sum(expected.values(), Counter())
    for key in AUDITED:
        assert log.total(key) == total[key], key
    # The simulation really exercised what the log counts.
    assert total["cases_accepted"] >= 10 and total["cases_decided"] >= 5


def test_every_count_of_a_period_equals_the_audit_trail(hall: AppContext) -> None:
    boss = login(hall.uow(), "sunli", "demo-2026")
    first = date(2026, 11, 9)
    log = period_log(hall.uow(), boss, first, END)
    expected = {name: +c for name, c in counts_from_audit(hall, first, END).items() if +c}
    assert by_staff(log, AUDITED) == expected
    total = sum(expected.values(), Counter())
    for key in ("notices_issued", "one_time_breaches", "cases_refused", "accountability_reviewed"):
        assert total[key] > 0, f"the demo made no {key}: the comparison would prove little"
    # The sections other areas fill have counts too (their providers are wired in).
    for key in (
        "visits_consultation",
        "referrals",
        "referrals_acknowledged_in_time",
        "agency_cases",
        "appointments_kept",
        "walk_ins",
        "ratings",
        "ratings_bad",
        "complaints",
    ):
        assert log.total(key), key


@pytest.mark.parametrize("which", ["busiest", "last"])
def test_yellow_and_red_cards_at_the_end_of_the_day(hall: AppContext, which: str) -> None:
    day = busiest_day(hall) if which == "busiest" else END
    boss = login(hall.uow(), "sunli", "demo-2026")
    log = daily_log(hall.uow(), boss, day)
    keys = ("cases_yellow", "cases_red")
    assert by_staff(log, keys) == {n: +c for n, c in cards_at_end_of(hall, day).items() if +c}
    if which == "last":  # the day the warnings were last refreshed: the lists' own cards
        from app.cases import queries

        now = queries.warning_counts(hall.uow(), boss, mine=False)
        assert (log.total("cases_yellow"), log.total("cases_red")) == (now["yellow"], now["red"])
        assert now["red"] + now["yellow"] > 0


def test_case_list_and_chain_head(hall: AppContext) -> None:
    day = busiest_day(hall)
    boss = login(hall.uow(), "sunli", "demo-2026")
    log = daily_log(hall.uow(), boss, day)
    start, end = bounds(day, day)
    moved = {e.entity_id for e in events(hall) if e.entity == "case" and start <= e.at < end}
    moved.discard("")
    assert {c.number for c in log.cases} == moved
    assert all("*" in c.applicant for c in log.cases)  # names masked
    before_end = [e for e in events(hall) if e.at < end]
    head = max(before_end, key=lambda e: e.seq)
    assert (log.chain_seq, log.chain_hash) == (head.seq, head.hash)
    assert audit.find_anchor(hall.uow(), " ".join([log.chain_hash[:8], log.chain_hash[8:]])).found
    assert log.supervisor_name == "孙丽" and log.number == f"QH-RZ{day:%Y%m%d}"


def test_a_section_without_records_shows_a_dash_not_a_zero(hall: AppContext) -> None:
    from app.reports.sections import provider_for

    boss = login(hall.uow(), "sunli", "demo-2026")
    provider = provider_for("complaints")
    assert provider is not None
    unregister_provider("complaints")  # as a new section is, until its area fills it
    try:
        log = daily_log(hall.uow(), boss, END)
    finally:
        register_provider("complaints", provider)
    for key in ("complaints", "complaints_substantiated"):
        assert log.total(key) is None
        assert all(log.row_count(r, key) is None for r in log.rows)
    assert count_text(log.total("complaints")) == "—"
    assert log.total("ratings") is not None


def test_pdf_and_xlsx_carry_the_same_numbers(hall: AppContext, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    day = busiest_day(hall)
    boss = login(hall.uow(), "sunli", "demo-2026")
    log = daily_log(hall.uow(), boss, day)
    pdf = pdfium.PdfDocument(log_file(log, ".pdf"))
    try:
        pages = [page.get_textpage().get_text_range() for page in pdf]
        width, height = pdf[0].get_size()
    finally:
        pdf.close()
    assert width > height  # A4 landscape
    text = "".join("".join(pages).split())
    for header in ("工作日志", "一次性告知", "违反告知", "不予受理", "当场办结", "黄牌", "红牌"):
        assert header in text
    assert "合计" + "".join(count_text(v) for v in log.totals) in text
    for row in log.rows:
        assert row.staff_name + "".join(count_text(v) for v in row.counts) in text
    assert log.cases[0].number in text and log.cases[-1].number in text
    assert log.chain_hash[:8] in text and "孙丽" in text

    book = openpyxl.load_workbook(io.BytesIO(log_file(log, ".xlsx")))
    assert book.sheetnames[:2] == ["统计", "办件清单"]
    sheet = book["统计"]
    labels = [c.value for c in sheet[2]]
    total_row = [c.value for c in sheet[sheet.max_row]]
    assert total_row[0] == "合计"
    for column, value in zip(log.columns, log.totals, strict=True):
        assert total_row[labels.index(column.label, 2)] == (value if value is not None else "—")
    assert sheet["A1"].font.b and sheet["C2"].font.b
    assert sheet.column_dimensions["A"].width >= 12
    cases = book["办件清单"]
    assert cases.max_row == len(log.cases) + 1
    assert [cases.cell(i + 2, 2).value for i in range(len(log.cases))] == [
        c.number for c in log.cases
    ]


def test_clerks_are_refused_and_periods_checked(hall: AppContext) -> None:
    clerk = login(hall.uow(), "zhangwei", "demo-2026")
    with pytest.raises(PermissionDenied):
        daily_log(hall.uow(), clerk, END)
    boss = login(hall.uow(), "sunli", "demo-2026")
    with pytest.raises(ValidationError):
        period_log(hall.uow(), boss, END, date(2026, 11, 1))
    with pytest.raises(ValidationError):
        period_log(hall.uow(), boss, date(2025, 1, 1), END)  # more than a year
    admin = login(hall.uow(), "admin", "admin-2026")
    assert daily_log(hall.uow(), admin, END).supervisor_name == "孙丽"


def test_a_refused_day_or_period_names_the_field_it_came_from(hall: AppContext) -> None:
    """Each form's own field: the day of a day's log, the start or end of a period, the first
    or last day of the statistics. 0001-01-01 used to crash the queries instead (its midnight in
    Beijing is before the first datetime in UTC)."""
    boss = login(hall.uow(), "sunli", "demo-2026")
    later = END + timedelta(days=400)
    for call, field in (
        (lambda: daily_log(hall.uow(), boss, date.min), "day"),
        (lambda: daily_log(hall.uow(), boss, None), "day"),  # type: ignore[arg-type]
        (lambda: daily_log(hall.uow(), boss, later), "day"),
        (lambda: period_log(hall.uow(), boss, date.min, date(1, 1, 5)), "start"),
        (lambda: period_log(hall.uow(), boss, later, later), "start"),
        (lambda: period_log(hall.uow(), boss, END, None), "end"),  # type: ignore[arg-type]
        (lambda: period_log(hall.uow(), boss, END, date(2026, 11, 1)), "end"),
        (lambda: statistics(hall.uow(), boss, StatisticsQuery(date.min, END)), "first_day"),
        (lambda: statistics(hall.uow(), boss, StatisticsQuery(END, date.min)), "last_day"),
        (lambda: statistics(hall.uow(), boss, StatisticsQuery(later, later)), "first_day"),
    ):
        with pytest.raises(ValidationError) as refused:
            call()
        assert set(refused.value.errors) == {field}
    assert period_log(hall.uow(), boss, date(1900, 1, 1), date(1900, 1, 31)).cases == ()


def test_a_period_running_past_today_stops_at_today_and_says_so(
    hall: AppContext, tmp_path: Path
) -> None:
    import pypdfium2 as pdfium

    boss = login(hall.uow(), "sunli", "demo-2026")
    today = local_day(hall.clock.now())
    asked = today + timedelta(days=40)
    cut = period_log(hall.uow(), boss, today - timedelta(days=6), asked)
    upto = period_log(hall.uow(), boss, today - timedelta(days=6), today)
    assert (cut.last_day, cut.asked_last_day, upto.asked_last_day) == (today, asked, None)
    assert cut.totals == upto.totals and cut.cases == upto.cases  # red is not judged ahead
    assert cut.number == upto.number and cut.cut_note and not upto.cut_note
    pdf = pdfium.PdfDocument(log_file(cut, ".pdf"))
    try:
        text = "".join("".join(p.get_textpage().get_text_range() for p in pdf).split())
    finally:
        pdf.close()
    assert "统计至今天" in text and f"{asked:%Y-%m-%d}" in text
    book = openpyxl.load_workbook(io.BytesIO(log_file(cut, ".xlsx")))
    notes = [r[1].value for r in book["信息"].iter_rows() if r[0].value == "说明"]
    assert cut.cut_note in notes


def test_workbook_dates_are_dates_and_times_are_beijing_time(hall: AppContext) -> None:
    from app.clock import hall_time

    boss = login(hall.uow(), "sunli", "demo-2026")
    log = period_log(hall.uow(), boss, END - timedelta(days=6), END)
    book = openpyxl.load_workbook(io.BytesIO(log_file(log, ".xlsx")))
    cases = book["办件清单"]
    header = [c.value for c in cases[1]]
    due_column = header.index("承诺办结日期") + 1
    dues = [cases.cell(i + 2, due_column) for i in range(len(log.cases))]
    dated = [(cell, case) for cell, case in zip(dues, log.cases, strict=True) if case.due_date]
    assert dated
    for cell, case in dated:
        assert cell.value.date() == case.due_date and cell.number_format == "yyyy-mm-dd"
    info = {r[0].value: r[1] for r in book["信息"].iter_rows()}
    made = info["制表时间（北京时间）"]
    wall = hall_time(log.made_at).replace(tzinfo=None)
    assert abs((made.value - wall).total_seconds()) < 1  # Beijing wall time, no zone
    assert made.number_format == "yyyy-mm-dd hh:mm"
    assert log.chain_at is not None
    chain = info["链头时间（北京时间）"]
    assert chain.value.replace(microsecond=0) == hall_time(log.chain_at).replace(
        tzinfo=None, microsecond=0
    )
    assert (
        info["起始日期"].value.date() == log.first_day
        and info["截止日期"].number_format == "yyyy-mm-dd"
    )


def test_the_demo_setup_is_dated_before_the_days_it_precedes(hall: AppContext) -> None:
    """The hall is set up (staff, catalog, booking schedules) on the first simulated morning:
    the events before the first acceptance in the chain are not dated after it."""
    from app.audit import KEYED_ACTION

    # The marker that starts the keyed chain is written when the database is made.
    chain = sorted((e for e in events(hall) if e.action != KEYED_ACTION), key=lambda e: e.seq)
    first = next(i for i, e in enumerate(chain) if e.action == "case_accepted")
    assert first > 0
    assert max(e.at for e in chain[:first]) <= chain[first].at


def test_the_demo_marks_liu_yang_away_the_day_after_the_last_simulated_one(
    hall: AppContext,
) -> None:
    from app.calendar import load_calendar
    from app.visits.absence import upcoming_absences

    boss = login(hall.uow(), "sunli", "demo-2026")
    uow = hall.uow()
    with uow.read():
        after = load_calendar(uow).next_workday(END)
    away = [a for a in upcoming_absences(hall.uow(), boss) if a.staff_name == "刘洋"]
    assert [local_day(a.starts_at) for a in away] == [after]
    assert all(local_day(a.ends_at) == after for a in away)


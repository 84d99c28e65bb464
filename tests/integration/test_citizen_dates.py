"""Dates printed for an applicant never fall on a day off, and say 暂定 while provisional
(issue 17 item 6): 2027-01-01 (元旦, fixed by law though 2027 is not published)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.auth import login
from app.calendar import enter_schedule
from app.cases import service as cases
from app.cases.records import AcceptRequest, ApplicantInput
from app.context import AppContext
from app.notices import service as notices
from app.notices.records import NoticeRequest
from app.printing import render
from app.printing.loaders import load_document
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.printing import compact, pdf_text

NEW_YEAR = date(2027, 1, 1)  # Friday, 元旦
SCHEDULE_2027 = "\n".join(
    [
        "2027-01-01..2027-01-03,holiday,元旦",
        "2027-02-05..2027-02-11,holiday,春节",
        "2027-02-20,workday,春节调休",
        "2027-04-03..2027-04-05,holiday,清明节",
        "2027-05-01..2027-05-05,holiday,劳动节",
        "2027-06-09,holiday,端午节",
        "2027-09-15,holiday,中秋节",
        "2027-10-01..2027-10-07,holiday,国庆节",
    ]
)


def _text(ctx: AppContext, kind: str, number: str, out: Path | None = None) -> str:
    me = login(ctx.uow(), "zhangwei", "demo-2026")
    pdf = render(load_document(ctx.uow(), me, kind, number))
    if out is not None:
        out.write_bytes(pdf)
    return compact("".join(pdf_text(pdf)))


def test_supply_by_dates_skip_holidays_and_say_provisional(
    demo_ctx: AppContext, tmp_path: Path
) -> None:
    item = make_item(demo_ctx, committed=10)
    ids = {m.name: m.id for m in item.materials}
    demo_ctx.clock.set(datetime(2026, 12, 28, 2, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    me = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    applicant = ApplicantInput(name="王芳", id_number=resident_id(), phone="13812345678")

    notice = notices.issue_one_time_notice(
        demo_ctx.uow(),
        me,
        NoticeRequest(item.id, applicant, frozenset({ids["居民身份证"]}), supply_by=NEW_YEAR),
    )
    assert notice.supply_by == date(2027, 1, 4)  # Monday: the period ends after the day off
    text = _text(demo_ctx, "notice", notice.number, tmp_path / "notice.pdf")
    assert "请于2027年1月4日（暂定，如遇节假日顺延）前补齐" in text
    assert "2027年1月1日" not in text

    accepted = cases.accept_case(
        demo_ctx.uow(),
        me,
        AcceptRequest(
            item_version_id=item.id,
            applicant=applicant,
            received_material_ids=frozenset({ids["居民身份证"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
            deferred_material_ids=frozenset({ids["户口簿"]}),
            applicant_commitment="本人承诺按期补交",
            deferred_supply_by=NEW_YEAR,
        ),
    )
    receipt = _text(demo_ctx, "receipt", accepted.number, tmp_path / "receipt.pdf")
    deferred = _text(demo_ctx, "deferred", accepted.number, tmp_path / "deferred.pdf")
    for text in (receipt, deferred):
        assert "2027年1月4日（暂定，如遇节假日顺延）" in text
        assert "2027年1月1日" not in text
    assert accepted.deadline.provisional and "（暂定" in receipt.split("承诺办结日期", 1)[1]

    # The whole 2027 schedule arrives: the same papers print the dates as final.
    admin = login(demo_ctx.uow(), "admin", "admin-2026")
    assert enter_schedule(demo_ctx.uow(), admin, SCHEDULE_2027).final_years == (2027,)
    for kind, number in (
        ("notice", notice.number),
        ("receipt", accepted.number),
        ("deferred", accepted.number),
    ):
        text = _text(demo_ctx, kind, number)
        assert "2027年1月4日" in text and "暂定" not in text, kind


def test_cli_deadline_and_an_incomplete_import_say_what_is_provisional(
    sqlite_demo_ctx: AppContext,
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cli.main import main

    assert main(["--db", sqlite_url, "calendar", "deadline", "2026-12-30", "3"]) == 0
    assert capsys.readouterr().out.strip() == "2027-01-05 provisional"  # 元旦 skipped
    monkeypatch.setenv("FRONTDESK_PASSWORD", "admin-2026")
    partial = tmp_path / "2027.txt"
    partial.write_text("2027-01-01..2027-01-03,holiday,元旦\n", encoding="utf-8")
    assert main(["--db", sqlite_url, "calendar", "import", str(partial)]) == 0
    out = capsys.readouterr().out
    assert "2027 incomplete, deadlines stay provisional" in out and "清明节" in out
    partial.write_text(SCHEDULE_2027, encoding="utf-8")
    assert main(["--db", sqlite_url, "calendar", "import", str(partial)]) == 0
    assert "incomplete" not in capsys.readouterr().out
    assert main(["--db", sqlite_url, "calendar", "deadline", "2026-12-30", "3"]) == 0
    assert capsys.readouterr().out.strip() == "2027-01-05"

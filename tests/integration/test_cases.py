"""Accepting cases and moving them through their life, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app import audit
from app.auth import login
from app.calendar import enter_schedule
from app.cases import queries, service
from app.cases.lifecycle import CaseState
from app.cases.records import AcceptRequest, ApplicantInput, CaseQuery
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.errors import ConcurrentEdit, IllegalTransition, PermissionDenied, ValidationError
from tests.helpers.catalog import make_item, resident_id

APPLICANT = ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678")


@pytest.fixture
def item(demo_ctx: AppContext) -> ItemVersionRecord:
    return make_item(demo_ctx)


def request(
    item: ItemVersionRecord, applicant: ApplicantInput = APPLICANT, **kw: object
) -> AcceptRequest:
    ids = {m.name: m.id for m in item.materials}
    base: dict[str, object] = {
        "received_material_ids": frozenset({ids["居民身份证"], ids["户口簿"]}),
        "not_applicable_material_ids": frozenset({ids["收入证明"]}),
    }
    base.update(kw)
    return AcceptRequest(item_version_id=item.id, applicant=applicant, **base)  # type: ignore[arg-type]


def clerk(ctx: AppContext, name: str = "zhangwei"):  # type: ignore[no-untyped-def]
    return login(ctx.uow(), name, "demo-2026")


def test_accept_gives_number_deadline_and_audit(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    result = service.accept_case(demo_ctx.uow(), clerk(demo_ctx), request(item))
    # Accepted Tuesday 2026-11-24: five working days later is Tuesday 2026-12-01.
    assert result.number == "QH-20261124-0001"
    assert result.deadline.due == date(2026, 12, 1) and not result.deadline.provisional
    second = service.accept_case(demo_ctx.uow(), clerk(demo_ctx, "lina"), request(item))
    assert second.number == "QH-20261124-0002"
    case = queries.find_case_by_number(demo_ctx.uow(), clerk(demo_ctx), result.number)
    assert case is not None and case.applicant.name == "王𠇹" and case.state is CaseState.ACCEPTED
    assert case.window_id is not None and case.item_name.startswith("最低生活保障")
    assert audit.verify(demo_ctx.uow()).ok


def test_missing_required_material_is_refused_and_nothing_saved(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ids = {m.name: m.id for m in item.materials}
    with pytest.raises(ValidationError) as caught:
        service.accept_case(
            demo_ctx.uow(),
            clerk(demo_ctx),
            request(
                item,
                ApplicantInput(name="", id_number="110105194912310021", phone="123"),
                received_material_ids=frozenset({ids["户口簿"]}),
                not_applicable_material_ids=frozenset(),
            ),
        )
    assert set(caught.value.errors) == {"applicant_name", "id_number", "phone", "materials"}
    assert "居民身份证" in caught.value.errors["materials"]
    assert "收入证明" in caught.value.errors["materials"]
    assert queries.count_cases(demo_ctx.uow(), clerk(demo_ctx), CaseQuery()) == 0


def test_deferred_materials_need_commitment_and_date_within_deadline(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ids = {m.name: m.id for m in item.materials}
    deferred = {
        "received_material_ids": frozenset({ids["居民身份证"]}),
        "deferred_material_ids": frozenset({ids["户口簿"]}),
    }
    with pytest.raises(ValidationError) as caught:
        service.accept_case(demo_ctx.uow(), clerk(demo_ctx), request(item, **deferred))
    assert set(caught.value.errors) == {"applicant_commitment", "deferred_supply_by"}
    with pytest.raises(ValidationError, match="不能晚于承诺办结日期"):
        service.accept_case(
            demo_ctx.uow(),
            clerk(demo_ctx),
            request(
                item,
                **deferred,
                applicant_commitment="本人承诺按期补交",
                deferred_supply_by=date(2026, 12, 2),
            ),
        )
    not_deferrable = {
        **deferred,
        "received_material_ids": frozenset({ids["户口簿"]}),
        "deferred_material_ids": frozenset({ids["居民身份证"]}),
    }
    with pytest.raises(ValidationError, match="不可容缺"):
        service.accept_case(
            demo_ctx.uow(),
            clerk(demo_ctx),
            request(
                item,
                **not_deferrable,
                applicant_commitment="承诺",
                deferred_supply_by=date(2026, 11, 30),
            ),
        )
    ok = service.accept_case(
        demo_ctx.uow(),
        clerk(demo_ctx),
        request(
            item,
            **deferred,
            applicant_commitment="本人承诺按期补交",
            deferred_supply_by=date(2026, 11, 30),
        ),
    )
    case = queries.find_case_by_number(demo_ctx.uow(), clerk(demo_ctx), ok.number)
    assert case is not None and case.materials[ids["户口簿"]] == "deferred"


def test_life_cycle_suspension_extension_and_delivery(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    uow, clock = demo_ctx.uow, demo_ctx.clock
    me = clerk(demo_ctx)
    accepted = service.accept_case(uow(), me, request(item))
    case = service.start_case(uow(), me, accepted.case_id, 1)
    clock.advance(timedelta(days=1))  # type: ignore[attr-defined]  # Wed: corrections needed
    case = service.suspend_case(
        uow(), me, case.id, case.row_version, "corrections", "缺少收入证明原件"
    )
    detail = queries.case_detail(uow(), me, case.id)
    assert case.state is CaseState.SUSPENDED and detail.deadline.suspended
    clock.advance(timedelta(days=2))  # type: ignore[attr-defined]  # Fri: materials arrive
    case = service.resume_case(uow(), me, case.id, case.row_version, "补正材料已收齐")
    # Thursday and Friday were paused: two working days later than 2026-12-01.
    assert case.due_date == date(2026, 12, 3)
    with pytest.raises(PermissionDenied):
        service.extend_case(uow(), me, case.id, case.row_version, 3, "需要补充调查")
    boss = login(uow(), "sunli", "demo-2026")
    with pytest.raises(ValidationError, match="超过法定时限"):
        service.extend_case(uow(), boss, case.id, case.row_version, 16, "需要补充调查")
    case = service.extend_case(uow(), boss, case.id, case.row_version, 3, "需要补充调查")
    assert case.due_date == date(2026, 12, 8)
    with pytest.raises(ValidationError):
        service.decide_case(uow(), me, case.id, case.row_version, "denied", "  ")
    case = service.decide_case(uow(), me, case.id, case.row_version, "approved", "符合条件")
    case = service.deliver_case(
        uow(), me, case.id, case.row_version, "pickup", "王𠇹", resident_id()
    )
    assert case.state is CaseState.DELIVERED and case.collected_by == "王𠇹"
    with pytest.raises(IllegalTransition):
        service.withdraw_case(uow(), me, case.id, case.row_version, "不想办了")
    history = [e.action.value for e in case.events]
    assert history == ["accept", "start", "suspend", "resume", "extend", "decide", "deliver"]
    assert case.events[4].staff_name == "孙丽"


def test_second_save_from_a_stale_screen_is_refused(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    me, boss = clerk(demo_ctx), login(demo_ctx.uow(), "sunli", "demo-2026")
    accepted = service.accept_case(demo_ctx.uow(), me, request(item))
    service.start_case(demo_ctx.uow(), boss, accepted.case_id, 1)
    with pytest.raises(ConcurrentEdit, match="孙丽"):
        service.suspend_case(demo_ctx.uow(), me, accepted.case_id, 1, "hearing", "需听证", 10)


def test_other_clerk_cannot_move_my_case_but_my_backup_can(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    accepted = service.accept_case(demo_ctx.uow(), clerk(demo_ctx), request(item))
    with pytest.raises(PermissionDenied, match="张伟"):
        service.start_case(demo_ctx.uow(), clerk(demo_ctx, "wangfang"), accepted.case_id, 1)
    case = service.start_case(demo_ctx.uow(), clerk(demo_ctx, "lina"), accepted.case_id, 1)
    assert case.events[-1].on_behalf_of == case.owner_id  # 李娜 acted for 张伟


def test_warnings_turn_yellow_then_red_and_leave_an_accountability_record(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    uow, clock = demo_ctx.uow, demo_ctx.clock
    me, boss = clerk(demo_ctx), login(uow(), "sunli", "demo-2026")
    accepted = service.accept_case(uow(), me, request(item))  # due Tue 2026-12-01
    assert queries.warning_counts(uow(), me) == {"red": 0, "yellow": 0, "normal": 1}
    clock.advance(timedelta(days=6))  # type: ignore[attr-defined]  # Mon 11-30: 1 day left of 5
    service.refresh_warnings(uow())
    assert queries.warning_counts(uow(), me)["yellow"] == 1
    clock.advance(timedelta(days=2))  # type: ignore[attr-defined]  # Wed 12-02: overdue
    scan = service.refresh_warnings(uow())
    assert scan.opened_records == 1 and queries.warning_counts(uow(), me)["red"] == 1
    assert service.refresh_warnings(uow()).opened_records == 0  # never twice
    records = queries.list_accountability(uow(), boss)
    assert [(r.case_number, r.responsible_name, r.days_late) for r in records] == [
        (accepted.number, "张伟", 1)
    ]
    case = queries.find_case_by_number(uow(), me, accepted.number)
    assert case is not None
    case = service.extend_case(uow(), boss, case.id, case.row_version, 5, "需实地核查")
    assert case.warning == "normal"
    assert len(queries.list_accountability(uow(), boss)) == 1  # the record remains
    with pytest.raises(PermissionDenied):
        service.review_accountability(uow(), me, records[0].id, "staff", "x", "y")
    with pytest.raises(ValidationError) as caught:
        service.review_accountability(uow(), boss, records[0].id, "", "", "")
    assert set(caught.value.errors) == {"cause", "note", "outcome"}
    service.review_accountability(
        uow(), boss, records[0].id, "department", "民政所未按时回复", "已约谈并督办"
    )
    assert queries.list_accountability(uow(), boss, "open") == []
    assert queries.list_accountability(uow(), boss, "reviewed")[0].cause == "department"


def test_deadline_into_next_year_is_provisional_until_the_schedule_arrives(
    demo_ctx: AppContext,
) -> None:
    from datetime import UTC, datetime

    item = make_item(demo_ctx, committed=3)
    demo_ctx.clock.set(datetime(2026, 12, 30, 2, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    accepted = service.accept_case(demo_ctx.uow(), clerk(demo_ctx), request(item))
    # 12-31, then 1-1 (元旦, fixed by law) is skipped: 1-4, 1-5.
    assert accepted.deadline.due == date(2027, 1, 5) and accepted.deadline.provisional
    admin = login(demo_ctx.uow(), "admin", "admin-2026")
    partial = enter_schedule(
        demo_ctx.uow(),
        admin,
        "2027-01-01..2027-01-03,holiday,元旦\n2027-01-04,holiday,元旦调休（测试数据）\n",
    )
    # One holiday does not make the year final: the import says what is missing.
    assert partial.final_years == () and set(partial.missing) == {2027}
    assert len(partial.missing[2027]) == 6 and "春节" in partial.summary_zh()
    case = queries.find_case_by_number(demo_ctx.uow(), clerk(demo_ctx), accepted.number)
    assert case is not None and case.due_date == date(2027, 1, 6) and case.due_provisional
    result = enter_schedule(
        demo_ctx.uow(),
        admin,
        "\n".join(
            [
                "# the rest of 2027 (test data shaped like a State Council notice)",
                "2027-02-05..2027-02-11,holiday,春节",
                "2027-02-20,workday,春节调休",
                "2027-04-03..2027-04-05,holiday,清明节",
                "2027-05-01..2027-05-05,holiday,劳动节",
                "2027-06-09,holiday,端午节",
                "2027-09-15,holiday,中秋节",
                "2027-10-01..2027-10-07,holiday,国庆节",
            ]
        ),
    )
    assert result.final_years == (2027,) and result.missing == {}
    assert partial.cases_moved == 1
    case = queries.find_case_by_number(demo_ctx.uow(), clerk(demo_ctx), accepted.number)
    # 12-31 counts; 1-1 to 1-4 are now holidays; then 1-5 and 1-6.
    assert case is not None and case.due_date == date(2027, 1, 6)
    assert case.due_moved and not case.due_provisional


def test_search_by_number_id_phone_and_short_names(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    me = clerk(demo_ctx)
    people = [("王𠇹", "13812345678"), ("欧阳娜娜", "13900001111"), ("李娜", "0571-88889999")]
    numbers = {}
    for name, phone in people:
        result = service.accept_case(
            demo_ctx.uow(),
            me,
            request(item, ApplicantInput(name=name, id_number=resident_id(), phone=phone)),
        )
        numbers[name] = result.number

    def found(text: str) -> set[str]:
        page = queries.page_case_ids(demo_ctx.uow(), me, CaseQuery(text=text))
        return {r.applicant_name for r in queries.case_rows(demo_ctx.uow(), me, page.ids)}

    assert found(numbers["李娜"]) == {"李娜"}
    assert found("QH-20261124") == {"王𠇹", "欧阳娜娜", "李娜"}
    assert found("13900001111") == {"欧阳娜娜"}
    assert found("0571-88889999") == {"李娜"}
    assert found(resident_id()) == {"王𠇹", "欧阳娜娜", "李娜"}
    assert found("娜娜") == {"欧阳娜娜"}
    assert found("娜") == {"欧阳娜娜", "李娜"}
    assert found("𠇹") == {"王𠇹"}
    assert found("欧阳娜娜") == {"欧阳娜娜"}
    assert found("张三") == set()


def test_a_common_name_pages_newest_first_without_repeats(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    me = clerk(demo_ctx)
    ids = []
    for name in ["李娜", "王芳", "李娜", "李娜强", "张李娜", "李娜", "赵磊", "李娜", "李娜"]:
        demo_ctx.clock.advance(timedelta(minutes=1))  # type: ignore[attr-defined]
        result = service.accept_case(
            demo_ctx.uow(),
            me,
            request(item, ApplicantInput(name=name, id_number=resident_id(), phone="13812345678")),
        )
        if "李娜" in name:
            ids.append(result.case_id)
    seen: list[int] = []
    after = None
    while True:  # pages of two, as the list fetches them (200 on screen)
        page = queries.page_case_ids(demo_ctx.uow(), me, CaseQuery(text="李娜"), after, 2)
        seen += page.ids
        if page.next_after is None:
            break
        after = page.next_after
    assert seen == sorted(ids, reverse=True)  # every match once, the newest first
    page = queries.page_case_ids(
        demo_ctx.uow(), me, CaseQuery(text="李娜", states=frozenset({CaseState.DELIVERED}))
    )
    assert page.ids == []  # the other filters still apply


def test_urgency_order_puts_red_before_yellow_before_normal(
    demo_ctx: AppContext,
) -> None:
    me = clerk(demo_ctx)
    slow, fast = make_item(demo_ctx, "T-SLOW", committed=20), make_item(demo_ctx, "T-FAST", 2)
    spot = make_item(demo_ctx, "T-SPOT", committed=0, statutory=0)
    for it in (slow, fast, spot):
        service.accept_case(demo_ctx.uow(), me, request(it))
    demo_ctx.clock.advance(timedelta(days=2))  # type: ignore[attr-defined]  # Thu 11-26
    service.refresh_warnings(demo_ctx.uow())  # spot: overdue; fast: its last day; slow: in time
    page = queries.page_case_ids(demo_ctx.uow(), me, CaseQuery(order="urgency"))
    rows = queries.case_rows(demo_ctx.uow(), me, page.ids)
    assert [r.warning.value for r in rows if r.warning] == ["red", "yellow", "normal"]


@pytest.mark.parametrize("order", ["recent", "urgency"])
def test_keyset_pages_cover_every_case_once_in_order(
    demo_ctx: AppContext, item: ItemVersionRecord, order: str
) -> None:
    me = clerk(demo_ctx)
    for _ in range(7):
        service.accept_case(demo_ctx.uow(), me, request(item))
        demo_ctx.clock.advance(timedelta(minutes=7))  # type: ignore[attr-defined]
    seen: list[int] = []
    after = None
    while True:
        page = queries.page_case_ids(demo_ctx.uow(), me, CaseQuery(order=order), after, limit=3)
        seen += page.ids
        if page.next_after is None:
            break
        after = page.next_after
    assert len(seen) == len(set(seen)) == 7
    expected = sorted(seen, reverse=order == "recent")  # same due date: by id in urgency order
    assert seen == expected


@pytest.mark.parametrize(
    ("paused_at", "moves"),
    [
        ((1, 7, 0), True),  # on the due day, before the hall opens
        ((1, 19, 0), True),  # on the due day, after it closes
        ((2, 8, 30), False),  # the day after: already late, nothing moves
    ],
    ids=["due-day-before-opening", "due-day-after-closing", "day-after"],
)
def test_a_pause_on_the_due_day_moves_it_to_the_day_of_resumption(
    demo_ctx: AppContext, item: ItemVersionRecord, paused_at: tuple[int, int, int], moves: bool
) -> None:
    """Art. 45: time in corrections or a special procedure does not count. A case stopped on
    its due day had no working day left but was not late: it is due the day it resumes, and
    no overdue record is opened while it is stopped. Stopped a day late, it stays late."""
    from datetime import datetime

    from app.clock import DEFAULT_TZ
    from app.reports.daily_log import daily_log

    uow, clock = demo_ctx.uow, demo_ctx.clock
    me, boss = clerk(demo_ctx), login(uow(), "sunli", "demo-2026")

    def at(day: int, hour: int, minute: int = 0) -> None:
        clock.set(datetime(2026, 12, day, hour, minute, tzinfo=DEFAULT_TZ))  # type: ignore[attr-defined]

    accepted = service.accept_case(uow(), me, request(item))
    assert accepted.deadline.due == date(2026, 12, 1)
    case = service.start_case(uow(), me, accepted.case_id, 1)
    at(*paused_at)
    service.refresh_warnings(uow())
    case = queries.find_case_by_number(uow(), me, accepted.number)  # type: ignore[assignment]
    case = service.suspend_case(uow(), me, case.id, case.row_version, "corrections", "缺原件")
    at(2, 16)
    assert service.refresh_warnings(uow()).opened_records == 0  # stopped: no record
    at(3, 10)  # Thursday: the materials arrive
    case = service.resume_case(uow(), me, case.id, case.row_version, "补正材料已收齐")
    assert case.due_date == (date(2026, 12, 3) if moves else date(2026, 12, 1))
    service.refresh_warnings(uow())
    # Late before it stopped: its record was opened by the scan that morning, before the pause.
    assert len(queries.list_accountability(uow(), boss)) == (0 if moves else 1)
    # The log of each day sees the case as it stood then.
    cards = {
        day: (log.total("cases_yellow"), log.total("cases_red"))
        for day in (1, 2, 3)
        for log in [daily_log(uow(), boss, date(2026, 12, day))]
    }
    if moves:  # stopped at the end of 12-01 and 12-02; due (yellow) on 12-03
        assert cards == {1: (0, 0), 2: (0, 0), 3: (1, 0)}
    else:  # due on 12-01, then late: suspended late, it stays red
        assert cards == {1: (1, 0), 2: (0, 1), 3: (0, 1)}


def test_on_the_spot_means_decided_the_day_of_acceptance(demo_ctx: AppContext) -> None:
    """当场办结: a 0-day item decided the same hall day it was accepted. One decided the next
    morning is a decision, and a 0-day item that missed its promise, not done on the spot."""
    from datetime import datetime

    from app.clock import DEFAULT_TZ
    from app.reports.daily_log import daily_log, period_log

    uow, clock = demo_ctx.uow, demo_ctx.clock
    zero = make_item(demo_ctx, code="T-000", committed=0)
    me, boss = clerk(demo_ctx), login(uow(), "sunli", "demo-2026")
    at_once = service.accept_case(uow(), me, request(zero))
    next_day = service.accept_case(uow(), me, request(zero))
    clock.set(datetime(2026, 11, 24, 23, 30, tzinfo=DEFAULT_TZ))  # type: ignore[attr-defined]
    for accepted in (at_once, next_day):
        service.start_case(uow(), me, accepted.case_id, 1)
    service.decide_case(uow(), me, at_once.case_id, 2, "approved", "符合条件")
    clock.set(datetime(2026, 11, 25, 0, 30, tzinfo=DEFAULT_TZ))  # type: ignore[attr-defined]
    service.decide_case(uow(), me, next_day.case_id, 2, "approved", "符合条件")
    tuesday, wednesday = (daily_log(uow(), boss, date(2026, 11, d)) for d in (24, 25))
    assert (tuesday.total("cases_decided"), tuesday.total("cases_on_the_spot")) == (1, 1)
    assert (wednesday.total("cases_decided"), wednesday.total("cases_on_the_spot")) == (1, 0)
    both = period_log(uow(), boss, date(2026, 11, 24), date(2026, 11, 25))
    assert (both.total("cases_decided"), both.total("cases_on_the_spot")) == (2, 1)


def test_work_done_for_someone_else_shows_on_both_rows_of_the_log(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    """李娜, 张伟's B post, decides and delivers his case: the log counts the decision for her
    (办结, and 代他人办) and shows it on his row too (由他人代办)."""
    from app.reports.daily_log import daily_log

    uow = demo_ctx.uow
    zhang, li, boss = clerk(demo_ctx), clerk(demo_ctx, "lina"), login(uow(), "sunli", "demo-2026")
    accepted = service.accept_case(uow(), zhang, request(item))
    case = service.start_case(uow(), zhang, accepted.case_id, 1)
    case = service.decide_case(uow(), li, case.id, case.row_version, "approved", "符合条件")
    service.deliver_case(uow(), li, case.id, case.row_version, "pickup", "王𠇹", resident_id())
    log = daily_log(uow(), boss, date(2026, 11, 24))
    keys = ("cases_decided", "cases_delivered", "cases_for_others", "cases_by_others")
    rows: dict[str, list[int]] = {}
    for r in log.rows:  # 李娜 has a line at her own window and one at 张伟's (the case's)
        if r.staff_name in ("张伟", "李娜"):
            sums = rows.setdefault(r.staff_name, [0] * len(keys))
            for i, k in enumerate(keys):
                sums[i] += log.row_count(r, k) or 0
    assert rows == {"李娜": [1, 1, 2, 0], "张伟": [0, 0, 0, 2]}


def test_the_warning_counts_include_the_cases_a_b_post_stands_in_for(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    """The status bar counts what the work list shows: while 张伟 is away, 李娜 (his B post)
    counts his cases with hers."""
    from app.visits.absence import mark_away
    from app.visits.records import AbsenceInput

    uow, now = demo_ctx.uow, demo_ctx.clock.now()
    me, lina = clerk(demo_ctx), clerk(demo_ctx, "lina")
    service.accept_case(uow(), me, request(item))
    assert queries.warning_counts(uow(), lina)["normal"] == 0
    mark_away(uow(), me, AbsenceInput(me.staff_id, "training", now, now + timedelta(hours=4)))
    assert queries.warning_counts(uow(), lina)["normal"] == 1
    assert queries.warning_counts(uow(), me)["normal"] == 1  # still his own

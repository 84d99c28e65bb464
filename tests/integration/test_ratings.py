"""好差评 on SQLite and PostgreSQL: one rating per case, nobody rates their own service except on
paper, bad ratings open rectification items only a supervisor closes, appeals are decided."""

from __future__ import annotations

from datetime import date, timedelta
from typing import cast

import pytest

from app import audit, settings
from app.auth import login
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.errors import IllegalTransition, PermissionDenied, ValidationError
from app.feedback import appeals, ratings, rectifications
from app.feedback.records import (
    AppealKind,
    AppealState,
    NewRating,
    RatingLevel,
    RatingQuery,
    RatingSource,
    RectificationState,
    Subject,
    SubjectKind,
)
from tests.helpers.catalog import make_item
from tests.helpers.feedback import accept_as, staff


@pytest.fixture
def item(demo_ctx: AppContext) -> ItemVersionRecord:
    return make_item(demo_ctx)


def test_one_rating_per_case(demo_ctx: AppContext, item: ItemVersionRecord) -> None:
    ctx = demo_ctx
    case = Subject.case(accept_as(ctx, "zhangwei", item))
    zhang, lina = staff(ctx, "zhangwei"), staff(ctx, "lina")
    done = ratings.rate_on_citizen_screen(
        ctx.uow(), zhang, case, RatingLevel.VERY_SATISFIED, " 办得很快 "
    )
    assert done.rectification_id is None
    with pytest.raises(ValidationError, match="只能评价一次"):
        ratings.rate_on_citizen_screen(ctx.uow(), zhang, case, RatingLevel.DISSATISFIED)
    with pytest.raises(ValidationError, match="只能评价一次"):
        ratings.record_rating(ctx.uow(), lina, case, "dissatisfied", "", RatingSource.PHONE)
    stored = ratings.rating_for(ctx.uow(), zhang, case)
    assert stored is not None and stored.id == done.rating_id
    assert (stored.level, stored.comment, stored.source) == (
        RatingLevel.VERY_SATISFIED,
        "办得很快",
        RatingSource.CITIZEN_SCREEN,
    )
    assert stored.rated_staff_name == "张伟" and stored.window_number == 1
    assert ratings.count_ratings(ctx.uow(), zhang, RatingQuery()) == 1
    assert audit.verify(ctx.uow()).ok


def test_nobody_enters_a_non_paper_rating_of_their_own_service(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx = demo_ctx
    first = Subject.case(accept_as(ctx, "zhangwei", item))
    second = Subject.case(accept_as(ctx, "zhangwei", item))
    zhang, lina = staff(ctx, "zhangwei"), staff(ctx, "lina")
    with pytest.raises(PermissionDenied, match="不能为自己办理的业务录入评价"):
        ratings.record_rating(ctx.uow(), zhang, first, "very_satisfied", "", "phone")
    with pytest.raises(ValidationError, match="评价屏"):
        ratings.record_rating(ctx.uow(), lina, first, "satisfied", "", "citizen_screen")
    # Another counter's screen cannot rate zhangwei's service either.
    with pytest.raises(PermissionDenied, match="评价屏只能评价本窗口"):
        ratings.rate_on_citizen_screen(ctx.uow(), lina, first, "very_satisfied")
    # A paper form is allowed, and marked as paper; the rated one is who served.
    paper = ratings.record_rating(ctx.uow(), zhang, first, "satisfied", "纸质表", "paper")
    phone = ratings.record_rating(ctx.uow(), lina, second, "basic", "", "phone")
    rows = ratings.rating_rows(ctx.uow(), staff(ctx, "sunli"), [paper.rating_id, phone.rating_id])
    assert [(r.source, r.rated_staff_name, r.entered_by_name) for r in rows] == [
        (RatingSource.PAPER, "张伟", "张伟"),
        (RatingSource.PHONE, "张伟", "李娜"),
    ]
    # Clerks see only their own ratings.
    assert ratings.count_ratings(ctx.uow(), lina, RatingQuery()) == 0
    assert ratings.count_ratings(ctx.uow(), zhang, RatingQuery()) == 2


def test_the_citizen_screen_rates_only_todays_service(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx = demo_ctx
    case = Subject.case(accept_as(ctx, "zhangwei", item))
    ctx.clock.advance(timedelta(days=1))  # type: ignore[attr-defined]
    with pytest.raises(ValidationError, match="当天"):
        ratings.rate_on_citizen_screen(ctx.uow(), staff(ctx, "zhangwei"), case, "satisfied")


def test_bad_rating_opens_a_rectification_only_a_supervisor_closes(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx = demo_ctx
    case = Subject.case(accept_as(ctx, "zhangwei", item))  # Tue 2026-11-24
    zhang, boss = staff(ctx, "zhangwei"), staff(ctx, "sunli")
    done = ratings.rate_on_citizen_screen(ctx.uow(), zhang, case, "very_dissatisfied", "等太久")
    # Five working days (the default setting) after Tuesday 24 November.
    assert done.rectification_id is not None and done.rectification_due == date(2026, 12, 1)
    open_page = rectifications.page_rectification_ids(ctx.uow(), boss, "open")
    assert open_page.ids == [done.rectification_id]
    assert rectifications.page_rectification_ids(ctx.uow(), boss, "overdue").ids == []
    with pytest.raises(PermissionDenied):
        rectifications.close_rectification(
            ctx.uow(), zhang, done.rectification_id, "已改", date(2026, 11, 25), "满意", "resolved"
        )

    ctx.clock.advance(timedelta(days=8))  # type: ignore[attr-defined]  # Wed 2 December
    assert rectifications.page_rectification_ids(ctx.uow(), boss, "overdue").ids == [
        done.rectification_id
    ]
    with pytest.raises(ValidationError) as refused:
        rectifications.close_rectification(
            ctx.uow(), boss, done.rectification_id, "", date(2026, 12, 9), "", "none"
        )
    assert set(refused.value.errors) == {"note", "followup_result", "outcome", "followup_on"}
    rectifications.close_rectification(
        ctx.uow(),
        boss,
        done.rectification_id,
        "约谈当事人，调整叫号",
        date(2026, 12, 1),
        "电话回访，申请人表示理解",
        "explained",
    )
    [row] = rectifications.rectification_rows(ctx.uow(), boss, [done.rectification_id])
    assert row.state is RectificationState.CLOSED and row.closed_by_name == "孙丽"
    assert row.followup_on == date(2026, 12, 1) and not row.overdue
    assert rectifications.page_rectification_ids(ctx.uow(), boss, "closed").ids == [row.id]
    with pytest.raises(IllegalTransition, match="已办结”，不能关闭"):
        rectifications.close_rectification(
            ctx.uow(), boss, row.id, "再关", date(2026, 12, 1), "x", "resolved"
        )
    assert audit.verify(ctx.uow()).ok


def test_the_rectification_period_is_a_hall_setting(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx = demo_ctx
    admin = login(ctx.uow(), "admin", "admin-2026")
    settings.change(ctx.uow(), admin, {"rectification_working_days": "2"})
    case = Subject.case(accept_as(ctx, "zhangwei", item))
    done = ratings.record_rating(ctx.uow(), staff(ctx, "sunli"), case, "dissatisfied", "", "phone")
    assert done.rectification_due == date(2026, 11, 26)


def test_appeal_upheld_takes_the_rating_out_and_cancels_its_rectification(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    ctx = demo_ctx
    zhang, lina, boss = staff(ctx, "zhangwei"), staff(ctx, "lina"), staff(ctx, "sunli")
    upheld_case = Subject.case(accept_as(ctx, "zhangwei", item))
    rejected_case = Subject.case(accept_as(ctx, "zhangwei", item))
    bad = ratings.rate_on_citizen_screen(ctx.uow(), zhang, upheld_case, "very_dissatisfied")
    meh = ratings.rate_on_citizen_screen(ctx.uow(), zhang, rejected_case, "basic")

    with pytest.raises(PermissionDenied, match="本人"):
        appeals.appeal_rating(ctx.uow(), lina, bad.rating_id, "malicious", "不是我办的")
    with pytest.raises(ValidationError) as refused:
        appeals.appeal_rating(ctx.uow(), zhang, bad.rating_id, "spite", "")
    assert set(refused.value.errors) == {"kind", "reason"}
    first = appeals.appeal_rating(
        ctx.uow(), zhang, bad.rating_id, AppealKind.MISTAKEN, "申请人说按错了键，监控可证"
    )
    with pytest.raises(ValidationError, match="不能重复申诉"):
        appeals.appeal_rating(ctx.uow(), zhang, bad.rating_id, "malicious", "再申诉")
    second = appeals.appeal_rating(ctx.uow(), zhang, meh.rating_id, "malicious", "无理取闹")
    assert appeals.page_appeal_ids(ctx.uow(), boss).ids == [first, second]

    with pytest.raises(PermissionDenied):
        appeals.decide_appeal(ctx.uow(), lina, first, True, "同意")
    with pytest.raises(ValidationError):
        appeals.decide_appeal(ctx.uow(), boss, first, True, "  ")
    appeals.decide_appeal(ctx.uow(), boss, first, True, "经查看监控，确为误按")
    appeals.decide_appeal(ctx.uow(), boss, second, False, "评价属实，不予支持")
    with pytest.raises(IllegalTransition, match="已裁决（不成立）”，不能裁决为成立"):
        appeals.decide_appeal(ctx.uow(), boss, second, True, "改判")

    rows = {r.id: r for r in ratings.rating_rows(ctx.uow(), boss, [bad.rating_id, meh.rating_id])}
    assert rows[bad.rating_id].excluded and rows[bad.rating_id].appeal_state is AppealState.UPHELD
    assert rows[bad.rating_id].rectification_state is RectificationState.CANCELLED
    assert not rows[meh.rating_id].excluded
    assert rows[meh.rating_id].appeal_state is AppealState.REJECTED
    decided = appeals.appeal_rows(ctx.uow(), boss, [first, second])
    assert [(a.state, a.decided_by_name) for a in decided] == [
        (AppealState.UPHELD, "孙丽"),
        (AppealState.REJECTED, "孙丽"),
    ]
    assert appeals.page_appeal_ids(ctx.uow(), boss).ids == []
    assert rectifications.page_rectification_ids(ctx.uow(), boss, "open").ids == []
    assert audit.verify(ctx.uow()).ok


def test_a_second_rating_stored_in_a_race_is_refused_by_the_database(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    """Two counters checking at the same moment both find no rating; the unique constraint
    refuses the second insert and the transaction stays usable (a savepoint on PostgreSQL)."""
    ctx = demo_ctx
    case = Subject.case(accept_as(ctx, "zhangwei", item))
    zhang = staff(ctx, "zhangwei")
    new = NewRating(
        subject=case,
        site_id=zhang.site_id,
        level=RatingLevel.SATISFIED,
        comment="",
        source=RatingSource.PAPER,
        rated_staff_id=zhang.staff_id,
        window_id=zhang.window_id,
        entered_by=zhang.staff_id,
        rated_at=ctx.clock.now(),
    )
    uow = ctx.uow()
    with uow.write():
        first = uow.feedback.add_rating(new)
        assert first is not None
        assert uow.feedback.add_rating(new) is None
        stored = uow.feedback.rating_of(case)
        assert stored is not None and stored.id == first


def test_a_visit_answered_at_the_counter_is_rated_for_whoever_answered(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    """A consultation is a service too: rated once, for the one who gave the answer (here the
    B post covering for the first responder), listed under the visit's number."""
    from app.visits import service as visits
    from app.visits.records import OutcomeInput, VisitInput

    ctx = demo_ctx
    zhang, lina, boss = staff(ctx, "zhangwei"), staff(ctx, "lina"), staff(ctx, "sunli")
    ref = visits.register_visit(ctx.uow(), zhang, VisitInput(question="低保怎么申请？"))
    visit = Subject(SubjectKind.VISIT, ref.id)
    with pytest.raises(ValidationError, match="尚未办结"):
        ratings.record_rating(ctx.uow(), boss, visit, "satisfied", "", RatingSource.PHONE)
    # 李娜 is 张伟's B post: she answers for him
    visits.close_visit(ctx.uow(), lina, ref.id, OutcomeInput("answered", "带齐户口簿和收入证明"))
    with pytest.raises(PermissionDenied):  # the screen at 张伟's counter cannot rate 李娜
        ratings.rate_on_citizen_screen(ctx.uow(), zhang, visit, RatingLevel.SATISFIED)
    done = ratings.rate_on_citizen_screen(ctx.uow(), lina, visit, RatingLevel.VERY_DISSATISFIED)
    assert done.subject_label == ref.number and done.rectification_id is not None
    stored = ratings.rating_for(ctx.uow(), boss, visit)
    assert stored is not None and stored.subject_label == ref.number
    assert stored.rated_staff_name == "李娜" and stored.window_number == 2
    with pytest.raises(ValidationError, match="只能评价一次"):
        ratings.record_rating(ctx.uow(), boss, visit, "satisfied", "", RatingSource.PHONE)
    rows = ratings.rating_rows(
        ctx.uow(), boss, ratings.page_rating_ids(ctx.uow(), boss, RatingQuery()).ids
    )
    assert [r.subject_label for r in rows] == [ref.number]
    assert audit.verify(ctx.uow()).ok


def test_a_visit_that_became_an_application_is_rated_through_its_case(
    demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    from app.cases.queries import case_detail
    from app.visits import service as visits
    from app.visits.records import OutcomeInput, VisitInput

    ctx = demo_ctx
    zhang, boss = staff(ctx, "zhangwei"), staff(ctx, "sunli")
    ref = visits.register_visit(ctx.uow(), zhang, VisitInput(question="申请低保"))
    number = case_detail(ctx.uow(), zhang, accept_as(ctx, "zhangwei", item)).case.number
    visits.close_visit(
        ctx.uow(), zhang, ref.id, OutcomeInput("application", document_number=number)
    )
    visit = Subject(SubjectKind.VISIT, ref.id)
    with pytest.raises(ValidationError, match=f"已转为申请（{number}）"):
        ratings.record_rating(ctx.uow(), boss, visit, "satisfied", "", RatingSource.PHONE)


def test_a_day_range_pages_exactly_the_ratings_of_those_days(demo_ctx: AppContext) -> None:
    """A newest-first page with a day range walks only the ids of that range (read from the
    rating time's index): every rating of the days and no other, over every page, also when
    a rating's id is out of time order (one that arrived late in a township's bundle)."""
    from sqlalchemy import update

    from app.cases.deadlines import local_day
    from app.feedback.records import RatingView
    from db.models import Rating
    from db.store import SqlStore
    from sim.demo.activity import simulate

    end = date(2026, 11, 24)
    simulate(demo_ctx.uow, demo_ctx.clock, 6, 5, end)  # type: ignore[arg-type]
    boss = login(demo_ctx.uow(), "sunli", "demo-2026")

    def every(query: RatingQuery) -> list[RatingView]:
        found: list[RatingView] = []
        after: tuple[int, ...] | None = None
        while True:
            page = ratings.page_rating_ids(demo_ctx.uow(), boss, query, after, limit=7)
            found += ratings.rating_rows(demo_ctx.uow(), boss, page.ids)
            if page.next_after is None:
                return found
            after = page.next_after

    everything = every(RatingQuery())
    assert len(everything) > 30
    # The newest rating was given on the first simulated day (a late arrival).
    late = everything[0]
    first_day = min(local_day(r.rated_at) for r in everything)
    with cast(SqlStore, demo_ctx.store).engine.begin() as conn:
        conn.execute(
            update(Rating)
            .where(Rating.id == late.id)
            .values(rated_at=late.rated_at - (local_day(late.rated_at) - first_day))
        )
    everything = every(RatingQuery())
    days = sorted({local_day(r.rated_at) for r in everything})
    assert local_day(everything[0].rated_at) == days[0]
    for low, high in [(days[0], days[0]), (days[1], days[-2]), (days[-1], days[-1])]:
        for levels in (frozenset(), frozenset({RatingLevel.VERY_SATISFIED})):
            query = RatingQuery(levels=levels, from_day=low, to_day=high)
            want = [
                r.id
                for r in everything
                if low <= local_day(r.rated_at) <= high and (not levels or r.level in levels)
            ]
            assert [r.id for r in every(query)] == want, (low, high, levels)
            assert ratings.count_ratings(demo_ctx.uow(), boss, query) == len(want)
    empty = RatingQuery(from_day=days[-1] + timedelta(days=30))
    assert every(empty) == [] and ratings.count_ratings(demo_ctx.uow(), boss, empty) == 0

"""A record belongs to the site that made it (``site_id``): only that site changes it. A county
holds its townships' visits, referrals, complaints, ratings, rectification items, appeals and
one-time notices (they arrive in the up bundles), and a township holds what the county sent down
of its own; a change made at the other site would never travel back, or would collide with the
owner's own change. Every service that changes such a record refuses at another site, naming
the owner (app.site_rules ``require_own_record``), and changes nothing; the owner still acts.

The demo county and a township share one database (tests/helpers/township.py): the records of
the other site are there as a county holds its townships' (tests/integration/
test_sync_foreign_records.py carries them in a real bundle). Appointments and agency cases
already refused before the rule: pinned at the end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast

import pytest
from sqlalchemy import text

from app.agency import service as agency
from app.agency.records import AgencyTerms, StepInput
from app.appointments import service as appointments
from app.auth import login
from app.cases import queries
from app.cases.records import AcceptRequest, ApplicantInput
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.errors import NotFound, PermissionDenied, ValidationError
from app.feedback import appeals, complaints, ratings, rectifications
from app.feedback.records import ComplaintInput, ComplaintTarget, Subject
from app.notices import service as notices
from app.notices.records import NoticeRequest
from app.roles import Actor
from app.staff import disable_staff, reset_password, set_backup
from app.visits import service as visits
from app.visits.absence import mark_away
from app.visits.records import AbsenceInput, OutcomeInput, ReferralInput, VisitInput
from db.store import SqlStore
from tests.helpers.appointments import book, make_schedule
from tests.helpers.catalog import resident_id
from tests.helpers.township import PASSWORD, accept_here, add_township, county_item

TABLES = (
    "visit",
    "referral",
    "visit_event",
    "complaint",
    "complaint_note",
    "rating",
    "rectification",
    "rating_appeal",
    "notice",
    "extra_demand",
    "case_file",
    "accountability_record",
    "appointment",
    "agency_step",
    "audit_head",
)


@dataclass(frozen=True)
class Hall:
    """One site's two people: its clerk and its supervisor."""

    code: str
    clerk: Actor
    boss: Actor


@dataclass(frozen=True)
class Records:
    """One of each record a site makes, in a state where its owner may act on it."""

    open_visit: int
    closed_visit: int
    referral: int
    outside_referral: int
    complaint: int
    rating: int
    unappealed_rating: int
    rectification: int
    appeal: int
    unrated_case: int
    notice: int
    item: ItemVersionRecord


def _halls(ctx: AppContext) -> tuple[Hall, Hall]:
    add_township(ctx)
    county = Hall(
        "QH",
        login(ctx.uow(), "zhangwei", "demo-2026"),
        login(ctx.uow(), "sunli", "demo-2026"),
    )
    town = Hall(
        "XZ",
        login(ctx.uow(), "xzclerk", PASSWORD),
        login(ctx.uow(), "xzclerkboss", PASSWORD),
    )
    return county, town


def _case_id(ctx: AppContext, actor: Actor, number: str) -> int:
    case = queries.find_case_by_number(ctx.uow(), actor, number)
    assert case is not None
    return case.id


def _make_records(ctx: AppContext, hall: Hall, item: ItemVersionRecord) -> Records:
    clerk, boss = hall.clerk, hall.boss
    open_visit = visits.register_visit(ctx.uow(), clerk, VisitInput("取水许可要带什么材料")).id
    closed_visit = visits.register_visit(
        ctx.uow(), clerk, VisitInput("办公时间", answer="工作日 9:00-17:00")
    ).id
    referred = visits.register_visit(ctx.uow(), clerk, VisitInput("需负责人答复的问题")).id
    referral = visits.refer_visit(
        ctx.uow(), clerk, referred, ReferralInput(to_staff_id=boss.staff_id, reason="请负责人答复")
    ).id
    sent_out = visits.register_visit(ctx.uow(), clerk, VisitInput("社保卡补办")).id
    outside = visits.refer_visit(
        ctx.uow(),
        clerk,
        sent_out,
        ReferralInput(
            kind="external",
            to_body="县人社局",
            to_contact="0551-1234567 县府路1号",
            reason="不属本中心",
        ),
    ).id
    complaint = complaints.register_complaint(
        ctx.uow(), boss, ComplaintInput(ComplaintTarget.STAFF, "态度生硬", staff_id=clerk.staff_id)
    ).complaint_id
    rated_case = _case_id(ctx, clerk, accept_here(ctx, clerk, item))
    rated = ratings.record_rating(
        ctx.uow(), boss, Subject.case(rated_case), "dissatisfied", "等了很久", "paper"
    )
    assert rated.rectification_id is not None
    appeal = appeals.appeal_rating(ctx.uow(), clerk, rated.rating_id, "mistaken", "申请人按错了")
    other_case = _case_id(ctx, clerk, accept_here(ctx, clerk, item))
    unappealed = ratings.record_rating(
        ctx.uow(), boss, Subject.case(other_case), "very_dissatisfied", "没人理", "paper"
    ).rating_id
    unrated = _case_id(ctx, clerk, accept_here(ctx, clerk, item))
    notice = notices.issue_one_time_notice(ctx.uow(), clerk, _notice_request(item)).notice_id
    return Records(
        open_visit,
        closed_visit,
        referral,
        outside,
        complaint,
        rated.rating_id,
        unappealed,
        rated.rectification_id,
        appeal,
        unrated,
        notice,
        item,
    )


def _ids(item: ItemVersionRecord) -> dict[str, int]:
    return {m.name: m.id for m in item.materials}


def _notice_request(item: ItemVersionRecord) -> NoticeRequest:
    ids = _ids(item)
    return NoticeRequest(
        item_version_id=item.id,
        applicant=ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678"),
        received_material_ids=frozenset({ids["居民身份证"]}),
        not_applicable_material_ids=frozenset({ids["收入证明"]}),
    )


def _complete(item: ItemVersionRecord) -> AcceptRequest:
    ids = _ids(item)
    return AcceptRequest(
        item_version_id=item.id,
        applicant=ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678"),
        received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
        not_applicable_material_ids=frozenset({ids["收入证明"]}),
    )


Action = Callable[[AppContext, Actor, Records], Any]

# name -> (who acts at the owner's site, the action); the other site's supervisor is refused
ACTIONS: dict[str, tuple[str, Action]] = {
    "close_visit": (
        "clerk",
        lambda c, a, r: visits.close_visit(
            c.uow(), a, r.open_visit, OutcomeInput("answered", answer="带身份证和户口簿")
        ),
    ),
    "refer_visit": (
        "clerk",
        lambda c, a, r: visits.refer_visit(
            c.uow(), a, r.open_visit, ReferralInput(to_window_number=1, reason="转综合窗口")
        ),
    ),
    "reopen_visit": (
        "clerk",
        lambda c, a, r: visits.reopen_visit(c.uow(), a, r.closed_visit, "群众又来电询问"),
    ),
    "acknowledge_referral": (
        "boss",
        lambda c, a, r: visits.acknowledge_referral(c.uow(), a, r.referral, "已接待"),
    ),
    "recall_referral": (
        "clerk",
        lambda c, a, r: visits.recall_referral(c.uow(), a, r.referral, "群众返回首问窗口"),
    ),
    "confirm_outside_referral": (
        "clerk",
        lambda c, a, r: visits.confirm_outside_referral(
            c.uow(), a, r.outside_referral, "电话确认县人社局受理"
        ),
    ),
    "add_investigation_note": (
        "boss",
        lambda c, a, r: complaints.add_investigation_note(c.uow(), a, r.complaint, "调取录像"),
    ),
    "conclude_complaint": (
        "boss",
        lambda c, a, r: complaints.conclude_complaint(
            c.uow(), a, r.complaint, False, "录像显示态度正常", "向投诉人解释"
        ),
    ),
    "record_rating": (
        "boss",
        lambda c, a, r: ratings.record_rating(
            c.uow(), a, Subject.case(r.unrated_case), "satisfied", "", "paper"
        ),
    ),
    "rate_on_citizen_screen": (
        "clerk",
        lambda c, a, r: ratings.rate_on_citizen_screen(
            c.uow(), a, Subject.case(r.unrated_case), "very_satisfied"
        ),
    ),
    "appeal_rating": (
        "clerk",
        lambda c, a, r: appeals.appeal_rating(c.uow(), a, r.unappealed_rating, "malicious", "恶意"),
    ),
    "decide_appeal": (
        "boss",
        lambda c, a, r: appeals.decide_appeal(c.uow(), a, r.appeal, True, "申请人确认按错"),
    ),
    "close_rectification": (
        "boss",
        lambda c, a, r: rectifications.close_rectification(
            c.uow(),
            a,
            r.rectification,
            "已向申请人致歉",
            c.clock.now().date(),
            "申请人表示理解",
            "explained",
        ),
    ),
    "accept_with_notice": (
        "clerk",
        lambda c, a, r: notices.accept_with_notice(c.uow(), a, r.notice, _complete(r.item)),
    ),
    "record_extra_demand": (
        "clerk",
        lambda c, a, r: notices.record_extra_demand(
            c.uow(), a, r.notice, _ids(r.item)["收入证明"], "申请人说明有工作收入"
        ),
    ),
}


def _picture(ctx: AppContext) -> dict[str, list[tuple[Any, ...]]]:
    with cast(SqlStore, ctx.store).engine.connect() as conn:
        return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}"))] for t in TABLES}


@pytest.fixture(params=["township's at the county", "county's at a township"])
def world(
    request: pytest.FixtureRequest, sqlite_demo_ctx: AppContext
) -> tuple[AppContext, Hall, Hall, Records]:
    """(ctx, the owner, the other site, the owner's records)."""
    ctx = sqlite_demo_ctx
    county, town = _halls(ctx)
    owner, other = (town, county) if request.param.startswith("township") else (county, town)
    return ctx, owner, other, _make_records(ctx, owner, county_item(ctx))


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_another_sites_record_is_refused_naming_its_owner(
    world: tuple[AppContext, Hall, Hall, Records], action: str
) -> None:
    ctx, owner, other, records = world
    _who, act = ACTIONS[action]
    before = _picture(ctx)
    with pytest.raises(PermissionDenied, match=rf"属于.*（{owner.code}）.*只能查看"):
        act(ctx, other.boss, records)
    assert _picture(ctx) == before


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_the_owner_still_acts(sqlite_demo_ctx: AppContext, action: str) -> None:
    ctx = sqlite_demo_ctx
    _county, town = _halls(ctx)
    records = _make_records(ctx, town, county_item(ctx))
    who, act = ACTIONS[action]
    before = _picture(ctx)
    act(ctx, town.clerk if who == "clerk" else town.boss, records)
    assert _picture(ctx) != before


def test_the_other_site_still_reads_the_records(
    world: tuple[AppContext, Hall, Hall, Records],
) -> None:
    ctx, _owner, other, records = world
    detail = visits.visit_detail(ctx.uow(), other.boss, records.open_visit)
    assert detail.visit.id == records.open_visit
    assert detail.actions == frozenset()  # the visit window shows no buttons
    assert (
        complaints.get_complaint(ctx.uow(), other.boss, records.complaint).id == records.complaint
    )
    assert rectifications.rectification_for(ctx.uow(), other.boss, records.rating) is not None
    assert notices.get_notice(ctx.uow(), other.boss, records.notice).id == records.notice


# -- already refused before the rule: pinned -----------------------------------------------


def test_another_sites_appointment_is_not_found_and_its_day_not_marked(
    sqlite_demo_ctx: AppContext,
) -> None:
    """app.appointments.service ``_load`` answers NotFound for another site's appointment (its
    reading too: the appointments page lists the hall's own day), and ``mark_no_shows`` walks
    only the actor's own site's day."""
    ctx = sqlite_demo_ctx
    county, _town = _halls(ctx)
    schedule = make_schedule(ctx)
    day = ctx.clock.now().date() + timedelta(days=1)  # a Wednesday
    booked = book(ctx, schedule, day, 9 * 60)
    town_boss = login(ctx.uow(), "xzclerkboss", PASSWORD)
    found = appointments.get_appointment(ctx.uow(), county.boss, booked.appointment_id)
    before = _picture(ctx)
    for act in (
        lambda: appointments.cancel_appointment(
            ctx.uow(), town_boss, found.id, found.row_version, "群众来电取消"
        ),
        lambda: appointments.check_in_appointment(
            ctx.uow(), town_boss, found.id, found.row_version
        ),
        lambda: appointments.move_appointment(
            ctx.uow(), town_boss, found.id, found.row_version, day, found.start_minute + 30
        ),
    ):
        with pytest.raises(NotFound, match="没有编号为"):
            act()
    ctx.clock.advance(timedelta(days=(day - ctx.clock.now().date()).days + 1))  # type: ignore[attr-defined]
    assert appointments.mark_no_shows(ctx.uow(), town_boss, day) == 0
    assert _picture(ctx) == before
    assert appointments.mark_no_shows(ctx.uow(), county.boss, day) == 1


def test_another_sites_agency_case_is_refused_by_the_case_owner_rule(
    sqlite_demo_ctx: AppContext,
) -> None:
    """Agency work goes through ``may_act`` (app.cases.ownership ``require_owner``)."""
    ctx = sqlite_demo_ctx
    county, town = _halls(ctx)
    item = county_item(ctx)
    case_id = _case_id(ctx, town.clerk, accept_here(ctx, town.clerk, item))
    case = queries.case_detail(ctx.uow(), town.clerk, case_id).case
    terms = AgencyTerms(
        agent_id=town.clerk.staff_id,
        reason="elderly",
        authorised_on=ctx.clock.now().date(),
        scope="代为领取结果",
        document_ref="委托书 2026-001",
    )
    agency.take_on_agency(ctx.uow(), town.clerk, case_id, case.row_version, terms)
    before = _picture(ctx)
    with pytest.raises(PermissionDenied, match=r"此案件现由.*（XZ）"):
        agency.record_agency_step(
            ctx.uow(), county.boss, case_id, StepInput("县水利局", "递交申请", "已受理")
        )
    assert _picture(ctx) == before


def test_another_sites_staff_are_not_paired_nor_marked_away(sqlite_demo_ctx: AppContext) -> None:
    """AB岗 set-up: the county holds its townships' staff (named by their records), but pairs
    and marks away only its own; a B post is of the same site. Marking away already refused
    another site's staff (app.visits.absence ``mark_away``: NotFound)."""
    ctx = sqlite_demo_ctx
    county, town = _halls(ctx)

    def staff_rows() -> list[tuple[Any, ...]]:
        with cast(SqlStore, ctx.store).engine.connect() as conn:
            return [
                tuple(r)
                for r in conn.execute(text("SELECT id, backup_staff_id FROM staff ORDER BY id"))
            ] + [tuple(r) for r in conn.execute(text("SELECT * FROM staff_absence"))]

    before = staff_rows()
    with pytest.raises(PermissionDenied, match=r"工作人员 xzclerk 属于新庄镇便民服务中心（XZ）"):
        set_backup(ctx.uow(), county.boss, "xzclerk", "xzclerkboss")
    with pytest.raises(ValidationError, match="B 岗须为本中心的工作人员"):
        set_backup(ctx.uow(), town.boss, "xzclerk", "zhangwei")
    now = ctx.clock.now()
    away = AbsenceInput(town.clerk.staff_id, "leave", now, now + timedelta(hours=2))
    with pytest.raises(NotFound, match="没有这位工作人员"):
        mark_away(ctx.uow(), county.boss, away)
    assert staff_rows() == before

    set_backup(ctx.uow(), town.boss, "xzclerk", "xzclerkboss")
    assert mark_away(ctx.uow(), town.boss, away) > 0


def test_another_sites_staff_are_neither_reset_nor_disabled(sqlite_demo_ctx: AppContext) -> None:
    """The county's administrator manages the county's accounts; a township's staff held there
    are the township's records (its own administrator resets and disables them)."""
    ctx = sqlite_demo_ctx
    _halls(ctx)
    admin = login(ctx.uow(), "admin", "admin-2026")

    def staff_rows() -> list[tuple[Any, ...]]:
        with cast(SqlStore, ctx.store).engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text("SELECT * FROM staff ORDER BY id"))]

    before = staff_rows()
    with pytest.raises(PermissionDenied, match=r"工作人员 xzclerk 属于新庄镇便民服务中心（XZ）"):
        reset_password(ctx.uow(), admin, "xzclerk", "new-pass-2026")
    with pytest.raises(PermissionDenied, match=r"工作人员 xzclerk 属于新庄镇便民服务中心（XZ）"):
        disable_staff(ctx.uow(), admin, "xzclerk")
    assert staff_rows() == before
    reset_password(ctx.uow(), admin, "zhangwei", "new-pass-2026")  # the county's own
    disable_staff(ctx.uow(), admin, "zhangwei")


def _breach_record(ctx: AppContext, owner: Hall, records: Records) -> int:
    """The breach record an extra demand opens at the owner's site (no case: its notice's)."""
    notices.record_extra_demand(
        ctx.uow(), owner.clerk, records.notice, _ids(records.item)["收入证明"], "漏告知收入证明"
    )
    with cast(SqlStore, ctx.store).engine.connect() as conn:
        found = conn.execute(
            text("SELECT id FROM accountability_record WHERE kind = 'breach' AND notice_id = :n"),
            {"n": records.notice},
        ).scalar_one()
    return int(found)


def test_a_breach_record_is_reviewed_only_where_its_notice_was_made(
    world: tuple[AppContext, Hall, Hall, Records],
) -> None:
    """A breach of the one-time rule has no case: its record belongs to the notice's site, and a
    review elsewhere would go back in a bundle over the owner's own review."""
    from app.cases.accountability import review_accountability

    ctx, owner, other, records = world
    record = _breach_record(ctx, owner, records)
    before = _picture(ctx)
    with pytest.raises(PermissionDenied, match=rf"责任追究记录 .* 属于.*（{owner.code}）"):
        review_accountability(ctx.uow(), other.boss, record, "staff", "漏告知", "批评教育")
    assert _picture(ctx) == before
    review_accountability(ctx.uow(), owner.boss, record, "staff", "漏告知", "批评教育")
    assert _picture(ctx) != before

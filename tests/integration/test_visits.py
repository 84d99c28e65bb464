"""First-inquiry responsibility on SQLite and PostgreSQL: register, refer, acknowledge, the
chain, no silent ending, the A/B post, the supervisor's overdue list, the one search box."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import audit, settings
from app.auth import login
from app.cases import queries
from app.cases import service as cases
from app.cases.records import AcceptRequest, ApplicantInput
from app.clock import DEFAULT_TZ, ManualClock
from app.context import AppContext
from app.errors import IllegalTransition, PermissionDenied, ValidationError
from app.printing.kinds import DocumentKind
from app.roles import Actor
from app.signing import sign_document
from app.visits import absence, service, worklist
from app.visits.lifecycle import Outcome, ReferralState, VisitAction, VisitState
from app.visits.records import AbsenceInput, OutcomeInput, ReferralInput, VisitInput
from tests.helpers.catalog import make_item, resident_id

VISITOR = VisitInput(
    question="城乡居民养老保险怎么参保？",
    visit_type="consultation",
    visitor_name="王𠇹",
    phone="13812345678",
    id_number=resident_id(),
)


def clerk(ctx: AppContext, name: str) -> Actor:
    return login(ctx.uow(), name, "demo-2026")


def clock_of(ctx: AppContext) -> ManualClock:
    assert isinstance(ctx.clock, ManualClock)
    return ctx.clock


def queue_visits(ctx: AppContext, actor: Actor) -> list[str]:
    queue = worklist.my_queue(ctx.uow(), actor)
    page = worklist.page_visit_ids(ctx.uow(), actor, queue.visits())
    return [r.number for r in worklist.visit_rows(ctx.uow(), actor, page.ids)]


def waiting_referrals(ctx: AppContext, actor: Actor) -> list[str]:
    queue = worklist.my_queue(ctx.uow(), actor)
    page = worklist.page_referral_ids(ctx.uow(), actor, queue.referrals())
    return [r.number for r in worklist.referral_rows(ctx.uow(), actor, page.ids)]


def audit_summaries(ctx: AppContext, action: str) -> list[dict[str, object]]:
    boss = clerk(ctx, "sunli")
    events = audit.list_events(ctx.uow(), boss, 500)
    return [json.loads(e.summary) for e in events if e.action == action]


def test_referral_is_acknowledged_and_the_chain_shows_who_held_it(demo_ctx: AppContext) -> None:
    a, b = clerk(demo_ctx, "zhangwei"), clerk(demo_ctx, "wangfang")
    visit = service.register_visit(demo_ctx.uow(), a, VISITOR)
    assert visit.number == "QH-V20261124-0001"
    clock_of(demo_ctx).advance(timedelta(minutes=3))
    referral = service.refer_visit(
        demo_ctx.uow(),
        a,
        visit.id,
        ReferralInput(to_staff_id=b.staff_id, item_code="RS-001", reason="社保业务由3号窗口办理"),
    )
    assert referral.number == "QH-F20261124-0001"
    # Two working hours from 09:33 on a Tuesday.
    assert referral.due_at == datetime(2026, 11, 24, 11, 33, tzinfo=DEFAULT_TZ)
    assert queue_visits(demo_ctx, a) == [visit.number]  # still A's until acknowledged
    assert waiting_referrals(demo_ctx, b) == [referral.number]
    assert waiting_referrals(demo_ctx, clerk(demo_ctx, "lina")) == []

    clock_of(demo_ctx).advance(timedelta(minutes=12))
    held = service.acknowledge_referral(demo_ctx.uow(), b, referral.id)
    assert held.holder_name == "王芳" and held.state is VisitState.OPEN
    assert queue_visits(demo_ctx, a) == [] and waiting_referrals(demo_ctx, b) == []
    assert queue_visits(demo_ctx, b) == [visit.number]
    chain = [(e.action, e.staff_name, e.holder_name) for e in held.chain]
    assert chain == [
        (VisitAction.REGISTER, "张伟", "张伟"),
        (VisitAction.REFER, "张伟", "张伟"),
        (VisitAction.ACKNOWLEDGE, "王芳", "王芳"),
    ]
    times = [e.at.astimezone(DEFAULT_TZ).time() for e in held.chain]
    assert times == [time(9, 30), time(9, 33), time(9, 45)]
    assert held.referrals[0].state is ReferralState.ACKNOWLEDGED
    with pytest.raises(ValidationError, match="已由王芳"):  # acknowledged once only
        service.acknowledge_referral(demo_ctx.uow(), b, referral.id)


def test_only_the_receiver_or_their_backup_acknowledges(demo_ctx: AppContext) -> None:
    a, b = clerk(demo_ctx, "zhangwei"), clerk(demo_ctx, "wangfang")
    visit = service.register_visit(demo_ctx.uow(), a, VISITOR)
    referral = service.refer_visit(
        demo_ctx.uow(), a, visit.id, ReferralInput(to_window_number=3, reason="社保")
    )
    with pytest.raises(PermissionDenied):
        service.acknowledge_referral(demo_ctx.uow(), clerk(demo_ctx, "chenjing"), referral.id)
    admin = login(demo_ctx.uow(), "admin", "admin-2026")
    with pytest.raises(ValidationError) as refused:
        service.refer_visit(
            demo_ctx.uow(), a, visit.id, ReferralInput(to_staff_id=admin.staff_id, reason="x")
        )
    assert set(refused.value.errors) == {"to_staff"}
    # Window 3 is 王芳's; 刘洋 is her B post and acknowledges for her.
    held = service.acknowledge_referral(demo_ctx.uow(), clerk(demo_ctx, "liuyang"), referral.id)
    assert held.holder_name == "王芳"
    assert held.chain[-1].on_behalf_of == b.staff_id and held.chain[-1].staff_name == "刘洋"


def test_a_visit_never_ends_without_an_outcome_and_reopening_keeps_history(
    demo_ctx: AppContext,
) -> None:
    a = clerk(demo_ctx, "zhangwei")
    visit = service.register_visit(demo_ctx.uow(), a, VISITOR)
    with pytest.raises(ValidationError) as refused:
        service.close_visit(demo_ctx.uow(), a, visit.id, None)
    assert set(refused.value.errors) == {"outcome"}
    with pytest.raises(ValidationError) as refused:
        service.close_visit(demo_ctx.uow(), a, visit.id, OutcomeInput(None))
    assert set(refused.value.errors) == {"outcome"}
    with pytest.raises(ValidationError) as refused:
        service.close_visit(demo_ctx.uow(), a, visit.id, OutcomeInput("answered", answer=" "))
    assert set(refused.value.errors) == {"answer"}
    with pytest.raises(ValidationError) as refused:
        service.close_visit(demo_ctx.uow(), a, visit.id, OutcomeInput("application"))
    assert set(refused.value.errors) == {"document_number"}
    still = service.visit_detail(demo_ctx.uow(), a, visit.id).visit
    assert still.state is VisitState.OPEN and len(still.chain) == 1

    closed = service.close_visit(
        demo_ctx.uow(), a, visit.id, OutcomeInput("answered", "请到3号窗口参保", "RS-001")
    )
    assert closed.outcome is Outcome.ANSWERED and closed.guide_code == "RS-001"
    reopened = service.reopen_visit(demo_ctx.uow(), a, visit.id, "来访人又来电，尚有疑问")
    assert reopened.state is VisitState.OPEN and reopened.outcome is None
    actions = [e.action for e in reopened.chain]
    assert actions == [VisitAction.REGISTER, VisitAction.ANSWER, VisitAction.REOPEN]
    assert reopened.chain[1].reason == "请到3号窗口参保"  # the first outcome stays on the chain
    assert reopened.chain[2].detail == {"outcome": "answered", "ref": ""}
    with pytest.raises(IllegalTransition):
        service.reopen_visit(demo_ctx.uow(), a, visit.id, "再开一次")


def test_the_chain_cannot_be_edited_in_the_database(demo_ctx: AppContext) -> None:
    service.register_visit(demo_ctx.uow(), clerk(demo_ctx, "zhangwei"), VISITOR)
    engine = demo_ctx.store.engine  # type: ignore[attr-defined]
    for statement in ("UPDATE visit_event SET reason = 'x'", "DELETE FROM visit_event"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM visit_event")).scalar() == 1


def test_overdue_referral_rises_to_the_top_and_reaches_the_supervisor(
    demo_ctx: AppContext,
) -> None:
    a, b = clerk(demo_ctx, "zhangwei"), clerk(demo_ctx, "wangfang")
    first = service.register_visit(demo_ctx.uow(), a, VisitInput(question="老年证在哪办？"))
    clock_of(demo_ctx).advance(timedelta(minutes=5))
    second = service.register_visit(demo_ctx.uow(), a, VISITOR)
    service.refer_visit(
        demo_ctx.uow(), a, second.id, ReferralInput(to_staff_id=b.staff_id, reason="社保")
    )
    assert queue_visits(demo_ctx, a) == [first.number, second.number]  # oldest first
    boss = clerk(demo_ctx, "sunli")
    overdue = worklist.overdue_referrals(demo_ctx.uow(), boss)
    assert worklist.count_referrals(demo_ctx.uow(), boss, overdue) == 0

    clock_of(demo_ctx).advance(timedelta(hours=3))  # 12:35: past the two working hours
    assert queue_visits(demo_ctx, a) == [second.number, first.number]
    rows = worklist.visit_rows(demo_ctx.uow(), a, [second.id])
    assert rows[0].overdue and rows[0].referral_destination.endswith("王芳")
    overdue = worklist.overdue_referrals(demo_ctx.uow(), boss)
    page = worklist.page_referral_ids(demo_ctx.uow(), boss, overdue)
    assert [r.visitor_name for r in worklist.referral_rows(demo_ctx.uow(), boss, page.ids)] == [
        "王𠇹"
    ]
    with pytest.raises(PermissionDenied):
        worklist.page_referral_ids(demo_ctx.uow(), a, overdue)


def test_the_limit_is_a_setting(demo_ctx: AppContext) -> None:
    admin = login(demo_ctx.uow(), "admin", "admin-2026")
    settings.change(demo_ctx.uow(), admin, {"referral_ack_hours": "1", "hall_hours": "9:00-10:00"})
    with pytest.raises(ValidationError) as refused:
        settings.change(demo_ctx.uow(), admin, {"hall_hours": "10:00-09:00"})
    assert set(refused.value.errors) == {"hall_hours"}
    a = clerk(demo_ctx, "zhangwei")
    visit = service.register_visit(demo_ctx.uow(), a, VISITOR)
    referral = service.refer_visit(
        demo_ctx.uow(), a, visit.id, ReferralInput(to_window_number=3, reason="社保")
    )
    # 09:30 Tuesday + 1 working hour, the hall open 09:00-10:00: Wednesday 09:30.
    assert referral.due_at == datetime(2026, 11, 25, 9, 30, tzinfo=DEFAULT_TZ)


def test_away_clerks_work_is_in_the_backups_queue_and_done_on_their_behalf(
    demo_ctx: AppContext,
) -> None:
    a, b = clerk(demo_ctx, "zhangwei"), clerk(demo_ctx, "lina")  # lina is zhangwei's B post
    item = make_item(demo_ctx)
    ids = {m.name: m.id for m in item.materials}
    case = cases.accept_case(
        demo_ctx.uow(),
        a,
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name="李𪚥", id_number=resident_id(), phone="13912345678"),
            received_material_ids=frozenset({ids["居民身份证"]}),
            deferred_material_ids=frozenset({ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
            deferred_supply_by=datetime(2026, 11, 26).date(),
            applicant_commitment="三日内补交户口簿",
        ),
    )
    own_visit = service.register_visit(demo_ctx.uow(), a, VISITOR)
    wang = clerk(demo_ctx, "wangfang")
    other = service.register_visit(demo_ctx.uow(), wang, VisitInput(question="低保怎么申请？"))
    to_a = service.refer_visit(
        demo_ctx.uow(), wang, other.id, ReferralInput(to_staff_id=a.staff_id, reason="低保")
    )
    assert queue_visits(demo_ctx, b) == [] and waiting_referrals(demo_ctx, b) == []

    with pytest.raises(PermissionDenied):  # a clerk marks only themself away
        absence.mark_away(
            demo_ctx.uow(),
            wang,
            AbsenceInput(a.staff_id, "leave", demo_ctx.clock.now(), demo_ctx.clock.now()),
        )
    now = demo_ctx.clock.now()
    absence.mark_away(
        demo_ctx.uow(), a, AbsenceInput(a.staff_id, "training", now, now + timedelta(hours=6))
    )
    queue = worklist.my_queue(demo_ctx.uow(), b)
    assert queue.staff_ids == {a.staff_id, b.staff_id}
    assert [s.staff_name for s in queue.standing_in] == ["张伟"]
    assert queue_visits(demo_ctx, b) == [own_visit.number]
    assert waiting_referrals(demo_ctx, b) == [to_a.number]
    case_page = queries.page_case_ids(demo_ctx.uow(), b, queue.cases())
    assert case_page.ids == [case.case_id]
    deferred = worklist.page_deferred_ids(demo_ctx.uow(), b, queue.staff_ids)
    rows = worklist.deferred_rows(demo_ctx.uow(), b, deferred.ids)
    assert [(r.case_number, r.materials) for r in rows] == [(case.number, ("户口簿",))]

    held = service.acknowledge_referral(demo_ctx.uow(), b, to_a.id)
    assert held.holder_id == a.staff_id and held.chain[-1].on_behalf_of == a.staff_id
    answered = service.close_visit(
        demo_ctx.uow(), b, own_visit.id, OutcomeInput("answered", answer="已答复")
    )
    assert answered.chain[-1].staff_name == "李娜" and answered.chain[-1].on_behalf_name == "张伟"
    record = queries.case_detail(demo_ctx.uow(), b, case.case_id).case
    moved = cases.start_case(demo_ctx.uow(), b, case.case_id, record.row_version)
    assert moved.events[-1].on_behalf_of == a.staff_id
    assert audit_summaries(demo_ctx, "referral_acknowledged")[0]["on_behalf_of"] == [
        None,
        a.staff_id,
    ]
    assert audit_summaries(demo_ctx, "visit_answer")[0]["on_behalf_of"] == [None, a.staff_id]
    assert audit_summaries(demo_ctx, "case_start")[0]["on_behalf_of"] == [None, a.staff_id]

    back = absence.current_absences(demo_ctx.uow(), b)[0]
    absence.end_absence(demo_ctx.uow(), a, back.id)
    assert worklist.my_queue(demo_ctx.uow(), b).staff_ids == {b.staff_id}
    assert queue_visits(demo_ctx, a) == [other.number]  # held by A's post, back with A


def test_away_needs_a_backup_and_does_not_overlap(demo_ctx: AppContext) -> None:
    boss = clerk(demo_ctx, "sunli")
    now = demo_ctx.clock.now()
    staff_id = clerk(demo_ctx, "zhaolei").staff_id
    absence.mark_away(
        demo_ctx.uow(), boss, AbsenceInput(staff_id, "field_visit", now, now + timedelta(days=1))
    )
    with pytest.raises(ValidationError) as refused:
        absence.mark_away(
            demo_ctx.uow(),
            boss,
            AbsenceInput(staff_id, "leave", now + timedelta(hours=2), now + timedelta(days=2)),
        )
    assert set(refused.value.errors) == {"starts_at"}
    with pytest.raises(ValidationError) as refused:
        absence.mark_away(demo_ctx.uow(), boss, AbsenceInput(staff_id, "leave", now, now))
    assert set(refused.value.errors) == {"ends_at"}
    upcoming = absence.upcoming_absences(demo_ctx.uow(), boss)
    assert [(a.staff_name, a.backup_name) for a in upcoming] == [("赵磊", "陈静")]


def test_outside_the_remit_is_confirmed_by_telephone(demo_ctx: AppContext) -> None:
    a = clerk(demo_ctx, "zhangwei")
    visit = service.register_visit(demo_ctx.uow(), a, VisitInput(question="户口迁移怎么办？"))
    with pytest.raises(ValidationError) as refused:
        service.refer_visit(
            demo_ctx.uow(),
            a,
            visit.id,
            ReferralInput(kind="external", to_body="县公安局户政科", to_contact="13812345678"),
        )
    assert set(refused.value.errors) == {"to_contact", "reason"}
    referral = service.refer_visit(
        demo_ctx.uow(),
        a,
        visit.id,
        ReferralInput(
            kind="external",
            to_body="县公安局户政科",
            to_contact="人民路12号，0310-6811110",
            reason="户籍业务由公安机关办理",
        ),
    )
    with pytest.raises(ValidationError):  # nobody acknowledges an outside body at a counter
        service.acknowledge_referral(demo_ctx.uow(), clerk(demo_ctx, "lina"), referral.id)
    with pytest.raises(ValidationError) as refused:
        service.confirm_outside_referral(demo_ctx.uow(), a, referral.id, "")
    assert set(refused.value.errors) == {"note"}
    closed = service.confirm_outside_referral(
        demo_ctx.uow(), a, referral.id, "已电话联系户政科李警官，确认可办"
    )
    assert closed.state is VisitState.CLOSED and closed.outcome is Outcome.OUTSIDE
    assert "县公安局户政科" in closed.outcome_text


def test_recall_brings_the_visit_back_to_the_first_responder(demo_ctx: AppContext) -> None:
    a = clerk(demo_ctx, "zhangwei")
    visit = service.register_visit(demo_ctx.uow(), a, VISITOR)
    referral = service.refer_visit(
        demo_ctx.uow(), a, visit.id, ReferralInput(to_window_number=3, reason="社保")
    )
    with pytest.raises(IllegalTransition):  # referred: answered only after it comes back
        service.close_visit(demo_ctx.uow(), a, visit.id, OutcomeInput("answered", answer="x"))
    back = service.recall_referral(demo_ctx.uow(), a, referral.id, "来访人返回：窗口无人")
    assert back.state is VisitState.OPEN and back.referrals[0].state is ReferralState.RECALLED
    assert waiting_referrals(demo_ctx, clerk(demo_ctx, "wangfang")) == []


def test_visit_becomes_the_application_accepted_at_the_counter(demo_ctx: AppContext) -> None:
    a = clerk(demo_ctx, "zhangwei")
    item = make_item(demo_ctx)
    ids = {m.name: m.id for m in item.materials}
    visit = service.register_visit(demo_ctx.uow(), a, VISITOR)
    case = cases.accept_case(
        demo_ctx.uow(),
        a,
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    )
    closed = service.close_visit(
        demo_ctx.uow(), a, visit.id, OutcomeInput("application", document_number=case.number)
    )
    assert closed.case_id == case.case_id and closed.outcome_ref == case.number


def test_registering_checks_the_fields_and_masks_them_in_lists(demo_ctx: AppContext) -> None:
    a = clerk(demo_ctx, "zhangwei")
    with pytest.raises(ValidationError) as refused:
        service.register_visit(
            demo_ctx.uow(),
            a,
            VisitInput(question="", visit_type="complaint", id_number="110105194912310021"),
        )
    assert set(refused.value.errors) == {"question", "phone", "id_number"}
    quick = service.register_visit(
        demo_ctx.uow(), a, VisitInput(question="复印机在哪？", answer="一楼自助区")
    )
    record = service.visit_detail(demo_ctx.uow(), a, quick.id).visit
    assert record.state is VisitState.CLOSED and record.outcome is Outcome.ANSWERED
    visit = service.register_visit(demo_ctx.uow(), a, VISITOR)
    row = worklist.visit_rows(demo_ctx.uow(), a, [visit.id])[0]
    assert row.phone_masked == "138****5678"


def test_one_search_box_finds_visits_notices_and_cases(demo_ctx: AppContext) -> None:
    a = clerk(demo_ctx, "zhangwei")
    item = make_item(demo_ctx)
    ids = {m.name: m.id for m in item.materials}
    visit = service.register_visit(demo_ctx.uow(), a, VISITOR)
    case = cases.accept_case(
        demo_ctx.uow(),
        a,
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name="王𠇹", id_number=VISITOR.id_number, phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    )
    referral = service.refer_visit(
        demo_ctx.uow(), a, visit.id, ReferralInput(to_window_number=3, reason="社保")
    )

    def found(text: str) -> list[tuple[str, str]]:
        return [(h.kind, h.number) for h in worklist.search_work(demo_ctx.uow(), a, text)]

    both = {("visit", visit.number), ("case", case.number)}
    assert set(found("王𠇹")) == both
    assert set(found("138 1234 5678")) == both
    assert set(found(VISITOR.id_number)) == both
    assert found(visit.number.lower()) == [("visit", visit.number)]
    assert found(referral.number) == [("visit", visit.number)]
    assert found(case.number) == [("case", case.number)]
    day = demo_ctx.clock.now().astimezone(DEFAULT_TZ).date()
    slip = sign_document(demo_ctx.uow(), DocumentKind.REFERRAL, referral.number, day)
    assert found(slip) == [("visit", visit.number)]
    receipt = sign_document(demo_ctx.uow(), DocumentKind.RECEIPT, case.number, day)
    assert found(receipt) == [("case", case.number)]
    with pytest.raises(ValidationError, match="核验码无效"):
        found(slip[:-3] + ("AAA" if not slip.endswith("AAA") else "BBB"))
    hit = worklist.search_work(demo_ctx.uow(), a, case.number)[0]
    assert hit.id_masked == VISITOR.id_number[:6] + "********" + VISITOR.id_number[-4:]


def test_demo_like_hour_after_closing_counts_from_next_morning(demo_ctx: AppContext) -> None:
    clock_of(demo_ctx).set(datetime(2026, 11, 27, 16, 30, tzinfo=DEFAULT_TZ))  # a Friday
    a = clerk(demo_ctx, "zhangwei")
    visit = service.register_visit(demo_ctx.uow(), a, VISITOR)
    referral = service.refer_visit(
        demo_ctx.uow(), a, visit.id, ReferralInput(to_window_number=3, reason="社保")
    )
    assert referral.due_at == datetime(2026, 11, 30, 10, 30, tzinfo=DEFAULT_TZ)


def test_with_a_and_b_both_away_the_b_posts_own_b_post_stands_in(demo_ctx: AppContext) -> None:
    """张伟's B post is 李娜; 李娜's is set to 王芳. Both away: 王芳 holds 张伟's work and acts
    for him; the staff list says who covers. Both back each other up and are away: nobody."""
    from app import staff

    a, b, c = (clerk(demo_ctx, n) for n in ("zhangwei", "lina", "wangfang"))
    boss = clerk(demo_ctx, "sunli")
    visit = service.register_visit(demo_ctx.uow(), a, VISITOR)
    now = demo_ctx.clock.now()
    for who in (a, b):
        absence.mark_away(
            demo_ctx.uow(),
            who,
            AbsenceInput(who.staff_id, "training", now, now + timedelta(hours=6)),
        )
    # 李娜 and 张伟 back each other up: nobody is left for either
    covers = {
        x.staff_name: x.covered_by_name for x in absence.current_absences(demo_ctx.uow(), boss)
    }
    assert covers == {"张伟": "", "李娜": ""}
    with pytest.raises(PermissionDenied):
        service.close_visit(demo_ctx.uow(), c, visit.id, OutcomeInput("answered", "已答复"))

    staff.set_backup(demo_ctx.uow(), boss, "lina", "wangfang")
    covers = {
        x.staff_name: x.covered_by_name for x in absence.current_absences(demo_ctx.uow(), boss)
    }
    assert covers == {"张伟": "王芳", "李娜": "王芳"}
    queue = worklist.my_queue(demo_ctx.uow(), c)
    assert {s.staff_name for s in queue.standing_in} == {"张伟", "李娜"}
    assert visit.number in queue_visits(demo_ctx, c)
    answered = service.close_visit(demo_ctx.uow(), c, visit.id, OutcomeInput("answered", "已答复"))
    assert answered.chain[-1].staff_name == "王芳" and answered.chain[-1].on_behalf_name == "张伟"
    assert worklist.my_queue(demo_ctx.uow(), b).standing_in == ()  # 李娜 is away herself

    for away in absence.current_absences(demo_ctx.uow(), boss):
        absence.end_absence(demo_ctx.uow(), boss, away.id)
    with pytest.raises(PermissionDenied):  # both back: 王芳 is no stand-in for 张伟 any more
        service.reopen_visit(demo_ctx.uow(), c, visit.id, "还有疑问")

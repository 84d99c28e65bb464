"""The demo's first-inquiry register: a day's visits, referrals and acknowledgements, planned
into the demo's timetable and done through the services (``sim.demo.activity`` runs them).

Most questions are answered on the spot; some visitors are referred to the colleague whose
window handles their item (acknowledged a little later, a few only after the limit, a few on the
last day not yet); some matters belong outside the center and are confirmed by telephone; some
visits become applications. On the last day one clerk is away on training, so the demo shows
the A/B post at work.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime, time
from functools import partial
from typing import Any, Protocol

from app.cases import service as cases
from app.cases.records import AcceptRequest, ApplicantInput
from app.catalog.records import ItemVersionRecord, Necessity
from app.clock import DEFAULT_TZ, ManualClock
from app.errors import DomainError
from app.ports import UnitOfWork
from app.roles import Actor
from app.visits import absence, service
from app.visits.records import (
    AbsenceInput,
    OutcomeInput,
    ReferralInput,
    VisitInput,
)
from sim.people import person

QUESTIONS = (
    ("大厅几点下班？周六办公吗？", "工作日 9:00-12:00、13:30-17:00 办公，周六周日休息。"),
    ("复印身份证在哪里？", "一楼自助区有复印机，免费使用。"),
    ("社保卡丢了怎么补办？", "带身份证到3号社保窗口办理挂失补办，当场出卡。"),
    ("低保审批要多久？", "承诺20个工作日，可凭受理回执扫码查询进度。"),
    ("老年证去哪个窗口？", "2号养老服务窗口，带身份证和一寸照片。"),
    ("取水许可需要什么材料？", "已给您一份办事指南，材料按指南准备。"),
    ("能不能代我父亲办理？", "可以，带委托书和双方身份证，可申请全程代办。"),
)
OUTSIDE = (
    ("户口迁移怎么办理？", "县公安局户政科", "人民路12号，0310-6811110"),
    ("房屋产权纠纷找谁？", "县人民法院立案庭", "法院路8号，0310-6813300"),
    ("工资被拖欠怎么投诉？", "县劳动保障监察大队", "建设街21号，0310-6812233"),
)
AWAY_LOGIN = "liuyang"  # on training the day after the last simulated one; 王芳 covers


class Summary(Protocol):
    visits: int
    referrals: int


Timetable = list[tuple[int, int, Callable[[], None]]]


def plan_day(
    timetable: Timetable,
    make_uow: Callable[[], UnitOfWork],
    rng: random.Random,
    day: date,
    clerks: list[Actor],
    items_for: Callable[[Actor], list[ItemVersionRecord]],
    summary: Summary,
    last_day: bool = False,
) -> None:
    """Put a day's visits on the timetable: (minute of the day, order, action). On the last
    day the afternoon's referrals are left waiting: the work lists open with some overdue."""

    def at(minute: int, action: Callable[[], None]) -> None:
        timetable.append((min(minute, 17 * 60 - 1), len(timetable), action))

    for clerk in clerks:
        for _ in range(rng.randint(1, 3)):
            minute = rng.randint(9 * 60, 16 * 60 + 30)
            roll = rng.random()
            if roll < 0.5:
                question, answer = rng.choice(QUESTIONS)
                at(minute, partial(_answered, make_uow, clerk, question, answer, summary))
            elif roll < 0.8:
                receiver = rng.choice([c for c in clerks if c.staff_id != clerk.staff_id])
                item = rng.choice(items_for(receiver))
                late = rng.random() < 0.1
                delay = rng.randint(150, 200) if late else rng.randint(5, 40)
                if last_day and minute >= 14 * 60:
                    delay = 24 * 60  # not acknowledged before the demo ends
                _plan_referral(
                    at, make_uow, rng, day, minute, delay, clerk, receiver, item, summary
                )
            elif roll < 0.9:
                question, body, contact = rng.choice(OUTSIDE)
                _plan_outside(at, make_uow, minute, clerk, question, body, contact, summary)
            else:
                waiting = [i for i in items_for(clerk) if not i.on_the_spot] or items_for(clerk)
                item = rng.choice(waiting)
                applicant = person(rng, day)
                at(minute, partial(_application, make_uow, applicant, clerk, item, summary))


def _answered(
    make_uow: Callable[[], UnitOfWork], clerk: Actor, question: str, answer: str, summary: Summary
) -> None:
    service.register_visit(make_uow(), clerk, VisitInput(question=question, answer=answer))
    summary.visits += 1


def _plan_referral(
    at: Callable[[int, Callable[[], None]], None],
    make_uow: Callable[[], UnitOfWork],
    rng: random.Random,
    day: date,
    minute: int,
    delay: int,
    clerk: Actor,
    receiver: Actor,
    item: ItemVersionRecord,
    summary: Summary,
) -> None:
    state: dict[str, Any] = {}
    visitor = person(rng, day)
    escort = rng.random() < 0.15

    def refer() -> None:
        visit = service.register_visit(
            make_uow(),
            clerk,
            VisitInput(
                question=f"咨询{item.name}",
                visit_type="application",
                visitor_name=visitor.name,
                phone=visitor.phone,
                needs_escort=escort,
            ),
        )
        summary.visits += 1
        state["referral"] = service.refer_visit(
            make_uow(),
            clerk,
            visit.id,
            ReferralInput(
                to_staff_id=receiver.staff_id, item_code=item.code, reason="该事项由对口窗口办理"
            ),
        )
        summary.referrals += 1

    def acknowledge() -> None:
        referral = state.get("referral")
        if referral is None:
            return
        visit = service.acknowledge_referral(make_uow(), receiver, referral.id)
        answer = OutcomeInput(
            "answered", answer=f"已讲解{item.name}的办理要求", guide_code=item.code
        )
        service.close_visit(make_uow(), receiver, visit.id, answer)

    at(minute, refer)
    if minute + delay < 17 * 60:  # late in the day: still waiting the next morning
        at(minute + delay, acknowledge)


def _plan_outside(
    at: Callable[[int, Callable[[], None]], None],
    make_uow: Callable[[], UnitOfWork],
    minute: int,
    clerk: Actor,
    question: str,
    body: str,
    contact: str,
    summary: Summary,
) -> None:
    state: dict[str, Any] = {}

    def refer() -> None:
        visit = service.register_visit(make_uow(), clerk, VisitInput(question=question))
        summary.visits += 1
        state["referral"] = service.refer_visit(
            make_uow(),
            clerk,
            visit.id,
            ReferralInput(
                kind="external", to_body=body, to_contact=contact, reason="不属本中心办理事项"
            ),
        )
        summary.referrals += 1

    def confirm() -> None:
        if "referral" in state:
            note = f"已电话联系{body}，确认可以受理"
            service.confirm_outside_referral(make_uow(), clerk, state["referral"].id, note)

    at(minute, refer)
    at(minute + 30, confirm)


def _application(
    make_uow: Callable[[], UnitOfWork],
    applicant: ApplicantInput,
    clerk: Actor,
    item: ItemVersionRecord,
    summary: Summary,
) -> None:
    visit = service.register_visit(
        make_uow(),
        clerk,
        VisitInput(
            question=f"申请{item.name}",
            visit_type="application",
            visitor_name=applicant.name,
            phone=applicant.phone,
            id_number=applicant.id_number,
        ),
    )
    summary.visits += 1
    received = frozenset(m.id for m in item.materials if m.necessity is Necessity.REQUIRED)
    not_applicable = frozenset(m.id for m in item.materials if m.necessity is Necessity.CONDITIONAL)
    request = AcceptRequest(
        item_version_id=item.id,
        applicant=applicant,
        received_material_ids=received,
        not_applicable_material_ids=not_applicable,
    )
    accepted = cases.accept_case(make_uow(), clerk, request)
    outcome = OutcomeInput("application", document_number=accepted.number)
    service.close_visit(make_uow(), clerk, visit.id, outcome)


def post_away(
    make_uow: Callable[[], UnitOfWork], clock: ManualClock, supervisor: Actor, end: date
) -> None:
    """One clerk on training all of the working day after the last simulated one, as the
    README says: the simulated days are his own, the next day 王芳 covers his post."""
    from app.calendar import load_calendar

    uow = make_uow()
    with uow.read():
        staff = uow.staff.by_login(AWAY_LOGIN)
        back = load_calendar(uow).next_workday(end)
    if staff is None:
        return
    with suppress(DomainError):  # a later demo run: the absence is already entered
        absence.mark_away(
            make_uow(),
            supervisor,
            AbsenceInput(
                staff_id=staff.id,
                reason="training",
                starts_at=datetime.combine(back, time(8, 30), DEFAULT_TZ),
                ends_at=datetime.combine(back, time(17, 30), DEFAULT_TZ),
                note="参加全县政务服务业务培训",
            ),
        )

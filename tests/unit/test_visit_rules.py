"""The first-inquiry rules on the in-memory unit of work: a visit registered and answered,
referred to a colleague, acknowledged by the receiver only, and the visit's states.
tests/integration/test_visits.py proves the same services on real databases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.cases.records import AcceptRequest, ApplicantInput
from app.cases.service import accept_case
from app.errors import IllegalTransition, PermissionDenied, ValidationError
from app.roles import Actor, Role
from app.visits.lifecycle import ReferralState, VisitAction, VisitState
from app.visits.records import OutcomeInput, ReferralInput, VisitInput
from app.visits.service import acknowledge_referral, close_visit, refer_visit, register_visit
from tests.helpers.catalog import resident_id
from tests.helpers.fake_hall import HOUSEHOLD, ID_CARD, INCOME, Hall, make_hall


@pytest.fixture
def hall() -> Hall:
    return make_hall()


def visit(hall: Hall, **fields: object) -> int:
    values: dict[str, object] = {"question": "低保怎么申请？", "visitor_name": "赵敏", **fields}
    return register_visit(hall.uow, hall.clerk, VisitInput(**values)).id  # type: ignore[arg-type]


def to_colleague(hall: Hall, visit_id: int) -> int:
    referral = ReferralInput(to_staff_id=hall.colleague.staff_id, reason="社保问题请李娜办理")
    return refer_visit(hall.uow, hall.clerk, visit_id, referral).id


def test_a_visit_is_numbered_and_answered_on_the_spot(hall: Hall) -> None:
    ref = register_visit(
        hall.uow, hall.clerk, VisitInput(question="营业时间？", answer="工作日九点至五点")
    )
    assert ref.number == "QH-V20261124-0001"
    record = hall.uow.visits.get(ref.id)
    assert record is not None
    assert (record.state, record.holder_name) == (VisitState.CLOSED, "张伟")
    assert [e.action for e in record.chain] == [VisitAction.REGISTER, VisitAction.ANSWER]


def test_a_visit_without_a_question_is_refused_and_nothing_numbered(hall: Hall) -> None:
    with pytest.raises(ValidationError) as refused:
        register_visit(hall.uow, hall.clerk, VisitInput(question="  "))
    assert "question" in refused.value.errors
    assert hall.uow.visits.rows == {} and hall.uow.numbers.serials == {}


def test_a_referral_waits_for_its_receiver_who_then_holds_the_visit(hall: Hall) -> None:
    visit_id = visit(hall)
    referral_id = to_colleague(hall, visit_id)
    referred = hall.uow.visits.get(visit_id)
    assert referred is not None and referred.state is VisitState.REFERRED
    pending = referred.pending_referral
    assert pending is not None and pending.number == "QH-F20261124-0001"
    assert pending.to_staff_name == "李娜"
    with pytest.raises(IllegalTransition):  # one referral at a time
        to_colleague(hall, visit_id)
    held = acknowledge_referral(hall.uow, hall.colleague, referral_id, "已接待")
    assert (held.state, held.holder_id, held.holder_name) == (VisitState.OPEN, 2, "李娜")
    assert held.referrals[0].state is ReferralState.ACKNOWLEDGED
    with pytest.raises(ValidationError, match="已由李娜"):
        acknowledge_referral(hall.uow, hall.colleague, referral_id)


def test_only_a_receiver_or_their_b_post_may_acknowledge(hall: Hall) -> None:
    zhou = hall.uow.staff.add(
        site_id=1,
        login="zhoujie",
        name="周杰",
        role=Role.CLERK,
        window_id=None,
        password_hash="",
        active=True,
    )
    stranger = Actor(zhou, "zhoujie", "周杰", Role.CLERK, 1)
    referral_id = to_colleague(hall, visit(hall))
    with pytest.raises(PermissionDenied, match="您不能代为接收"):
        acknowledge_referral(hall.uow, stranger, referral_id)
    # 张伟 is 李娜's B post: he may receive it for her, and her post holds the visit.
    held = acknowledge_referral(hall.uow, hall.clerk, referral_id)
    assert held.holder_id == hall.colleague.staff_id
    assert held.chain[-1].on_behalf_of == hall.colleague.staff_id


def test_a_late_acknowledgement_is_marked_late(hall: Hall) -> None:
    referral_id = to_colleague(hall, visit(hall))
    referral = hall.uow.visits.referral(referral_id)
    assert referral is not None
    hall.clock.advance(referral.due_at - hall.clock.now() + timedelta(minutes=1))
    held = acknowledge_referral(hall.uow, hall.colleague, referral_id)
    assert held.chain[-1].detail == {"referral": referral.number, "late": True}


def test_no_referral_to_the_holder_themself(hall: Hall) -> None:
    visit_id = visit(hall)
    referral = ReferralInput(to_staff_id=hall.clerk.staff_id, reason="转给自己")
    with pytest.raises(ValidationError, match="当前负责人本人"):
        refer_visit(hall.uow, hall.clerk, visit_id, referral)
    record = hall.uow.visits.get(visit_id)
    assert record is not None and record.state is VisitState.OPEN and record.referrals == ()


def test_a_visit_never_ends_without_an_outcome_it_can_name(hall: Hall) -> None:
    visit_id = visit(hall)
    with pytest.raises(ValidationError) as refused:
        close_visit(hall.uow, hall.clerk, visit_id, OutcomeInput("answered", "请带身份证", "X-9"))
    assert set(refused.value.errors) == {"guide_code"}
    with pytest.raises(ValidationError) as refused:
        close_visit(hall.uow, hall.clerk, visit_id, OutcomeInput("application"))
    assert set(refused.value.errors) == {"document_number"}
    answered = close_visit(
        hall.uow, hall.clerk, visit_id, OutcomeInput("answered", "请带身份证来办", "t-001")
    )
    assert (answered.state, answered.guide_code) == (VisitState.CLOSED, "T-001")


def test_a_visit_that_became_a_case_points_to_it(hall: Hall) -> None:
    accepted = accept_case(
        hall.uow,
        hall.clerk,
        AcceptRequest(
            item_version_id=1,
            applicant=ApplicantInput(name="赵敏", id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset({ID_CARD, HOUSEHOLD}),
            not_applicable_material_ids=frozenset({INCOME}),
        ),
    )
    applied = close_visit(
        hall.uow,
        hall.clerk,
        visit(hall),
        OutcomeInput("application", document_number=accepted.number.lower()),
    )
    assert (applied.case_id, applied.outcome_ref) == (accepted.case_id, accepted.number)

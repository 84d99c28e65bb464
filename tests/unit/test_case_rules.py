"""The case rules on the in-memory unit of work: acceptance, numbering and the moves of a
case's life. tests/integration/test_cases.py proves the same services on real databases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.cases.lifecycle import CaseState
from app.cases.records import AcceptRequest, ApplicantInput
from app.cases.service import accept_case, start_case, suspend_case, withdraw_case
from app.errors import ConcurrentEdit, IllegalTransition, PermissionDenied, ValidationError
from tests.helpers.catalog import resident_id
from tests.helpers.fake_hall import HOUSEHOLD, ID_CARD, INCOME, Hall, make_hall

APPLICANT = ApplicantInput(name="赵敏", id_number=resident_id(), phone="13812345678")


@pytest.fixture
def hall() -> Hall:
    return make_hall()


def request(**changes: object) -> AcceptRequest:
    values: dict[str, object] = {
        "item_version_id": 1,
        "applicant": APPLICANT,
        "received_material_ids": frozenset({ID_CARD, HOUSEHOLD}),
        "not_applicable_material_ids": frozenset({INCOME}),
        **changes,
    }
    return AcceptRequest(**values)  # type: ignore[arg-type]


def test_an_accepted_case_is_numbered_per_site_and_day(hall: Hall) -> None:
    first = accept_case(hall.uow, hall.clerk, request())
    second = accept_case(hall.uow, hall.colleague, request())
    assert (first.number, second.number) == ("QH-20261124-0001", "QH-20261124-0002")
    hall.clock.advance(timedelta(days=1))
    assert accept_case(hall.uow, hall.clerk, request()).number == "QH-20261125-0001"
    case = hall.uow.cases.get(first.case_id)
    assert case is not None
    assert case.state is CaseState.ACCEPTED
    assert (case.owner_name, case.item_name) == ("张伟", "最低生活保障申请")
    assert case.materials == {ID_CARD: "received", HOUSEHOLD: "received", INCOME: "not_applicable"}
    assert [e.action for e in case.events] == ["accept"]
    assert hall.uow.audit.events[-1].action == "case_accepted"


def test_missing_materials_refuse_acceptance_and_store_nothing(hall: Hall) -> None:
    with pytest.raises(ValidationError) as refused:
        accept_case(hall.uow, hall.clerk, request(received_material_ids=frozenset({ID_CARD})))
    assert "户口簿" in refused.value.errors["materials"]
    assert hall.uow.cases.rows == {}
    assert hall.uow.numbers.serials == {}  # no number used up
    assert hall.uow.audit.events == []


def test_a_deferred_material_needs_a_commitment_and_a_supply_date(hall: Hall) -> None:
    deferred = request(
        received_material_ids=frozenset({ID_CARD}), deferred_material_ids=frozenset({HOUSEHOLD})
    )
    with pytest.raises(ValidationError) as refused:
        accept_case(hall.uow, hall.clerk, deferred)
    assert set(refused.value.errors) == {"applicant_commitment", "deferred_supply_by"}
    today = hall.clock.now().date()
    accepted = accept_case(
        hall.uow,
        hall.clerk,
        request(
            received_material_ids=frozenset({ID_CARD}),
            deferred_material_ids=frozenset({HOUSEHOLD}),
            applicant_commitment="三日内补交户口簿",
            deferred_supply_by=today + timedelta(days=2),
        ),
    )
    case = hall.uow.cases.get(accepted.case_id)
    assert case is not None and case.materials[HOUSEHOLD] == "deferred"


def test_a_material_that_cannot_be_deferred_is_refused(hall: Hall) -> None:
    with pytest.raises(ValidationError) as refused:
        accept_case(
            hall.uow,
            hall.clerk,
            request(
                received_material_ids=frozenset({HOUSEHOLD}),
                deferred_material_ids=frozenset({ID_CARD}),
                applicant_commitment="明日补交",
                deferred_supply_by=hall.clock.now().date() + timedelta(days=1),
            ),
        )
    assert "不可容缺" in refused.value.errors["materials"]


def test_a_case_moves_only_as_its_table_allows(hall: Hall) -> None:
    accepted = accept_case(hall.uow, hall.clerk, request())
    started = start_case(hall.uow, hall.clerk, accepted.case_id, 1)
    assert (started.state, started.row_version) == (CaseState.IN_PROGRESS, 2)
    with pytest.raises(IllegalTransition):
        start_case(hall.uow, hall.clerk, accepted.case_id, started.row_version)
    withdrawn = withdraw_case(hall.uow, hall.clerk, accepted.case_id, 2, "申请人撤回申请")
    assert withdrawn.state is CaseState.WITHDRAWN
    with pytest.raises(IllegalTransition):
        suspend_case(hall.uow, hall.clerk, accepted.case_id, 3, "corrections", "补正材料")
    assert [e.action for e in withdrawn.events] == ["accept", "start", "withdraw"]


def test_a_move_without_a_reason_is_refused_and_changes_nothing(hall: Hall) -> None:
    accepted = accept_case(hall.uow, hall.clerk, request())
    before = hall.uow.cases.get(accepted.case_id)
    audited = len(hall.uow.audit.events)
    with pytest.raises(ValidationError):
        withdraw_case(hall.uow, hall.clerk, accepted.case_id, 1, "   ")  # no reason
    assert hall.uow.cases.get(accepted.case_id) == before
    assert len(hall.uow.audit.events) == audited


def test_a_save_on_an_old_copy_names_who_changed_the_case(hall: Hall) -> None:
    accepted = accept_case(hall.uow, hall.clerk, request())
    start_case(hall.uow, hall.clerk, accepted.case_id, 1)
    with pytest.raises(ConcurrentEdit, match="张伟"):
        withdraw_case(hall.uow, hall.clerk, accepted.case_id, 1, "申请人撤回申请")


def test_only_the_owner_their_b_post_or_a_supervisor_may_move_a_case(hall: Hall) -> None:
    accepted = accept_case(hall.uow, hall.colleague, request())  # 李娜's case
    # 张伟 is 李娜's B post: he may act for her, and the event says on whose behalf.
    moved = start_case(hall.uow, hall.clerk, accepted.case_id, 1)
    assert moved.events[-1].on_behalf_of == hall.colleague.staff_id
    hall.uow.staff.update(hall.clerk.staff_id, backup_staff_id=None)
    hall.uow.staff.update(hall.colleague.staff_id, backup_staff_id=None)
    with pytest.raises(PermissionDenied, match="李娜"):
        withdraw_case(hall.uow, hall.clerk, accepted.case_id, 2, "申请人撤回申请")
    assert withdraw_case(
        hall.uow, hall.supervisor, accepted.case_id, 2, "申请人撤回申请"
    ).state is (CaseState.WITHDRAWN)

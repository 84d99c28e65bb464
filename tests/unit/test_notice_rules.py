"""The one-time notice rules on the in-memory unit of work: what a notice lists, its states
(open, accepted, closed) and the extra demands counted against it.
tests/integration/test_notices.py proves the same services on real databases."""

from __future__ import annotations

import pytest

from app.cases.records import AcceptRequest, ApplicantInput
from app.errors import ValidationError
from app.notices.records import NoticeRequest, NoticeState
from app.notices.service import accept_with_notice, issue_one_time_notice, record_extra_demand
from tests.helpers.catalog import resident_id
from tests.helpers.fake_hall import HOUSEHOLD, ID_CARD, INCOME, Hall, make_hall

APPLICANT = ApplicantInput(name="赵敏", id_number=resident_id(), phone="13812345678")


@pytest.fixture
def hall() -> Hall:
    return make_hall()


def notice_for(hall: Hall, received: frozenset[int], previous: int | None = None) -> int:
    return issue_one_time_notice(
        hall.uow,
        hall.clerk,
        NoticeRequest(
            item_version_id=1,
            applicant=APPLICANT,
            received_material_ids=received,
            not_applicable_material_ids=frozenset({INCOME}),
            previous_notice_id=previous,
        ),
    ).notice_id


def complete(**changes: object) -> AcceptRequest:
    values: dict[str, object] = {
        "item_version_id": 1,
        "applicant": APPLICANT,
        "received_material_ids": frozenset({ID_CARD, HOUSEHOLD}),
        "not_applicable_material_ids": frozenset({INCOME}),
        **changes,
    }
    return AcceptRequest(**values)  # type: ignore[arg-type]


def test_a_notice_lists_every_missing_material_and_has_its_own_number(hall: Hall) -> None:
    result = issue_one_time_notice(
        hall.uow,
        hall.clerk,
        NoticeRequest(
            item_version_id=1,
            applicant=APPLICANT,
            received_material_ids=frozenset({ID_CARD}),
            not_applicable_material_ids=frozenset({INCOME}),
        ),
    )
    assert result.number == "QH-N20261124-0001"
    assert result.missing == ("户口簿",)
    notice = hall.uow.notices.get(result.notice_id)
    assert notice is not None and notice.state is NoticeState.OPEN
    assert (notice.missing_ids, notice.received_ids) == ({HOUSEHOLD}, {ID_CARD})


def test_no_notice_when_nothing_is_missing(hall: Hall) -> None:
    with pytest.raises(ValidationError) as refused:
        notice_for(hall, frozenset({ID_CARD, HOUSEHOLD}))
    assert "无需出具告知单" in refused.value.errors["materials"]
    assert hall.uow.notices.rows == {} and hall.uow.numbers.serials == {}


def test_the_return_visit_accepts_the_case_and_the_notice_is_used_up(hall: Hall) -> None:
    notice_id = notice_for(hall, frozenset({ID_CARD}))
    result = accept_with_notice(hall.uow, hall.clerk, notice_id, complete())
    notice = hall.uow.notices.get(notice_id)
    assert notice is not None
    assert (notice.state, notice.case_id, notice.case_number) == (
        NoticeState.ACCEPTED,
        result.case_id,
        result.number,
    )
    with pytest.raises(ValidationError, match="已受理"):
        accept_with_notice(hall.uow, hall.clerk, notice_id, complete())


def test_a_failed_acceptance_leaves_the_notice_open(hall: Hall) -> None:
    notice_id = notice_for(hall, frozenset({ID_CARD}))
    still_missing = complete(received_material_ids=frozenset({ID_CARD}))
    with pytest.raises(ValidationError):
        accept_with_notice(hall.uow, hall.clerk, notice_id, still_missing)
    notice = hall.uow.notices.get(notice_id)
    assert notice is not None and notice.state is NoticeState.OPEN
    assert hall.uow.cases.rows == {}


def test_a_second_notice_replaces_the_first_and_may_not_ask_for_more(hall: Hall) -> None:
    first = notice_for(hall, frozenset({ID_CARD}))  # the household register is missing
    with pytest.raises(ValidationError) as refused:  # now the ID card, not on the first notice
        notice_for(hall, frozenset({HOUSEHOLD}), previous=first)
    assert "居民身份证" in refused.value.errors["materials"]
    kept = hall.uow.notices.get(first)
    assert kept is not None and kept.state is NoticeState.OPEN
    second = notice_for(hall, frozenset({ID_CARD}), previous=first)
    replaced = hall.uow.notices.get(first)
    assert replaced is not None and replaced.state is NoticeState.CLOSED
    with pytest.raises(ValidationError, match="已办结"):
        accept_with_notice(hall.uow, hall.clerk, first, complete())
    assert accept_with_notice(hall.uow, hall.clerk, second, complete()).number.startswith("QH-2")


def test_an_extra_demand_needs_a_reason_and_is_a_breach_of_the_issuer(hall: Hall) -> None:
    notice_id = notice_for(hall, frozenset({HOUSEHOLD}))  # the ID card is missing
    with pytest.raises(ValidationError) as refused:
        record_extra_demand(hall.uow, hall.colleague, notice_id, HOUSEHOLD, "  ")
    assert "reason" in refused.value.errors
    with pytest.raises(ValidationError, match="已列在告知单上"):
        record_extra_demand(hall.uow, hall.colleague, notice_id, ID_CARD, "核对原件")
    record_extra_demand(hall.uow, hall.colleague, notice_id, HOUSEHOLD, "户口簿页码不全")
    notice = hall.uow.notices.get(notice_id)
    assert notice is not None and notice.demanded_ids == {HOUSEHOLD}
    assert [b["responsible_id"] for b in hall.uow.notices.breaches] == [hall.clerk.staff_id]
    with pytest.raises(ValidationError, match="已经记录"):
        record_extra_demand(hall.uow, hall.colleague, notice_id, HOUSEHOLD, "再次要求")

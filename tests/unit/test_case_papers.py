"""Which papers a case has (app.cases.papers): decided from its state and its events alone, so
the case window, the command line and the tests agree."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from app.cases.lifecycle import CaseAction, CaseState
from app.cases.papers import case_papers
from app.cases.records import ApplicantInput, CaseEventRecord, CaseRecord
from app.printing.kinds import DocumentKind as K

AT = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)


def event(action: CaseAction, **detail: Any) -> CaseEventRecord:
    return CaseEventRecord(
        AT, 1, "张伟", None, action, CaseState.ACCEPTED, CaseState.ACCEPTED, "", detail
    )


def case(
    state: CaseState = CaseState.ACCEPTED,
    *events: CaseEventRecord,
    materials: dict[int, str] | None = None,
    decision: str = "",
) -> CaseRecord:
    return CaseRecord(
        id=1,
        number="QH-20261124-0001",
        site_id=1,
        owner_site_id=1,
        item_version_id=1,
        item_name="最低生活保障申请",
        window_id=None,
        accepted_by=1,
        owner_id=1,
        owner_name="张伟",
        notice_id=None,
        state=state,
        applicant=ApplicantInput(name="王𠇹"),
        is_agency=False,
        received_at=AT,
        accepted_at=AT,
        accepted_day=date(2026, 11, 24),
        committed_days=5,
        statutory_days=20,
        deferred_supply_by=None,
        applicant_commitment="",
        due_date=None,
        due_provisional=False,
        calendar_version="",
        due_moved=False,
        warning="normal",
        decision=decision,
        decision_note="",
        decided_at=None,
        delivered_at=None,
        delivery_method="",
        collected_by="",
        row_version=1,
        materials=materials or {1: "received"},
        events=(event(CaseAction.ACCEPT), *events),
    )


def test_a_fresh_case_has_only_its_receipt() -> None:
    assert case_papers(case()) == [K.RECEIPT]


def test_a_deferred_material_gives_the_deferral_notice_and_each_supply_its_receipt() -> None:
    deferred = {1: "received", 2: "deferred"}
    assert case_papers(case(materials=deferred)) == [K.RECEIPT, K.DEFERRED]
    supplied = case(CaseState.ACCEPTED, event(CaseAction.SUPPLY), materials=deferred)
    assert case_papers(supplied) == [K.RECEIPT, K.DEFERRED, K.SUPPLY]


def test_each_suspension_kind_has_its_own_paper() -> None:
    corrections = event(CaseAction.SUSPEND, kind="corrections")
    hearing = event(CaseAction.SUSPEND, kind="hearing")
    halted = event(CaseAction.SUSPEND, kind="deferral_overdue")
    assert case_papers(case(CaseState.SUSPENDED, corrections)) == [K.RECEIPT, K.CORRECTION]
    assert case_papers(case(CaseState.SUSPENDED, hearing)) == [K.RECEIPT, K.SPECIAL]
    assert case_papers(case(CaseState.SUSPENDED, halted)) == [K.RECEIPT, K.HALT]
    both = case(CaseState.SUSPENDED, corrections, event(CaseAction.RESUME), hearing)
    assert case_papers(both) == [K.RECEIPT, K.CORRECTION, K.SPECIAL]
    # An event from before suspensions had kinds prints no special-procedure notice.
    assert case_papers(case(CaseState.SUSPENDED, event(CaseAction.SUSPEND))) == [K.RECEIPT]


def test_an_extension_gives_its_notice() -> None:
    extended = case(CaseState.IN_PROGRESS, event(CaseAction.EXTEND, days=5))
    assert case_papers(extended) == [K.RECEIPT, K.EXTENSION]


def test_a_decision_gives_the_completion_notice_and_a_denial_its_decision() -> None:
    decided = event(CaseAction.DECIDE, outcome="approved")
    assert case_papers(case(CaseState.DECIDED, decided, decision="approved")) == [
        K.RECEIPT,
        K.COMPLETION,
    ]
    denied = case(CaseState.DELIVERED, decided, decision="denied")
    assert case_papers(denied) == [K.RECEIPT, K.DENIAL, K.COMPLETION]
    # Withdrawn: no decision, no completion notice.
    assert case_papers(case(CaseState.WITHDRAWN, event(CaseAction.WITHDRAW))) == [K.RECEIPT]


def test_a_terminated_case_has_its_termination_notice_and_no_completion() -> None:
    ended = case(
        CaseState.TERMINATED,
        event(CaseAction.SUSPEND, kind="deferral_overdue"),
        event(CaseAction.TERMINATE),
        materials={1: "received", 2: "deferred"},
    )
    assert case_papers(ended) == [K.RECEIPT, K.DEFERRED, K.HALT, K.TERMINATION]


def test_a_suspension_recorded_without_a_kind_has_no_kind() -> None:
    from datetime import UTC, datetime

    from app.cases.lifecycle import CaseAction, CaseState, SuspensionKind
    from app.cases.records import CaseEventRecord

    def event(action: CaseAction, **detail: object) -> CaseEventRecord:
        at = datetime(2026, 11, 24, 2, tzinfo=UTC)
        return CaseEventRecord(
            at, 1, "张伟", None, action, CaseState.ACCEPTED, CaseState.SUSPENDED, "", dict(detail)
        )

    assert event(CaseAction.SUSPEND).suspension_kind is None
    assert event(CaseAction.SUSPEND, kind="hearing").suspension_kind is SuspensionKind.HEARING
    assert event(CaseAction.SUSPEND, kind="no-such").suspension_kind is None
    assert event(CaseAction.RESUME, kind="hearing").suspension_kind is None

"""The audit chain detects edits, deletions and reordering, and names the first broken link."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from app import audit
from app.clock import ManualClock
from app.roles import Actor, Role
from tests.helpers.fakes import FakeUnitOfWork

ACTOR = Actor(staff_id=7, login="zhangwei", name="张伟", role=Role.CLERK, site_id=1)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork(ManualClock(datetime(2026, 11, 24, 1, 0, tzinfo=UTC)))
    with uow.write():
        for i in range(6):
            audit.record(
                uow,
                ACTOR,
                "case_accepted",
                "case",
                f"QH-20261124-{i:04d}",
                None,
                {"applicant": "王𠇹"},
            )
            uow.clock.advance(timedelta(minutes=3))  # type: ignore[attr-defined]
    return uow


def test_intact_chain_verifies(uow: FakeUnitOfWork) -> None:
    report = audit.verify(uow)
    assert report.ok and report.checked == 6
    assert report.head_hash == uow.audit.events[-1].hash


def test_edited_row_is_named(uow: FakeUnitOfWork) -> None:
    uow.audit.events[2] = dataclasses.replace(uow.audit.events[2], summary='{"applicant":"李四"}')
    report = audit.verify(uow)
    assert not report.ok
    assert report.first_broken_seq == 3
    assert "changed" in report.problem


def test_deleted_row_is_named(uow: FakeUnitOfWork) -> None:
    del uow.audit.events[3]
    report = audit.verify(uow)
    assert (report.ok, report.first_broken_seq) == (False, 4)


def test_reordered_rows_are_detected(uow: FakeUnitOfWork) -> None:
    # Swap the contents of two rows but keep their sequence numbers: the links break.
    a, b = uow.audit.events[1], uow.audit.events[2]
    uow.audit.events[1] = dataclasses.replace(b, seq=2)
    uow.audit.events[2] = dataclasses.replace(a, seq=3)
    report = audit.verify(uow)
    assert (report.ok, report.first_broken_seq) == (False, 2)


def test_truncated_tail_is_detected_by_the_head(uow: FakeUnitOfWork) -> None:
    uow.audit.events.pop()
    report = audit.verify(uow)
    assert not report.ok and report.first_broken_seq == 6


def test_summary_keeps_changes_and_hides_secrets() -> None:
    text = audit.summarize(
        {"name": "张伟", "password_hash": "x"}, {"name": "张伟", "password_hash": "y"}
    )
    assert "张伟" not in text  # unchanged fields are left out
    assert '"password_hash": "changed"' in text
    assert '"x"' not in text and '"y"' not in text


def test_anchor_is_found_only_when_it_is_in_the_chain(uow: FakeUnitOfWork) -> None:
    printed = uow.audit.events[4].hash
    assert audit.find_anchor(uow, printed.upper()).seq == 5
    assert not audit.find_anchor(uow, "f" * 64).found


def test_a_confirmed_anchor_is_told_in_beijing_time_like_the_paper() -> None:
    report = audit.AnchorReport(True, 7, datetime(2026, 11, 24, 16, 30, 5, tzinfo=UTC))
    assert report.describe("abc").endswith(
        "event #7 at 2026-11-25 00:30:05 北京时间 (Beijing time)"
    )

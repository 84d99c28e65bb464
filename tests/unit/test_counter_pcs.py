"""The rules of enrolling and revoking counter PCs (app/counter_pcs.py) on a fake server: names
checked before anything is made, one audit event per change, nothing recorded for a refusal."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app import counter_pcs
from app.clock import ManualClock
from app.counter_pcs import CounterPc
from app.errors import NotFound, ValidationError
from app.roles import Actor, Role
from tests.helpers.fakes import FakeUnitOfWork

ADMIN = Actor(staff_id=1, login="admin", name="管理员", role=Role.ADMIN, site_id=1)


class FakePcs:
    def __init__(self) -> None:
        self.pcs: dict[str, CounterPc] = {}
        self.passwords: dict[str, str] = {}
        self.ended: list[str] = []
        self.grants = 0

    def enroll(self, name: str, password: str) -> str:
        role = f"hall_pc_{name}"
        self.pcs[name] = CounterPc(name, role, True, 0)
        self.passwords[name] = password
        return role

    def find(self, name: str) -> CounterPc | None:
        return self.pcs.get(name)

    def list(self) -> list[CounterPc]:
        return sorted(self.pcs.values(), key=lambda pc: pc.name)

    def revoke(self, name: str) -> str:
        pc = self.pcs[name]
        self.pcs[name] = CounterPc(pc.name, pc.role, False, pc.open_sessions)
        return pc.role

    def end_sessions(self, role: str) -> int:
        self.ended.append(role)
        return 1

    def grant(self) -> int:
        self.grants += 1
        return 42


class PcUnitOfWork(FakeUnitOfWork):
    def __init__(self) -> None:
        super().__init__(ManualClock(datetime(2026, 11, 24, 1, 0, tzinfo=UTC)))
        self.counter_pcs = FakePcs()


def actions(uow: PcUnitOfWork) -> list[tuple[str, str]]:
    return [(e.action, e.entity_id) for e in uow.audit.events]


def test_enrol_list_revoke_and_grant_each_leave_one_event() -> None:
    uow = PcUnitOfWork()
    first = counter_pcs.enroll_pc(uow, ADMIN, "window1")
    second = counter_pcs.enroll_pc(uow, ADMIN, "window2")
    assert first.role == "hall_pc_window1" and len(first.password) >= 32
    assert first.password != second.password  # generated for each PC
    assert [pc.name for pc in counter_pcs.list_pcs(uow, ADMIN)] == ["window1", "window2"]
    done = counter_pcs.revoke_pc(uow, ADMIN, "window1")
    assert (done.role, done.ended_sessions) == ("hall_pc_window1", 1)
    assert uow.counter_pcs.ended == ["hall_pc_window1"]
    counter_pcs.revoke_pc(uow, ADMIN, "window1")  # again: nothing new to record
    assert counter_pcs.grant_pcs(uow, ADMIN) == 42
    assert actions(uow) == [
        ("counter_pc_enrolled", "window1"),
        ("counter_pc_enrolled", "window2"),
        ("counter_pc_revoked", "window1"),
        ("counter_pc_grants", "*"),
    ]


@pytest.mark.parametrize(
    "name", ["", "Window1", "window-1", "1window", "w" * 31, "a b", "窗口1", "x;drop role y"]
)
def test_a_bad_name_is_refused_before_anything_is_made(name: str) -> None:
    uow = PcUnitOfWork()
    with pytest.raises(ValidationError, match="not a PC name"):
        counter_pcs.enroll_pc(uow, ADMIN, name)
    assert uow.counter_pcs.pcs == {} and actions(uow) == []


def test_a_name_is_enrolled_once_and_an_unknown_pc_cannot_be_revoked() -> None:
    uow = PcUnitOfWork()
    counter_pcs.enroll_pc(uow, ADMIN, "window1")
    counter_pcs.revoke_pc(uow, ADMIN, "window1")
    with pytest.raises(ValidationError, match="already enrolled"):
        counter_pcs.enroll_pc(uow, ADMIN, "window1")  # a revoked name is not used again
    with pytest.raises(NotFound, match="no enrolled PC named window9"):
        counter_pcs.revoke_pc(uow, ADMIN, "window9")
    assert len(actions(uow)) == 2

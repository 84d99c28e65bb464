"""Login lockout, idle lock and role checks, all on an injectable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app import audit, settings, staff
from app.auth import IdleLock, login
from app.clock import ManualClock
from app.errors import AuthenticationError, PermissionDenied, ValidationError
from app.roles import Role
from app.setup import initialize
from tests.helpers.fakes import FakeUnitOfWork


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork(ManualClock(datetime(2026, 11, 24, 1, 0, tzinfo=UTC)))
    initialize(uow, "admin-2026", demo=True, demo_catalog=False)
    return uow


def test_right_password_logs_in(uow: FakeUnitOfWork) -> None:
    actor = login(uow, "zhangwei", "demo-2026")
    assert (actor.name, actor.role) == ("张伟", Role.CLERK)


def test_five_failures_lock_for_five_minutes(uow: FakeUnitOfWork) -> None:
    clock: ManualClock = uow.clock  # type: ignore[assignment]
    for _ in range(4):
        with pytest.raises(AuthenticationError, match=r"^用户名或密码不正确$"):
            login(uow, "zhangwei", "wrong-password")
    with pytest.raises(AuthenticationError, match="锁定"):
        login(uow, "zhangwei", "wrong-password")
    # Even the right password is refused while locked ...
    with pytest.raises(AuthenticationError, match="分钟后再试"):
        login(uow, "zhangwei", "demo-2026")
    clock.advance(timedelta(minutes=4, seconds=59))
    with pytest.raises(AuthenticationError):
        login(uow, "zhangwei", "demo-2026")
    # ... and accepted once the five minutes are over.
    clock.advance(timedelta(seconds=2))
    assert login(uow, "zhangwei", "demo-2026").login == "zhangwei"
    assert uow.staff.by_login("zhangwei").failed_attempts == 0  # type: ignore[union-attr]


def test_failures_and_lockout_are_audited(uow: FakeUnitOfWork) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            login(uow, "lina", "nope-nope")
    actions = [e.action for e in uow.audit.events]
    assert actions.count("login_failed") == 4 and actions.count("login_locked") == 1
    assert audit.verify(uow).ok


def test_unknown_login_gives_the_same_answer_as_a_wrong_password(
    uow: FakeUnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same words, and the same work: one Argon2 verification each (a dummy hash for an
    unknown login), so neither the message nor the time tells which logins exist."""
    from app import auth

    verified: list[str] = []
    real = auth.password_matches

    def counting(password_hash: str, password: str) -> bool:
        verified.append(password_hash)
        return real(password_hash, password)

    monkeypatch.setattr(auth, "password_matches", counting)
    answers = []
    for name in ("nobody", "zhangwei"):
        with pytest.raises(AuthenticationError) as refused:
            login(uow, name, "whatever1")
        answers.append(refused.value.message)
    assert answers[0] == answers[1] == "用户名或密码不正确"
    assert len(verified) == 2 and all(h.startswith("$argon2id$") for h in verified)
    assert verified[0] != verified[1]  # the dummy hash, then zhangwei's own


def test_disabled_account_cannot_log_in(uow: FakeUnitOfWork) -> None:
    admin = login(uow, "admin", "admin-2026")
    staff.disable_staff(uow, admin, "lina")
    with pytest.raises(AuthenticationError):
        login(uow, "lina", "demo-2026")


def test_idle_lock_after_the_set_minutes() -> None:
    clock = ManualClock(datetime(2026, 11, 24, 1, 0, tzinfo=UTC))
    lock = IdleLock(clock, minutes=5)
    clock.advance(timedelta(minutes=4))
    lock.touch()
    clock.advance(timedelta(minutes=4, seconds=59))
    assert not lock.should_lock()
    clock.advance(timedelta(seconds=1))
    assert lock.should_lock() and lock.locked
    lock.touch()  # activity behind a lock does not unlock
    assert lock.locked
    lock.unlock()
    assert not lock.should_lock()


def test_idle_lock_zero_minutes_never_locks() -> None:
    clock = ManualClock(datetime(2026, 11, 24, 1, 0, tzinfo=UTC))
    lock = IdleLock(clock, minutes=0)
    clock.advance(timedelta(days=1))
    assert not lock.should_lock()


def test_clerk_calling_supervisor_services_is_refused(uow: FakeUnitOfWork) -> None:
    clerk = login(uow, "zhangwei", "demo-2026")
    with pytest.raises(PermissionDenied):
        staff.list_staff(uow, clerk)
    with pytest.raises(PermissionDenied):
        staff.set_backup(uow, clerk, "zhangwei", "liuyang")
    with pytest.raises(PermissionDenied):
        staff.add_staff(uow, clerk, login="x1", name="某某", role="clerk", password="long-enough")
    with pytest.raises(PermissionDenied):
        settings.change(uow, clerk, {"idle_lock_minutes": "0"})
    supervisor = login(uow, "sunli", "demo-2026")
    assert len(staff.list_staff(uow, supervisor)) == 8


def test_settings_refuse_every_bad_field_and_save_nothing(uow: FakeUnitOfWork) -> None:
    admin = login(uow, "admin", "admin-2026")
    with pytest.raises(ValidationError) as caught:
        settings.change(
            uow,
            admin,
            {"idle_lock_minutes": "abc", "backup_keep_days": "0", "yellow_ratio_percent": "30"},
        )
    assert set(caught.value.errors) == {"idle_lock_minutes", "backup_keep_days"}
    assert settings.get(uow, "yellow_ratio_percent") == 20
    settings.change(uow, admin, {"idle_lock_minutes": "10"})
    assert settings.get(uow, "idle_lock_minutes") == 10


def test_new_staff_names_every_bad_field_at_once(uow: FakeUnitOfWork) -> None:
    admin = login(uow, "admin", "admin-2026")
    before = uow.staff.count()
    with pytest.raises(ValidationError) as caught:
        staff.add_staff(
            uow, admin, login="Zhang Wei!", name="", role="boss", password="short", window_number=99
        )
    assert set(caught.value.errors) == {"login", "name", "role", "password", "window"}
    assert uow.staff.count() == before


def test_rare_characters_survive_in_staff_names(uow: FakeUnitOfWork) -> None:
    admin = login(uow, "admin", "admin-2026")
    staff.add_staff(
        uow, admin, login="wangyan", name="王𠇹䶮", role="clerk", password="long-enough"
    )
    assert uow.staff.by_login("wangyan").name == "王𠇹䶮"  # type: ignore[union-attr]

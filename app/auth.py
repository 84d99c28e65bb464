"""Passwords, login with lockout, and the idle lock.

Argon2id with OWASP's minimum parameters (m=19 MiB, t=2, p=1): about 20 ms to verify, cheap
for one login, costly for a guesser. Five failed attempts lock the account for five minutes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app import audit
from app.clock import Clock
from app.errors import AuthenticationError, ValidationError
from app.ports import UnitOfWork
from app.records import StaffRecord
from app.roles import Actor

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    check_password_strength(password)
    return _hasher.hash(password)


def check_password_strength(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError.single(field, f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符")
    if password.strip() != password or any(ord(c) < 32 for c in password):
        raise ValidationError.single(field, "密码不能以空格开头或结尾，也不能含控制字符")


REFUSED = "用户名或密码不正确"


@cache
def _dummy_hash() -> str:
    """A hash no password matches, verified for unknown, disabled and locked logins so that a
    refusal takes as long as a wrong password does: the time does not tell which logins exist."""
    return _hasher.hash("no staff member has this password, it only costs the same time")


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def actor_for(staff: StaffRecord) -> Actor:
    return Actor(
        staff_id=staff.id,
        login=staff.login,
        name=staff.name,
        role=staff.role,
        site_id=staff.site_id,
        window_id=staff.window_id,
    )


def login(uow: UnitOfWork, login_name: str, password: str) -> Actor:
    """Check a login and password; count failures and lock after five."""
    refusal: str | None = None
    with uow.write():
        now = uow.clock.now()
        staff = uow.staff.by_login(login_name.strip().lower())
        if staff is None or not staff.active:
            # The same words and the same work (one Argon2 verification) for unknown and
            # disabled accounts as for a wrong password: do not confirm which logins exist.
            password_matches(_dummy_hash(), password)
            typed = _printable(login_name)[:64]  # as typed, without control characters
            audit.record(uow, None, "login_failed", "staff", typed, login=typed)
            refusal = REFUSED
        elif staff.locked_until is not None and staff.locked_until > now:
            password_matches(_dummy_hash(), password)  # as long as any other refusal
            minutes = _minutes_left(staff.locked_until, now)
            refusal = f"连续输错密码次数过多，账号已锁定，请 {minutes} 分钟后再试"
        elif not password_matches(staff.password_hash, password):
            refusal = _count_failure(uow, staff, now)
        else:
            if staff.failed_attempts or staff.locked_until:
                uow.staff.update(staff.id, failed_attempts=0, locked_until=None)
            actor = actor_for(staff)
            audit.record(uow, actor, "login", "staff", staff.id)
            return actor
    raise AuthenticationError(refusal)


def confirm_password(uow: UnitOfWork, actor: Actor, password: str) -> None:
    """Unlock an idle-locked session: the same user's password, counted like a login."""
    again = login(uow, actor.login, password)
    if again.staff_id != actor.staff_id:  # pragma: no cover - logins are unique
        raise AuthenticationError("用户不一致")


def _count_failure(uow: UnitOfWork, staff: StaffRecord, now: datetime) -> str:
    failures = staff.failed_attempts + 1
    locked_until = now + LOCKOUT if failures >= MAX_FAILED_ATTEMPTS else None
    uow.staff.update(
        staff.id,
        failed_attempts=0 if locked_until else failures,
        locked_until=locked_until,
    )
    audit.record(
        uow,
        None,
        "login_locked" if locked_until else "login_failed",
        "staff",
        staff.id,
        login=staff.login,
    )
    if locked_until:
        return f"连续输错密码 {MAX_FAILED_ATTEMPTS} 次，账号已锁定 {int(LOCKOUT.seconds / 60)} 分钟"
    # No count of tries left: an unknown login cannot have one, so it would tell them apart.
    return REFUSED


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, int((until - now).total_seconds() // 60) + 1)


class IdleLock:
    """Locks the session after ``minutes`` without input. The UI feeds it activity."""

    def __init__(self, clock: Clock, minutes: int) -> None:
        self._clock = clock
        self.minutes = minutes
        self._last = clock.now()
        self._locked = False

    def touch(self) -> None:
        if not self._locked:
            self._last = self._clock.now()

    def should_lock(self) -> bool:
        if self._locked or self.minutes <= 0:
            return self._locked
        if self._clock.now() - self._last >= timedelta(minutes=self.minutes):
            self._locked = True
        return self._locked

    @property
    def locked(self) -> bool:
        return self._locked

    def unlock(self) -> None:
        self._locked = False
        self._last = self._clock.now()

    def lock_now(self) -> None:
        self._locked = True


def _printable(text: str) -> str:
    """Text for the audit trail: control characters (NUL among them) replaced by "?"."""
    return "".join("?" if ord(c) < 32 or 0x7F <= ord(c) < 0xA0 else c for c in text)

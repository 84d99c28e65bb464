"""One place tells a storage failure's cause and what to do: the drivers' codes map to causes,
wrappers are looked through, and other failures are left alone."""

from __future__ import annotations

import errno

import psycopg.errors
import pytest

from app.errors import DomainError, ValidationError
from app.storage import MESSAGES, StorageFault, StorageProblem, storage_problem


class FakeSqliteError(Exception):
    """What sqlite3 (3.11+) puts on its exceptions, without opening a database."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.sqlite_errorname = name


class Wrapper(Exception):
    """Like SQLAlchemy's DBAPIError: the driver's exception in ``orig``."""

    def __init__(self, orig: BaseException) -> None:
        super().__init__(f"(wrapped) {orig}")
        self.orig = orig
        self.connection_invalidated = False


@pytest.mark.parametrize(
    ("name", "fault"),
    [
        ("SQLITE_FULL", StorageFault.DISK_FULL),
        ("SQLITE_READONLY", StorageFault.READ_ONLY),
        ("SQLITE_READONLY_DIRECTORY", StorageFault.READ_ONLY),
        ("SQLITE_READONLY_DBMOVED", StorageFault.MISSING),
        ("SQLITE_BUSY", StorageFault.LOCKED),
        ("SQLITE_BUSY_SNAPSHOT", StorageFault.LOCKED),
        ("SQLITE_CORRUPT", StorageFault.CORRUPT),
        ("SQLITE_NOTADB", StorageFault.CORRUPT),
        ("SQLITE_CANTOPEN", StorageFault.MISSING),
        ("SQLITE_IOERR_WRITE", StorageFault.DEVICE),
    ],
)
def test_sqlite_codes(name: str, fault: StorageFault) -> None:
    problem = storage_problem(Wrapper(FakeSqliteError(name, "database says no")))
    assert problem is not None and problem.fault is fault
    assert problem.detail == "database says no"  # the driver's own words


@pytest.mark.parametrize(
    ("error", "fault"),
    [
        (psycopg.errors.DiskFull("no space"), StorageFault.DISK_FULL),
        (psycopg.errors.ReadOnlySqlTransaction("standby"), StorageFault.READ_ONLY),
        (psycopg.errors.LockNotAvailable("lock timeout"), StorageFault.LOCKED),
        (psycopg.errors.DeadlockDetected("deadlock"), StorageFault.LOCKED),
        (psycopg.errors.DataCorrupted("bad page"), StorageFault.CORRUPT),
        (psycopg.errors.AdminShutdown("shutting down"), StorageFault.UNREACHABLE),
        (psycopg.errors.ConnectionFailure("gone"), StorageFault.UNREACHABLE),
        (psycopg.OperationalError("connection refused"), StorageFault.UNREACHABLE),
        (OSError(errno.ENOSPC, "No space left on device"), StorageFault.DISK_FULL),
        (OSError(errno.EIO, "Input/output error"), StorageFault.DEVICE),
    ],
)
def test_postgresql_and_os_codes(error: Exception, fault: StorageFault) -> None:
    problem = storage_problem(Wrapper(error))
    assert problem is not None and problem.fault is fault


# What libpq and the server say when a connection is turned away (seen on PostgreSQL 15 with
# psycopg 3's libpq; tests/integration/test_pg_tls.py meets each of them on a real server).
_FAILED = 'connection failed: connection to server at "127.0.0.1", port 5432 failed: '


@pytest.mark.parametrize(
    ("said", "fault"),
    [
        ('server certificate for "localhost" does not match host name "10.0.0.5"',
         StorageFault.TLS_REFUSED),
        ("SSL error: certificate verify failed", StorageFault.TLS_REFUSED),
        ('root certificate file "C:/hall/ca.crt" does not exist', StorageFault.TLS_REFUSED),
        ("server does not support SSL, but SSL was required", StorageFault.TLS_REFUSED),
        ('FATAL:  no pg_hba.conf entry for host "10.0.0.9", user "hall_pc_w1", '
         'database "hall", no encryption', StorageFault.TLS_REFUSED),
        ('FATAL:  role "hall_pc_w1" is not permitted to log in', StorageFault.PC_REVOKED),
        ('FATAL:  password authentication failed for user "hall_pc_w1"',
         StorageFault.LOGIN_REFUSED),
        ('FATAL:  role "hall_pc_w9" does not exist', StorageFault.LOGIN_REFUSED),
        ('FATAL:  database "hall" does not exist', StorageFault.UNREACHABLE),
        ("Connection refused", StorageFault.UNREACHABLE),
        ("SSL connection has been closed unexpectedly", StorageFault.UNREACHABLE),
        ("SSL SYSCALL error: EOF detected", StorageFault.UNREACHABLE),
    ],
)  # fmt: skip
def test_a_refused_connection_says_what_to_do(said: str, fault: StorageFault) -> None:
    problem = storage_problem(Wrapper(psycopg.OperationalError(_FAILED + said)))
    assert problem is not None and problem.fault is fault
    assert said in problem.detail  # the driver's own words, for the administrator


def test_the_cause_is_found_behind_a_raise_from() -> None:
    try:
        try:
            raise FakeSqliteError("SQLITE_FULL", "database or disk is full")
        except FakeSqliteError as inner:
            raise RuntimeError("saving failed") from inner
    except RuntimeError as outer:
        problem = storage_problem(outer)
    assert problem is not None and problem.fault is StorageFault.DISK_FULL
    assert isinstance(problem.__cause__, RuntimeError)


@pytest.mark.parametrize(
    "error",
    [
        ValidationError.single("name", "不能为空"),
        DomainError("规则不允许"),
        FakeSqliteError("SQLITE_CONSTRAINT_UNIQUE", "UNIQUE constraint failed"),
        psycopg.errors.UniqueViolation("duplicate key"),
        OSError(errno.ENOENT, "No such file"),  # a missing print folder is not a missing database
        ValueError("a bug"),
    ],
)
def test_other_failures_are_left_alone(error: Exception) -> None:
    assert storage_problem(Wrapper(error)) is None


def test_a_storage_problem_stays_itself() -> None:
    problem = StorageProblem(StorageFault.LOCKED, "database is locked")
    assert storage_problem(problem) is problem


def test_every_cause_says_nothing_was_saved_and_what_to_do() -> None:
    assert set(MESSAGES) == set(StorageFault)
    assert len(set(MESSAGES.values())) == len(StorageFault)
    for message in MESSAGES.values():
        assert message.startswith("刚才的操作没有完成，没有保存任何内容。原因：")
        assert "请" in message and message.endswith("。")

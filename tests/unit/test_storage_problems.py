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

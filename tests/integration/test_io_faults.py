"""The storage fails under a running program: a full disk, a read-only file, a lock held for
long, the file moved away or deleted, the file damaged; on PostgreSQL a lock held for long, a
read-only server and an unreachable one. Each time the service call fails with the cause's
own message (``app.storage``), nothing is written, no case number is used up, and once the
cause is fixed the same acceptance goes through with the next number."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

import db.engine
from app import audit
from app.auth import login
from app.cases.records import AcceptRequest, ApplicantInput, CaseQuery
from app.cases.service import accept_case
from app.catalog.records import ItemVersionRecord
from app.clock import ManualClock
from app.context import AppContext
from app.storage import MESSAGES, StorageFault, StorageProblem, storage_problem
from db.migrate import ensure_schema
from db.store import SqlStore, open_store
from tests.helpers import faults
from tests.helpers.catalog import make_item, resident_id

APPLICANT = ApplicantInput(name="王五", id_number=resident_id(), phone="13812345678")


def request(item: ItemVersionRecord) -> AcceptRequest:
    ids = {m.name: m.id for m in item.materials}
    return AcceptRequest(
        item_version_id=item.id,
        applicant=APPLICANT,
        received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
        not_applicable_material_ids=frozenset({ids["收入证明"]}),
    )


def accept(ctx: AppContext, item: ItemVersionRecord) -> str:
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    return accept_case(ctx.uow(), clerk, request(item)).number


def refused_for(ctx: AppContext, item: ItemVersionRecord) -> StorageProblem:
    with pytest.raises(Exception) as caught:
        accept(ctx, item)
    problem = storage_problem(caught.value)
    assert problem is not None, f"not recognised as a storage problem: {caught.value!r}"
    return problem


def fill_until_full(ctx: AppContext, item: ItemVersionRecord) -> list[str]:
    """Accept until a write needs a page the capped file cannot get; what was accepted."""
    accepted: list[str] = []
    for _ in range(200):
        try:
            accepted.append(accept(ctx, item))
        except Exception as exc:
            problem = storage_problem(exc)
            assert problem is not None and problem.fault is StorageFault.DISK_FULL, exc
            return accepted
    raise AssertionError("200 acceptances and the capped file never filled up")


@pytest.fixture
def item(sqlite_demo_ctx: AppContext) -> ItemVersionRecord:
    return make_item(sqlite_demo_ctx)


@pytest.mark.parametrize(
    ("kind", "fault"),
    [
        ("read_only", StorageFault.READ_ONLY),
        ("locked", StorageFault.LOCKED),
        ("moved_away", StorageFault.MISSING),
        ("corrupted", StorageFault.CORRUPT),
        ("disk_full", StorageFault.DISK_FULL),
    ],
)
def test_each_fault_is_named_nothing_is_written_and_work_resumes_once_fixed(
    sqlite_demo_ctx: AppContext,
    item: ItemVersionRecord,
    tmp_path: Path,
    kind: str,
    fault: StorageFault,
) -> None:
    ctx, engine = sqlite_demo_ctx, faults.engine_of(sqlite_demo_ctx)
    first = accept(ctx, item)
    with faults.fault(kind, engine, tmp_path):
        before = None if kind in ("moved_away", "corrupted") else faults.table_counts(engine)
        accepted = fill_until_full(ctx, item) if kind == "disk_full" else []
        if kind == "disk_full":
            before = faults.table_counts(engine)
        problem = refused_for(ctx, item)
        assert problem.fault is fault
        assert problem.message == MESSAGES[fault]
        assert problem.detail  # the driver's words are kept for the administrator
        if before is not None:
            assert faults.table_counts(engine) == before
    # The cause is fixed: the same acceptance goes through with the next number, no gap.
    serial = int(first.rsplit("-", 1)[1]) + len(accepted) + 1
    assert accept(ctx, item).endswith(f"-{serial:04d}")
    assert audit.verify(ctx.uow()).ok
    assert ctx.store.integrity_problems() == []


def test_moved_away_and_back_loses_nothing(
    sqlite_demo_ctx: AppContext, item: ItemVersionRecord, tmp_path: Path
) -> None:
    ctx, engine = sqlite_demo_ctx, faults.engine_of(sqlite_demo_ctx)
    accept(ctx, item)
    before = faults.table_counts(engine)
    with faults.moved_away(engine, tmp_path / "elsewhere"):
        assert refused_for(ctx, item).fault is StorageFault.MISSING
        assert not faults.db_path(engine).exists(), "an empty database was made in its place"
    assert faults.table_counts(engine) == before


def test_a_deleted_file_is_never_written_to_or_recreated(
    sqlite_demo_ctx: AppContext, item: ItemVersionRecord
) -> None:
    """Before the file check, a pooled connection went on writing into the deleted file and
    showed a case number that was gone for good when the program closed."""
    ctx, engine = sqlite_demo_ctx, faults.engine_of(sqlite_demo_ctx)
    accept(ctx, item)
    faults.removed(engine)
    for _ in range(3):  # every pooled connection, not just the first
        assert refused_for(ctx, item).fault is StorageFault.MISSING
    assert not faults.db_path(engine).exists()


def test_a_damaged_header_is_named_too(
    sqlite_demo_ctx: AppContext, item: ItemVersionRecord, tmp_path: Path
) -> None:
    ctx, engine = sqlite_demo_ctx, faults.engine_of(sqlite_demo_ctx)
    with faults.corrupted(engine, tmp_path / "good.sqlite3", header=True):
        assert refused_for(ctx, item).fault is StorageFault.CORRUPT
    assert accept(ctx, item).endswith("-0001")


def test_a_file_replaced_by_its_backup_is_read_afresh(
    sqlite_demo_ctx: AppContext, item: ItemVersionRecord, tmp_path: Path
) -> None:
    """A restore while the program runs: the connections notice the new file and use it."""
    ctx, engine = sqlite_demo_ctx, faults.engine_of(sqlite_demo_ctx)
    copy = ctx.store.backup(tmp_path / "copy.sqlite3")
    accept(ctx, item)
    path = faults.db_path(engine)
    for suffix in faults.SIDE_FILES[1:]:
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    copy.replace(path)  # another inode at the same path
    assert accept(ctx, item).endswith("-0001")  # the copy had no case yet


def test_opening_a_damaged_file_says_so(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "hall.sqlite3"
    path.write_bytes(b"this is not a database, it was overwritten" * 200)
    with pytest.raises(StorageProblem) as caught:
        open_store(f"sqlite:///{path}", clock, None)
    assert caught.value.fault is StorageFault.CORRUPT


def test_opening_a_read_only_file_to_migrate_says_so(
    sqlite_url: str, tmp_path: Path, clock: ManualClock
) -> None:
    """A start that must build the schema in a read-only file names the cause."""
    engine = db.engine.make_engine(sqlite_url)  # a new, empty file
    with faults.read_only(engine):
        with pytest.raises(Exception) as caught:
            ensure_schema(engine, None)
        problem = storage_problem(caught.value)
        assert problem is not None and problem.fault is StorageFault.READ_ONLY
    engine.dispose()


# -- PostgreSQL ---------------------------------------------------------------------------


@pytest.fixture
def pg_hall(
    pg_schema_url: tuple[str, dict[str, object]], clock: ManualClock, tmp_path: Path
) -> Iterator[tuple[AppContext, ItemVersionRecord, str, dict[str, object]]]:
    from app.setup import initialize

    url, kwargs = pg_schema_url
    engine = db.engine.make_engine(url, **kwargs)  # type: ignore[arg-type]
    ensure_schema(engine, None)
    ctx = AppContext(SqlStore(engine, clock), clock, tmp_path)
    initialize(ctx.uow(), "admin-2026", demo=True)
    yield ctx, make_item(ctx), url, kwargs
    engine.dispose()


def other_ctx(ctx: AppContext, engine: Engine) -> AppContext:
    return AppContext(SqlStore(engine, ctx.clock), ctx.clock, ctx.data_dir)


@pytest.mark.postgres
def test_postgresql_lock_held_for_long(
    pg_hall: tuple[AppContext, ItemVersionRecord, str, dict[str, object]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx, item, url, kwargs = pg_hall
    monkeypatch.setattr(db.engine, "LOCK_TIMEOUT_MS", faults.SHORT_BUSY_MS)
    engine = db.engine.make_engine(url, **kwargs)  # type: ignore[arg-type]
    counter = other_ctx(ctx, engine)
    before = faults.table_counts(engine)
    holder = faults.engine_of(ctx).connect()
    holder.execute(text("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE"))  # a stuck writer
    try:
        assert refused_for(counter, item).fault is StorageFault.LOCKED
    finally:
        holder.rollback()
        holder.close()
    assert faults.table_counts(engine) == before
    assert accept(counter, item).endswith("-0001")
    engine.dispose()


@pytest.mark.postgres
def test_postgresql_read_only_server(
    pg_hall: tuple[AppContext, ItemVersionRecord, str, dict[str, object]],
) -> None:
    ctx, item, url, kwargs = pg_hall
    args = dict(kwargs["connect_args"])  # type: ignore[call-overload]
    args["options"] += " -c default_transaction_read_only=on"  # a standby, or a locked-down role
    engine = db.engine.make_engine(url, connect_args=args)
    assert refused_for(other_ctx(ctx, engine), item).fault is StorageFault.READ_ONLY
    engine.dispose()
    assert faults.table_counts(faults.engine_of(ctx))["case_file"] == 0


@pytest.mark.postgres
def test_postgresql_server_unreachable(
    pg_hall: tuple[AppContext, ItemVersionRecord, str, dict[str, object]],
) -> None:
    ctx, item, _url, _kwargs = pg_hall
    engine = db.engine.make_engine(
        "postgresql+psycopg://postgres@127.0.0.1:1/test", connect_args={"connect_timeout": 3}
    )
    assert refused_for(other_ctx(ctx, engine), item).fault is StorageFault.UNREACHABLE
    engine.dispose()


def test_no_acceptance_counted_while_the_store_failed(
    sqlite_demo_ctx: AppContext, item: ItemVersionRecord, tmp_path: Path
) -> None:
    """What the case list shows after the faults: exactly the acceptances that succeeded."""
    from app.cases import queries

    ctx, engine = sqlite_demo_ctx, faults.engine_of(sqlite_demo_ctx)
    numbers = [accept(ctx, item)]
    for kind in ("read_only", "locked", "moved_away", "corrupted"):
        with faults.fault(kind, engine, tmp_path / kind):
            refused_for(ctx, item)
        numbers.append(accept(ctx, item))
    boss = login(ctx.uow(), "sunli", "demo-2026")
    assert queries.count_cases(ctx.uow(), boss, CaseQuery()) == len(numbers) == 5
    assert sorted(n.rsplit("-", 1)[1] for n in numbers) == ["0001", "0002", "0003", "0004", "0005"]

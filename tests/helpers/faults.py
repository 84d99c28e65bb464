"""Storage faults made real on a running store, each as a context manager: inside the block
the cause is present, leaving the block fixes it (as an administrator would).

- ``disk_full``: SQLite's ``max_page_count`` caps the file at its present size, so the next
  write that needs a page fails with SQLITE_FULL, exactly as on a full disk.
- ``read_only``: the file made read-only. Root may write to any file, so where ``chmod`` does
  not stop this process the connections open the file with ``mode=ro`` instead, which is what
  SQLite does by itself with a file it may not write.
- ``locked``: another connection holds ``BEGIN IMMEDIATE`` for longer than the busy timeout
  (shortened so the test does not wait 15 s).
- ``moved_away``: the file and its WAL moved to another folder (and moved back on leaving).
- ``corrupted``: after a checkpoint, the pages after the first overwritten with noise; leaving
  the block puts the good copy back in place.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, inspect, text

import db.engine
from app.context import AppContext

SIDE_FILES = ("", "-wal", "-shm")
SHORT_BUSY_MS = 300


def db_path(ctx_or_engine: AppContext | Engine) -> Path:
    engine = ctx_or_engine if isinstance(ctx_or_engine, Engine) else ctx_or_engine.store.engine  # type: ignore[attr-defined]
    path = db.engine.sqlite_path(str(engine.url))
    assert path is not None
    return path.resolve()


def engine_of(ctx: AppContext) -> Engine:
    return ctx.store.engine  # type: ignore[attr-defined, no-any-return]


@contextmanager
def _on_connect(
    engine: Engine, listener: Callable[..., Any], kind: str = "connect"
) -> Iterator[None]:
    event.listen(engine, kind, listener)
    engine.dispose()  # the connections opened from now on have the fault
    try:
        yield
    finally:
        event.remove(engine, kind, listener)
        engine.dispose()


@contextmanager
def disk_full(engine: Engine) -> Iterator[None]:
    def cap(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    with _on_connect(engine, cap):
        yield


@contextmanager
def read_only(engine: Engine) -> Iterator[None]:
    path = db_path(engine)
    mode = path.stat().st_mode
    path.chmod(0o444)
    try:
        if os.access(path, os.W_OK):  # root: permissions do not stop us, open it read-only

            def read_only_open(_d: Any, _r: Any, cargs: list[Any], _cparams: Any) -> None:
                cargs[0] = cargs[0].replace("mode=rw", "mode=ro")

            with _on_connect(engine, read_only_open, "do_connect"):
                yield
        else:
            engine.dispose()
            yield
    finally:
        path.chmod(mode)
        engine.dispose()


@contextmanager
def locked(engine: Engine) -> Iterator[None]:
    """Another program holds the write lock for longer than the (shortened) busy timeout."""
    saved = db.engine.BUSY_TIMEOUT_MS
    db.engine.BUSY_TIMEOUT_MS = SHORT_BUSY_MS
    engine.dispose()
    holder = sqlite3.connect(db_path(engine), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.engine.BUSY_TIMEOUT_MS = saved
        engine.dispose()


@contextmanager
def moved_away(engine: Engine, folder: Path) -> Iterator[None]:
    path = db_path(engine)
    folder.mkdir(exist_ok=True)
    moved = [(Path(f"{path}{s}"), folder / f"{path.name}{s}") for s in SIDE_FILES]
    moved = [(src, dst) for src, dst in moved if src.exists()]
    for src, dst in moved:
        os.rename(src, dst)
    try:
        yield
    finally:
        for src, dst in moved:
            os.rename(dst, src)


def removed(engine: Engine) -> None:
    """Deleted for good, with its WAL: nothing to put back."""
    path = db_path(engine)
    for suffix in SIDE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def corrupted(engine: Engine, keep: Path, header: bool = False) -> Iterator[None]:
    """The pages after the first (or, with ``header``, the file's first 100 bytes) overwritten;
    leaving puts the checkpointed good copy back, in place, as a restore from backup would."""
    path = db_path(engine)
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the pages live in the main file now
    con.close()
    shutil.copyfile(path, keep)
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        if header:
            fh.write(os.urandom(100))
        else:
            fh.seek(4096)
            fh.write(os.urandom(size - 4096))
    try:
        yield
    finally:
        with open(path, "r+b") as fh:
            fh.write(keep.read_bytes())


FAULTS = ("disk_full", "read_only", "locked", "moved_away", "corrupted")


@contextmanager
def fault(kind: str, engine: Engine, tmp: Path) -> Iterator[None]:
    """One of ``FAULTS`` by name, for tests that run each."""
    tmp.mkdir(parents=True, exist_ok=True)
    makers: dict[str, Callable[[], Any]] = {
        "disk_full": lambda: disk_full(engine),
        "read_only": lambda: read_only(engine),
        "locked": lambda: locked(engine),
        "moved_away": lambda: moved_away(engine, tmp / "elsewhere"),
        "corrupted": lambda: corrupted(engine, tmp / "good-copy.sqlite3"),
    }
    with makers[kind]():
        yield


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per table and the audit chain head: equal before and after means nothing was
    written (or only written and rolled back)."""
    with engine.connect() as conn:
        names = sorted(n for n in inspect(conn).get_table_names() if n != "alembic_version")
        counts = {n: conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names}
        head = conn.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
    return {**counts, f"audit_head:{head.seq}:{head.hash}": 1}

"""Opening the store: SQLite by default, PostgreSQL for a hall with many counters."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError

from app.errors import DomainError
from app.storage import StorageFault, StorageProblem
from db.files import FOLDER_MODE, create_private_file, read_only_location

WRITE_OPTION = "frontdesk_write"
BUSY_TIMEOUT_MS = 15_000  # SQLite: how long a write waits for another counter's lock
LOCK_TIMEOUT_MS = 15_000  # PostgreSQL: the same for a row or table lock
NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs", "ncpfs", "davfs"}


class StoreError(DomainError):
    """The database cannot be used as asked (network share, too new, unreachable)."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with the settings that keep acknowledged work safe."""
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            refuse_network_share(path)
            if path.exists():
                why = read_only_location(path)
                if why is not None:  # else SQLite says "cannot open": taken for a missing file
                    raise StorageProblem(StorageFault.READ_ONLY, why)
            path.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            # A new database is an empty owner-only file (from now on only this file is
            # opened); an existing one is narrowed to owner-only (docs/SECURITY.md).
            create_private_file(path)
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        if path is not None:
            _watch_sqlite_file(engine, path.resolve())
        return engine
    connect_args = dict(kwargs.pop("connect_args", {}))
    # A lock held for long (a stuck program, a long manual query) ends in a clear refusal
    # instead of a counter that waits for ever.
    options = f"{connect_args.get('options', '')} -c lock_timeout={LOCK_TIMEOUT_MS}"
    connect_args["options"] = options.strip()
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    _nul_finds_nothing(engine)
    return engine


def _nul_finds_nothing(engine: Engine) -> None:
    """PostgreSQL text cannot hold NUL and refuses a query that mentions one; SQLite simply
    finds nothing. A NUL pasted into a search box, a login or a number field must find nothing
    on both, not crash: in a query it becomes U+FFFD, which no stored key holds. Writes are
    left alone: every text the services store is validated first (control characters refused).
    """

    def cleaned(params: dict[str, Any]) -> dict[str, Any]:
        return {
            k: v.replace("\x00", "\ufffd") if isinstance(v, str) else v for k, v in params.items()
        }

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _finds_nothing(
        _conn: Any, _cursor: Any, statement: str, params: Any, _context: Any, many: bool
    ) -> tuple[str, Any]:
        if (
            not many
            and isinstance(params, dict)
            and any(isinstance(v, str) and "\x00" in v for v in params.values())
            and statement.lstrip()[:6].upper() == "SELECT"
        ):
            return statement, cleaned(params)
        return statement, params


def _watch_sqlite_file(engine: Engine, path: Path) -> None:
    """Open only the existing file, and notice when it is removed, replaced or changed by
    someone else while the program runs.

    Without this a removed file would be recreated empty by the next connection, and a pooled
    connection would go on writing into the deleted file: a case number shown for a case that
    is gone when the program closes. So connections open the file read-write but never create
    it, and each one remembers the file it saw; when a transaction starts and the file at the
    path is another one, or was changed behind the connection's back, the connection is
    dropped and a new one opened: it finds the file gone (SQLITE_CANTOPEN), damaged
    (SQLITE_CORRUPT) or simply newer, and reads it afresh.
    """

    @event.listens_for(engine, "do_connect")
    def _open_existing(
        _dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]
    ) -> None:
        cargs[0] = f"{path.as_uri()}?mode=rw"
        cparams["uri"] = True

    @event.listens_for(engine, "connect")
    def _remember(_dbapi_connection: Any, record: Any) -> None:
        record.info["file"] = _file_state(path)

    @event.listens_for(engine, "checkin")
    def _after_own_work(_dbapi_connection: Any, record: Any) -> None:
        if record is not None and "file" in record.info:  # our own checkpoints change it
            record.info["file"] = _file_state(path)

    @event.listens_for(engine, "checkout")
    def _same_file(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if record.info.get("file") != _file_state(path):
            raise DisconnectionError("the database file was removed, replaced or changed")


def _file_state(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over BEGIN from the driver so write transactions can say IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A deferred BEGIN that later writes fails with "database is locked" when another
        # process wrote in between; IMMEDIATE takes the write lock up front and waits for it.
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def drop_planner_statistics(engine: Engine) -> bool:
    """SQLite: remove the statistics ``ANALYZE`` left in the file (a maintenance script, a
    database tool). The program's queries are measured and tested on the plans SQLite makes
    without them; with them it plans by averages that hide how a hall's data is skewed (the
    three open states "average" 165,000 cases each on a one-year hall, where a few thousand are
    open) and turns index probes into table scans: there the warning scan went 77 -> 439 ms.
    Statistics are derived data: nothing is lost. A file that cannot be written keeps them
    (slower, never refused). Whether any were removed."""
    if engine.dialect.name != "sqlite":
        return False  # PostgreSQL keeps its own, with histograms of the skew
    raw = engine.raw_connection()
    names: list[str] = []
    dropped = False
    try:
        cursor = raw.cursor()
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name IN ('sqlite_stat1', 'sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4')"
        )
        names = [str(row[0]) for row in cursor.fetchall()]
        if names:
            # Never wait for the lock at open: a DB tool may still hold it (often the one that
            # ran ANALYZE). Then the statistics stay until the next start.
            cursor.execute("PRAGMA busy_timeout=0")
            try:
                cursor.execute("BEGIN IMMEDIATE")
                for name in names:
                    cursor.execute(f"DROP TABLE IF EXISTS {name}")
                cursor.execute("COMMIT")
                dropped = True
            except sqlite3.Error:  # locked or read-only: slower plans, never a refusal to open
                with contextlib.suppress(sqlite3.Error):
                    cursor.execute("ROLLBACK")
        cursor.close()
    finally:
        raw.close()
        if names:
            # A connection keeps the statistics it loaded with the schema, even past its own
            # DROP, and this one waits for no lock: the pool's are closed, the next are as usual.
            engine.dispose()
    return dropped


def fill_without_waiting_for_disk(engine: Engine) -> Callable[[], None]:
    """For filling a new demo hall (thousands of small service transactions): from now on this
    engine's commits do not wait for the disk (SQLite ``synchronous=NORMAL`` in WAL mode: a
    crash may lose the last commits, never the file; PostgreSQL ``synchronous_commit=off``).
    Call the returned function when the fill is done: it writes everything to disk (a full WAL
    checkpoint) and gives the connections back, so later opens have the usual full sync."""
    sqlite = engine.dialect.name == "sqlite"

    def relax(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=NORMAL" if sqlite else "SET synchronous_commit TO off")
        cursor.close()

    engine.dispose()  # connections made from now on are relaxed; none is left as it was
    event.listen(engine, "connect", relax)

    def done() -> None:
        event.remove(engine, "connect", relax)
        if sqlite:
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
        engine.dispose()

    return done


def refuse_network_share(path: Path) -> None:
    if is_network_path(path):
        raise StoreError(
            f"数据库文件位于网络共享目录（{path}）。SQLite 在网络文件系统上不能安全地多机共用，"
            "会损坏数据。多个窗口共用数据请改用 PostgreSQL 服务器（见 README：使用 PostgreSQL）。"
        )


def is_network_path(path: Path, mounts_file: str = "/proc/mounts") -> bool:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _windows_drive_is_remote(path)
    return _mount_fs_type(path.resolve(), mounts_file) in NETWORK_FS


def _mount_fs_type(path: Path, mounts_file: str) -> str | None:
    try:
        with open(mounts_file, encoding="utf-8") as fh:
            mounts = [line.split()[1:3] for line in fh if len(line.split()) >= 3]
    except OSError:
        return None
    best: tuple[int, str] | None = None
    for mount_point, fs_type in mounts:
        mount_point = mount_point.replace("\\040", " ")
        if _is_within(path, Path(mount_point)) and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fs_type)
    return best[1] if best else None


def _is_within(path: Path, parent: Path) -> bool:
    return path == parent or parent in path.parents


def _windows_drive_is_remote(path: Path) -> bool:  # pragma: no cover
    import ctypes

    drive = os.path.splitdrive(str(path.resolve()))[0]
    if not drive:
        return False
    drive_remote = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)  # type: ignore[attr-defined]

"""When the database cannot be used: one place that says what happened and what to do.

The window (``ui.ops.run_op``), the command line and the start-up all pass a failed operation's
exception to ``storage_problem``; when the cause is the storage (a full disk, a read-only or
missing file, a lock held for long, a damaged file, an unreachable server) it becomes a
``StorageProblem`` with one clerk-facing message per cause. Nothing here imports a driver: the
causes are read from what the drivers leave on their exceptions (sqlite3's ``sqlite_errorname``,
psycopg's ``sqlstate``, an ``OSError``'s ``errno``), so ``app`` stays free of SQL.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from enum import StrEnum

from app.errors import DomainError


class StorageFault(StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    LOCKED = "locked"
    MISSING = "missing"
    CORRUPT = "corrupt"
    DEVICE = "device"
    UNREACHABLE = "unreachable"
    TLS_REFUSED = "tls_refused"
    PC_REVOKED = "pc_revoked"
    LOGIN_REFUSED = "login_refused"


_NOT_SAVED = "刚才的操作没有完成，没有保存任何内容。"
MESSAGES: dict[StorageFault, str] = {
    StorageFault.DISK_FULL: _NOT_SAVED
    + "原因：磁盘已满。请删除不需要的文件或请管理员清理磁盘，然后再试一次。",
    StorageFault.READ_ONLY: _NOT_SAVED
    + "原因：数据库文件是只读的，或本机账户没有写入权限。"
    + "请管理员取消文件的只读属性或授予写入权限，然后再试一次。",
    StorageFault.LOCKED: _NOT_SAVED
    + "原因：数据库被其他程序长时间占用（例如正在备份、杀毒扫描，或另一台电脑上的程序未响应）。"
    + "请稍候再试；反复出现时请关闭占用数据库的程序或联系管理员。",
    StorageFault.MISSING: _NOT_SAVED
    + "原因：找不到数据库文件（可能已被移动、改名或删除）。请不要关闭本程序，"
    + "请管理员把数据库文件放回原处或用 frontdesk restore 从备份恢复，然后再试一次。",
    StorageFault.CORRUPT: _NOT_SAVED
    + "原因：数据库文件已损坏。请停止在本机办件，请管理员运行 frontdesk check 检查，"
    + "并用 frontdesk restore 从最近的备份恢复，然后再试一次。",
    StorageFault.DEVICE: _NOT_SAVED
    + "原因：读写磁盘时出错（移动硬盘或U盘可能已拔出，或磁盘故障）。"
    + "请检查存放数据库的磁盘，然后再试一次；反复出现时请联系管理员。",
    StorageFault.UNREACHABLE: _NOT_SAVED
    + "原因：连接不上数据库服务器（网络中断或服务器未运行）。"
    + "请检查网线和网络，或请管理员检查数据库服务器，然后再试一次。",
    StorageFault.TLS_REFUSED: _NOT_SAVED
    + "原因：与数据库服务器的加密连接（TLS）未建立或未通过校验。请检查本机 FRONTDESK_DB 设置："
    + "应含 sslmode=verify-full，sslrootcert 应指向管理员给的大厅 CA 证书文件（路径是否正确、"
    + "文件是否还在），服务器名称应与证书上的一致；仍不行请联系管理员。",
    StorageFault.PC_REVOKED: _NOT_SAVED
    + "原因：管理员已撤销本机连接数据库的权限。请联系管理员为本机重新登记"
    + "（frontdesk pc add），并把新的连接设置填入本机的 FRONTDESK_DB。",
    StorageFault.LOGIN_REFUSED: _NOT_SAVED
    + "原因：数据库服务器拒绝了本机的登录（密码不对，或本机的登录名不存在）。"
    + "请向管理员索取本机的连接设置（FRONTDESK_DB），不要使用其他电脑的设置。",
}


class StorageProblem(DomainError):
    """The database could not be used; ``fault`` says why, the message what to do."""

    def __init__(self, fault: StorageFault, detail: str = "") -> None:
        super().__init__(MESSAGES[fault])
        self.fault = fault
        self.detail = detail  # the driver's own words, for the administrator


def storage_problem(exc: BaseException) -> StorageProblem | None:
    """The storage problem behind ``exc``, or None when the cause is something else."""
    if isinstance(exc, StorageProblem):
        return exc
    for link in _chain(exc):
        fault = _fault_of(link)
        if fault is not None:
            problem = StorageProblem(fault, _first_line(link))
            problem.__cause__ = exc
            return problem
    return None


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, the driver's exception it wraps, and their causes (each once)."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo and len(seen) < 20:
        link = todo.pop(0)
        if id(link) in seen:
            continue
        seen.add(id(link))
        yield link
        for nxt in (getattr(link, "orig", None), link.__cause__, link.__context__):
            if isinstance(nxt, BaseException):
                todo.append(nxt)


# SQLite result codes (https://sqlite.org/rescode.html), extended codes by their prefix.
_SQLITE = (
    ("SQLITE_READONLY_DBMOVED", StorageFault.MISSING),
    ("SQLITE_FULL", StorageFault.DISK_FULL),
    ("SQLITE_READONLY", StorageFault.READ_ONLY),
    ("SQLITE_PERM", StorageFault.READ_ONLY),
    ("SQLITE_BUSY", StorageFault.LOCKED),
    ("SQLITE_LOCKED", StorageFault.LOCKED),
    ("SQLITE_CORRUPT", StorageFault.CORRUPT),
    ("SQLITE_NOTADB", StorageFault.CORRUPT),
    ("SQLITE_CANTOPEN", StorageFault.MISSING),
    ("SQLITE_IOERR", StorageFault.DEVICE),
)
# PostgreSQL SQLSTATE codes (appendix A of its manual): exact codes, then classes.
_SQLSTATE = {
    "53100": StorageFault.DISK_FULL,
    "25006": StorageFault.READ_ONLY,
    "42501": StorageFault.READ_ONLY,
    "55P03": StorageFault.LOCKED,
    "57014": StorageFault.LOCKED,
    "40P01": StorageFault.LOCKED,
    "40001": StorageFault.LOCKED,
    "XX001": StorageFault.CORRUPT,
    "XX002": StorageFault.CORRUPT,
    "3D000": StorageFault.MISSING,
    "42P01": StorageFault.MISSING,
    "57P01": StorageFault.UNREACHABLE,
    "57P02": StorageFault.UNREACHABLE,
    "57P03": StorageFault.UNREACHABLE,
}
_ERRNO = {
    errno.ENOSPC: StorageFault.DISK_FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): StorageFault.DISK_FULL,
    errno.EIO: StorageFault.DEVICE,
}


def _fault_of(exc: BaseException) -> StorageFault | None:
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str):
        fault = next((f for prefix, f in _SQLITE if name.startswith(prefix)), None)
        if fault is not None:
            return fault
        # The file at the path is an empty new database, not the hall's (it was replaced).
        return StorageFault.MISSING if "no such table" in str(exc) else None
    module = type(exc).__module__
    if module.startswith("psycopg"):
        state = getattr(exc, "sqlstate", None)
        if isinstance(state, str):
            return _SQLSTATE.get(state) or (
                StorageFault.UNREACHABLE if state.startswith("08") else None
            )
        # No SQLSTATE: the connection itself failed (refused, timed out, dropped, or turned
        # away by TLS or the login): only libpq's words tell which.
        if type(exc).__name__ != "OperationalError":
            return None
        return _connection_fault(str(exc))
    if getattr(exc, "connection_invalidated", False):  # SQLAlchemy saw the connection drop
        return StorageFault.UNREACHABLE
    if isinstance(exc, OSError) and exc.errno is not None:
        return _ERRNO.get(exc.errno)
    return None


# libpq's and the server's words (English: the program's own connections do not ask for
# another language) for a connection turned away by TLS or by the login. A session that drops
# later ("SSL connection has been closed unexpectedly", "SSL SYSCALL error") stays unreachable.
_CONNECTION_REFUSALS = (
    ("is not permitted to log in", StorageFault.PC_REVOKED),
    ("password authentication failed", StorageFault.LOGIN_REFUSED),
    ("no password supplied", StorageFault.LOGIN_REFUSED),
    ("certificate", StorageFault.TLS_REFUSED),  # not verified, wrong name, CA file missing
    ("SSL error", StorageFault.TLS_REFUSED),
    ("does not support SSL", StorageFault.TLS_REFUSED),
    ("no encryption", StorageFault.TLS_REFUSED),  # pg_hba: hostssl lines only
)


def _connection_fault(text: str) -> StorageFault:
    if 'role "' in text and "does not exist" in text:
        return StorageFault.LOGIN_REFUSED
    return next(
        (fault for words, fault in _CONNECTION_REFUSALS if words in text),
        StorageFault.UNREACHABLE,
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__

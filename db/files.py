"""Owner-only files: the data folder 0700, the database and its copies 0600 (POSIX).

A counter PC is shared: other OS accounts on it must not read the hall's records. On POSIX the
modes are set when a file or folder is made and corrected on every open (an older install made
them 0644/0755). On Windows ``chmod`` can only set the read-only flag, so nothing is changed
there: the per-user data folder under %LOCALAPPDATA% inherits an ACL that grants only the user,
SYSTEM and Administrators (docs/SECURITY.md).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

POSIX = os.name == "posix"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: Path) -> Path:
    """Make ``path`` (and missing parents) and leave it owner-only."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    _narrow(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> None:
    """Leave an existing file owner-only (with its SQLite companions -wal, -shm, -journal)."""
    for companion in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        _narrow(companion, FILE_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (SQLite takes an empty file as a new
    database). An existing file is left alone apart from its mode."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        private_file(path)
        return
    os.close(fd)
    private_file(path)  # the umask cannot widen it, but an ACL-less umask 0 is fine too


def _narrow(path: Path, mode: int) -> None:
    if not POSIX:
        return
    try:
        st = path.stat()
        if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) != mode:
            os.chmod(path, mode)
    except OSError:  # gone meanwhile, or not ours: nothing to narrow
        pass


def read_only_location(path: Path) -> str | None:
    """Why the database at ``path`` cannot be written, or None: a read-only mount (a CD, a
    write-protected stick, a file system remounted read-only after errors) or no write right
    on the file or its folder (SQLite writes its -wal and -shm files next to it)."""
    folder = path.parent
    try:
        if POSIX and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return f"{folder} 所在的磁盘是只读挂载的"
    except OSError:
        return None
    for where in (path, folder):
        if where.exists() and not os.access(where, os.W_OK):
            return f"{where} 是只读的（本账户没有写入权限）"
    return None

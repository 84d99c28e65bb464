"""What the 数据交换 page needs from app/sync (h-sync's services), as a Protocol: the page is
built and tested on it, and the main window passes the real services.

Each call runs off the GUI thread (``ui.ops.run_op``) with a fresh unit of work; the services
check the actor's role and their input and refuse with a one-line ``DomainError``. The result
records are read by attribute only, so any frozen dataclass with these fields will do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

# (done, total) while a bundle is written or read: rows, or any unit the service counts in.
Progress = Callable[[int, int], None]


class ExportOutcome(Protocol):
    @property
    def path(self) -> Path: ...
    @property
    def to_site(self) -> str: ...
    @property
    def sequence(self) -> int: ...
    @property
    def counts(self) -> Mapping[str, int]: ...  # record kind -> rows in the bundle


class ImportPreview(Protocol):
    """What importing a bundle would do, read and checked, nothing written."""

    @property
    def from_site(self) -> str: ...
    @property
    def kind(self) -> str: ...  # up / down
    @property
    def sequence(self) -> int: ...
    @property
    def counts(self) -> Mapping[str, int]: ...  # record kind -> rows it would add or change
    @property
    def gap(self) -> str: ...  # sequences missing before this one ("" none)
    @property
    def already_imported(self) -> bool: ...


class ImportOutcome(Protocol):
    @property
    def from_site(self) -> str: ...
    @property
    def sequence(self) -> int: ...
    @property
    def counts(self) -> Mapping[str, int]: ...  # record kind -> rows added or changed


class SiteStatus(Protocol):
    """One line of ``frontdesk sync status``: per other site."""

    @property
    def site_code(self) -> str: ...
    @property
    def site_name(self) -> str: ...
    @property
    def last_sequence(self) -> int: ...  # the last bundle imported from it (0: none)
    @property
    def last_at(self) -> datetime | None: ...
    @property
    def outstanding(self) -> str: ...  # what is not yet acknowledged or missing, in words


class SyncServices(Protocol):
    def export_bundle(
        self, uow: Any, actor: Any, out: Path, to_site: str, progress: Progress | None = None
    ) -> ExportOutcome: ...
    def preview_import(self, uow: Any, actor: Any, path: Path) -> ImportPreview: ...
    def import_bundle(
        self, uow: Any, actor: Any, path: Path, progress: Progress | None = None
    ) -> ImportOutcome: ...
    def sync_status(self, uow: Any, actor: Any) -> Sequence[SiteStatus]: ...

"""What the 数据交换 page needs of app/sync: its four services (``app.sync.service``), as a
Protocol, so the page is tested on a fake and the main window passes the real module.

Each call runs off the GUI thread (``ui.ops.run_op``) with a fresh unit of work; the services
check the actor's role and their input and refuse with a one-line ``DomainError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from app.sync.records import ExportResult, ImportPreview, ImportResult, Progress, SiteSyncStatus


class SyncServices(Protocol):
    def export_bundle(
        self,
        uow: Any,
        actor: Any,
        out_path: Path | str,
        to_site: str | None = None,
        progress: Progress | None = None,
    ) -> ExportResult: ...
    def preview_import(self, uow: Any, actor: Any, path: Path | str) -> ImportPreview: ...
    def import_bundle(
        self, uow: Any, actor: Any, path: Path | str, progress: Progress | None = None
    ) -> ImportResult: ...
    def sync_status(self, uow: Any, actor: Any) -> Sequence[SiteSyncStatus]: ...

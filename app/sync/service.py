"""The sync services the 数据交换 page and ``frontdesk sync`` call (issue #16)."""

from app.sync.exporter import export_bundle
from app.sync.importer import import_bundle, preview_import
from app.sync.records import ExportResult, ImportPreview, ImportResult, Progress, SiteSyncStatus
from app.sync.status import sync_status

__all__ = [
    "ExportResult",
    "ImportPreview",
    "ImportResult",
    "Progress",
    "SiteSyncStatus",
    "export_bundle",
    "import_bundle",
    "preview_import",
    "sync_status",
]

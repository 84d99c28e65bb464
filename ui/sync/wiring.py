"""The services the 数据交换 page calls: app/sync's (h-sync's branch)."""

from __future__ import annotations

from ui.sync.ports import SyncServices


def sync_services() -> SyncServices:
    raise NotImplementedError("wired at merge")

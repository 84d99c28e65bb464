"""What the sync services return: small frozen records for the 数据交换 page and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.sync.ports import RowCounts

# progress(step, of steps, what is being done): for a progress bar
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str  # up / down
    from_site: str
    to_site: str
    sequence: int
    bundle_id: str
    counts: dict[str, int]  # record kind -> rows in the bundle
    audit_events: int

    @property
    def rows(self) -> int:
        """Records of the sites' work (not references, audit events or county content)."""
        return sum(
            n
            for k, n in self.counts.items()
            if not k.startswith(("ref_", "content_")) and k != "audit_event"
        )

    @property
    def content(self) -> int:
        """Entries of the county's content (catalog, calendar, settings, trust list)."""
        return sum(n for k, n in self.counts.items() if k.startswith("content_"))

    def describe(self) -> str:
        content = f", {self.content} county content entries" if self.content else ""
        return (
            f"exported bundle {self.from_site}->{self.to_site} #{self.sequence} ({self.kind}): "
            f"{self.rows} records{content}, {self.audit_events} audit events -> {self.path}"
        )


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    kind: str
    from_site: str
    to_site: str
    sequence: int
    bundle_id: str
    created_at: datetime
    counts: dict[str, RowCounts]  # record kind -> new / already present
    audit_events_new: int
    gap: tuple[int, ...]  # sequences of this sender never imported, before this one
    already_imported: bool

    @property
    def new_rows(self) -> int:
        return _total(self.counts, "new")

    def describe(self) -> str:
        if self.already_imported:
            return f"bundle {self.from_site} #{self.sequence} was imported before: nothing to add"
        present = sum(c.present + c.updated for c in self.counts.values())
        text = (
            f"bundle {self.from_site}->{self.to_site} #{self.sequence} ({self.kind}, made "
            f"{self.created_at:%Y-%m-%d %H:%M}): {self.new_rows} new records, {present} already "
            f"here, {self.audit_events_new} new audit events"
        )
        return text + (f"; MISSING before it: {_seqs(self.gap)}" if self.gap else "")


@dataclass(frozen=True)
class ImportResult:
    path: Path
    kind: str
    from_site: str
    to_site: str
    sequence: int
    bundle_id: str
    counts: dict[str, RowCounts] = field(default_factory=dict)
    audit_events_new: int = 0
    gap: tuple[int, ...] = ()
    already_imported: bool = False
    acknowledged_seq: int = 0  # of our bundles, what the sender says it has

    @property
    def new_rows(self) -> int:
        return _total(self.counts, "new")

    @property
    def updated_rows(self) -> int:
        return _total(self.counts, "updated")

    def describe(self) -> str:
        if self.already_imported:
            return f"bundle {self.from_site} #{self.sequence} was imported before: nothing changed"
        text = (
            f"imported bundle {self.from_site}->{self.to_site} #{self.sequence} ({self.kind}): "
            f"{self.new_rows} new, {self.updated_rows} updated records, "
            f"{self.audit_events_new} audit events"
        )
        return text + (f"; MISSING before it: {_seqs(self.gap)}" if self.gap else "")


@dataclass(frozen=True)
class SiteSyncStatus:
    site_code: str
    site_name: str
    last_imported_seq: int
    last_imported_at: datetime | None
    last_imported_id: str | None
    last_sent_seq: int
    acknowledged_seq: int  # of what we sent, the last it acknowledged
    audit_seq: int  # its audit chain imported up to here
    gaps: tuple[int, ...]  # its sequences never imported (their content came in later ones)

    @property
    def outstanding(self) -> int:
        """Bundles sent to the site and not acknowledged yet."""
        return max(0, self.last_sent_seq - self.acknowledged_seq)

    def describe(self) -> str:
        when = f"{self.last_imported_at:%Y-%m-%d %H:%M}" if self.last_imported_at else "never"
        text = (
            f"{self.site_code} {self.site_name}: last imported #{self.last_imported_seq} "
            f"({when}), sent #{self.last_sent_seq}, acknowledged #{self.acknowledged_seq}, "
            f"{self.outstanding} outstanding"
        )
        return text + (f", missing {_seqs(self.gaps)}" if self.gaps else "")


def _seqs(seqs: tuple[int, ...]) -> str:
    return ", ".join(f"#{n}" for n in seqs)


def _total(counts: dict[str, RowCounts], which: str) -> int:
    """One column of the per-kind counts (new, updated, present), summed over the kinds."""
    return sum(int(getattr(c, which)) for c in counts.values())

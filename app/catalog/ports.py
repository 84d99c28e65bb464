"""What the catalog services hand to storage and need back from it.

Drafts are the input of ``app.catalog.service.save_item`` and of the exchange: plain frozen
values, validated by the service before any of them reaches a repository. Repositories return
the records of ``app.catalog.records``, never ORM rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.catalog.records import (
    ItemSummary,
    ItemVersionRecord,
    MaterialForm,
    MaterialMedium,
    Necessity,
)


@dataclass(frozen=True)
class MaterialDraft:
    """One required material (申请材料) as the administrator entered it."""

    name: str
    form: MaterialForm | str = MaterialForm.ORIGINAL
    medium: MaterialMedium | str = MaterialMedium.PAPER
    copies: int = 1
    necessity: Necessity | str = Necessity.REQUIRED
    condition: str = ""  # when a conditional material is needed
    deferrable: bool = False  # 容缺: may be supplied after acceptance
    requirements: str = ""
    template_ref: str = ""


@dataclass(frozen=True)
class StepDraft:
    """One step of the procedure (受理 → 审核 → 决定 → 送达) with its working days."""

    name: str
    days: int


@dataclass(frozen=True)
class ItemDraft:
    """The content of one version of a service item.

    ``base_version_id`` says what the draft was edited from: None for a new item (its code
    must be new), else the version the administrator opened; saving fails with ConcurrentEdit
    when someone saved a newer version in between.
    """

    code: str
    name: str
    department: str
    statutory_days: int
    committed_days: int
    category: str = ""
    legal_basis: str = ""
    conditions: str = ""
    fee: str = "不收费"
    fee_basis: str = ""
    where_when: str = ""
    visits_needed: int = 1
    consult_phone: str = ""
    complaint_phone: str = ""
    delivery_methods: str = "窗口领取"
    extension_allowance: int = 10  # working days beyond the statutory limit (Art. 42)
    decision_level: str = "local"  # app.catalog.records.DecisionLevel
    materials: tuple[MaterialDraft, ...] = ()
    steps: tuple[StepDraft, ...] = ()
    base_version_id: int | None = None


@dataclass(frozen=True)
class CatalogItemRecord:
    """A service item's identity: its code, whether it is offered, and its current version."""

    id: int
    code: str
    active: bool
    current_version_id: int | None


@dataclass(frozen=True)
class CatalogEntry:
    """An item with its current version, as the exchange exports it."""

    item: CatalogItemRecord
    version: ItemVersionRecord


class CatalogRepository(Protocol):
    def item_by_code(self, code: str, *, lock: bool = False) -> CatalogItemRecord | None:
        """The item with exactly this code; ``lock`` holds its row until the transaction ends."""
        ...

    def item(self, item_id: int) -> CatalogItemRecord | None: ...
    def add_item(self, code: str) -> int: ...
    def last_version_no(self, item_id: int) -> int:
        """The highest version number of the item, 0 when it has none."""
        ...

    def add_version(
        self,
        item_id: int,
        version_no: int,
        draft: ItemDraft,
        *,
        search_key: str,
        created_at: datetime,
        created_by: int | None,
    ) -> int:
        """Store a validated draft with its materials and steps in order; the new version id."""
        ...

    def set_current_version(self, item_id: int, version_id: int) -> None: ...
    def publish_version(self, version_id: int, at: datetime, by: int | None) -> None:
        """Record a version's publication (who — None for the set-up — and when); it was a
        draft until then."""
        ...

    def set_active(self, item_id: int, active: bool) -> None: ...
    def version(self, version_id: int) -> ItemVersionRecord | None: ...
    def current_entries(self) -> list[CatalogEntry]:
        """Every item that has a version, with that version, ordered by code."""
        ...

    def summaries(self, include_inactive: bool) -> list[ItemSummary]:
        """Current versions ordered by code."""
        ...

    def search(self, text: str, limit: int, include_inactive: bool) -> list[ItemSummary]:
        """Items whose current version matches ``text``, best first, in one query.

        ``text`` is already normalized (``app.catalog.search.normalize_query``): lower case,
        no spaces. Ranking: the code itself; a code prefix; a prefix of the name or of its
        pinyin initials; a substring of code, name or initials; finally the characters of
        ``text`` in order within the name or initials ("dbsq" in 最低生活保障申请 → zdshbzsq).
        Within a rank, shorter names first, then by code.
        """
        ...

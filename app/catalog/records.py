"""What the rest of the program reads of the catalog. A version never changes once written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class MaterialForm(StrEnum):
    ORIGINAL = "original"
    COPY = "copy"
    EITHER = "either"


class MaterialMedium(StrEnum):
    PAPER = "paper"
    ELECTRONIC = "electronic"
    EITHER = "either"


class Necessity(StrEnum):
    REQUIRED = "required"
    CONDITIONAL = "conditional"  # required if ``condition`` applies
    OPTIONAL = "optional"


@dataclass(frozen=True)
class MaterialRecord:
    id: int
    position: int
    name: str
    form: MaterialForm
    medium: MaterialMedium
    copies: int
    necessity: Necessity
    condition: str
    deferrable: bool
    requirements: str
    template_ref: str


@dataclass(frozen=True)
class StepRecord:
    position: int
    name: str
    days: int


class DecisionLevel(StrEnum):
    """Who decides a case of an item: the hall that accepted it, or a county department
    (乡镇代收、县级审批)."""

    LOCAL = "local"
    COUNTY = "county"


@dataclass(frozen=True)
class ItemVersionRecord:
    """One version of a service item, with its materials and steps in order."""

    id: int
    item_id: int
    code: str
    version_no: int
    name: str
    department: str
    category: str
    legal_basis: str
    conditions: str
    statutory_days: int
    committed_days: int
    fee: str
    fee_basis: str
    where_when: str
    visits_needed: int
    consult_phone: str
    complaint_phone: str
    delivery_methods: str
    created_at: datetime
    materials: tuple[MaterialRecord, ...]
    steps: tuple[StepRecord, ...]
    # Working days a case may be extended beyond the statutory limit with the approval of the
    # head of the body (行政许可法 Art. 42: 10; other laws set other limits).
    extension_allowance: int = 10
    # 公布: a version is a draft until a supervisor or administrator publishes it; the hall's
    # posted papers (服务承诺书, 公示清单) say so while an item in force is a draft.
    published_at: datetime | None = None
    published_by_name: str = ""
    # Who decides its cases (DecisionLevel): the accepting hall, or a county department (a
    # township accepts and hands the case over, app.handover).
    decision_level: str = "local"

    @property
    def published(self) -> bool:
        return self.published_at is not None

    @property
    def on_the_spot(self) -> bool:
        """即办件: completed at the counter, no waiting time."""
        return self.committed_days == 0

    def material(self, material_id: int) -> MaterialRecord:
        for m in self.materials:
            if m.id == material_id:
                return m
        raise KeyError(material_id)


@dataclass(frozen=True)
class ItemSummary:
    """A search hit: enough to show in the finder and open the current version."""

    item_id: int
    version_id: int
    code: str
    name: str
    department: str
    committed_days: int
    version_no: int = 1
    active: bool = True  # False: no longer offered (only admin lists show these)
    published: bool = True  # False: the version in force is a draft not yet published

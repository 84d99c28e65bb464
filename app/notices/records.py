"""Values passed into and out of the notice and refusal services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from app.cases.records import ApplicantInput


class NoticeState(StrEnum):
    OPEN = "open"  # the applicant has still to bring what is missing
    ACCEPTED = "accepted"  # brought back, and the application accepted as a case
    CLOSED = "closed"  # replaced by a later notice, or the application was refused


class NoticeMaterialState(StrEnum):
    RECEIVED = "received"
    MISSING = "missing"


@dataclass(frozen=True)
class NoticeRequest:
    """What the counter knows when the clerk presses "Issue one-time notice".

    The missing materials are not part of the request: the service works them out from the
    item version and what was received, so none can be left off the slip.
    """

    item_version_id: int
    applicant: ApplicantInput
    received_material_ids: frozenset[int]
    not_applicable_material_ids: frozenset[int] = frozenset()
    received_at: datetime | None = None  # when the materials were handed in; default: now
    supply_by: date | None = None  # default: DEFAULT_SUPPLY_WORKING_DAYS after today
    window_number: int | None = None
    previous_notice_id: int | None = None  # a return visit that still lacks something


@dataclass(frozen=True)
class NewNotice:
    """What the service asks the repository to store."""

    number: str
    site_id: int
    item_version_id: int
    window_id: int | None
    issued_by: int
    applicant: ApplicantInput
    received_at: datetime
    issued_at: datetime
    supply_by: date
    issued_late: bool
    materials: dict[int, NoticeMaterialState]


@dataclass(frozen=True)
class ExtraDemandRecord:
    id: int
    material_id: int
    reason: str
    staff_id: int
    staff_name: str
    at: datetime


@dataclass(frozen=True)
class NoticeRecord:
    id: int
    number: str
    site_id: int
    item_version_id: int
    item_code: str
    item_name: str
    window_id: int | None
    issued_by: int
    issued_by_name: str
    applicant: ApplicantInput
    received_at: datetime
    issued_at: datetime
    supply_by: date
    issued_late: bool
    state: NoticeState
    case_id: int | None
    case_number: str
    materials: dict[int, NoticeMaterialState]
    extra_demands: tuple[ExtraDemandRecord, ...] = ()

    @property
    def missing_ids(self) -> frozenset[int]:
        return frozenset(m for m, s in self.materials.items() if s is NoticeMaterialState.MISSING)

    @property
    def received_ids(self) -> frozenset[int]:
        return frozenset(m for m, s in self.materials.items() if s is NoticeMaterialState.RECEIVED)

    @property
    def demanded_ids(self) -> frozenset[int]:
        """Materials asked for after the notice, each with a written reason (breaches)."""
        return frozenset(d.material_id for d in self.extra_demands)


@dataclass(frozen=True)
class NoticeResult:
    notice_id: int
    number: str
    missing: tuple[str, ...]  # the names of every missing material, in catalog order
    supply_by: date
    issued_late: bool


@dataclass(frozen=True)
class RefusalRequest:
    """不予受理: the reason and its legal basis are required; ``redirect_to`` names the
    competent office when the matter belongs elsewhere."""

    item_version_id: int
    applicant: ApplicantInput
    reason: str
    legal_basis: str
    redirect_to: str = ""
    notice_id: int | None = None  # refused on a return visit: the notice is closed
    window_number: int | None = None


@dataclass(frozen=True)
class NewRefusal:
    number: str
    site_id: int
    item_version_id: int
    window_id: int | None
    issued_by: int
    issued_at: datetime
    applicant: ApplicantInput
    reason: str
    legal_basis: str
    redirect_to: str
    notice_id: int | None


@dataclass(frozen=True)
class RefusalRecord:
    id: int
    number: str
    site_id: int
    item_version_id: int
    item_code: str
    item_name: str
    window_id: int | None
    issued_by: int
    issued_by_name: str
    issued_at: datetime
    applicant: ApplicantInput
    reason: str
    legal_basis: str
    redirect_to: str
    notice_id: int | None


@dataclass(frozen=True)
class RefusalResult:
    refusal_id: int
    number: str

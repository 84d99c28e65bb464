"""Values passed into and out of the case services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.cases.lifecycle import CaseAction, CaseState, SuspensionKind
from app.workdays import WarningLevel


@dataclass(frozen=True)
class ApplicantInput:
    name: str
    id_number: str = ""
    phone: str = ""
    id_type: str = "resident_id"
    agent_name: str = ""
    agent_id_number: str = ""
    agent_phone: str = ""


@dataclass(frozen=True)
class AcceptRequest:
    """Everything the counter knows when the clerk presses "Accept"."""

    item_version_id: int
    applicant: ApplicantInput
    received_material_ids: frozenset[int]
    deferred_material_ids: frozenset[int] = frozenset()
    not_applicable_material_ids: frozenset[int] = frozenset()
    deferred_supply_by: date | None = None
    applicant_commitment: str = ""
    received_at: datetime | None = None  # when the materials were handed in; default: now
    notice_id: int | None = None
    window_number: int | None = None
    is_agency: bool = False
    # 行政许可法 Art. 32(4): when the one-time notice came too late, the application counts as
    # accepted from the day the materials were received; the deadline runs from then.
    deemed_accepted_on: date | None = None


@dataclass(frozen=True)
class NewCase:
    """What the service asks the repository to store for an accepted case."""

    number: str
    site_id: int
    item_version_id: int
    window_id: int | None
    accepted_by: int
    owner_id: int
    notice_id: int | None
    applicant: ApplicantInput
    is_agency: bool
    received_at: datetime
    accepted_at: datetime
    accepted_day: date
    committed_days: int
    statutory_days: int
    deferred_supply_by: date | None
    applicant_commitment: str
    materials: dict[int, str]  # material id -> received / deferred / not_applicable
    due_date: date | None
    due_provisional: bool
    calendar_version: str
    warning: str


@dataclass(frozen=True)
class CaseEventRecord:
    at: datetime
    staff_id: int
    staff_name: str
    on_behalf_of: int | None
    action: CaseAction
    from_state: CaseState
    to_state: CaseState
    reason: str
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def suspension_kind(self) -> SuspensionKind | None:
        """What a suspension stopped the clock for; None for any other event, and for a
        suspension recorded before kinds existed (it has no paper of its own). The one reading
        of the stored kind."""
        if self.action is not CaseAction.SUSPEND:
            return None
        try:
            return SuspensionKind(str(self.detail.get("kind")))
        except ValueError:
            return None


@dataclass(frozen=True)
class CaseRecord:
    id: int
    number: str
    site_id: int  # the site that accepted it (its number's prefix)
    owner_site_id: int  # the one site that may act on it now (app.handover)
    item_version_id: int
    item_name: str
    window_id: int | None
    accepted_by: int
    owner_id: int
    owner_name: str
    notice_id: int | None
    state: CaseState
    applicant: ApplicantInput
    is_agency: bool
    received_at: datetime
    accepted_at: datetime
    accepted_day: date
    committed_days: int
    statutory_days: int
    deferred_supply_by: date | None
    applicant_commitment: str
    due_date: date | None
    due_provisional: bool
    calendar_version: str
    due_moved: bool
    warning: str
    decision: str
    decision_note: str
    decided_at: datetime | None
    delivered_at: datetime | None
    delivery_method: str
    collected_by: str
    row_version: int
    materials: dict[int, str]
    events: tuple[CaseEventRecord, ...]


@dataclass(frozen=True)
class CaseRow:
    """One line of a case list."""

    id: int
    number: str
    applicant_name: str
    item_name: str
    state: CaseState
    warning: WarningLevel | None  # None for closed cases
    due_date: date | None
    due_provisional: bool
    owner_name: str
    accepted_at: datetime
    is_agency: bool
    # At a county installation the lists hold its townships' cases too: the accepting site, and
    # the site that owns the case now when it was handed over (app.handover), else "".
    site_name: str = ""
    handed_to: str = ""


@dataclass(frozen=True)
class CaseQuery:
    """Filters for case lists; every one is applied in SQL."""

    text: str = ""  # number, ID number, phone, or part of the applicant's name
    states: frozenset[CaseState] = frozenset()
    warnings: frozenset[str] = frozenset()
    owner_id: int | None = None
    owner_ids: frozenset[int] = frozenset()  # any of these (a clerk and those they stand in for)
    item_id: int | None = None
    accepted_from: date | None = None
    accepted_to: date | None = None
    # 乡镇代收、县级审批: only cases away from the site that accepted them (at the county, those
    # handed over for its decision; at a township, those it handed over and awaits)
    handed_over: bool = False
    order: str = "recent"  # recent (newest first) / urgency (red, yellow, normal; due first)


@dataclass(frozen=True)
class AccountabilityView:
    id: int
    kind: str
    case_id: int | None
    case_number: str
    notice_number: str
    complaint_id: int | None
    complaint_number: str
    responsible_id: int | None
    responsible_name: str
    opened_at: datetime
    days_late: int
    state: str
    cause: str
    note: str
    outcome: str
    reviewed_by_name: str
    reviewed_at: datetime | None
    # The site of the notice (a breach) or the complaint behind a record without a case; a
    # case's record belongs where the case is now (app.cases.ownership).
    site_id: int | None = None


@dataclass(frozen=True)
class CaseClock:
    """What the morning warning scan needs of an open case, without its events: the cached due
    date is trusted when the calendar has not changed since and the clock never stopped."""

    id: int
    state: CaseState
    due_date: date | None
    committed_days: int
    calendar_version: str
    warning: str
    row_version: int
    paused_or_extended: bool

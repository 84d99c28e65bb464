"""Values passed into and out of the visit, referral and absence services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.visits.lifecycle import (
    AwayReason,
    Outcome,
    ReferralKind,
    ReferralState,
    VisitAction,
    VisitState,
    VisitType,
)

# -- in ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitInput:
    """What the clerk types at the counter. Only the question is always needed; a quick
    question answered at once can be registered and closed in one step (``answer``)."""

    question: str
    visit_type: VisitType | str = VisitType.CONSULTATION
    visitor_name: str = ""
    phone: str = ""
    id_number: str = ""
    needs_escort: bool = False  # elderly or disabled: someone walks them to the next counter
    answer: str = ""
    window_number: int | None = None


@dataclass(frozen=True)
class OutcomeInput:
    """How a visit ends (``close_visit``): an answer, or the application it became."""

    outcome: Outcome | str | None
    answer: str = ""
    guide_code: str = ""  # a catalog item whose service guide was handed over
    document_number: str = ""  # the case (or one-time notice, refusal) number


@dataclass(frozen=True)
class ReferralInput:
    """Where the matter goes. Inside the center: a window, a department or a named colleague
    (at least one); outside: the competent body and how to reach it, in writing."""

    kind: ReferralKind | str = ReferralKind.INTERNAL
    to_staff_id: int | None = None
    to_window_number: int | None = None
    to_department_id: int | None = None
    to_body: str = ""
    to_contact: str = ""
    to_phone: str = ""
    item_code: str = ""  # a catalog item: the slip lists what to bring
    reason: str = ""


@dataclass(frozen=True)
class AbsenceInput:
    staff_id: int
    reason: AwayReason | str
    starts_at: datetime
    ends_at: datetime
    note: str = ""


# -- to storage --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewVisit:
    number: str
    site_id: int
    window_id: int | None
    visitor_name: str
    phone: str
    id_number: str
    question: str
    visit_type: VisitType
    needs_escort: bool
    first_responder_id: int
    registered_at: datetime


@dataclass(frozen=True)
class NewReferral:
    number: str
    visit_id: int
    kind: ReferralKind
    from_staff_id: int
    on_behalf_of: int | None
    to_window_id: int | None
    to_department_id: int | None
    to_staff_id: int | None
    to_body: str
    to_contact: str
    to_phone: str
    item_version_id: int | None
    reason: str
    referred_at: datetime
    due_at: datetime


@dataclass(frozen=True)
class VisitEventRecord:
    """One link of the chain: who acted (for whom), what moved, who holds it afterwards, why."""

    at: datetime
    staff_id: int
    action: VisitAction
    from_state: VisitState
    to_state: VisitState
    holder_id: int
    on_behalf_of: int | None = None
    referral_id: int | None = None
    reason: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    staff_name: str = ""
    holder_name: str = ""
    on_behalf_name: str = ""


# -- out ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferralRecord:
    id: int
    number: str
    visit_id: int
    visit_number: str
    kind: ReferralKind
    state: ReferralState
    from_staff_id: int
    from_staff_name: str
    on_behalf_of: int | None
    to_window_id: int | None
    to_window_label: str  # 3号窗口（社保窗口）
    to_department_id: int | None
    to_department_name: str
    to_staff_id: int | None
    to_staff_name: str
    to_body: str
    to_contact: str
    to_phone: str
    item_version_id: int | None
    reason: str
    referred_at: datetime
    due_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: int | None
    acknowledged_by_name: str
    ack_on_behalf_of: int | None
    ack_note: str

    @property
    def destination(self) -> str:
        """Where the visitor was sent, as the slip and the lists say it."""
        if self.kind is ReferralKind.EXTERNAL:
            return self.to_body
        parts = [self.to_department_name, self.to_window_label, self.to_staff_name]
        return " ".join(p for p in parts if p)

    def overdue(self, now: datetime) -> bool:
        return self.state is ReferralState.PENDING and self.due_at < now


@dataclass(frozen=True)
class VisitRecord:
    id: int
    number: str
    site_id: int
    window_id: int | None
    visitor_name: str
    phone: str
    id_number: str
    question: str
    visit_type: VisitType
    needs_escort: bool
    first_responder_id: int
    first_responder_name: str
    holder_id: int
    holder_name: str
    state: VisitState
    registered_at: datetime
    outcome: Outcome | None
    outcome_text: str
    outcome_ref: str
    case_id: int | None
    guide_code: str
    closed_at: datetime | None
    row_version: int
    referrals: tuple[ReferralRecord, ...] = ()
    closed_by: int | None = None  # who gave the outcome (a B post: the B post, not A)
    chain: tuple[VisitEventRecord, ...] = ()

    @property
    def pending_referral(self) -> ReferralRecord | None:
        return next((r for r in self.referrals if r.state is ReferralState.PENDING), None)


@dataclass(frozen=True)
class VisitRow:
    """One line of a visit list; the phone and ID only masked."""

    id: int
    number: str
    registered_at: datetime
    visitor_name: str
    phone_masked: str
    question: str
    visit_type: VisitType
    state: VisitState
    holder_id: int
    holder_name: str
    first_responder_name: str
    needs_escort: bool
    referral_due_at: datetime | None  # the pending referral's limit
    referral_destination: str
    overdue: bool  # a referral not acknowledged in time: top of the list
    # An application visit (办事) still open holds materials received without a decision on
    # acceptance: the working day that decision is on and its warning (app.notices.service
    # ``acceptance_clock``); 0 and "" for every other visit.
    acceptance_day: int = 0
    acceptance_warning: str = ""  # a WarningLevel for an open application, else empty


@dataclass(frozen=True)
class ReferralRow:
    """One referral waiting for acknowledgement."""

    id: int
    number: str
    visit_id: int
    visit_number: str
    kind: ReferralKind
    referred_at: datetime
    due_at: datetime
    from_staff_name: str
    visitor_name: str
    question: str
    destination: str
    waiting_for_id: int | None  # the named receiver (None: a window or department)
    waiting_for_name: str
    needs_escort: bool
    overdue: bool


@dataclass(frozen=True)
class DeferredRow:
    """A case accepted with materials still to be supplied (容缺)."""

    case_id: int
    case_number: str
    applicant_name: str
    item_name: str
    owner_id: int
    owner_name: str
    supply_by: date | None
    materials: tuple[str, ...]
    overdue: bool = False  # the supply-by day has passed (app.cases.deferral.is_overdue)


@dataclass(frozen=True)
class AbsenceRecord:
    id: int
    staff_id: int
    staff_name: str
    reason: AwayReason
    starts_at: datetime
    ends_at: datetime
    note: str
    marked_by_name: str
    ended_at: datetime | None
    backup_id: int | None
    backup_name: str
    # Who covers now (app.backup_post.with_cover): the B post, or the next along the chain
    # when the B post is away too; None: nobody at their post (the supervisor arranges cover).
    covered_by_id: int | None = None
    covered_by_name: str = ""

    @property
    def until(self) -> datetime:
        """When the absence ends (or ended early)."""
        return min(self.ends_at, self.ended_at) if self.ended_at else self.ends_at

    def covers(self, now: datetime) -> bool:
        return self.starts_at <= now < self.until


@dataclass(frozen=True)
class SearchHit:
    """A found visit, case or one-time notice (the work list's one search box)."""

    kind: str  # visit / case / notice
    id: int
    number: str
    name: str
    id_masked: str
    phone_masked: str
    summary: str
    at: datetime
    state: str


@dataclass(frozen=True)
class VisitRef:
    id: int
    number: str


@dataclass(frozen=True)
class ReferralRef:
    id: int
    number: str
    visit_id: int
    due_at: datetime


@dataclass(frozen=True)
class VisitQuery:
    """Visit lists, filtered and ordered in SQL."""

    holder_ids: frozenset[int] = frozenset()  # empty: everyone
    states: frozenset[VisitState] = frozenset()
    as_of: datetime | None = None  # referrals due before this are overdue: top of the list
    registered_from: datetime | None = None
    registered_to: datetime | None = None
    order: str = "queue"  # queue: overdue first, then oldest; recent: newest first


@dataclass(frozen=True)
class ReferralQuery:
    """Pending referrals: those waiting for given receivers, or every overdue one."""

    for_staff: frozenset[int] = frozenset()
    for_windows: frozenset[int] = frozenset()
    for_departments: frozenset[int] = frozenset()
    overdue_as_of: datetime | None = None  # only those whose limit passed
    everyone: bool = False  # all pending referrals of the site (supervisors)

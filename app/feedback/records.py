"""Values passed into and out of the rating (好差评) and complaint (投诉) services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class RatingLevel(StrEnum):
    """The five levels of the national 好差评 scheme, best first."""

    VERY_SATISFIED = "very_satisfied"  # 非常满意
    SATISFIED = "satisfied"  # 满意
    BASIC = "basic"  # 基本满意
    DISSATISFIED = "dissatisfied"  # 不满意
    VERY_DISSATISFIED = "very_dissatisfied"  # 非常不满意

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]

    @property
    def score(self) -> int:
        """5 for 非常满意 down to 1 for 非常不满意 (for averages)."""
        return 5 - list(RatingLevel).index(self)

    @property
    def is_bad(self) -> bool:
        """差评: the bottom two levels, each of which opens a rectification item."""
        return self in BAD_LEVELS


LEVEL_LABELS = {
    RatingLevel.VERY_SATISFIED: "非常满意",
    RatingLevel.SATISFIED: "满意",
    RatingLevel.BASIC: "基本满意",
    RatingLevel.DISSATISFIED: "不满意",
    RatingLevel.VERY_DISSATISFIED: "非常不满意",
}
BAD_LEVELS = frozenset({RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED})


class RatingSource(StrEnum):
    CITIZEN_SCREEN = "citizen_screen"  # the applicant's own click on the counter's screen
    PAPER = "paper"  # a paper rating form, typed in by staff (marked as such)
    PHONE = "phone"  # asked on a follow-up call by a colleague or a supervisor


class SubjectKind(StrEnum):
    CASE = "case"
    VISIT = "visit"


@dataclass(frozen=True)
class Subject:
    """What is rated: one case or one visit (one rating each)."""

    kind: SubjectKind
    id: int

    @classmethod
    def case(cls, case_id: int) -> Subject:
        return cls(SubjectKind.CASE, case_id)


@dataclass(frozen=True)
class ServedBy:
    """Who served the applicant in the rated subject, where and when."""

    subject: Subject
    label: str  # the case (or visit) number, for the audit trail and lists
    site_id: int
    staff_id: int
    window_id: int | None
    served_at: datetime


@dataclass(frozen=True)
class NewRating:
    subject: Subject
    site_id: int
    level: RatingLevel
    comment: str
    source: RatingSource
    rated_staff_id: int
    window_id: int | None
    entered_by: int
    rated_at: datetime


class RectificationState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"  # the rating was found mistaken or malicious on appeal


class RectificationOutcome(StrEnum):
    RESOLVED = "resolved"  # 已整改，群众满意
    EXPLAINED = "explained"  # 已解释说明，群众理解
    UNRESOLVED = "unresolved"  # 群众仍不满意


OUTCOME_LABELS = {
    RectificationOutcome.RESOLVED: "已整改，群众满意",
    RectificationOutcome.EXPLAINED: "已解释说明，群众理解",
    RectificationOutcome.UNRESOLVED: "群众仍不满意",
}


class AppealKind(StrEnum):
    MISTAKEN = "mistaken"  # 误评：the applicant pressed the wrong button, rated the wrong service
    MALICIOUS = "malicious"  # 恶意差评


APPEAL_KIND_LABELS = {AppealKind.MISTAKEN: "误评", AppealKind.MALICIOUS: "恶意评价"}


class AppealState(StrEnum):
    PENDING = "pending"
    UPHELD = "upheld"  # the rating no longer counts in statistics
    REJECTED = "rejected"


@dataclass(frozen=True)
class RatingView:
    """One rating with what hangs off it, for lists and the case window."""

    id: int
    site_id: int  # the site it belongs to (app.site_rules): only that site changes it
    subject: Subject
    subject_label: str  # case number
    level: RatingLevel
    comment: str
    source: RatingSource
    rated_staff_id: int
    rated_staff_name: str
    window_number: int | None
    entered_by_name: str
    rated_at: datetime
    excluded: bool  # an upheld appeal took it out of the statistics
    rectification_state: RectificationState | None
    appeal_state: AppealState | None


@dataclass(frozen=True)
class RatingQuery:
    """Filters for rating lists; every one applied in SQL. Newest first."""

    levels: frozenset[RatingLevel] = frozenset()
    source: RatingSource | None = None
    rated_staff_id: int | None = None
    window_id: int | None = None
    from_day: date | None = None  # hall days, inclusive
    to_day: date | None = None


@dataclass(frozen=True)
class RectificationView:
    id: int
    site_id: int  # the site it belongs to (app.site_rules): only that site changes it
    rating_id: int
    subject_label: str
    level: RatingLevel
    comment: str
    responsible_id: int
    responsible_name: str
    opened_at: datetime
    due_date: date
    state: RectificationState
    overdue: bool  # still open after its due date (as of the query)
    note: str
    followup_on: date | None
    followup_result: str
    outcome: RectificationOutcome | None
    closed_by_name: str
    closed_at: datetime | None


@dataclass(frozen=True)
class AppealView:
    id: int
    site_id: int  # the site it belongs to (app.site_rules): only that site changes it
    rating_id: int
    subject_label: str
    level: RatingLevel
    comment: str
    kind: AppealKind
    reason: str
    appellant_id: int
    appellant_name: str
    appealed_at: datetime
    state: AppealState
    decision_note: str
    decided_by_name: str
    decided_at: datetime | None


# -- complaints ---------------------------------------------------------------------------


class ComplaintTarget(StrEnum):
    STAFF = "staff"  # a named clerk
    WINDOW = "window"
    CASE = "case"
    CENTER = "center"  # the service center as a whole


class ComplaintChannel(StrEnum):
    COUNTER = "counter"  # 现场
    PHONE = "phone"  # 电话
    LETTER = "letter"  # 信件、意见箱
    HOTLINE = "hotline"  # 12345 热线转办
    ONLINE = "online"  # 网上


class ComplaintState(StrEnum):
    REGISTERED = "registered"
    INVESTIGATING = "investigating"
    CONCLUDED = "concluded"


@dataclass(frozen=True)
class ComplaintInput:
    """What the supervisor types when a complaint comes in."""

    target: ComplaintTarget
    content: str
    channel: ComplaintChannel = ComplaintChannel.COUNTER
    staff_id: int | None = None
    window_number: int | None = None  # as the hall numbers its windows
    case_number: str = ""
    complainant_name: str = ""  # may stay anonymous
    complainant_phone: str = ""


@dataclass(frozen=True)
class NewComplaint:
    number: str
    site_id: int
    target: ComplaintTarget
    channel: ComplaintChannel
    staff_id: int | None
    window_id: int | None
    case_id: int | None
    complainant_name: str
    complainant_phone: str
    content: str
    received_by: int
    received_at: datetime


@dataclass(frozen=True)
class ComplaintNoteRecord:
    at: datetime
    staff_name: str
    text: str


@dataclass(frozen=True)
class ComplaintRecord:
    id: int
    site_id: int  # the site it belongs to (app.site_rules): only that site changes it
    number: str
    target: ComplaintTarget
    channel: ComplaintChannel
    staff_id: int | None
    staff_name: str
    window_id: int | None
    window_number: int | None
    case_id: int | None
    case_number: str
    complainant_name: str
    complainant_phone: str
    content: str
    received_by_name: str
    received_at: datetime
    state: ComplaintState
    substantiated: bool | None
    finding: str
    outcome: str
    responsible_id: int | None
    concluded_by_name: str
    concluded_at: datetime | None
    accountability_id: int | None
    notes: tuple[ComplaintNoteRecord, ...] = ()


@dataclass(frozen=True)
class ComplaintQuery:
    states: frozenset[ComplaintState] = frozenset()
    staff_id: int | None = None
    from_day: date | None = None
    to_day: date | None = None

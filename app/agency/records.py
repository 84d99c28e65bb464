"""Values passed into and out of the agency services (全程代办)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class AgencyReason(StrEnum):
    """Who the hall carries a procedure for (the groups the source documents name)."""

    ELDERLY = "elderly"
    DISABLED = "disabled"
    REMOTE_VILLAGE = "remote_village"
    KEY_PROJECT = "key_project"


REASON_LABELS = {
    AgencyReason.ELDERLY: "高龄老人",
    AgencyReason.DISABLED: "残疾人",
    AgencyReason.REMOTE_VILLAGE: "偏远村组群众",
    AgencyReason.KEY_PROJECT: "重点项目企业",
}


class ContactChannel(StrEnum):
    PHONE = "phone"
    VISIT = "visit"  # 上门
    COUNTER = "counter"  # the applicant came to the hall
    SMS = "sms"
    WECHAT = "wechat"


CHANNEL_LABELS = {
    ContactChannel.PHONE: "电话",
    ContactChannel.VISIT: "上门",
    ContactChannel.COUNTER: "来窗口",
    ContactChannel.SMS: "短信",
    ContactChannel.WECHAT: "微信",
}


@dataclass(frozen=True)
class AgencyTerms:
    """The applicant's written authorisation (委托书) and who carries the case."""

    agent_id: int | None
    reason: AgencyReason | str
    authorised_on: date | None
    scope: str  # what the agent may do on the applicant's behalf
    document_ref: str  # where the signed authorisation is kept (委托书编号)


@dataclass(frozen=True)
class StepInput:
    """One step the agent took, possibly at another department."""

    department: str
    action: str
    result: str
    at: datetime | None = None  # when it happened; default: now


@dataclass(frozen=True)
class ContactInput:
    channel: ContactChannel | str
    summary: str
    at: datetime | None = None


@dataclass(frozen=True)
class NewAgency:
    case_id: int
    agent_id: int
    reason: str
    authorised_on: date
    scope: str
    document_ref: str
    taken_on_at: datetime
    taken_on_by: int


@dataclass(frozen=True)
class AgencyStep:
    id: int
    at: datetime
    department: str
    action: str
    result: str
    staff_id: int
    staff_name: str
    recorded_at: datetime


@dataclass(frozen=True)
class AgencyContact:
    id: int
    at: datetime
    channel: ContactChannel
    summary: str
    staff_id: int
    staff_name: str
    recorded_at: datetime


@dataclass(frozen=True)
class AgencyRecord:
    case_id: int
    agent_id: int
    agent_name: str
    reason: AgencyReason
    authorised_on: date
    scope: str
    document_ref: str
    taken_on_at: datetime
    taken_on_by_name: str
    steps: tuple[AgencyStep, ...] = ()
    contacts: tuple[AgencyContact, ...] = ()

    @property
    def reason_label(self) -> str:
        return REASON_LABELS[self.reason]


@dataclass(frozen=True)
class AgentChoice:
    """A staff member who can be named agent."""

    staff_id: int
    name: str
    window_number: int | None


@dataclass(frozen=True)
class AgencyDayCounts:
    """Agency work of one day at a site, for statistics and the daily log."""

    taken_on: int  # cases taken on as agency cases that day
    steps: int  # steps recorded that day (at this and other departments)
    contacts: int  # contacts with applicants that day
    delivered: int  # agency cases whose result was delivered that day
    open: int  # agency cases not yet delivered or withdrawn at the end of the day

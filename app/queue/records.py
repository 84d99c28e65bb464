"""Values passed into and out of the queue services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.queue.lifecycle import TicketState

EXTERNAL_GROUP = ""  # a ticket a vendor's queue system issued; only its call reaches us


def ticket_number(group_code: str, serial: int) -> str:
    """The number printed and called: the group's letter and a three-digit serial (A001)."""
    return f"{group_code}{serial:03d}"


@dataclass(frozen=True)
class QueueGroupInput:
    """What an administrator sets: a letter, a name for the ticket, the windows serving it."""

    code: str
    name: str
    window_numbers: tuple[int, ...]
    active: bool = True


@dataclass(frozen=True)
class QueueGroupRecord:
    id: int
    site_id: int
    code: str
    name: str
    window_numbers: tuple[int, ...]
    active: bool


@dataclass(frozen=True)
class NewTicket:
    site_id: int
    day: date
    group_code: str
    serial: int
    number: str
    taken_at: datetime
    taken_by: int | None
    state: TicketState = TicketState.WAITING


@dataclass(frozen=True)
class TicketRecord:
    id: int
    site_id: int
    day: date
    group_code: str
    group_name: str
    number: str
    state: TicketState
    taken_at: datetime
    called_at: datetime | None  # the first call: the end of the wait
    last_called_at: datetime | None  # the latest call or recall: what the hall display shows
    window_id: int | None  # the window that called it (or is to call it, when transferred)
    window_number: int | None
    called_by: int | None
    recalls: int
    served_at: datetime | None
    finished_at: datetime | None
    visit_id: int | None
    row_version: int


@dataclass(frozen=True)
class TakenTicket:
    """What the ticket says: number, group, time, and how many are waiting ahead."""

    ticket_id: int
    number: str
    group_code: str
    group_name: str
    taken_at: datetime
    ahead: int
    window_numbers: tuple[int, ...]


@dataclass(frozen=True)
class HallCall:
    """One line of the hall display: a number and the window it is called to."""

    number: str
    window_number: int
    called_at: datetime
    recalls: int


@dataclass(frozen=True)
class WaitTimes:
    """Waiting and service times of one window and group over a day (minutes, averages)."""

    window_number: int | None
    group_code: str
    called: int
    served: int
    skipped: int
    wait_minutes: float | None
    service_minutes: float | None

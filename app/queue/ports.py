"""What the queue services need from storage."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol

from app.queue.records import HallCall, NewTicket, QueueGroupRecord, TicketRecord


class QueueRepository(Protocol):
    # -- groups ------------------------------------------------------------------------------
    def groups(self, site_id: int, include_inactive: bool = False) -> list[QueueGroupRecord]: ...
    def group(self, site_id: int, code: str) -> QueueGroupRecord | None: ...
    def save_group(
        self, site_id: int, code: str, name: str, window_numbers: str, active: bool
    ) -> int: ...

    # -- tickets -----------------------------------------------------------------------------
    def add(self, new: NewTicket) -> int: ...
    def get(self, ticket_id: int) -> TicketRecord | None: ...
    def by_number(self, site_id: int, day: date, number: str) -> TicketRecord | None: ...
    def waiting_ahead(self, site_id: int, day: date, group_code: str, ticket_id: int) -> int:
        """Tickets of the group taken before this one that are still waiting."""
        ...

    def waiting_counts(self, site_id: int, day: date) -> dict[str, int]:
        """Waiting tickets per group code."""
        ...

    def claim_next(
        self, site_id: int, day: date, window_id: int, group_codes: tuple[str, ...]
    ) -> TicketRecord | None:
        """The next ticket for the window — transferred to it first, then its groups' waiting
        tickets in the order taken — locked for this transaction. On PostgreSQL the row is
        taken with FOR UPDATE SKIP LOCKED, so a second counter calling at the same moment
        passes over it to the next one instead of waiting for it (SQLite writers take the
        database's write lock at BEGIN and so never overlap)."""
        ...

    def at_window(self, site_id: int, day: date, window_id: int) -> TicketRecord | None:
        """The ticket called to or being served at the window, if any."""
        ...

    def update(self, ticket_id: int, expected_version: int, **changes: Any) -> None:
        """Change it if its row version is still ``expected_version``, else ConcurrentEdit."""
        ...

    def recent_calls(self, site_id: int, since: datetime, limit: int) -> list[HallCall]: ...
    def day_tickets(self, site_id: int, first: date, last: date) -> list[TicketRecord]: ...

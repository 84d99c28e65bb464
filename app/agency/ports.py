"""What the agency services need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from app.agency.records import AgencyRecord, NewAgency


class AgencyRepository(Protocol):
    def add(self, agency: NewAgency) -> None: ...
    def get(self, case_id: int) -> AgencyRecord | None:
        """The case's agency record with its steps and contacts in time order."""
        ...

    def agent_of(self, case_id: int) -> int | None: ...
    def add_step(
        self,
        case_id: int,
        at: datetime,
        department: str,
        action: str,
        result: str,
        staff_id: int,
        recorded_at: datetime,
    ) -> int: ...
    def add_contact(
        self,
        case_id: int,
        at: datetime,
        channel: str,
        summary: str,
        staff_id: int,
        recorded_at: datetime,
    ) -> int: ...
    def case_ids_taken_on(self, site_id: int, start: datetime, end: datetime) -> list[int]:
        """Cases of the site taken on as agency cases in [start, end)."""
        ...

    def count_steps(self, site_id: int, start: datetime, end: datetime) -> int: ...
    def count_contacts(self, site_id: int, start: datetime, end: datetime) -> int: ...
    def count_delivered(self, site_id: int, start: datetime, end: datetime) -> int: ...
    def count_open(self, site_id: int, at: datetime) -> int:
        """Agency cases taken on before ``at`` whose result was not delivered by then
        (withdrawn cases are not counted)."""
        ...

"""What the reports need from storage: GROUP BY counts, never rows to count in Python."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from app.reports.sections import ReportScope, Tally


@dataclass(frozen=True)
class OpenCaseGroup:
    """Cases still open at the scope's end, grouped by what decides their warning card."""

    window_id: int | None
    owner_id: int
    due_date: date
    limit_days: int  # committed working days plus extensions
    count: int


@dataclass(frozen=True)
class CompletionGroup:
    """Decisions in the scope, grouped by what decides their timeliness."""

    window_id: int | None
    staff_id: int
    decided_day: date  # hall day
    due_date: date | None
    committed_days: int
    extension_days: int
    count: int


@dataclass(frozen=True)
class PausedDecision:
    """A decision on a case suspended on or after its due day: its paused days lie beyond the
    due date, so they are counted from the pauses themselves (rare; one row per case)."""

    window_id: int | None
    staff_id: int
    decided_day: date
    accepted_day: date
    due_date: date | None
    committed_days: int
    pauses: tuple[tuple[date, date | None], ...]  # suspended on, resumed on (hall days)


@dataclass(frozen=True)
class PeriodCase:
    """A case that was accepted or moved on during the period, as it stood at its end."""

    number: str
    item_name: str
    applicant_name: str
    owner_name: str
    state: str  # after its last event before the period's end
    due_date: date | None
    due_provisional: bool
    limit_days: int  # committed working days plus extensions
    accepted_at: datetime


class ReportRepository(Protocol):
    def visit_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def referral_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def agency_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def appointment_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def rating_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def complaint_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def notice_tallies(self, scope: ReportScope) -> list[Tally]:
        """notices_issued and one_time_breaches (charged to whoever issued the notice)."""
        ...

    def case_tallies(self, scope: ReportScope) -> list[Tally]:
        """cases_accepted, cases_refused, cases_decided, cases_delivered, cases_on_the_spot."""
        ...

    def accountability_tallies(self, scope: ReportScope) -> list[Tally]:
        """accountability_opened (and _overdue), accountability_reviewed, by responsible."""
        ...

    def open_case_groups(self, scope: ReportScope) -> list[OpenCaseGroup]: ...
    def completion_groups(self, scope: ReportScope) -> list[CompletionGroup]:
        """Decisions in the scope, except those on cases suspended on or after their due
        day (``paused_late_decisions``)."""
        ...

    def paused_late_decisions(self, scope: ReportScope) -> list[PausedDecision]: ...
    def period_cases(self, scope: ReportScope) -> list[PeriodCase]:
        """Cases with an event in the period, by number."""
        ...

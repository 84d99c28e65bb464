"""What the reports need from storage: GROUP BY counts, never rows to count in Python."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from app.cases.lifecycle import CaseAction
from app.cases.records import CaseEventRecord
from app.reports.sections import ReportScope, Tally


@dataclass(frozen=True)
class CaseHistory:
    """A case that may have been open at the scope's end, with its events up to then (by
    time), from which its state and warning card then are rebuilt (``case_as_of``)."""

    case_id: int
    window_id: int | None
    owner_id: int
    accepted_day: date
    committed_days: int
    events: tuple[CaseEventRecord, ...]


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
    """A decision on a case that was ever suspended: its working days used are counted from
    the pauses themselves (a few in a hundred; one row per case)."""

    window_id: int | None
    staff_id: int
    decided_day: date
    accepted_day: date
    due_date: date | None
    committed_days: int
    moves: tuple[tuple[CaseAction, date], ...]  # its suspensions and resumptions (hall days)


@dataclass(frozen=True)
class PeriodCase:
    """A case that was accepted or moved on during the period, with its events up to the
    period's end (by time), from which its state then is rebuilt (``case_as_of``)."""

    number: str
    item_name: str
    applicant_name: str
    owner_name: str
    due_provisional: bool
    accepted_at: datetime
    accepted_day: date
    committed_days: int
    events: tuple[CaseEventRecord, ...]


class ReportRepository(Protocol):
    def visit_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def referral_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def agency_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def appointment_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def rating_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def complaint_tallies(self, scope: ReportScope) -> list[Tally]: ...
    def notice_tallies(self, scope: ReportScope) -> list[Tally]:
        """notices_issued, notices_late (issued after the fifth working day from receipt) and
        one_time_breaches (charged to whoever issued the notice)."""
        ...

    def case_tallies(self, scope: ReportScope) -> list[Tally]:
        """cases_accepted, cases_refused, cases_decided, cases_delivered, cases_on_the_spot,
        cases_for_others and cases_by_others (办结 and 送达 done on behalf of the owner)."""
        ...

    def accountability_tallies(self, scope: ReportScope) -> list[Tally]:
        """accountability_opened (and _overdue), accountability_reviewed, by responsible."""
        ...

    def open_case_histories(self, scope: ReportScope) -> list[CaseHistory]:
        """Cases accepted before the scope's end and not closed by then, with their events
        up to then: one query, not one per case."""
        ...

    def completion_groups(self, scope: ReportScope) -> list[CompletionGroup]:
        """Decisions in the scope, except those on cases ever suspended
        (``paused_late_decisions``)."""
        ...

    def paused_late_decisions(self, scope: ReportScope) -> list[PausedDecision]: ...
    def last_arrivals(self) -> Mapping[str, datetime]:
        """When each site's last bundle came in (app/sync's log), by site code: what
        ``app.reports.county.silent_townships`` reads (its ``BundleArrivals``)."""
        ...

    def period_cases(self, scope: ReportScope) -> list[PeriodCase]:
        """Cases with an event in the period, by number."""
        ...

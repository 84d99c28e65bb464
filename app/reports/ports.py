"""What the reports need from storage: GROUP BY counts, never rows to count in Python."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from app.cases.deadlines import CaseAsOf, as_of, pause_runs
from app.cases.lifecycle import CaseAction, CaseState
from app.reports.sections import ReportScope, Tally
from app.workdays import WorkCalendar


@dataclass(frozen=True)
class CaseThen:
    """What of a case's events up to the end of hall day ``day`` (the scope's last) decides
    how it stood then, read by the database instead of the whole history: the state its last
    recorded event left (None: no event yet), the working days its extensions granted, and
    its suspensions and resumptions with their hall days, as recorded (empty for nearly every
    case)."""

    day: date
    state: CaseState | None
    extension_days: int
    pause_moves: tuple[tuple[CaseAction, date], ...]

    def as_of(
        self, accepted_day: date, committed_days: int, calendar: WorkCalendar, ratio: float
    ) -> CaseAsOf:
        """The case at the end of ``day``: state, due date, card (``deadlines.as_of``)."""
        return as_of(
            accepted_day,
            committed_days,
            self.state,
            self.extension_days,
            pause_runs(self.pause_moves),
            self.day,
            calendar,
            ratio,
        )


@dataclass(frozen=True)
class OpenCase:
    """A case that may have been open at the scope's end, and how it stood then, from which
    its warning card then is judged."""

    case_id: int
    window_id: int | None
    owner_id: int
    accepted_day: date
    committed_days: int
    then: CaseThen


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
    """A case that was accepted or moved on during the period, and how it stood at the
    period's end."""

    number: str
    item_name: str
    applicant_name: str
    owner_name: str
    due_provisional: bool
    accepted_at: datetime
    accepted_day: date
    committed_days: int
    then: CaseThen


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

    def open_cases(self, scope: ReportScope) -> list[OpenCase]:
        """Cases accepted before the scope's end and not closed by then, with how they stood
        then: a query or two, not one per case."""
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
        """Cases worked on in the period (a transition, an overdue record opened, an agent's
        record), by number, with how each stood at the period's end."""
        ...

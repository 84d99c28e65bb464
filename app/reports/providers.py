"""The report sections and the providers that fill them: first-inquiry visits and referrals,
notices, cases, agency cases, appointments, warnings, accountability, ratings, complaints and
completion times. Each asks ``uow.reports`` for GROUP BY counts; warnings and completion times
then apply the working-day rules (``app.workdays``) once per group, not once per case."""

from __future__ import annotations

from datetime import date

from app.calendar import load_calendar
from app.cases.common import yellow_ratio
from app.ports import UnitOfWork
from app.reports.sections import ReportScope, Tally, provides
from app.workdays import Pause, WarningLevel, warning_level


@provides("visits")
def visit_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    return uow.reports.visit_tallies(scope)


@provides("referrals")
def referral_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    return uow.reports.referral_tallies(scope)


@provides("agency")
def agency_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    return uow.reports.agency_tallies(scope)


@provides("appointments")
def appointment_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    return uow.reports.appointment_tallies(scope)


@provides("ratings")
def rating_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    return uow.reports.rating_tallies(scope)


@provides("complaints")
def complaint_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    return uow.reports.complaint_tallies(scope)


@provides("notices")
def notice_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    return uow.reports.notice_tallies(scope)


@provides("cases")
def case_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    return uow.reports.case_tallies(scope)


@provides("accountability")
def accountability_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    return uow.reports.accountability_tallies(scope)


@provides("warnings")
def warning_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    """Yellow and red cards as they stood at the end of the last day: cases open then, judged
    by the rule the case lists use (``warning_level``), against their due dates."""
    calendar = load_calendar(uow)
    ratio = yellow_ratio(uow)
    tallies = []
    for group in uow.reports.open_case_groups(scope):
        level = warning_level(scope.last_day, group.due_date, group.limit_days, calendar, ratio)
        if level is WarningLevel.RED:
            tallies.append(Tally("cases_red", group.count, group.window_id, group.owner_id))
        elif level is WarningLevel.YELLOW:
            tallies.append(Tally("cases_yellow", group.count, group.window_id, group.owner_id))
    return tallies


@provides("completion")
def completion_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    """Decisions: how many, how many by their due date, and working days used (from
    acceptance to decision, paused days left out) against those committed.

    Per group: used = committed + extensions - working days left at the decision (negative
    when late). The due date already steps over every pause that began before it, so this
    leaves paused days out without reading them; only a case suspended on or after its due
    day has paused days beyond it, and those few are counted from their pauses."""
    calendar = load_calendar(uow)
    tallies = []

    def add(window: int | None, staff: int, day: date, values: tuple[int, int, int, int]) -> None:
        for key, value in zip(COMPLETION_KEYS, values, strict=True):
            tallies.append(Tally(key, value, window, staff, day if scope.by_day else None))

    for g in uow.reports.completion_groups(scope):
        on_time = g.due_date is not None and g.decided_day <= g.due_date
        left = calendar.working_days_between(g.decided_day, g.due_date) if g.due_date else 0
        used = max(g.committed_days + g.extension_days - left, 0)
        values = (g.count, g.count if on_time else 0, used * g.count, g.committed_days * g.count)
        add(g.window_id, g.staff_id, g.decided_day, values)
    for d in uow.reports.paused_late_decisions(scope):
        on_time = d.due_date is not None and d.decided_day <= d.due_date
        pauses = [Pause(start, end) for start, end in d.pauses]
        used = calendar.working_days_between(d.accepted_day, d.decided_day, pauses)
        add(d.window_id, d.staff_id, d.decided_day, (1, int(on_time), used, d.committed_days))
    return tallies


COMPLETION_KEYS = ("completed", "completed_on_time", "working_days_used", "working_days_committed")

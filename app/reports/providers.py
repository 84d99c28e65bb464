"""The report sections and the providers that fill them: first-inquiry visits and referrals,
notices, cases, agency cases, appointments, warnings, accountability, ratings, complaints and
completion times. Each asks ``uow.reports`` for GROUP BY counts; warnings and completion times
then apply the working-day rules (``app.workdays``) once per group, not once per case."""

from __future__ import annotations

from collections import Counter
from datetime import date

from app.calendar import load_calendar
from app.cases.common import yellow_ratio
from app.cases.deadlines import pause_runs
from app.ports import UnitOfWork
from app.reports.sections import ReportScope, Tally, provides
from app.workdays import WarningLevel


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
    """Yellow and red cards as they stood at the end of the last day: each case open then,
    judged as it stood then (``as_of``: state, pauses, extensions and due date at that
    moment) by the rule the case lists use (``warning_level``)."""
    calendar = load_calendar(uow)
    ratio = yellow_ratio(uow)
    cards: Counter[tuple[str, int | None, int]] = Counter()
    for case in uow.reports.open_cases(scope):
        warning = case.then.as_of(case.accepted_day, case.committed_days, calendar, ratio).warning
        if warning is WarningLevel.RED:
            cards["cases_red", case.window_id, case.owner_id] += 1
        elif warning is WarningLevel.YELLOW:
            cards["cases_yellow", case.window_id, case.owner_id] += 1
    return [Tally(key, n, window, owner) for (key, window, owner), n in cards.items()]


@provides("completion")
def completion_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    """Decisions: how many, how many by their due date, and working days used (from
    acceptance to decision, paused days left out) against those committed.

    Per group of cases never suspended: used = committed + extensions - working days left at
    the decision (negative when late). A case that was ever suspended is counted from its
    pauses (working days from acceptance to decision, paused ones left out): a pause that
    began on the due day moves it (``app.workdays``), so the shortcut would not hold."""
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
        pauses = pause_runs(d.moves)
        used = calendar.working_days_between(d.accepted_day, d.decided_day, pauses)
        add(d.window_id, d.staff_id, d.decided_day, (1, int(on_time), used, d.committed_days))
    return tallies


COMPLETION_KEYS = ("completed", "completed_on_time", "working_days_used", "working_days_committed")

"""The queue's counts in the supervisors' reports (section "queue" of app.reports.sections):
per window and the clerk who called, tickets called and passed over (过号), and the minutes
waited (taken to first called) and served (开始办理 to 办理完毕), as sums."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from app.cases.deadlines import local_day
from app.ports import UnitOfWork
from app.queue.lifecycle import TicketState
from app.queue.records import TicketRecord
from app.reports.sections import ReportScope, Tally, provides


def _minutes(ticket: TicketRecord) -> tuple[int, int]:
    wait = serve = 0
    if ticket.called_at is not None:
        wait = round((ticket.called_at - ticket.taken_at).total_seconds() / 60)
    if ticket.served_at is not None and ticket.finished_at is not None:
        serve = round((ticket.finished_at - ticket.served_at).total_seconds() / 60)
    return wait, serve


@provides("queue")
def queue_tallies(uow: UnitOfWork, scope: ReportScope) -> list[Tally]:
    if scope.item_id is not None:
        return []  # a ticket names an item group, not a catalog item
    windows = None
    if scope.department_id is not None:
        windows = {
            w.id for w in uow.sites.windows(scope.site_id) if w.department_id == scope.department_id
        }
    sums: dict[tuple[str, int | None, int | None, date | None], int] = defaultdict(int)
    for t in uow.queue.day_tickets(scope.site_id, scope.first_day, scope.last_day):
        if t.called_at is None or t.window_id is None:
            continue
        if (scope.window_id is not None and t.window_id != scope.window_id) or (
            windows is not None and t.window_id not in windows
        ):
            continue
        day = local_day(t.called_at) if scope.by_day else None
        at = (t.window_id, t.called_by, day)
        wait, serve = _minutes(t)
        sums[("queue_called", *at)] += 1
        sums[("queue_wait_minutes", *at)] += wait
        if t.state is TicketState.SKIPPED:
            sums[("queue_skipped", *at)] += 1
        if t.served_at is not None:
            sums[("queue_served", *at)] += 1
            sums[("queue_service_minutes", *at)] += serve
    return [Tally(key, value, w, s, d) for (key, w, s, d), value in sums.items()]

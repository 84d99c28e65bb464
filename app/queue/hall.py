"""What the hall and the supervisors see of the queue: the numbers just called (the hall
display), the windows, and the waiting and service times per window and item group."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.cases.deadlines import local_day
from app.clock import DEFAULT_TZ
from app.errors import ValidationError
from app.ports import UnitOfWork
from app.queue.lifecycle import TicketState
from app.queue.records import HallCall, TicketRecord, WaitTimes
from app.records import WindowRecord
from app.roles import ANY_ROLE, Actor, Role, allowed_roles

HALL_LINES = 8
HALL_HOURS = 12


@allowed_roles(*ANY_ROLE)
def hall_calls(uow: UnitOfWork, actor: Actor, limit: int = HALL_LINES) -> list[HallCall]:
    """The numbers called most recently today, newest first (the hall display)."""
    with uow.read():
        now = uow.clock.now()
        since = max(now - timedelta(hours=HALL_HOURS), _midnight(now))
        return uow.queue.recent_calls(actor.site_id, since, limit)


def _midnight(now: datetime) -> datetime:
    return datetime.combine(local_day(now), time(), DEFAULT_TZ)


def _minutes(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return (end - start).total_seconds() / 60


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def wait_times(uow: UnitOfWork, actor: Actor, first: date, last: date) -> list[WaitTimes]:
    """Waiting (taken to first called) and service (served to finished) times, averaged per
    window and item group over hall days ``first`` to ``last``."""
    if last < first:
        raise ValidationError.single("to", "结束日期不能早于开始日期")
    with uow.read():
        tickets = uow.queue.day_tickets(actor.site_id, first, last)
    return summarise(tickets)


def summarise(tickets: list[TicketRecord]) -> list[WaitTimes]:
    buckets: dict[tuple[int | None, str], list[TicketRecord]] = {}
    for t in tickets:
        if t.called_at is not None:
            buckets.setdefault((t.window_number, t.group_code), []).append(t)
    out = []
    for (window, code), group in sorted(buckets.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1])):
        waits = [m for t in group if (m := _minutes(t.taken_at, t.called_at)) is not None]
        services = [m for t in group if (m := _minutes(t.served_at, t.finished_at)) is not None]
        out.append(
            WaitTimes(
                window_number=window,
                group_code=code,
                called=len(group),
                served=sum(1 for t in group if t.served_at is not None),
                skipped=sum(1 for t in group if t.state is TicketState.SKIPPED),
                wait_minutes=sum(waits) / len(waits) if waits else None,
                service_minutes=sum(services) / len(services) if services else None,
            )
        )
    return out


@allowed_roles(*ANY_ROLE)
def hall_windows(uow: UnitOfWork, actor: Actor) -> list[WindowRecord]:
    """The site's windows in number order (to transfer a ticket to)."""
    with uow.read():
        return sorted(uow.sites.windows(actor.site_id), key=lambda w: w.number)

"""The queue ticket (排队号票) as a printed document, and its loader by number.

Importing this module registers the loader: ``frontdesk print queue_ticket A014`` prints today's
ticket A014 again (``20261124-A014`` names another day's). Importing it does not import reportlab.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from app.cases.deadlines import local_day
from app.clock import DEFAULT_TZ
from app.errors import NotFound, ValidationError
from app.ports import UnitOfWork
from app.printing.documents import QueueTicketSlip
from app.printing.kinds import DocumentKind
from app.printing.loaders import register_loader
from app.queue.lifecycle import TicketState
from app.queue.records import TakenTicket

DAY_AND_NUMBER = re.compile(r"^(?:(\d{8})-)?([A-Z0-9]{1,8})$")


def ticket_slip(center_name: str, taken: TakenTicket) -> QueueTicketSlip:
    """The slip of a ticket just taken."""
    at = taken.taken_at.astimezone(DEFAULT_TZ)
    return QueueTicketSlip(
        center_name=center_name,
        number=taken.number,
        issued_on=at.date(),
        group_name=taken.group_name,
        taken_at=at,
        ahead=taken.ahead,
        windows=taken.window_numbers,
    )


def ticket_document(uow: UnitOfWork, number: str) -> QueueTicketSlip:
    """A waiting ticket printed again (the first print got stuck in the printer)."""
    found = DAY_AND_NUMBER.match(number.strip().upper())
    if found is None:
        raise ValidationError.single("number", "号码形如 A014（当日）或 20261124-A014")
    with uow.read():
        site = uow.sites.first()
        if site is None:
            raise NotFound("找不到本服务中心")
        day = _day(found[1]) if found[1] else local_day(uow.clock.now())
        ticket = uow.queue.by_number(site.id, day, found[2])
        if ticket is None or not ticket.group_code:
            raise NotFound(f"{day:%Y-%m-%d} 没有号票 {found[2]}")
        if ticket.state is not TicketState.WAITING:
            raise ValidationError.single("number", f"号票 {ticket.number} 已叫过号，不再补打")
        group = uow.queue.group(site.id, ticket.group_code)
        ahead = uow.queue.waiting_ahead(site.id, day, ticket.group_code, ticket.id)
    return ticket_slip(
        site.name,
        TakenTicket(
            ticket.id,
            ticket.number,
            ticket.group_code,
            ticket.group_name,
            ticket.taken_at,
            ahead,
            group.window_numbers if group else (),
        ),
    )


def _day(text: str) -> date:
    try:
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        raise ValidationError.single("number", f"没有这一天：{text}") from None


register_loader(DocumentKind.QUEUE_TICKET, ticket_document)

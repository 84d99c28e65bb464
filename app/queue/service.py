"""取号、叫号: take a ticket at the entrance, call it at a counter, show it in the hall.

Typical use::

    set_queue_group(uow, admin, QueueGroupInput("A", "社保业务", (1, 3)))   # once per site
    ticket = take_ticket(uow, clerk, "A")              # A001, and how many wait ahead
    called = call_next(uow, clerk)                     # the next ticket for this window
    called = recall_ticket(uow, clerk, called.id, called.row_version)        # 重呼
    served, visit = serve_ticket(uow, clerk, called.id, called.row_version)  # a visit opens
    finish_ticket(uow, clerk, served.id, served.row_version)   # or the next call_next does

What the hall display and the supervisors read is in ``app.queue.hall``.

Two counters calling at the same moment never get the same ticket: the repository takes the
next row with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL (SQLite serialises writers), and the
update checks the row version it read.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from app import audit
from app.cases.deadlines import local_day
from app.errors import ConcurrentEdit, NotFound, ValidationError
from app.ports import UnitOfWork
from app.queue.lifecycle import (
    AT_COUNTER_STATES,
    STATE_WORDS,
    WAITING_STATES,
    TicketAction,
    TicketState,
    next_state,
)
from app.queue.records import (
    EXTERNAL_GROUP,
    NewTicket,
    QueueGroupInput,
    QueueGroupRecord,
    TakenTicket,
    TicketRecord,
    ticket_number,
)
from app.roles import ANY_ROLE, COUNTER_ROLES, Actor, Role, allowed_roles
from app.validation import FieldErrors, validate_text
from app.visits.records import VisitRef

QUEUE_ROLES = COUNTER_ROLES  # who calls tickets: the staff at a window
HOOK_ROLES = ANY_ROLE  # a vendor's system runs the hook under any staff login
GROUP_CODE = re.compile(r"^[A-Z]$")
VENDOR_NUMBER = re.compile(r"^[A-Z0-9]{1,8}$")
MAX_SERIAL = 999  # three digits on the ticket; a 1000th visitor of a group in a day is refused


def _counter_key(code: str) -> str:
    return f"queue-{code}"


# -- configuration -------------------------------------------------------------------------


def parse_windows(text: str, field: str = "windows") -> tuple[int, ...]:
    """ "1,3, 5" -> (1, 3, 5); the field's message when it is not a list of window numbers."""
    parts = [p.strip() for p in re.split(r"[,，、\s]+", text.strip()) if p.strip()]
    if not parts or not all(p.isdigit() and 0 < int(p) < 1000 for p in parts):
        raise ValidationError.single(field, "请填写窗口号，用逗号分开（如 1,3）")
    return tuple(sorted({int(p) for p in parts}))


@allowed_roles(Role.ADMIN)
def set_queue_group(uow: UnitOfWork, actor: Actor, group: QueueGroupInput) -> QueueGroupRecord:
    """Create or change an item group (业务类别): its ticket letter, its name, its windows."""
    with FieldErrors() as errors:
        code = group.code.strip().upper()
        if not GROUP_CODE.match(code):
            errors.add("code", "类别代码是一个英文字母（如 A）")
        name = errors.check("name", validate_text, group.name, max_len=20)
        if not group.window_numbers:
            errors.add("windows", "至少指定一个窗口")
    assert name is not None
    with uow.write():
        numbers = {w.number for w in uow.sites.windows(actor.site_id)}
        unknown = [n for n in group.window_numbers if n not in numbers]
        if unknown:
            raise ValidationError.single(
                "windows", f"没有 {'、'.join(str(n) for n in unknown)} 号窗口"
            )
        windows = tuple(sorted(set(group.window_numbers)))
        before = uow.queue.group(actor.site_id, code)
        uow.queue.save_group(
            actor.site_id, code, name, ",".join(str(n) for n in windows), group.active
        )
        audit.record(
            uow,
            actor,
            "queue_group_set",
            "queue_group",
            code,
            _group_fields(before) if before else None,
            {"name": name, "windows": list(windows), "active": group.active},
        )
        saved = uow.queue.group(actor.site_id, code)
    assert saved is not None
    return saved


def _group_fields(g: QueueGroupRecord) -> dict[str, Any]:
    return {"name": g.name, "windows": list(g.window_numbers), "active": g.active}


@allowed_roles(*ANY_ROLE)
def queue_groups(uow: UnitOfWork, actor: Actor) -> list[QueueGroupRecord]:
    with uow.read():
        return uow.queue.groups(actor.site_id)


@allowed_roles(*ANY_ROLE)
def waiting_counts(uow: UnitOfWork, actor: Actor) -> dict[str, int]:
    """Tickets waiting now, per group code (for the 取号 page)."""
    with uow.read():
        return uow.queue.waiting_counts(actor.site_id, local_day(uow.clock.now()))


# -- 取号 ------------------------------------------------------------------------------------


@allowed_roles(*QUEUE_ROLES)
def take_ticket(uow: UnitOfWork, actor: Actor, group_code: str) -> TakenTicket:
    """A numbered ticket of the group for today, with the number of people waiting ahead."""
    code = group_code.strip().upper()
    with uow.write():
        group = uow.queue.group(actor.site_id, code)
        if group is None or not group.active:
            raise ValidationError.single("group", f"没有业务类别“{group_code.strip()}”")
        now = uow.clock.now()
        today = local_day(now)
        serial = uow.numbers.next_serial(actor.site_id, _counter_key(code), f"{today:%Y%m%d}")
        if serial > MAX_SERIAL:
            raise ValidationError.single("group", f"“{group.name}”今日号票已取完（{MAX_SERIAL}）")
        number = ticket_number(code, serial)
        ticket_id = uow.queue.add(
            NewTicket(actor.site_id, today, code, serial, number, now, actor.staff_id)
        )
        ahead = uow.queue.waiting_ahead(actor.site_id, today, code, ticket_id)
        audit.record(
            uow,
            actor,
            "queue_ticket_taken",
            "queue_ticket",
            number,
            None,
            {
                "group": code,
                "day": today.isoformat(),
                "ahead": ahead,
            },
        )
    return TakenTicket(ticket_id, number, code, group.name, now, ahead, group.window_numbers)


# -- 叫号 ------------------------------------------------------------------------------------


def _window(
    uow: UnitOfWork, actor: Actor, window_number: int | None, field: str = "window"
) -> tuple[int, int]:
    """(id, number) of the window the counter calls for: the given one, else the actor's;
    a refusal names ``field``, the form's field the number came from."""
    for window in uow.sites.windows(actor.site_id):
        if (window_number is None and window.id == actor.window_id) or (
            window_number is not None and window.number == window_number
        ):
            return window.id, window.number
    if window_number is None:
        raise ValidationError.single(field, "本账号没有所属窗口，请指定窗口号")
    raise ValidationError.single(field, f"没有 {window_number} 号窗口")


def _move(
    uow: UnitOfWork,
    actor: Actor,
    ticket: TicketRecord,
    action: TicketAction,
    extra: dict[str, Any] | None = None,
    **changes: Any,
) -> TicketRecord:
    state = next_state(ticket.state, action)
    uow.queue.update(ticket.id, ticket.row_version, state=str(state), **changes)
    audit.record(
        uow,
        actor,
        f"queue_{action}",
        "queue_ticket",
        f"{ticket.day:%Y%m%d}-{ticket.number}",
        {"state": str(ticket.state)},
        {"state": str(state), **(extra or {})},
    )
    moved = uow.queue.get(ticket.id)
    assert moved is not None
    return moved


def _clear_window(
    uow: UnitOfWork, actor: Actor, site_id: int, today: date, window_id: int, *, by_vendor: bool
) -> None:
    """Before the next call: a ticket being served is done; one called and not yet served
    blocks a counter's call (the clerk decides) and is passed over (过号) by a vendor's."""
    current = uow.queue.at_window(site_id, today, window_id)
    if current is None:
        return
    if current.state is TicketState.SERVING:
        _move(uow, actor, current, TicketAction.FINISH, finished_at=uow.clock.now())
    elif by_vendor:
        _move(uow, actor, current, TicketAction.SKIP, {"by": "vendor"})
    else:
        raise ValidationError.single(
            "ticket", f"请先处理当前号 {current.number}：开始办理、过号或转窗口"
        )


@allowed_roles(*QUEUE_ROLES)
def call_next(
    uow: UnitOfWork, actor: Actor, window_number: int | None = None
) -> TicketRecord | None:
    """叫号: the next ticket for this window (transferred to it first, then the window's
    groups in the order taken); None when nobody is waiting. A ticket still being served at
    the window is finished first."""
    with uow.write():
        window_id, number = _window(uow, actor, window_number)
        now = uow.clock.now()
        today = local_day(now)
        _clear_window(uow, actor, actor.site_id, today, window_id, by_vendor=False)
        codes = tuple(g.code for g in uow.queue.groups(actor.site_id) if number in g.window_numbers)
        ticket = uow.queue.claim_next(actor.site_id, today, window_id, codes)
        if ticket is None:
            return None
        return _move(
            uow,
            actor,
            ticket,
            TicketAction.CALL,
            {"window": number},
            called_at=ticket.called_at or now,
            last_called_at=now,
            window_id=window_id,
            called_by=actor.staff_id,
        )


def _ticket_at_counter(uow: UnitOfWork, actor: Actor, ticket_id: int, version: int) -> TicketRecord:
    ticket = uow.queue.get(ticket_id)
    if ticket is None or ticket.site_id != actor.site_id:
        raise NotFound("找不到该号票")
    if ticket.row_version != version:
        raise ConcurrentEdit(f"号票 {ticket.number} 已是“{STATE_WORDS[ticket.state]}”，请刷新")
    return ticket


@allowed_roles(*QUEUE_ROLES)
def recall_ticket(uow: UnitOfWork, actor: Actor, ticket_id: int, version: int) -> TicketRecord:
    """重呼: call the same number again (the display and the voice repeat it)."""
    with uow.write():
        ticket = _ticket_at_counter(uow, actor, ticket_id, version)
        now = uow.clock.now()
        return _move(
            uow, actor, ticket, TicketAction.RECALL, last_called_at=now, recalls=ticket.recalls + 1
        )


@allowed_roles(*QUEUE_ROLES)
def skip_ticket(uow: UnitOfWork, actor: Actor, ticket_id: int, version: int) -> TicketRecord:
    """过号: the visitor did not come to the window."""
    with uow.write():
        ticket = _ticket_at_counter(uow, actor, ticket_id, version)
        return _move(uow, actor, ticket, TicketAction.SKIP)


@allowed_roles(*QUEUE_ROLES)
def transfer_ticket(
    uow: UnitOfWork, actor: Actor, ticket_id: int, version: int, to_window: int | None
) -> TicketRecord:
    """转窗口: the ticket waits first in line at the other window."""
    with uow.write():
        if to_window is None:
            raise ValidationError.single("to_window", "请选择要转到的窗口")
        target_id, target_number = _window(uow, actor, to_window, "to_window")
        ticket = _ticket_at_counter(uow, actor, ticket_id, version)
        if ticket.window_id == target_id:
            raise ValidationError.single("to_window", "不能转到本窗口")
        return _move(
            uow,
            actor,
            ticket,
            TicketAction.TRANSFER,
            {"to_window": target_number},
            window_id=target_id,
            transferred_at=uow.clock.now(),
        )


@allowed_roles(*QUEUE_ROLES)
def serve_ticket(
    uow: UnitOfWork, actor: Actor, ticket_id: int, version: int
) -> tuple[TicketRecord, VisitRef]:
    """开始办理: the visitor came; a first-inquiry visit is registered with the ticket number,
    the acting clerk its first responder, in the same transaction."""
    from app.visits.records import VisitInput, VisitType
    from app.visits.service import register_visit

    with uow.write():
        ticket = _ticket_at_counter(uow, actor, ticket_id, version)
        next_state(ticket.state, TicketAction.SERVE)  # refuse before a visit is opened
        group = f"（{ticket.group_name}）" if ticket.group_name else ""
        visit = register_visit(
            uow,
            actor,
            VisitInput(
                question=f"排队号 {ticket.number}{group}来访",
                visit_type=VisitType.CONSULTATION,
                window_number=ticket.window_number,
            ),
        )
        moved = _move(
            uow,
            actor,
            ticket,
            TicketAction.SERVE,
            {"visit": visit.number},
            served_at=uow.clock.now(),
            visit_id=visit.id,
        )
    return moved, visit


@allowed_roles(*QUEUE_ROLES)
def finish_ticket(uow: UnitOfWork, actor: Actor, ticket_id: int, version: int) -> TicketRecord:
    with uow.write():
        ticket = _ticket_at_counter(uow, actor, ticket_id, version)
        return _move(uow, actor, ticket, TicketAction.FINISH, finished_at=uow.clock.now())


@allowed_roles(*ANY_ROLE)
def current_ticket(
    uow: UnitOfWork, actor: Actor, window_number: int | None = None
) -> TicketRecord | None:
    """The ticket called to or served at the window now (also one a vendor's system called)."""
    with uow.read():
        window_id, _ = _window(uow, actor, window_number)
        return uow.queue.at_window(actor.site_id, local_day(uow.clock.now()), window_id)


@allowed_roles(*HOOK_ROLES)
def vendor_called(uow: UnitOfWork, actor: Actor, number: str, window_number: int) -> TicketRecord:
    """A vendor's queue system called ``number`` to a window: the call reaches that counter
    (its 叫号 panel shows it, 开始办理 opens the visit) and the hall display. A number this
    program issued today is called like any other; an unknown one is recorded as an outside
    ticket. Whatever was at the window is done (served) or passed over (called only)."""
    clean = number.strip().upper()
    if not VENDOR_NUMBER.match(clean):
        raise ValidationError.single("number", "号码只能是1到8位字母或数字（如 A012）")
    with uow.write():
        window_id, window = _window(uow, actor, window_number)
        now = uow.clock.now()
        today = local_day(now)
        ticket = uow.queue.by_number(actor.site_id, today, clean)
        if (
            ticket is not None
            and ticket.state in AT_COUNTER_STATES
            and ticket.window_id == window_id
        ):
            if ticket.state is TicketState.SERVING:
                return ticket
            return _move(
                uow,
                actor,
                ticket,
                TicketAction.RECALL,
                last_called_at=now,
                recalls=ticket.recalls + 1,
            )
        if ticket is not None and ticket.state not in WAITING_STATES:
            raise ValidationError.single(
                "number", f"号码 {clean} 今日已{STATE_WORDS[ticket.state]}"
            )
        _clear_window(uow, actor, actor.site_id, today, window_id, by_vendor=True)
        if ticket is None:
            ticket_id = uow.queue.add(
                NewTicket(actor.site_id, today, EXTERNAL_GROUP, 0, clean, now, None)
            )
            ticket = uow.queue.get(ticket_id)
            assert ticket is not None
        return _move(
            uow,
            actor,
            ticket,
            TicketAction.CALL,
            {"window": window, "by": "vendor"},
            called_at=ticket.called_at or now,
            last_called_at=now,
            window_id=window_id,
            called_by=actor.staff_id,
        )

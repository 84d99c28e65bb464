"""Item groups for queue tests, set through the service as an administrator would."""

from __future__ import annotations

from app.auth import login
from app.context import AppContext
from app.queue.records import QueueGroupInput
from app.queue.service import set_queue_group


def make_groups(ctx: AppContext) -> None:
    """A: 社会救助 at windows 1 and 2; B: 社保 at window 3 only."""
    admin = login(ctx.uow(), "admin", "admin-2026")
    set_queue_group(ctx.uow(), admin, QueueGroupInput("A", "社会救助", (1, 2)))
    set_queue_group(ctx.uow(), admin, QueueGroupInput("b", "社保业务", (3,)))

"""A counter in its own process calling queue tickets through the services. It logs in, says
READY, waits for a line on stdin (so all workers start at the same moment), then calls the
next ticket for its window until none is left, passing each one over (过号) so the window is
free again, and prints ``CALLED <number>`` per ticket and ``EMPTY`` at the end."""

from __future__ import annotations

import sys

from app.auth import login
from app.clock import SystemClock
from app.queue.service import call_next, skip_ticket
from db.engine import make_engine
from db.uow import SqlUnitOfWork


def main(url: str, schema: str, login_name: str) -> None:
    kwargs = {"connect_args": {"options": f"-csearch_path={schema}"}} if schema else {}
    engine = make_engine(url, **kwargs)
    actor = login(SqlUnitOfWork(engine, SystemClock()), login_name, "demo-2026")
    print("READY", flush=True)
    sys.stdin.readline()
    while True:
        ticket = call_next(SqlUnitOfWork(engine, SystemClock()), actor)
        if ticket is None:
            break
        print("CALLED", ticket.number, ticket.window_number, flush=True)
        skip_ticket(SqlUnitOfWork(engine, SystemClock()), actor, ticket.id, ticket.row_version)
    print("EMPTY", flush=True)
    engine.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:4])

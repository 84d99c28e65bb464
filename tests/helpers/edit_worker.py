"""A clerk's screen in its own process: shows a case (its row version), waits for "go" on
stdin, then saves a suspension based on what it showed. Prints "ready", then "saved" or
"refused: <message>". Used by the two-clerks test in tests/integration/test_concurrent_edits.py.

    python -m tests.helpers.edit_worker URL SCHEMA LOGIN CASE_NUMBER
"""

from __future__ import annotations

import sys

from app.auth import login
from app.cases import queries
from app.cases.service import suspend_case
from app.clock import SystemClock
from app.errors import ConcurrentEdit
from db.engine import make_engine
from db.uow import SqlUnitOfWork


def main(url: str, schema: str, login_name: str, number: str) -> None:
    kwargs = {"connect_args": {"options": f"-csearch_path={schema}"}} if schema else {}
    engine = make_engine(url, **kwargs)
    uow = SqlUnitOfWork(engine, SystemClock())
    actor = login(uow, login_name, "demo-2026")
    shown = queries.find_case_by_number(uow, actor, number)
    assert shown is not None
    print("ready", flush=True)
    sys.stdin.readline()  # both screens show the same version; now both save
    try:
        suspend_case(uow, actor, shown.id, shown.row_version, "corrections", f"{actor.name}：补正")
    except ConcurrentEdit as exc:
        print(f"refused: {exc.message}", flush=True)
    else:
        print("saved", flush=True)
    engine.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:5])

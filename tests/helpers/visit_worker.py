"""A clerk's counter in its own process, for the first-inquiry test with two processes.

``refer``: register N visits and refer each to the receiver (a named colleague, or a window
with ``@N``), printing each referral's number after its commit; then wait until none of the
clerk's own visits is open (every referral acknowledged) and print ``cleared``.
``receive``: poll the work list for referrals waiting for this clerk (or for whom they stand
in), acknowledge each and answer the visit, printing ``acknowledged NUMBER``; stop once N visits
of the hall are closed (by this receiver or another). A referral another receiver acknowledged
first is skipped: exactly one wins it.
"""

from __future__ import annotations

import sys
import time

from app.auth import login
from app.clock import SystemClock
from app.errors import ConcurrentEdit, ValidationError
from app.visits import service, worklist
from app.visits.lifecycle import VisitState
from app.visits.records import OutcomeInput, ReferralInput, VisitInput, VisitQuery
from db.engine import make_engine
from db.uow import SqlUnitOfWork

TIMEOUT_S = 120


def main(url: str, schema: str, mode: str, login_name: str, count: int, target: str) -> None:
    kwargs = {"connect_args": {"options": f"-csearch_path={schema}"}} if schema else {}
    engine = make_engine(url, **kwargs)

    def uow() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, SystemClock())

    actor = login(uow(), login_name, "demo-2026")
    if mode == "refer":
        refer(uow, actor, count, target)
    else:
        receive(uow, actor, count)


def refer(uow, actor, count: int, target: str) -> None:  # type: ignore[no-untyped-def]
    if target.startswith("@"):
        to = ReferralInput(to_window_number=int(target[1:]), reason="对口窗口办理")
    else:
        reading = uow()
        with reading.read():
            staff = reading.staff.by_login(target)
        to = ReferralInput(to_staff_id=staff.id, reason="对口窗口办理")
    for i in range(count):
        visit = service.register_visit(
            uow(), actor, VisitInput(question=f"第{i + 1}位来访人的问题", phone="13812345678")
        )
        referral = service.refer_visit(uow(), actor, visit.id, to)
        print(f"referred {referral.number}", flush=True)
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        queue = worklist.my_queue(uow(), actor)
        if worklist.count_visits(uow(), actor, queue.visits()) == 0:
            print("cleared", flush=True)
            return
        time.sleep(0.05)
    raise SystemExit("the referrals were not all acknowledged in time")


def receive(uow, actor, count: int) -> None:  # type: ignore[no-untyped-def]
    closed = VisitQuery(states=frozenset({VisitState.CLOSED}))
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        queue = worklist.my_queue(uow(), actor)
        page = worklist.page_referral_ids(uow(), actor, queue.referrals())
        for referral_id in page.ids:
            try:
                visit = service.acknowledge_referral(uow(), actor, referral_id)
            except (ConcurrentEdit, ValidationError):
                continue  # another receiver was quicker
            service.close_visit(
                uow(), actor, visit.id, OutcomeInput("answered", answer="已在窗口答复")
            )
            print(f"acknowledged {visit.referrals[-1].number}", flush=True)
        if worklist.count_visits(uow(), actor, closed) >= count:
            return
        time.sleep(0.05)
    raise SystemExit("the referrals did not all arrive in time")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6])

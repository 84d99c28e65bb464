"""Search by resident ID number and by phone, and acceptance, on a scaled hall with sealed
personal numbers (issue 15: ID and phone numbers encrypted at rest, found by blind index).

The hall is one ``frontdesk scale`` built (bulk generator, sim/), e.g.

    FRONTDESK_HOME=/tmp/big frontdesk init --demo --demo-days 0 --admin-password admin-2026
    FRONTDESK_HOME=/tmp/big frontdesk scale --years 1 --windows 20 --per-window-day 20

In one warm process: the work list's one search box (``search_work``: visits, notices and cases,
then each hit's record) and the case list's filter (``page_case_ids``: the indexed lookup alone),
with a full ID number and with a mobile number of cases picked at random from the hall, and
``accept_case`` of a new case.
Median, p95 and max in ms; goals: search p95 <= 20 ms, acceptance p95 <= 100 ms.

    .venv/bin/python bench/sealed_search.py --data-dir /tmp/big --label sealed
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
from pathlib import Path

from common import RESULTS, cpu_model, load_average, percentile, ram, replace_section, timed

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--label", default="sealed")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--accepts", type=int, default=60)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    from sqlalchemy import func, select

    from app.auth import login
    from app.cases import queries, service
    from app.cases.records import AcceptRequest, ApplicantInput, CaseQuery
    from app.catalog.service import get_version, list_items
    from app.visits.worklist import search_work
    from cli import wiring
    from db.models import CaseFile
    from sim.people import person

    ctx = wiring.open_context(str(args.data_dir), None)
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    engine = ctx.store.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        total = int(conn.scalar(select(func.count()).select_from(CaseFile)) or 0)
        picked = random.Random(1).sample(range(1, total + 1), min(args.runs, total))
        people = conn.execute(
            select(CaseFile.id_number, CaseFile.phone).where(CaseFile.id.in_(picked))
        ).all()
    ids = [p.id_number for p in people if p.id_number]
    phones = [p.phone for p in people if p.phone and p.phone.isdigit()]
    items = [get_version(ctx.uow(), s.version_id) for s in list_items(ctx.uow())]
    item = next(i for i in items if i.materials)

    def accept(n: int) -> None:
        who: ApplicantInput = person(random.Random(n), dt.date.today())
        service.accept_case(
            ctx.uow(),
            clerk,
            AcceptRequest(
                item_version_id=item.id,
                applicant=who,
                received_material_ids=frozenset(m.id for m in item.materials),
            ),
        )

    search_work(ctx.uow(), clerk, ids[0])  # warm
    search_work(ctx.uow(), clerk, phones[0])
    accept(0)
    series: dict[str, list[float]] = {
        "search by ID number": [timed(lambda i=i: search_work(ctx.uow(), clerk, i)) for i in ids],
        "search by phone": [timed(lambda p=p: search_work(ctx.uow(), clerk, p)) for p in phones],
        "case list filtered by ID number": [
            timed(lambda i=i: queries.page_case_ids(ctx.uow(), clerk, CaseQuery(text=i)))
            for i in ids
        ],
        "case list filtered by phone": [
            timed(lambda p=p: queries.page_case_ids(ctx.uow(), clerk, CaseQuery(text=p)))
            for p in phones
        ],
        "accept a case": [timed(lambda n=n: accept(n)) for n in range(1, args.accepts + 1)],
    }
    found = sum(1 for i in ids[:20] if search_work(ctx.uow(), clerk, i))
    ctx.store.dispose()  # type: ignore[attr-defined]
    for name, values in series.items():
        print(
            f"{name:24} n={len(values):4} median {statistics.median(values):6.1f} ms  "
            f"p95 {percentile(values, 95):6.1f}  max {max(values):6.1f}"
        )
    print(f"{total:,} cases; {found}/20 sampled ID numbers found again")
    if not args.no_write:
        lines = [
            f"<!-- sealed-search:{args.label}:begin -->",
            f"## Search and acceptance with sealed personal numbers ({args.label})",
            "",
            f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs "
            f"({cpu_model()}), {ram()} RAM, {platform.system()} {platform.release()}; load "
            f"average at the start {load_average()} (a machine shared with other engineers). "
            f"SQLite hall of {total:,} cases built with `frontdesk scale` (bulk generator), every "
            "ID and phone number sealed (AES-256-GCM) and found by its blind index. "
            "Search is the work list's search box (`search_work`: visits, notices and cases, "
            "then each hit's row), with numbers of cases picked at random.",
            "",
            "| | n | median ms | p95 ms | max ms | goal (p95) |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *(
                f"| {name} | {len(v)} | {statistics.median(v):.1f} | {percentile(v, 95):.1f} "
                f"| {max(v):.1f} | {'100' if 'accept' in name else '20'} ms |"
                for name, v in series.items()
            ),
            "",
            "Reproduce: `.venv/bin/python bench/sealed_search.py --data-dir DIR "
            f"--label {args.label}` on a hall made as this script's docstring says.",
            f"<!-- sealed-search:{args.label}:end -->",
        ]
        replace_section(RESULTS, f"sealed-search:{args.label}", "\n".join(lines) + "\n")
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

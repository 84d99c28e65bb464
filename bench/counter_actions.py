"""What a clerk waits for at the counter, on a small hall and on the ten-year one.

In one process, through the same service functions the screens call (a fresh unit of work per
call, as the screens make), each action is timed ``--runs`` times on varied real values:

* case search as the case list runs it (one page of ids plus the first block of rows) by
  number, ID number, phone, and the first two and three characters of a name;
* opening a case (its detail with events, materials, deadline and steps);
* accepting a case: commit only, and commit plus the receipt PDF;
* the morning warning scan (cases turning yellow and red).

Figures: median and p95 (nearest rank) in ms. Goals (issue 9, ten-year database): every counter
action p95 <= 100 ms; search by number, ID or phone p95 <= 20 ms; by partial name p95 <= 50 ms.

    .venv/bin/python bench/counter_actions.py                       # small: a fresh demo hall
    .venv/bin/frontdesk --data-dir /data/big init --demo --demo-days 0 --admin-password admin-2026
    FRONTDESK_PASSWORD=admin-2026 .venv/bin/frontdesk --data-dir /data/big scale --years 10
    .venv/bin/python bench/counter_actions.py --data-dir /data/big --label ten-year
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import (
    RESULTS,
    cpu_model,
    load_average,
    percentile,
    ram,
    replace_section,
    reproduce,
    timed,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOALS = {
    "search: number": 20,
    "search: ID number": 20,
    "search: phone": 20,
    "search: name, 2 characters": 50,
    "search: name, 3 characters": 50,
    "open a case": 100,
    "accept (commit)": 100,
    "accept + receipt PDF": None,  # printing is outside the 100 ms goal
    "warning scan": None,
}


def small_hall(folder: Path) -> None:
    frontdesk = [sys.executable, "-m", "cli", "--data-dir", str(folder)]
    subprocess.run(
        [*frontdesk, "init", "--demo", "--admin-password", "admin-2026"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def measure(data_dir: Path, runs: int, seed: int) -> tuple[dict[str, list[float]], int, int]:
    from sqlalchemy import func, select, text

    from app.auth import login
    from app.cases import queries, service
    from app.cases.records import AcceptRequest, CaseQuery
    from app.catalog.records import Necessity
    from app.catalog.service import get_version, list_items
    from app.printing import render
    from app.printing.loaders import load_document
    from cli import wiring
    from db.models import CaseFile
    from sim.people import person

    ctx = wiring.open_context(str(data_dir), None)
    engine = ctx.store.engine  # type: ignore[attr-defined]
    rng = random.Random(seed)
    with engine.connect() as conn:
        total = int(conn.scalar(select(func.count()).select_from(CaseFile)) or 0)
        top = int(conn.scalar(select(func.max(CaseFile.id))) or 0)
        picks = [rng.randint(1, top) for _ in range(runs)]
        samples = [  # through the model: ID and phone numbers are sealed (db.sealed)
            conn.execute(
                select(
                    CaseFile.id,
                    CaseFile.number,
                    CaseFile.id_number,
                    CaseFile.phone,
                    CaseFile.applicant_name,
                )
                .where(CaseFile.id >= i)
                .order_by(CaseFile.id)
                .limit(1)
            ).one()
            for i in picks
        ]
        open_cases = int(
            conn.scalar(text("SELECT count(*) FROM case_file WHERE warning != 'closed'")) or 0
        )
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    supervisor = login(ctx.uow(), "sunli", "demo-2026")

    def search(value: str) -> None:
        page = queries.page_case_ids(ctx.uow(), supervisor, CaseQuery(text=value), None)
        queries.case_rows(ctx.uow(), supervisor, page.ids[:50])

    items = [get_version(ctx.uow(), s.version_id) for s in list_items(ctx.uow())]
    items = [i for i in items if i.committed_days > 0]
    today = dt.date.today()

    def request() -> AcceptRequest:
        item = rng.choice(items)
        return AcceptRequest(
            item_version_id=item.id,
            applicant=person(rng, today),
            received_material_ids=frozenset(
                m.id for m in item.materials if m.necessity is not Necessity.OPTIONAL
            ),
        )

    def accept_and_print() -> None:
        done = service.accept_case(ctx.uow(), clerk, request())
        render(load_document(ctx.uow(), clerk, "receipt", done.number))

    figures: dict[str, list[float]] = {name: [] for name in GOALS}
    search(samples[0].number)  # warm: the first query pays for statement compilation
    accept_and_print()
    for s in samples:
        figures["search: number"].append(timed(search, s.number))
        figures["search: ID number"].append(timed(search, s.id_number))
        figures["search: phone"].append(timed(search, s.phone))
        figures["search: name, 2 characters"].append(timed(search, s.applicant_name[:2]))
        name3 = s.applicant_name[:3] if len(s.applicant_name) >= 3 else s.applicant_name
        figures["search: name, 3 characters"].append(timed(search, name3))
        figures["open a case"].append(timed(queries.case_detail, ctx.uow(), supervisor, s.id))
        figures["accept (commit)"].append(
            timed(lambda: service.accept_case(ctx.uow(), clerk, request()))
        )
        figures["accept + receipt PDF"].append(timed(accept_and_print))
    for _ in range(max(3, runs // 10)):
        figures["warning scan"].append(timed(lambda: service.refresh_warnings(ctx.uow())))
    ctx.store.dispose()  # type: ignore[attr-defined]
    return figures, total, open_cases


def section(
    label: str,
    figures: dict[str, list[float]],
    total: int,
    open_cases: int,
    runs: int,
    command: str,
) -> str:
    import sqlite3

    lines = [
        f"<!-- counter-actions:{label}:begin -->",
        f"## Counter actions ({label}: {total:,} cases, {open_cases:,} open)",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs "
        f"({cpu_model()}), {ram()} RAM, {platform.system()} {platform.release()}; Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}. Load average at the "
        f"start: {load_average()}. {runs} runs per action on values drawn from the database, "
        "a fresh unit of work per call (as the screens do); the warning scan runs "
        f"{max(3, runs // 10)} times.",
        "",
        "| action | median ms | p95 ms | goal p95 ms | |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for name, values in figures.items():
        goal = GOALS[name]
        p95 = percentile(values, 95)
        verdict = "" if goal is None else ("met" if p95 <= goal else "**missed**")
        lines.append(
            f"| {name} | {statistics.median(values):.1f} | {p95:.1f} | "
            f"{'-' if goal is None else goal} | {verdict} |"
        )
    lines += [
        "",
        *reproduce(
            "Reproduce:",
            command,
            f"counter-actions:{label}",
        ),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, help="an existing hall (default: a fresh demo)")
    parser.add_argument("--label", default=None, help="RESULTS.md section (default: small)")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    label = args.label or ("small" if args.data_dir is None else args.data_dir.name)
    folder = args.data_dir
    temporary = None
    if folder is None:
        temporary = Path(tempfile.mkdtemp(prefix="frontdesk-bench-"))
        folder = temporary
        small_hall(folder)
    try:
        figures, total, open_cases = measure(folder, args.runs, args.seed)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    for name, values in figures.items():
        print(
            f"{name:28} median {statistics.median(values):7.1f} ms   "
            f"p95 {percentile(values, 95):7.1f} ms"
        )
    if not args.no_write:
        command = ".venv/bin/python bench/counter_actions.py --runs " + str(args.runs)
        if args.data_dir is not None:
            command += f" --data-dir {args.data_dir} --label {label}"
        replace_section(
            RESULTS,
            f"counter-actions:{label}",
            section(label, figures, total, open_cases, args.runs, command),
        )
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

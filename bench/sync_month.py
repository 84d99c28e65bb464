"""A township's month through the sync: export of its up bundle, import at the county.

The township (SQLite) gets a month of work in bulk (``sim.bulk``, the rows the services write:
about 2,000 cases with their events and materials, ratings, first-inquiry visits with their
referrals and events, audit events), then its up bundle is exported (everything: nothing
acknowledged yet) and imported into a fresh county, each ``--runs`` times after one untimed
run. The county is a SQLite file, and with ``--pg URL`` (an empty database or schema the
script may create schemas in) also PostgreSQL. Medians and spread in seconds; rows per second.

    .venv/bin/python bench/sync_month.py [--pg postgresql+psycopg://postgres@127.0.0.1/test]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import RESULTS, cpu_model, load_average, ram, replace_section, reproduce

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NAME = "sync-month"
PASSWORD = "admin-2026"


def _site(url: str, kwargs: dict[str, object], code: str, level: str, start: datetime):  # type: ignore[no-untyped-def]
    from app.clock import ManualClock
    from app.records import SiteLevel
    from app.settings import DATABASE_KIND, DEMO_KIND
    from app.setup import initialize
    from app.sync.trust import COUNTY_CODE_KEY
    from db.engine import make_engine
    from db.migrate import ensure_schema
    from db.store import SqlStore

    engine = make_engine(url, **kwargs)
    ensure_schema(engine, None)
    clock = ManualClock(start)
    store = SqlStore(engine, clock)
    uow = store.unit_of_work()
    with uow.write():
        uow.sites.add(
            code=code,
            name=code,
            level=SiteLevel(level),
            address="",
            phones="",
            timezone="Asia/Shanghai",
        )
        uow.settings.set(DATABASE_KIND, DEMO_KIND)
        if level == "township":
            uow.settings.set(COUNTY_CODE_KEY, "QH")
    initialize(uow, PASSWORD, demo=True)
    return store, clock


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--per-window-day", type=int, default=16)
    parser.add_argument("--pg", default=None, help="also a county on this PostgreSQL database")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("FRONTDESK_KEYSTORE", "memory")

    from sqlalchemy import create_engine, text

    from app.auth import login
    from app.signing import export_public_key, import_public_key
    from app.sync.service import export_bundle, import_bundle
    from sim import bulk, scale
    from sim.sql_sink import SqlBulkSink

    work = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    schemas: list[str] = []
    try:
        end = datetime.now(UTC).date()
        start = datetime.combine(end - timedelta(days=32), datetime.min.time(), UTC)
        town, town_clock = _site(
            f"sqlite:///{work / 'town.sqlite3'}", {}, "QH-LS", "township", start
        )
        uow = town.unit_of_work()
        with uow.read():
            site = uow.sites.first()
        assert site is not None
        plan = scale.ScalePlan(
            end=end,
            years=31 / 365,
            cases_per_window_day=args.per_window_day,
            visits_per_window_day=4,
            seed=3,
        )
        built = time.perf_counter()
        summary = bulk.generate(town.unit_of_work, SqlBulkSink(town.engine, site.id), plan, None)
        built = time.perf_counter() - built
        town_clock.set(datetime.now(UTC))
        admin = login(town.unit_of_work(), "admin", PASSWORD)

        town_key = export_public_key(town.unit_of_work(), admin)

        def county_for_run(label: str, n: int):  # type: ignore[no-untyped-def]
            """A fresh county that trusts the township's key (a new file or schema)."""
            if label == "SQLite":
                url, kwargs = f"sqlite:///{work / f'county-{n}.sqlite3'}", {}
            else:
                schema = f"bench_{uuid.uuid4().hex[:8]}"
                schemas.append(schema)
                with create_engine(args.pg).begin() as conn:
                    conn.execute(text(f'CREATE SCHEMA "{schema}"'))
                url, kwargs = args.pg, {"connect_args": {"options": f"-csearch_path={schema}"}}
            county, clock = _site(url, kwargs, "QH", "county", datetime.now(UTC))
            cadmin = login(county.unit_of_work(), "admin", PASSWORD)
            import_public_key(county.unit_of_work(), cadmin, town_key)
            clock.set(datetime.now(UTC) + timedelta(hours=1))
            return county, cadmin

        def trust_county(county) -> None:  # type: ignore[no-untyped-def]
            """The township seals its bundles for this county's key."""
            cadmin = login(county.unit_of_work(), "admin", PASSWORD)
            import_public_key(
                town.unit_of_work(), admin, export_public_key(county.unit_of_work(), cadmin)
            )

        export_s: list[float] = []
        bundle = work / "up.zip"
        result = None
        first, _cadmin = county_for_run("SQLite", 0)
        trust_county(first)
        first.dispose()
        for n in range(args.runs + 1):
            t0 = time.perf_counter()
            result = export_bundle(town.unit_of_work(), admin, bundle)
            if n:
                export_s.append(time.perf_counter() - t0)
        assert result is not None
        rows, events = result.rows, result.audit_events
        size = bundle.stat().st_size

        import_s: dict[str, list[float]] = {}
        for label in ["SQLite"] + (["PostgreSQL"] if args.pg else []):
            times: list[float] = []
            for n in range(args.runs + 1):
                county, cadmin = county_for_run(label, n + 1)
                trust_county(county)
                export_bundle(town.unit_of_work(), admin, bundle)  # sealed for this county
                t0 = time.perf_counter()
                done = import_bundle(county.unit_of_work(), cadmin, bundle)
                elapsed = time.perf_counter() - t0
                assert done.new_rows == rows, (done.new_rows, rows)
                if n:
                    times.append(elapsed)
                county.dispose()
            import_s[label] = times
        counter: dict[str, list[float]] = {}
        if args.pg:  # the county's counters keep accepting while a bundle is imported
            county, cadmin = county_for_run("PostgreSQL", 99)
            trust_county(county)
            export_bundle(town.unit_of_work(), admin, bundle)
            counter = _counter_during_import(county, cadmin, bundle, import_bundle)
            county.dispose()
    finally:
        for schema in schemas:
            with create_engine(args.pg).begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        shutil.rmtree(work, ignore_errors=True)

    med = statistics.median
    lines = [
        f"<!-- {NAME}:begin -->",
        "## A township's month through the sync (`bench/sync_month.py`)",
        "",
        f"Machine: {cpu_model()}, {os.cpu_count()} CPUs, {ram()} RAM, load {load_average()}, "
        f"Python {platform.python_version()}, {datetime.now(UTC):%Y-%m-%d}.",
        f"Township month built in bulk ({built:.0f} s): {summary.accepted} cases, "
        f"{summary.visits} visits, {summary.ratings} ratings; up bundle {rows} records + "
        f"{events} audit events, {size / 1e6:.1f} MB zipped. Median of {args.runs} runs "
        "(min-max), after one untimed run:",
        "",
        "| step | median s | min-max s | records/s |",
        "| --- | --- | --- | --- |",
        f"| export at the township (SQLite) | {med(export_s):.2f} | {min(export_s):.2f}-"
        f"{max(export_s):.2f} | {rows / med(export_s):,.0f} |",
    ]
    for label, times in import_s.items():
        lines.append(
            f"| import at a fresh county ({label}) | {med(times):.2f} | {min(times):.2f}-"
            f"{max(times):.2f} | {rows / med(times):,.0f} |"
        )
    if counter:
        base, during = counter["alone"], counter["during import"]
        lines += [
            "",
            "A counter at the PostgreSQL county accepting cases one after another (a thread) while "
            f"the bundle is imported: {len(during)} acceptances during the import, median "
            f"{med(during) * 1000:.0f} ms, max {max(during) * 1000:.0f} ms (alone: median "
            f"{med(base) * 1000:.0f} ms, max {max(base) * 1000:.0f} ms; ratio of medians "
            f"{med(during) / med(base):.1f}). The import locks the audit chain's head only for "
            "its last statement; the counter thread shares the importing process's GIL here "
            "(a real counter is another PC), so these figures are pessimistic.",
        ]
    lines.append("")
    lines += reproduce(
        "Reproduce:",
        "python bench/sync_month.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/test",
        NAME,
    )
    section = "\n".join(lines) + "\n"
    print(section)
    if not args.no_write:
        replace_section(RESULTS, NAME, section)
    return 0


def _counter_during_import(county, cadmin, bundle, import_bundle):  # type: ignore[no-untyped-def]
    """Acceptance latencies at a counter of ``county``: alone, then while the import runs."""
    import random
    import threading

    from app.auth import login
    from app.cases import service
    from app.cases.records import AcceptRequest
    from app.catalog.records import Necessity
    from app.catalog.service import get_version, list_items
    from app.setup import DEMO_PASSWORD
    from sim.people import person

    clerk = login(county.unit_of_work(), "zhangwei", DEMO_PASSWORD)
    items = [
        get_version(county.unit_of_work(), s.version_id) for s in list_items(county.unit_of_work())
    ]
    items = [i for i in items if i.committed_days > 0]
    rng = random.Random(5)
    today = county.clock.now().date()

    def accept() -> float:
        item = rng.choice(items)
        req = AcceptRequest(
            item_version_id=item.id,
            applicant=person(rng, today),
            received_material_ids=frozenset(
                m.id for m in item.materials if m.necessity is not Necessity.OPTIONAL
            ),
        )
        t0 = time.perf_counter()
        service.accept_case(county.unit_of_work(), clerk, req)
        return time.perf_counter() - t0

    alone = [accept() for _ in range(20)]
    during: list[float] = []
    done = threading.Event()

    def counter() -> None:
        while not done.is_set():
            during.append(accept())

    worker = threading.Thread(target=counter)
    worker.start()
    try:
        import_bundle(county.unit_of_work(), cadmin, bundle)
    finally:
        done.set()
        worker.join()
    return {"alone": alone, "during import": during}


if __name__ == "__main__":
    raise SystemExit(main())

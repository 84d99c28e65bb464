"""The hall the hostile-input tests feed (tests/integration/test_bad_input*.py) and ``attempt``,
the one check every fed input goes through: no crash (only a field refusal or another domain
refusal), every field refusal names fields of that form, and a refused call leaves every table
and the audit chain as they were.

Each test module opens its own hall per store (module-scoped) and feeds its forms in file
order; the counts of every module go to ``build/reliability/bad_input_services.json``.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, inspect, text

from app import audit
from app.auth import login
from app.cases import queries, transitions
from app.cases.lifecycle import CaseState
from app.cases.records import AcceptRequest, ApplicantInput
from app.cases.service import accept_case, refresh_warnings
from app.catalog.exchange import CatalogImportRejected
from app.catalog.records import ItemVersionRecord
from app.clock import ManualClock
from app.context import AppContext
from app.errors import (
    AuthenticationError,
    ConcurrentEdit,
    DomainError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from app.notices import service as notices
from app.notices.records import NoticeRequest
from app.roles import Actor
from app.setup import initialize
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore
from tests.helpers import hostile
from tests.helpers.catalog import make_item
from tests.helpers.figures import FIGURES_DIR, record_figures
from tests.helpers.hostile import fed
from tests.helpers.stores import PG_URL, START, postgres_available

BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# A permission refusal too: a record picked from a list may be one the user may not act on
# (a colleague's visit, a rating of someone else's service); the refusal says so.
REFUSALS = (
    ValidationError,
    NotFound,
    IllegalTransition,
    ConcurrentEdit,
    AuthenticationError,
    PermissionDenied,
)


@dataclass
class Hall:
    ctx: AppContext
    clock: ManualClock
    engine: Engine
    store_name: str
    admin: Actor
    clerk: Actor
    boss: Actor
    lina: Actor  # changes her own password; no other form touches her account
    item: ItemVersionRecord
    spare_code: str
    record_ids: list[int]
    notice_id: int = 0
    tables: list[str] = field(default_factory=list)
    case: tuple[int, int, CaseState] | None = None  # id, row version, state
    case_events: int = 0

    def _repr_pretty_(self, printer: Any, _cycle: bool) -> None:  # a failing example's print
        printer.text(f"Hall({self.store_name})")

    def uow(self):  # type: ignore[no-untyped-def]
        return self.ctx.uow()

    def snapshot(self) -> tuple[Any, ...]:
        """Rows per table and the audit head, in one query."""
        counts = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM \"{t}\"" for t in self.tables)
        with self.engine.connect() as conn:
            rows = conn.execute(text(counts)).all()
            head = conn.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
        return (*sorted(tuple(r) for r in rows), tuple(head))

    def request(self, **changes: Any) -> AcceptRequest:
        ids = {m.name: m.id for m in self.item.materials}
        base: dict[str, Any] = {
            "item_version_id": self.item.id,
            "applicant": ApplicantInput(name="王五", id_number=ID, phone="13812345678"),
            "received_material_ids": frozenset({ids["居民身份证"], ids["户口簿"]}),
            "not_applicable_material_ids": frozenset({ids["收入证明"]}),
        }
        return AcceptRequest(**{**base, **changes})

    def new_notice(self) -> int:
        ids = {m.name: m.id for m in self.item.materials}
        req = NoticeRequest(
            item_version_id=self.item.id,
            applicant=ApplicantInput(name="赵六", id_number=ID, phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        )
        self.notice_id = notices.issue_one_time_notice(self.uow(), self.clerk, req).notice_id
        return self.notice_id

    def case_in(self, *states: CaseState) -> tuple[int, int]:
        """A case of the clerk's in one of ``states``: a new one when the last moved on, or
        has a life's worth of events (a real case does not pass 10,000 steps)."""
        if self.case is not None and self.case[2] in states and self.case_events < 30:
            return self.case[0], self.case[1]
        accepted = accept_case(self.uow(), self.clerk, self.request())
        case = queries.case_detail(self.uow(), self.clerk, accepted.case_id).case
        want = states[0]
        if want is CaseState.IN_PROGRESS:
            case = transitions.start_case(self.uow(), self.clerk, case.id, case.row_version)
        elif want is CaseState.SUSPENDED:
            case = transitions.suspend_case(
                self.uow(), self.clerk, case.id, case.row_version, "corrections", "补正"
            )
        elif want is CaseState.DECIDED:
            case = transitions.decide_case(
                self.uow(), self.clerk, case.id, case.row_version, "approved"
            )
        self.moved(case)
        return case.id, case.row_version

    def moved(self, record: Any) -> None:
        self.case = (record.id, record.row_version, record.state)
        self.case_events = len(record.events)


ID = "11010519491231002X"


def attempt(
    hall: Hall,
    form: str,
    fields: set[str],
    call: Callable[[], Any],
    also: tuple[type[DomainError], ...] = (),
) -> Any:
    """Feed one input: the result when accepted; None when refused, after checking the
    refusal names this form's fields and nothing was written. ``also``: the form's own
    refusals besides the usual ones (a bundle refused, a store without PCs), each one line."""
    fed(f"{form}@{hall.store_name}")
    before = hall.snapshot()
    try:
        result = call()
    except ValidationError as exc:
        assert exc.errors, "a refusal that names no field"
        # "materials[2].name" and "line 3" name a part of a field
        base = {k: k.split("[", 1)[0].split(".", 1)[0].split(" ", 1)[0] for k in exc.errors}
        unknown = {k for k, b in base.items() if k not in fields and b not in fields}
        assert not unknown, f"{form} refused fields it does not have: {exc.errors}"
        assert all(isinstance(m, str) and m.strip() for m in exc.errors.values())
    except CatalogImportRejected as exc:  # a file: each problem names its item/row and column
        assert exc.problems and all(p.where and p.message for p in exc.problems)
    except REFUSALS as exc:
        assert exc.message.strip()
    except also as exc:
        assert exc.message.strip() and "\n" not in exc.message, f"{form}: {exc.message!r}"
    else:
        hostile.ACCEPTED[f"{form}@{hall.store_name}"] += 1
        return result
    after = hall.snapshot()
    assert after == before, f"{form}: a refused input left something behind"
    return None


# -- the hall -----------------------------------------------------------------------------


def _sqlite_folder(tmp: Path) -> Path:
    """Shared memory when the machine has it: the property is the services', not the disk's,
    and 10,000 commits per form would otherwise wait on fsync."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return Path(tempfile.mkdtemp(prefix="frontdesk-bad-input-", dir=shm))
    return tmp


STORES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def open_hall(store: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    """The hall one test module feeds (``yield from`` in the module's ``hall`` fixture, with
    ``params=STORES``): a demo staff, two items, three overdue cases with their accountability
    records and a one-time notice."""
    cleanup: Callable[[], None] = lambda: None  # noqa: E731
    if store == "sqlite":
        folder = _sqlite_folder(tmp_path_factory.mktemp("bad-input"))
        engine = make_engine(f"sqlite:///{folder / 'hall.sqlite3'}")

        def cleanup() -> None:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)

    else:
        reason = postgres_available()
        if reason:
            pytest.skip(reason)
        schema = f"t_{uuid.uuid4().hex[:12]}"
        admin_engine = create_engine(PG_URL)
        with admin_engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})

        def cleanup() -> None:
            with admin_engine.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin_engine.dispose()

    ensure_schema(engine, None)
    clock = ManualClock(START)
    ctx = AppContext(SqlStore(engine, clock), clock, tmp_path_factory.mktemp("data"))
    initialize(ctx.uow(), "admin-2026", demo=True, demo_catalog=False)
    item = make_item(ctx)
    make_item(ctx, code="T-002")
    admin = login(ctx.uow(), "admin", "admin-2026")
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    boss = login(ctx.uow(), "sunli", "demo-2026")
    lina = login(ctx.uow(), "lina", "demo-2026")
    hall = Hall(ctx, clock, engine, store, admin, clerk, boss, lina, item, "T-002", [])
    # Overdue cases leave accountability records for the review form.
    for _ in range(3):
        accept_case(ctx.uow(), clerk, hall.request())
    clock.advance(timedelta(days=30))
    refresh_warnings(ctx.uow())
    hall.record_ids = [r.id for r in queries.list_accountability(ctx.uow(), boss)]
    assert len(hall.record_ids) == 3
    hall.new_notice()
    hall.tables = sorted(t for t in inspect(engine).get_table_names() if t != "alembic_version")
    yield hall
    assert audit.verify(ctx.uow()).ok
    engine.dispose()
    cleanup()


def hall_per_store() -> Any:
    """A test module's ``hall`` fixture (``hall = hall_per_store()``): its own hall per store,
    opened before its first test, the inputs it fed written out after its last."""

    @pytest.fixture(scope="module", params=STORES)
    def hall(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
    ) -> Iterator[Hall]:
        yield from open_hall(request.param, tmp_path_factory)
        report_inputs()

    return hall


def report_inputs() -> None:
    """Write the inputs fed so far (each module calls it when done)."""
    name = hostile.figures_name("bad_input_services")
    counts = {k: v for k, v in hostile.INPUTS.items() if not k.startswith("validator:")}
    accepted = dict(hostile.ACCEPTED)
    earlier = FIGURES_DIR / f"{name}.json"  # each module and store adds to the others'
    if earlier.exists():
        kept = json.loads(earlier.read_text(encoding="utf-8"))
        counts = {**kept.get("inputs", {}), **counts}
        accepted = {**kept.get("accepted", {}), **accepted}
    record_figures(
        name,
        {
            "full": hostile.FULL,
            "forms": len({k.split("@")[0] for k in counts}),
            "total": sum(counts.values()),
            "inputs": dict(sorted(counts.items())),
            "accepted": dict(sorted(accepted.items())),
        },
    )

"""Real stores for integration, UI and end-to-end tests: a SQLite file and a fresh PostgreSQL
schema, both migrated by Alembic (never create_all)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from app.clock import ManualClock
from app.context import AppContext
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore

PG_URL = os.environ.get("FRONTDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
START = datetime(2026, 11, 24, 1, 30, tzinfo=UTC)  # a Tuesday, 09:30 in Beijing


def postgres_available() -> str | None:
    """None when reachable, else the reason. In CI an unreachable server fails the run."""
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except OperationalError as exc:
        reason = f"PostgreSQL unreachable at {PG_URL}: {str(exc.orig).strip().splitlines()[0]}"
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI requires it)", pytrace=False)
        return reason


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'frontdesk.sqlite3'}"


@pytest.fixture
def pg_schema_url() -> Iterator[tuple[str, dict[str, object]]]:
    reason = postgres_available()
    if reason:
        pytest.skip(reason)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield PG_URL, {"connect_args": {"options": f"-csearch_path={schema}"}}
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine_spec(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, dict[str, object]]:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'frontdesk.sqlite3'}", {}
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def store(engine_spec: tuple[str, dict[str, object]], clock: ManualClock) -> Iterator[SqlStore]:
    url, kwargs = engine_spec
    engine = make_engine(url, **kwargs)
    ensure_schema(engine, None)
    store = SqlStore(engine, clock)
    yield store
    store.dispose()


@pytest.fixture
def ctx(store: SqlStore, clock: ManualClock, tmp_path: Path) -> AppContext:
    return AppContext(store=store, clock=clock, data_dir=tmp_path)


@pytest.fixture
def demo_ctx(ctx: AppContext) -> AppContext:
    from app.setup import initialize

    initialize(ctx.uow(), "admin-2026", demo=True)
    return ctx


@pytest.fixture
def sqlite_demo_ctx(sqlite_url: str, clock: ManualClock, tmp_path: Path) -> Iterator[AppContext]:
    """A demo hall on a SQLite file: for screen tests, which need one engine, not both."""
    from app.setup import initialize

    engine = make_engine(sqlite_url)
    ensure_schema(engine, None)
    store = SqlStore(engine, clock)
    ctx = AppContext(store=store, clock=clock, data_dir=tmp_path)
    initialize(ctx.uow(), "admin-2026", demo=True)
    yield ctx
    store.dispose()

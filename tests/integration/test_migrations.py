"""Migrations are the only way the schema is made, and they yield exactly the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from db.engine import StoreError, make_engine
from db.migrate import HEAD, KNOWN_REVISIONS, alembic_config, ensure_schema, schema_status
from db.models import Base
from db.store import SqlStore


def test_known_revisions_match_the_scripts() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    chain = [rev.revision for rev in reversed(list(scripts.walk_revisions()))]
    assert tuple(chain) == KNOWN_REVISIONS
    assert scripts.get_current_head() == HEAD


def test_upgraded_empty_database_equals_the_models(store: SqlStore) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    assert schema_status(store.engine).state == "current"


def test_database_newer_than_the_program_is_refused(store: SqlStore) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="比本程序新"):
        ensure_schema(store.engine, None)


def test_older_database_is_copied_aside_then_upgraded(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    ensure_schema(engine, None)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('idle_lock_minutes', '7')"))
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    assert schema_status(engine).state == "older"
    result = ensure_schema(engine, tmp_path / "backups")
    assert result is not None and result.backup is not None and result.backup.exists()
    assert schema_status(engine).state == "current"
    assert "staff" in inspect(engine).get_table_names()


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id integer primary key)"))
    with pytest.raises(StoreError, match="不是本程序的数据库"):
        ensure_schema(engine, None)

"""What an insider with the database's credentials can do to it, for the tests that show the
program notices. Each helper works on SQLite and PostgreSQL.

The audit table is append-only by triggers; an insider who owns the database can drop them, so
the helpers do (and put them back), as such an insider would.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, text

from app import audit
from app.records import AuditEventRecord

_GUARDS = {
    "sqlite": (
        [
            "DROP TRIGGER audit_event_no_update",
            "DROP TRIGGER audit_event_no_delete",
        ],
        [
            "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
            "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
            "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
            "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
        ],
    ),
    "postgresql": (
        [
            "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",
            "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_truncate",
        ],
        [
            "ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only",
            "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_truncate",
        ],
    ),
}


@contextmanager
def unguarded(engine: Engine) -> Iterator[Connection]:
    """A connection on which the audit table's triggers are off, on again afterwards."""
    off, on = _GUARDS[engine.dialect.name]
    with engine.begin() as conn:
        for statement in off:
            conn.execute(text(statement))
        yield conn
        for statement in on:
            conn.execute(text(statement))


def events(conn: Connection) -> list[AuditEventRecord]:
    rows = conn.execute(
        text(
            "SELECT seq, at, actor_id, actor_login, action, entity, entity_id, summary, "
            "prev_hash, hash FROM audit_event ORDER BY seq"
        )
    ).all()
    return [AuditEventRecord(*r) for r in rows]


def _move_head(conn: Connection, seq: int, hash_: str) -> None:
    conn.execute(
        text("UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1"), {"s": seq, "h": hash_}
    )


def truncate_tail(engine: Engine, keep: int) -> None:
    """Delete every event after #keep and move the head back to #keep."""
    with unguarded(engine) as conn:
        kept = conn.execute(text("SELECT hash FROM audit_event WHERE seq = :s"), {"s": keep})
        hash_ = kept.scalar_one()
        conn.execute(text("DELETE FROM audit_event WHERE seq > :s"), {"s": keep})
        _move_head(conn, keep, hash_)


def empty_chain(engine: Engine) -> None:
    with unguarded(engine) as conn:
        conn.execute(text("DELETE FROM audit_event"))
        _move_head(conn, 0, audit.GENESIS_HASH)


def rechain_after_edit(engine: Engine, seq: int, **changes: Any) -> None:
    """Change event #seq, then recompute every link from it on, as someone without the trail's
    key can: with the unkeyed hash."""
    with unguarded(engine) as conn:
        chain = events(conn)
        prev = chain[seq - 2].hash if seq > 1 else audit.GENESIS_HASH
        for ev in chain[seq - 1 :]:
            fields = dict(ev.__dict__)
            if ev.seq == seq:
                fields.update(changes)
            fields["prev_hash"] = prev
            parts = [fields[k] for k in ("seq", "at", "actor_id", "actor_login", "action")]
            parts += [fields["entity"], fields["entity_id"], fields["summary"]]
            if isinstance(parts[1], str):  # SQLite hands back the stored text
                from datetime import datetime

                parts[1] = datetime.fromisoformat(parts[1].replace("Z", "+00:00"))
            fields["hash"] = audit.event_hash(prev, *parts)
            conn.execute(
                text(
                    "UPDATE audit_event SET actor_login = :actor_login, summary = :summary, "
                    "entity_id = :entity_id, prev_hash = :prev_hash, hash = :hash WHERE seq = :seq"
                ),
                fields,
            )
            prev = fields["hash"]
        _move_head(conn, chain[-1].seq, prev)


def edit_audit_row(engine: Engine, seq: int, column: str, value: object) -> None:
    with unguarded(engine) as conn:
        conn.execute(
            text(f"UPDATE audit_event SET {column} = :v WHERE seq = :s"), {"v": value, "s": seq}
        )


def delete_audit_row(engine: Engine, seq: int) -> None:
    with unguarded(engine) as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq = :s"), {"s": seq})


def edit_row(engine: Engine, table: str, row_id: int, **values: object) -> None:
    """A direct SQL edit of a business row, bypassing the program."""
    sets = ", ".join(f"{k} = :{k}" for k in values)
    with engine.begin() as conn:
        conn.execute(
            text(f"UPDATE {table} SET {sets} WHERE id = :row_id"), {**values, "row_id": row_id}
        )


def delete_row(engine: Engine, table: str, row_id: int) -> None:
    with engine.begin() as conn:
        conn.execute(text(f"DELETE FROM {table} WHERE id = :row_id"), {"row_id": row_id})

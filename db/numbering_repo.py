"""The number counters (app.numbering.CounterRepository): one row per site, kind and day."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import NumberCounter


class SqlCounterRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def next_serial(self, site_id: int, kind: str, day: str) -> int:
        # One upsert: the row is created at 1 or moved on by one, and stays locked until the
        # transaction ends, so two counters never get the same serial.
        dialect = self.s.get_bind().dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert  # type: ignore[assignment]
        insert_row = dialect_insert(NumberCounter).values(
            site_id=site_id, kind=kind, day=day, last_serial=1
        )
        stmt = insert_row.on_conflict_do_update(
            index_elements=["site_id", "kind", "day"],
            set_={"last_serial": NumberCounter.last_serial + 1},
        ).returning(NumberCounter.last_serial)
        return int(self.s.execute(stmt).scalar_one())

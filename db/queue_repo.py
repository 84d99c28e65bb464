"""Queue tickets and item groups in SQL (app.queue.ports.QueueRepository)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.orm import Session

from app.errors import ConcurrentEdit
from app.queue.lifecycle import AT_COUNTER_STATES, TicketState
from app.queue.records import HallCall, NewTicket, QueueGroupRecord, TicketRecord
from db.models.foundation import Window
from db.models.queue import QueueGroup, QueueTicket

WAITING = str(TicketState.WAITING)
TRANSFERRED = str(TicketState.TRANSFERRED)
AT_COUNTER = tuple(str(s) for s in AT_COUNTER_STATES)


def _windows(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(",") if p)


def _group(row: QueueGroup) -> QueueGroupRecord:
    return QueueGroupRecord(
        row.id, row.site_id, row.code, row.name, _windows(row.window_numbers), row.active
    )


class SqlQueueRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # -- groups ------------------------------------------------------------------------------
    def groups(self, site_id: int, include_inactive: bool = False) -> list[QueueGroupRecord]:
        stmt = select(QueueGroup).where(QueueGroup.site_id == site_id).order_by(QueueGroup.code)
        if not include_inactive:
            stmt = stmt.where(QueueGroup.active.is_(True))
        return [_group(r) for r in self.s.scalars(stmt)]

    def group(self, site_id: int, code: str) -> QueueGroupRecord | None:
        row = self.s.scalar(
            select(QueueGroup).where(QueueGroup.site_id == site_id, QueueGroup.code == code)
        )
        return _group(row) if row else None

    def save_group(
        self, site_id: int, code: str, name: str, window_numbers: str, active: bool
    ) -> int:
        row = self.s.scalar(
            select(QueueGroup).where(QueueGroup.site_id == site_id, QueueGroup.code == code)
        )
        if row is None:
            row = QueueGroup(site_id=site_id, code=code)
            self.s.add(row)
        row.name, row.window_numbers, row.active = name, window_numbers, active
        self.s.flush()
        return row.id

    # -- tickets -----------------------------------------------------------------------------
    def add(self, new: NewTicket) -> int:
        row = QueueTicket(
            site_id=new.site_id,
            day=new.day,
            group_code=new.group_code,
            serial=new.serial,
            number=new.number,
            state=str(new.state),
            taken_at=new.taken_at,
            taken_by=new.taken_by,
            recalls=0,
            row_version=1,
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def _select(self) -> Any:
        return (
            select(QueueTicket, Window.number, QueueGroup.name)
            .outerjoin(Window, Window.id == QueueTicket.window_id)
            .outerjoin(
                QueueGroup,
                and_(
                    QueueGroup.site_id == QueueTicket.site_id,
                    QueueGroup.code == QueueTicket.group_code,
                ),
            )
        )

    @staticmethod
    def _record(row: Any) -> TicketRecord:
        t, window_number, group_name = row
        return TicketRecord(
            id=t.id,
            site_id=t.site_id,
            day=t.day,
            group_code=t.group_code,
            group_name=group_name or "",
            number=t.number,
            state=TicketState(t.state),
            taken_at=t.taken_at,
            called_at=t.called_at,
            last_called_at=t.last_called_at,
            window_id=t.window_id,
            window_number=window_number,
            called_by=t.called_by,
            recalls=t.recalls,
            served_at=t.served_at,
            finished_at=t.finished_at,
            visit_id=t.visit_id,
            row_version=t.row_version,
        )

    def _one(self, *where: Any) -> TicketRecord | None:
        row = self.s.execute(self._select().where(*where)).first()
        return self._record(row) if row else None

    def get(self, ticket_id: int) -> TicketRecord | None:
        return self._one(QueueTicket.id == ticket_id)

    def by_number(self, site_id: int, day: date, number: str) -> TicketRecord | None:
        return self._one(
            QueueTicket.site_id == site_id, QueueTicket.day == day, QueueTicket.number == number
        )

    def waiting_ahead(self, site_id: int, day: date, group_code: str, ticket_id: int) -> int:
        return int(
            self.s.scalar(
                select(func.count()).where(
                    QueueTicket.site_id == site_id,
                    QueueTicket.day == day,
                    QueueTicket.group_code == group_code,
                    QueueTicket.state == WAITING,
                    QueueTicket.id < ticket_id,
                )
            )
            or 0
        )

    def waiting_counts(self, site_id: int, day: date) -> dict[str, int]:
        rows = self.s.execute(
            select(QueueTicket.group_code, func.count())
            .where(
                QueueTicket.site_id == site_id,
                QueueTicket.day == day,
                QueueTicket.state == WAITING,
            )
            .group_by(QueueTicket.group_code)
        )
        return {code: int(n) for code, n in rows}

    def claim_next(
        self, site_id: int, day: date, window_id: int, group_codes: tuple[str, ...]
    ) -> TicketRecord | None:
        mine = and_(QueueTicket.state == TRANSFERRED, QueueTicket.window_id == window_id)
        waiting = and_(QueueTicket.state == WAITING, QueueTicket.group_code.in_(group_codes))
        first = case((QueueTicket.state == TRANSFERRED, 0), else_=1)
        picked = self.s.scalar(
            select(QueueTicket.id)
            .where(
                QueueTicket.site_id == site_id,
                QueueTicket.day == day,
                or_(mine, waiting) if group_codes else mine,
            )
            .order_by(first, QueueTicket.transferred_at, QueueTicket.taken_at, QueueTicket.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        return self.get(picked) if picked is not None else None

    def at_window(self, site_id: int, day: date, window_id: int) -> TicketRecord | None:
        return self._one(
            QueueTicket.site_id == site_id,
            QueueTicket.day == day,
            QueueTicket.window_id == window_id,
            QueueTicket.state.in_(AT_COUNTER),
        )

    def update(self, ticket_id: int, expected_version: int, **changes: Any) -> None:
        done = self.s.execute(
            update(QueueTicket)
            .where(QueueTicket.id == ticket_id, QueueTicket.row_version == expected_version)
            .values(**changes, row_version=QueueTicket.row_version + 1)
            .execution_options(synchronize_session=False)
        )
        if done.rowcount != 1:  # type: ignore[attr-defined]
            raise ConcurrentEdit("号票已被其他窗口处理，请刷新")

    def recent_calls(self, site_id: int, since: datetime, limit: int) -> list[HallCall]:
        rows = self.s.execute(
            select(
                QueueTicket.number, Window.number, QueueTicket.last_called_at, QueueTicket.recalls
            )
            .join(Window, Window.id == QueueTicket.window_id)
            .where(
                QueueTicket.site_id == site_id,
                QueueTicket.last_called_at >= since,
                QueueTicket.state.in_(AT_COUNTER),
            )
            .order_by(QueueTicket.last_called_at.desc(), QueueTicket.id.desc())
            .limit(limit)
        )
        return [HallCall(n, w, at, r) for n, w, at, r in rows if at is not None]

    def day_tickets(self, site_id: int, first: date, last: date) -> list[TicketRecord]:
        rows = self.s.execute(
            self._select()
            .where(QueueTicket.site_id == site_id, QueueTicket.day.between(first, last))
            .order_by(QueueTicket.day, QueueTicket.id)
        )
        return [self._record(r) for r in rows]

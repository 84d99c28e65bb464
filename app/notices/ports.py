"""What the notice and refusal services need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from app.cases.ports import CaseStore
from app.notices.records import (
    NewNotice,
    NewRefusal,
    NoticeRecord,
    NoticeState,
    RefusalRecord,
)


class NoticeRepository(Protocol):
    def add(self, notice: NewNotice) -> int: ...
    def get(self, notice_id: int, *, lock: bool = False) -> NoticeRecord | None:
        """The notice with its materials and extra demands; ``lock`` holds its row until the
        transaction ends."""
        ...

    def by_number(self, number: str) -> NoticeRecord | None: ...
    def find_ids(
        self, *, id_number: str = "", phone: str = "", name: str = "", limit: int = 20
    ) -> list[int]:
        """Notices matching every given criterion, newest first (name: part of it)."""
        ...

    def set_state(
        self, notice_id: int, state: NoticeState, expected: NoticeState, case_id: int | None = None
    ) -> None:
        """Move the notice from ``expected`` to ``state``; raise ConcurrentEdit if it was no
        longer in ``expected``."""
        ...

    def add_extra_demand(
        self, notice_id: int, material_id: int, reason: str, staff_id: int, at: datetime
    ) -> int: ...
    def add_breach(self, notice_id: int, responsible_id: int, opened_at: datetime) -> int:
        """Open an accountability record of kind 'breach' (no case yet: one per demand)."""
        ...

    def count_extra_demands(
        self, start: datetime, end: datetime, responsible_id: int | None = None
    ) -> int:
        """Extra demands made in [start, end), optionally only on notices the staff issued."""
        ...

    def add_refusal(self, refusal: NewRefusal) -> int: ...
    def refusal(self, refusal_id: int) -> RefusalRecord | None: ...
    def refusal_by_number(self, number: str) -> RefusalRecord | None: ...


class NoticeStore(CaseStore, Protocol):
    """What the notice and refusal services see: the case services' store (a return visit
    accepts the case) and the notices."""

    @property
    def notices(self) -> NoticeRepository: ...

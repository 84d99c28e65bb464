"""AB岗: who stands in for a clerk. Always their B post (``staff.backup_staff_id``), who may act
for them at any time. When the clerk is away and the B post is away too, the B post's own B post
stands in, and so on along the chain, skipping the disabled; nobody when the chain runs out or
comes back round (two clerks who back each other up, both away): then the supervisor arranges
cover, and the staff page says so.

Typical use::

    if actor.staff_id in Cover.read(uow, actor.site_id, uow.clock.now()).chain(holder_id):
        ...  # the actor may act for the holder
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from app.ports import StaffStore
from app.records import StaffRecord
from app.visits.records import AbsenceRecord


@dataclass(frozen=True)
class Cover:
    """The hall's staff and who is absent (away now, or disabled): enough to say who stands in
    for anyone."""

    staff: Mapping[int, StaffRecord]
    absent: frozenset[int]

    @classmethod
    def of(cls, staff: Mapping[int, StaffRecord], away: Iterable[int]) -> Cover:
        disabled = {s.id for s in staff.values() if not s.active}
        return cls(staff, frozenset(away) | disabled)

    @classmethod
    def read(cls, uow: StaffStore, site_id: int, now: datetime) -> Cover:
        """From the store (inside a unit of work)."""
        away = (a.staff_id for a in uow.absences.current(site_id, now))
        return cls.of({s.id: s for s in uow.staff.list(site_id)}, away)

    def chain(self, staff_id: int) -> list[int]:
        """The stand-ins of ``staff_id`` in order: the B post, then (only while ``staff_id`` is
        absent) the next B post for as long as the last one is absent too."""
        chain: list[int] = []
        current = self.staff.get(staff_id)
        while current is not None and current.backup_staff_id is not None:
            backup = current.backup_staff_id
            if backup == staff_id or backup in chain:
                break  # round the circle: nobody else is left
            chain.append(backup)
            if staff_id not in self.absent or backup not in self.absent:
                break  # present themself, or the backup is here: the chain ends with them
            current = self.staff.get(backup)
        return chain

    def stand_in(self, staff_id: int) -> int | None:
        """Who covers for ``staff_id`` now: the first of the chain who is at their post."""
        return next((b for b in self.chain(staff_id) if b not in self.absent), None)


def chain_of(staff: Mapping[int, StaffRecord], away: Iterable[int], staff_id: int) -> list[int]:
    return Cover.of(staff, away).chain(staff_id)


def stand_in(staff: Mapping[int, StaffRecord], away: Iterable[int], staff_id: int) -> int | None:
    return Cover.of(staff, away).stand_in(staff_id)


def with_cover(
    uow: StaffStore, site_id: int, absences: Sequence[AbsenceRecord], now: datetime
) -> list[AbsenceRecord]:
    """The absences with who really covers each one now (``covered_by_id``/``_name``): the B
    post, or further along the chain when the B post is away too; nobody: ``None``. Absences
    not under way yet name the B post."""
    cover = Cover.read(uow, site_id, now)
    covered = []
    for a in absences:
        who = cover.stand_in(a.staff_id) if a.covers(now) else a.backup_id
        name = cover.staff[who].name if who is not None and who in cover.staff else ""
        covered.append(replace(a, covered_by_id=who, covered_by_name=name))
    return covered

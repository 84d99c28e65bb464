"""AB岗: who stands in for a clerk. Always their B post (``staff.backup_staff_id``), who may act
for them at any time. When the clerk is away and the B post is away too, the B post's own B post
stands in, and so on along the chain, skipping the disabled; nobody when the chain runs out or
comes back round (two clerks who back each other up, both away): then the supervisor arranges
cover, and the staff page says so.

Typical use::

    if actor.staff_id in stand_ins(uow, actor.site_id, holder_id, uow.clock.now()):
        ...  # the actor may act for the holder
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from app.ports import UnitOfWork
from app.records import StaffRecord
from app.visits.records import AbsenceRecord


def chain_of(staff: Mapping[int, StaffRecord], away: Iterable[int], staff_id: int) -> list[int]:
    """The stand-ins of ``staff_id`` in order: the B post, then (only while ``staff_id`` is away)
    the next B post for as long as the last one is away or disabled."""
    absent = set(away) | {s.id for s in staff.values() if not s.active}
    chain: list[int] = []
    current = staff.get(staff_id)
    while current is not None and current.backup_staff_id is not None:
        backup = current.backup_staff_id
        if backup == staff_id or backup in chain:
            break  # round the circle: nobody else is left
        chain.append(backup)
        if staff_id not in absent or backup not in absent:
            break  # present themself, or the backup is here: the chain ends with them
        current = staff.get(backup)
    return chain


def stand_in(staff: Mapping[int, StaffRecord], away: Iterable[int], staff_id: int) -> int | None:
    """Who covers for ``staff_id`` now: the first of the chain who is at their post."""
    absent = set(away) | {s.id for s in staff.values() if not s.active}
    return next((b for b in chain_of(staff, absent, staff_id) if b not in absent), None)


def stand_ins(uow: UnitOfWork, site_id: int, staff_id: int, now: datetime) -> list[int]:
    """``chain_of`` read from the store (inside a unit of work)."""
    staff = {s.id: s for s in uow.staff.list(site_id)}
    away = {a.staff_id for a in uow.absences.current(site_id, now)}
    return chain_of(staff, away, staff_id)


def with_cover(
    uow: UnitOfWork, site_id: int, absences: Sequence[AbsenceRecord], now: datetime
) -> list[AbsenceRecord]:
    """The absences with who really covers each one now (``covered_by_id``/``_name``): the B
    post, or further along the chain when the B post is away too; nobody: ``None``. Absences
    not under way yet name the B post."""
    staff = {s.id: s for s in uow.staff.list(site_id)}
    away = {a.staff_id for a in uow.absences.current(site_id, now)}
    covered = []
    for a in absences:
        who = stand_in(staff, away, a.staff_id) if a.covers(now) else a.backup_id
        name = staff[who].name if who is not None and who in staff else ""
        covered.append(replace(a, covered_by_id=who, covered_by_name=name))
    return covered

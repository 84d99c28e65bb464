"""Business rows against the audit trail: a direct SQL edit that bypasses the program changes a
row without an event, and shows up here with its table and row.

The trail is replayed in order, and what it says must be what the rows hold:

- every case (``case_file``): its state, due date and owner. ``case_accepted`` starts a case
  (state accepted, owner the accepting clerk); any later event on the case whose summary
  changes ``state`` or ``due`` moves them. A row without a ``case_accepted`` event was not
  made by the program; an accepted case without a row was deleted.
- every staff member (``staff``): role and active state, from ``staff_added`` and any event
  changing ``role`` or ``active``.
- every accountability record the trail opened (``accountability_opened``): a case's record of
  the kind the trail names (overdue, or a deferral left unsupplied), a complaint's record by its
  id, must exist.

What the trail does not carry (a name's spelling, a note) is not checked here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.ports import UnitOfWork


@dataclass(frozen=True)
class Discrepancy:
    table: str
    row: str  # the row's id, or what names it when it is missing
    problem: str

    def describe(self) -> str:
        return f"{self.table} row {self.row}: {self.problem}"


def _changes(summary: str) -> dict[str, Any]:
    try:
        data = json.loads(summary)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _after(change: Any) -> Any:
    return change[1] if isinstance(change, list) and len(change) == 2 else change


def _text(value: Any) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def reconcile(uow: UnitOfWork) -> list[Discrepancy]:
    """Every business row that differs from what the trail says (empty when all agree)."""
    with uow.read():
        rows_of = getattr(uow.audit, "business_rows", None)
        if rows_of is None:  # a store that keeps no business rows of its own
            return []
        cases: dict[str, dict[str, Any]] = {}
        staff: dict[str, dict[str, Any]] = {}
        overdue: set[tuple[str, str]] = set()  # (kind, case number)
        complaint_records: set[str] = set()
        for ev in uow.audit.iter_events():
            if ev.entity == "case":
                changes = _changes(ev.summary)
                if ev.action == "case_accepted":
                    cases[ev.entity_id] = {
                        "state": "accepted",
                        "due": _after(changes.get("due")),
                        "owner": ev.actor_id,
                    }
                elif ev.entity_id in cases:
                    case = cases[ev.entity_id]
                    if "state" in changes:
                        case["state"] = _after(changes["state"])
                    if "due" in changes:
                        case["due"] = _after(changes["due"])
                if ev.action == "accountability_opened":
                    overdue.add((str(_after(changes.get("kind", "overdue"))), ev.entity_id))
            elif ev.entity == "staff":
                changes = _changes(ev.summary)
                if ev.action == "staff_added":
                    staff[ev.entity_id] = {"active": True}
                if ev.entity_id in staff:
                    if "role" in changes:
                        staff[ev.entity_id]["role"] = _after(changes["role"])
                    if "active" in changes:
                        staff[ev.entity_id]["active"] = _after(changes["active"])
            elif ev.action == "accountability_opened":
                record = _after(_changes(ev.summary).get("record"))
                if record is not None:
                    complaint_records.add(str(record))
        rows = rows_of()
    found: list[Discrepancy] = []
    found += _cases(cases, rows["case_file"])
    found += _staff(staff, rows["staff"])
    found += _records(overdue, complaint_records, rows["accountability_record"])
    return found


def _cases(trail: dict[str, dict[str, Any]], rows: list[tuple[Any, ...]]) -> list[Discrepancy]:
    found = []
    seen = set()
    for row_id, number, state, due, owner in rows:
        seen.add(number)
        where = f"{row_id} ({number})"
        said = trail.get(number)
        if said is None:
            found.append(Discrepancy("case_file", where, "no case_accepted event in the trail"))
            continue
        if _text(state) != _text(said["state"]):
            problem = f"state is {_text(state)}, the trail says {said['state']}"
            found.append(Discrepancy("case_file", where, problem))
        if _text(due) != _text(said["due"]):
            problem = f"due date is {_text(due)}, the trail says {said['due']}"
            found.append(Discrepancy("case_file", where, problem))
        if said["owner"] is not None and owner != said["owner"]:
            problem = f"owner is staff {owner}, the trail says staff {said['owner']}"
            found.append(Discrepancy("case_file", where, problem))
    for number in sorted(set(trail) - seen):
        found.append(Discrepancy("case_file", number, "accepted in the trail, row deleted"))
    return found


def _staff(trail: dict[str, dict[str, Any]], rows: list[tuple[Any, ...]]) -> list[Discrepancy]:
    found = []
    seen = set()
    for row_id, login, role, active in rows:
        seen.add(str(row_id))
        said = trail.get(str(row_id))
        where = f"{row_id} ({login})"
        if said is None:
            found.append(Discrepancy("staff", where, "no staff_added event in the trail"))
            continue
        if "role" in said and _text(role) != _text(said["role"]):
            problem = f"role is {_text(role)}, the trail says {said['role']}"
            found.append(Discrepancy("staff", where, problem))
        if bool(active) != bool(said["active"]):
            problem = f"active is {bool(active)}, the trail says {bool(said['active'])}"
            found.append(Discrepancy("staff", where, problem))
    for staff_id in sorted(set(trail) - seen):
        found.append(Discrepancy("staff", staff_id, "added in the trail, row deleted"))
    return found


def _records(
    overdue: set[tuple[str, str]], complaint_records: set[str], rows: list[tuple[Any, ...]]
) -> list[Discrepancy]:
    ids = {str(row_id) for row_id, *_ in rows}
    case_records = {(kind, number) for _, kind, number, _ in rows if number}
    found = [
        Discrepancy(
            "accountability_record",
            f"{kind} of case {number}",
            "opened in the trail, row deleted",
        )
        for kind, number in sorted(overdue - case_records)
    ]
    found += [
        Discrepancy("accountability_record", record, "opened in the trail, row deleted")
        for record in sorted(complaint_records - ids)
    ]
    return found

"""In-memory repositories of the case area and what the case, notice and visit services read
beside their own (numbers, the catalog's versions, the calendar, agency); the notices' and
visits' are in fake_notices.py and fake_visits.py.

They keep rows as plain dicts and build the same records the SQL repositories return, names
joined from the fake staff, catalog and sites, so the services' rules can be tested without a
database. The keyset-paged list queries (``query_ids``, ``rows``, ``count`` and their kin) are
SQL by nature and proven against real databases in tests/integration; they are not faked.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from app.cases.lifecycle import OPEN_STATES, CaseAction, CaseState
from app.cases.records import (
    AccountabilityView,
    CaseClock,
    CaseEventRecord,
    CaseRecord,
    NewCase,
)
from app.catalog.ports import CatalogItemRecord
from app.catalog.records import ItemVersionRecord
from app.errors import ConcurrentEdit
from app.records import StaffRecord
from app.warning_levels import WarningLevel
from app.workdays import DayOverride


class Names:
    """Who and what the SQL repositories join in by id."""

    def __init__(self, staff: Any, catalog: FakeCatalog, sites: Any) -> None:
        self.staff = staff
        self.catalog = catalog
        self.sites = sites

    def staff_name(self, staff_id: int | None) -> str:
        row: StaffRecord | None = self.staff.get(staff_id) if staff_id is not None else None
        return row.name if row else ""

    def version(self, version_id: int) -> ItemVersionRecord:
        found = self.catalog.version(version_id)
        if found is None:  # the foreign key would refuse it
            raise LookupError(f"no item version {version_id}")
        return found


def next_id(rows: dict[int, Any]) -> int:
    return max(rows, default=0) + 1


def record_fields(record_type: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(record_type))


# -- numbers, catalog, calendar, agency -------------------------------------------------------


class FakeCounters:
    """app.numbering.CounterRepository: one serial per site, kind and day."""

    def __init__(self) -> None:
        self.serials: dict[tuple[int, str, str], int] = {}

    def next_serial(self, site_id: int, kind: str, day: str) -> int:
        key = (site_id, kind, day)
        self.serials[key] = self.serials.get(key, 0) + 1
        return self.serials[key]


class FakeCatalog:
    """The catalog's versions as the services read them; a test puts them in with ``put``."""

    def __init__(self) -> None:
        self.versions: dict[int, ItemVersionRecord] = {}
        self.current: dict[int, int] = {}  # item id -> version id in force

    def put(self, version: ItemVersionRecord) -> ItemVersionRecord:
        self.versions[version.id] = version
        self.current[version.item_id] = version.id
        return version

    def version(self, version_id: int) -> ItemVersionRecord | None:
        return self.versions.get(version_id)

    def item(self, item_id: int) -> CatalogItemRecord | None:
        version = self.versions.get(self.current.get(item_id, 0))
        return CatalogItemRecord(item_id, version.code, True, version.id) if version else None

    def item_by_code(self, code: str, *, lock: bool = False) -> CatalogItemRecord | None:
        item_id = next((v.item_id for v in self.versions.values() if v.code == code), None)
        return self.item(item_id) if item_id is not None else None


class FakeCalendar:
    """app.calendar.CalendarRepository."""

    def __init__(self) -> None:
        self.overrides: dict[date, DayOverride] = {}
        self.entered: set[int] = set()

    def days(self) -> list[DayOverride]:
        return [self.overrides[d] for d in sorted(self.overrides)]

    def years(self) -> set[int]:
        return set(self.entered)

    def put_days(self, days: list[DayOverride], staff_id: int | None) -> None:
        self.overrides.update({d.day: d for d in days})

    def put_years(self, years: set[int], staff_id: int | None) -> None:
        self.entered |= years


class FakeAgency:
    """The agents of agency cases (全程代办), all the case rules ask of app.agency's port."""

    def __init__(self) -> None:
        self.agents: dict[int, int] = {}  # case id -> agent

    def agent_of(self, case_id: int) -> int | None:
        return self.agents.get(case_id)


# -- cases ------------------------------------------------------------------------------------

_CASE_COLUMNS = record_fields(CaseRecord) - {"item_name", "owner_name", "events", "materials"}
# Kept in the row for the reports' SQL only (app.cases.transitions.closing_columns).
_STORED_ONLY = {"closed_at", "open_class"}


class FakeCases:
    """app.cases.ports.CaseRepository, except its SQL list queries."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self.rows: dict[int, dict[str, Any]] = {}
        self.events: dict[int, list[CaseEventRecord]] = {}
        self.materials: dict[int, dict[int, str]] = {}
        self.supplied: dict[int, dict[int, datetime]] = {}
        self.accountability_rows: dict[int, dict[str, Any]] = {}

    def add(self, case: NewCase) -> int:
        if any(r["number"] == case.number for r in self.rows.values()):
            raise ValueError(f"duplicate case number {case.number}")  # the unique index
        new_id = next_id(self.rows)
        fields = {f.name: getattr(case, f.name) for f in dataclasses.fields(NewCase)}
        fields.pop("materials")
        self.rows[new_id] = {
            **fields,
            "id": new_id,
            "owner_site_id": case.site_id,
            "state": str(CaseState.ACCEPTED),
            "due_moved": False,
            "decision": "",
            "decision_note": "",
            "decided_at": None,
            "delivered_at": None,
            "delivery_method": "",
            "collected_by": "",
            "row_version": 1,
        }
        self.events[new_id] = []
        self.materials[new_id] = dict(case.materials)
        self.supplied[new_id] = {}
        return new_id

    def get(self, case_id: int) -> CaseRecord | None:
        row = self.rows.get(case_id)
        if row is None:
            return None
        return CaseRecord(
            **{k: row[k] for k in _CASE_COLUMNS - {"state"}},
            state=CaseState(row["state"]),
            item_name=self.names.version(row["item_version_id"]).name,
            owner_name=self.names.staff_name(row["owner_id"]),
            materials=dict(self.materials[case_id]),
            events=tuple(
                dataclasses.replace(e, staff_name=self.names.staff_name(e.staff_id))
                for e in self.events[case_id]
            ),
        )

    def by_number(self, number: str) -> CaseRecord | None:
        wanted = number.strip().upper()
        return next((self.get(i) for i, r in self.rows.items() if r["number"] == wanted), None)

    def add_event(self, case_id: int, event: CaseEventRecord) -> None:
        self.events[case_id].append(event)

    def mark_supplied(self, case_id: int, material_ids: frozenset[int], at: datetime) -> None:
        for mid in material_ids:
            if self.materials[case_id].get(mid) == "deferred":
                self.supplied[case_id].setdefault(mid, at)

    def update(self, case_id: int, expected_version: int, **changes: Any) -> None:
        row = self.rows[case_id]
        if row["row_version"] != expected_version:
            raise ConcurrentEdit("办件已被他人修改，请刷新后再办理")
        unknown = set(changes) - _CASE_COLUMNS - _STORED_ONLY
        if unknown:
            raise TypeError(f"no case columns {sorted(unknown)}")
        row.update(changes, row_version=expected_version + 1)

    def _owned(self, i: int, owner_site_id: int | None) -> bool:
        return owner_site_id is None or self.rows[i]["owner_site_id"] == owner_site_id

    def open_case_ids(self, owner_site_id: int | None = None) -> list[int]:
        return sorted(
            i
            for i, r in self.rows.items()
            if CaseState(r["state"]) in OPEN_STATES and self._owned(i, owner_site_id)
        )

    def open_case_clocks(self, owner_site_id: int | None = None) -> list[CaseClock]:
        stops = {CaseAction.SUSPEND, CaseAction.EXTEND}
        return [
            CaseClock(
                i,
                CaseState(r["state"]),
                r["due_date"],
                r["committed_days"],
                r["calendar_version"],
                r["warning"],
                r["row_version"],
                any(e.action in stops for e in self.events[i]),
            )
            for i, r in sorted(self.rows.items())
            if CaseState(r["state"]) in OPEN_STATES and self._owned(i, owner_site_id)
        ]

    def usual_item_ids(
        self, window_id: int | None, owner_id: int, since: date, limit: int
    ) -> list[int]:
        uses: dict[int, int] = {}
        for r in self.rows.values():
            mine = r["window_id"] == window_id if window_id else r["owner_id"] == owner_id
            if mine and r["accepted_day"] >= since:
                item = self.names.version(r["item_version_id"]).item_id
                uses[item] = uses.get(item, 0) + 1
        return sorted(uses, key=lambda item: (-uses[item], item))[:limit]

    def names_for_id(self, id_type: str, id_number: str, limit: int) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for r in self.rows.values():
            a = r["applicant"]
            if a.id_type == id_type and a.id_number == id_number:
                counts[a.name] = counts.get(a.name, 0) + 1
        return sorted(counts.items(), key=lambda nc: (-nc[1], nc[0]))[:limit]

    def today_accepted(self, site_id: int, day: date) -> int:
        return sum(
            1 for r in self.rows.values() if r["site_id"] == site_id and r["accepted_day"] == day
        )

    def _has_open_record(self, case_id: int, kind: str) -> bool:
        return any(
            r["case_id"] == case_id and r["kind"] == kind and r["state"] == "open"
            for r in self.accountability_rows.values()
        )

    def red_ids_without_record(self, owner_site_id: int | None = None) -> list[int]:
        running = OPEN_STATES - {CaseState.SUSPENDED}
        return sorted(
            i
            for i, r in self.rows.items()
            if CaseState(r["state"]) in running
            and self._owned(i, owner_site_id)
            and r["warning"] == WarningLevel.RED
            and not self._has_open_record(i, "overdue")
        )

    def overdue_deferral_ids(self, today: date, owner_site_id: int | None = None) -> list[int]:
        return sorted(
            i
            for i, r in self.rows.items()
            if CaseState(r["state"]) in OPEN_STATES
            and self._owned(i, owner_site_id)
            and r["deferred_supply_by"] is not None
            and r["deferred_supply_by"] < today
            and any(
                state == "deferred" and mid not in self.supplied[i]
                for mid, state in self.materials[i].items()
            )
            and not self._has_open_record(i, "deferral")
        )

    # -- accountability ----------------------------------------------------------------------
    def add_accountability(
        self,
        kind: str,
        case_id: int | None,
        responsible_id: int | None,
        opened_at: datetime,
        days_late: int,
        *,
        complaint_id: int | None = None,
    ) -> int | None:
        for r in self.accountability_rows.values():
            same = (
                r["case_id"] == case_id
                if case_id is not None
                else (r["complaint_id"] == complaint_id)
            )
            if r["kind"] == kind and same and r["state"] == "open":
                return None
        new_id = next_id(self.accountability_rows)
        self.accountability_rows[new_id] = {
            "kind": kind,
            "case_id": case_id,
            "complaint_id": complaint_id,
            "responsible_id": responsible_id,
            "opened_at": opened_at,
            "days_late": days_late,
            "state": "open",
            "cause": "",
            "note": "",
            "outcome": "",
            "reviewed_by": None,
            "reviewed_at": None,
        }
        return new_id

    def update_accountability(self, record_id: int, **changes: Any) -> None:
        self.accountability_rows[record_id].update(changes)

    def accountability(self, record_id: int) -> AccountabilityView | None:
        r = self.accountability_rows.get(record_id)
        if r is None:
            return None
        case = self.rows.get(r["case_id"]) if r["case_id"] is not None else None
        return AccountabilityView(
            id=record_id,
            kind=r["kind"],
            case_id=r["case_id"],
            case_number=case["number"] if case else "",
            notice_number="",
            complaint_id=r["complaint_id"],
            complaint_number="",
            responsible_id=r["responsible_id"],
            responsible_name=self.names.staff_name(r["responsible_id"]),
            opened_at=r["opened_at"],
            days_late=r["days_late"],
            state=r["state"],
            cause=r["cause"],
            note=r["note"],
            outcome=r["outcome"],
            reviewed_by_name=self.names.staff_name(r["reviewed_by"]),
            reviewed_at=r["reviewed_at"],
        )

    def list_accountability(self, state: str | None, limit: int) -> list[AccountabilityView]:
        ids = [i for i, r in self.accountability_rows.items() if state in (None, r["state"])]
        found = [self.accountability(i) for i in sorted(ids, reverse=True)[:limit]]
        return [v for v in found if v is not None]

"""In-memory repositories of the case, notice and visit areas (and what their services read
beside them: numbers, the catalog's versions, the calendar, agency and absences).

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
from app.notices.records import (
    ExtraDemandRecord,
    NewNotice,
    NewRefusal,
    NoticeRecord,
    NoticeState,
    RefusalRecord,
)
from app.records import StaffRecord
from app.visits.lifecycle import Outcome, ReferralState, VisitState
from app.visits.records import (
    AbsenceRecord,
    AwayReason,
    NewReferral,
    NewVisit,
    ReferralRecord,
    VisitEventRecord,
    VisitRecord,
)
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


def _new_id(rows: dict[int, Any]) -> int:
    return max(rows, default=0) + 1


def _record_fields(record_type: type) -> frozenset[str]:
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


class FakeAbsences:
    """app.visits.ports.AbsenceRepository."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self.rows: dict[int, dict[str, Any]] = {}

    def add(
        self,
        *,
        staff_id: int,
        reason: str,
        starts_at: datetime,
        ends_at: datetime,
        note: str,
        marked_by: int,
        marked_at: datetime,
    ) -> int:
        new_id = _new_id(self.rows)
        self.rows[new_id] = {
            "staff_id": staff_id,
            "reason": reason,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "note": note,
            "marked_by": marked_by,
            "ended_at": None,
        }
        return new_id

    def get(self, absence_id: int) -> AbsenceRecord | None:
        row = self.rows.get(absence_id)
        if row is None:
            return None
        staff = self.names.staff.get(row["staff_id"])
        backup = staff.backup_staff_id if staff else None
        return AbsenceRecord(
            id=absence_id,
            staff_id=row["staff_id"],
            staff_name=self.names.staff_name(row["staff_id"]),
            reason=AwayReason(row["reason"]),
            starts_at=row["starts_at"],
            ends_at=row["ends_at"],
            note=row["note"],
            marked_by_name=self.names.staff_name(row["marked_by"]),
            ended_at=row["ended_at"],
            backup_id=backup,
            backup_name=self.names.staff_name(backup),
        )

    def end(self, absence_id: int, ended_at: datetime, ended_by: int) -> None:
        self.rows[absence_id]["ended_at"] = ended_at

    def _all(self, site_id: int | None = None) -> list[AbsenceRecord]:
        found = [a for a in map(self.get, sorted(self.rows)) if a is not None]
        if site_id is None:
            return found
        return [a for a in found if self.names.staff.get(a.staff_id).site_id == site_id]

    def overlapping(self, staff_id: int, starts_at: datetime, ends_at: datetime) -> list[int]:
        return [
            a.id
            for a in self._all()
            if a.staff_id == staff_id
            and not (a.ended_at is not None and a.ended_at <= starts_at)
            and a.starts_at < ends_at
            and starts_at < a.until
        ]

    def current(self, site_id: int, now: datetime) -> list[AbsenceRecord]:
        return [a for a in self._all(site_id) if a.covers(now)]

    def upcoming(self, site_id: int, now: datetime) -> list[AbsenceRecord]:
        return sorted((a for a in self._all(site_id) if a.until > now), key=lambda a: a.starts_at)


# -- cases ------------------------------------------------------------------------------------

_CASE_COLUMNS = _record_fields(CaseRecord) - {"item_name", "owner_name", "events", "materials"}


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
        new_id = _new_id(self.rows)
        fields = {f.name: getattr(case, f.name) for f in dataclasses.fields(NewCase)}
        fields.pop("materials")
        self.rows[new_id] = {
            **fields,
            "id": new_id,
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
        unknown = set(changes) - _CASE_COLUMNS
        if unknown:
            raise TypeError(f"no case columns {sorted(unknown)}")
        row.update(changes, row_version=expected_version + 1)

    def open_case_ids(self) -> list[int]:
        return sorted(i for i, r in self.rows.items() if CaseState(r["state"]) in OPEN_STATES)

    def open_case_clocks(self) -> list[CaseClock]:
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
            if CaseState(r["state"]) in OPEN_STATES
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
        new_id = _new_id(self.accountability_rows)
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


# -- notices and refusals ---------------------------------------------------------------------


class FakeNotices:
    """app.notices.ports.NoticeRepository."""

    def __init__(self, names: Names, cases: FakeCases) -> None:
        self.names = names
        self.cases = cases
        self.rows: dict[int, dict[str, Any]] = {}
        self.demands: dict[int, list[dict[str, Any]]] = {}
        self.breaches: list[dict[str, Any]] = []
        self.refusals: dict[int, NewRefusal] = {}

    def add(self, notice: NewNotice) -> int:
        new_id = _new_id(self.rows)
        self.rows[new_id] = {"new": notice, "state": NoticeState.OPEN, "case_id": None}
        self.demands[new_id] = []
        return new_id

    def get(self, notice_id: int, *, lock: bool = False) -> NoticeRecord | None:
        row = self.rows.get(notice_id)
        if row is None:
            return None
        n: NewNotice = row["new"]
        version = self.names.version(n.item_version_id)
        case = self.cases.rows.get(row["case_id"]) if row["case_id"] is not None else None
        return NoticeRecord(
            id=notice_id,
            number=n.number,
            site_id=n.site_id,
            item_version_id=n.item_version_id,
            item_code=version.code,
            item_name=version.name,
            window_id=n.window_id,
            issued_by=n.issued_by,
            issued_by_name=self.names.staff_name(n.issued_by),
            applicant=n.applicant,
            received_at=n.received_at,
            issued_at=n.issued_at,
            supply_by=n.supply_by,
            issued_late=n.issued_late,
            state=row["state"],
            case_id=row["case_id"],
            case_number=case["number"] if case else "",
            materials=dict(n.materials),
            extra_demands=tuple(
                ExtraDemandRecord(
                    id=d["id"],
                    material_id=d["material_id"],
                    reason=d["reason"],
                    staff_id=d["staff_id"],
                    staff_name=self.names.staff_name(d["staff_id"]),
                    at=d["at"],
                )
                for d in self.demands[notice_id]
            ),
        )

    def by_number(self, number: str) -> NoticeRecord | None:
        wanted = number.strip().upper()
        return next((self.get(i) for i, r in self.rows.items() if r["new"].number == wanted), None)

    def find_ids(
        self, *, id_number: str = "", phone: str = "", name: str = "", limit: int = 20
    ) -> list[int]:
        if not (id_number or phone or name):
            return []
        found = [
            i
            for i, r in self.rows.items()
            if (not id_number or r["new"].applicant.id_number == id_number)
            and (not phone or r["new"].applicant.phone == phone)
            and (not name or name in r["new"].applicant.name)
        ]
        return sorted(found, key=lambda i: (self.rows[i]["new"].issued_at, i), reverse=True)[:limit]

    def set_state(
        self, notice_id: int, state: NoticeState, expected: NoticeState, case_id: int | None = None
    ) -> None:
        row = self.rows[notice_id]
        if row["state"] is not expected:
            raise ConcurrentEdit("告知单已被他人办理，请重新查找后再办理")
        row["state"] = state
        if case_id is not None:
            row["case_id"] = case_id

    def add_extra_demand(
        self, notice_id: int, material_id: int, reason: str, staff_id: int, at: datetime
    ) -> int:
        new_id = 1 + sum(len(d) for d in self.demands.values())
        self.demands[notice_id].append(
            {
                "id": new_id,
                "material_id": material_id,
                "reason": reason,
                "staff_id": staff_id,
                "at": at,
            }
        )
        return new_id

    def add_breach(self, notice_id: int, responsible_id: int, opened_at: datetime) -> int:
        self.breaches.append(
            {"notice_id": notice_id, "responsible_id": responsible_id, "opened_at": opened_at}
        )
        return len(self.breaches)

    def count_extra_demands(
        self, start: datetime, end: datetime, responsible_id: int | None = None
    ) -> int:
        return sum(
            1
            for notice_id, demands in self.demands.items()
            for d in demands
            if start <= d["at"] < end
            and responsible_id in (None, self.rows[notice_id]["new"].issued_by)
        )

    def add_refusal(self, refusal: NewRefusal) -> int:
        new_id = _new_id(self.refusals)
        self.refusals[new_id] = refusal
        return new_id

    def refusal(self, refusal_id: int) -> RefusalRecord | None:
        r = self.refusals.get(refusal_id)
        if r is None:
            return None
        version = self.names.version(r.item_version_id)
        return RefusalRecord(
            id=refusal_id,
            number=r.number,
            site_id=r.site_id,
            item_version_id=r.item_version_id,
            item_code=version.code,
            item_name=version.name,
            window_id=r.window_id,
            issued_by=r.issued_by,
            issued_by_name=self.names.staff_name(r.issued_by),
            issued_at=r.issued_at,
            applicant=r.applicant,
            reason=r.reason,
            legal_basis=r.legal_basis,
            redirect_to=r.redirect_to,
            notice_id=r.notice_id,
        )

    def refusal_by_number(self, number: str) -> RefusalRecord | None:
        wanted = number.strip().upper()
        return next((self.refusal(i) for i, r in self.refusals.items() if r.number == wanted), None)


# -- visits and referrals ---------------------------------------------------------------------

_VISIT_COLUMNS = _record_fields(VisitRecord) - {
    "first_responder_name",
    "holder_name",
    "referrals",
    "chain",
}
_REFERRAL_COLUMNS = frozenset(f.name for f in dataclasses.fields(NewReferral)) | {
    "state",
    "acknowledged_at",
    "acknowledged_by",
    "ack_on_behalf_of",
    "ack_note",
}


class FakeVisits:
    """app.visits.ports.VisitRepository, except its SQL list queries."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self.rows: dict[int, dict[str, Any]] = {}
        self.chains: dict[int, list[VisitEventRecord]] = {}
        self.referrals: dict[int, dict[str, Any]] = {}

    def add(self, visit: NewVisit) -> int:
        new_id = _new_id(self.rows)
        fields = {f.name: getattr(visit, f.name) for f in dataclasses.fields(NewVisit)}
        self.rows[new_id] = {
            **fields,
            "id": new_id,
            "holder_id": visit.first_responder_id,
            "state": str(VisitState.OPEN),
            "outcome": "",
            "outcome_text": "",
            "outcome_ref": "",
            "case_id": None,
            "guide_code": "",
            "closed_at": None,
            "closed_by": None,
            "pending_due_at": None,
            "row_version": 1,
        }
        self.chains[new_id] = []
        return new_id

    def get(self, visit_id: int) -> VisitRecord | None:
        row = self.rows.get(visit_id)
        if row is None:
            return None
        names = self.names
        plain = {k: row[k] for k in _VISIT_COLUMNS - {"state", "outcome"}}
        return VisitRecord(
            **plain,
            state=VisitState(row["state"]),
            outcome=Outcome(row["outcome"]) if row["outcome"] else None,
            first_responder_name=names.staff_name(row["first_responder_id"]),
            holder_name=names.staff_name(row["holder_id"]),
            referrals=tuple(
                r
                for r in map(self.referral, sorted(self.referrals))
                if r is not None and r.visit_id == visit_id
            ),
            chain=tuple(
                dataclasses.replace(
                    e,
                    staff_name=names.staff_name(e.staff_id),
                    holder_name=names.staff_name(e.holder_id),
                    on_behalf_name=names.staff_name(e.on_behalf_of),
                )
                for e in self.chains[visit_id]
            ),
        )

    def by_number(self, number: str) -> VisitRecord | None:
        wanted = number.strip().upper()
        return next((self.get(i) for i, r in self.rows.items() if r["number"] == wanted), None)

    def update(self, visit_id: int, expected_version: int, **changes: Any) -> None:
        row = self.rows[visit_id]
        if row["row_version"] != expected_version:
            raise ConcurrentEdit("这条来访已被他人办理，请刷新后再看")
        unknown = set(changes) - _VISIT_COLUMNS - {"pending_due_at"}
        if unknown:
            raise TypeError(f"no visit columns {sorted(unknown)}")
        row.update(changes, row_version=expected_version + 1)

    def add_event(self, visit_id: int, event: VisitEventRecord) -> None:
        self.chains[visit_id].append(event)

    def add_referral(self, referral: NewReferral) -> int:
        new_id = _new_id(self.referrals)
        fields = {f.name: getattr(referral, f.name) for f in dataclasses.fields(NewReferral)}
        self.referrals[new_id] = {
            **fields,
            "state": str(ReferralState.PENDING),
            "acknowledged_at": None,
            "acknowledged_by": None,
            "ack_on_behalf_of": None,
            "ack_note": "",
        }
        return new_id

    def referral(self, referral_id: int) -> ReferralRecord | None:
        r = self.referrals.get(referral_id)
        if r is None:
            return None
        window = self.names.sites.window(r["to_window_id"]) if r["to_window_id"] else None
        departments = {d.id: d.name for d in self.names.sites.depts.values()}
        return ReferralRecord(
            **{k: r[k] for k in _REFERRAL_COLUMNS - {"number", "state", "kind"}},
            id=referral_id,
            number=r["number"],
            kind=r["kind"],
            state=ReferralState(r["state"]),
            visit_number=self.rows[r["visit_id"]]["number"],
            from_staff_name=self.names.staff_name(r["from_staff_id"]),
            to_window_label=f"{window.number}号窗口（{window.name}）" if window else "",
            to_department_name=departments.get(r["to_department_id"], ""),
            to_staff_name=self.names.staff_name(r["to_staff_id"]),
            acknowledged_by_name=self.names.staff_name(r["acknowledged_by"]),
        )

    def referral_by_number(self, number: str) -> ReferralRecord | None:
        wanted = number.strip().upper()
        return next(
            (self.referral(i) for i, r in self.referrals.items() if r["number"] == wanted), None
        )

    def update_referral(self, referral_id: int, expected: ReferralState, **changes: Any) -> None:
        row = self.referrals[referral_id]
        if row["state"] != str(expected):
            raise ConcurrentEdit("这件转办刚被他人处理，请刷新后再看")
        unknown = set(changes) - _REFERRAL_COLUMNS
        if unknown:
            raise TypeError(f"no referral columns {sorted(unknown)}")
        row.update(changes)

    def find_visit_ids(
        self, *, id_number: str = "", phone: str = "", name: str = "", limit: int = 20
    ) -> list[int]:
        if not (id_number or phone or name):
            return []
        found = [
            i
            for i, r in self.rows.items()
            if (not id_number or r["id_number"] == id_number)
            and (not phone or r["phone"] == phone)
            and (not name or name in r["visitor_name"])
        ]
        return sorted(found, key=lambda i: (self.rows[i]["registered_at"], i), reverse=True)[:limit]

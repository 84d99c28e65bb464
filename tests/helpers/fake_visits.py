"""Visits, referrals and absences in memory (app.visits.ports), except the SQL list
queries, which the database tests prove."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from app.errors import ConcurrentEdit
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
from tests.helpers.fake_areas import Names, next_id, record_fields


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
        new_id = next_id(self.rows)
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


_VISIT_COLUMNS = record_fields(VisitRecord) - {
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
        new_id = next_id(self.rows)
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
        new_id = next_id(self.referrals)
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

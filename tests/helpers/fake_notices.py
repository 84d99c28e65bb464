"""The notices and refusals in memory (app.notices.ports.NoticeRepository)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.errors import ConcurrentEdit
from app.notices.records import (
    ExtraDemandRecord,
    NewNotice,
    NewRefusal,
    NoticeRecord,
    NoticeState,
    RefusalRecord,
)
from tests.helpers.fake_areas import FakeCases, Names, next_id


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
        new_id = next_id(self.rows)
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
        new_id = next_id(self.refusals)
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

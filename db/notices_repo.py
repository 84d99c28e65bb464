"""One-time notices, extra demands and refusals in SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.notices.records import (
    ExtraDemandRecord,
    NewNotice,
    NewRefusal,
    NoticeMaterialState,
    NoticeRecord,
    NoticeState,
    RefusalRecord,
)
from db.applicants import applicant_columns, applicant_of
from db.cases_repo import name_tokens
from db.guarded import update_in_state
from db.models import (
    AccountabilityRecord,
    CaseFile,
    ExtraDemand,
    Notice,
    NoticeMaterial,
    Refusal,
    SearchToken,
    ServiceItem,
    ServiceItemVersion,
    Staff,
)
from db.sealed import blind_index


class SqlNoticeRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # -- notices -----------------------------------------------------------------------------
    def add(self, new: NewNotice) -> int:
        row = Notice(
            number=new.number,
            site_id=new.site_id,
            item_version_id=new.item_version_id,
            window_id=new.window_id,
            issued_by=new.issued_by,
            received_at=new.received_at,
            issued_at=new.issued_at,
            supply_by=new.supply_by,
            issued_late=new.issued_late,
            state=str(NoticeState.OPEN),
            case_id=None,
            **applicant_columns(new.applicant),
        )
        self.s.add(row)
        self.s.flush()
        self.s.add_all(
            NoticeMaterial(notice_id=row.id, material_id=mid, state=str(state))
            for mid, state in new.materials.items()
        )
        self.s.add_all(
            SearchToken(token=t, kind="notice", ref_id=row.id)
            for t in name_tokens(new.applicant.name)
        )
        self.s.flush()
        return row.id

    def get(self, notice_id: int, *, lock: bool = False) -> NoticeRecord | None:
        if lock:
            self.s.execute(select(Notice.id).where(Notice.id == notice_id).with_for_update())
        return self._record(Notice.id == notice_id)

    def by_number(self, number: str) -> NoticeRecord | None:
        return self._record(Notice.number == number.strip().upper())

    def _record(self, where: Any) -> NoticeRecord | None:
        found = self.s.execute(
            select(
                Notice,
                ServiceItem.code,
                ServiceItemVersion.name,
                Staff.name,
                CaseFile.number,
            )
            .join(ServiceItemVersion, ServiceItemVersion.id == Notice.item_version_id)
            .join(ServiceItem, ServiceItem.id == ServiceItemVersion.item_id)
            .join(Staff, Staff.id == Notice.issued_by)
            .outerjoin(CaseFile, CaseFile.id == Notice.case_id)
            .where(where)
            .execution_options(populate_existing=True)
        ).one_or_none()
        if found is None:
            return None
        n, code, item_name, staff_name, case_number = found
        materials = {
            mid: NoticeMaterialState(state)
            for mid, state in self.s.execute(
                select(NoticeMaterial.material_id, NoticeMaterial.state)
                .where(NoticeMaterial.notice_id == n.id)
                .order_by(NoticeMaterial.id)
            )
        }
        demands = tuple(
            ExtraDemandRecord(
                id=d.id,
                material_id=d.material_id,
                reason=d.reason,
                staff_id=d.staff_id,
                staff_name=name,
                at=d.at,
            )
            for d, name in self.s.execute(
                select(ExtraDemand, Staff.name)
                .join(Staff, Staff.id == ExtraDemand.staff_id)
                .where(ExtraDemand.notice_id == n.id)
                .order_by(ExtraDemand.id)
            )
        )
        return NoticeRecord(
            id=n.id,
            number=n.number,
            site_id=n.site_id,
            item_version_id=n.item_version_id,
            item_code=code,
            item_name=item_name,
            window_id=n.window_id,
            issued_by=n.issued_by,
            issued_by_name=staff_name,
            applicant=applicant_of(n),
            received_at=n.received_at,
            issued_at=n.issued_at,
            supply_by=n.supply_by,
            issued_late=n.issued_late,
            state=NoticeState(n.state),
            case_id=n.case_id,
            case_number=case_number or "",
            materials=materials,
            extra_demands=demands,
        )

    def find_ids(
        self, *, id_number: str = "", phone: str = "", name: str = "", limit: int = 20
    ) -> list[int]:
        stmt = select(Notice.id)
        if id_number:
            stmt = stmt.where(Notice.id_number_bidx == blind_index("id", id_number))
        if phone:
            stmt = stmt.where(Notice.phone_bidx == blind_index("phone", phone))
        if name:
            tokens = select(SearchToken.ref_id).where(
                SearchToken.kind == "notice", SearchToken.token == name[:3]
            )
            stmt = stmt.where(Notice.id.in_(tokens))
            if len(name) > 3:
                stmt = stmt.where(Notice.applicant_name.contains(name, autoescape=True))
        if not (id_number or phone or name):
            return []
        stmt = stmt.order_by(Notice.issued_at.desc(), Notice.id.desc()).limit(limit)
        return list(self.s.scalars(stmt))

    def set_state(
        self, notice_id: int, state: NoticeState, expected: NoticeState, case_id: int | None = None
    ) -> None:
        values: dict[str, Any] = {"state": str(state)}
        if case_id is not None:
            values["case_id"] = case_id
        update_in_state(
            self.s, Notice, notice_id, expected, "告知单已被他人办理，请重新查找后再办理", **values
        )

    # -- extra demands and breaches ----------------------------------------------------------
    def add_extra_demand(
        self, notice_id: int, material_id: int, reason: str, staff_id: int, at: datetime
    ) -> int:
        row = ExtraDemand(
            notice_id=notice_id, material_id=material_id, reason=reason, staff_id=staff_id, at=at
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def add_breach(self, notice_id: int, responsible_id: int, opened_at: datetime) -> int:
        # Not through SqlCaseRepository.add_accountability: that opens at most one record per
        # kind and case, and a breach before acceptance has no case yet.
        new_id = self.s.execute(
            insert(AccountabilityRecord)
            .values(
                kind="breach",
                case_id=None,
                notice_id=notice_id,
                responsible_id=responsible_id,
                opened_at=opened_at,
                days_late=0,
                state="open",
                cause="",
                note="",
                outcome="",
            )
            .returning(AccountabilityRecord.id)
        ).scalar_one()
        return int(new_id)

    def count_extra_demands(
        self, start: datetime, end: datetime, responsible_id: int | None = None
    ) -> int:
        stmt = (
            select(func.count())
            .select_from(ExtraDemand)
            .where(ExtraDemand.at >= start, ExtraDemand.at < end)
        )
        if responsible_id is not None:
            stmt = stmt.join(Notice, Notice.id == ExtraDemand.notice_id).where(
                Notice.issued_by == responsible_id
            )
        return int(self.s.scalar(stmt) or 0)

    # -- refusals ----------------------------------------------------------------------------
    def add_refusal(self, new: NewRefusal) -> int:
        row = Refusal(
            number=new.number,
            site_id=new.site_id,
            item_version_id=new.item_version_id,
            window_id=new.window_id,
            issued_by=new.issued_by,
            issued_at=new.issued_at,
            reason=new.reason,
            legal_basis=new.legal_basis,
            redirect_to=new.redirect_to,
            notice_id=new.notice_id,
            **applicant_columns(new.applicant),
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def refusal(self, refusal_id: int) -> RefusalRecord | None:
        return self._refusal(Refusal.id == refusal_id)

    def refusal_by_number(self, number: str) -> RefusalRecord | None:
        return self._refusal(Refusal.number == number.strip().upper())

    def _refusal(self, where: Any) -> RefusalRecord | None:
        found = self.s.execute(
            select(Refusal, ServiceItem.code, ServiceItemVersion.name, Staff.name)
            .join(ServiceItemVersion, ServiceItemVersion.id == Refusal.item_version_id)
            .join(ServiceItem, ServiceItem.id == ServiceItemVersion.item_id)
            .join(Staff, Staff.id == Refusal.issued_by)
            .where(where)
        ).one_or_none()
        if found is None:
            return None
        r, code, item_name, staff_name = found
        return RefusalRecord(
            id=r.id,
            number=r.number,
            site_id=r.site_id,
            item_version_id=r.item_version_id,
            item_code=code,
            item_name=item_name,
            window_id=r.window_id,
            issued_by=r.issued_by,
            issued_by_name=staff_name,
            issued_at=r.issued_at,
            applicant=applicant_of(r),
            reason=r.reason,
            legal_basis=r.legal_basis,
            redirect_to=r.redirect_to,
            notice_id=r.notice_id,
        )

"""Agency cases in SQL: the authorisation and agent, the steps and contacts, day counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from app.agency.records import (
    AgencyContact,
    AgencyReason,
    AgencyRecord,
    AgencyStep,
    ContactChannel,
    NewAgency,
)
from app.cases.lifecycle import CaseState
from db.models import AgencyCase, CaseFile, Staff
from db.models import AgencyContact as ContactRow
from db.models import AgencyStep as StepRow


class SqlAgencyRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, agency: NewAgency) -> None:
        self.s.execute(
            insert(AgencyCase).values(
                case_id=agency.case_id,
                agent_id=agency.agent_id,
                reason=agency.reason,
                authorised_on=agency.authorised_on,
                scope=agency.scope,
                document_ref=agency.document_ref,
                taken_on_at=agency.taken_on_at,
                taken_on_by=agency.taken_on_by,
            )
        )

    def agent_of(self, case_id: int) -> int | None:
        return self.s.scalar(select(AgencyCase.agent_id).where(AgencyCase.case_id == case_id))

    def get(self, case_id: int) -> AgencyRecord | None:
        agent, taker = aliased(Staff), aliased(Staff)
        found = self.s.execute(
            select(AgencyCase, agent.name, taker.name)
            .join(agent, agent.id == AgencyCase.agent_id)
            .join(taker, taker.id == AgencyCase.taken_on_by)
            .where(AgencyCase.case_id == case_id)
            .execution_options(populate_existing=True)
        ).one_or_none()
        if found is None:
            return None
        a, agent_name, taker_name = found
        steps = tuple(
            AgencyStep(
                r.id, r.at, r.department, r.action, r.result, r.staff_id, name, r.recorded_at
            )
            for r, name in self.s.execute(
                select(StepRow, Staff.name)
                .join(Staff, Staff.id == StepRow.staff_id)
                .where(StepRow.case_id == case_id)
                .order_by(StepRow.at, StepRow.id)
            )
        )
        contacts = tuple(
            AgencyContact(
                r.id,
                r.at,
                ContactChannel(r.channel),
                r.summary,
                r.staff_id,
                name,
                r.recorded_at,
            )
            for r, name in self.s.execute(
                select(ContactRow, Staff.name)
                .join(Staff, Staff.id == ContactRow.staff_id)
                .where(ContactRow.case_id == case_id)
                .order_by(ContactRow.at, ContactRow.id)
            )
        )
        return AgencyRecord(
            case_id=a.case_id,
            agent_id=a.agent_id,
            agent_name=agent_name,
            reason=AgencyReason(a.reason),
            authorised_on=a.authorised_on,
            scope=a.scope,
            document_ref=a.document_ref,
            taken_on_at=a.taken_on_at,
            taken_on_by_name=taker_name,
            steps=steps,
            contacts=contacts,
        )

    def add_step(
        self,
        case_id: int,
        at: datetime,
        department: str,
        action: str,
        result: str,
        staff_id: int,
        recorded_at: datetime,
    ) -> int:
        row = StepRow(
            case_id=case_id,
            at=at,
            department=department,
            action=action,
            result=result,
            staff_id=staff_id,
            recorded_at=recorded_at,
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def add_contact(
        self,
        case_id: int,
        at: datetime,
        channel: str,
        summary: str,
        staff_id: int,
        recorded_at: datetime,
    ) -> int:
        row = ContactRow(
            case_id=case_id,
            at=at,
            channel=channel,
            summary=summary,
            staff_id=staff_id,
            recorded_at=recorded_at,
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    # -- statistics --------------------------------------------------------------------------
    def case_ids_taken_on(self, site_id: int, start: datetime, end: datetime) -> list[int]:
        return list(
            self.s.scalars(
                select(AgencyCase.case_id)
                .join(CaseFile, CaseFile.id == AgencyCase.case_id)
                .where(
                    CaseFile.site_id == site_id,
                    AgencyCase.taken_on_at >= start,
                    AgencyCase.taken_on_at < end,
                )
                .order_by(AgencyCase.taken_on_at, AgencyCase.case_id)
            )
        )

    def _count(
        self, row: type[StepRow] | type[ContactRow], site_id: int, start: datetime, end: datetime
    ) -> int:
        return int(
            self.s.scalar(
                select(func.count())
                .select_from(row)
                .join(CaseFile, CaseFile.id == row.case_id)
                .where(CaseFile.site_id == site_id, row.at >= start, row.at < end)
            )
            or 0
        )

    def count_steps(self, site_id: int, start: datetime, end: datetime) -> int:
        return self._count(StepRow, site_id, start, end)

    def count_contacts(self, site_id: int, start: datetime, end: datetime) -> int:
        return self._count(ContactRow, site_id, start, end)

    def count_delivered(self, site_id: int, start: datetime, end: datetime) -> int:
        return int(
            self.s.scalar(
                select(func.count())
                .select_from(AgencyCase)
                .join(CaseFile, CaseFile.id == AgencyCase.case_id)
                .where(
                    CaseFile.site_id == site_id,
                    CaseFile.delivered_at >= start,
                    CaseFile.delivered_at < end,
                )
            )
            or 0
        )

    def count_open(self, site_id: int, at: datetime) -> int:
        return int(
            self.s.scalar(
                select(func.count())
                .select_from(AgencyCase)
                .join(CaseFile, CaseFile.id == AgencyCase.case_id)
                .where(
                    CaseFile.site_id == site_id,
                    AgencyCase.taken_on_at < at,
                    CaseFile.state.not_in([str(CaseState.WITHDRAWN), str(CaseState.TERMINATED)]),
                    or_(CaseFile.delivered_at.is_(None), CaseFile.delivered_at >= at),
                )
            )
            or 0
        )

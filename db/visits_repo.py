"""Visits, referrals, the chain and staff absences in SQL, with keyset-paged queues."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select, true, tuple_, update
from sqlalchemy.orm import Session, aliased

from app.validation import mask_phone
from app.visits.lifecycle import (
    AwayReason,
    Outcome,
    ReferralKind,
    ReferralState,
    VisitAction,
    VisitState,
    VisitType,
)
from app.visits.records import (
    AbsenceRecord,
    NewReferral,
    NewVisit,
    ReferralQuery,
    ReferralRecord,
    ReferralRow,
    VisitEventRecord,
    VisitQuery,
    VisitRecord,
    VisitRow,
)
from db.cases_repo import name_tokens
from db.guarded import update_at_version, update_in_state
from db.models import (
    Department,
    Referral,
    SearchToken,
    Staff,
    StaffAbsence,
    Visit,
    VisitEvent,
    Window,
)
from db.sealed import blind_index

# Aliases are built once: building one per query costs more than the query on SQLite.
FIRST, HOLDER, ACTOR, BEHALF = (aliased(Staff) for _ in range(4))
SENDER, RECEIVER, ACKER, MARKER, BACKUP = (aliased(Staff) for _ in range(5))


def _typed(values: tuple[Any, ...], keys: Sequence[Any]) -> Any:
    """A keyset position bound with each key's own type (times are text on SQLite)."""
    return tuple_(*(literal(v, type_=k.type) for v, k in zip(values, keys, strict=True)))


class SqlVisitRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # -- visits ------------------------------------------------------------------------------
    def add(self, new: NewVisit) -> int:
        row = Visit(
            number=new.number,
            site_id=new.site_id,
            window_id=new.window_id,
            visitor_name=new.visitor_name,
            phone=new.phone,
            id_number=new.id_number,
            question=new.question,
            visit_type=str(new.visit_type),
            needs_escort=new.needs_escort,
            first_responder_id=new.first_responder_id,
            holder_id=new.first_responder_id,
            state=str(VisitState.OPEN),
            registered_at=new.registered_at,
            outcome="",
            outcome_text="",
            outcome_ref="",
            guide_code="",
            row_version=1,
        )
        self.s.add(row)
        self.s.flush()
        if new.visitor_name:
            self.s.add_all(
                SearchToken(token=t, kind="visit", ref_id=row.id)
                for t in name_tokens(new.visitor_name)
            )
            self.s.flush()
        return row.id

    def get(self, visit_id: int) -> VisitRecord | None:
        return self._record(Visit.id == visit_id)

    def by_number(self, number: str) -> VisitRecord | None:
        return self._record(Visit.number == number.strip().upper())

    def _record(self, where: Any) -> VisitRecord | None:
        found = self.s.execute(
            select(Visit, FIRST.name, HOLDER.name)
            .join(FIRST, FIRST.id == Visit.first_responder_id)
            .join(HOLDER, HOLDER.id == Visit.holder_id)
            .where(where)
            .execution_options(populate_existing=True)
        ).one_or_none()
        if found is None:
            return None
        v, first_name, holder_name = found
        referrals = tuple(self._referrals(Referral.visit_id == v.id))
        return VisitRecord(
            id=v.id,
            number=v.number,
            site_id=v.site_id,
            window_id=v.window_id,
            visitor_name=v.visitor_name,
            phone=v.phone,
            id_number=v.id_number,
            question=v.question,
            visit_type=VisitType(v.visit_type),
            needs_escort=v.needs_escort,
            first_responder_id=v.first_responder_id,
            first_responder_name=first_name,
            holder_id=v.holder_id,
            holder_name=holder_name,
            state=VisitState(v.state),
            registered_at=v.registered_at,
            outcome=Outcome(v.outcome) if v.outcome else None,
            outcome_text=v.outcome_text,
            outcome_ref=v.outcome_ref,
            case_id=v.case_id,
            guide_code=v.guide_code,
            closed_at=v.closed_at,
            closed_by=v.closed_by,
            row_version=v.row_version,
            referrals=referrals,
            chain=tuple(self._chain(v.id)),
        )

    def _chain(self, visit_id: int) -> list[VisitEventRecord]:
        rows = self.s.execute(
            select(VisitEvent, ACTOR.name, HOLDER.name, BEHALF.name)
            .join(ACTOR, ACTOR.id == VisitEvent.staff_id)
            .join(HOLDER, HOLDER.id == VisitEvent.holder_id)
            .outerjoin(BEHALF, BEHALF.id == VisitEvent.on_behalf_of)
            .where(VisitEvent.visit_id == visit_id)
            .order_by(VisitEvent.id)
        )
        return [
            VisitEventRecord(
                at=e.at,
                staff_id=e.staff_id,
                action=VisitAction(e.action),
                from_state=VisitState(e.from_state),
                to_state=VisitState(e.to_state),
                holder_id=e.holder_id,
                on_behalf_of=e.on_behalf_of,
                referral_id=e.referral_id,
                reason=e.reason,
                detail=json.loads(e.detail),
                staff_name=actor_name,
                holder_name=holder_name,
                on_behalf_name=behalf_name or "",
            )
            for e, actor_name, holder_name, behalf_name in rows
        ]

    def update(self, visit_id: int, expected_version: int, **changes: Any) -> None:
        update_at_version(
            self.s,
            Visit,
            visit_id,
            expected_version,
            "这条来访已被他人办理，请刷新后再看",
            **changes,
        )

    def add_event(self, visit_id: int, event: VisitEventRecord) -> None:
        self.s.add(
            VisitEvent(
                visit_id=visit_id,
                at=event.at,
                staff_id=event.staff_id,
                on_behalf_of=event.on_behalf_of,
                action=str(event.action),
                from_state=str(event.from_state),
                to_state=str(event.to_state),
                holder_id=event.holder_id,
                referral_id=event.referral_id,
                reason=event.reason,
                detail=json.dumps(event.detail, ensure_ascii=False, default=str),
            )
        )
        self.s.flush()

    # -- referrals ---------------------------------------------------------------------------
    def add_referral(self, new: NewReferral) -> int:
        row = Referral(
            number=new.number,
            visit_id=new.visit_id,
            kind=str(new.kind),
            state=str(ReferralState.PENDING),
            from_staff_id=new.from_staff_id,
            on_behalf_of=new.on_behalf_of,
            to_window_id=new.to_window_id,
            to_department_id=new.to_department_id,
            to_staff_id=new.to_staff_id,
            to_body=new.to_body,
            to_contact=new.to_contact,
            to_phone=new.to_phone,
            item_version_id=new.item_version_id,
            reason=new.reason,
            referred_at=new.referred_at,
            due_at=new.due_at,
            ack_note="",
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def referral(self, referral_id: int) -> ReferralRecord | None:
        found = self._referrals(Referral.id == referral_id)
        return found[0] if found else None

    def referral_by_number(self, number: str) -> ReferralRecord | None:
        found = self._referrals(Referral.number == number.strip().upper())
        return found[0] if found else None

    def _referrals(self, where: Any) -> list[ReferralRecord]:
        rows = self.s.execute(
            select(
                Referral,
                Visit.number,
                SENDER.name,
                RECEIVER.name,
                ACKER.name,
                Window.number,
                Window.name,
                Department.name,
            )
            .join(Visit, Visit.id == Referral.visit_id)
            .join(SENDER, SENDER.id == Referral.from_staff_id)
            .outerjoin(RECEIVER, RECEIVER.id == Referral.to_staff_id)
            .outerjoin(ACKER, ACKER.id == Referral.acknowledged_by)
            .outerjoin(Window, Window.id == Referral.to_window_id)
            .outerjoin(Department, Department.id == Referral.to_department_id)
            .where(where)
            .order_by(Referral.id)
            .execution_options(populate_existing=True)
        )
        return [
            ReferralRecord(
                id=r.id,
                number=r.number,
                visit_id=r.visit_id,
                visit_number=visit_number,
                kind=ReferralKind(r.kind),
                state=ReferralState(r.state),
                from_staff_id=r.from_staff_id,
                from_staff_name=sender_name,
                on_behalf_of=r.on_behalf_of,
                to_window_id=r.to_window_id,
                to_window_label=f"{win_no}号窗口（{win_name}）" if win_no is not None else "",
                to_department_id=r.to_department_id,
                to_department_name=dept or "",
                to_staff_id=r.to_staff_id,
                to_staff_name=receiver_name or "",
                to_body=r.to_body,
                to_contact=r.to_contact,
                to_phone=r.to_phone,
                item_version_id=r.item_version_id,
                reason=r.reason,
                referred_at=r.referred_at,
                due_at=r.due_at,
                acknowledged_at=r.acknowledged_at,
                acknowledged_by=r.acknowledged_by,
                acknowledged_by_name=acker_name or "",
                ack_on_behalf_of=r.ack_on_behalf_of,
                ack_note=r.ack_note,
            )
            for r, visit_number, sender_name, receiver_name, acker_name, win_no, win_name, dept in (
                rows
            )
        ]

    def update_referral(self, referral_id: int, expected: ReferralState, **changes: Any) -> None:
        update_in_state(
            self.s, Referral, referral_id, expected, "这件转办刚被他人处理，请刷新后再看", **changes
        )

    # -- visit lists -------------------------------------------------------------------------
    def _visit_filter(self, query: VisitQuery, columns: Sequence[Any]) -> Any:
        stmt = select(*columns).select_from(Visit)
        if query.holder_ids:
            stmt = stmt.where(Visit.holder_id.in_(sorted(query.holder_ids)))
        if query.states:
            stmt = stmt.where(Visit.state.in_(sorted(str(s) for s in query.states)))
        if query.registered_from is not None:
            stmt = stmt.where(Visit.registered_at >= query.registered_from)
        if query.registered_to is not None:
            stmt = stmt.where(Visit.registered_at < query.registered_to)
        return stmt

    def query_visit_ids(
        self, query: VisitQuery, after: tuple[Any, ...] | None, limit: int
    ) -> list[tuple[int, tuple[Any, ...]]]:
        keys: tuple[Any, ...]
        if query.order == "recent":
            keys = (Visit.registered_at, Visit.id)
            stmt = self._visit_filter(query, [Visit.id, *keys])
            if after is not None:
                stmt = stmt.where(tuple_(*keys) < _typed(after, keys))
            stmt = stmt.order_by(Visit.registered_at.desc(), Visit.id.desc())
        else:
            # Referrals not acknowledged in time first: they rise to the top of the list.
            overdue = (
                case((Visit.pending_due_at < query.as_of, 0), else_=1)
                if query.as_of is not None
                else literal(1)
            )
            keys = (overdue, Visit.registered_at, Visit.id)
            stmt = self._visit_filter(query, [Visit.id, *keys])
            if after is not None:
                stmt = stmt.where(tuple_(*keys) > _typed(after, keys))
            stmt = stmt.order_by(*keys)
        return [(row[0], tuple(row[1:])) for row in self.s.execute(stmt.limit(limit))]

    def count_visits(self, query: VisitQuery) -> int:
        return int(self.s.scalar(self._visit_filter(query, [func.count(Visit.id)])) or 0)

    def visit_rows(self, ids: Sequence[int], now: datetime) -> list[VisitRow]:
        if not ids:
            return []
        found = self.s.execute(
            select(Visit, FIRST.name, HOLDER.name)
            .join(FIRST, FIRST.id == Visit.first_responder_id)
            .join(HOLDER, HOLDER.id == Visit.holder_id)
            .where(Visit.id.in_(list(ids)))
        ).all()
        pending = {
            r.visit_id: r
            for r in self._referrals(
                and_(
                    Referral.visit_id.in_(list(ids)),
                    Referral.state == str(ReferralState.PENDING),
                )
            )
        }
        rows = {}
        for v, first_name, holder_name in found:
            ref = pending.get(v.id)
            rows[v.id] = VisitRow(
                id=v.id,
                number=v.number,
                registered_at=v.registered_at,
                visitor_name=v.visitor_name,
                phone_masked=mask_phone(v.phone) if v.phone else "",
                question=v.question,
                visit_type=VisitType(v.visit_type),
                state=VisitState(v.state),
                holder_id=v.holder_id,
                holder_name=holder_name,
                first_responder_name=first_name,
                needs_escort=v.needs_escort,
                referral_due_at=ref.due_at if ref else None,
                referral_destination=ref.destination if ref else "",
                overdue=bool(ref and ref.due_at < now),
            )
        return [rows[i] for i in ids if i in rows]

    def find_visit_ids(
        self, *, id_number: str = "", phone: str = "", name: str = "", limit: int = 20
    ) -> list[int]:
        if not (id_number or phone or name):
            return []
        stmt = select(Visit.id)
        # "<> ''": the partial indexes' own condition (a number that normalizes to nothing
        # then finds nothing, not every visit without one).
        if id_number:
            bidx = blind_index("id", id_number)
            stmt = stmt.where(Visit.id_number_bidx == bidx, Visit.id_number_bidx != "")
        if phone:
            bidx = blind_index("phone", phone)
            stmt = stmt.where(Visit.phone_bidx == bidx, Visit.phone_bidx != "")
        if name:
            tokens = select(SearchToken.ref_id).where(
                SearchToken.kind == "visit", SearchToken.token == name[:3]
            )
            stmt = stmt.where(Visit.id.in_(tokens))
            if len(name) > 3:
                stmt = stmt.where(Visit.visitor_name.contains(name, autoescape=True))
        stmt = stmt.order_by(Visit.registered_at.desc(), Visit.id.desc()).limit(limit)
        return list(self.s.scalars(stmt))

    # -- referral lists ----------------------------------------------------------------------
    def _referral_filter(self, query: ReferralQuery, columns: Sequence[Any]) -> Any:
        stmt = (
            select(*columns)
            .select_from(Referral)
            .where(Referral.state == str(ReferralState.PENDING))
        )
        if not query.everyone:
            internal = Referral.kind == str(ReferralKind.INTERNAL)
            named = Referral.to_staff_id.in_(sorted(query.for_staff))
            at_window = and_(
                Referral.to_staff_id.is_(None),
                Referral.to_window_id.in_(sorted(query.for_windows)),
            )
            in_department = and_(
                Referral.to_staff_id.is_(None),
                Referral.to_window_id.is_(None),
                Referral.to_department_id.in_(sorted(query.for_departments)),
            )
            stmt = stmt.where(internal, or_(named, at_window, in_department))
        if query.overdue_as_of is not None:
            stmt = stmt.where(Referral.due_at < query.overdue_as_of)
        return stmt

    def query_referral_ids(
        self, query: ReferralQuery, after: tuple[Any, ...] | None, limit: int
    ) -> list[tuple[int, tuple[Any, ...]]]:
        keys = (Referral.due_at, Referral.id)
        stmt = self._referral_filter(query, [Referral.id, *keys])
        if after is not None:
            stmt = stmt.where(tuple_(*keys) > _typed(after, keys))
        stmt = stmt.order_by(*keys).limit(limit)
        return [(row[0], tuple(row[1:])) for row in self.s.execute(stmt)]

    def count_referrals(self, query: ReferralQuery) -> int:
        return int(self.s.scalar(self._referral_filter(query, [func.count(Referral.id)])) or 0)

    def referral_rows(self, ids: Sequence[int], now: datetime) -> list[ReferralRow]:
        if not ids:
            return []
        records = {r.id: r for r in self._referrals(Referral.id.in_(list(ids)))}
        visits = {
            v.id: v
            for v in self.s.scalars(
                select(Visit).where(Visit.id.in_([r.visit_id for r in records.values()]))
            )
        }
        rows = []
        for referral_id in ids:
            r = records.get(referral_id)
            if r is None:
                continue
            v = visits[r.visit_id]
            waiting = r.to_staff_name or r.to_window_label or r.to_department_name or r.to_body
            rows.append(
                ReferralRow(
                    id=r.id,
                    number=r.number,
                    visit_id=r.visit_id,
                    visit_number=r.visit_number,
                    kind=r.kind,
                    referred_at=r.referred_at,
                    due_at=r.due_at,
                    from_staff_name=r.from_staff_name,
                    visitor_name=v.visitor_name,
                    question=v.question,
                    destination=r.destination,
                    waiting_for_id=r.to_staff_id,
                    waiting_for_name=waiting,
                    needs_escort=v.needs_escort,
                    overdue=r.due_at < now,
                )
            )
        return rows


class SqlAbsenceRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

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
        row = StaffAbsence(
            staff_id=staff_id,
            reason=reason,
            starts_at=starts_at,
            ends_at=ends_at,
            note=note,
            marked_by=marked_by,
            marked_at=marked_at,
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def get(self, absence_id: int) -> AbsenceRecord | None:
        found = self._records(StaffAbsence.id == absence_id)
        return found[0] if found else None

    def end(self, absence_id: int, ended_at: datetime, ended_by: int) -> None:
        self.s.execute(
            update(StaffAbsence)
            .where(StaffAbsence.id == absence_id)
            .values(ended_at=ended_at, ended_by=ended_by)
            .execution_options(synchronize_session=False)
        )

    def overlapping(self, staff_id: int, starts_at: datetime, ends_at: datetime) -> list[int]:
        until = func.coalesce(StaffAbsence.ended_at, StaffAbsence.ends_at)
        return list(
            self.s.scalars(
                select(StaffAbsence.id).where(
                    StaffAbsence.staff_id == staff_id,
                    StaffAbsence.starts_at < ends_at,
                    until > starts_at,
                    StaffAbsence.ends_at > starts_at,
                )
            )
        )

    def current(self, site_id: int, now: datetime) -> list[AbsenceRecord]:
        return [
            a
            for a in self._records(
                and_(
                    Staff.site_id == site_id,
                    StaffAbsence.starts_at <= now,
                    StaffAbsence.ends_at > now,
                )
            )
            if a.covers(now)
        ]

    def upcoming(self, site_id: int, now: datetime) -> list[AbsenceRecord]:
        return [
            a
            for a in self._records(and_(Staff.site_id == site_id, StaffAbsence.ends_at > now))
            if a.until > now
        ]

    def _records(self, where: Any) -> list[AbsenceRecord]:
        rows = self.s.execute(
            select(StaffAbsence, Staff.name, Staff.backup_staff_id, BACKUP.name, MARKER.name)
            .join(Staff, Staff.id == StaffAbsence.staff_id)
            .join(MARKER, MARKER.id == StaffAbsence.marked_by)
            .outerjoin(BACKUP, BACKUP.id == Staff.backup_staff_id)
            .where(where if where is not None else true())
            .order_by(StaffAbsence.starts_at, StaffAbsence.id)
            .execution_options(populate_existing=True)
        )
        return [
            AbsenceRecord(
                id=a.id,
                staff_id=a.staff_id,
                staff_name=name,
                reason=AwayReason(a.reason),
                starts_at=a.starts_at,
                ends_at=a.ends_at,
                note=a.note,
                marked_by_name=marker_name,
                ended_at=a.ended_at,
                backup_id=backup_id,
                backup_name=backup_name or "",
            )
            for a, name, backup_id, backup_name, marker_name in rows
        ]

"""Cases in SQL: storage, keyset-paged lists and the accountability records."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    and_,
    case,
    exists,
    func,
    insert,
    literal,
    select,
    tuple_,
    union_all,
    update,
)
from sqlalchemy.orm import Session, aliased

from app.cases.lifecycle import OPEN_STATES, CaseAction, CaseState
from app.cases.records import (
    AccountabilityView,
    CaseClock,
    CaseEventRecord,
    CaseQuery,
    CaseRecord,
    CaseRow,
    NewCase,
)
from app.warning_levels import URGENCY, WarningLevel, warning_from_column
from db.applicants import applicant_columns, applicant_of
from db.guarded import update_at_version
from db.models import (
    AccountabilityRecord,
    CaseEvent,
    CaseFile,
    CaseMaterial,
    Complaint,
    Notice,
    Refusal,
    SearchToken,
    ServiceItemVersion,
    Site,
    Staff,
)
from db.sealed import blind_index


def _owned(owner_site_id: int | None) -> list[Any]:
    """The cases a site owns now (app.handover), or all when no site is given."""
    return [] if owner_site_id is None else [CaseFile.owner_site_id == owner_site_id]


URGENCY_KEY = case(
    *((CaseFile.warning == str(level), rank) for rank, level in enumerate(URGENCY)),
    else_=len(URGENCY),
)
FAR_FUTURE = date(9999, 12, 31)
DUE_KEY = func.coalesce(CaseFile.due_date, literal(FAR_FUTURE))


def name_tokens(name: str) -> set[str]:
    """Every substring of one to three characters: a two-character query is an index hit."""
    chars = list(name)
    return {"".join(chars[i : i + n]) for n in (1, 2, 3) for i in range(len(chars) - n + 1)}


class SqlCaseRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # -- storing -----------------------------------------------------------------------------
    def add(self, new: NewCase) -> int:
        a = new.applicant
        row = CaseFile(
            number=new.number,
            site_id=new.site_id,
            item_version_id=new.item_version_id,
            window_id=new.window_id,
            accepted_by=new.accepted_by,
            owner_id=new.owner_id,
            notice_id=new.notice_id,
            state=str(CaseState.ACCEPTED),
            is_agency=new.is_agency,
            received_at=new.received_at,
            accepted_at=new.accepted_at,
            accepted_day=new.accepted_day,
            committed_days=new.committed_days,
            statutory_days=new.statutory_days,
            deferred_supply_by=new.deferred_supply_by,
            applicant_commitment=new.applicant_commitment,
            due_date=new.due_date,
            due_provisional=new.due_provisional,
            calendar_version=new.calendar_version,
            warning=new.warning,
            **applicant_columns(a),
            row_version=1,
        )
        self.s.add(row)
        self.s.flush()
        self.s.add_all(
            CaseMaterial(case_id=row.id, material_id=mid, state=state)
            for mid, state in new.materials.items()
        )
        self.s.add_all(
            SearchToken(token=t, kind="case", ref_id=row.id) for t in name_tokens(a.name)
        )
        self.s.flush()
        return row.id

    def add_event(self, case_id: int, event: CaseEventRecord) -> None:
        self.s.add(
            CaseEvent(
                case_id=case_id,
                at=event.at,
                staff_id=event.staff_id,
                on_behalf_of=event.on_behalf_of,
                action=str(event.action),
                from_state=str(event.from_state),
                to_state=str(event.to_state),
                reason=event.reason,
                detail=json.dumps(event.detail, ensure_ascii=False, default=str),
            )
        )
        self.s.flush()

    def mark_supplied(self, case_id: int, material_ids: frozenset[int], at: datetime) -> None:
        self.s.execute(
            update(CaseMaterial)
            .where(
                CaseMaterial.case_id == case_id,
                CaseMaterial.material_id.in_(sorted(material_ids)),
                CaseMaterial.state == "deferred",
                CaseMaterial.supplied_at.is_(None),
            )
            .values(supplied_at=at)
            .execution_options(synchronize_session=False)
        )

    def update(self, case_id: int, expected_version: int, **changes: Any) -> None:
        update_at_version(
            self.s,
            CaseFile,
            case_id,
            expected_version,
            "办件已被他人修改，请刷新后再办理",
            **changes,
        )

    # -- reading -----------------------------------------------------------------------------
    def get(self, case_id: int) -> CaseRecord | None:
        return self._record(CaseFile.id == case_id)

    def by_number(self, number: str) -> CaseRecord | None:
        return self._record(CaseFile.number == number.strip().upper())

    def _record(self, where: Any) -> CaseRecord | None:
        owner = aliased(Staff)
        found = self.s.execute(
            select(CaseFile, ServiceItemVersion.name, owner.name)
            .join(ServiceItemVersion, ServiceItemVersion.id == CaseFile.item_version_id)
            .join(owner, owner.id == CaseFile.owner_id)
            .where(where)
            .execution_options(populate_existing=True)
        ).one_or_none()
        if found is None:
            return None
        c, item_name, owner_name = found
        materials = dict(
            self.s.execute(
                select(CaseMaterial.material_id, CaseMaterial.state).where(
                    CaseMaterial.case_id == c.id
                )
            ).all()
        )
        events = tuple(
            CaseEventRecord(
                at=e.at,
                staff_id=e.staff_id,
                staff_name=name,
                on_behalf_of=e.on_behalf_of,
                action=CaseAction(e.action),
                from_state=CaseState(e.from_state),
                to_state=CaseState(e.to_state),
                reason=e.reason,
                detail=json.loads(e.detail),
            )
            for e, name in self.s.execute(
                select(CaseEvent, Staff.name)
                .join(Staff, Staff.id == CaseEvent.staff_id)
                .where(CaseEvent.case_id == c.id)
                .order_by(CaseEvent.id)
            )
        )
        return CaseRecord(
            id=c.id,
            number=c.number,
            site_id=c.site_id,
            owner_site_id=c.owner_site_id,
            item_version_id=c.item_version_id,
            item_name=item_name,
            window_id=c.window_id,
            accepted_by=c.accepted_by,
            owner_id=c.owner_id,
            owner_name=owner_name,
            notice_id=c.notice_id,
            state=CaseState(c.state),
            applicant=applicant_of(c),
            is_agency=c.is_agency,
            received_at=c.received_at,
            accepted_at=c.accepted_at,
            accepted_day=c.accepted_day,
            committed_days=c.committed_days,
            statutory_days=c.statutory_days,
            deferred_supply_by=c.deferred_supply_by,
            applicant_commitment=c.applicant_commitment,
            due_date=c.due_date,
            due_provisional=c.due_provisional,
            calendar_version=c.calendar_version,
            due_moved=c.due_moved,
            warning=c.warning,
            decision=c.decision,
            decision_note=c.decision_note,
            decided_at=c.decided_at,
            delivered_at=c.delivered_at,
            delivery_method=c.delivery_method,
            collected_by=c.collected_by,
            row_version=c.row_version,
            materials=materials,
            events=events,
        )

    def open_case_ids(self, owner_site_id: int | None = None) -> list[int]:
        return list(
            self.s.scalars(
                select(CaseFile.id)
                .where(CaseFile.state.in_([str(s) for s in OPEN_STATES]), *_owned(owner_site_id))
                .order_by(CaseFile.id)
            )
        )

    def usual_item_ids(
        self, window_id: int | None, owner_id: int, since: date, limit: int
    ) -> list[int]:
        mine = CaseFile.window_id == window_id if window_id else CaseFile.owner_id == owner_id
        uses = func.count(CaseFile.id)
        return list(
            self.s.scalars(
                select(ServiceItemVersion.item_id)
                .join(CaseFile, CaseFile.item_version_id == ServiceItemVersion.id)
                .where(CaseFile.accepted_day >= since, mine)
                .group_by(ServiceItemVersion.item_id)
                .order_by(uses.desc(), ServiceItemVersion.item_id)
                .limit(limit)
            )
        )

    def names_for_id(self, id_type: str, id_number: str, limit: int) -> list[tuple[str, int]]:
        recorded = union_all(
            *(
                select(table.applicant_name.label("name")).where(
                    table.id_type == id_type, table.id_number_bidx == blind_index("id", id_number)
                )
                for table in (CaseFile, Notice, Refusal)
            )
        ).subquery()
        uses = func.count()
        rows = self.s.execute(
            select(recorded.c.name, uses)
            .group_by(recorded.c.name)
            .order_by(uses.desc(), recorded.c.name)
            .limit(limit)
        )
        return [(str(name), int(count)) for name, count in rows]

    def open_case_clocks(self, owner_site_id: int | None = None) -> list[CaseClock]:
        stopped = (
            select(CaseEvent.id)
            .where(
                CaseEvent.case_id == CaseFile.id,
                CaseEvent.action.in_([str(CaseAction.SUSPEND), str(CaseAction.EXTEND)]),
            )
            .exists()
        )
        rows = self.s.execute(
            select(
                CaseFile.id,
                CaseFile.state,
                CaseFile.due_date,
                CaseFile.committed_days,
                CaseFile.calendar_version,
                CaseFile.warning,
                CaseFile.row_version,
                stopped,
            )
            .where(CaseFile.state.in_([str(s) for s in OPEN_STATES]), *_owned(owner_site_id))
            .order_by(CaseFile.id)
        )
        return [
            CaseClock(r[0], CaseState(r[1]), r[2], r[3], r[4], r[5], r[6], bool(r[7])) for r in rows
        ]

    # -- lists -------------------------------------------------------------------------------
    def _filtered(self, query: CaseQuery, columns: Sequence[Any]) -> Any:
        stmt = select(*columns).select_from(CaseFile)
        conditions = []
        text = query.text.strip()
        if text:
            conditions.append(_text_condition(text))
        if query.states:
            conditions.append(CaseFile.state.in_([str(s) for s in query.states]))
        if query.warnings:
            conditions.append(CaseFile.warning.in_(sorted(query.warnings)))
        if query.owner_id is not None:
            conditions.append(CaseFile.owner_id == query.owner_id)
        if query.owner_ids:
            conditions.append(CaseFile.owner_id.in_(sorted(query.owner_ids)))
        if query.item_id is not None:
            versions = select(ServiceItemVersion.id).where(
                ServiceItemVersion.item_id == query.item_id
            )
            conditions.append(CaseFile.item_version_id.in_(versions))
        if query.accepted_from is not None:
            conditions.append(CaseFile.accepted_day >= query.accepted_from)
        if query.accepted_to is not None:
            conditions.append(CaseFile.accepted_day <= query.accepted_to)
        if query.handed_over:
            conditions.append(CaseFile.owner_site_id != CaseFile.site_id)
        return stmt.where(and_(*conditions)) if conditions else stmt

    def query_ids(
        self, query: CaseQuery, after: tuple[Any, ...] | None, limit: int
    ) -> list[tuple[int, tuple[Any, ...]]]:
        keys: tuple[Any, ...]
        if query.order == "urgency":
            keys = (URGENCY_KEY, DUE_KEY, CaseFile.id)
            stmt = self._filtered(query, [CaseFile.id, *keys])
            if after is not None:
                stmt = stmt.where(tuple_(*keys) > _typed(after, keys))
            stmt = stmt.order_by(*keys)
        elif (token := _name_token(query.text.strip())) is not None:
            # Part of a name, newest first: walk the token's index backwards from the newest
            # case (ids rise in the order cases were recorded) and stop after one page, however
            # common the name. Sorting every match by time cost 130 ms p95 on ten years.
            text = query.text.strip()
            keys = (CaseFile.id,)
            stmt = self._filtered(replace(query, text=""), [CaseFile.id, CaseFile.id]).join(
                SearchToken,
                and_(
                    SearchToken.ref_id == CaseFile.id,
                    SearchToken.kind == "case",
                    SearchToken.token == token,
                ),
            )
            if len(text) > 3:
                stmt = stmt.where(CaseFile.applicant_name.contains(text, autoescape=True))
            if after is not None:
                stmt = stmt.where(SearchToken.ref_id < after[-1])
            stmt = stmt.order_by(SearchToken.ref_id.desc())
        else:
            keys = (CaseFile.accepted_at, CaseFile.id)
            stmt = self._filtered(query, [CaseFile.id, *keys])
            if after is not None:
                stmt = stmt.where(tuple_(*keys) < _typed(after, keys))
            stmt = stmt.order_by(CaseFile.accepted_at.desc(), CaseFile.id.desc())
        return [(row[0], tuple(row[1:])) for row in self.s.execute(stmt.limit(limit))]

    def rows(self, ids: Sequence[int]) -> list[CaseRow]:
        if not ids:
            return []
        owner = aliased(Staff)
        accepting, owning = aliased(Site), aliased(Site)
        found = {
            c.id: CaseRow(
                id=c.id,
                number=c.number,
                applicant_name=c.applicant_name,
                item_name=item,
                state=CaseState(c.state),
                warning=warning_from_column(c.warning),
                due_date=c.due_date,
                due_provisional=c.due_provisional,
                owner_name=owner_name,
                accepted_at=c.accepted_at,
                is_agency=c.is_agency,
                site_name=site_name,
                handed_to=owning_name if c.owner_site_id != c.site_id else "",
            )
            for c, item, owner_name, site_name, owning_name in self.s.execute(
                select(CaseFile, ServiceItemVersion.name, owner.name, accepting.name, owning.name)
                .join(ServiceItemVersion, ServiceItemVersion.id == CaseFile.item_version_id)
                .join(owner, owner.id == CaseFile.owner_id)
                .join(accepting, accepting.id == CaseFile.site_id)
                .join(owning, owning.id == CaseFile.owner_site_id)
                .where(CaseFile.id.in_(list(ids)))
            )
        }
        return [found[i] for i in ids if i in found]

    def count(self, query: CaseQuery) -> int:
        return int(self.s.scalar(self._filtered(query, [func.count(CaseFile.id)])) or 0)

    def warning_counts(self, owner_ids: frozenset[int] | None) -> dict[str, int]:
        stmt = (
            select(CaseFile.warning, func.count())
            .where(CaseFile.state.in_([str(s) for s in OPEN_STATES]))
            .group_by(CaseFile.warning)
        )
        if owner_ids is not None:
            stmt = stmt.where(CaseFile.owner_id.in_(sorted(owner_ids)))
        return {w: int(n) for w, n in self.s.execute(stmt)}

    def today_accepted(self, site_id: int, day: date) -> int:
        return int(
            self.s.scalar(
                select(func.count())
                .select_from(CaseFile)
                .where(CaseFile.site_id == site_id, CaseFile.accepted_day == day)
            )
            or 0
        )

    # -- accountability ----------------------------------------------------------------------
    def _without_record(self, kind: str) -> Any:
        return ~exists().where(
            AccountabilityRecord.kind == kind, AccountabilityRecord.case_id == CaseFile.id
        )

    def red_ids_without_record(self, owner_site_id: int | None = None) -> list[int]:
        running = [str(s) for s in OPEN_STATES if s is not CaseState.SUSPENDED]
        return list(
            self.s.scalars(
                select(CaseFile.id)
                .where(
                    CaseFile.state.in_(running),
                    CaseFile.warning == str(WarningLevel.RED),
                    self._without_record("overdue"),
                    *_owned(owner_site_id),
                )
                .order_by(CaseFile.id)
            )
        )

    def overdue_deferral_ids(self, today: date, owner_site_id: int | None = None) -> list[int]:
        outstanding = exists().where(
            CaseMaterial.case_id == CaseFile.id,
            CaseMaterial.state == "deferred",
            CaseMaterial.supplied_at.is_(None),
        )
        return list(
            self.s.scalars(
                select(CaseFile.id)
                .where(
                    CaseFile.state.in_([str(s) for s in OPEN_STATES]),
                    CaseFile.deferred_supply_by < today,
                    outstanding,
                    self._without_record("deferral"),
                    *_owned(owner_site_id),
                )
                .order_by(CaseFile.id)
            )
        )

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
        # One record of a kind per case, one per complaint; the other caseless ones always open.
        same = None
        if case_id is not None:
            same = and_(AccountabilityRecord.kind == kind, AccountabilityRecord.case_id == case_id)
        elif complaint_id is not None:
            same = AccountabilityRecord.complaint_id == complaint_id
        if same is not None and self.s.scalar(select(AccountabilityRecord.id).where(same)):
            return None
        new_id = self.s.execute(
            insert(AccountabilityRecord)
            .values(
                kind=kind,
                case_id=case_id,
                complaint_id=complaint_id,
                responsible_id=responsible_id,
                opened_at=opened_at,
                days_late=days_late,
                state="open",
                cause="",
                note="",
                outcome="",
            )
            .returning(AccountabilityRecord.id)
        ).scalar_one()
        return int(new_id)

    def update_accountability(self, record_id: int, **changes: Any) -> None:
        self.s.execute(
            update(AccountabilityRecord)
            .where(AccountabilityRecord.id == record_id)
            .values(**changes)
            .execution_options(synchronize_session=False)
        )

    def accountability(self, record_id: int) -> AccountabilityView | None:
        found = self._accountability_query().where(AccountabilityRecord.id == record_id)
        rows = self._views(found)
        return rows[0] if rows else None

    def list_accountability(self, state: str | None, limit: int) -> list[AccountabilityView]:
        stmt = self._accountability_query().order_by(AccountabilityRecord.opened_at.desc())
        if state is not None:
            stmt = stmt.where(AccountabilityRecord.state == state)
        return self._views(stmt.limit(limit))

    def _accountability_query(self) -> Any:
        responsible, reviewer = aliased(Staff), aliased(Staff)
        return (
            select(
                AccountabilityRecord,
                CaseFile.number,
                Notice.number,
                Complaint.number,
                responsible.name,
                reviewer.name,
                func.coalesce(Notice.site_id, Complaint.site_id),
            )
            .outerjoin(CaseFile, CaseFile.id == AccountabilityRecord.case_id)
            .outerjoin(Notice, Notice.id == AccountabilityRecord.notice_id)
            .outerjoin(Complaint, Complaint.id == AccountabilityRecord.complaint_id)
            .outerjoin(responsible, responsible.id == AccountabilityRecord.responsible_id)
            .outerjoin(reviewer, reviewer.id == AccountabilityRecord.reviewed_by)
        )

    def _views(self, stmt: Any) -> list[AccountabilityView]:
        return [
            AccountabilityView(
                id=r.id,
                kind=r.kind,
                case_id=r.case_id,
                case_number=number or "",
                notice_number=notice or "",
                complaint_id=r.complaint_id,
                complaint_number=complaint or "",
                responsible_id=r.responsible_id,
                responsible_name=resp or "",
                opened_at=r.opened_at,
                days_late=r.days_late,
                state=r.state,
                cause=r.cause,
                note=r.note,
                outcome=r.outcome,
                reviewed_by_name=rev or "",
                reviewed_at=r.reviewed_at,
                site_id=None if r.case_id is not None else site,
            )
            for r, number, notice, complaint, resp, rev, site in self.s.execute(
                stmt.execution_options(populate_existing=True)
            )
        ]


def _typed(values: tuple[Any, ...], keys: Sequence[Any]) -> Any:
    """Bind a keyset position with each column's own type (times are stored as text on
    SQLite, so an untyped datetime would compare wrongly)."""
    return tuple_(*(literal(v, type_=k.type) for v, k in zip(values, keys, strict=True)))


def _name_token(text: str) -> str | None:
    """The search token when ``text`` is part of a name (not a number, ID number or phone)."""
    if not text:
        return None
    upper = text.upper()
    compact = upper.replace(" ", "").replace("-", "")
    if "-" in text and upper[:1].isalpha():
        return None
    if len(compact) in (15, 18) and compact[:-1].isdigit():
        return None
    if compact.isdigit() and len(compact) >= 7:
        return None
    return text[:3]


def _text_condition(text: str) -> Any:
    """Number, ID number, phone or part of the applicant's name, decided by the text's shape."""
    upper = text.upper()
    compact = upper.replace(" ", "").replace("-", "")
    token = _name_token(text)
    if token is None and "-" in text and upper[:1].isalpha():
        return and_(CaseFile.number >= upper, CaseFile.number < upper + "\uffff")
    if token is None and len(compact) in (15, 18) and compact[:-1].isdigit():
        return CaseFile.id_number_bidx == blind_index("id", compact)
    if token is None:
        keys = {blind_index("phone", text.strip()), blind_index("phone", compact)}
        return CaseFile.phone_bidx.in_(sorted(keys))
    tokens = select(SearchToken.ref_id).where(
        SearchToken.kind == "case", SearchToken.token == token
    )
    condition: Any = CaseFile.id.in_(tokens)
    if len(text) > 3:
        condition = and_(condition, CaseFile.applicant_name.contains(text, autoescape=True))
    return condition

"""The supervisors' reports in SQL: every count is a GROUP BY over one period, per window and
staff member (and per hall day for trends); no rows are fetched to be counted in Python."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, case, cast, exists, false, func, or_, select, union
from sqlalchemy.orm import Session, aliased

from app.cases.deadlines import EXTENSION_DAYS_KEY
from app.cases.lifecycle import CaseAction, CaseState
from app.cases.transitions import OPEN_CLASSES
from app.clock import DEFAULT_TZ
from app.reports.ports import CaseThen, CompletionGroup, OpenCase, PausedDecision, PeriodCase
from app.reports.sections import ReportScope, Tally
from db.models import (
    AccountabilityRecord,
    AgencyCase,
    AgencyContact,
    AgencyStep,
    Appointment,
    CaseEvent,
    CaseFile,
    Complaint,
    ExtraDemand,
    Notice,
    Rating,
    Referral,
    Refusal,
    ServiceItemVersion,
    Staff,
    SyncPeer,
    Visit,
    Window,
)

CLOSING = (str(CaseAction.DECIDE), str(CaseAction.WITHDRAW), str(CaseAction.TERMINATE))
EXTEND, SUSPEND, RESUME = (
    str(a) for a in (CaseAction.EXTEND, CaseAction.SUSPEND, CaseAction.RESUME)
)
# Ids per IN list: within the 999 bound parameters of SQLite before 3.32.
_IN_CHUNK = 900


def _offset_hours() -> int:
    # The hall keeps Beijing time, which has had no daylight saving since 1991: a fixed offset.
    offset = DEFAULT_TZ.utcoffset(datetime(2000, 1, 1))
    assert offset is not None
    return int(offset.total_seconds() // 3600)


_OFFSET_HOURS = _offset_hours()


class SqlReportRepository:
    def __init__(self, session: Session) -> None:
        self.s = session
        self.dialect = session.get_bind().dialect.name

    def last_arrivals(self) -> dict[str, datetime]:
        """When each site's last bundle was imported here (app.sync's peers), by site code."""
        rows = self.s.execute(select(SyncPeer.site_code, SyncPeer.received_at))
        return {code: at for code, at in rows if at is not None}

    # -- helpers -----------------------------------------------------------------------------
    def hall_day(self, column: Any) -> Any:
        """The hall's calendar day of a stored time, computed by the database."""
        if self.dialect == "postgresql":
            return func.date(func.timezone(DEFAULT_TZ.key, column))
        return func.date(column, f"+{_OFFSET_HOURS} hours")  # times are UTC ISO text there

    def _days_of(self, detail: Any) -> Any:
        """The ``days`` of an extension event's JSON detail."""
        if self.dialect == "postgresql":
            key = EXTENSION_DAYS_KEY
            return cast(func.jsonb_extract_path_text(cast(detail, _jsonb()), key), Integer)
        return cast(func.json_extract(detail, f"$.{EXTENSION_DAYS_KEY}"), Integer)

    def _extension_days(self, end: datetime | None = None) -> Any:
        """The working days a case's extensions granted (before ``end`` when given)."""
        ext = aliased(CaseEvent)
        before = [ext.at < end] if end is not None else []
        return (
            select(func.coalesce(func.sum(self._days_of(ext.detail)), 0))
            .where(ext.case_id == CaseFile.id, ext.action == EXTEND, *before)
            .scalar_subquery()
        )

    @staticmethod
    def _filters(scope: ReportScope, window: Any, version: Any) -> list[Any]:
        conditions = []
        if scope.window_id is not None:
            conditions.append(window == scope.window_id)
        if scope.department_id is not None:
            conditions.append(
                window.in_(select(Window.id).where(Window.department_id == scope.department_id))
            )
        if scope.item_id is not None and version is None:
            # Records that carry no catalog item (visits, ratings, complaints, bookings) are
            # not counted under an item filter.
            conditions.append(false())
        elif scope.item_id is not None:
            conditions.append(
                version.in_(
                    select(ServiceItemVersion.id).where(ServiceItemVersion.item_id == scope.item_id)
                )
            )
        return conditions

    def _grouped(
        self,
        scope: ReportScope,
        key: str,
        window: Any,
        staff: Any,
        at: Any,
        where: list[Any],
        source: Any = None,
    ) -> list[Tally]:
        """One count per (window, staff[, hall day]) of the rows matching ``where``."""
        columns = [window, staff]
        if scope.by_day:
            columns.append(self.hall_day(at))
        stmt = select(*columns, func.count())
        if source is not None:
            stmt = stmt.select_from(source)
        stmt = stmt.where(at >= scope.start, at < scope.end, *where).group_by(*columns)
        return [
            Tally(key, int(row[-1]), row[0], row[1], _day(row[2]) if scope.by_day else None)
            for row in self.s.execute(stmt)
        ]

    # -- notices -----------------------------------------------------------------------------
    def notice_tallies(self, scope: ReportScope) -> list[Tally]:
        filters = self._filters(scope, Notice.window_id, Notice.item_version_id)
        issued = self._grouped(
            scope,
            "notices_issued",
            Notice.window_id,
            Notice.issued_by,
            Notice.issued_at,
            [Notice.site_id == scope.site_id, *filters],
        )
        late = self._grouped(
            scope,
            "notices_late",
            Notice.window_id,
            Notice.issued_by,
            Notice.issued_at,
            [Notice.site_id == scope.site_id, Notice.issued_late.is_(True), *filters],
        )
        breaches = self._grouped(
            scope,
            "one_time_breaches",
            Notice.window_id,
            Notice.issued_by,
            ExtraDemand.at,
            [Notice.site_id == scope.site_id, *filters],
            source=ExtraDemand.__table__.join(Notice.__table__, Notice.id == ExtraDemand.notice_id),
        )
        return issued + late + breaches

    # -- cases -------------------------------------------------------------------------------
    def case_tallies(self, scope: ReportScope) -> list[Tally]:
        case_filters = [
            CaseFile.site_id == scope.site_id,
            *self._filters(scope, CaseFile.window_id, CaseFile.item_version_id),
        ]
        tallies = self._grouped(
            scope,
            "cases_accepted",
            CaseFile.window_id,
            CaseFile.accepted_by,
            CaseFile.accepted_at,
            case_filters,
        )
        tallies += self._grouped(
            scope,
            "cases_refused",
            Refusal.window_id,
            Refusal.issued_by,
            Refusal.issued_at,
            [
                Refusal.site_id == scope.site_id,
                *self._filters(scope, Refusal.window_id, Refusal.item_version_id),
            ],
        )
        columns = [CaseFile.window_id, CaseEvent.staff_id, CaseEvent.action]
        if scope.by_day:
            columns.append(self.hall_day(CaseEvent.at))
        # 当场办结: a 0-day item decided the same hall day it was accepted (the act of
        # acceptance, not a deemed day); a 0-day item decided later missed its promise.
        same_day = and_(
            CaseFile.committed_days == 0,
            self.hall_day(CaseEvent.at) == self.hall_day(CaseFile.accepted_at),
        )
        on_the_spot = func.sum(case((same_day, 1), else_=0))
        stmt = (
            select(*columns, func.count(), on_the_spot)
            .select_from(CaseEvent)
            .join(CaseFile, CaseFile.id == CaseEvent.case_id)
            .where(
                CaseEvent.at >= scope.start,
                CaseEvent.at < scope.end,
                CaseEvent.action.in_([str(CaseAction.DECIDE), str(CaseAction.DELIVER)]),
                *case_filters,
            )
            .group_by(*columns)
        )
        rows: list[Any] = list(self.s.execute(stmt))
        for row in rows:
            window, staff, action = row[0], row[1], str(row[2])
            day = _day(row[3]) if scope.by_day else None
            count, spot = int(row[-2]), int(row[-1] or 0)
            if action == str(CaseAction.DELIVER):
                tallies.append(Tally("cases_delivered", count, window, staff, day))
                continue
            tallies.append(Tally("cases_decided", count, window, staff, day))
            if spot:
                tallies.append(Tally("cases_on_the_spot", spot, window, staff, day))
        # Decisions and deliveries done for someone else, both ways: for who acted, and for
        # the owner they acted for (whose row would otherwise show nothing of it).
        for key, who in (
            ("cases_for_others", CaseEvent.staff_id),
            ("cases_by_others", CaseEvent.on_behalf_of),
        ):
            tallies += self._grouped(
                scope,
                key,
                CaseFile.window_id,
                who,
                CaseEvent.at,
                [
                    CaseEvent.on_behalf_of.is_not(None),
                    CaseEvent.action.in_([str(CaseAction.DECIDE), str(CaseAction.DELIVER)]),
                    *case_filters,
                ],
                source=CaseEvent.__table__.join(
                    CaseFile.__table__, CaseFile.id == CaseEvent.case_id
                ),
            )
        return tallies

    def _then_columns(self, end: datetime) -> list[Any]:
        """Per case (correlated to ``CaseFile``), what its events before ``end`` say of how it
        stood then (``app.reports.ports.CaseThen``): the state its last recorded event left,
        the working days its extensions granted, and whether it was suspended by then. A few
        index probes per case instead of every event of it (a busy day's log judges ~13,000
        cases)."""
        last = aliased(CaseEvent)
        return [
            select(last.to_state)
            .where(last.case_id == CaseFile.id, last.at < end)
            .order_by(last.id.desc())
            .limit(1)
            .scalar_subquery(),
            self._extension_days(end),
            self._ever_suspended(end),
        ]

    def _then(self, rows: list[Any], scope: ReportScope) -> dict[int, CaseThen]:
        """``CaseThen`` by case id from rows of (id, ..., *``_then_columns``): the pause moves
        read in one more query, for the few cases suspended by then."""
        moves = self._pause_moves([row[0] for row in rows if row[-1]], scope.end)
        return {
            row[0]: CaseThen(
                day=scope.last_day,
                state=CaseState(row[-3]) if row[-3] is not None else None,
                extension_days=int(row[-2] or 0),
                pause_moves=tuple(moves.get(row[0], ())),
            )
            for row in rows
        }

    def open_cases(self, scope: ReportScope) -> list[OpenCase]:
        closing = aliased(CaseEvent)
        closed_before_end = exists().where(
            closing.case_id == CaseFile.id,
            closing.action.in_(CLOSING),
            closing.at < scope.end,
        )
        candidates = CaseFile.id.in_(self._open_at(scope.end))
        rows = list(
            self.s.execute(
                select(
                    CaseFile.id,
                    CaseFile.window_id,
                    CaseFile.owner_id,
                    CaseFile.accepted_day,
                    CaseFile.committed_days,
                    *self._then_columns(scope.end),
                ).where(
                    candidates,
                    CaseFile.site_id == scope.site_id,
                    CaseFile.accepted_at < scope.end,
                    ~closed_before_end,
                    *self._filters(scope, CaseFile.window_id, CaseFile.item_version_id),
                )
            )
        )
        then = self._then(rows, scope)
        return [
            OpenCase(row[0], row[1], row[2], _day(row[3]), int(row[4]), then[row[0]])
            for row in rows
        ]

    @staticmethod
    def _open_at(end: datetime) -> Any:
        """The ids of every case that may have been open at ``end`` (and a few that closed
        just before): those not closed (or of no class), and of each open-span class k those
        closed from ``end`` to 2**k days after it, as a case open at ``end`` and closed later
        within 2**k days of its acceptance must be (app.cases.transitions.open_class). Each
        is one range of ``ix_case_file_open_class``, so an old day reads about as much as
        today does, not every case closed since."""
        listed = aliased(CaseFile)
        ranges = [select(listed.id).where(listed.open_class.is_(None))]
        for k in range(OPEN_CLASSES + 1):
            bounded = [listed.closed_at < end + timedelta(days=2**k)] if k < OPEN_CLASSES else []
            ranges.append(
                select(listed.id).where(listed.open_class == k, listed.closed_at >= end, *bounded)
            )
        return union(*ranges)

    def _ever_suspended(self, end: datetime | None = None) -> Any:
        """Whether a case was suspended (before ``end`` when given)."""
        pause = aliased(CaseEvent)
        before = [pause.at < end] if end is not None else []
        return exists().where(pause.case_id == CaseFile.id, pause.action == SUSPEND, *before)

    def _pause_moves(
        self, case_ids: list[int], end: datetime | None = None
    ) -> dict[int, list[tuple[CaseAction, date]]]:
        """Each case's suspensions and resumptions (before ``end`` when given) with their hall
        days, in the order they were recorded, as the case itself lists its events
        (``db/cases_repo.py``): counter PCs' clocks differ, so a resumption may be stamped
        before its suspension (``app.cases.deadlines.pause_runs``)."""
        moves: dict[int, list[tuple[CaseAction, date]]] = {case_id: [] for case_id in case_ids}
        before = [CaseEvent.at < end] if end is not None else []
        for start in range(0, len(case_ids), _IN_CHUNK):
            rows = self.s.execute(
                select(CaseEvent.case_id, CaseEvent.action, self.hall_day(CaseEvent.at))
                .where(
                    CaseEvent.case_id.in_(case_ids[start : start + _IN_CHUNK]),
                    CaseEvent.action.in_([SUSPEND, RESUME]),
                    *before,
                )
                .order_by(CaseEvent.case_id, CaseEvent.id)
            )
            for case_id, action, day in rows:
                moves[case_id].append((CaseAction(action), _day(day)))
        return moves

    def _decisions(self, scope: ReportScope, *columns: Any) -> Any:
        return (
            select(*columns)
            .select_from(CaseEvent)
            .join(CaseFile, CaseFile.id == CaseEvent.case_id)
            .where(
                CaseEvent.at >= scope.start,
                CaseEvent.at < scope.end,
                CaseEvent.action == str(CaseAction.DECIDE),
                CaseFile.site_id == scope.site_id,
                *self._filters(scope, CaseFile.window_id, CaseFile.item_version_id),
            )
        )

    def paused_late_decisions(self, scope: ReportScope) -> list[PausedDecision]:
        found = list(
            self.s.execute(
                self._decisions(
                    scope,
                    CaseFile.id,
                    CaseFile.window_id,
                    CaseEvent.staff_id,
                    self.hall_day(CaseEvent.at),
                    CaseFile.accepted_day,
                    CaseFile.due_date,
                    CaseFile.committed_days,
                ).where(self._ever_suspended())
            )
        )
        if not found:
            return []
        moves = self._pause_moves(list({row[0] for row in found}))
        return [
            PausedDecision(
                window_id=row[1],
                staff_id=row[2],
                decided_day=_day(row[3]),
                accepted_day=_day(row[4]),
                due_date=_day(row[5]) if row[5] is not None else None,
                committed_days=int(row[6]),
                moves=tuple(moves[row[0]]),
            )
            for row in found
        ]

    def completion_groups(self, scope: ReportScope) -> list[CompletionGroup]:
        decided_day = self.hall_day(CaseEvent.at)
        columns = [
            CaseFile.window_id,
            CaseEvent.staff_id,
            decided_day,
            CaseFile.due_date,
            CaseFile.committed_days,
            self._extension_days(),
        ]
        stmt = (
            self._decisions(scope, *columns, func.count())
            .where(~self._ever_suspended())
            .group_by(*columns)
        )
        return [
            CompletionGroup(
                row[0],
                row[1],
                _day(row[2]),
                _day(row[3]) if row[3] is not None else None,
                int(row[4]),
                int(row[5]),
                int(row[6]),
            )
            for row in self.s.execute(stmt)
        ]

    def period_cases(self, scope: ReportScope) -> list[PeriodCase]:
        # Worked on in the period: a transition, an overdue record opened, or the agent's
        # records (taken on, a step at another department, a contact with the applicant),
        # each dated when it was recorded.
        moved: Any = union(
            select(CaseEvent.case_id).where(CaseEvent.at >= scope.start, CaseEvent.at < scope.end),
            *(
                select(table.case_id).where(when >= scope.start, when < scope.end)
                for table, when in (
                    (AccountabilityRecord, AccountabilityRecord.opened_at),
                    (AgencyCase, AgencyCase.taken_on_at),
                    (AgencyStep, AgencyStep.recorded_at),
                    (AgencyContact, AgencyContact.recorded_at),
                )
            ),
        )
        owner = aliased(Staff)
        ids = select(CaseFile.id).where(
            CaseFile.id.in_(moved),
            CaseFile.site_id == scope.site_id,
            *self._filters(scope, CaseFile.window_id, CaseFile.item_version_id),
        )
        stmt = (
            select(
                CaseFile.id,
                CaseFile.number,
                ServiceItemVersion.name,
                CaseFile.applicant_name,
                owner.name,
                CaseFile.due_provisional,
                CaseFile.accepted_at,
                CaseFile.accepted_day,
                CaseFile.committed_days,
                *self._then_columns(scope.end),
            )
            .join(ServiceItemVersion, ServiceItemVersion.id == CaseFile.item_version_id)
            .join(owner, owner.id == CaseFile.owner_id)
            .where(CaseFile.id.in_(ids))
            .order_by(CaseFile.number)
        )
        rows = list(self.s.execute(stmt))
        then = self._then(rows, scope)
        return [
            PeriodCase(
                number=row[1],
                item_name=row[2],
                applicant_name=row[3],
                owner_name=row[4],
                due_provisional=bool(row[5]),
                accepted_at=row[6],
                accepted_day=_day(row[7]),
                committed_days=int(row[8]),
                then=then[row[0]],
            )
            for row in rows
        ]

    # -- first inquiry, agency, appointments, ratings, complaints ------------------------------
    def visit_tallies(self, scope: ReportScope) -> list[Tally]:
        """Visits registered, by type, for the first responder at their window."""
        where = [Visit.site_id == scope.site_id, *self._filters(scope, Visit.window_id, None)]
        tallies: list[Tally] = []
        for kind in ("consultation", "application", "complaint", "other"):
            tallies += self._grouped(
                scope,
                f"visits_{kind}",
                Visit.window_id,
                Visit.first_responder_id,
                Visit.registered_at,
                [*where, Visit.visit_type == kind],
            )
        return tallies

    def referral_tallies(self, scope: ReportScope) -> list[Tally]:
        """Referrals made in the period, for the clerk who referred, at the visit's window;
        of those, how many were acknowledged, how many in time, and the minutes it took."""
        source = Referral.__table__.join(Visit.__table__, Visit.id == Referral.visit_id)
        where = [Visit.site_id == scope.site_id, *self._filters(scope, Visit.window_id, None)]
        acknowledged = Referral.acknowledged_at.is_not(None)

        def count(key: str, *extra: Any) -> list[Tally]:
            return self._grouped(
                scope,
                key,
                Visit.window_id,
                Referral.from_staff_id,
                Referral.referred_at,
                [*where, *extra],
                source=source,
            )

        tallies = count("referrals")
        tallies += count("referrals_acknowledged", acknowledged)
        tallies += count(
            "referrals_acknowledged_in_time",
            acknowledged,
            Referral.acknowledged_at <= Referral.due_at,
        )
        columns = [Visit.window_id, Referral.from_staff_id]
        if scope.by_day:
            columns.append(self.hall_day(Referral.referred_at))
        minutes = self._minutes_between(Referral.referred_at, Referral.acknowledged_at)
        stmt = (
            select(*columns, func.sum(minutes))
            .select_from(source)
            .where(
                Referral.referred_at >= scope.start,
                Referral.referred_at < scope.end,
                acknowledged,
                *where,
            )
            .group_by(*columns)
        )
        tallies += [
            Tally(
                "referral_ack_minutes",
                round(row[-1] or 0),
                row[0],
                row[1],
                _day(row[2]) if scope.by_day else None,
            )
            for row in self.s.execute(stmt)
        ]
        return tallies

    def _minutes_between(self, start: Any, end: Any) -> Any:
        if self.dialect == "postgresql":
            return func.extract("epoch", end - start) / 60
        return (func.julianday(end) - func.julianday(start)) * 1440

    def agency_tallies(self, scope: ReportScope) -> list[Tally]:
        """Cases taken on as agency cases in the period, for the agent, at the case's window."""
        return self._grouped(
            scope,
            "agency_cases",
            CaseFile.window_id,
            AgencyCase.agent_id,
            AgencyCase.taken_on_at,
            [
                CaseFile.site_id == scope.site_id,
                *self._filters(scope, CaseFile.window_id, CaseFile.item_version_id),
            ],
            source=AgencyCase.__table__.join(CaseFile.__table__, CaseFile.id == AgencyCase.case_id),
        )

    def appointment_tallies(self, scope: ReportScope) -> list[Tally]:
        """Kept (checked in, for the clerk who checked the visitor in), missed (no-shows, per
        window) and walk-ins: cases accepted that did not come through an appointment."""
        where = [
            Appointment.site_id == scope.site_id,
            *self._filters(scope, Appointment.window_id, None),
        ]
        kept = self._grouped(
            scope,
            "appointments_kept",
            Appointment.window_id,
            Appointment.checked_in_by,
            Appointment.checked_in_at,
            [*where, Appointment.state == "checked_in"],
        )
        columns: list[Any] = [Appointment.window_id]
        if scope.by_day:
            columns.append(Appointment.day)
        missed_stmt = (
            select(*columns, func.count())
            .where(
                Appointment.day >= scope.first_day,
                Appointment.day <= scope.last_day,
                Appointment.state == "no_show",
                *where,
            )
            .group_by(*columns)
        )
        missed = [
            Tally(
                "appointments_missed",
                int(row[-1]),
                row[0],
                None,
                _day(row[1]) if scope.by_day else None,
            )
            for row in self.s.execute(missed_stmt)
        ]
        # Per case accepted in the period, one probe of the visits' case index (a list of
        # every visit that came by appointment read ten years of visits: 90 ms a day's log).
        by_appointment = exists().where(
            Visit.case_id == CaseFile.id, Visit.appointment_id.is_not(None)
        )
        walk_ins = self._grouped(
            scope,
            "walk_ins",
            CaseFile.window_id,
            CaseFile.accepted_by,
            CaseFile.accepted_at,
            [
                CaseFile.site_id == scope.site_id,
                ~by_appointment,
                *self._filters(scope, CaseFile.window_id, CaseFile.item_version_id),
            ],
        )
        return kept + missed + walk_ins

    def rating_tallies(self, scope: ReportScope) -> list[Tally]:
        """Ratings given in the period (those set aside on appeal left out), for the rated
        clerk: all, satisfied (the top three levels) and bad (the bottom two)."""
        where = [
            Rating.site_id == scope.site_id,
            Rating.excluded.is_(False),
            *self._filters(scope, Rating.window_id, None),
        ]

        def count(key: str, *extra: Any) -> list[Tally]:
            return self._grouped(
                scope,
                key,
                Rating.window_id,
                Rating.rated_staff_id,
                Rating.rated_at,
                [*where, *extra],
            )

        bad = ("dissatisfied", "very_dissatisfied")
        return (
            count("ratings")
            + count("ratings_satisfied", Rating.level.not_in(bad))
            + count("ratings_bad", Rating.level.in_(bad))
        )

    def complaint_tallies(self, scope: ReportScope) -> list[Tally]:
        """Complaints received in the period, and those found substantiated in it, against the
        clerk and window they name (None: the center as a whole)."""
        where = [
            Complaint.site_id == scope.site_id,
            *self._filters(scope, Complaint.window_id, None),
        ]
        received = self._grouped(
            scope,
            "complaints",
            Complaint.window_id,
            Complaint.staff_id,
            Complaint.received_at,
            where,
        )
        substantiated = self._grouped(
            scope,
            "complaints_substantiated",
            Complaint.window_id,
            Complaint.staff_id,
            Complaint.concluded_at,
            [*where, Complaint.substantiated.is_(True)],
        )
        return received + substantiated

    # -- accountability ----------------------------------------------------------------------
    def accountability_tallies(self, scope: ReportScope) -> list[Tally]:
        # A record hangs off a case (overdue), a notice (a breach of the one-time rule) or a
        # complaint found substantiated; its window and site come from that.
        window = func.coalesce(CaseFile.window_id, Notice.window_id, Complaint.window_id)
        version = func.coalesce(CaseFile.item_version_id, Notice.item_version_id)
        source = (
            AccountabilityRecord.__table__.outerjoin(
                CaseFile.__table__, CaseFile.id == AccountabilityRecord.case_id
            )
            .outerjoin(Notice.__table__, Notice.id == AccountabilityRecord.notice_id)
            .outerjoin(Complaint.__table__, Complaint.id == AccountabilityRecord.complaint_id)
        )
        where = [
            or_(
                CaseFile.site_id == scope.site_id,
                Notice.site_id == scope.site_id,
                Complaint.site_id == scope.site_id,
            ),
            *self._filters(scope, window, version),
        ]
        staff = AccountabilityRecord.responsible_id
        tallies = self._grouped(
            scope,
            "accountability_opened",
            window,
            staff,
            AccountabilityRecord.opened_at,
            where,
            source,
        )
        tallies += self._grouped(
            scope,
            "accountability_overdue",
            window,
            staff,
            AccountabilityRecord.opened_at,
            [*where, AccountabilityRecord.kind == "overdue"],
            source,
        )
        tallies += self._grouped(
            scope,
            "accountability_reviewed",
            window,
            staff,
            AccountabilityRecord.reviewed_at,
            [*where, AccountabilityRecord.reviewed_at.is_not(None)],
            source,
        )
        return tallies


def _jsonb() -> Any:
    from sqlalchemy.dialects.postgresql import JSONB

    return JSONB()


def _day(value: Any) -> date:
    """A date from the database: PostgreSQL gives dates, SQLite ISO text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])

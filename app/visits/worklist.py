"""My work list (the clerk's start screen): referrals waiting for me, my open visits, my cases
by urgency, deferred materials due, and one search across visits, notices and cases.

"Me" includes every colleague I stand in for (their B post, while they are away). Lists are
keyset-paged id lists, filtered and ordered in SQL; rows are fetched for the ids on screen.
Cases come from ``app.cases.queries`` (their warning levels are computed there, not here).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from app.cases.common import COUNTER_ROLES
from app.cases.queries import PAGE_SIZE, Page
from app.cases.records import CaseQuery
from app.errors import PermissionDenied, ValidationError
from app.numbering import NumberKind, ParsedNumber, parse_number
from app.ports import UnitOfWork
from app.roles import ANY_ROLE, Actor, Role, allowed_roles
from app.validation import (
    mask_id,
    mask_phone,
    refuse_lone_surrogates,
    validate_phone,
    validate_resident_id,
)
from app.visits.common import covered_absences
from app.visits.lifecycle import OPEN_STATES, STATE_LABELS, VisitType
from app.visits.records import (
    AbsenceRecord,
    DeferredRow,
    ReferralQuery,
    ReferralRow,
    SearchHit,
    VisitQuery,
    VisitRow,
)

SEARCH_LIMIT = 20


@dataclass(frozen=True)
class Queue:
    """Whose work is in the actor's queue now: their own, and that of each colleague away for
    whom they are the B post (with the windows and departments those colleagues receive for)."""

    now: datetime
    staff_ids: frozenset[int]
    standing_in: tuple[AbsenceRecord, ...]
    windows: frozenset[int]
    departments: frozenset[int]

    def visits(self) -> VisitQuery:
        return VisitQuery(holder_ids=self.staff_ids, states=OPEN_STATES, as_of=self.now)

    def referrals(self) -> ReferralQuery:
        return ReferralQuery(
            for_staff=self.staff_ids,
            for_windows=self.windows,
            for_departments=self.departments,
            overdue_as_of=None,
        )

    def cases(self) -> CaseQuery:
        from app.cases.lifecycle import OPEN_STATES as OPEN_CASES

        return CaseQuery(owner_ids=self.staff_ids, states=OPEN_CASES, order="urgency")


@allowed_roles(*COUNTER_ROLES)
def my_queue(uow: UnitOfWork, actor: Actor) -> Queue:
    now = uow.clock.now()
    with uow.read():
        covering = tuple(covered_absences(uow, actor, now))
        ids = frozenset({actor.staff_id, *(a.staff_id for a in covering)})
        staff = [s for s in uow.staff.list(actor.site_id) if s.id in ids]
        windows = frozenset(s.window_id for s in staff if s.window_id is not None)
        departments = frozenset(
            w.department_id
            for w in uow.sites.windows(actor.site_id)
            if w.id in windows and w.department_id is not None
        )
    return Queue(now, ids, covering, windows, departments)


# -- visits ------------------------------------------------------------------------------------


@allowed_roles(*ANY_ROLE)
def page_visit_ids(
    uow: UnitOfWork,
    actor: Actor,
    query: VisitQuery,
    after: tuple[Any, ...] | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    with uow.read():
        found = uow.visits.query_visit_ids(query, after, limit)
    return _page(found, limit)


@allowed_roles(*ANY_ROLE)
def visit_rows(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> list[VisitRow]:
    """The rows, an open application visit with how long its materials have waited for a
    decision on acceptance (行政许可法 Art. 32(4): five working days)."""
    from app.calendar import load_calendar
    from app.cases.deadlines import local_day
    from app.notices.service import acceptance_clock

    now = uow.clock.now()
    with uow.read():
        rows = uow.visits.visit_rows(ids, now)
        calendar = load_calendar(uow) if rows else None
    today = local_day(now)
    timed = []
    for row in rows:
        if (
            calendar is not None
            and row.visit_type is VisitType.APPLICATION
            and (row.state in OPEN_STATES)
        ):
            day, warning = acceptance_clock(calendar, local_day(row.registered_at), today)
            row = replace(row, acceptance_day=day, acceptance_warning=warning)
        timed.append(row)
    return timed


@allowed_roles(*ANY_ROLE)
def count_visits(uow: UnitOfWork, actor: Actor, query: VisitQuery) -> int:
    with uow.read():
        return uow.visits.count_visits(query)


# -- referrals ---------------------------------------------------------------------------------


def _check_referral_query(actor: Actor, query: ReferralQuery) -> None:
    if query.everyone and actor.role is Role.CLERK:
        raise PermissionDenied("全中心的转办情况只有中心负责人可以查看")


@allowed_roles(*ANY_ROLE)
def page_referral_ids(
    uow: UnitOfWork,
    actor: Actor,
    query: ReferralQuery,
    after: tuple[Any, ...] | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """Pending referrals, the earliest limit first (overdue ones lead)."""
    _check_referral_query(actor, query)
    with uow.read():
        found = uow.visits.query_referral_ids(query, after, limit)
    return _page(found, limit)


@allowed_roles(*ANY_ROLE)
def referral_rows(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> list[ReferralRow]:
    with uow.read():
        return uow.visits.referral_rows(ids, uow.clock.now())


@allowed_roles(*ANY_ROLE)
def count_referrals(uow: UnitOfWork, actor: Actor, query: ReferralQuery) -> int:
    _check_referral_query(actor, query)
    with uow.read():
        return uow.visits.count_referrals(query)


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def overdue_referrals(uow: UnitOfWork, actor: Actor) -> ReferralQuery:
    """The supervisor's list: every referral of the center not acknowledged in time."""
    return ReferralQuery(everyone=True, overdue_as_of=uow.clock.now())


# -- deferred materials ------------------------------------------------------------------------


@allowed_roles(*ANY_ROLE)
def page_deferred_ids(
    uow: UnitOfWork,
    actor: Actor,
    owner_ids: frozenset[int],
    due_by: date | None = None,
    after: tuple[Any, ...] | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """Cases of these owners still waiting for deferred materials, the earliest date first."""
    with uow.read():
        found = uow.worklist.query_deferred_ids(owner_ids, due_by, after, limit)
    return _page(found, limit)


@allowed_roles(*ANY_ROLE)
def deferred_rows(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> list[DeferredRow]:
    """The rows, each marked overdue once its supply-by day has passed (the case opens an
    accountability record and may be suspended or terminated: app.cases.deferral)."""
    from app.cases.deadlines import local_day
    from app.cases.deferral import is_overdue

    today = local_day(uow.clock.now())
    with uow.read():
        rows = uow.worklist.deferred_rows(ids)
    return [replace(r, overdue=is_overdue(r.supply_by, today)) for r in rows]


@allowed_roles(*ANY_ROLE)
def count_deferred(
    uow: UnitOfWork, actor: Actor, owner_ids: frozenset[int], due_by: date | None = None
) -> int:
    with uow.read():
        return uow.worklist.count_deferred(owner_ids, due_by)


def _page(found: list[tuple[int, tuple[Any, ...]]], limit: int) -> Page:
    ids = [item_id for item_id, _ in found]
    return Page(ids, found[-1][1] if len(found) == limit else None)


# -- one search box ----------------------------------------------------------------------------


@allowed_roles(*ANY_ROLE)
def search_work(uow: UnitOfWork, actor: Actor, text: str) -> list[SearchHit]:
    """Visits, one-time notices and cases by number, resident ID, phone or name; a scanned QR
    code (its payload verified first) finds the document's record."""
    typed = unicodedata.normalize("NFKC", refuse_lone_surrogates(text or "", "text")).strip()
    if not typed:
        raise ValidationError.single("text", "请输入编号、身份证号、电话或姓名，或扫描二维码")
    number = _scanned_number(uow, typed) or parse_number(typed)
    if number is not None:
        return _by_number(uow, actor, number)
    compact = re.sub(r"[\s-]", "", typed)
    criteria: dict[str, str]
    if len(compact) in (15, 18) and compact[:-1].isdigit():
        criteria = {"id_number": validate_resident_id(compact, field="text")}
    elif compact.isdigit() and len(compact) >= 7:
        criteria = {"phone": validate_phone(compact, field="text")}
    else:
        criteria = {"name": typed}
    return _by_person(uow, actor, criteria)


def _scanned_number(uow: UnitOfWork, text: str) -> ParsedNumber | None:
    """The record number a scanned payload points to, after its signature checked out."""
    from app.printing.kinds import DocumentKind, kind_spec
    from app.signing import looks_like_payload, verify_payload

    if not looks_like_payload(text):
        return None
    verdict = verify_payload(uow, text)
    if not verdict.genuine:
        raise ValidationError.single("text", f"核验码无效：{verdict.reason}")
    if verdict.kind in (DocumentKind.GUIDE, DocumentKind.REFUSAL, DocumentKind.DAILY_LOG):
        title = kind_spec(verdict.kind).title
        raise ValidationError.single(
            "text", f"这是{title}（{verdict.number}），不是来访、告知单或办件"
        )
    # A paper numbered after its case (a correction request) finds its case.
    parsed = parse_number(verdict.number or "")
    if parsed is None:
        raise ValidationError.single("text", f"核验码中的编号无法识别：{verdict.number}")
    return parsed


def _by_number(uow: UnitOfWork, actor: Actor, parsed: ParsedNumber) -> list[SearchHit]:
    kind, number = parsed.kind, parsed.record
    with uow.read():
        if kind is NumberKind.VISIT:
            visit = uow.visits.by_number(number)
            return (
                [_visit_hit(v) for v in uow.visits.visit_rows([visit.id], uow.clock.now())]
                if visit
                else []
            )
        if kind is NumberKind.REFERRAL:
            referral = uow.visits.referral_by_number(number)
            if referral is None:
                return []
            return [
                _visit_hit(v) for v in uow.visits.visit_rows([referral.visit_id], uow.clock.now())
            ]
        if kind is NumberKind.NOTICE:
            notice = uow.notices.by_number(number)
            return [_notice_hit(notice)] if notice else []
        case = uow.cases.by_number(number)
        return [_case_hit(uow, actor, case.id)] if case else []


def _by_person(uow: UnitOfWork, actor: Actor, criteria: dict[str, str]) -> list[SearchHit]:
    from app.cases import queries

    text = next(iter(criteria.values()))
    with uow.read():
        visit_ids = uow.visits.find_visit_ids(**criteria, limit=SEARCH_LIMIT)
        visits = uow.visits.visit_rows(visit_ids, uow.clock.now())
        notices = [uow.notices.get(i) for i in uow.notices.find_ids(**criteria, limit=SEARCH_LIMIT)]
        page = queries.page_case_ids(uow, actor, CaseQuery(text=text), None, SEARCH_LIMIT)
        cases = [_case_hit(uow, actor, case_id) for case_id in page.ids]
    hits = [_visit_hit(v) for v in visits] + [_notice_hit(n) for n in notices if n] + cases
    return sorted(hits, key=lambda h: h.at, reverse=True)


def _visit_hit(row: VisitRow) -> SearchHit:
    return SearchHit(
        kind="visit",
        id=row.id,
        number=row.number,
        name=row.visitor_name,
        id_masked="",
        phone_masked=row.phone_masked,
        summary=row.question,
        at=row.registered_at,
        state=STATE_LABELS[row.state],
    )


def _notice_hit(notice: Any) -> SearchHit:
    a = notice.applicant
    states = {"open": "待补齐材料", "accepted": "已受理", "closed": "已结束"}
    return SearchHit(
        kind="notice",
        id=notice.id,
        number=notice.number,
        name=a.name,
        id_masked=mask_id(a.id_number) if a.id_number else "",
        phone_masked=mask_phone(a.phone) if a.phone else "",
        summary=notice.item_name,
        at=notice.issued_at,
        state=states.get(str(notice.state), str(notice.state)),
    )


def _case_hit(uow: UnitOfWork, actor: Actor, case_id: int) -> SearchHit:
    from app.cases.lifecycle import STATE_LABELS as CASE_STATES

    case = uow.cases.get(case_id)
    assert case is not None
    a = case.applicant
    return SearchHit(
        kind="case",
        id=case.id,
        number=case.number,
        name=a.name,
        id_masked=mask_id(a.id_number) if a.id_number else "",
        phone_masked=mask_phone(a.phone) if a.phone else "",
        summary=case.item_name,
        at=case.accepted_at,
        state=CASE_STATES[case.state],
    )

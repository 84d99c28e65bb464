"""Reading cases: keyset-paged lists, search, one case in full, warning counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.calendar import load_calendar
from app.cases.deadlines import StepStatus, case_deadline, local_day, step_statuses
from app.cases.lifecycle import CaseAction, SuspensionKind, allowed_actions
from app.cases.papers import case_papers
from app.cases.records import AccountabilityView, CaseQuery, CaseRecord, CaseRow
from app.errors import NotFound
from app.ports import UnitOfWork
from app.printing.kinds import DocumentKind
from app.roles import ANY_ROLE, Actor, Role, allowed_roles
from app.warning_levels import URGENCY
from app.workdays import Deadline

PAGE_SIZE = 200


@dataclass(frozen=True)
class Page:
    ids: list[int]
    next_after: tuple[Any, ...] | None  # None when this was the last page


@allowed_roles(*ANY_ROLE)
def page_case_ids(
    uow: UnitOfWork,
    actor: Actor,
    query: CaseQuery,
    after: tuple[Any, ...] | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """One page of ids in list order; filtering and sorting happen in SQL."""
    with uow.read():
        found = uow.cases.query_ids(query, after, limit)
    ids = [case_id for case_id, _ in found]
    next_after = found[-1][1] if len(found) == limit else None
    return Page(ids, next_after)


@allowed_roles(*ANY_ROLE)
def case_rows(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> list[CaseRow]:
    with uow.read():
        return uow.cases.rows(ids)


@allowed_roles(*ANY_ROLE)
def count_cases(uow: UnitOfWork, actor: Actor, query: CaseQuery) -> int:
    with uow.read():
        return uow.cases.count(query)


@dataclass(frozen=True)
class CaseDetail:
    case: CaseRecord
    deadline: Deadline
    steps: list[StepStatus]
    actions: list[CaseAction]
    today: date
    # Deferred (容缺) materials not supplied yet: (catalog material id, name).
    outstanding: tuple[tuple[int, str], ...] = ()
    # Those of them whose supply-by day has passed (the case may be suspended or terminated).
    overdue: tuple[tuple[int, str], ...] = ()
    # The kinds of suspension the case may take now (an overdue deferral's only when there is one).
    suspension_kinds: tuple[SuspensionKind, ...] = ()
    # The papers that can be printed for the case now (app.cases.papers).
    papers: tuple[DocumentKind, ...] = ()
    # The county's code when the case may be handed over to it (app.handover.case_moves).
    hand_over_to: str = ""

    @property
    def explanation(self) -> str:
        return self.deadline.explain()


@allowed_roles(*ANY_ROLE)
def case_detail(uow: UnitOfWork, actor: Actor, case_id: int) -> CaseDetail:
    from app.catalog.service import get_version

    with uow.read():
        case = uow.cases.get(case_id)
        if case is None:
            raise NotFound(f"没有编号为 {case_id} 的办件")
        calendar = load_calendar(uow)
        version = get_version(uow, case.item_version_id)
    today = local_day(uow.clock.now())
    steps = step_statuses(
        case, [(s.position, s.name, s.days) for s in version.steps], calendar, today
    )
    from app.cases.deferral import outstanding as deferred_outstanding
    from app.cases.deferral import overdue as deferred_overdue

    owed = deferred_outstanding(case)
    late = deferred_overdue(case, today)
    outstanding = tuple((m.id, m.name) for m in version.materials if m.id in owed)
    overdue = tuple((m.id, m.name) for m in version.materials if m.id in late)
    actions = allowed_actions(case.state)
    if actor.role is not Role.SUPERVISOR:
        actions = [a for a in actions if a is not CaseAction.EXTEND]
    if not outstanding:
        actions = [a for a in actions if a is not CaseAction.SUPPLY]
    if not overdue:
        actions = [a for a in actions if a is not CaseAction.TERMINATE]
    kinds = tuple(k for k in SuspensionKind if overdue or k is not SuspensionKind.DEFERRAL_OVERDUE)
    from app.handover import case_moves

    actions, hand_over_to = case_moves(uow, actor, case, version, actions)
    return CaseDetail(
        case,
        case_deadline(case, calendar),
        steps,
        actions,
        today,
        outstanding,
        overdue,
        kinds,
        tuple(case_papers(case)),
        hand_over_to,
    )


@allowed_roles(*ANY_ROLE)
def find_case_by_number(uow: UnitOfWork, actor: Actor, number: str) -> CaseRecord | None:
    with uow.read():
        return uow.cases.by_number(number)


@allowed_roles(*ANY_ROLE)
def warning_counts(uow: UnitOfWork, actor: Actor, mine: bool = True) -> dict[str, int]:
    """Open cases by warning level: the status bar's count and the clerk's first view. "Mine"
    are the cases the work list shows: the actor's own and those of colleagues away now for
    whom they stand in (A/B post)."""
    from app.visits.common import covered_absences

    with uow.read():
        owners = None
        if mine:
            covering = covered_absences(uow, actor, uow.clock.now())
            owners = frozenset({actor.staff_id, *(a.staff_id for a in covering)})
        counts = uow.cases.warning_counts(owners)
    return {level: counts.get(level, 0) for level in URGENCY}


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def list_accountability(
    uow: UnitOfWork, actor: Actor, state: str | None = "open", limit: int = 500
) -> list[AccountabilityView]:
    with uow.read():
        return uow.cases.list_accountability(state, limit)

"""A case belongs to one site at a time (乡镇代收、县级审批).

A township convenience center accepts applications for items a county department decides (the
catalog version's ``decision_level`` is "county"). The township hands the case over to the
county (``hand_over``), the county decides it, and hands it back (``hand_back``) so that the
township delivers the result and prints the completion notice. While a case is away, only the
site that owns it (``case_file.owner_site_id``) may act on it: every case action passes
``require_owner`` (through ``app.cases.transitions.may_act``), and the refusal names the owner,
so two sites never edit the same case and a bundle travelling between them never conflicts.

The deadline keeps running across the hand-over: the law counts from the township's acceptance,
so a hand-over neither pauses nor moves the due date. Each hand-over is an event in the case's
history and an audit event, in the same transaction as the change of owner.
"""

from __future__ import annotations

from app import audit
from app.cases.common import COUNTER_ROLES, load_case, optional_note
from app.cases.lifecycle import ACTION_LABELS, STATE_LABELS, CaseAction, CaseState
from app.cases.ownership import is_handed_over, owner_site
from app.cases.ports import CaseStore
from app.cases.records import CaseRecord
from app.cases.transitions import may_act, transition_event, transition_summary
from app.catalog.records import DecisionLevel, ItemVersionRecord
from app.errors import NotFound, ValidationError
from app.records import SiteLevel, SiteRecord
from app.roles import Actor, allowed_roles
from app.transitions import TransitionTable

S, A = CaseState, CaseAction
# A case goes to the county while it is open and its clock runs (a case waiting for the
# applicant's corrections stays where the applicant hands them in); it comes back decided.
HANDOVER = TransitionTable(
    "办件",
    {
        (S.ACCEPTED, A.HAND_OVER): S.ACCEPTED,
        (S.IN_PROGRESS, A.HAND_OVER): S.IN_PROGRESS,
        (S.DECIDED, A.HAND_BACK): S.DECIDED,
    },
    STATE_LABELS,
    ACTION_LABELS,
)


@allowed_roles(*COUNTER_ROLES)
def hand_over(
    uow: CaseStore, actor: Actor, case_id: int, to_site_code: str, note: str = ""
) -> CaseRecord:
    """移交县级审批: the township's case of a county-decided item goes to the county's center,
    which decides it. Its deadline keeps running."""
    from app.catalog.service import get_version

    if not isinstance(to_site_code, str) or not to_site_code.strip():
        raise ValidationError.single("to_site", "请选择移交到的县级服务中心")
    text = optional_note(note)
    with uow.write():
        case = load_case(uow, case_id)
        _check_actor(uow, actor, case)
        here = owner_site(uow, case)
        target = uow.sites.by_code(to_site_code.strip().upper())
        if target is None:
            raise NotFound(f"没有代码为“{to_site_code.strip()}”的服务中心")
        if is_handed_over(case):
            raise ValidationError.single("to_site", f"办件 {case.number} 已移交{here.name}")
        if here.level is not SiteLevel.TOWNSHIP:
            raise ValidationError.single("to_site", "只有乡镇便民服务中心的办件才移交县级审批")
        if target.level is not SiteLevel.COUNTY:
            raise ValidationError.single("to_site", f"{target.name}不是县级服务中心")
        version = get_version(uow, case.item_version_id)
        if version.decision_level != DecisionLevel.COUNTY:
            raise ValidationError.single(
                "to_site", f"事项“{version.name}”由本中心作出决定，不需移交县级审批"
            )
        return _move(uow, actor, case, A.HAND_OVER, here, target, text)


@allowed_roles(*COUNTER_ROLES)
def hand_back(uow: CaseStore, actor: Actor, case_id: int, note: str = "") -> CaseRecord:
    """退回乡镇送达: the county has decided a township's case; it goes back to the township,
    which delivers the result and prints the completion notice."""
    text = optional_note(note)
    with uow.write():
        case = load_case(uow, case_id)
        _check_actor(uow, actor, case)
        if not is_handed_over(case):
            raise ValidationError.single("case", f"办件 {case.number} 未移交，无需退回")
        here = owner_site(uow, case)
        home = uow.sites.get(case.site_id)
        if home is None:
            raise NotFound(f"找不到受理办件 {case.number} 的服务中心")
        return _move(uow, actor, case, A.HAND_BACK, here, home, text)


def case_moves(
    uow: CaseStore,
    actor: Actor,
    case: CaseRecord,
    version: ItemVersionRecord,
    actions: list[CaseAction],
) -> tuple[list[CaseAction], str]:
    """What the case window offers the actor: nothing at a site that does not own the case;
    there, ``actions`` (the life cycle's) plus handing it over to the county (a township's
    case of a county-decided item; the county's code returned with it) or back (decided at
    the county)."""
    if case.owner_site_id != actor.site_id:
        return [], ""
    moves = list(actions)
    county = ""
    with uow.read():
        here = uow.sites.get(case.owner_site_id)
        counties = [s for s in uow.sites.all() if s.level is SiteLevel.COUNTY]
    if is_handed_over(case):
        if HANDOVER.allows(case.state, A.HAND_BACK):
            moves.append(A.HAND_BACK)
    elif (
        HANDOVER.allows(case.state, A.HAND_OVER)
        and version.decision_level == DecisionLevel.COUNTY
        and here is not None
        and here.level is SiteLevel.TOWNSHIP
        and len(counties) == 1
    ):
        moves.append(A.HAND_OVER)
        county = counties[0].code
    return moves, county


def _check_actor(uow: CaseStore, actor: Actor, case: CaseRecord) -> None:
    may_act(uow, actor, case)  # the owning site first, then who at it may move the case


def _move(
    uow: CaseStore,
    actor: Actor,
    case: CaseRecord,
    action: CaseAction,
    here: SiteRecord,
    there: SiteRecord,
    note: str,
) -> CaseRecord:
    state = HANDOVER.next_state(case.state, action, f"办件 {case.number}")
    detail = {"from_site": here.code, "to_site": there.code}
    owner = actor.staff_id if is_handed_over(case) else case.owner_id
    event = transition_event(actor, owner, uow.clock.now(), action, case.state, state, note, detail)
    # The deadline keeps running: neither the due date nor the warning card moves.
    uow.cases.update(case.id, case.row_version, owner_site_id=there.id)
    uow.cases.add_event(case.id, event)
    before, after = transition_summary(event, case.due_date, case.due_date)
    audit.record(uow, actor, f"case_{action}", "case", case.number, before, after)
    return load_case(uow, case.id)

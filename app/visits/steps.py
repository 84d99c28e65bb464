"""What each move of a visit writes, without storage: the visit row, its chain event, its
referral row and the audit event's "after", from values already checked. The services in
``app.visits.service`` check, store and audit them in one transaction; the scale simulator
(``sim/bulk.py``) writes the same rows in batches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.roles import Actor
from app.visits.lifecycle import (
    OUTCOME_OF,
    ReferralKind,
    ReferralState,
    VisitAction,
    VisitState,
    next_state,
)
from app.visits.records import (
    NewReferral,
    NewVisit,
    VisitEventRecord,
)
from app.workdays import WorkCalendar


def registration(
    actor: Actor,
    clean: dict[str, Any],
    needs_escort: bool,
    number: str,
    site_id: int,
    window_id: int | None,
    now: datetime,
) -> tuple[NewVisit, VisitEventRecord, dict[str, Any]]:
    """The visit ``register_visit`` stores (``clean`` as ``check_visitor`` returns it), its
    first event and its audit event's after. The scale simulator (sim/bulk.py) writes the same."""
    new = NewVisit(
        number=number,
        site_id=site_id,
        window_id=window_id,
        visitor_name=clean["visitor_name"],
        phone=clean["phone"],
        id_number=clean["id_number"],
        question=clean["question"],
        visit_type=clean["visit_type"],
        needs_escort=needs_escort,
        first_responder_id=actor.staff_id,
        registered_at=now,
    )
    event = VisitEventRecord(
        at=now,
        staff_id=actor.staff_id,
        action=VisitAction.REGISTER,
        from_state=VisitState.OPEN,
        to_state=VisitState.OPEN,
        holder_id=actor.staff_id,
    )
    return new, event, {"type": str(clean["visit_type"]), "escort": needs_escort}


@dataclass(frozen=True)
class VisitStep:
    """One move of a visit as its service stores it: the visit's new columns, the chain's
    event, and the audit event (its action, before and after)."""

    changes: dict[str, Any]
    event: VisitEventRecord
    audit_action: str
    before: dict[str, Any]
    after: dict[str, Any]


def ending(
    actor: Actor,
    state: VisitState,
    holder_id: int,
    on_behalf: int | None,
    action: VisitAction,
    text: str,
    reference: str,
    case_id: int | None,
    guide: str,
    now: datetime,
) -> VisitStep:
    """A visit ends with its outcome (answered, or the application it became)."""
    new_state = next_state(state, action)
    outcome = OUTCOME_OF[action]
    changes = {
        "state": str(new_state),
        "outcome": str(outcome),
        "outcome_text": text,
        "outcome_ref": reference,
        "case_id": case_id,
        "guide_code": guide,
        "closed_at": now,
        "closed_by": actor.staff_id,
    }
    detail = {"outcome": str(outcome), "ref": reference, "guide": guide}
    event = visit_event(actor, state, new_state, action, holder_id, on_behalf, text, detail, now)
    after = {"state": str(new_state), "outcome": str(outcome), "ref": reference}
    before = {"state": str(state)}
    return VisitStep(changes, event, f"visit_{action}", before, with_behalf(after, on_behalf))


@dataclass(frozen=True)
class ReferralTarget:
    """Where a referral goes, resolved from the clerk's choice (``referral_target``)."""

    kind: ReferralKind
    staff_id: int | None = None
    window_id: int | None = None
    department_id: int | None = None
    body: str = ""
    contact: str = ""
    phone: str = ""
    label: str = ""


def referral_due(now: datetime, hall: Mapping[str, str], calendar: WorkCalendar) -> datetime:
    """A referral is to be acknowledged within the hall's ``referral_ack_hours`` working hours."""
    from app.workhours import add_working_hours, parse_hall_hours

    minutes = int(hall["referral_ack_hours"]) * 60
    return add_working_hours(now, minutes, calendar, parse_hall_hours(hall["hall_hours"]))


def new_referral(
    actor: Actor,
    visit_id: int,
    target: ReferralTarget,
    on_behalf: int | None,
    item_version_id: int | None,
    reason: str,
    number: str,
    now: datetime,
    due: datetime,
) -> NewReferral:
    return NewReferral(
        number=number,
        visit_id=visit_id,
        kind=target.kind,
        from_staff_id=actor.staff_id,
        on_behalf_of=on_behalf,
        to_window_id=target.window_id,
        to_department_id=target.department_id,
        to_staff_id=target.staff_id,
        to_body=target.body,
        to_contact=target.contact,
        to_phone=target.phone,
        item_version_id=item_version_id,
        reason=reason,
        referred_at=now,
        due_at=due,
    )


def referring(
    actor: Actor,
    state: VisitState,
    holder_id: int,
    on_behalf: int | None,
    referral_id: int,
    number: str,
    target: ReferralTarget,
    reason: str,
    now: datetime,
    due: datetime,
) -> VisitStep:
    """The visit waits for its referral ``number`` to be acknowledged by ``due``."""
    new_state = next_state(state, VisitAction.REFER)
    detail = {"referral": number, "to": target.label, "kind": str(target.kind)}
    event = visit_event(
        actor,
        state,
        new_state,
        VisitAction.REFER,
        holder_id,
        on_behalf,
        reason,
        detail,
        now,
        referral_id,
    )
    after = with_behalf({"state": str(new_state), **detail, "due": due}, on_behalf)
    changes = {"state": str(new_state), "pending_due_at": due}
    return VisitStep(changes, event, "visit_referred", {"state": str(state)}, after)


def acknowledging(
    actor: Actor,
    state: VisitState,
    holder_id: int,
    referral_id: int,
    referral_number: str,
    referral_state: ReferralState,
    due_at: datetime,
    on_behalf: int | None,
    note: str,
    now: datetime,
) -> tuple[dict[str, Any], VisitStep]:
    """The receiver (or who acknowledges for them) holds the visit from now on: the
    referral's new columns and the visit's step (the audit names the referral)."""
    new_state = next_state(state, VisitAction.ACKNOWLEDGE)
    holder = on_behalf or actor.staff_id
    late = due_at < now
    referral = {
        "state": str(ReferralState.ACKNOWLEDGED),
        "acknowledged_at": now,
        "acknowledged_by": actor.staff_id,
        "ack_on_behalf_of": on_behalf,
        "ack_note": note,
    }
    detail = {"referral": referral_number, "late": late}
    event = visit_event(
        actor,
        state,
        new_state,
        VisitAction.ACKNOWLEDGE,
        holder,
        on_behalf,
        note,
        detail,
        now,
        referral_id,
    )
    changes = {"state": str(new_state), "holder_id": holder, "pending_due_at": None}
    before = {"state": str(referral_state), "holder": holder_id}
    after = with_behalf({"state": "acknowledged", "holder": holder, "late": late}, on_behalf)
    return referral, VisitStep(changes, event, "referral_acknowledged", before, after)


def visit_event(
    actor: Actor,
    state: VisitState,
    new_state: VisitState,
    action: VisitAction,
    holder_id: int,
    on_behalf: int | None,
    reason: str,
    detail: dict[str, Any],
    at: datetime,
    referral_id: int | None = None,
) -> VisitEventRecord:
    """A link of the visit's chain: who acted (for whom), what moved, who holds it after."""
    return VisitEventRecord(
        at=at,
        staff_id=actor.staff_id,
        action=action,
        from_state=state,
        to_state=new_state,
        holder_id=holder_id,
        on_behalf_of=on_behalf,
        referral_id=referral_id,
        reason=reason,
        detail=detail,
    )


def with_behalf(after: dict[str, Any], on_behalf: int | None) -> dict[str, Any]:
    return {**after, "on_behalf_of": on_behalf} if on_behalf is not None else after

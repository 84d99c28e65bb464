"""What the visit services share: loading, who may act on whose matter (the A/B post), who
receives a referral, and the acknowledgement limit in working hours."""

from __future__ import annotations

from datetime import datetime

from app.backup_post import Cover, with_cover
from app.errors import NotFound, PermissionDenied
from app.records import StaffRecord
from app.roles import Actor, Role
from app.site_rules import require_own_record
from app.visits.ports import VisitStore
from app.visits.records import AbsenceRecord, ReferralRecord, VisitRecord


def load_visit(uow: VisitStore, visit_id: int) -> VisitRecord:
    visit = uow.visits.get(visit_id)
    if visit is None:
        raise NotFound(f"没有编号为 {visit_id} 的来访登记")
    return visit


def require_own_visit(
    uow: VisitStore, actor: Actor, visit: VisitRecord, referral: ReferralRecord | None = None
) -> None:
    """A visit (and its referrals) is changed only at the site where it was registered
    (app.site_rules): a county reads its townships' visits but does not act on them."""
    what, label = ("转办", referral.number) if referral else ("来访登记", visit.number)
    require_own_record(uow, what, label, visit.site_id, actor.site_id)


def load_referral(uow: VisitStore, referral_id: int) -> ReferralRecord:
    referral = uow.visits.referral(referral_id)
    if referral is None:
        raise NotFound(f"没有编号为 {referral_id} 的转办记录")
    return referral


def acting_for(uow: VisitStore, actor: Actor, holder_id: int) -> int | None:
    """Whom the actor acts for on a matter held by ``holder_id``: nobody (their own), or the
    holder when the actor stands in for them (their B post; with the holder and the B post both
    away, the next along the chain: ``app.backup_post``) or is a supervisor. Anyone else is
    refused."""
    if actor.staff_id == holder_id:
        return None
    if actor.role is Role.SUPERVISOR:
        return holder_id
    if actor.staff_id in Cover.read(uow, actor.site_id, uow.clock.now()).chain(holder_id):
        return holder_id
    holder = uow.staff.get(holder_id)
    name = holder.name if holder else str(holder_id)
    raise PermissionDenied(f"此事项由{name}负责；您不是其 B 岗，不能办理")


def receivers(uow: VisitStore, site_id: int, referral: ReferralRecord) -> list[StaffRecord]:
    """Who may acknowledge an internal referral as its receiver: the named colleague, else the
    staff of the window, else the staff of the department's windows."""
    if referral.to_staff_id is not None:
        staff = uow.staff.get(referral.to_staff_id)
        return [staff] if staff else []
    everyone = uow.staff.list(site_id)
    if referral.to_window_id is not None:
        return [s for s in everyone if s.window_id == referral.to_window_id]
    if referral.to_department_id is not None:
        windows = {
            w.id for w in uow.sites.windows(site_id) if w.department_id == referral.to_department_id
        }
        return [s for s in everyone if s.window_id in windows]
    return []


def receiving_for(uow: VisitStore, actor: Actor, referral: ReferralRecord) -> int | None:
    """Whom the actor acknowledges for: nobody (a receiver themself), or the receiver whose B
    post the actor is (a supervisor: the named receiver). Anyone else is refused."""
    staff = receivers(uow, actor.site_id, referral)
    if any(s.id == actor.staff_id for s in staff):
        return None
    cover = Cover.read(uow, actor.site_id, uow.clock.now())
    covered = next((s for s in staff if actor.staff_id in cover.chain(s.id)), None)
    if covered is not None:
        return covered.id
    if actor.role is Role.SUPERVISOR:
        return referral.to_staff_id
    raise PermissionDenied(f"这件转办应由{referral.destination}接收，您不能代为接收")


def covered_absences(uow: VisitStore, actor: Actor, now: datetime) -> list[AbsenceRecord]:
    """Colleagues away now for whom the actor stands in (their B post, or the next along the
    chain when the B post is away too): their work is in the actor's queue."""
    current = with_cover(uow, actor.site_id, uow.absences.current(actor.site_id, now), now)
    return [a for a in current if a.covered_by_id == actor.staff_id]

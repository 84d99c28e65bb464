"""不予受理: refusing an application, always in writing, with the reason, its legal basis and,
when the matter belongs elsewhere, where to apply instead. The printed notice adds the
applicant's remedies (administrative review within 60 days, a lawsuit within 6 months:
``app.printing.documents.DEFAULT_REMEDY``), which are fixed by law and so not stored."""

from __future__ import annotations

from app import audit
from app.cases.deadlines import local_day
from app.cases.service import COUNTER_ROLES, check_applicant, window_id_for
from app.errors import NotFound
from app.notices.ports import NoticeStore
from app.notices.records import (
    NewRefusal,
    NoticeState,
    RefusalRecord,
    RefusalRequest,
    RefusalResult,
)
from app.numbering import NumberKind, next_number
from app.roles import ANY_ROLE, Actor, allowed_roles
from app.sites import own_site
from app.validation import FieldErrors, validate_text


def _required(errors: FieldErrors, field: str, value: str, what: str, max_len: int) -> str:
    if not (value or "").strip():
        errors.add(field, f"请填写{what}")
        return ""
    return errors.check(field, validate_text, value, max_len=max_len) or ""


@allowed_roles(*COUNTER_ROLES)
def refuse_application(uow: NoticeStore, actor: Actor, req: RefusalRequest) -> RefusalResult:
    """Store a numbered refusal; a notice it follows is closed. Audit-recorded."""
    from app.catalog.service import get_version
    from app.notices.service import _open_notice

    now = uow.clock.now()
    today = local_day(now)
    errors = FieldErrors()
    applicant = check_applicant(req.applicant, today, errors)
    reason = _required(errors, "reason", req.reason, "不予受理的理由", 2000)
    basis = _required(errors, "legal_basis", req.legal_basis, "法律依据", 2000)
    redirect = (
        errors.check("redirect_to", validate_text, req.redirect_to, max_len=500, required=False)
        or ""
    )
    with uow.write():
        version = get_version(uow, req.item_version_id)
        notice = _open_notice(uow, actor, req.notice_id, lock=True) if req.notice_id else None
        if notice is not None and notice.item_version_id != version.id:
            errors.add("item", "回访时须按原告知单上的事项版本办理")
        errors.raise_if_any()
        site = own_site(uow, actor)
        number = next_number(uow.numbers, site.id, site.code, NumberKind.REFUSAL, today)
        refusal_id = uow.notices.add_refusal(
            NewRefusal(
                number=number,
                site_id=site.id,
                item_version_id=version.id,
                window_id=window_id_for(uow, actor, req.window_number),
                issued_by=actor.staff_id,
                issued_at=now,
                applicant=applicant,
                reason=reason,
                legal_basis=basis,
                redirect_to=redirect,
                notice_id=notice.id if notice else None,
            )
        )
        if notice is not None:
            uow.notices.set_state(notice.id, NoticeState.CLOSED, NoticeState.OPEN)
        audit.record(
            uow,
            actor,
            "application_refused",
            "refusal",
            number,
            None,
            {
                "item": version.code,
                "version": version.version_no,
                "reason": reason,
                "legal_basis": basis,
                "redirect_to": redirect,
                "notice": notice.number if notice else None,
            },
        )
    return RefusalResult(refusal_id, number)


@allowed_roles(*ANY_ROLE)
def get_refusal(uow: NoticeStore, actor: Actor, refusal_id: int) -> RefusalRecord:
    with uow.read():
        refusal = uow.notices.refusal(refusal_id)
    if refusal is None:
        raise NotFound(f"没有编号为 {refusal_id} 的不予受理通知书")
    return refusal


@allowed_roles(*ANY_ROLE)
def find_refusal_by_number(uow: NoticeStore, actor: Actor, number: str) -> RefusalRecord | None:
    with uow.read():
        return uow.notices.refusal_by_number(number)

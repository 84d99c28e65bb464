"""受理 at the counter, whichever way the application came.

The counter screen has one "受理" button; which service stores the case is a rule, not a
screen's choice: an agency case (代办, the checkbox) is accepted and taken on in one transaction;
a return visit with a one-time notice accepts against that notice (it is marked accepted and
linked); otherwise a plain acceptance. Each of those services checks its own roles and inputs.
"""

from __future__ import annotations

from app.agency.records import AgencyTerms
from app.agency.service import accept_agency_case
from app.cases.acceptance import AcceptResult, accept_case
from app.cases.records import AcceptRequest
from app.notices.service import accept_with_notice
from app.ports import UnitOfWork
from app.roles import COUNTER_ROLES, Actor, allowed_roles


@allowed_roles(*COUNTER_ROLES)
def accept_application(
    uow: UnitOfWork,
    actor: Actor,
    req: AcceptRequest,
    *,
    notice_id: int | None = None,
    agency: AgencyTerms | None = None,
) -> AcceptResult:
    if agency is not None:
        return accept_agency_case(uow, actor, req, agency, notice_id)
    if notice_id is not None:
        return accept_with_notice(uow, actor, notice_id, req)
    return accept_case(uow, actor, req)

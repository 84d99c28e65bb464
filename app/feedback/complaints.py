"""投诉: recorded against a clerk, a window, a case or the center; investigated (notes); concluded
by a supervisor with a finding (substantiated or not) and the outcome told to the complainant.
A substantiated complaint with a responsible staff member (the clerk complained about, or one
the investigation names) opens an accountability record (``app.cases.accountability``).

Typical use::

    done = register_complaint(uow, boss, ComplaintInput(ComplaintTarget.STAFF, "态度生硬",
                                                        staff_id=clerk_id))
    add_investigation_note(uow, boss, done.complaint_id, "调取监控，询问当事人")
    conclude_complaint(uow, boss, done.complaint_id, True, "情况属实", "已当面道歉并批评教育")
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app import audit
from app.cases.accountability import open_complaint_record
from app.cases.deadlines import local_day
from app.cases.queries import PAGE_SIZE, Page
from app.errors import NotFound
from app.feedback.lifecycle import COMPLAINT, ComplaintAction
from app.feedback.paging import after_id, id_page
from app.feedback.records import (
    ComplaintChannel,
    ComplaintInput,
    ComplaintQuery,
    ComplaintRecord,
    ComplaintState,
    ComplaintTarget,
    NewComplaint,
)
from app.numbering import NumberKind, next_number
from app.ports import UnitOfWork
from app.roles import SUPERVISING_ROLES, Actor, Role, allowed_roles
from app.site_rules import require_own_record
from app.sites import own_site
from app.validation import FieldErrors, validate_name, validate_phone, validate_text

READERS = SUPERVISING_ROLES


@dataclass(frozen=True)
class ComplaintResult:
    complaint_id: int
    number: str


@dataclass(frozen=True)
class CheckedComplaint:
    """A complaint's typed fields, checked (what it names is checked against the hall later)."""

    target: ComplaintTarget
    channel: ComplaintChannel
    content: str
    complainant_name: str
    complainant_phone: str


def check_complaint(complaint: ComplaintInput, errors: FieldErrors) -> CheckedComplaint | None:
    """The fields of a complaint checked into ``errors``; None when any is wrong."""
    try:
        target = ComplaintTarget(str(complaint.target))
    except ValueError:
        errors.add("target", "请选择投诉对象：工作人员、窗口、办件或服务中心")
        target = None
    try:
        channel = ComplaintChannel(str(complaint.channel))
    except ValueError:
        errors.add("channel", "请选择投诉渠道")
        channel = None
    content = errors.check("content", validate_text, complaint.content, max_len=2000) or ""
    name = complaint.complainant_name.strip()
    if name:
        name = errors.check("complainant_name", validate_name, name) or ""
    phone = complaint.complainant_phone.strip()
    if phone:
        phone = errors.check("complainant_phone", validate_phone, phone) or ""
    if target is None or channel is None:
        return None
    return CheckedComplaint(target, channel, content, name, phone)


def registration_after(new: NewComplaint) -> dict[str, Any]:
    """The audit event's after of a registered complaint (``complaint_registered``)."""
    return {
        "target": str(new.target),
        "staff": new.staff_id,
        "window": new.window_id,
        "case": new.case_id,
        "channel": str(new.channel),
    }


def investigation(
    state: ComplaintState, text: str
) -> tuple[ComplaintState, dict[str, Any], dict[str, Any]]:
    """A note's new state, and its audit event's before and after (``complaint_investigated``)."""
    after = COMPLAINT.next_state(state, ComplaintAction.NOTE)
    return after, {"state": str(state)}, {"state": str(after), "note": text}


def conclusion(
    state: ComplaintState,
    actor: Actor,
    at: datetime,
    substantiated: bool,
    finding: str,
    outcome: str,
    responsible: int | None,
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The complaint's new columns when concluded, and the audit event's before and after
    (``complaint_concluded``). Not substantiated: nobody is responsible."""
    concluded = COMPLAINT.next_state(state, ComplaintAction.CONCLUDE)
    if not substantiated:
        responsible = None
    changes = {
        "state": str(concluded),
        "substantiated": substantiated,
        "finding": finding,
        "outcome": outcome,
        "responsible_id": responsible,
        "concluded_by": actor.staff_id,
        "concluded_at": at,
    }
    after = {
        "state": str(concluded),
        "substantiated": substantiated,
        "responsible": responsible,
        "outcome": outcome,
    }
    return changes, {"state": str(state)}, after


@allowed_roles(Role.SUPERVISOR)
def register_complaint(uow: UnitOfWork, actor: Actor, complaint: ComplaintInput) -> ComplaintResult:
    """Record a complaint; what it is against must be named and must exist."""
    errors = FieldErrors()
    checked = check_complaint(complaint, errors)
    with uow.write():
        target = checked.target if checked else None
        staff_id, window_id, case_id = _targets(uow, actor, complaint, target, errors)
        errors.raise_if_any()
        assert checked is not None
        site = own_site(uow, actor)
        now = uow.clock.now()
        number = next_number(uow.numbers, site.id, site.code, NumberKind.COMPLAINT, local_day(now))
        new = NewComplaint(
            number=number,
            site_id=site.id,
            target=checked.target,
            channel=checked.channel,
            staff_id=staff_id,
            window_id=window_id,
            case_id=case_id,
            complainant_name=checked.complainant_name,
            complainant_phone=checked.complainant_phone,
            content=checked.content,
            received_by=actor.staff_id,
            received_at=now,
        )
        complaint_id = uow.feedback.add_complaint(new)
        audit.record(
            uow, actor, "complaint_registered", "complaint", number, None, registration_after(new)
        )
    return ComplaintResult(complaint_id, number)


def _targets(
    uow: UnitOfWork,
    actor: Actor,
    complaint: ComplaintInput,
    target: ComplaintTarget | None,
    errors: FieldErrors,
) -> tuple[int | None, int | None, int | None]:
    """The staff member, window and case named, each checked; the target one is required.
    A complaint against a clerk records the clerk's usual window unless another is named."""
    staff_id, window_id, case_id = complaint.staff_id, None, None
    windows = uow.sites.windows(actor.site_id)
    if staff_id is not None:
        person = uow.staff.get(staff_id)
        if person is None or person.site_id != actor.site_id:
            errors.add("staff", "没有这名工作人员")
        else:
            window_id = person.window_id
    elif target is ComplaintTarget.STAFF:
        errors.add("staff", "请选择被投诉的工作人员")
    if complaint.window_number is not None:
        window = next((w for w in windows if w.number == complaint.window_number), None)
        if window is None:
            errors.add("window", f"没有 {complaint.window_number} 号窗口")
        else:
            window_id = window.id
    elif target is ComplaintTarget.WINDOW:
        errors.add("window", "请填写被投诉的窗口号")
    number = complaint.case_number.strip()
    if number:
        case = uow.cases.by_number(number)
        if case is None:
            errors.add("case_number", f"没有编号为 {number} 的办件")
        else:
            case_id = case.id
    elif target is ComplaintTarget.CASE:
        errors.add("case_number", "请填写被投诉的办件编号")
    return staff_id, window_id, case_id


@allowed_roles(Role.SUPERVISOR)
def add_investigation_note(uow: UnitOfWork, actor: Actor, complaint_id: int, text: str) -> None:
    """What the investigation found so far; the first note starts the investigation."""
    text = validate_text(text, field="note", max_len=2000)
    with uow.write():
        complaint = _load_own(uow, actor, complaint_id)
        state, before, after = investigation(complaint.state, text)
        now = uow.clock.now()
        uow.feedback.add_complaint_note(complaint_id, actor.staff_id, now, text)
        if state is not complaint.state:
            uow.feedback.update_complaint(complaint_id, str(complaint.state), state=str(state))
        audit.record(
            uow, actor, "complaint_investigated", "complaint", complaint.number, before, after
        )


@allowed_roles(Role.SUPERVISOR)
def conclude_complaint(
    uow: UnitOfWork,
    actor: Actor,
    complaint_id: int,
    substantiated: bool,
    finding: str,
    outcome: str,
    responsible_id: int | None = None,
) -> int | None:
    """The finding and the outcome. Substantiated, with a responsible staff member (the one
    complained about unless the investigation names another): an accountability record is
    opened, and its id returned."""
    errors = FieldErrors()
    if not isinstance(substantiated, bool):
        errors.add("substantiated", "请选择投诉是否属实")
    finding = errors.check("finding", validate_text, finding, max_len=2000) or ""
    outcome = errors.check("outcome", validate_text, outcome, max_len=2000) or ""
    with uow.write():
        complaint = _load_own(uow, actor, complaint_id)
        COMPLAINT.next_state(complaint.state, ComplaintAction.CONCLUDE)  # refused when done
        responsible = responsible_id if responsible_id is not None else complaint.staff_id
        if responsible is not None and responsible_id is not None:
            person = uow.staff.get(responsible)
            if person is None or person.site_id != actor.site_id:
                errors.add("responsible", "没有这名工作人员")
        errors.raise_if_any()
        changes, before, after = conclusion(
            complaint.state, actor, uow.clock.now(), substantiated, finding, outcome, responsible
        )
        responsible = changes["responsible_id"]
        uow.feedback.update_complaint(complaint_id, str(complaint.state), **changes)
        audit.record(
            uow, actor, "complaint_concluded", "complaint", complaint.number, before, after
        )
        if responsible is None:
            return None
        return open_complaint_record(uow, actor, complaint_id, complaint.number, responsible)


def _load(uow: UnitOfWork, complaint_id: int) -> ComplaintRecord:
    complaint = uow.feedback.complaint(complaint_id)
    if complaint is None:
        raise NotFound("没有这件投诉")
    return complaint


def _load_own(uow: UnitOfWork, actor: Actor, complaint_id: int) -> ComplaintRecord:
    """The complaint, to change: only at the site that registered it (app.site_rules)."""
    complaint = _load(uow, complaint_id)
    require_own_record(uow, "投诉", complaint.number, complaint.site_id, actor.site_id)
    return complaint


# -- reading -------------------------------------------------------------------------------


@allowed_roles(*READERS)
def get_complaint(uow: UnitOfWork, actor: Actor, complaint_id: int) -> ComplaintRecord:
    """One complaint with its investigation notes."""
    with uow.read():
        return _load(uow, complaint_id)


@allowed_roles(*READERS)
def page_complaint_ids(
    uow: UnitOfWork,
    actor: Actor,
    query: ComplaintQuery,
    after: tuple[int, ...] | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """Newest first; filters applied in SQL."""
    with uow.read():
        ids = uow.feedback.complaint_ids(query, after_id(after), limit)
    return id_page(ids, limit)


@allowed_roles(*READERS)
def complaint_rows(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> list[ComplaintRecord]:
    with uow.read():
        return uow.feedback.complaint_rows(ids)


@allowed_roles(*READERS)
def count_complaints(uow: UnitOfWork, actor: Actor, query: ComplaintQuery) -> int:
    with uow.read():
        return uow.feedback.count_complaints(query)

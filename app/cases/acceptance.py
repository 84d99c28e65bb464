"""受理: validating the applicant and the materials, numbering and storing an accepted case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app import audit
from app.calendar import load_calendar
from app.cases.accountability import open_overdue_record
from app.cases.common import COUNTER_ROLES, load_case, yellow_ratio
from app.cases.deadlines import local_day
from app.cases.lifecycle import (
    CaseAction,
    CaseState,
)
from app.cases.ports import CaseStore
from app.cases.records import AcceptRequest, ApplicantInput, CaseEventRecord, NewCase
from app.catalog.records import ItemVersionRecord, Necessity
from app.errors import ValidationError
from app.numbering import NumberKind, next_number
from app.roles import Actor, allowed_roles
from app.sites import own_site
from app.validation import (
    ID_TYPES,
    FieldErrors,
    validate_id_document,
    validate_name,
    validate_phone,
    validate_resident_id,
    validate_text,
)
from app.warning_levels import WarningLevel
from app.workdays import Deadline, WorkCalendar, citizen_day, warning_level


@dataclass(frozen=True)
class AcceptResult:
    case_id: int
    number: str
    deadline: Deadline


def check_applicant(applicant: ApplicantInput, today: date, errors: FieldErrors) -> ApplicantInput:
    """Validate and normalise an applicant; every bad field goes into ``errors``."""
    name = errors.check("applicant_name", validate_name, applicant.name)
    id_number = applicant.id_number.strip()
    if applicant.id_type not in ID_TYPES:
        errors.add("id_type", "请选择证件类型")
    else:  # each document by its published format (app.validation.validate_id_document)
        id_number = (
            errors.check(
                "id_number", validate_id_document, id_number, applicant.id_type, today=today
            )
            or ""
        )
    phone = errors.check("phone", validate_phone, applicant.phone)
    agent_name = applicant.agent_name.strip()
    agent_id = applicant.agent_id_number.strip()
    if agent_name or agent_id:
        agent_name = errors.check("agent_name", validate_name, agent_name) or ""
        agent_id = (
            errors.check("agent_id_number", validate_resident_id, agent_id, today=today) or ""
        )
    agent_phone = applicant.agent_phone.strip()
    if agent_phone:
        agent_phone = errors.check("agent_phone", validate_phone, agent_phone) or ""
    return ApplicantInput(
        name=name or "",
        id_number=id_number,
        phone=phone or "",
        id_type=applicant.id_type,
        agent_name=agent_name,
        agent_id_number=agent_id,
        agent_phone=agent_phone,
    )


def check_materials(
    version: ItemVersionRecord, req: AcceptRequest, errors: FieldErrors
) -> dict[int, str]:
    """Every required material received (or deferred when deferrable); returns the states."""
    known = {m.id for m in version.materials}
    for field, ids in (
        ("received", req.received_material_ids),
        ("deferred", req.deferred_material_ids),
        ("not_applicable", req.not_applicable_material_ids),
    ):
        if ids - known:
            errors.add("materials", f"材料不属于该事项的当前版本（{field}）")
            return {}
    states: dict[int, str] = {}
    missing: list[str] = []
    for m in version.materials:
        if m.id in req.received_material_ids:
            states[m.id] = "received"
        elif m.id in req.deferred_material_ids:
            if not m.deferrable:
                errors.add("materials", f"“{m.name}”不可容缺，必须当场提交")
            states[m.id] = "deferred"
        elif m.id in req.not_applicable_material_ids:
            if m.necessity is Necessity.REQUIRED:
                errors.add("materials", f"“{m.name}”是必交材料，不能标为不适用")
            states[m.id] = "not_applicable"
        elif m.necessity is not Necessity.OPTIONAL:
            missing.append(m.name)
    if missing:
        errors.add(
            "materials", "材料不齐，不能受理，请出具一次性告知单。缺少：" + "、".join(missing)
        )
    return states


@allowed_roles(*COUNTER_ROLES)
def accept_case(uow: CaseStore, actor: Actor, req: AcceptRequest) -> AcceptResult:
    """受理: store the case with its number and committed deadline in one transaction."""
    from app.catalog.service import get_version

    now = uow.clock.now()
    today = local_day(now)
    errors = FieldErrors()
    applicant = check_applicant(req.applicant, today, errors)
    version = get_version(uow, req.item_version_id)
    materials = check_materials(version, req, errors)
    received_at = req.received_at or now
    if received_at > now:
        errors.add("received_at", "收件时间不能晚于现在")
    if req.deferred_material_ids:
        if req.applicant_commitment.strip():
            errors.check(
                "applicant_commitment", validate_text, req.applicant_commitment, max_len=500
            )
        else:
            errors.add("applicant_commitment", "容缺受理须记录申请人的补交承诺")
        if req.deferred_supply_by is None:
            errors.add("deferred_supply_by", "请填写容缺材料的补交期限")
        elif req.deferred_supply_by < today:
            errors.add("deferred_supply_by", "补交期限不能早于今天")
    errors.raise_if_any()
    if req.deemed_accepted_on and req.deemed_accepted_on > today:
        raise ValidationError.single("deemed_accepted_on", "视为受理日期不能晚于今天")
    with uow.write():
        calendar = load_calendar(uow)
        dates = acceptance_dates(calendar, version, req, today)
        if dates.supply_by and dates.deadline.due and dates.supply_by > dates.deadline.due:
            raise ValidationError.single(
                "deferred_supply_by",
                f"补交期限不能晚于承诺办结日期 {dates.deadline.due:%Y-%m-%d}",
            )
        site = own_site(uow, actor)
        window_id = window_id_for(uow, actor, req.window_number)
        number = next_number(uow.numbers, site.id, site.code, NumberKind.CASE, today)
        made = acceptance(
            actor,
            version,
            req,
            applicant,
            materials,
            dates,
            number=number,
            site_id=site.id,
            window_id=window_id,
            now=now,
            calendar=calendar,
            ratio=yellow_ratio(uow),
        )
        case_id = uow.cases.add(made.case)
        uow.cases.add_event(case_id, made.event)
        audit.record(uow, actor, "case_accepted", "case", number, None, made.audit_after)
        if made.case.warning == WarningLevel.RED:
            # Deemed accepted days ago (Art. 32(4)) and already past its limit: overdue from the
            # start, so its accountability record opens now, not at some later change.
            open_overdue_record(uow, load_case(uow, case_id), dates.deadline, today, calendar)
    return AcceptResult(case_id, number, dates.deadline)


@dataclass(frozen=True)
class AcceptanceDates:
    start_day: date  # the day the clock starts (受理日, or the day it is deemed accepted)
    deadline: Deadline
    supply_by: date | None  # the deferred materials' day, moved to a day the hall is open


def acceptance_dates(
    calendar: WorkCalendar, version: ItemVersionRecord, req: AcceptRequest, today: date
) -> AcceptanceDates:
    start_day = req.deemed_accepted_on or today
    deadline = calendar.add_working_days(start_day, version.committed_days)
    supply_by = (
        citizen_day(calendar, req.deferred_supply_by).day if req.deferred_supply_by else None
    )
    return AcceptanceDates(start_day, deadline, supply_by)


@dataclass(frozen=True)
class Acceptance:
    """What one acceptance stores: the case, its first event, and its audit event's after."""

    case: NewCase
    event: CaseEventRecord
    audit_after: dict[str, Any]


def acceptance(
    actor: Actor,
    version: ItemVersionRecord,
    req: AcceptRequest,
    applicant: ApplicantInput,
    materials: dict[int, str],
    dates: AcceptanceDates,
    *,
    number: str,
    site_id: int,
    window_id: int | None,
    now: datetime,
    calendar: WorkCalendar,
    ratio: float,
) -> Acceptance:
    """The rows of a checked acceptance (``applicant`` and ``materials`` as ``check_applicant``
    and ``check_materials`` return them), numbered ``number``. No storage: ``accept_case``
    stores them, and the scale simulator (sim/bulk.py) writes the same rows in batches."""
    deadline = dates.deadline
    warning = warning_level(local_day(now), deadline.due, version.committed_days, calendar, ratio)
    case = NewCase(
        number=number,
        site_id=site_id,
        item_version_id=version.id,
        window_id=window_id,
        accepted_by=actor.staff_id,
        owner_id=actor.staff_id,
        notice_id=req.notice_id,
        applicant=applicant,
        is_agency=req.is_agency,
        received_at=req.received_at or now,
        accepted_at=now,
        accepted_day=dates.start_day,
        committed_days=version.committed_days,
        statutory_days=version.statutory_days,
        deferred_supply_by=dates.supply_by,
        applicant_commitment=req.applicant_commitment.strip(),
        materials=materials,
        due_date=deadline.due,
        due_provisional=deadline.provisional,
        calendar_version=deadline.calendar_version,
        warning=str(warning),
    )
    event = CaseEventRecord(
        at=now,
        staff_id=actor.staff_id,
        staff_name=actor.name,
        on_behalf_of=None,
        action=CaseAction.ACCEPT,
        from_state=CaseState.ACCEPTED,
        to_state=CaseState.ACCEPTED,
        reason="",
        detail={"committed_days": version.committed_days, "calendar": deadline.calendar_version},
    )
    after = {
        "item": version.code,
        "version": version.version_no,
        "due": deadline.due,
        "provisional": deadline.provisional,
        "deferred": len(req.deferred_material_ids),
    }
    return Acceptance(case, event, after)


def window_id_for(uow: CaseStore, actor: Actor, window_number: int | None) -> int | None:
    if window_number is None:
        return actor.window_id
    for window in uow.sites.windows(actor.site_id):
        if window.number == window_number:
            return window.id
    raise ValidationError.single("window", f"没有 {window_number} 号窗口")

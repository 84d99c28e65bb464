"""Warnings as time passes, and the accountability records overdue cases, deferred (容缺)
materials left unsupplied past their date, breaches of the one-time rule (``app.notices``) and
substantiated complaints leave behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app import audit
from app.calendar import load_calendar
from app.cases.common import load_case, require_reason, yellow_ratio
from app.cases.deadlines import case_deadline, case_warning, local_day
from app.cases.lifecycle import CaseState
from app.cases.ownership import require_owner
from app.cases.ports import CaseStore
from app.cases.records import CaseRecord
from app.errors import NotFound, ValidationError
from app.installation import installation_site_id
from app.ports import UnitOfWork
from app.roles import Actor, Role, allowed_roles
from app.site_rules import require_own_record
from app.validation import (
    FieldErrors,
)
from app.warning_levels import WarningLevel
from app.workdays import Deadline, warning_level


def open_overdue_record(
    uow: CaseStore, case: CaseRecord, deadline: Deadline, today: date, calendar: Any
) -> bool:
    """Open the case's overdue record unless it has one; True when one was opened."""
    late, after = overdue_opening(case.owner_id, deadline, today, calendar)
    record_id = uow.cases.add_accountability(
        "overdue", case.id, case.owner_id, uow.clock.now(), late
    )
    if record_id is None:
        return False
    audit.record(
        uow, None, "accountability_opened", "case", case.number, None, after, login="system"
    )
    return True


def overdue_opening(
    owner_id: int, deadline: Deadline, today: date, calendar: Any
) -> tuple[int, dict[str, Any]]:
    """An overdue record's working days late, and its audit event's after (the system opens
    it: ``login="system"``)."""
    from app.workdays import working_days_late

    late = working_days_late(today, deadline.due, calendar) if deadline.due else 0
    return late, {"kind": "overdue", "responsible": owner_id, "days_late": late}


def open_deferral_record(uow: CaseStore, case: CaseRecord, today: date, calendar: Any) -> bool:
    """A deferred material still outstanding after its supply-by day: a record against the
    responsible clerk, who must follow it up (中止 or 终止办理, app.cases.transitions), opened
    once per case; True when one was opened."""
    from app.cases.deferral import outstanding
    from app.workdays import working_days_late

    supply_by = case.deferred_supply_by
    if supply_by is None or today <= supply_by or not outstanding(case):
        return False
    late = working_days_late(today, supply_by, calendar)
    record_id = uow.cases.add_accountability(
        "deferral", case.id, case.owner_id, uow.clock.now(), late
    )
    if record_id is None:
        return False
    audit.record(
        uow,
        None,
        "accountability_opened",
        "case",
        case.number,
        None,
        {"kind": "deferral", "responsible": case.owner_id, "days_late": late},
        login="system",
    )
    return True


def open_complaint_record(
    uow: UnitOfWork, actor: Actor, complaint_id: int, complaint_number: str, responsible_id: int
) -> int:
    """A substantiated complaint leaves a record against the responsible staff member, reviewed
    like an overdue case's. Runs inside the complaint's conclusion; one record per complaint."""
    record_id = uow.cases.add_accountability(
        "complaint", None, responsible_id, uow.clock.now(), 0, complaint_id=complaint_id
    )
    if record_id is None:
        raise ValidationError.single("complaint", "这件投诉已经有责任追究记录")
    audit.record(
        uow,
        actor,
        "accountability_opened",
        "complaint",
        complaint_number,
        None,
        complaint_record_after(responsible_id, record_id),
    )
    return record_id


def complaint_record_after(responsible_id: int, record_id: int) -> dict[str, Any]:
    """The audit event's after of a complaint's record (``accountability_opened``)."""
    return {"kind": "complaint", "responsible": responsible_id, "record": record_id}


@dataclass(frozen=True)
class WarningScan:
    checked: int
    changed: int
    opened_records: int  # overdue cases
    deferral_records: int = 0  # deferred materials not supplied by their day


def refresh_warnings(uow: UnitOfWork) -> WarningScan:
    """Recompute every open case's warning for today; open a record for each red case that
    has none, and for each deferral left unsupplied past its day. Runs when a list opens, on a
    timer and from ``frontdesk case scan``.

    A case whose clock never stopped, under the calendar its due date was computed with, is
    judged from its cached due date alone; only the others are loaded with their events. A case
    already red (one accepted red by deemed acceptance, 行政许可法 Art. 32(4)) is found by one
    query for red cases without a record, not by a change of its warning."""
    with uow.write():
        today = local_day(uow.clock.now())
        calendar = load_calendar(uow)
        ratio = yellow_ratio(uow)
        checked = changed = opened = 0
        # Only the cases this installation owns: another site's (a township's, at the county)
        # are that site's to judge, and its bundles bring their cards (app.handover).
        here = installation_site_id(uow)
        for clock in uow.cases.open_case_clocks(here):
            checked += 1
            if clock.paused_or_extended or clock.calendar_version != calendar.version:
                case = load_case(uow, clock.id)
                deadline = case_deadline(case, calendar)
                warning = case_warning(case, deadline, today, calendar, ratio)
            else:
                warning = str(
                    warning_level(today, clock.due_date, clock.committed_days, calendar, ratio)
                )
                if warning == clock.warning:
                    continue
                case = load_case(uow, clock.id)
                deadline = case_deadline(case, calendar)
            if warning != clock.warning:
                uow.cases.update(clock.id, clock.row_version, warning=warning)
                changed += 1
            # No overdue record while the clock is stopped (Art. 45); one opens on resumption.
            suspended = case.state is CaseState.SUSPENDED
            if (
                warning == WarningLevel.RED
                and not suspended
                and open_overdue_record(uow, case, deadline, today, calendar)
            ):
                opened += 1
        for case_id in uow.cases.red_ids_without_record(here):
            case = load_case(uow, case_id)
            deadline = case_deadline(case, calendar)
            if case_warning(case, deadline, today, calendar, ratio) == WarningLevel.RED:
                opened += open_overdue_record(uow, case, deadline, today, calendar)
        deferrals = sum(
            open_deferral_record(uow, load_case(uow, case_id), today, calendar)
            for case_id in uow.cases.overdue_deferral_ids(today, here)
        )
    return WarningScan(checked, changed, opened, deferrals)


ACCOUNTABILITY_CAUSES = {
    "applicant": "申请人原因",
    "staff": "工作人员过错",
    "department": "其他部门原因",
    "system": "系统或设备原因",
    "other": "其他",
}


@allowed_roles(Role.SUPERVISOR)
def review_accountability(
    uow: UnitOfWork, actor: Actor, record_id: int, cause: str, note: str, outcome: str
) -> None:
    """A supervisor's review: cause, note and outcome are all required — nothing closes
    silently."""
    errors = FieldErrors()
    if cause not in ACCOUNTABILITY_CAUSES:
        errors.add("cause", "请选择原因类别")
    note = errors.check("note", require_reason, note, what="情况说明") or ""
    outcome = errors.check("outcome", require_reason, outcome, what="处理结果") or ""
    errors.raise_if_any()
    with uow.write():
        record = uow.cases.accountability(record_id)
        if record is None:
            raise NotFound("没有这条责任追究记录")
        if record.state == "reviewed":
            raise ValidationError.single("record", "这条记录已经审查过")
        if record.case_id is not None:  # a case's record is reviewed where the case is
            require_owner(uow, load_case(uow, record.case_id), actor.site_id)
        elif record.site_id is not None:  # a breach's or a complaint's: where it was made
            label = record.notice_number or record.complaint_number or str(record.id)
            require_own_record(uow, "责任追究记录", label, record.site_id, actor.site_id)
        uow.cases.update_accountability(
            record_id,
            state="reviewed",
            cause=cause,
            note=note,
            outcome=outcome,
            reviewed_by=actor.staff_id,
            reviewed_at=uow.clock.now(),
        )
        audit.record(
            uow,
            actor,
            "accountability_reviewed",
            "accountability",
            record_id,
            {"state": "open"},
            {"state": "reviewed", "cause": cause, "outcome": outcome},
        )

"""一次性告知: tell everything missing at once, in writing; accept when it is brought back.

Typical use at the counter::

    checklist = prepare_checklist(uow, clerk, version_id)      # dates the screen offers
    result = issue_one_time_notice(uow, clerk, NoticeRequest(version_id, applicant, received))
    # ... the applicant comes back with the slip; the clerk scans it:
    [notice] = find_notice(uow, clerk, scanned_text)
    record_extra_demand(uow, clerk, notice.id, material_id, "原件字迹不清，无法核验")  # a breach
    accept_with_notice(uow, clerk, notice.id, AcceptRequest(...))

The missing materials are computed here from the item version and what was received, never
taken from the screen, so a slip cannot leave one out. Asking later for anything that was not
on the slip needs a written reason and opens an accountability record (kind "breach") against
the staff member who issued the notice. Refusals (不予受理) live in ``app.notices.refusals``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from app import audit
from app.calendar import load_calendar
from app.cases.deadlines import local_day
from app.cases.records import AcceptRequest, ApplicantInput
from app.cases.service import (
    COUNTER_ROLES,
    AcceptResult,
    accept_case,
    check_applicant,
    check_materials,
    window_id_for,
)
from app.catalog.records import ItemVersionRecord, MaterialRecord, Necessity
from app.clock import DEFAULT_TZ
from app.errors import NotFound, ValidationError
from app.notices.ports import NoticeStore
from app.notices.records import (
    NewNotice,
    NoticeMaterialState,
    NoticeRecord,
    NoticeRequest,
    NoticeResult,
    NoticeState,
)
from app.numbering import NumberKind, next_number, parse_number
from app.ports import UnitOfWork
from app.roles import ANY_ROLE, Actor, Role, allowed_roles
from app.site_rules import require_own_record
from app.sites import own_site
from app.validation import FieldErrors, validate_phone, validate_resident_id, validate_text
from app.warning_levels import WarningLevel
from app.workdays import WorkCalendar, citizen_day

# 行政许可法 Art. 32(4): the notice is due on the spot or within five days of receipt.
NOTICE_LIMIT_WORKING_DAYS = 5
# Materials received and still waiting for a decision on acceptance (accept, notice or refuse)
# turn yellow on this working day, so the decision comes before the fifth runs out.
ACCEPTANCE_WARNING_DAY = 3


def acceptance_clock(
    calendar: WorkCalendar, received_on: date, today: date
) -> tuple[int, WarningLevel]:
    """How far a decision on acceptance has run since the materials came in on
    ``received_on``: the working day it is on (0 on the day of receipt, which does not count)
    and its warning — normal before day 3, yellow on days 3 to 5, red after day 5, when a
    notice comes too late and the application counts as accepted on receipt (Art. 32(4))."""
    day = calendar.working_days_between(received_on, today)
    if day > NOTICE_LIMIT_WORKING_DAYS:
        return day, WarningLevel.RED
    return day, WarningLevel.YELLOW if day >= ACCEPTANCE_WARNING_DAY else WarningLevel.NORMAL


# How long the applicant is given to bring what is missing, unless the clerk sets a date.
DEFAULT_SUPPLY_WORKING_DAYS = 20
MAX_SUPPLY_DAYS = 366
FIND_LIMIT = 20
_PHONE_RUN = re.compile(r"[+0-9][0-9 ()-]{6,}[0-9]", re.ASCII)


@dataclass(frozen=True)
class Checklist:
    """What the counter screen needs once an item is chosen."""

    version: ItemVersionRecord
    today: date
    default_supply_by: date  # offered on a one-time notice
    committed_due: date | None  # an accepted case's due date: the latest a deferral may run


def missing_materials(
    version: ItemVersionRecord, received: frozenset[int], not_applicable: frozenset[int]
) -> tuple[MaterialRecord, ...]:
    """Every required or conditional material neither received nor ruled out, in catalog
    order. Optional materials are never missing."""
    return tuple(
        m
        for m in version.materials
        if m.necessity is not Necessity.OPTIONAL
        and m.id not in received
        and m.id not in not_applicable
    )


def _check_ticks(
    version: ItemVersionRecord,
    received: frozenset[int],
    not_applicable: frozenset[int],
    errors: FieldErrors,
) -> tuple[MaterialRecord, ...]:
    """The missing materials; the ticks themselves are checked by the case service's rules
    (materials of this version, nothing required marked not applicable)."""
    missing = missing_materials(version, received, not_applicable)
    # Counting the missing ones as received lets check_materials judge only the ticks, so
    # its "incomplete" message (expected here) never hides a real mistake.
    check_materials(
        version,
        AcceptRequest(
            item_version_id=version.id,
            applicant=ApplicantInput(name=""),  # check_materials reads only the ticks
            received_material_ids=received | {m.id for m in missing},
            not_applicable_material_ids=not_applicable - received,
        ),
        errors,
    )
    return missing


@allowed_roles(*COUNTER_ROLES)
def prepare_checklist(uow: NoticeStore, actor: Actor, version_id: int) -> Checklist:
    from app.catalog.service import get_version

    today = local_day(uow.clock.now())
    with uow.read():
        version = get_version(uow, version_id)
        calendar = load_calendar(uow)
    return Checklist(
        version=version,
        today=today,
        default_supply_by=_default_supply_by(calendar, today),
        committed_due=calendar.add_working_days(today, version.committed_days).due,
    )


def _default_supply_by(calendar: WorkCalendar, today: date) -> date:
    return calendar.add_working_days(today, DEFAULT_SUPPLY_WORKING_DAYS).due or today


@allowed_roles(*COUNTER_ROLES)
def issue_one_time_notice(uow: NoticeStore, actor: Actor, req: NoticeRequest) -> NoticeResult:
    """Store a numbered notice listing every missing material; audit-recorded."""
    from app.catalog.service import get_version

    now = uow.clock.now()
    today = local_day(now)
    errors = FieldErrors()
    applicant = check_applicant(req.applicant, today, errors)
    received_at = req.received_at or now
    if received_at > now:
        errors.add("received_at", "收件时间不能晚于现在")
    if req.supply_by is not None and req.supply_by < today:
        errors.add("supply_by", "补齐期限不能早于今天")
    elif req.supply_by is not None and req.supply_by > today + timedelta(days=MAX_SUPPLY_DAYS):
        errors.add("supply_by", "补齐期限不能超过一年")
    with uow.write():
        version = get_version(uow, req.item_version_id)
        missing = _check_ticks(
            version, req.received_material_ids, req.not_applicable_material_ids, errors
        )
        if not missing and "materials" not in errors.errors:
            errors.add("materials", "材料已齐全，请直接受理，无需出具告知单")
        previous = None
        if req.previous_notice_id is not None:
            previous = _open_notice(uow, actor, req.previous_notice_id, lock=True)
            _check_follow_up(previous, version, missing, errors)
        errors.raise_if_any()
        calendar = load_calendar(uow)
        supply_by = citizen_day(calendar, req.supply_by or _default_supply_by(calendar, today)).day
        late = (
            calendar.working_days_between(local_day(received_at), today) > NOTICE_LIMIT_WORKING_DAYS
        )
        site = own_site(uow, actor)
        number = next_number(uow.numbers, site.id, site.code, NumberKind.NOTICE, today)
        missing_ids = {m.id for m in missing}
        materials = {
            m.id: NoticeMaterialState.MISSING
            if m.id in missing_ids
            else NoticeMaterialState.RECEIVED
            for m in version.materials
            if m.id in missing_ids or m.id in req.received_material_ids
        }
        notice_id = uow.notices.add(
            NewNotice(
                number=number,
                site_id=site.id,
                item_version_id=version.id,
                window_id=window_id_for(uow, actor, req.window_number),
                issued_by=actor.staff_id,
                applicant=applicant,
                received_at=received_at,
                issued_at=now,
                supply_by=supply_by,
                issued_late=late,
                materials=materials,
            )
        )
        if previous is not None:
            uow.notices.set_state(previous.id, NoticeState.CLOSED, NoticeState.OPEN)
        audit.record(
            uow,
            actor,
            "notice_issued",
            "notice",
            number,
            None,
            {
                "item": version.code,
                "version": version.version_no,
                "missing": [m.name for m in missing],
                "received": len(req.received_material_ids),
                "supply_by": supply_by,
                "issued_late": late,
                "replaces": previous.number if previous else None,
            },
        )
    return NoticeResult(notice_id, number, tuple(m.name for m in missing), supply_by, late)


def _check_follow_up(
    previous: NoticeRecord,
    version: ItemVersionRecord,
    missing: tuple[MaterialRecord, ...],
    errors: FieldErrors,
) -> None:
    """A second notice may only repeat what the first one asked for, or what was demanded
    since with a written reason."""
    if previous.item_version_id != version.id:
        errors.add("item", "回访时须按原告知单上的事项版本办理")
        return
    allowed = previous.missing_ids | previous.demanded_ids
    extra = [m.name for m in missing if m.id not in allowed]
    if extra:
        errors.add(
            "materials",
            "以下材料不在原告知单上，须先说明理由（额外要求）：" + "、".join(extra),
        )


def _open_notice(
    uow: NoticeStore, actor: Actor, notice_id: int, *, lock: bool = False
) -> NoticeRecord:
    """An open notice to act on: only at the site that issued it (app.site_rules)."""
    notice = uow.notices.get(notice_id, lock=lock)
    if notice is None:
        raise NotFound(f"没有编号为 {notice_id} 的告知单")
    require_own_record(uow, "告知单", notice.number, notice.site_id, actor.site_id)
    if notice.state is NoticeState.ACCEPTED:
        raise ValidationError.single(
            "notice", f"告知单 {notice.number} 已受理（办件编号 {notice.case_number}）"
        )
    if notice.state is not NoticeState.OPEN:
        raise ValidationError.single("notice", f"告知单 {notice.number} 已办结，不能再使用")
    return notice


# -- the return visit ----------------------------------------------------------------------


@allowed_roles(*COUNTER_ROLES)
def accept_with_notice(
    uow: NoticeStore, actor: Actor, notice_id: int, req: AcceptRequest
) -> AcceptResult:
    """The applicant brought what the notice asked for: accept the case and mark the notice
    accepted, linked to the case, in one transaction."""
    with uow.write():
        notice = _open_notice(uow, actor, notice_id, lock=True)
        if req.item_version_id != notice.item_version_id:
            raise ValidationError.single("item", "回访时须按原告知单上的事项版本办理")
        deemed = local_day(notice.received_at) if notice.issued_late else None
        result = accept_case(
            uow, actor, replace(req, notice_id=notice.id, deemed_accepted_on=deemed)
        )
        uow.notices.set_state(notice.id, NoticeState.ACCEPTED, NoticeState.OPEN, result.case_id)
        audit.record(
            uow,
            actor,
            "notice_accepted",
            "notice",
            notice.number,
            {"state": str(NoticeState.OPEN)},
            {"state": str(NoticeState.ACCEPTED), "case": result.number},
        )
    return result


@allowed_roles(*COUNTER_ROLES)
def record_extra_demand(
    uow: NoticeStore, actor: Actor, notice_id: int, material_id: int, reason: str
) -> int:
    """Ask on a return visit for a material that was not on the notice: only with a written
    reason, and counted as a breach of the one-time rule against whoever issued the notice."""
    errors = FieldErrors()
    text = reason.strip() if isinstance(reason, str) else ""
    if not text:
        errors.add("reason", "要求告知单以外的材料，须写明理由")
    else:
        text = errors.check("reason", validate_text, text, max_len=1000) or ""
    with uow.write():
        notice = _open_notice(uow, actor, notice_id, lock=True)
        version = _version(uow, notice.item_version_id)
        material = next((m for m in version.materials if m.id == material_id), None)
        if material is None:
            errors.add("material", "该材料不属于告知单上的事项")
        elif material_id in notice.missing_ids:
            errors.add("material", f"“{material.name}”已列在告知单上，可以直接要求")
        elif material_id in notice.demanded_ids:
            errors.add("material", f"“{material.name}”的额外要求已经记录")
        errors.raise_if_any()
        assert material is not None
        now = uow.clock.now()
        demand_id = uow.notices.add_extra_demand(notice.id, material_id, text, actor.staff_id, now)
        record_id = uow.notices.add_breach(notice.id, notice.issued_by, now)
        audit.record(
            uow,
            actor,
            "notice_extra_demand",
            "notice",
            notice.number,
            None,
            {
                "material": material.name,
                "was": "received" if material_id in notice.received_ids else "not_listed",
                "reason": text,
                "responsible": notice.issued_by,
                "accountability": record_id,
            },
        )
    return demand_id


@allowed_roles(Role.SUPERVISOR, Role.ADMIN)
def count_breaches(
    uow: NoticeStore,
    actor: Actor,
    from_day: date,
    to_day: date,
    responsible_id: int | None = None,
) -> int:
    """Breaches of the one-time rule (extra demands) made from ``from_day`` to ``to_day``
    inclusive, hall time; optionally only those charged to one staff member."""
    if to_day < from_day:
        raise ValidationError.single("to_day", "结束日期不能早于开始日期")
    start = datetime.combine(from_day, time(), DEFAULT_TZ)
    end = datetime.combine(to_day + timedelta(days=1), time(), DEFAULT_TZ)
    with uow.read():
        return uow.notices.count_extra_demands(start, end, responsible_id)


# -- reading -------------------------------------------------------------------------------


def _version(uow: NoticeStore, version_id: int) -> ItemVersionRecord:
    from app.catalog.service import get_version

    return get_version(uow, version_id)


@allowed_roles(*ANY_ROLE)
def get_notice(uow: NoticeStore, actor: Actor, notice_id: int) -> NoticeRecord:
    with uow.read():
        notice = uow.notices.get(notice_id)
    if notice is None:
        raise NotFound(f"没有编号为 {notice_id} 的告知单")
    return notice


@allowed_roles(*ANY_ROLE)
def find_notice(uow: UnitOfWork, actor: Actor, text: str) -> list[NoticeRecord]:
    """Notices found by number, by the text of the slip's QR code (a USB scanner types it),
    by resident ID number, or by name and phone ("王芳 13812345678"); newest first."""
    typed = unicodedata.normalize("NFKC", text or "").strip()
    if not typed:
        raise ValidationError.single("text", "请输入或扫描告知单编号，或输入身份证号码、姓名和电话")
    number = _notice_number(uow, typed)
    with uow.read():
        if number is not None:
            found = uow.notices.by_number(number)
            return [found] if found else []
        ids = uow.notices.find_ids(**_person_criteria(typed), limit=FIND_LIMIT)
        return [n for n in (uow.notices.get(i) for i in ids) if n is not None]


def _notice_number(uow: UnitOfWork, text: str) -> str | None:
    """The notice number in a typed number or a scanned QR payload; None if there is none.
    A payload whose signature does not verify, or that is another kind of document, is
    refused rather than searched. Takes the whole unit of work: verifying reads the site keys
    and the record the payload stands for."""
    from app.printing.kinds import DocumentKind, kind_spec
    from app.signing import looks_like_payload, verify_payload

    typed = parse_number(text)
    if typed is not None and typed.kind is NumberKind.NOTICE and typed.paper is None:
        return typed.record
    if not looks_like_payload(text):
        return None
    verdict = verify_payload(uow, text)
    if not verdict.genuine:
        raise ValidationError.single("text", f"核验码无效：{verdict.reason}")
    if verdict.kind is not DocumentKind.ONE_TIME_NOTICE:
        title = kind_spec(verdict.kind).title if verdict.kind else "其他文书"
        raise ValidationError.single("text", f"这是{title}（{verdict.number}），不是一次性告知单")
    return verdict.number


def _person_criteria(text: str) -> dict[str, str]:
    compact = re.sub(r"\s+", "", text)
    if len(compact) in (15, 18) and compact[:-1].isdigit():
        return {"id_number": validate_resident_id(compact, field="text")}
    phone = _PHONE_RUN.search(text)
    name = (text[: phone.start()] + " " + text[phone.end() :]).strip() if phone else ""
    if phone is None or not name:
        raise ValidationError.single(
            "text", "请输入告知单编号、身份证号码，或姓名加电话（如：王芳 13812345678）"
        )
    return {"phone": validate_phone(phone.group(0), field="text"), "name": name}

"""Records into printable documents: cases and catalog versions in, frozen documents out.

Each builder reads what it needs in one read transaction, then signs the QR payload (which may
have to make the site's key on an old database, hence outside the read). People are masked on
the way (``ApplicantLine.masked``): no builder hands a full ID or phone number to a document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from app.cases.deadlines import local_day
from app.cases.lifecycle import CaseAction, DeliveryMethod, Outcome, SuspensionKind
from app.cases.records import CaseEventRecord, CaseRecord
from app.catalog.records import (
    ItemVersionRecord,
    MaterialForm,
    MaterialMedium,
    MaterialRecord,
    Necessity,
)
from app.clock import DEFAULT_TZ
from app.errors import NotFound, ValidationError
from app.ports import UnitOfWork
from app.printing.documents import (
    AcceptanceReceipt,
    ApplicantLine,
    CatalogDisclosure,
    CompletionNotice,
    CorrectionRequest,
    CounterDesk,
    DeferredMaterialsNotice,
    DenialDecision,
    ExtensionNotice,
    HaltNotice,
    MaterialLine,
    ServiceCommitment,
    ServiceGuide,
    SpecialProcedureNotice,
    SupplyReceipt,
    TerminationNotice,
)
from app.printing.kinds import DocumentKind
from app.records import SiteRecord
from app.signing import sign_document
from app.workdays import CitizenDay, citizen_day

FORM_LABELS = {
    MaterialForm.ORIGINAL: "原件",
    MaterialForm.COPY: "复印件",
    MaterialForm.EITHER: "原件或复印件",
}
DELIVERY_LABELS = {
    DeliveryMethod.PICKUP: "窗口领取",
    DeliveryMethod.MAIL: "邮寄送达",
    DeliveryMethod.ELECTRONIC: "电子送达",
}
OUTCOME_LABELS = {Outcome.APPROVED: "准予办理", Outcome.DENIED: "不予行政许可"}


def citizen_date(uow: UnitOfWork, day: date | None) -> CitizenDay | None:
    """A date to print for an applicant, by the calendar in force: never a day off, and
    whether it is provisional (``app.workdays.citizen_day``)."""
    from app.calendar import load_calendar

    if day is None:
        return None
    with uow.read():
        calendar = load_calendar(uow)
    return citizen_day(calendar, day)


@dataclass(frozen=True)
class _CaseContext:
    case: CaseRecord
    version: ItemVersionRecord
    site: SiteRecord
    desk: CounterDesk
    applicant: ApplicantLine


def _case_context(uow: UnitOfWork, case_id: int) -> _CaseContext:
    from app.catalog.service import get_version

    with uow.read():
        case = uow.cases.get(case_id)
        if case is None:
            raise NotFound(f"没有编号为 {case_id} 的办件")
        version = get_version(uow, case.item_version_id)
        site = uow.sites.get(case.site_id)
        if site is None:
            raise NotFound("找不到本服务中心的记录")
        window = uow.sites.window(case.window_id) if case.window_id else None
        clerk = uow.staff.get(case.accepted_by)
    a = case.applicant
    return _CaseContext(
        case=case,
        version=version,
        site=site,
        desk=CounterDesk(
            window=f"{window.number}号窗口（{window.name}）" if window else "",
            clerk=clerk.name if clerk else "",
            phone=site.phones,
        ),
        applicant=ApplicantLine.masked(
            a.name, a.id_number, a.phone, a.agent_name, a.agent_id_number
        ),
    )


def material_line(m: MaterialRecord, note: str = "") -> MaterialLine:
    return MaterialLine(m.name, FORM_LABELS[m.form], m.copies, note or m.requirements)


def _materials(ctx: _CaseContext, state: str) -> tuple[MaterialLine, ...]:
    ids = {mid for mid, s in ctx.case.materials.items() if s == state}
    return tuple(material_line(m) for m in ctx.version.materials if m.id in ids)


def receipt_for_case(uow: UnitOfWork, case_id: int) -> AcceptanceReceipt:
    """受理回执 of an accepted case, with its signed QR payload; an agency case names its
    agent (全程代办)."""
    from app.agency.records import REASON_LABELS

    ctx = _case_context(uow, case_id)
    case, version = ctx.case, ctx.version
    agency = None
    if case.is_agency:
        with uow.read():
            agency = uow.agency.get(case.id)
    supply = citizen_date(uow, case.deferred_supply_by)
    return AcceptanceReceipt(
        center_name=ctx.site.name,
        number=case.number,
        issued_on=case.accepted_day,
        desk=ctx.desk,
        qr_payload=sign_document(uow, DocumentKind.RECEIPT, case.number, case.accepted_day),
        item_name=version.name,
        item_code=version.code,
        catalog_version=version.version_no,
        applicant=ctx.applicant,
        received_at=case.received_at.astimezone(DEFAULT_TZ),
        accepted_at=case.accepted_at.astimezone(DEFAULT_TZ),
        statutory_days=case.statutory_days,
        committed_days=case.committed_days,
        due_date=case.due_date,
        due_provisional=case.due_provisional,
        materials=_materials(ctx, "received"),
        deferred=_materials(ctx, "deferred"),
        deferred_supply_by=supply.day if supply else None,
        deferred_supply_provisional=bool(supply and supply.provisional),
        progress_phone=version.consult_phone or ctx.site.phones,
        delivery=version.delivery_methods,
        pickup_place=version.where_when,
        fee=version.fee,
        is_agency=case.is_agency,
        agency_agent=agency.agent_name if agency else "",
        agency_reason=REASON_LABELS[agency.reason] if agency else "",
    )


def deferred_notice_for_case(uow: UnitOfWork, case_id: int) -> DeferredMaterialsNotice:
    """容缺受理通知 of a case accepted with deferred materials."""
    ctx = _case_context(uow, case_id)
    case = ctx.case
    deferred = _materials(ctx, "deferred")
    if not deferred or case.deferred_supply_by is None:
        raise ValidationError.single("kind", f"办件 {case.number} 不是容缺受理件")
    supply = citizen_date(uow, case.deferred_supply_by)
    assert supply is not None
    return DeferredMaterialsNotice(
        center_name=ctx.site.name,
        number=case.number,
        issued_on=case.accepted_day,
        desk=ctx.desk,
        qr_payload=sign_document(uow, DocumentKind.DEFERRED, case.number, case.accepted_day),
        item_name=ctx.version.name,
        applicant=ctx.applicant,
        accepted_at=case.accepted_at.astimezone(DEFAULT_TZ),
        deferred=deferred,
        supply_by=supply.day,
        supply_by_provisional=supply.provisional,
        commitment=case.applicant_commitment,
    )


def completion_notice_for_case(uow: UnitOfWork, case_id: int) -> CompletionNotice:
    """办结通知 of a decided case."""
    ctx = _case_context(uow, case_id)
    case = ctx.case
    if case.decided_at is None or not case.decision:
        raise ValidationError.single("kind", f"办件 {case.number} 尚未办结")
    issued_on = local_day(case.decided_at)
    delivery = (
        DELIVERY_LABELS[DeliveryMethod(case.delivery_method)]
        if case.delivery_method
        else ctx.version.delivery_methods
    )
    return CompletionNotice(
        center_name=ctx.site.name,
        number=case.number,
        issued_on=issued_on,
        desk=CounterDesk(ctx.desk.window, case.owner_name, ctx.desk.phone),
        qr_payload=sign_document(uow, DocumentKind.COMPLETION, case.number, issued_on),
        item_name=ctx.version.name,
        applicant=ctx.applicant,
        accepted_at=case.accepted_at.astimezone(DEFAULT_TZ),
        decided_at=case.decided_at.astimezone(DEFAULT_TZ),
        outcome=OUTCOME_LABELS[Outcome(case.decision)],
        # Not granting is decided in the 决定书, which carries the reasons and remedies.
        decision_note=(
            f"理由、依据及救济途径见《不予行政许可决定书》（编号 {case.number}-J）"
            if case.decision == str(Outcome.DENIED)
            else case.decision_note
        ),
        delivery=delivery,
        pickup_place=ctx.version.where_when,
    )


def _case_paper(
    uow: UnitOfWork,
    ctx: _CaseContext,
    kind: DocumentKind,
    number: str,
    issued_on: date,
    staff_name: str,
) -> dict[str, Any]:
    """The fields every paper numbered after its case begins with: the hall, the desk of who
    issued it, the signed QR payload, the case, the item and the applicant."""
    return {
        "center_name": ctx.site.name,
        "number": number,
        "issued_on": issued_on,
        "desk": CounterDesk(ctx.desk.window, staff_name, ctx.desk.phone),
        "qr_payload": sign_document(uow, kind, number, issued_on),
        "case_number": ctx.case.number,
        "item_name": ctx.version.name,
        "applicant": ctx.applicant,
    }


def denial_decision_for_case(uow: UnitOfWork, case_id: int) -> DenialDecision:
    """不予行政许可决定书 of a case decided not to grant, numbered after the case (``…-J``)."""
    ctx = _case_context(uow, case_id)
    case = ctx.case
    if case.decided_at is None or case.decision != str(Outcome.DENIED):
        raise ValidationError.single("kind", f"办件 {case.number} 没有不予许可的决定")
    decision = next(ev for ev in reversed(case.events) if ev.action is CaseAction.DECIDE)
    issued_on = local_day(case.decided_at)
    number = f"{case.number}-J"
    return DenialDecision(
        **_case_paper(uow, ctx, DocumentKind.DENIAL, number, issued_on, decision.staff_name),
        accepted_at=case.accepted_at.astimezone(DEFAULT_TZ),
        decided_at=case.decided_at.astimezone(DEFAULT_TZ),
        reason=case.decision_note,
        # Decisions recorded before the basis was asked for carry none: say so, never a blank.
        legal_basis=str(decision.detail.get("legal_basis") or "（决定时未记录，请以书面决定为准）"),
    )


T = TypeVar("T")


def _suspensions(case: CaseRecord, kind: SuspensionKind) -> list[CaseEventRecord]:
    """The case's suspensions of one kind, in order: each has its own numbered paper."""
    return [ev for ev in case.events if ev.suspension_kind is kind]


def _nth(case: CaseRecord, found: list[T], index: int | None, what: str) -> tuple[int, T]:
    """The ``index``-th (1-based; default the latest) of a case's papers of one kind."""
    if not found:
        raise ValidationError.single("kind", f"办件 {case.number} 没有{what}记录")
    index = len(found) if index is None else index
    if not 1 <= index <= len(found):
        raise NotFound(f"办件 {case.number} 没有第{index}次{what}记录")
    return index, found[index - 1]


def supply_receipt_for_case(
    uow: UnitOfWork, case_id: int, index: int | None = None
) -> SupplyReceipt:
    """容缺材料补交回执 of the case's ``index``-th supply (1-based; default the latest), numbered
    after the case: ``QH-20261124-0001-B1`` is its first."""
    ctx = _case_context(uow, case_id)
    case = ctx.case
    supplies = [ev for ev in case.events if ev.action is CaseAction.SUPPLY]
    index, event = _nth(case, supplies, index, "补交容缺材料的")
    came = {int(i) for i in event.detail.get("material_ids", ())}
    still = {m for m, s in case.materials.items() if s == "deferred"}
    for earlier in supplies[:index]:
        still -= {int(i) for i in earlier.detail.get("material_ids", ())}
    number = f"{case.number}-B{index}"
    issued_on = local_day(event.at)
    return SupplyReceipt(
        **_case_paper(uow, ctx, DocumentKind.SUPPLY, number, issued_on, event.staff_name),
        supplied_at=event.at.astimezone(DEFAULT_TZ),
        supplied=tuple(material_line(m) for m in ctx.version.materials if m.id in came),
        outstanding=tuple(material_line(m) for m in ctx.version.materials if m.id in still),
        supply_by=case.deferred_supply_by,
    )


def special_notice_for_case(
    uow: UnitOfWork, case_id: int, index: int | None = None
) -> SpecialProcedureNotice:
    """特别程序告知书 of the case's ``index``-th special procedure (1-based; default the
    latest), numbered after the case: ``QH-20261124-0001-T1`` is its first."""
    from app.calendar import load_calendar
    from app.cases.lifecycle import SPECIAL_PROCEDURES, SUSPENSION_LABELS

    ctx = _case_context(uow, case_id)
    case = ctx.case
    specials = [ev for ev in case.events if ev.suspension_kind in SPECIAL_PROCEDURES]
    index, event = _nth(case, specials, index, "特别程序")
    days = int(event.detail.get("expected_days") or 0)
    started = local_day(event.at)
    end: date | None = None
    provisional = False
    if days:
        with uow.read():
            calendar = load_calendar(uow)
        finish = calendar.add_working_days(started, days)
        end, provisional = finish.due, finish.provisional
    number = f"{case.number}-T{index}"
    return SpecialProcedureNotice(
        **_case_paper(uow, ctx, DocumentKind.SPECIAL, number, started, event.staff_name),
        accepted_at=case.accepted_at.astimezone(DEFAULT_TZ),
        started_at=event.at.astimezone(DEFAULT_TZ),
        procedure=SUSPENSION_LABELS[event.suspension_kind or SuspensionKind.CORRECTIONS],
        reason=event.reason,
        expected_days=days,
        expected_end=end,
        expected_end_provisional=provisional,
    )


def _owed(ctx: _CaseContext, event: Any) -> tuple[MaterialLine, ...]:
    """The deferred materials an overdue-deferral event names, in catalog order."""
    ids = {int(i) for i in event.detail.get("material_ids", ())}
    return tuple(material_line(m) for m in ctx.version.materials if m.id in ids)


def halt_notice_for_case(uow: UnitOfWork, case_id: int, index: int | None = None) -> HaltNotice:
    """中止办理通知书 of the case's ``index``-th suspension for an overdue deferral (1-based;
    default the latest), numbered after the case: ``QH-20261124-0001-H1`` is its first."""
    ctx = _case_context(uow, case_id)
    case = ctx.case
    halts = _suspensions(case, SuspensionKind.DEFERRAL_OVERDUE)
    index, event = _nth(case, halts, index, "中止办理")
    number = f"{case.number}-H{index}"
    issued_on = local_day(event.at)
    return HaltNotice(
        **_case_paper(uow, ctx, DocumentKind.HALT, number, issued_on, event.staff_name),
        accepted_at=case.accepted_at.astimezone(DEFAULT_TZ),
        halted_at=event.at.astimezone(DEFAULT_TZ),
        supply_by=case.deferred_supply_by,
        owed=_owed(ctx, event),
        reason=event.reason,
    )


def termination_notice_for_case(uow: UnitOfWork, case_id: int) -> TerminationNotice:
    """终止办理通知书 of a case terminated for an overdue deferral, numbered ``…-Z``."""
    ctx = _case_context(uow, case_id)
    case = ctx.case
    event = next((ev for ev in case.events if ev.action is CaseAction.TERMINATE), None)
    if event is None:
        raise ValidationError.single("kind", f"办件 {case.number} 没有终止办理的记录")
    number = f"{case.number}-Z"
    issued_on = local_day(event.at)
    return TerminationNotice(
        **_case_paper(uow, ctx, DocumentKind.TERMINATION, number, issued_on, event.staff_name),
        accepted_at=case.accepted_at.astimezone(DEFAULT_TZ),
        terminated_at=event.at.astimezone(DEFAULT_TZ),
        supply_by=case.deferred_supply_by,
        owed=_owed(ctx, event),
        reason=event.reason,
    )


def extension_notice_for_case(
    uow: UnitOfWork, case_id: int, index: int | None = None
) -> ExtensionNotice:
    """延期告知书 of the case's ``index``-th extension (1-based; default the latest), numbered
    after the case: ``QH-20261124-0001-E1`` is its first. The new date is the case's due date
    right after that extension."""
    from dataclasses import replace

    from app.calendar import load_calendar
    from app.cases.deadlines import case_deadline

    ctx = _case_context(uow, case_id)
    case = ctx.case
    positions = [i for i, ev in enumerate(case.events) if ev.action is CaseAction.EXTEND]
    index, at = _nth(case, positions, index, "延期")
    event = case.events[at]
    with uow.read():
        calendar = load_calendar(uow)
    then = case_deadline(replace(case, events=case.events[: at + 1]), calendar)
    number = f"{case.number}-E{index}"
    issued_on = local_day(event.at)
    return ExtensionNotice(
        **_case_paper(uow, ctx, DocumentKind.EXTENSION, number, issued_on, event.staff_name),
        accepted_at=case.accepted_at.astimezone(DEFAULT_TZ),
        days=int(event.detail.get("days", 0)),
        reason=event.reason,
        approved_by=str(event.detail.get("approved_by", "")),
        new_due=then.due,
        new_due_provisional=then.provisional,
    )


def correction_request_for_case(
    uow: UnitOfWork, case_id: int, index: int | None = None
) -> CorrectionRequest:
    """补正材料通知书 for the case's ``index``-th suspension for corrections (1-based; default
    the latest), numbered after the case: ``QH-20261124-0001-C1`` is its first."""
    ctx = _case_context(uow, case_id)
    case = ctx.case
    corrections = _suspensions(case, SuspensionKind.CORRECTIONS)
    index, event = _nth(case, corrections, index, "补正")
    number = f"{case.number}-C{index}"
    issued_on = local_day(event.at)
    return CorrectionRequest(
        **_case_paper(uow, ctx, DocumentKind.CORRECTION, number, issued_on, event.staff_name),
        accepted_at=case.accepted_at.astimezone(DEFAULT_TZ),
        corrections=tuple(MaterialLine(line) for line in _lines(event.reason)),
    )


def _lines(text: str) -> list[str]:
    """A clerk's reason, one requirement per line or per "；"."""
    parts = (p.strip(" ;；。") for p in text.replace("；", "\n").splitlines())
    return [p for p in parts if p] or [text]


def necessity_note(m: MaterialRecord) -> str:
    if m.necessity is Necessity.REQUIRED:
        text = "必交"
    elif m.necessity is Necessity.CONDITIONAL:
        text = f"{m.condition}时提交" if m.condition else "符合条件时提交"
    else:
        text = "选交"
    if m.medium is MaterialMedium.ELECTRONIC:
        text += "；电子材料"
    if m.deferrable:
        text += "；可容缺后补"
    return text + (f"；{m.requirements}" if m.requirements else "")


def guide_for_version(uow: UnitOfWork, version: ItemVersionRecord) -> ServiceGuide:
    """办事指南 of one catalog version, dated today and signed (number: code and version)."""
    with uow.read():
        site = uow.sites.first()
    if site is None:
        raise NotFound("找不到本服务中心的记录")
    today = local_day(uow.clock.now())
    number = guide_number(version.code, version.version_no)
    return ServiceGuide(
        center_name=site.name,
        number=number,
        issued_on=today,
        desk=CounterDesk(phone=site.phones),
        qr_payload=sign_document(uow, DocumentKind.GUIDE, number, today),
        item_name=version.name,
        item_code=version.code,
        version_no=version.version_no,
        department=version.department,
        category=version.category,
        legal_basis=version.legal_basis,
        conditions=version.conditions,
        statutory_days=version.statutory_days,
        committed_days=version.committed_days,
        fee=version.fee,
        fee_basis=version.fee_basis,
        where_when=version.where_when,
        visits_needed=version.visits_needed,
        consult_phone=version.consult_phone,
        complaint_phone=version.complaint_phone,
        delivery_methods=version.delivery_methods,
        materials=tuple(material_line(m, necessity_note(m)) for m in version.materials),
        steps=tuple((s.name, s.days) for s in version.steps),
    )


def guide_for_item(uow: UnitOfWork, code: str) -> ServiceGuide:
    """办事指南 of the version of item ``code`` now in force."""
    from app.catalog.service import current_version

    return guide_for_version(uow, current_version(uow, code))


def guide_number(code: str, version_no: int) -> str:
    return f"{code}-V{version_no}"


def _versions_in_force(uow: UnitOfWork) -> list[ItemVersionRecord]:
    from app.catalog.service import get_version, list_items

    summaries = list_items(uow)
    return [get_version(uow, s.version_id) for s in summaries]


def _hall(uow: UnitOfWork) -> SiteRecord:
    with uow.read():
        site = uow.sites.first()
    if site is None:
        raise NotFound("找不到本服务中心的记录")
    return site


def commitment_for_hall(uow: UnitOfWork) -> ServiceCommitment:
    """服务承诺书 with its figures from the catalog in force today; a draft item in force makes
    it say 草稿, not to be posted."""
    site = _hall(uow)
    versions = _versions_in_force(uow)
    if not versions:
        raise ValidationError.single("kind", "事项目录为空：请先录入办理事项，再打印服务承诺书")
    limited = [v for v in versions if v.committed_days]
    today = local_day(uow.clock.now())
    number = f"CN-{today:%Y%m%d}"
    return ServiceCommitment(
        center_name=site.name,
        number=number,
        issued_on=today,
        desk=CounterDesk(phone=site.phones),
        qr_payload=sign_document(uow, DocumentKind.COMMITMENT, number, today),
        items=len(versions),
        on_the_spot=len(versions) - len(limited),
        committed_days=sum(v.committed_days for v in limited),
        statutory_days=sum(v.statutory_days for v in limited),
        visits_zero_or_one=sum(1 for v in versions if v.visits_needed <= 1),
        complaint_phone=next((v.complaint_phone for v in versions if v.complaint_phone), ""),
        drafts=_drafts(versions),
    )


DRAFT_MARK = "（草稿，未公布）"


def _drafts(versions: list[ItemVersionRecord]) -> tuple[str, ...]:
    """The items in force whose version is not published (app.catalog.publication)."""
    return tuple(f"{v.code} {v.name}" for v in versions if not v.published)


def _flow(version: ItemVersionRecord) -> str:
    if not version.steps:
        return "当场办结" if version.on_the_spot else "受理→决定"
    return "→".join(f"{s.name}（{s.days}日）" if s.days else s.name for s in version.steps)


def disclosure_for_hall(uow: UnitOfWork) -> CatalogDisclosure:
    """政务服务事项公示清单: every item in force, for the notice board; a draft's row and the
    top of the paper say it is not published."""
    site = _hall(uow)
    versions = _versions_in_force(uow)
    if not versions:
        raise ValidationError.single("kind", "事项目录为空：请先录入办理事项，再打印公示清单")
    today = local_day(uow.clock.now())
    number = f"GS-{today:%Y%m%d}"

    def days(n: int) -> str:
        return f"{n}个工作日" if n else "即办"

    return CatalogDisclosure(
        center_name=site.name,
        number=number,
        issued_on=today,
        desk=CounterDesk(phone=site.phones),
        qr_payload=sign_document(uow, DocumentKind.DISCLOSURE, number, today),
        rows=tuple(
            (
                v.code,
                v.name + ("" if v.published else DRAFT_MARK),
                v.department,
                v.legal_basis or "—",
                v.fee or "不收费",
                days(v.statutory_days),
                days(v.committed_days),
                _flow(v),
            )
            for v in versions
        ),
        drafts=_drafts(versions),
    )

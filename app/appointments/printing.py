"""The appointment confirmation (预约确认单) as a printed document, and its loader by number.

Importing this module registers the loader (``frontdesk print appointment QH-Y20261124-0001``
and the print preview by number). Importing it does not import reportlab.
"""

from __future__ import annotations

from datetime import date

from app.appointments.records import AppointmentState, BookingChannel
from app.appointments.service import place_of
from app.cases.deadlines import local_day
from app.catalog.records import MaterialRecord, Necessity
from app.clock import DEFAULT_TZ
from app.errors import NotFound, ValidationError
from app.ports import UnitOfWork
from app.printing.builders import FORM_LABELS
from app.printing.documents import (
    ApplicantLine,
    AppointmentConfirmation,
    CounterDesk,
    MaterialLine,
)
from app.printing.kinds import DocumentKind
from app.printing.loaders import register_loader
from app.signing import sign_document

CHANNEL_WORDS = {BookingChannel.PHONE: "电话预约", BookingChannel.COUNTER: "现场预约"}


def _bring(m: MaterialRecord) -> MaterialLine:
    if m.necessity is Necessity.REQUIRED:
        note = "必交"
    elif m.necessity is Necessity.CONDITIONAL:
        note = f"{m.condition}时提交" if m.condition else "符合条件时提交"
    else:
        note = "选交"
    copies = f"，{m.copies}份" if m.copies > 1 else ""
    return MaterialLine(m.name, FORM_LABELS[m.form], m.copies, note + copies)


def confirmation_document(uow: UnitOfWork, number: str) -> AppointmentConfirmation:
    """预约确认单 of a booked appointment, with what to bring (the item's materials now)."""
    from app.catalog.service import get_version

    with uow.read():
        found = uow.appointments.by_number(number.strip().upper())
        if found is None:
            raise NotFound(f"没有编号为“{number}”的预约")
        if found.state is AppointmentState.CANCELLED:
            raise ValidationError.single("number", f"预约 {found.number} 已取消，不能打印确认单")
        schedule = uow.appointments.schedule(found.schedule_id)
        site = uow.sites.get(found.site_id)
        if schedule is None or site is None:
            raise NotFound("找不到预约的安排或本服务中心的记录")
        version = get_version(uow, found.item_version_id) if found.item_version_id else None
    issued_on = local_day(found.booked_at)
    return AppointmentConfirmation(
        center_name=site.name,
        number=found.number,
        issued_on=issued_on,
        desk=CounterDesk(clerk=found.booked_by_name, phone=site.phones),
        qr_payload=sign_document(
            uow, DocumentKind.APPOINTMENT, found.number, issued_on, site_id=site.id
        ),
        visitor=ApplicantLine.masked(found.visitor_name, phone=found.phone),
        item_name=found.item_name,
        item_code=found.item_code,
        day=found.day,
        slot=found.slot_text(),
        place=place_of(schedule),
        booked_at=found.booked_at.astimezone(DEFAULT_TZ),
        channel=CHANNEL_WORDS[found.channel],
        notes=found.notes,
        materials=tuple(_bring(m) for m in version.materials) if version else (),
        day_provisional=_provisional(uow, found.day),
    )


def _provisional(uow: UnitOfWork, day: date) -> bool:
    """Whether the appointment's day lies in a year whose holiday schedule is not final."""
    from app.calendar import load_calendar

    with uow.read():
        return not load_calendar(uow).is_year_known(day.year)


register_loader(DocumentKind.APPOINTMENT, confirmation_document)

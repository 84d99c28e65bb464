"""Document numbers: readable, unique per site, given inside the issuing transaction.

``QH-20261126-0007`` is the seventh case of site QH on 26 November 2026. Notices, refusals,
complaints and appointments use their own prefix letter (``QH-N20261126-0001``, ``QH-R…``,
``QH-T…``, ``QH-Y…``; an appointment is dated the day it was booked, not the day booked for);
so do visits to the first responder (``QH-V…``) and referrals, whose slip (引导单) carries the
referral's number (``QH-F…``, F as the slip's letter in the signed QR code). The serial comes
from a counter row locked and moved in the same transaction that stores the document, so two
counters accepting at the same second get different numbers and a rolled-back transaction gives
its number back.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Protocol


class NumberKind(StrEnum):
    CASE = "case"
    NOTICE = "notice"
    REFUSAL = "refusal"
    COMPLAINT = "complaint"
    APPOINTMENT = "appointment"
    VISIT = "visit"
    REFERRAL = "referral"


PREFIX = {
    NumberKind.CASE: "",
    NumberKind.NOTICE: "N",
    NumberKind.REFUSAL: "R",
    NumberKind.COMPLAINT: "T",
    NumberKind.APPOINTMENT: "Y",
    NumberKind.VISIT: "V",
    NumberKind.REFERRAL: "F",
}


class CounterRepository(Protocol):
    """The unit of work's ``numbers`` (db.numbering_repo): every kind of document is numbered
    here, none by another area's repository."""

    def next_serial(self, site_id: int, kind: str, day: str) -> int:
        """Lock the counter row for (site, kind, day), add one, return the new value."""
        ...


def format_number(site_code: str, kind: NumberKind, day: date, serial: int) -> str:
    return f"{site_code}-{PREFIX[kind]}{day:%Y%m%d}-{serial:04d}"


def next_number(
    counters: CounterRepository, site_id: int, site_code: str, kind: NumberKind, day: date
) -> str:
    serial = counters.next_serial(site_id, str(kind), f"{day:%Y%m%d}")
    return format_number(site_code, kind, day, serial)

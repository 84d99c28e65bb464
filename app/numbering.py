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

import re
from dataclasses import dataclass
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


KIND_OF_PREFIX = {prefix: kind for kind, prefix in PREFIX.items()}

# SITE-[letter]YYYYMMDD-NNNN, then for a paper numbered after its case -Xn (-C2 the second
# correction request, -J the denial decision, -E1 the first extension notice).
_NUMBER = re.compile(
    r"(?P<site>[A-Z0-9][A-Z0-9-]{0,15}?)-(?P<letter>[A-Z]?)(?P<day>[0-9]{8})-(?P<serial>[0-9]{4,})"
    r"(?:-(?P<paper>[A-Z])(?P<index>[0-9]*))?",
    re.ASCII,
)


@dataclass(frozen=True)
class ParsedNumber:
    site_code: str
    kind: NumberKind
    day: date
    serial: int
    paper: str | None = None  # the letter of a case paper numbered after its case
    index: int | None = None  # which of the case's papers of that letter; None: the latest

    @property
    def record(self) -> str:
        """The number of the record itself: a case paper's suffix dropped."""
        return format_number(self.site_code, self.kind, self.day, self.serial)


def parse_number(text: str) -> ParsedNumber | None:
    """A number this module gives out (upper-cased, surrounding spaces ignored); None for
    anything else, a day that is no date included."""
    found = _NUMBER.fullmatch(text.strip().upper())
    if found is None or found["letter"] not in KIND_OF_PREFIX:
        return None
    kind = KIND_OF_PREFIX[found["letter"]]
    if found["paper"] is not None and kind is not NumberKind.CASE:
        return None  # only cases have papers numbered after them
    day = found["day"]
    try:
        issued = date(int(day[:4]), int(day[4:6]), int(day[6:]))
    except ValueError:
        return None
    index = int(found["index"]) if found["index"] else None
    return ParsedNumber(found["site"], kind, issued, int(found["serial"]), found["paper"], index)


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

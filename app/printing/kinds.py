"""The kinds of printed documents and what the common template adds to each.

One table says, per kind, its title, its letter in the signed QR payload (``app.signing``), its
default paper, and which of the template's optional parts it carries: a stub copy (存根) kept by
the hall, a seal space, and a line for the applicant's signature on the applicant's copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DocumentKind(StrEnum):
    RECEIPT = "receipt"  # 受理回执
    ONE_TIME_NOTICE = "notice"  # 一次性告知单
    REFERRAL = "referral"  # 引导单
    REFUSAL = "refusal"  # 不予受理通知书
    CORRECTION = "correction"  # 补正材料通知书
    DEFERRED = "deferred"  # 容缺受理通知
    COMPLETION = "completion"  # 办结通知
    GUIDE = "guide"  # 办事指南
    DAILY_LOG = "daily_log"  # 工作日志 / 台账
    APPOINTMENT = "appointment"  # 预约确认单
    DENIAL = "denial"  # 不予行政许可决定书
    SUPPLY = "supply"  # 容缺材料补交回执
    SPECIAL = "special"  # 特别程序告知书
    EXTENSION = "extension"  # 延期告知书
    COMMITMENT = "commitment"  # 服务承诺书
    DISCLOSURE = "disclosure"  # 政务服务事项公示清单
    HALT = "halt"  # 中止办理通知书 (a deferred material overdue)
    TERMINATION = "termination"  # 终止办理通知书 (a deferred material never supplied)
    QUEUE_TICKET = "queue_ticket"  # 排队号票


class PageSize(StrEnum):
    A4 = "A4"
    A5 = "A5"
    A6 = "A6"
    ROLL80 = "80mm"  # an 80 mm receipt printer's roll, cut at 160 mm


@dataclass(frozen=True)
class KindSpec:
    title: str
    letter: str
    """One letter naming the kind in the signed payload; never reuse a retired letter."""
    page_size: PageSize
    stub: bool
    """A second page, the stub (存根), which the hall keeps with the applicant's signature."""
    seal: bool
    """Space for the hall's seal above the issuing center's name and the date."""
    applicant_signs: bool
    """A signature line on the applicant's copy (a commitment or an acknowledgement)."""
    marks_reprints: bool = True
    """Copies after the first say 补打; not for guides, which are handed out by the dozen."""
    landscape: bool = False
    """The paper turned sideways (the daily log's wide table of counts)."""


KIND_SPECS: dict[DocumentKind, KindSpec] = {
    DocumentKind.RECEIPT: KindSpec("受理回执", "A", PageSize.A4, True, True, False),
    DocumentKind.ONE_TIME_NOTICE: KindSpec("一次性告知单", "N", PageSize.A4, True, True, False),
    DocumentKind.REFERRAL: KindSpec("引导单", "F", PageSize.A5, False, False, False),
    DocumentKind.REFUSAL: KindSpec("不予受理通知书", "R", PageSize.A4, True, True, False),
    DocumentKind.CORRECTION: KindSpec("补正材料通知书", "C", PageSize.A4, True, True, False),
    DocumentKind.DEFERRED: KindSpec("容缺受理通知", "D", PageSize.A4, True, True, True),
    DocumentKind.COMPLETION: KindSpec("办结通知", "K", PageSize.A4, False, True, False),
    DocumentKind.GUIDE: KindSpec("办事指南", "G", PageSize.A4, False, False, False, False),
    # A log printed again later is a new state of the records, not a copy: no 补打 mark.
    DocumentKind.DAILY_LOG: KindSpec(
        "工作日志", "L", PageSize.A4, False, False, False, marks_reprints=False, landscape=True
    ),
    DocumentKind.APPOINTMENT: KindSpec("预约确认单", "Y", PageSize.A5, False, False, False),
    # The stub is the 送达回证: the hall keeps it with the applicant's signature of receipt.
    DocumentKind.DENIAL: KindSpec("不予行政许可决定书", "J", PageSize.A4, True, True, False),
    DocumentKind.SUPPLY: KindSpec("容缺材料补交回执", "B", PageSize.A4, True, True, False),
    DocumentKind.SPECIAL: KindSpec("特别程序告知书", "T", PageSize.A4, True, True, False),
    DocumentKind.EXTENSION: KindSpec("延期告知书", "E", PageSize.A4, True, True, False),
    # An overdue deferral: H (halt) for 中止办理, Z (终止) for 终止办理; the stub is the 送达回证.
    DocumentKind.HALT: KindSpec("中止办理通知书", "H", PageSize.A4, True, True, False),
    DocumentKind.TERMINATION: KindSpec("终止办理通知书", "Z", PageSize.A4, True, True, False),
    # Posted in the hall (公示): printed again whenever the catalog changes, no 补打 mark.
    DocumentKind.COMMITMENT: KindSpec(
        "服务承诺书", "P", PageSize.A4, False, True, False, marks_reprints=False
    ),
    DocumentKind.DISCLOSURE: KindSpec(
        "政务服务事项公示清单",
        "S",
        PageSize.A4,
        False,
        True,
        False,
        marks_reprints=False,
        landscape=True,
    ),
    # Each print is the ticket itself (a lost one is printed again), not a copy: no 补打.
    DocumentKind.QUEUE_TICKET: KindSpec(
        "排队号票", "Q", PageSize.A6, False, False, False, marks_reprints=False
    ),
}


def kind_spec(kind: DocumentKind | str) -> KindSpec:
    return KIND_SPECS[DocumentKind(kind)]


def kind_by_letter(letter: str) -> DocumentKind | None:
    return next((k for k, spec in KIND_SPECS.items() if spec.letter == letter), None)

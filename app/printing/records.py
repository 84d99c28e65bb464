"""The print log: every copy of a document that leaves a printer (or is saved as PDF).

Copy 1 is the original; a later copy of the same kind and number is a reprint (补打) and carries
its count on the paper (:func:`mark_copy`). The copy is recorded *before* it is printed, so the
number on the paper is the one in the log; a print job that then fails still counts as a copy
handed out, which errs on the side of the applicant holding a genuine paper.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from app import audit
from app.clock import DEFAULT_TZ
from app.ports import UnitOfWork
from app.printing.documents import PrintedDocument, ReprintMark
from app.printing.kinds import DocumentKind
from app.roles import ANY_ROLE, Actor, allowed_roles
from app.validation import validate_text

D = TypeVar("D", bound=PrintedDocument)


@dataclass(frozen=True)
class PrintRecord:
    kind: DocumentKind
    number: str
    copy_no: int
    staff_id: int
    staff_name: str
    printed_at: datetime
    printer: str

    @property
    def is_reprint(self) -> bool:
        return self.copy_no > 1


class PrintLogRepository(Protocol):
    def add(self, kind: str, number: str, staff_id: int, printed_at: datetime, printer: str) -> int:
        """Store the next copy of (kind, number) and return its copy number (1, 2, ...);
        two counters printing the same document at once get different numbers."""
        ...

    def copies(self, kind: str, number: str) -> list[PrintRecord]: ...
    def count(self, kind: str, number: str) -> int: ...


@allowed_roles(*ANY_ROLE)
def record_print(
    uow: UnitOfWork, actor: Actor, kind: DocumentKind | str, number: str, printer: str = ""
) -> PrintRecord:
    """Log one printed copy (audited) and return it with its copy number."""
    kind = DocumentKind(kind)
    number = number.strip().upper()
    printer = validate_text(printer[:200], "printer", 200, required=False)
    now = uow.clock.now()
    with uow.write():
        copy_no = uow.prints.add(str(kind), number, actor.staff_id, now, printer)
        audit.record(
            uow,
            actor,
            "document_reprinted" if copy_no > 1 else "document_printed",
            str(kind),
            number,
            None,
            {"copy": copy_no, "printer": printer},
        )
    return PrintRecord(kind, number, copy_no, actor.staff_id, actor.name, now, printer)


@allowed_roles(*ANY_ROLE)
def print_history(
    uow: UnitOfWork, actor: Actor, kind: DocumentKind | str, number: str
) -> list[PrintRecord]:
    with uow.read():
        return uow.prints.copies(str(DocumentKind(kind)), number.strip().upper())


def next_copy_no(uow: UnitOfWork, kind: DocumentKind | str, number: str) -> int:
    """The copy number the next print would get (for a preview)."""
    with uow.read():
        return uow.prints.count(str(DocumentKind(kind)), number.strip().upper()) + 1


def mark_copy(doc: D, copy_no: int, printed_at: datetime) -> D:
    """The document as printed as copy ``copy_no``: from the second copy on, marked 补打
    (for kinds that mark reprints)."""
    mark = None
    if copy_no > 1 and doc.spec.marks_reprints:
        mark = ReprintMark(copy_no - 1, printed_at.astimezone(DEFAULT_TZ))
    return dataclasses.replace(doc, reprint=mark)


@allowed_roles(*ANY_ROLE)
def issue_copy(uow: UnitOfWork, actor: Actor, doc: D, printer: str = "") -> D:
    """Log one copy of ``doc`` and return it as that copy prints (marked 补打 if not the first)."""
    record = record_print(uow, actor, doc.kind, doc.number, printer)
    return mark_copy(doc, record.copy_no, record.printed_at)

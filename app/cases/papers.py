"""Which papers a case has: decided here from its state and its events, so the case window,
the command line and the tests agree. The window only lists what this returns."""

from __future__ import annotations

from app.cases.lifecycle import CaseAction, CaseState, SuspensionKind
from app.cases.records import CaseRecord
from app.printing.kinds import DocumentKind

# Suspensions with their own paper: corrections have the 补正材料通知书, a deferral left overdue
# the 中止办理通知书; every other kind is a special procedure (特别程序告知书).
_OWN_PAPER = {
    SuspensionKind.CORRECTIONS: DocumentKind.CORRECTION,
    SuspensionKind.DEFERRAL_OVERDUE: DocumentKind.HALT,
}


def case_papers(case: CaseRecord) -> list[DocumentKind]:
    """The papers that can be printed for ``case`` now, in the order they were issued: always
    the receipt, then each one whose record exists."""
    papers = [DocumentKind.RECEIPT]
    if "deferred" in case.materials.values():
        papers.append(DocumentKind.DEFERRED)
    actions = {e.action for e in case.events}
    if CaseAction.EXTEND in actions:
        papers.append(DocumentKind.EXTENSION)
    if CaseAction.SUPPLY in actions:
        papers.append(DocumentKind.SUPPLY)
    kinds = {k for e in case.events if (k := e.suspension_kind) is not None}
    if SuspensionKind.CORRECTIONS in kinds:
        papers.append(DocumentKind.CORRECTION)
    if kinds - set(_OWN_PAPER):
        papers.append(DocumentKind.SPECIAL)
    if SuspensionKind.DEFERRAL_OVERDUE in kinds:
        papers.append(DocumentKind.HALT)
    if case.state is CaseState.TERMINATED:
        papers.append(DocumentKind.TERMINATION)
    if case.state in (CaseState.DECIDED, CaseState.DELIVERED):
        if case.decision == "denied":
            papers.append(DocumentKind.DENIAL)
        papers.append(DocumentKind.COMPLETION)
    return papers

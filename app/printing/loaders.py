""" "Print document kind K, number N": one loader per kind, looked up by kind.

The command line (``frontdesk print KIND NUMBER``) and the screens name a document by its kind
and the number printed on it; a loader turns that into a document. Kinds whose records live
elsewhere (one-time notices and refusals in ``app.notices.printing``, referral slips in
``app.visits.printing``, the daily log later) add
themselves with :func:`register_loader` from the module that owns their records; that module
is imported in :func:`loader_modules`.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from app.errors import NotFound, ValidationError
from app.numbering import parse_number
from app.ports import UnitOfWork
from app.printing import builders
from app.printing.documents import PrintedDocument
from app.printing.kinds import DocumentKind, kind_spec
from app.roles import ANY_ROLE, Actor, allowed_roles

Loader = Callable[[UnitOfWork, str], PrintedDocument]
"""(unit of work, the number as printed) -> the document."""

_LOADERS: dict[DocumentKind, Loader] = {}


def register_loader(kind: DocumentKind, loader: Loader) -> None:
    _LOADERS[kind] = loader


def loader_modules() -> tuple[ModuleType, ...]:
    """The modules that register loaders for the records they own (add one here when a new
    module does), imported on the first lookup so ``frontdesk print notice ...`` finds its
    loader without the caller knowing where it lives. Imported here, not at the top, because
    each of them imports this module."""
    from app.appointments import printing as appointment_papers
    from app.notices import printing as notice_papers
    from app.queue import printing as queue_papers
    from app.visits import printing as visit_papers

    return (notice_papers, appointment_papers, visit_papers, queue_papers)


def loadable_kinds() -> list[DocumentKind]:
    loader_modules()
    return [k for k in DocumentKind if k in _LOADERS]


@allowed_roles(*ANY_ROLE)
def load_document(
    uow: UnitOfWork, actor: Actor, kind: DocumentKind | str, number: str
) -> PrintedDocument:
    """The document of this kind and number, ready to render."""
    try:
        kind = DocumentKind(kind)
    except ValueError:
        known = ", ".join(loadable_kinds())
        raise ValidationError.single("kind", f"未知的文书类型“{kind}”（可用：{known}）") from None
    loader_modules()
    loader = _LOADERS.get(kind)
    if loader is None:
        known = ", ".join(loadable_kinds())
        raise ValidationError.single(
            "kind", f"{kind_spec(kind).title}暂不能按编号打印（可用：{known}）"
        )
    if not number.strip() and kind not in HALL_PAPERS:
        raise ValidationError.single("number", f"请给出要打印的{kind_spec(kind).title}的编号")
    return loader(uow, number.strip())


# Made from the catalog in force, not found by a number.
HALL_PAPERS = frozenset({DocumentKind.COMMITMENT, DocumentKind.DISCLOSURE})


def _case_id(uow: UnitOfWork, number: str) -> int:
    with uow.read():
        case = uow.cases.by_number(number)
    if case is None:
        raise NotFound(f"没有编号为“{number}”的办件")
    return case.id


def _by_case(build: Callable[[UnitOfWork, int], PrintedDocument]) -> Loader:
    return lambda uow, number: build(uow, _case_id(uow, number))


def _by_own_number(
    letter: str, build: Callable[[UnitOfWork, int, int | None], PrintedDocument]
) -> Loader:
    """A paper numbered after its case — ``QH-20261124-0001-C2`` is the case's second
    correction request: by its own number, or by the case's (the latest of its kind)."""

    def load(uow: UnitOfWork, number: str) -> PrintedDocument:
        with uow.read():
            found = uow.cases.by_number(number)
        own = parse_number(number)
        if found is None and own is not None and own.paper == letter:
            return build(uow, _case_id(uow, own.record), own.index)
        return build(uow, _case_id(uow, number), None)

    return load


def _guide(uow: UnitOfWork, number: str) -> PrintedDocument:
    """A guide by item code (``MZ-001``); the version in force is printed."""
    return builders.guide_for_item(uow, number)


register_loader(DocumentKind.RECEIPT, _by_case(builders.receipt_for_case))
register_loader(DocumentKind.DEFERRED, _by_case(builders.deferred_notice_for_case))
register_loader(DocumentKind.COMPLETION, _by_case(builders.completion_notice_for_case))
register_loader(DocumentKind.CORRECTION, _by_own_number("C", builders.correction_request_for_case))
register_loader(DocumentKind.SUPPLY, _by_own_number("B", builders.supply_receipt_for_case))
register_loader(DocumentKind.SPECIAL, _by_own_number("T", builders.special_notice_for_case))
register_loader(DocumentKind.EXTENSION, _by_own_number("E", builders.extension_notice_for_case))
register_loader(DocumentKind.HALT, _by_own_number("H", builders.halt_notice_for_case))
# One termination per case: "-Z" carries no count.
register_loader(
    DocumentKind.TERMINATION,
    _by_own_number("Z", lambda uow, case, _index: builders.termination_notice_for_case(uow, case)),
)
# One decision per case: "-J" carries no count.
register_loader(
    DocumentKind.DENIAL,
    _by_own_number("J", lambda uow, case, _index: builders.denial_decision_for_case(uow, case)),
)
# The hall's posted papers are made from today's catalog; any number prints today's.
register_loader(DocumentKind.COMMITMENT, lambda uow, _number: builders.commitment_for_hall(uow))
register_loader(DocumentKind.DISCLOSURE, lambda uow, _number: builders.disclosure_for_hall(uow))
register_loader(DocumentKind.GUIDE, _guide)

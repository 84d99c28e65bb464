"""容缺受理 followed through: a case accepted with minor materials deferred (the applicant
promised them by a date) records each one as it comes in, with a printed receipt of what came
in, and is not approved while one is still outstanding — unless a supervisor approves anyway
with a recorded reason.

What has been supplied is derived from the case's ``supply`` events, never kept as a flag on
its own; ``case_material.supplied_at`` is written alongside for the work list's query.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.cases.common import load_case, require_reason
from app.cases.lifecycle import CaseAction
from app.cases.ports import CaseStore
from app.cases.records import CaseRecord
from app.errors import ValidationError
from app.roles import Actor, Role


def outstanding(case: CaseRecord) -> frozenset[int]:
    """The deferred materials (catalog material ids) not supplied yet."""
    deferred = {mid for mid, state in case.materials.items() if state == "deferred"}
    for event in case.events:
        if event.action is CaseAction.SUPPLY:
            deferred -= {int(i) for i in event.detail.get("material_ids", ())}
    return frozenset(deferred)


def material_names(uow: CaseStore, case: CaseRecord) -> dict[int, str]:
    from app.catalog.service import get_version

    with uow.read():
        version = get_version(uow, case.item_version_id)
    return {m.id: m.name for m in version.materials}


def chosen_materials(material_ids: Iterable[object]) -> frozenset[int]:
    try:
        return frozenset(int(str(i)) for i in material_ids)
    except (TypeError, ValueError):
        raise ValidationError.single("materials", "补交的材料不正确") from None


def approval_override(uow: CaseStore, actor: Actor, case_id: int, override: str) -> str:
    """Before approving: '' when nothing deferred is outstanding; the supervisor's recorded
    reason when they approve anyway; otherwise a refusal naming what is missing."""
    with uow.read():
        case = load_case(uow, case_id)
    missing = outstanding(case)
    if not missing:
        return ""
    names = material_names(uow, case)
    listed = "、".join(names.get(i, str(i)) for i in sorted(missing))
    if actor.role is not Role.SUPERVISOR:
        raise ValidationError.single(
            "outcome", f"容缺材料（{listed}）尚未补交，不能准予；请先登记补交，或由负责人决定"
        )
    return require_reason(override, "override", f"容缺材料（{listed}）尚未补交时准予的理由")

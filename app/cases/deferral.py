"""容缺受理 followed through: a case accepted with minor materials deferred (the applicant
promised them by a date) records each one as it comes in, with a printed receipt of what came
in, and is not approved while one is still outstanding — unless a supervisor approves anyway
with a recorded reason. A material still outstanding after its supply-by day is overdue: it shows
on the work list, opens an accountability record (``app.cases.accountability``), and lets the
clerk suspend (中止办理) or terminate (终止办理) the case with a printed notice, as the applicant's
signed commitment on the 容缺受理通知 said.

What has been supplied is derived from the case's ``supply`` events, never kept as a flag on
its own; ``case_material.supplied_at`` is written alongside for the work list's query.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

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


def is_overdue(supply_by: date | None, today: date) -> bool:
    """A supply-by day (already moved off any holiday at acceptance) is the last day to bring
    the material: from the day after, the deferral is overdue."""
    return supply_by is not None and today > supply_by


def overdue(case: CaseRecord, today: date) -> frozenset[int]:
    """The deferred materials still outstanding after the supply-by day (empty when none)."""
    missing = outstanding(case)
    return missing if missing and is_overdue(case.deferred_supply_by, today) else frozenset()


def require_overdue(uow: CaseStore, case: CaseRecord, today: date, what: str) -> dict[int, str]:
    """The overdue materials (id: name, in id order), or a refusal: a case may be suspended or
    terminated for a deferral only once the applicant's date has passed with a material still
    owed."""
    missing = overdue(case, today)
    if not missing:
        if not outstanding(case):
            text = f"本件没有尚未补交的容缺材料，不能{what}"
        else:
            text = f"容缺材料的补交期限（{case.deferred_supply_by:%Y-%m-%d}）尚未届满，不能{what}"
        raise ValidationError.single("kind" if what == "中止办理" else "reason", text)
    names = material_names(uow, case)
    return {i: names.get(i, str(i)) for i in sorted(missing)}


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

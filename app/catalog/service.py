"""The catalog services: save an item as a new version, read versions, list, search, deactivate.

A written version never changes. Saving an item writes a new version and points the item at
it; a case keeps the id of the version it was accepted under, so ``get_version`` on that id
always gives what the applicant was told. Only administrators write; everyone reads.

Typical use::

    version_id = save_item(uow, admin, ItemDraft(code="MZ-001", name="最低生活保障申请", ...))
    hits = search_items(uow, "dbsq")            # -> [ItemSummary(...), ...] best first
    version = get_version(uow, hits[0].version_id)

Field errors come as one ``ValidationError`` whose keys name the field: ``"code"``,
``"committed_days"``, ``"materials"`` (the list as a whole), ``"materials[2].name"``
(0-based, the third material), ``"steps[0].days"``.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from app import audit
from app.catalog.ports import ItemDraft, MaterialDraft, StepDraft
from app.catalog.records import (
    DecisionLevel,
    ItemSummary,
    ItemVersionRecord,
    MaterialForm,
    MaterialMedium,
    Necessity,
)
from app.catalog.search import normalize_query, search_key
from app.errors import ConcurrentEdit, NotFound
from app.installation import require_catalog_owner
from app.ports import CatalogStore, UnitOfWork
from app.roles import Actor, Role, allowed_roles
from app.validation import FieldErrors, refuse_lone_surrogates, validate_text

__all__ = [
    "ItemDraft",
    "MaterialDraft",
    "SaveResult",
    "StepDraft",
    "current_version",
    "deactivate_item",
    "draft_of",
    "get_version",
    "list_items",
    "reactivate_item",
    "record_draft",
    "save_item",
    "search_items",
    "validate_draft",
]

E = TypeVar("E", bound=StrEnum)

MAX_DAYS = 1000
MAX_MATERIALS = 100
MAX_STEPS = 30
_CODE = re.compile(r"[A-Z0-9][A-Z0-9._-]{0,63}", re.ASCII)

# field: (max length, required, single line)
_ITEM_TEXTS = {
    "name": (100, True, True),
    "department": (100, True, True),
    "category": (50, False, True),
    "legal_basis": (4000, False, False),
    "conditions": (4000, False, False),
    "fee": (100, True, True),
    "fee_basis": (1000, False, False),
    "where_when": (1000, False, False),
    "consult_phone": (50, False, True),
    "complaint_phone": (50, False, True),
    "delivery_methods": (100, False, True),
}
_MATERIAL_TEXTS = {
    "name": (100, True, True),
    "condition": (500, False, False),
    "requirements": (1000, False, False),
    "template_ref": (200, False, True),
}
_ENUM_WORDS = {
    MaterialForm: "原件、复印件或均可",
    MaterialMedium: "纸质、电子或均可",
    Necessity: "必需、视情况或可选",
}


@dataclass(frozen=True)
class SaveResult:
    """What ``record_draft`` did: ``outcome`` is "created", "new_version" or "unchanged"."""

    item_id: int
    version_id: int
    version_no: int
    outcome: str


# -- validation (no database) -------------------------------------------------------------


def normalize_code(value: object) -> str:
    """Codes are compared and stored in upper case, full-width characters made half-width."""
    text = value if isinstance(value, str) else ""
    return unicodedata.normalize("NFKC", text).strip().upper()


def validate_draft(draft: ItemDraft) -> ItemDraft:
    """The draft with texts tidied and enums typed, or one ValidationError naming every bad
    field. Checks what needs no database; ``save_item`` adds the checks that do."""
    errors = FieldErrors()
    clean = check_draft(draft, errors)
    errors.raise_if_any()
    return clean


def check_draft(draft: ItemDraft, errors: FieldErrors) -> ItemDraft:
    code = normalize_code(draft.code)
    if not code:
        errors.add("code", "请填写事项编码")
    elif not _CODE.fullmatch(code):
        errors.add("code", "事项编码只能由字母、数字、点、下划线和短横线组成，最长64位")
    texts: dict[str, Any] = {
        field: _text(errors, field, getattr(draft, field), *spec)
        for field, spec in _ITEM_TEXTS.items()
    }
    statutory = _whole(errors, "statutory_days", draft.statutory_days, 0, MAX_DAYS)
    committed = _whole(errors, "committed_days", draft.committed_days, 0, MAX_DAYS)
    if statutory is not None and committed is not None and committed > statutory:
        errors.add("committed_days", f"承诺时限不能超过法定时限（{statutory}个工作日）")
    visits = _whole(errors, "visits_needed", draft.visits_needed, 0, 10)
    allowance = _whole(errors, "extension_allowance", draft.extension_allowance, 0, MAX_DAYS)
    level = draft.decision_level
    if level not in set(DecisionLevel):
        errors.add("decision_level", "请选择由本中心还是县级部门作出决定")
        level = DecisionLevel.LOCAL
    materials = _check_materials(draft.materials, errors)
    if committed and not draft.materials:
        errors.add("materials", "有办理时限的事项至少要列出一项申请材料")
    steps, steps_ok = _check_steps(draft.steps, errors)
    if committed is not None and steps and steps_ok:
        total = sum(s.days for s in steps)
        if total > committed:
            errors.add("steps", f"各环节时限合计{total}个工作日，超过承诺时限{committed}个工作日")
    return dataclasses.replace(
        draft,
        code=code,
        statutory_days=statutory or 0,
        committed_days=committed or 0,
        visits_needed=visits if visits is not None else 1,
        extension_allowance=allowance if allowance is not None else 10,
        decision_level=str(DecisionLevel(level)),
        materials=materials,
        steps=steps,
        **texts,
    )


def _check_materials(
    materials: tuple[MaterialDraft, ...], errors: FieldErrors
) -> tuple[MaterialDraft, ...]:
    if len(materials) > MAX_MATERIALS:
        errors.add("materials", f"申请材料不能超过{MAX_MATERIALS}项")
    clean: list[MaterialDraft] = []
    seen: dict[str, int] = {}
    for i, m in enumerate(materials):
        key = f"materials[{i}]"
        texts: dict[str, Any] = {
            field: _text(errors, f"{key}.{field}", getattr(m, field), *spec)
            for field, spec in _MATERIAL_TEXTS.items()
        }
        form = _enum(errors, f"{key}.form", MaterialForm, m.form)
        medium = _enum(errors, f"{key}.medium", MaterialMedium, m.medium)
        necessity = _enum(errors, f"{key}.necessity", Necessity, m.necessity)
        copies = _whole(errors, f"{key}.copies", m.copies, 1, 99)
        if not isinstance(m.deferrable, bool):
            errors.add(f"{key}.deferrable", "是否容缺只能是“是”或“否”")
        if necessity is Necessity.CONDITIONAL and not texts["condition"]:
            errors.add(f"{key}.condition", "请写明在什么情况下需要这项材料")
        name = texts["name"]
        if name:
            if name in seen:
                errors.add(f"{key}.name", f"与第{seen[name] + 1}项材料重名")
            seen.setdefault(name, i)
        clean.append(
            dataclasses.replace(
                m,
                form=form or MaterialForm.ORIGINAL,
                medium=medium or MaterialMedium.PAPER,
                necessity=necessity or Necessity.REQUIRED,
                copies=copies or 1,
                deferrable=m.deferrable is True,
                **texts,
            )
        )
    return tuple(clean)


def _check_steps(
    steps: tuple[StepDraft, ...], errors: FieldErrors
) -> tuple[tuple[StepDraft, ...], bool]:
    """The tidied steps, and whether every step's days were usable (for the total check)."""
    ok = len(steps) <= MAX_STEPS
    if not ok:
        errors.add("steps", f"办理环节不能超过{MAX_STEPS}个")
    clean: list[StepDraft] = []
    for i, s in enumerate(steps):
        name = _text(errors, f"steps[{i}].name", s.name, 50, True, True)
        days = _whole(errors, f"steps[{i}].days", s.days, 0, MAX_DAYS)
        ok = ok and days is not None
        clean.append(StepDraft(name=name, days=days or 0))
    return tuple(clean), ok


def _text(
    errors: FieldErrors, field: str, value: object, max_len: int, required: bool, single: bool
) -> str:
    text = errors.check(field, validate_text, value, max_len=max_len, required=required)
    if text is None:
        return value if isinstance(value, str) else ""
    if single and "\n" in text:
        errors.add(field, "不能换行")
    return text


def _whole(errors: FieldErrors, field: str, value: object, low: int, high: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        errors.add(field, "请填写整数")
        return None
    if value < 0:
        errors.add(field, "不能为负数")
        return None
    if not low <= value <= high:
        errors.add(field, f"应在{low}到{high}之间")
        return None
    return value


def _enum(errors: FieldErrors, field: str, kind: type[E], value: object) -> E | None:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return kind(value)
    except ValueError:
        errors.add(field, f"只能是{_ENUM_WORDS[kind]}")
        return None


# -- writing ------------------------------------------------------------------------------


@allowed_roles(Role.ADMIN)
def save_item(uow: UnitOfWork, actor: Actor, draft: ItemDraft) -> int:
    """Create the item (``draft.base_version_id`` None) or write its next version; returns
    the id of the version now current. A draft identical to the current version writes
    nothing and returns that version's id. Everything is checked before anything is written.
    """
    with uow.write():
        return record_draft(uow, actor, draft).version_id


def record_draft(
    uow: UnitOfWork, actor: Actor | None, draft: ItemDraft, *, login: str | None = None
) -> SaveResult:
    """``save_item`` inside the caller's write transaction, without the role check (for the
    import and the demo loader, which check or need none)."""
    if actor is not None:  # staff editing; the set-up's own loading (actor None) is not
        require_catalog_owner(uow)
    errors = FieldErrors()
    clean = check_draft(draft, errors)
    existing = uow.catalog.item_by_code(clean.code, lock=True) if clean.code else None
    base: ItemVersionRecord | None = None
    if clean.base_version_id is None:
        if existing is not None:
            errors.add("code", f"事项编码“{clean.code}”已被使用")
    else:
        base = uow.catalog.version(clean.base_version_id)
        if base is None:
            raise NotFound(f"没有编号为 {clean.base_version_id} 的事项版本")
        if clean.code != base.code:
            errors.add("code", f"事项编码不能修改（原编码为 {base.code}）")
    errors.raise_if_any()
    if base is None:
        item_id = uow.catalog.add_item(clean.code)
        version_no = 1
    else:
        assert existing is not None  # the base version's item has the base's code
        if existing.current_version_id != base.id:
            current = uow.catalog.version(existing.current_version_id or 0)
            newer = f"第{current.version_no}版" if current else "新版本"
            raise ConcurrentEdit(f"“{base.name}”已被他人保存为{newer}，请重新打开后再修改")
        if _content(draft_of(base)) == _content(clean):
            return SaveResult(base.item_id, base.id, base.version_no, "unchanged")
        item_id = base.item_id
        version_no = uow.catalog.last_version_no(item_id) + 1
    version_id = uow.catalog.add_version(
        item_id,
        version_no,
        clean,
        search_key=search_key(clean.code, clean.name),
        created_at=uow.clock.now(),
        created_by=actor.staff_id if actor else None,
    )
    uow.catalog.set_current_version(item_id, version_id)
    audit.record(
        uow,
        actor,
        "catalog_item_created" if base is None else "catalog_version_added",
        "service_item",
        item_id,
        _audit_view(draft_of(base), base.version_no) if base else None,
        _audit_view(clean, version_no),
        login=login,
    )
    return SaveResult(item_id, version_id, version_no, "created" if base is None else "new_version")


@allowed_roles(Role.ADMIN)
def deactivate_item(uow: UnitOfWork, actor: Actor, code: str) -> None:
    """Stop offering an item: it leaves search and the counter; its versions stay readable."""
    with uow.write():
        set_item_active(uow, actor, code, False)


@allowed_roles(Role.ADMIN)
def reactivate_item(uow: UnitOfWork, actor: Actor, code: str) -> None:
    with uow.write():
        set_item_active(uow, actor, code, True)


def set_item_active(
    uow: UnitOfWork, actor: Actor | None, code: str, active: bool, *, login: str | None = None
) -> bool:
    """Inside the caller's write transaction; True when the state changed."""
    if actor is not None:
        require_catalog_owner(uow)
    item = uow.catalog.item_by_code(normalize_code(code), lock=True)
    if item is None:
        raise NotFound(f"没有编码为“{code}”的事项")
    if item.active == active:
        return False
    uow.catalog.set_active(item.id, active)
    audit.record(
        uow,
        actor,
        "catalog_item_reactivated" if active else "catalog_item_deactivated",
        "service_item",
        item.id,
        {"active": item.active},
        {"active": active},
        login=login,
    )
    return True


# -- reading (every role) -----------------------------------------------------------------


def get_version(uow: CatalogStore, version_id: int) -> ItemVersionRecord:
    """One version exactly as it was written; joins the caller's transaction if one is open."""
    with uow.read():
        version = uow.catalog.version(version_id)
    if version is None:
        raise NotFound(f"没有编号为 {version_id} 的事项版本")
    return version


def current_version(uow: CatalogStore, code: str) -> ItemVersionRecord:
    """The version now in force for the item with this code (deactivated items included)."""
    with uow.read():
        item = uow.catalog.item_by_code(normalize_code(code))
        version = (
            uow.catalog.version(item.current_version_id)
            if item and item.current_version_id
            else None
        )
    if version is None:
        raise NotFound(f"没有编码为“{code}”的事项")
    return version


def list_items(uow: UnitOfWork, include_inactive: bool = False) -> list[ItemSummary]:
    """Every item's current version, ordered by code."""
    with uow.read():
        return uow.catalog.summaries(include_inactive)


def search_items(
    uow: UnitOfWork, query: str, limit: int = 20, *, include_inactive: bool = False
) -> list[ItemSummary]:
    """Items matching a code, part of the name or pinyin initials, best first (see
    ``CatalogRepository.search`` for the ranking). An empty query finds nothing."""
    text = normalize_query(refuse_lone_surrogates(query or "", "query"))
    if not text:
        return []
    with uow.read():
        return uow.catalog.search(text, max(1, min(limit, 200)), include_inactive)


USUAL_DAYS = 30


@allowed_roles(Role.CLERK, Role.SUPERVISOR)
def usual_items(uow: UnitOfWork, actor: Actor, limit: int = 12) -> list[ItemSummary]:
    """What the finder shows before the clerk types: the items most accepted at the clerk's
    window in the last month, most used first (a township window handles a handful of items
    all day). Empty for a new window: then the clerk types as before."""
    from datetime import timedelta

    from app.cases.deadlines import local_day

    since = local_day(uow.clock.now()) - timedelta(days=USUAL_DAYS)
    with uow.read():
        ids = uow.cases.usual_item_ids(actor.window_id, actor.staff_id, since, limit)
        if not ids:
            return []
        by_item = {s.item_id: s for s in uow.catalog.summaries(False)}
    return [by_item[i] for i in ids if i in by_item]


def draft_of(version: ItemVersionRecord) -> ItemDraft:
    """A draft with the version's content, to edit into the next version."""
    return ItemDraft(
        code=version.code,
        name=version.name,
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
        extension_allowance=version.extension_allowance,
        decision_level=version.decision_level,
        materials=tuple(
            MaterialDraft(
                name=m.name,
                form=m.form,
                medium=m.medium,
                copies=m.copies,
                necessity=m.necessity,
                condition=m.condition,
                deferrable=m.deferrable,
                requirements=m.requirements,
                template_ref=m.template_ref,
            )
            for m in version.materials
        ),
        steps=tuple(StepDraft(s.name, s.days) for s in version.steps),
        base_version_id=version.id,
    )


def same_content(a: ItemDraft, b: ItemDraft) -> bool:
    """Equal apart from which version each was based on."""
    return _content(a) == _content(b)


def _content(draft: ItemDraft) -> ItemDraft:
    return dataclasses.replace(draft, base_version_id=None)


def _audit_view(draft: ItemDraft, version_no: int) -> dict[str, Any]:
    view: dict[str, Any] = {
        f.name: getattr(draft, f.name)
        for f in dataclasses.fields(draft)
        if f.name not in ("materials", "steps", "base_version_id")
    }
    view["version_no"] = version_no
    view["materials"] = [
        "|".join(str(getattr(m, f.name)) for f in dataclasses.fields(m)) for m in draft.materials
    ]
    view["steps"] = [f"{s.name}|{s.days}" for s in draft.steps]
    return view

"""SQLAlchemy implementation of ``app.catalog.ports.CatalogRepository``."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, func, or_, select, update
from sqlalchemy.orm import Session

from app.catalog.ports import CatalogEntry, CatalogItemRecord, ItemDraft
from app.catalog.records import (
    ItemSummary,
    ItemVersionRecord,
    MaterialForm,
    MaterialMedium,
    MaterialRecord,
    Necessity,
    StepRecord,
)
from db.models import ItemMaterial, ItemStep, ServiceItem, ServiceItemVersion, Staff

_VERSION_FIELDS = (
    "name",
    "department",
    "category",
    "legal_basis",
    "conditions",
    "statutory_days",
    "committed_days",
    "extension_allowance",
    "decision_level",
    "fee",
    "fee_basis",
    "where_when",
    "visits_needed",
    "consult_phone",
    "complaint_phone",
    "delivery_methods",
)


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class SqlCatalogRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # -- items ----------------------------------------------------------------------------
    def item_by_code(self, code: str, *, lock: bool = False) -> CatalogItemRecord | None:
        query = select(ServiceItem).where(ServiceItem.code == code)
        if lock:
            query = query.with_for_update()
        row = self.s.scalar(query)
        return _item(row) if row else None

    def item(self, item_id: int) -> CatalogItemRecord | None:
        row = self.s.get(ServiceItem, item_id)
        return _item(row) if row else None

    def add_item(self, code: str) -> int:
        row = ServiceItem(code=code, active=True)
        self.s.add(row)
        self.s.flush()
        return row.id

    def set_current_version(self, item_id: int, version_id: int) -> None:
        self.s.execute(
            update(ServiceItem)
            .where(ServiceItem.id == item_id)
            .values(current_version_id=version_id)
        )

    def publish_version(self, version_id: int, at: datetime, by: int | None) -> None:
        self.s.execute(
            update(ServiceItemVersion)
            .where(ServiceItemVersion.id == version_id)
            .values(published_at=at, published_by=by)
        )

    def set_active(self, item_id: int, active: bool) -> None:
        self.s.execute(update(ServiceItem).where(ServiceItem.id == item_id).values(active=active))

    # -- versions -------------------------------------------------------------------------
    def last_version_no(self, item_id: int) -> int:
        found = self.s.scalar(
            select(func.max(ServiceItemVersion.version_no)).where(
                ServiceItemVersion.item_id == item_id
            )
        )
        return found or 0

    def add_version(
        self,
        item_id: int,
        version_no: int,
        draft: ItemDraft,
        *,
        search_key: str,
        created_at: datetime,
        created_by: int | None,
    ) -> int:
        version = ServiceItemVersion(
            item_id=item_id,
            version_no=version_no,
            search_key=search_key,
            created_at=created_at,
            created_by=created_by,
            **{field: getattr(draft, field) for field in _VERSION_FIELDS},
        )
        self.s.add(version)
        self.s.flush()
        self.s.add_all(
            ItemMaterial(
                version_id=version.id,
                position=position,
                name=m.name,
                form=str(m.form),
                medium=str(m.medium),
                copies=m.copies,
                necessity=str(m.necessity),
                condition=m.condition,
                deferrable=m.deferrable,
                requirements=m.requirements,
                template_ref=m.template_ref,
            )
            for position, m in enumerate(draft.materials, start=1)
        )
        self.s.add_all(
            ItemStep(version_id=version.id, position=position, name=step.name, days=step.days)
            for position, step in enumerate(draft.steps, start=1)
        )
        self.s.flush()
        return version.id

    def version(self, version_id: int) -> ItemVersionRecord | None:
        row = self.s.execute(
            select(ServiceItemVersion, ServiceItem.code)
            .join(ServiceItem, ServiceItem.id == ServiceItemVersion.item_id)
            .where(ServiceItemVersion.id == version_id)
        ).one_or_none()
        if row is None:
            return None
        materials = self.s.scalars(
            select(ItemMaterial)
            .where(ItemMaterial.version_id == version_id)
            .order_by(ItemMaterial.position)
        )
        steps = self.s.scalars(
            select(ItemStep).where(ItemStep.version_id == version_id).order_by(ItemStep.position)
        )
        publisher = (
            self.s.scalar(select(Staff.name).where(Staff.id == row[0].published_by))
            if row[0].published_by is not None
            else None
        )
        return _version(
            row[0],
            row[1],
            [_material(m) for m in materials],
            [_step(s) for s in steps],
            publisher or "",
        )

    def current_entries(self) -> list[CatalogEntry]:
        # Three queries for the whole catalog, joined on the current version (no IN lists).
        current = ServiceItem.current_version_id
        materials: dict[int, list[MaterialRecord]] = defaultdict(list)
        for m in self.s.scalars(
            select(ItemMaterial)
            .join(ServiceItem, current == ItemMaterial.version_id)
            .order_by(ItemMaterial.version_id, ItemMaterial.position)
        ):
            materials[m.version_id].append(_material(m))
        steps: dict[int, list[StepRecord]] = defaultdict(list)
        for st in self.s.scalars(
            select(ItemStep)
            .join(ServiceItem, current == ItemStep.version_id)
            .order_by(ItemStep.version_id, ItemStep.position)
        ):
            steps[st.version_id].append(_step(st))
        rows = self.s.execute(
            select(ServiceItemVersion, ServiceItem)
            .join(ServiceItem, current == ServiceItemVersion.id)
            .order_by(ServiceItem.code)
        )
        return [
            CatalogEntry(_item(item), _version(v, item.code, materials[v.id], steps[v.id]))
            for v, item in rows
        ]

    # -- lists and search -----------------------------------------------------------------
    def summaries(self, include_inactive: bool) -> list[ItemSummary]:
        query = _summary_query(include_inactive).order_by(ServiceItem.code)
        return [_summary(r) for r in self.s.execute(query)]

    def search(self, text: str, limit: int, include_inactive: bool) -> list[ItemSummary]:
        key = ServiceItemVersion.search_key
        escaped = like_escape(text)
        # The key is "<code> <name> <initials>" and codes have no spaces, so a space before
        # the pattern anchors it at the start of the name or of the initials.
        contains = key.like(f"%{escaped}%", escape="\\")
        matches: Any = contains
        if len(text) > 1:
            in_order = "%".join(like_escape(ch) for ch in text)
            matches = or_(contains, key.like(f"% %{in_order}%", escape="\\"))
        rank = case(
            (key.like(f"{escaped} %", escape="\\"), 0),
            (key.like(f"{escaped}%", escape="\\"), 1),
            (key.like(f"% {escaped}%", escape="\\"), 2),
            (contains, 3),
            else_=4,
        )
        # Code matches in code order; name matches shortest name first (the closest fit).
        closeness = case(
            (key.like(f"{escaped}%", escape="\\"), 0), else_=func.length(ServiceItemVersion.name)
        )
        query = (
            _summary_query(include_inactive)
            .where(matches)
            .order_by(rank, closeness, ServiceItem.code)
            .limit(limit)
        )
        return [_summary(r) for r in self.s.execute(query)]


def _summary_query(
    include_inactive: bool,
) -> Select[int, int, str, str, str, int, int, bool, datetime | None]:
    query = select(
        ServiceItem.id,
        ServiceItemVersion.id,
        ServiceItem.code,
        ServiceItemVersion.name,
        ServiceItemVersion.department,
        ServiceItemVersion.committed_days,
        ServiceItemVersion.version_no,
        ServiceItem.active,
        ServiceItemVersion.published_at,
    ).join(ServiceItemVersion, ServiceItem.current_version_id == ServiceItemVersion.id)
    if not include_inactive:
        query = query.where(ServiceItem.active.is_(True))
    return query


def _summary(r: Any) -> ItemSummary:
    return ItemSummary(
        item_id=r[0],
        version_id=r[1],
        code=r[2],
        name=r[3],
        department=r[4],
        committed_days=r[5],
        version_no=r[6],
        active=r[7],
        published=r[8] is not None,
    )


def _item(r: ServiceItem) -> CatalogItemRecord:
    return CatalogItemRecord(r.id, r.code, r.active, r.current_version_id)


def _material(m: ItemMaterial) -> MaterialRecord:
    return MaterialRecord(
        id=m.id,
        position=m.position,
        name=m.name,
        form=MaterialForm(m.form),
        medium=MaterialMedium(m.medium),
        copies=m.copies,
        necessity=Necessity(m.necessity),
        condition=m.condition,
        deferrable=m.deferrable,
        requirements=m.requirements,
        template_ref=m.template_ref,
    )


def _step(s: ItemStep) -> StepRecord:
    return StepRecord(s.position, s.name, s.days)


def _version(
    v: ServiceItemVersion,
    code: str,
    materials: list[MaterialRecord],
    steps: list[StepRecord],
    publisher: str = "",
) -> ItemVersionRecord:
    return ItemVersionRecord(
        id=v.id,
        item_id=v.item_id,
        code=code,
        version_no=v.version_no,
        created_at=v.created_at,
        published_at=v.published_at,
        published_by_name=publisher,
        materials=tuple(materials),
        steps=tuple(steps),
        **{field: getattr(v, field) for field in _VERSION_FIELDS},
    )

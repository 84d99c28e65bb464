"""The work list's reads that cross areas: cases still waiting for deferred materials."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, func, literal, select, tuple_
from sqlalchemy.orm import Session, aliased

from app.cases.lifecycle import OPEN_STATES
from app.visits.records import DeferredRow
from db.models import CaseFile, CaseMaterial, ItemMaterial, ServiceItemVersion, Staff

FAR_FUTURE = date(9999, 12, 31)
SUPPLY_KEY: Any = func.coalesce(CaseFile.deferred_supply_by, literal(FAR_FUTURE))


OWNER = aliased(Staff)


class SqlWorkListRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def _deferred(self, owner_ids: frozenset[int], due_by: date | None, columns: Any) -> Any:
        outstanding = exists().where(
            CaseMaterial.case_id == CaseFile.id,
            CaseMaterial.state == "deferred",
            CaseMaterial.supplied_at.is_(None),
        )
        stmt = (
            select(*columns)
            .select_from(CaseFile)
            .where(
                CaseFile.owner_id.in_(sorted(owner_ids)),
                CaseFile.state.in_(sorted(str(s) for s in OPEN_STATES)),
                outstanding,
            )
        )
        if due_by is not None:
            stmt = stmt.where(CaseFile.deferred_supply_by <= due_by)
        return stmt

    def query_deferred_ids(
        self,
        owner_ids: frozenset[int],
        due_by: date | None,
        after: tuple[Any, ...] | None,
        limit: int,
    ) -> list[tuple[int, tuple[Any, ...]]]:
        keys = (SUPPLY_KEY, CaseFile.id)
        stmt = self._deferred(owner_ids, due_by, [CaseFile.id, *keys])
        if after is not None:
            stmt = stmt.where(
                tuple_(*keys)
                > tuple_(*(literal(v, type_=k.type) for v, k in zip(after, keys, strict=True)))
            )
        stmt = stmt.order_by(*keys).limit(limit)
        return [(row[0], tuple(row[1:])) for row in self.s.execute(stmt)]

    def count_deferred(self, owner_ids: frozenset[int], due_by: date | None) -> int:
        return int(self.s.scalar(self._deferred(owner_ids, due_by, [func.count(CaseFile.id)])) or 0)

    def deferred_rows(self, ids: Sequence[int]) -> list[DeferredRow]:
        if not ids:
            return []
        cases = {
            c.id: (c, item, owner_name)
            for c, item, owner_name in self.s.execute(
                select(CaseFile, ServiceItemVersion.name, OWNER.name)
                .join(ServiceItemVersion, ServiceItemVersion.id == CaseFile.item_version_id)
                .join(OWNER, OWNER.id == CaseFile.owner_id)
                .where(CaseFile.id.in_(list(ids)))
            )
        }
        materials: dict[int, list[str]] = {}
        for case_id, name in self.s.execute(
            select(CaseMaterial.case_id, ItemMaterial.name)
            .join(ItemMaterial, ItemMaterial.id == CaseMaterial.material_id)
            .where(
                and_(
                    CaseMaterial.case_id.in_(list(ids)),
                    CaseMaterial.state == "deferred",
                    CaseMaterial.supplied_at.is_(None),
                )
            )
            .order_by(CaseMaterial.case_id, ItemMaterial.position)
        ):
            materials.setdefault(case_id, []).append(name)
        rows = []
        for case_id in ids:
            if case_id not in cases:
                continue
            c, item, owner_name = cases[case_id]
            rows.append(
                DeferredRow(
                    case_id=c.id,
                    case_number=c.number,
                    applicant_name=c.applicant_name,
                    item_name=item,
                    owner_id=c.owner_id,
                    owner_name=owner_name,
                    supply_by=c.deferred_supply_by,
                    materials=tuple(materials.get(c.id, ())),
                )
            )
        return rows

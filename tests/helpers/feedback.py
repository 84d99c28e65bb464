"""Accepted cases to rate, and the demo logins that rate and decide."""

from __future__ import annotations

from app.auth import login
from app.cases import service
from app.cases.records import AcceptRequest, ApplicantInput
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.roles import Actor
from tests.helpers.catalog import make_item, resident_id


def staff(ctx: AppContext, name: str) -> Actor:
    return login(ctx.uow(), name, "demo-2026")


def accept_as(ctx: AppContext, user: str, item: ItemVersionRecord | None = None) -> int:
    """A case accepted at ``user``'s counter now; its id."""
    item = item or make_item(ctx)
    ids = {m.name: m.id for m in item.materials}
    result = service.accept_case(
        ctx.uow(),
        staff(ctx, user),
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    )
    return result.case_id

"""A county hands its catalog to a township: export, import into an empty database, export again."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, text

from app.auth import login
from app.catalog import exchange
from app.catalog.service import current_version, deactivate_item, list_items
from app.clock import ManualClock
from app.context import AppContext
from app.errors import PermissionDenied
from app.roles import Actor
from app.setup import initialize
from db.engine import make_engine
from db.migrate import ensure_schema
from db.store import SqlStore


@pytest.fixture
def township(
    engine_spec: tuple[str, dict[str, object]], clock: ManualClock, tmp_path: Path
) -> Iterator[AppContext]:
    """A second, empty hall on the same kind of database as ``ctx``."""
    url, kwargs = engine_spec
    schema = None
    if url.startswith("sqlite"):
        url, kwargs = f"sqlite:///{tmp_path / 'township.sqlite3'}", {}
    else:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        admin_engine = create_engine(url)
        with admin_engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        kwargs = {"connect_args": {"options": f"-csearch_path={schema}"}}
    engine = make_engine(url, **kwargs)
    ensure_schema(engine, None)
    store = SqlStore(engine, clock)
    ctx = AppContext(store=store, clock=clock, data_dir=tmp_path / "township")
    initialize(ctx.uow(), "admin-2026")
    try:
        yield ctx
    finally:
        store.dispose()
        if schema is not None:
            with admin_engine.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin_engine.dispose()


def admin_of(ctx: AppContext) -> Actor:
    return login(ctx.uow(), "admin", "admin-2026")


def sheets(data: bytes) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}
    finally:
        book.close()


def test_json_round_trip_into_an_empty_hall(demo_ctx: AppContext, township: AppContext) -> None:
    deactivate_item(demo_ctx.uow(), admin_of(demo_ctx), "GD-002")
    county = exchange.export_json(demo_ctx.uow())
    assert list_items(township.uow(), include_inactive=True) == []
    result = exchange.import_json(township.uow(), admin_of(township), county)
    assert len(result.created) == len(json.loads(county)["items"]) >= 25
    assert result.deactivated == ["GD-002"]
    assert exchange.export_json(township.uow()) == county


def test_xlsx_round_trip_into_an_empty_hall(demo_ctx: AppContext, township: AppContext) -> None:
    county = exchange.export_xlsx(demo_ctx.uow())
    assert list(sheets(county)) == ["事项", "材料", "步骤"]
    exchange.import_xlsx(township.uow(), admin_of(township), county)
    assert sheets(exchange.export_xlsx(township.uow())) == sheets(county)
    assert exchange.export_json(township.uow()) == exchange.export_json(demo_ctx.uow())


def test_import_makes_versions_only_for_changed_items(demo_ctx: AppContext) -> None:
    admin = admin_of(demo_ctx)
    book = load_workbook(io.BytesIO(exchange.export_xlsx(demo_ctx.uow())))
    items = book["事项"]
    header = [c.value for c in items[1]]
    row = next(r for r in items.iter_rows(min_row=2) if r[0].value == "SL-001")
    row[header.index("法定时限（工作日）")].value = 60
    out = io.BytesIO()
    book.save(out)
    before = current_version(demo_ctx.uow(), "SL-001")
    result = exchange.import_xlsx(demo_ctx.uow(), admin, out.getvalue())
    assert result.updated == ["SL-001"] and result.created == []
    assert len(result.unchanged) == len(list_items(demo_ctx.uow())) - 1
    after = current_version(demo_ctx.uow(), "SL-001")
    assert (after.version_no, after.statutory_days) == (2, 60)
    assert after.materials[0].name == before.materials[0].name
    assert current_version(demo_ctx.uow(), "MZ-001").version_no == 1


def test_a_bad_workbook_is_refused_whole_with_each_place_named(
    demo_ctx: AppContext, township: AppContext
) -> None:
    book = load_workbook(io.BytesIO(exchange.export_xlsx(demo_ctx.uow())))
    items, materials, steps = book["事项"], book["材料"], book["步骤"]
    items.cell(row=2, column=6).value = 999  # 承诺时限 over 法定时限
    materials.cell(row=3, column=3).value = None  # 材料名称
    materials.cell(row=4, column=4).value = "扫描件"  # 原件/复印件
    steps.cell(row=2, column=1).value = "XX-404"
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(exchange.CatalogImportRejected) as caught:
        exchange.import_xlsx(township.uow(), admin_of(township), out.getvalue())
    found = {(p.where, p.column) for p in caught.value.problems}
    assert {
        ("事项 第2行", "承诺时限（工作日）"),
        ("材料 第3行", "材料名称"),
        ("材料 第4行", "原件/复印件"),
        ("步骤 第2行", "事项编码"),
    } <= found
    assert "材料 第3行“材料名称”：不能为空" in caught.value.message
    assert list_items(township.uow(), include_inactive=True) == []


def test_a_bad_json_item_is_named_by_number(demo_ctx: AppContext, township: AppContext) -> None:
    document = json.loads(exchange.export_json(demo_ctx.uow()))
    document["items"][2]["materials"][1]["copies"] = "两份"
    document["items"][4]["code"] = document["items"][0]["code"]
    with pytest.raises(exchange.CatalogImportRejected) as caught:
        exchange.import_json(township.uow(), admin_of(township), json.dumps(document).encode())
    messages = [p.describe() for p in caught.value.problems]
    code0 = document["items"][0]["code"]
    assert any(m.startswith("第3个事项") and "第2项材料“份数”" in m for m in messages)
    assert any(m.startswith(f"第5个事项（{code0}）“事项编码”：与第1个事项") for m in messages)
    assert list_items(township.uow(), include_inactive=True) == []


def test_only_administrators_import(demo_ctx: AppContext, tmp_path: Path) -> None:
    data = exchange.export_json(demo_ctx.uow())
    clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    with pytest.raises(PermissionDenied):
        exchange.import_json(demo_ctx.uow(), clerk, data)
    target = tmp_path / "catalog.xlsx"
    assert exchange.export_file(demo_ctx.uow(), target) == len(list_items(demo_ctx.uow()))
    result = exchange.import_file(demo_ctx.uow(), admin_of(demo_ctx), target)
    assert result.created == result.updated == [] and len(result.unchanged) >= 25


def test_who_decides_travels_and_an_older_workbook_means_the_hall(
    demo_ctx: AppContext, township: AppContext
) -> None:
    """乡镇代收、县级审批: the demo's water items are decided by the county; the column says so
    in both formats, and a workbook written before the column existed still imports."""
    assert current_version(demo_ctx.uow(), "SL-001").decision_level == "county"
    assert current_version(demo_ctx.uow(), "MZ-001").decision_level == "local"
    data = exchange.export_xlsx(demo_ctx.uow())
    items = sheets(data)["事项"]
    column = items[0].index("作出决定")
    by_code = {row[0]: row[column] for row in items[1:]}
    assert (by_code["SL-001"], by_code["MZ-001"]) == ("县级部门", "受理中心")
    as_json = json.loads(exchange.export_json(demo_ctx.uow()))
    assert {i["code"]: i["decision_level"] for i in as_json["items"]}["SL-001"] == "county"

    book = load_workbook(io.BytesIO(data))
    book["事项"].delete_cols(column + 1)
    older = io.BytesIO()
    book.save(older)
    exchange.import_xlsx(township.uow(), admin_of(township), older.getvalue())
    assert current_version(township.uow(), "SL-001").decision_level == "local"
    # The county's workbook then says otherwise: a new version, decided by the county.
    result = exchange.import_xlsx(township.uow(), admin_of(township), data)
    assert "SL-001" in result.updated and "MZ-001" in result.unchanged
    assert current_version(township.uow(), "SL-001").decision_level == "county"

"""The administrator's catalog page and item editor, driven with qtbot on a SQLite demo hall."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from app import sites
from app.auth import login
from app.catalog.service import current_version, get_version, list_items
from app.context import AppContext
from ui.catalog import CatalogPage, ItemEditor
from ui.catalog.page import CatalogModel
from ui.mainwindow import MainWindow


def open_page(qtbot, ctx: AppContext) -> CatalogPage:  # type: ignore[no-untyped-def]
    actor = login(ctx.uow(), "admin", "admin-2026")
    page = CatalogPage(ctx, actor)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.items_loaded):
        page.show()
    return page


def open_editor_of(qtbot, page: CatalogPage, code: str) -> ItemEditor:  # type: ignore[no-untyped-def]
    row = next(i for i, s in enumerate(page.model.rows) if s.code == code)
    page.view.selectRow(row)
    page.edit_current()
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    assert page.editor is not None
    return page.editor


def click_save(editor: ItemEditor) -> None:
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_admin_and_a_supervisor_get_the_catalog_page_a_clerk_does_not(
    qtbot, sqlite_demo_ctx: AppContext
) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    for user, password, present in (
        ("admin", "admin-2026", True),
        ("sunli", "demo-2026", True),  # the supervisor publishes versions
        ("zhangwei", "demo-2026", False),
    ):
        actor = login(ctx.uow(), user, password)
        window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
        qtbot.addWidget(window)
        assert ("catalog" in window.pages) is present


def test_a_saved_version_is_a_draft_until_a_supervisor_publishes_it(
    qtbot, sqlite_demo_ctx: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    page = open_page(qtbot, ctx)
    assert all(s.published for s in page.model.rows)  # the demo catalog is published
    editor = open_editor_of(qtbot, page, "MZ-001")
    editor.lines["name"].setText("最低生活保障申请（含单人户）")
    with qtbot.waitSignal(page.items_loaded):
        click_save(editor)
    row = next(i for i, s in enumerate(page.model.rows) if s.code == "MZ-001")
    assert page.model.index(row, 5).data() == "启用·草稿未公布"

    boss = login(ctx.uow(), "sunli", "demo-2026")
    supervising = CatalogPage(ctx, boss)
    qtbot.addWidget(supervising)
    with qtbot.waitSignal(supervising.items_loaded):
        supervising.show()
    shown = {b.objectName() for b in supervising.findChildren(QPushButton)}
    assert {"catalog_publish", "catalog_commitment", "catalog_disclosure"} <= shown
    assert not shown & {"catalog_new", "catalog_edit", "catalog_toggle", "catalog_import"}
    supervising.edit_current()
    assert supervising.editor is None  # editing stays with the administrator
    supervising.view.selectRow(row)
    with qtbot.waitSignal(supervising.version_published):
        supervising.findChild(QPushButton, "catalog_publish").click()
    assert "已公布“最低生活保障申请（含单人户）”第2版（孙丽" in supervising.status.text()
    qtbot.waitUntil(lambda: supervising.model.index(row, 5).data() == "启用")
    version = current_version(ctx.uow(), "MZ-001")
    assert version.published and version.published_by_name == "孙丽"
    supervising.view.selectRow(row)
    supervising.publish_current()  # again: refused in words, nothing changes
    qtbot.waitUntil(lambda: bool(warnings))
    assert "已于" in warnings[0] and "由孙丽公布" in warnings[0]


def test_the_list_filters_as_the_admin_types(
    qtbot, sqlite_demo_ctx: AppContext, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, sqlite_demo_ctx)
    assert page.model.rowCount() == len(list_items(sqlite_demo_ctx.uow())) >= 25
    qtmodeltester.check(page.model)
    with qtbot.waitSignal(page.items_loaded):
        qtbot.keyClicks(page.search, "dbsq")
    assert page.model.index(0, 0).data() == "MZ-001"
    assert page.model.index(0, 1).data() == "最低生活保障申请"
    qtmodeltester.check(CatalogModel())


def test_field_errors_are_shown_and_nothing_is_saved(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    page = open_page(qtbot, ctx)
    before = list_items(ctx.uow(), include_inactive=True)
    page.new_item()
    editor = page.editor
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    qtbot.keyClicks(editor.lines["code"], "mz-001")  # taken
    editor.lines["department"].setText("县民政局")
    editor.numbers["statutory_days"].setValue(10)
    editor.numbers["committed_days"].setValue(15)
    editor.findChild(QPushButton, "materials_add").click()
    editor.materials.set_value(0, "name", "")
    click_save(editor)
    qtbot.waitUntil(lambda: editor.error_labels["name"].isVisible())
    assert editor.error_labels["name"].text() == "不能为空"
    assert "已被使用" in editor.error_labels["code"].text()
    assert "不能超过法定时限" in editor.error_labels["committed_days"].text()
    assert editor.materials.cell_error(0, "name") == "不能为空"
    assert "第1项材料：不能为空" in editor.error_labels["materials"].text()
    assert "未保存" in editor.message.text()
    assert editor.isVisible()
    assert list_items(ctx.uow(), include_inactive=True) == before


def test_saving_makes_version_two_and_version_one_stays(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    v1 = current_version(ctx.uow(), "MZ-001")
    page = open_page(qtbot, ctx)
    editor = open_editor_of(qtbot, page, "MZ-001")
    assert editor.lines["code"].isReadOnly()
    assert editor.materials.rowCount() == len(v1.materials)
    editor.lines["name"].setText("最低生活保障申请（含单人户）")
    editor.materials.setCurrentCell(0, 0)
    editor.findChild(QPushButton, "materials_down").click()  # swap the first two materials
    editor.materials.setCurrentCell(editor.materials.rowCount() - 1, 0)
    editor.findChild(QPushButton, "materials_remove").click()
    with qtbot.waitSignal(editor.item_saved) as saved:
        click_save(editor)
    v2 = get_version(ctx.uow(), saved.args[0])
    assert (v2.version_no, v2.name) == (2, "最低生活保障申请（含单人户）")
    names = [m.name for m in v1.materials]
    assert [m.name for m in v2.materials] == [names[1], names[0], *names[2:-1]]
    # What a case accepted under version 1 reads is still version 1.
    assert get_version(ctx.uow(), v1.id) == v1
    qtbot.waitUntil(lambda: any(s.version_no == 2 for s in page.model.rows))


def test_deactivate_asks_first(qtbot, sqlite_demo_ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page = open_page(qtbot, ctx)
    page.view.selectRow(0)
    code = page.current().code  # type: ignore[union-attr]
    with qtbot.waitSignal(page.items_loaded):
        page.toggle_current()
    assert code not in {s.code for s in page.model.rows}
    assert code in {s.code for s in list_items(ctx.uow(), include_inactive=True)}


def test_export_then_import_from_the_buttons(
    qtbot, sqlite_demo_ctx: AppContext, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "county-catalog"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel 工作簿 (*.xlsx)")
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(target.with_suffix(".xlsx")), "")
    )
    page = open_page(qtbot, sqlite_demo_ctx)
    page.export_catalog()
    qtbot.waitUntil(lambda: "已导出" in page.status.text(), timeout=10_000)
    assert target.with_suffix(".xlsx").exists()
    page.import_catalog()
    qtbot.waitUntil(lambda: "导入完成" in page.status.text(), timeout=10_000)
    assert "新增0项，更新0项" in page.status.text()


def test_the_editor_says_who_decides(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """乡镇代收、县级审批: the next version says a county department decides its cases."""
    ctx = sqlite_demo_ctx
    v1 = current_version(ctx.uow(), "MZ-001")
    assert v1.decision_level == "local"
    page = open_page(qtbot, ctx)
    editor = open_editor_of(qtbot, page, "MZ-001")
    box = editor.decision_level
    assert box.currentData() == "local"
    box.setCurrentIndex(box.findData("county"))
    with qtbot.waitSignal(editor.item_saved) as saved:
        click_save(editor)
    v2 = get_version(ctx.uow(), saved.args[0])
    assert (v2.version_no, v2.decision_level) == (2, "county")
    again = ItemEditor(lambda _draft: v2.id, v2, page)  # the next edit starts from it
    qtbot.addWidget(again)
    assert again.decision_level.currentData() == "county"
    assert again.draft().decision_level == "county"

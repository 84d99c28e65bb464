"""The catalog page: the administrator finds, creates, edits, deactivates, imports and exports
items; the administrator or a supervisor publishes versions and prints the posted papers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.catalog import exchange, publication, service
from app.catalog.ports import ItemDraft
from app.catalog.records import ItemSummary, ItemVersionRecord
from app.clock import hall_time
from app.context import AppContext
from app.errors import DomainError
from app.roles import Actor, Role
from ui.catalog.editor import ItemEditor
from ui.ops import run_op

_Index = QModelIndex | QPersistentModelIndex


class CatalogModel(QAbstractTableModel):
    """Current versions of the items as the last search returned them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ItemSummary] = []
        self.headers = [
            self.tr("编码"),
            self.tr("事项名称"),
            self.tr("实施部门"),
            self.tr("承诺时限"),
            self.tr("版本"),
            self.tr("状态"),
        ]

    def set_rows(self, rows: Sequence[ItemSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        s = self.rows[index.row()]
        limit = (
            self.tr("即办件") if s.committed_days == 0 else self.tr("%s个工作日") % s.committed_days
        )
        values = [
            s.code,
            s.name,
            s.department,
            limit,
            self.tr("第%s版") % s.version_no,
            (self.tr("启用") if s.active else self.tr("已停用"))
            + ("" if s.published else self.tr("·草稿未公布")),
        ]
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class CatalogPage(QWidget):
    """事项目录 for administrators. Every database call runs through ``run_op``."""

    items_loaded = Signal(int)
    version_published = Signal(int)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.editor: ItemEditor | None = None
        self._asked = 0
        self.search = QLineEdit()
        self.search.setObjectName("catalog_search")
        self.search.setPlaceholderText(
            self.tr("按编码、名称或拼音首字母查找；↓ 进入列表，回车编辑")
        )
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.show_inactive = QCheckBox(self.tr("显示已停用"))
        self.show_inactive.setObjectName("catalog_show_inactive")
        self.model = CatalogModel(self)
        self.view = QTableView()
        self.view.setObjectName("catalog_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(lambda _index: self.edit_current())
        self.count = QLabel()
        self.count.setObjectName("catalog_count")
        self.status = QLabel()
        self.status.setObjectName("catalog_status")
        self.status.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.show_inactive.toggled.connect(lambda _on: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_inactive)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        # The administrator keeps the catalog; a supervisor (中心负责人) sees it, publishes
        # versions and prints the posted papers (app.catalog.publication).
        self.editing = actor.role is Role.ADMIN
        for name, text, shortcut, slot in (
            ("new", self.tr("新建事项"), "Ctrl+N", self.new_item),
            ("edit", self.tr("编辑"), "F2", self.edit_current),
            ("toggle", self.tr("停用/启用"), "Ctrl+D", self.toggle_current),
            ("import", self.tr("导入…"), "Ctrl+I", self.import_catalog),
            ("export", self.tr("导出…"), "Ctrl+E", self.export_catalog),
            ("publish", self.tr("公布"), "Ctrl+Shift+P", self.publish_current),
            ("commitment", self.tr("服务承诺书"), "Ctrl+Shift+C", self.print_commitment),
            ("disclosure", self.tr("公示清单"), "Ctrl+Shift+L", self.print_disclosure),
        ):
            if not self.editing and name in ("new", "edit", "toggle", "import", "export"):
                continue
            button = QPushButton(f"{text}（{shortcut}）")
            button.setObjectName(f"catalog_{name}")
            button.setShortcut(QKeySequence(shortcut))
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("事项目录（办事指南）"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.search)

    # -- publication (公布) -------------------------------------------------------------------
    def publish_current(self) -> None:
        summary = self.current()
        if summary is None:
            return
        run_op(
            self,
            lambda: publication.publish_version(self.ctx.uow(), self.actor, summary.version_id),
            self._published,
            self.show_error,
        )

    def _published(self, version: ItemVersionRecord) -> None:
        when = hall_time(version.published_at) if version.published_at else None
        self.status.setText(
            self.tr("已公布“%s”第%s版（%s，%s）")
            % (
                version.name,
                version.version_no,
                version.published_by_name,
                f"{when:%Y-%m-%d %H:%M}" if when else "",
            )
        )
        self.version_published.emit(version.id)
        self.refresh()

    # -- the hall's posted papers, from the catalog in force ---------------------------------
    def print_commitment(self) -> None:
        from ui.printing.preview import open_print_preview

        open_print_preview(self, self.ctx, self.actor, "commitment", "")

    def print_disclosure(self) -> None:
        from ui.printing.preview import open_print_preview

        open_print_preview(self, self.ctx, self.actor, "disclosure", "")

    # -- loading --------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:  # type: ignore[override]
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        self._timer.stop()
        text = self.search.text()
        inactive = self.show_inactive.isChecked()
        self._asked += 1
        serial = self._asked

        def load() -> list[ItemSummary]:
            uow = self.ctx.uow()
            if text.strip():
                return service.search_items(uow, text, 200, include_inactive=inactive)
            return service.list_items(uow, include_inactive=inactive)

        run_op(self, load, lambda rows: self._fill(serial, rows), self.show_error)

    def _fill(self, serial: int, rows: list[ItemSummary]) -> None:
        if not shiboken6.isValid(self) or serial != self._asked:
            return
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)
        self.count.setText(self.tr("共 %s 项") % len(rows))
        self.items_loaded.emit(len(rows))

    def current(self) -> ItemSummary | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    # -- editing --------------------------------------------------------------------------
    def _save(self, draft: ItemDraft) -> int:
        return service.save_item(self.ctx.uow(), self.actor, draft)

    def new_item(self) -> None:
        self._open_editor(None)

    def edit_current(self) -> None:
        summary = self.current()
        if summary is None or not self.editing:
            return
        run_op(
            self,
            lambda: service.get_version(self.ctx.uow(), summary.version_id),
            self._open_editor,
            self.show_error,
        )

    def _open_editor(self, version: ItemVersionRecord | None) -> None:
        self.editor = ItemEditor(self._save, version, self)
        self.editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor.item_saved.connect(self._saved)
        self.editor.open()

    def _saved(self, version_id: int) -> None:
        self.status.setText(self.tr("已保存"))
        self.refresh()

    def toggle_current(self) -> None:
        summary = self.current()
        if summary is None:
            return
        if summary.active:
            answer = QMessageBox.question(
                self,
                self.tr("停用事项"),
                self.tr("停用“%s”后，窗口将不能再受理该事项。确定停用吗？") % summary.name,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            work = service.deactivate_item
        else:
            work = service.reactivate_item
        run_op(
            self,
            lambda: work(self.ctx.uow(), self.actor, summary.code),
            lambda _r: self.refresh(),
            self.show_error,
        )

    # -- exchange -------------------------------------------------------------------------
    def import_catalog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入事项目录"), "", self.tr("事项目录 (*.xlsx *.json)")
        )
        if not path:
            return
        run_op(
            self,
            lambda: exchange.import_file(self.ctx.uow(), self.actor, Path(path)),
            self._imported,
            self.show_error,
            progress=self.tr("正在导入事项目录…"),
        )

    def _imported(self, result: exchange.ImportResult) -> None:
        self.status.setText(self.tr("导入完成：%s") % result.describe())
        self.refresh()

    def export_catalog(self) -> None:
        stamp = hall_time(self.ctx.clock.now()).strftime("%Y%m%d")
        default = str(self.ctx.data_dir / f"catalog-{stamp}.xlsx")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("导出事项目录"),
            default,
            self.tr("Excel 工作簿 (*.xlsx);;JSON 文件 (*.json)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".json"):
            target = target.with_suffix(".json" if "json" in chosen.lower() else ".xlsx")
        run_op(
            self,
            lambda: exchange.export_file(self.ctx.uow(), target),
            lambda count: self.status.setText(self.tr("已导出 %s 项到 %s") % (count, str(target))),
            self.show_error,
            progress=self.tr("正在导出事项目录…"),
        )

    def show_error(self, exc: BaseException) -> None:
        text = exc.message if isinstance(exc, DomainError) else str(exc)
        self.status.setText(text.splitlines()[0])
        QMessageBox.warning(self, self.tr("操作未完成"), text)

    # -- keyboard -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rows:
                self.view.setFocus()
                if not self.view.currentIndex().isValid():
                    self.view.selectRow(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_current()
                return True
        return super().eventFilter(watched, event)

"""Pick the service item a visit becomes an application for (the counter then opens on it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.catalog.service import search_items
from app.context import AppContext
from ui.catalog.finder import ItemFinder
from ui.visits.labels import tr


class ItemChooser(QDialog):
    item_chosen = Signal(int)  # the item's current version id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("item_chooser")
        self.setWindowTitle(tr("转为申请：选择办理事项"))
        self.resize(480, 420)
        self.finder = ItemFinder(lambda text: search_items(ctx.uow(), text))
        self.finder.item_chosen.connect(self._chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("输入事项名称、编码或拼音首字母，回车选择：")))
        layout.addWidget(self.finder, 1)
        layout.addWidget(buttons)
        self.finder.setFocus()

    def _chosen(self, version_id: int) -> None:
        self.accept()
        self.item_chosen.emit(version_id)

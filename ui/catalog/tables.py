"""Editable tables of an item's materials and steps: add, remove and reorder rows, show errors
at the cell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.catalog.ports import MaterialDraft, StepDraft
from app.catalog.records import MaterialForm, MaterialMedium, Necessity

CODE_ROLE = Qt.ItemDataRole.UserRole
ERROR_BRUSH = QBrush(QColor("#f8d7da"))


def form_labels() -> dict[str, str]:
    return {
        MaterialForm.ORIGINAL: QCoreApplication.translate("catalog", "原件"),
        MaterialForm.COPY: QCoreApplication.translate("catalog", "复印件"),
        MaterialForm.EITHER: QCoreApplication.translate("catalog", "原件或复印件"),
    }


def medium_labels() -> dict[str, str]:
    return {
        MaterialMedium.PAPER: QCoreApplication.translate("catalog", "纸质"),
        MaterialMedium.ELECTRONIC: QCoreApplication.translate("catalog", "电子"),
        MaterialMedium.EITHER: QCoreApplication.translate("catalog", "纸质或电子"),
    }


def necessity_labels() -> dict[str, str]:
    return {
        Necessity.REQUIRED: QCoreApplication.translate("catalog", "必需"),
        Necessity.CONDITIONAL: QCoreApplication.translate("catalog", "视情况"),
        Necessity.OPTIONAL: QCoreApplication.translate("catalog", "可选"),
    }


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for a column whose cells hold a code (UserRole) shown by its label."""

    def __init__(self, labels: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = labels

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for code, label in self.labels.items():
            combo.addItem(label, code)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(CODE_ROLE))))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), CODE_ROLE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class RowTable(QTableWidget):
    """A table whose columns are named fields; rows can be added, removed and moved."""

    columns: tuple[str, ...] = ()
    choices: dict[str, dict[str, str]] = {}  # noqa: RUF012 - replaced per instance
    checks: frozenset[str] = frozenset()
    numbers: dict[str, int] = {}  # noqa: RUF012 - column: value of a new row

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.columns), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().setDefaultSectionSize(26)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        for column, labels in self.choices.items():
            self.setItemDelegateForColumn(self.columns.index(column), ChoiceDelegate(labels, self))

    # -- values ---------------------------------------------------------------------------
    def add_row(self, values: dict[str, Any] | None = None) -> int:
        values = values or {}
        row = self.rowCount()
        self.insertRow(row)
        for column, name in enumerate(self.columns):
            self.setItem(row, column, self._make_item(name, values.get(name)))
        self.setCurrentCell(row, 0)
        return row

    def _make_item(self, name: str, value: Any) -> QTableWidgetItem:
        item = QTableWidgetItem()
        if name in self.choices:
            labels = self.choices[name]
            code = str(value) if value is not None else next(iter(labels))
            item.setData(CODE_ROLE, code)
            item.setText(labels.get(code, code))
        elif name in self.checks:
            item.setFlags(
                item.flags() & ~Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        elif name in self.numbers:
            default = self.numbers[name]
            item.setData(Qt.ItemDataRole.DisplayRole, int(value) if value is not None else default)
        else:
            item.setText(str(value or ""))
        return item

    def row_values(self, row: int) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for column, name in enumerate(self.columns):
            item = self.item(row, column)
            if item is None:
                values[name] = None
            elif name in self.choices:
                values[name] = item.data(CODE_ROLE)
            elif name in self.checks:
                values[name] = item.checkState() == Qt.CheckState.Checked
            elif name in self.numbers:
                values[name] = item.data(Qt.ItemDataRole.DisplayRole)
            else:
                values[name] = item.text()
        return values

    def set_value(self, row: int, name: str, value: Any) -> None:
        self.setItem(row, self.columns.index(name), self._make_item(name, value))

    # -- row operations -------------------------------------------------------------------
    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            if self.rowCount():
                self.setCurrentCell(min(row, self.rowCount() - 1), 0)

    def move_current(self, delta: int) -> None:
        row = self.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.rowCount():
            return
        column = self.currentColumn()
        taken = [self.takeItem(row, c) for c in range(self.columnCount())]
        others = [self.takeItem(target, c) for c in range(self.columnCount())]
        for c in range(self.columnCount()):
            self.setItem(target, c, taken[c])
            self.setItem(row, c, others[c])
        self.setCurrentCell(target, max(column, 0))

    # -- errors ---------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                item = self.item(row, column)
                if item is not None:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    item.setToolTip("")

    def mark_error(self, row: int, name: str, message: str) -> bool:
        """Colour the cell and put the message in its tooltip; False if there is no such cell."""
        if name not in self.columns or not 0 <= row < self.rowCount():
            return False
        item = self.item(row, self.columns.index(name))
        if item is None:
            return False
        item.setBackground(ERROR_BRUSH)
        item.setToolTip(message)
        return True

    def cell_error(self, row: int, name: str) -> str:
        item = self.item(row, self.columns.index(name))
        return item.toolTip() if item is not None else ""


class MaterialsTable(RowTable):
    columns = (
        "name",
        "form",
        "medium",
        "copies",
        "necessity",
        "condition",
        "deferrable",
        "requirements",
        "template_ref",
    )
    checks = frozenset({"deferrable"})
    numbers = {"copies": 1}  # noqa: RUF012

    def __init__(self, parent: QWidget | None = None) -> None:
        self.choices = {
            "form": form_labels(),
            "medium": medium_labels(),
            "necessity": necessity_labels(),
        }
        super().__init__(
            [
                self.tr("材料名称"),
                self.tr("原件/复印件"),
                self.tr("纸质/电子"),
                self.tr("份数"),
                self.tr("必要性"),
                self.tr("适用情形"),
                self.tr("可容缺"),
                self.tr("材料要求"),
                self.tr("样表"),
            ],
            parent,
        )
        self.setObjectName("materials_table")
        self.setColumnWidth(0, 220)

    def set_materials(self, materials: Sequence[MaterialDraft]) -> None:
        self.setRowCount(0)
        for m in materials:
            self.add_row({name: getattr(m, name) for name in self.columns})

    def materials(self) -> tuple[MaterialDraft, ...]:
        return tuple(MaterialDraft(**self.row_values(r)) for r in range(self.rowCount()))


class StepsTable(RowTable):
    columns = ("name", "days")
    numbers = {"days": 0}  # noqa: RUF012

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("环节名称"), self.tr("时限（工作日）")], parent)
        self.setObjectName("steps_table")
        self.setColumnWidth(0, 260)

    def set_steps(self, steps: Sequence[StepDraft]) -> None:
        self.setRowCount(0)
        for s in steps:
            self.add_row({"name": s.name, "days": s.days})

    def steps(self) -> tuple[StepDraft, ...]:
        return tuple(StepDraft(**self.row_values(r)) for r in range(self.rowCount()))

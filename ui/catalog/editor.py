"""The item editor: a service item's guide, its materials and steps; saving writes a new version."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalog.ports import ItemDraft
from app.catalog.records import ItemVersionRecord
from app.catalog.service import draft_of
from app.errors import DomainError, ValidationError
from ui.catalog.tables import MaterialsTable, RowTable, StepsTable
from ui.ops import run_op

ERROR_STYLE = "color: #b00020;"
_ROW_KEY = re.compile(r"(materials|steps)\[(\d+)\]\.(\w+)")
LINE_FIELDS = (
    "code",
    "name",
    "department",
    "category",
    "fee",
    "consult_phone",
    "complaint_phone",
    "delivery_methods",
)
TEXT_FIELDS = ("conditions", "legal_basis", "fee_basis", "where_when")
NUMBER_FIELDS = ("statutory_days", "committed_days", "extension_allowance", "visits_needed")


class ItemEditor(QDialog):
    """Edit one item. ``save`` gets the draft and returns the version id now current (it runs
    off the GUI thread); ``item_saved`` carries that id."""

    item_saved = Signal(int)

    def __init__(
        self,
        save: Callable[[ItemDraft], int],
        version: ItemVersionRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.base_version_id = version.id if version else None
        if version:
            self.setWindowTitle(
                self.tr("编辑事项：%s（第%s版）") % (version.name, version.version_no)
            )
        else:
            self.setWindowTitle(self.tr("新建事项"))
        self.resize(980, 680)
        self.lines: dict[str, QLineEdit] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        self.numbers: dict[str, QSpinBox] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._basic_tab(), self.tr("基本信息"))
        self.tabs.addTab(self._guide_tab(), self.tr("办事指南"))
        self.materials = MaterialsTable()
        self.tabs.addTab(
            self._table_tab(self.materials, "materials", self.tr("添加材料")), self.tr("申请材料")
        )
        self.steps = StepsTable()
        self.tabs.addTab(
            self._table_tab(self.steps, "steps", self.tr("添加环节")), self.tr("办理环节")
        )
        self.message = QLabel()
        self.message.setObjectName("editor_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存（新版本）"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if version is not None:
            self.set_draft(draft_of(version))
            self.lines["code"].setReadOnly(True)  # the code is the item's identity
        else:
            # The catalog's content is Chinese whatever the interface language.
            defaults = ItemDraft(
                code="", name="", department="", statutory_days=0, committed_days=0
            )
            self.numbers["visits_needed"].setValue(defaults.visits_needed)
            self.numbers["extension_allowance"].setValue(defaults.extension_allowance)
            self.lines["fee"].setText(defaults.fee)
            self.lines["delivery_methods"].setText(defaults.delivery_methods)

    # -- layout ---------------------------------------------------------------------------
    def _error_label(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{key}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self.error_labels[key] = label
        return label

    def _add_field(self, form: QFormLayout, key: str, title: str, widget: QWidget) -> None:
        widget.setObjectName(f"field_{key}")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(self._error_label(key))
        form.addRow(title, box)

    def _line(self, form: QFormLayout, key: str, title: str) -> None:
        self.lines[key] = QLineEdit()
        self._add_field(form, key, title, self.lines[key])

    def _number(self, form: QFormLayout, key: str, title: str, maximum: int) -> None:
        spin = QSpinBox()
        spin.setRange(0, maximum)
        self.numbers[key] = spin
        self._add_field(form, key, title, spin)

    def _text(self, form: QFormLayout, key: str, title: str) -> None:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(70)
        self.texts[key] = edit
        self._add_field(form, key, title, edit)

    def _basic_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._line(form, "code", self.tr("事项编码"))
        self._line(form, "name", self.tr("事项名称"))
        self._line(form, "department", self.tr("实施部门"))
        self._line(form, "category", self.tr("事项类别"))
        self._number(form, "statutory_days", self.tr("法定时限（工作日）"), 1000)
        self._number(form, "committed_days", self.tr("承诺时限（工作日，0 为即办件）"), 1000)
        self._number(
            form,
            "extension_allowance",
            self.tr("经负责人批准可延长（工作日，超过法定时限部分）"),
            1000,
        )
        # 乡镇代收、县级审批: a township accepts such an item and hands the case over.
        self.decision_level = QComboBox()
        self.decision_level.addItem(self.tr("受理的服务中心"), "local")
        self.decision_level.addItem(self.tr("县级部门（乡镇受理后移交县级审批）"), "county")
        self._add_field(form, "decision_level", self.tr("作出决定的"), self.decision_level)
        self._number(form, "visits_needed", self.tr("到现场次数"), 10)
        self._line(form, "fee", self.tr("收费标准"))
        self._line(form, "delivery_methods", self.tr("送达方式"))
        self._line(form, "consult_phone", self.tr("咨询电话"))
        self._line(form, "complaint_phone", self.tr("监督投诉电话"))
        return page

    def _guide_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._text(form, "conditions", self.tr("受理条件"))
        self._text(form, "legal_basis", self.tr("设定依据"))
        self._text(form, "fee_basis", self.tr("收费依据"))
        self._text(form, "where_when", self.tr("办理地点和时间"))
        return page

    def _table_tab(self, table: RowTable, key: str, add_text: str) -> QWidget:
        page = QWidget()
        buttons = QHBoxLayout()
        add = QPushButton(add_text)
        add.setObjectName(f"{key}_add")
        add.setShortcut(QKeySequence("Ctrl+Ins"))
        add.clicked.connect(lambda: self._add_row(table))
        remove = QPushButton(self.tr("删除"))
        remove.setObjectName(f"{key}_remove")
        remove.clicked.connect(table.remove_current)
        up = QPushButton(self.tr("上移"))
        up.setObjectName(f"{key}_up")
        up.setShortcut(QKeySequence("Ctrl+Up"))
        up.clicked.connect(lambda: table.move_current(-1))
        down = QPushButton(self.tr("下移"))
        down.setObjectName(f"{key}_down")
        down.setShortcut(QKeySequence("Ctrl+Down"))
        down.clicked.connect(lambda: table.move_current(1))
        for button in (add, remove, up, down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(table, 1)
        layout.addWidget(self._error_label(key))
        return page

    def _add_row(self, table: RowTable) -> None:
        row = table.add_row()
        table.setFocus()
        table.editItem(table.item(row, 0))

    # -- values ---------------------------------------------------------------------------
    def set_draft(self, draft: ItemDraft) -> None:
        for key, edit in self.lines.items():
            edit.setText(getattr(draft, key))
        for key, text in self.texts.items():
            text.setPlainText(getattr(draft, key))
        for key, spin in self.numbers.items():
            spin.setValue(getattr(draft, key))
        self.decision_level.setCurrentIndex(
            max(self.decision_level.findData(draft.decision_level), 0)
        )
        self.materials.set_materials(draft.materials)
        self.steps.set_steps(draft.steps)

    def draft(self) -> ItemDraft:
        return ItemDraft(
            **{k: e.text() for k, e in self.lines.items()},
            **{k: t.toPlainText() for k, t in self.texts.items()},
            **{k: s.value() for k, s in self.numbers.items()},
            decision_level=self.decision_level.currentData(),
            materials=self.materials.materials(),
            steps=self.steps.steps(),
            base_version_id=self.base_version_id,
        )

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        self.clear_errors()
        draft = self.draft()
        self.buttons.setEnabled(False)
        run_op(self, lambda: self._save(draft), self._saved, self._failed)

    def _saved(self, version_id: int) -> None:
        self.buttons.setEnabled(True)
        self.item_saved.emit(version_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message)
        else:
            self.message.setText(self.tr("保存失败：%s") % exc)

    def clear_errors(self) -> None:
        self.message.clear()
        for label in self.error_labels.values():
            label.clear()
            label.hide()
        self.materials.clear_errors()
        self.steps.clear_errors()

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message next to its field or in its cell; the first such tab comes forward."""
        first_tab: int | None = None
        rows: dict[str, list[str]] = {"materials": [], "steps": []}
        general: list[str] = []
        for key, message in errors.items():
            found = _ROW_KEY.fullmatch(key)
            if found:
                kind, row, name = found.group(1), int(found.group(2)), found.group(3)
                table: RowTable = self.materials if kind == "materials" else self.steps
                table.mark_error(row, name, message)
                what = self.tr("第%s项材料") if kind == "materials" else self.tr("第%s个环节")
                rows[kind].append(f"{what % (row + 1)}：{message}")
                widget: QWidget = table
            elif key in self.error_labels:
                self.error_labels[key].setText(message)
                self.error_labels[key].show()
                widget = self.error_labels[key]
            else:
                general.append(message)
                continue
            tab = self._tab_of(widget)
            first_tab = tab if first_tab is None else min(first_tab, tab)
        for kind, lines in rows.items():
            if lines:
                label = self.error_labels[kind]
                label.setText("\n".join(filter(None, [label.text(), *lines])))
                label.show()
        self.message.setText(
            "\n".join([self.tr("有%s处需要修改，未保存。") % len(errors), *general])
        )
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)

    def _tab_of(self, widget: QWidget) -> int:
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).isAncestorOf(widget):
                return i
        return 0

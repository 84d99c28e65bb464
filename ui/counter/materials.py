"""The materials of the chosen item, ticked with the keyboard.

Up/Down choose a material; Space toggles received / not received; 1 received, 2 deferred
(容缺, only where the catalog allows it), 3 not applicable (only for conditional and optional
ones), 0 not received; each moves on to the next material. A marks every material still not
received as received (optional ones stay as they are). On a return visit the rows that were
not on the notice are locked: trying to change one asks for an extra demand
(``demand_requested``) instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from app.catalog.records import ItemVersionRecord, MaterialRecord, Necessity
from ui.counter.labels import (
    DEFERRED,
    MISSING,
    NOT_APPLICABLE,
    RECEIVED,
    STATE_COLORS,
    form_text,
    necessity_text,
    state_text,
    tr,
)

KEY_STATES = {
    Qt.Key.Key_1: RECEIVED,
    Qt.Key.Key_2: DEFERRED,
    Qt.Key.Key_3: NOT_APPLICABLE,
    Qt.Key.Key_0: MISSING,
}


def allowed(m: MaterialRecord, state: str) -> bool:
    if state == DEFERRED:
        return m.deferrable
    if state == NOT_APPLICABLE:
        return m.necessity is not Necessity.REQUIRED
    return True


class MaterialTable(QTableWidget):
    states_changed = Signal()
    demand_requested = Signal(int)  # a locked material the clerk wants to ask for

    def __init__(self) -> None:
        super().__init__(0, 4)
        self.setObjectName("materials_table")
        self.setHorizontalHeaderLabels([tr("状态"), tr("材料名称"), tr("形式、份数"), tr("要求")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the next field
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # Name and requirements share what is left: on a 1024×768 screen neither is squeezed
        # into a column a few characters wide, and rows follow the wrapped text's height.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.materials: list[MaterialRecord] = []
        self._states: dict[int, str] = {}
        self._locked: dict[int, str] = {}  # material id -> why it is locked
        self.cellDoubleClicked.connect(lambda row, _col: self.toggle(row))  # stays on the row

    # -- content --------------------------------------------------------------------------
    def load(
        self,
        version: ItemVersionRecord | None,
        states: dict[int, str] | None = None,
        locked: dict[int, str] | None = None,
    ) -> None:
        self.materials = list(version.materials) if version else []
        self._states = {m.id: MISSING for m in self.materials} | dict(states or {})
        self._locked = dict(locked or {})
        self.setRowCount(len(self.materials))
        for row, m in enumerate(self.materials):
            name = QTableWidgetItem(f"{m.name}\n{necessity_text(m)}")
            self.setItem(row, 1, name)
            self.setItem(row, 2, QTableWidgetItem(form_text(m)))
            self.setItem(row, 3, QTableWidgetItem(m.requirements))
            self._paint(row)
        self.resizeRowsToContents()
        if self.materials:
            self.setCurrentCell(0, 0)
        self.states_changed.emit()

    def _paint(self, row: int) -> None:
        m = self.materials[row]
        state = self._states[m.id]
        text = state_text(state)
        if state == MISSING and m.necessity is Necessity.OPTIONAL:
            text = tr("未收（选交）")
        if m.id in self._locked:
            text += "\n" + self._locked[m.id]
        item = QTableWidgetItem(text)
        fore, back = STATE_COLORS[state]
        if state == MISSING and m.necessity is Necessity.OPTIONAL:
            fore, back = STATE_COLORS[NOT_APPLICABLE]
        item.setForeground(QBrush(QColor(fore)))
        item.setBackground(QBrush(QColor(back)))
        self.setItem(row, 0, item)

    def states(self) -> dict[int, str]:
        return dict(self._states)

    def ids(self, state: str) -> frozenset[int]:
        return frozenset(mid for mid, s in self._states.items() if s == state)

    def missing(self) -> list[MaterialRecord]:
        """Required and conditional materials still not received (optional ones never are)."""
        return [
            m
            for m in self.materials
            if self._states[m.id] == MISSING and m.necessity is not Necessity.OPTIONAL
        ]

    def row_of(self, material_id: int) -> int:
        return next(r for r, m in enumerate(self.materials) if m.id == material_id)

    def is_locked(self, material_id: int) -> bool:
        return material_id in self._locked

    def unlock(self, material_id: int, state: str = MISSING) -> None:
        self._locked.pop(material_id, None)
        self._states[material_id] = state
        self._paint(self.row_of(material_id))
        self.states_changed.emit()

    # -- changing ---------------------------------------------------------------------------
    def set_state(self, row: int, state: str) -> bool:
        """Change one material; False when the catalog or a lock does not allow it."""
        if not 0 <= row < len(self.materials):
            return False
        m = self.materials[row]
        if m.id in self._locked:
            if self._states[m.id] != state:
                self.demand_requested.emit(m.id)
            return False
        if not allowed(m, state):
            return False
        if self._states[m.id] != state:
            self._states[m.id] = state
            self._paint(row)
            self.states_changed.emit()
        return True

    def toggle(self, row: int) -> bool:
        if not 0 <= row < len(self.materials):
            return False
        current = self._states[self.materials[row].id]
        return self.set_state(row, MISSING if current == RECEIVED else RECEIVED)

    def mark_all(self, from_state: str, to_state: str, only_deferrable: bool = False) -> None:
        for row, m in enumerate(self.materials):
            if self._states[m.id] == from_state and (m.deferrable or not only_deferrable):
                self.set_state(row, to_state)

    def mark_rest_received(self) -> None:
        """A: everything still not received is (optional materials stay as they are)."""
        for row, m in enumerate(self.materials):
            rest = self._states[m.id] == MISSING and m.necessity is not Necessity.OPTIONAL
            if rest and m.id not in self._locked:  # a locked one needs an extra demand
                self.set_state(row, RECEIVED)

    def _next_row(self, row: int) -> None:
        """After a tick, the next material: the clerk goes down the list key by key."""
        if row + 1 < self.rowCount():
            self.setCurrentCell(row + 1, self.currentColumn())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        row = self.currentRow()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Space and not event.modifiers():
            if self.toggle(row):
                self._next_row(row)
            return
        if key in KEY_STATES and plain:
            if self.set_state(row, KEY_STATES[Qt.Key(key)]):
                self._next_row(row)
            return
        if key == Qt.Key.Key_A and plain:
            self.mark_rest_received()
            return
        super().keyPressEvent(event)

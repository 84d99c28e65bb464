"""The small form each case action asks for (reason, days, outcome, who collected ...).
Field errors from the service are shown next to the field; the form stays open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.cases.lifecycle import CaseAction, DeliveryMethod, Outcome, SuspensionKind
from ui.cases.labels import action_text, suspension_text, tr
from ui.forms import ServiceForm


class ActionForm(ServiceForm):
    """Collects the inputs of one action; OK calls ``perform(values)`` off the GUI thread and
    closes only when the service accepted it."""

    def __init__(
        self,
        action: CaseAction,
        perform: Callable[[dict[str, Any]], Any],
        next_step: tuple[int, str] | None = None,
        parent: QWidget | None = None,
        outstanding: tuple[tuple[int, str], ...] = (),
        supervisor: bool = False,
        suspension_kinds: tuple[SuspensionKind, ...] = (),
        overdue: tuple[tuple[int, str], ...] = (),
        hand_over_to: str = "",
    ) -> None:
        super().__init__(action_text(action), perform, parent)
        self.setObjectName(f"action_{action.value}")
        self.action = action
        if action is CaseAction.SUSPEND:
            kind = QComboBox()
            for k in suspension_kinds or tuple(SuspensionKind):
                kind.addItem(suspension_text(k), k.value)
            self.add_field("kind", tr("类型"), kind)
            self.add_field("reason", tr("原因（将书面告知申请人）"), QPlainTextEdit())
            days = QSpinBox()
            days.setRange(0, 365)
            days.setSpecialValueText(tr("（补正、中止办理不填）"))
            self.add_field("expected_days", tr("特别程序预计所需工作日"), days)
            no_days = {SuspensionKind.CORRECTIONS.value, SuspensionKind.DEFERRAL_OVERDUE.value}
            kind.currentIndexChanged.connect(
                lambda _i: days.setEnabled(kind.currentData() not in no_days)
            )
            days.setEnabled(kind.currentData() not in no_days)
        elif action is CaseAction.EXTEND:
            days = QSpinBox()
            days.setRange(1, 365)
            self.add_field("days", tr("延长工作日"), days)
            self.add_field("reason", tr("延期理由（将书面告知申请人）"), QPlainTextEdit())
            self.add_field(
                "approved_by", tr("批准人（超过法定时限时必填：行政机关负责人）"), QLineEdit()
            )
        elif action is CaseAction.DECIDE:
            outcome = QComboBox()
            outcome.addItem(tr("准予"), Outcome.APPROVED.value)
            outcome.addItem(tr("不予"), Outcome.DENIED.value)
            self.add_field("outcome", tr("决定"), outcome)
            self.add_field("note", tr("说明（不予时必须写明理由）"), QPlainTextEdit())
            basis = QPlainTextEdit()
            basis.setPlaceholderText(
                tr("不予时必填，如：《中华人民共和国行政许可法》第三十八条第二款，《××条例》第×条")
            )
            self.add_field("legal_basis", tr("法律依据（不予时必填）"), basis)
            if outstanding and supervisor:
                names = "、".join(name for _id, name in outstanding)
                self.add_field(
                    "override",
                    tr("容缺材料（%s）未补交仍准予的理由") % names,
                    QPlainTextEdit(),
                )
        elif action is CaseAction.SUPPLY:
            owed = QListWidget()
            for material_id, name in outstanding:
                row = QListWidgetItem(name)
                row.setData(Qt.ItemDataRole.UserRole, material_id)
                row.setCheckState(Qt.CheckState.Checked)  # usually all come at once
                owed.addItem(row)
            owed.setCurrentRow(0)
            self.add_field("materials", tr("收到的容缺材料（空格勾选）"), owed)
            self.add_field("note", tr("备注（如：原件已核验）"), QLineEdit())
        elif action is CaseAction.DELIVER:
            method = QComboBox()
            for value, label in (
                (DeliveryMethod.PICKUP, tr("窗口领取")),
                (DeliveryMethod.MAIL, tr("邮寄")),
                (DeliveryMethod.ELECTRONIC, tr("电子送达")),
            ):
                method.addItem(label, value.value)
            self.add_field("method", tr("送达方式"), method)
            self.add_field("collected_by", tr("领取人姓名"), QLineEdit())
            self.add_field("collector_id_number", tr("领取人身份证号（已核验）"), QLineEdit())
        elif action is CaseAction.WITHDRAW:
            self.add_field("reason", tr("撤回原因"), QPlainTextEdit())
        elif action is CaseAction.TERMINATE:
            names = "、".join(name for _id, name in overdue)
            self.form.addRow(tr("逾期未补交"), QLabel(names))
            self.add_field("reason", tr("终止办理的说明（将书面告知申请人）"), QPlainTextEdit())
        elif action is CaseAction.COMPLETE_STEP and next_step is not None:
            self.form.addRow(tr("环节"), QLabel(next_step[1]))
            self.step_position = next_step[0]
            self.add_field("note", tr("备注"), QLineEdit())
        elif action is CaseAction.RESUME:
            self.add_field("note", tr("备注（如：补正材料已收齐）"), QLineEdit())
        elif action is CaseAction.HAND_OVER:
            # 乡镇代收、县级审批: the case and its materials list go up in the next bundle.
            self.form.addRow(tr("移交到"), QLabel(hand_over_to))
            told = QLabel(
                tr("移交后办理时限照常计算，本中心不能再办理，待县级作出决定后退回送达。")
            )
            told.setWordWrap(True)
            self.form.addRow(told)
            self.add_field("note", tr("说明（如：县水利局审批）"), QLineEdit())
        elif action is CaseAction.HAND_BACK:
            self.add_field("note", tr("说明（如：请乡镇送达）"), QLineEdit())

    def values(self) -> dict[str, Any]:
        values = super().values()
        if self.action is CaseAction.COMPLETE_STEP:
            values["position"] = self.step_position
        return values

    def unexpected(self, exc: BaseException) -> None:
        self.message.setText(tr("操作失败：%s") % exc)

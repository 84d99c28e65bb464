"""The counter's two small forms: refusing an application, and asking on a return visit for a
material the notice did not list. Each submits off the GUI thread, shows a refused field's
message at the field, and closes only when the service accepted it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ui.counter.labels import tr
from ui.forms import ServiceForm

APPLICANT_FIELDS = frozenset(
    {"applicant_name", "id_number", "phone", "agent_name", "agent_id_number", "agent_phone"}
)


class RefusalForm(ServiceForm):
    """不予受理: reason and legal basis required, where to apply instead when it belongs
    elsewhere; the remedies printed on the notice are shown as they will read."""

    def __init__(
        self,
        perform: Callable[[dict[str, str]], Any],
        remedy: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("不予受理"), perform, parent)
        self.setObjectName("refusal_form")
        self.add_field("reason", tr("不予受理的理由"), QPlainTextEdit())
        basis = QPlainTextEdit()
        basis.setPlaceholderText(tr("如：《中华人民共和国行政许可法》第三十二条第一款"))
        self.add_field("legal_basis", tr("法律依据"), basis)
        where = QLineEdit()
        where.setPlaceholderText(tr("不属于本机关职权范围时，告知向哪个机关申请"))
        self.add_field("redirect_to", tr("建议向…申请（可不填）"), where)
        rights = QLabel(remedy)
        rights.setObjectName("appeal_rights")
        rights.setWordWrap(True)
        self.form.addRow(tr("救济途径（印在通知书上）"), rights)
        self.resize(560, 420)

    def unplaced_text(self, errors: dict[str, str]) -> str:
        """Applicant fields are marked on the checklist behind this form; say so once."""
        others = [text for key, text in errors.items() if key not in APPLICANT_FIELDS]
        if len(others) < len(errors):
            others.insert(0, tr("申请人信息有误，已在受理台上标出，请改正后再提交。"))
        return "\n".join(others)


class ExtraDemandForm(ServiceForm):
    """A material not on the notice: asking for it breaks the one-time rule, so the reason is
    written down and the issuing staff member's supervisor is told."""

    def __init__(
        self,
        material_name: str,
        perform: Callable[[dict[str, str]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("要求告知单以外的材料"), perform, parent)
        self.setObjectName("extra_demand_form")
        warning = QLabel(
            tr("“%s”不在一次性告知单上。再要求它违反一次性告知制，将记入责任追究，报负责人审查。")
            % material_name
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.layout_.insertWidget(0, warning)
        self.add_field("reason", tr("理由（必填）"), QPlainTextEdit())
        self.resize(520, 300)

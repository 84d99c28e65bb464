"""The small forms of ratings: a paper (or follow-up call) rating, an appeal, the decision on an
appeal, closing a rectification item. Each submits to its service off the GUI thread and shows
refusals at the field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.context import AppContext
from app.feedback import ratings
from app.feedback.records import (
    AppealKind,
    RatingLevel,
    RatingSource,
    RatingView,
    RectificationOutcome,
    RectificationView,
    Subject,
)
from app.roles import Actor
from ui.feedback.labels import (
    appeal_kind_text,
    level_text,
    outcome_text,
    source_text,
    tr,
)
from ui.forms import ServiceForm

Perform = Callable[[dict[str, Any]], Any]


def _combo(items: list[tuple[str, Any]], placeholder: str = "") -> QComboBox:
    combo = QComboBox()
    if placeholder:
        combo.addItem(placeholder, None)
    for label, value in items:
        combo.addItem(label, value)
    return combo


class PaperRatingForm(ServiceForm):
    """录入评价: a paper form handed in, or the answer on a follow-up call."""

    def __init__(self, case_number: str, perform: Perform, parent: QWidget | None = None) -> None:
        super().__init__(tr("录入评价 %s") % case_number, perform, parent)
        self.setObjectName("paper_rating_form")
        sources = [(source_text(s), s.value) for s in (RatingSource.PAPER, RatingSource.PHONE)]
        self.add_field("source", tr("评价来源"), _combo(sources))
        levels = [(level_text(level), level.value) for level in RatingLevel]
        self.add_field("level", tr("评价等级"), _combo(levels, tr("（请选择）")))
        self.add_field("comment", tr("意见建议（选填）"), QLineEdit())
        note = QLabel(tr("本人办理的业务只能录入申请人填写的纸质评价表。"))
        note.setWordWrap(True)
        self.form.addRow(note)


def paper_rating_form(
    ctx: AppContext, actor: Actor, subject: Subject, label: str, parent: QWidget
) -> PaperRatingForm:
    """The form that types in ``subject``'s rating (a case or a visit; ``label`` its number)."""
    return PaperRatingForm(
        label,
        lambda v: ratings.record_rating(
            ctx.uow(), actor, subject, v["level"] or "", v["comment"], v["source"]
        ),
        parent,
    )


class AppealForm(ServiceForm):
    def __init__(self, rating: RatingView, perform: Perform, parent: QWidget | None = None) -> None:
        super().__init__(tr("申诉评价 %s") % rating.subject_label, perform, parent)
        self.setObjectName("appeal_form")
        self.form.addRow(tr("评价"), QLabel(f"{level_text(rating.level)}　{rating.comment}"))
        kinds = [(appeal_kind_text(k), k.value) for k in AppealKind]
        self.add_field("kind", tr("申诉类型"), _combo(kinds, tr("（请选择）")))
        self.add_field("reason", tr("申诉理由（可说明证据，如监控录像）"), QPlainTextEdit())


class AppealDecisionForm(ServiceForm):
    def __init__(
        self, subject: str, reason: str, perform: Perform, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("裁决申诉 %s") % subject, perform, parent)
        self.setObjectName("appeal_decision_form")
        shown = QLabel(reason)
        shown.setWordWrap(True)
        self.form.addRow(tr("申诉理由"), shown)
        choices = [(tr("申诉成立：该评价不计入统计"), True), (tr("申诉驳回：评价保留"), False)]
        self.add_field("upheld", tr("裁决"), _combo(choices, tr("（请选择）")))
        self.add_field("note", tr("裁决理由"), QPlainTextEdit())


class RectificationForm(ServiceForm):
    """办结差评整改: what was done, the follow-up call, the outcome."""

    def __init__(
        self,
        item: RectificationView,
        today: date,
        perform: Perform,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("办结差评整改 %s") % item.subject_label, perform, parent)
        self.setObjectName("rectification_form")
        said = f"{level_text(item.level)}　{item.comment}".strip()
        self.form.addRow(tr("差评"), QLabel(said))
        self.form.addRow(tr("责任人"), QLabel(item.responsible_name))
        self.add_field("note", tr("整改情况"), QPlainTextEdit())
        followup = QDateEdit()
        followup.setCalendarPopup(True)
        followup.setDisplayFormat("yyyy-MM-dd")
        followup.setDate(QDate(today.year, today.month, today.day))
        self.add_field("followup_on", tr("回访日期"), followup)
        self.add_field("followup_result", tr("回访结果"), QPlainTextEdit())
        outcomes = [(outcome_text(o), o.value) for o in RectificationOutcome]
        self.add_field("outcome", tr("整改结果"), _combo(outcomes, tr("（请选择）")))

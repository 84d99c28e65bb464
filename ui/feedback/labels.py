"""How ratings, rectification items, appeals and complaints read on screen, translatable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.clock import hall_time
from app.feedback.records import (
    AppealKind,
    AppealState,
    ComplaintChannel,
    ComplaintState,
    ComplaintTarget,
    RatingLevel,
    RatingSource,
    RatingView,
    RectificationOutcome,
    RectificationState,
)


def tr(text: str) -> str:
    # lupdate files calls of a bare tr() under the empty context.
    return QCoreApplication.translate("", text)


def level_text(level: RatingLevel) -> str:
    return {
        RatingLevel.VERY_SATISFIED: tr("非常满意"),
        RatingLevel.SATISFIED: tr("满意"),
        RatingLevel.BASIC: tr("基本满意"),
        RatingLevel.DISSATISFIED: tr("不满意"),
        RatingLevel.VERY_DISSATISFIED: tr("非常不满意"),
    }[level]


# Foreground and background per level: green to red, dark enough on white for the list and
# bright enough as a big button on the citizen-facing screen.
LEVEL_COLORS = {
    RatingLevel.VERY_SATISFIED: ("#ffffff", "#1b5e20"),
    RatingLevel.SATISFIED: ("#ffffff", "#2e7d32"),
    RatingLevel.BASIC: ("#000000", "#f9a825"),
    RatingLevel.DISSATISFIED: ("#ffffff", "#d84315"),
    RatingLevel.VERY_DISSATISFIED: ("#ffffff", "#b71c1c"),
}
BAD_ROW = ("#b71c1c", "#fde0e0")
EXCLUDED_ROW = ("#777777", "#eeeeee")


def source_text(source: RatingSource) -> str:
    return {
        RatingSource.CITIZEN_SCREEN: tr("评价屏"),
        RatingSource.PAPER: tr("纸质评价表"),
        RatingSource.PHONE: tr("电话回访"),
    }[source]


def rectification_text(state: RectificationState | None, overdue: bool = False) -> str:
    if state is None:
        return ""
    if state is RectificationState.OPEN:
        return tr("整改超期") if overdue else tr("待整改")
    return {
        RectificationState.CLOSED: tr("已整改"),
        RectificationState.CANCELLED: tr("已撤销（申诉成立）"),
    }[state]


def outcome_text(outcome: RectificationOutcome | None) -> str:
    if outcome is None:
        return ""
    return {
        RectificationOutcome.RESOLVED: tr("已整改，群众满意"),
        RectificationOutcome.EXPLAINED: tr("已解释说明，群众理解"),
        RectificationOutcome.UNRESOLVED: tr("群众仍不满意"),
    }[outcome]


def appeal_kind_text(kind: AppealKind) -> str:
    return {AppealKind.MISTAKEN: tr("误评"), AppealKind.MALICIOUS: tr("恶意评价")}[kind]


def appeal_state_text(state: AppealState | None) -> str:
    if state is None:
        return ""
    return {
        AppealState.PENDING: tr("申诉待裁决"),
        AppealState.UPHELD: tr("申诉成立"),
        AppealState.REJECTED: tr("申诉驳回"),
    }[state]


def target_text(target: ComplaintTarget) -> str:
    return {
        ComplaintTarget.STAFF: tr("工作人员"),
        ComplaintTarget.WINDOW: tr("窗口"),
        ComplaintTarget.CASE: tr("办件"),
        ComplaintTarget.CENTER: tr("服务中心"),
    }[target]


def channel_text(channel: ComplaintChannel) -> str:
    return {
        ComplaintChannel.COUNTER: tr("现场"),
        ComplaintChannel.PHONE: tr("电话"),
        ComplaintChannel.LETTER: tr("信件、意见箱"),
        ComplaintChannel.HOTLINE: tr("12345热线转办"),
        ComplaintChannel.ONLINE: tr("网上"),
    }[channel]


def complaint_state_text(state: ComplaintState, substantiated: bool | None = None) -> str:
    if state is ComplaintState.CONCLUDED:
        return tr("已办结（属实）") if substantiated else tr("已办结（不属实）")
    return {
        ComplaintState.REGISTERED: tr("已登记"),
        ComplaintState.INVESTIGATING: tr("调查中"),
    }[state]


def rating_summary(rating: RatingView | None) -> str:
    """One line for a case's or a visit's window: the level, who entered it and when, the
    comment, and what became of it (rectification, appeal, left out of the statistics)."""
    if rating is None:
        return tr("评价：尚未评价")
    when = hall_time(rating.rated_at).strftime("%Y-%m-%d %H:%M")
    if rating.source is RatingSource.CITIZEN_SCREEN:
        how = tr("申请人在评价屏评价")
    else:
        how = tr("%s，%s 录入") % (source_text(rating.source), rating.entered_by_name)
    text = tr("评价：%s（%s，%s）") % (level_text(rating.level), how, when)
    if rating.comment:
        text += f"　“{rating.comment}”"
    status = [
        rectification_text(rating.rectification_state),
        appeal_state_text(rating.appeal_state),
    ]
    if rating.excluded:
        status.append(tr("不计入统计"))
    if any(status):
        text += "　" + "，".join(s for s in status if s)
    return text

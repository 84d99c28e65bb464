"""How visits, referrals and absences read on screen, translatable. States carry a mark and
words as well as a colour, so nothing depends on colour alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.visits.lifecycle import AwayReason, Outcome, VisitAction, VisitState, VisitType

OVERDUE_COLORS = ("#b71c1c", "#fde0e0")  # text, background: a referral not acknowledged in time
WAITING_COLORS = ("#8a5a00", "#fff4c2")  # waiting for acknowledgement, still in time


def tr(text: str) -> str:
    # lupdate files calls of a bare tr() under the empty context.
    return QCoreApplication.translate("", text)


def type_text(kind: VisitType) -> str:
    return {
        VisitType.CONSULTATION: tr("咨询"),
        VisitType.APPLICATION: tr("办事"),
        VisitType.COMPLAINT: tr("投诉"),
        VisitType.OTHER: tr("其他"),
    }[kind]


def state_text(state: VisitState, overdue: bool = False) -> str:
    if overdue:
        return tr("▲ 转办超时未接收")
    return {
        VisitState.OPEN: tr("○ 办理中"),
        VisitState.REFERRED: tr("→ 已转办待接收"),
        VisitState.CLOSED: tr("✓ 已办结"),
    }[state]


def outcome_text(outcome: Outcome | None) -> str:
    if outcome is None:
        return tr("（尚无结果）")
    return {
        Outcome.ANSWERED: tr("当场答复"),
        Outcome.APPLICATION: tr("转为申请"),
        Outcome.OUTSIDE: tr("非本中心职责（已电话确认）"),
    }[outcome]


def action_text(action: VisitAction) -> str:
    return {
        VisitAction.REGISTER: tr("登记来访"),
        VisitAction.ANSWER: tr("当场答复"),
        VisitAction.APPLY: tr("转为申请"),
        VisitAction.REFER: tr("转办"),
        VisitAction.ACKNOWLEDGE: tr("确认接收"),
        VisitAction.RECALL: tr("收回转办"),
        VisitAction.CONFIRM_OUTSIDE: tr("电话确认外单位受理"),
        VisitAction.REOPEN: tr("重新打开"),
    }[action]


def reason_text(reason: AwayReason) -> str:
    return {
        AwayReason.LEAVE: tr("请假"),
        AwayReason.TRAINING: tr("培训"),
        AwayReason.FIELD_VISIT: tr("外出办事"),
    }[reason]

"""How states, warnings and actions read and look on screen: colour AND icon AND words, so a
colour-blind clerk or a grey printout loses nothing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from app.cases.lifecycle import CaseAction, CaseState, SuspensionKind
from app.printing.kinds import DocumentKind
from app.workdays import WarningLevel

_icons: dict[str, QIcon] = {}


def tr(text: str) -> str:
    # lupdate files calls of a bare tr() under the empty context.
    return QCoreApplication.translate("", text)


def warning_text(level: WarningLevel | None) -> str:
    return {
        WarningLevel.RED: tr("红牌·超期"),
        WarningLevel.YELLOW: tr("黄牌·临期"),
        WarningLevel.NORMAL: tr("正常"),
        None: tr("已结束"),
    }[level]


WARNING_COLORS = {
    WarningLevel.RED: ("#b71c1c", "#fde0e0"),
    WarningLevel.YELLOW: ("#8a5a00", "#fff4c2"),
}


def warning_icon(level: WarningLevel | None) -> QIcon:
    """A filled card for red/yellow, a ring for normal; drawn once, no image files needed."""
    key = str(level)
    if key not in _icons:
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if level is WarningLevel.RED or level is WarningLevel.YELLOW:
            painter.setBrush(QColor("#d32f2f" if level is WarningLevel.RED else "#f9a825"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(3, 1, 10, 14, 2, 2)
        else:
            painter.setPen(QColor("#2e7d32" if level is WarningLevel.NORMAL else "#9e9e9e"))
            painter.drawEllipse(3, 3, 10, 10)
        painter.end()
        _icons[key] = QIcon(pixmap)
    return _icons[key]


def state_text(state: CaseState) -> str:
    return {
        CaseState.ACCEPTED: tr("已受理"),
        CaseState.IN_PROGRESS: tr("办理中"),
        CaseState.SUSPENDED: tr("已中止计时"),
        CaseState.DECIDED: tr("已办结"),
        CaseState.DELIVERED: tr("已送达"),
        CaseState.WITHDRAWN: tr("已撤回"),
        CaseState.TERMINATED: tr("已终止办理"),
    }[state]


def action_text(action: CaseAction) -> str:
    return {
        CaseAction.ACCEPT: tr("受理"),
        CaseAction.START: tr("开始办理"),
        CaseAction.COMPLETE_STEP: tr("完成环节"),
        CaseAction.SUSPEND: tr("中止计时（补正/特别程序）"),
        CaseAction.RESUME: tr("恢复计时"),
        CaseAction.EXTEND: tr("延期"),
        CaseAction.DECIDE: tr("作出决定（办结）"),
        CaseAction.DELIVER: tr("送达/领取"),
        CaseAction.WITHDRAW: tr("申请人撤回"),
        CaseAction.SUPPLY: tr("补交容缺材料"),
        CaseAction.TERMINATE: tr("终止办理（容缺材料逾期）"),
        CaseAction.HAND_OVER: tr("移交县级审批"),
        CaseAction.HAND_BACK: tr("退回受理中心送达"),
    }[action]


def paper_text(kind: DocumentKind) -> str:
    """The print menu's name of each paper a case can have (app.cases.papers decides which)."""
    return {
        DocumentKind.RECEIPT: tr("受理回执"),
        DocumentKind.DEFERRED: tr("容缺受理通知"),
        DocumentKind.EXTENSION: tr("延期告知书"),
        DocumentKind.SUPPLY: tr("容缺材料补交回执"),
        DocumentKind.CORRECTION: tr("补正材料通知书"),
        DocumentKind.SPECIAL: tr("特别程序告知书"),
        DocumentKind.HALT: tr("中止办理通知书"),
        DocumentKind.TERMINATION: tr("终止办理通知书"),
        DocumentKind.DENIAL: tr("不予行政许可决定书"),
        DocumentKind.COMPLETION: tr("办结通知"),
    }[kind]


def suspension_text(kind: SuspensionKind) -> str:
    return {
        SuspensionKind.CORRECTIONS: tr("补正材料"),
        SuspensionKind.PUBLIC_NOTICE: tr("公示"),
        SuspensionKind.HEARING: tr("听证"),
        SuspensionKind.EXPERT_REVIEW: tr("专家评审"),
        SuspensionKind.SITE_SURVEY: tr("现场勘验"),
        SuspensionKind.INSPECTION: tr("检验"),
        SuspensionKind.TESTING: tr("检测"),
        SuspensionKind.QUARANTINE: tr("检疫"),
        SuspensionKind.APPRAISAL: tr("鉴定"),
        SuspensionKind.TENDER: tr("招标"),
        SuspensionKind.AUCTION: tr("拍卖"),
        SuspensionKind.DEFERRAL_OVERDUE: tr("中止办理：容缺材料逾期未补交"),
    }[kind]

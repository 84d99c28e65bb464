"""The case life cycle as an explicit table. The UI asks; only this table decides.

accepted → in_progress → decided → delivered, with suspension (补正 corrections, a special
procedure, or 中止办理 while a deferred material is overdue; the clock stops), withdrawal by the
applicant and termination (终止办理, a deferred material never supplied) on the way. Extensions,
supplies and step completions keep the state.
"""

from __future__ import annotations

from enum import StrEnum

from app.transitions import TransitionTable


class CaseState(StrEnum):
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    SUSPENDED = "suspended"
    DECIDED = "decided"
    DELIVERED = "delivered"
    WITHDRAWN = "withdrawn"
    TERMINATED = "terminated"  # 终止办理: a deferred (容缺) material was never supplied


class CaseAction(StrEnum):
    ACCEPT = "accept"
    START = "start"
    COMPLETE_STEP = "complete_step"
    SUSPEND = "suspend"
    RESUME = "resume"
    EXTEND = "extend"
    DECIDE = "decide"
    DELIVER = "deliver"
    WITHDRAW = "withdraw"
    SUPPLY = "supply"  # 容缺材料补交: a deferred material came in (the state stays)
    TERMINATE = "terminate"  # 终止办理 for a deferred material not supplied in time
    # 乡镇代收、县级审批: the case goes to the county and back (app.handover, its own table:
    # not a move the case window offers among the others); the state stays.
    HAND_OVER = "hand_over"
    HAND_BACK = "hand_back"


class SuspensionKind(StrEnum):
    CORRECTIONS = "corrections"  # 补正
    PUBLIC_NOTICE = "public_notice"  # 公示
    HEARING = "hearing"  # 听证
    EXPERT_REVIEW = "expert_review"  # 专家评审
    SITE_SURVEY = "site_survey"  # 现场勘验
    # 行政许可法 Art. 45: these too need time that is not counted in the limit.
    INSPECTION = "inspection"  # 检验
    TESTING = "testing"  # 检测
    QUARANTINE = "quarantine"  # 检疫
    APPRAISAL = "appraisal"  # 鉴定
    TENDER = "tender"  # 招标
    AUCTION = "auction"  # 拍卖
    # 中止办理: a deferred (容缺) material is overdue; the case waits for it, clock stopped.
    DEFERRAL_OVERDUE = "deferral_overdue"


# What the papers call each suspension; every kind but corrections and an overdue deferral is a
# special procedure (特别程序), told to the applicant in writing with its expected time.
SUSPENSION_LABELS = {
    SuspensionKind.CORRECTIONS: "补正材料",
    SuspensionKind.PUBLIC_NOTICE: "公示",
    SuspensionKind.HEARING: "听证",
    SuspensionKind.EXPERT_REVIEW: "专家评审",
    SuspensionKind.SITE_SURVEY: "现场勘验",
    SuspensionKind.INSPECTION: "检验",
    SuspensionKind.TESTING: "检测",
    SuspensionKind.QUARANTINE: "检疫",
    SuspensionKind.APPRAISAL: "鉴定",
    SuspensionKind.TENDER: "招标",
    SuspensionKind.AUCTION: "拍卖",
    SuspensionKind.DEFERRAL_OVERDUE: "容缺材料逾期未补交",
}
SPECIAL_PROCEDURES = frozenset(SuspensionKind) - {
    SuspensionKind.CORRECTIONS,
    SuspensionKind.DEFERRAL_OVERDUE,
}
MAX_SPECIAL_DAYS = 365


class Outcome(StrEnum):
    APPROVED = "approved"
    DENIED = "denied"


class DeliveryMethod(StrEnum):
    PICKUP = "pickup"
    MAIL = "mail"
    ELECTRONIC = "electronic"


S, A = CaseState, CaseAction
OPEN_STATES = frozenset({S.ACCEPTED, S.IN_PROGRESS, S.SUSPENDED})
CLOSED_STATES = frozenset({S.DECIDED, S.DELIVERED, S.WITHDRAWN, S.TERMINATED})

TRANSITIONS: dict[tuple[CaseState, CaseAction], CaseState] = {
    (S.ACCEPTED, A.START): S.IN_PROGRESS,
    (S.ACCEPTED, A.COMPLETE_STEP): S.IN_PROGRESS,
    (S.IN_PROGRESS, A.COMPLETE_STEP): S.IN_PROGRESS,
    (S.ACCEPTED, A.SUSPEND): S.SUSPENDED,
    (S.IN_PROGRESS, A.SUSPEND): S.SUSPENDED,
    (S.SUSPENDED, A.RESUME): S.IN_PROGRESS,
    (S.ACCEPTED, A.EXTEND): S.ACCEPTED,
    (S.IN_PROGRESS, A.EXTEND): S.IN_PROGRESS,
    (S.SUSPENDED, A.EXTEND): S.SUSPENDED,
    (S.ACCEPTED, A.DECIDE): S.DECIDED,
    (S.IN_PROGRESS, A.DECIDE): S.DECIDED,
    (S.DECIDED, A.DELIVER): S.DELIVERED,
    (S.ACCEPTED, A.WITHDRAW): S.WITHDRAWN,
    (S.IN_PROGRESS, A.WITHDRAW): S.WITHDRAWN,
    (S.SUSPENDED, A.WITHDRAW): S.WITHDRAWN,
    (S.ACCEPTED, A.SUPPLY): S.ACCEPTED,
    (S.IN_PROGRESS, A.SUPPLY): S.IN_PROGRESS,
    (S.SUSPENDED, A.SUPPLY): S.SUSPENDED,
    (S.ACCEPTED, A.TERMINATE): S.TERMINATED,
    (S.IN_PROGRESS, A.TERMINATE): S.TERMINATED,
    (S.SUSPENDED, A.TERMINATE): S.TERMINATED,
}

STATE_LABELS = {
    S.ACCEPTED: "已受理",
    S.IN_PROGRESS: "办理中",
    S.SUSPENDED: "已中止计时",
    S.DECIDED: "已办结",
    S.DELIVERED: "已送达",
    S.WITHDRAWN: "已撤回",
    S.TERMINATED: "已终止办理",
}
ACTION_LABELS = {
    A.ACCEPT: "受理",
    A.START: "开始办理",
    A.COMPLETE_STEP: "完成环节",
    A.SUSPEND: "中止计时",
    A.RESUME: "恢复计时",
    A.EXTEND: "延期",
    A.DECIDE: "作出决定",
    A.DELIVER: "送达",
    A.WITHDRAW: "申请人撤回",
    A.SUPPLY: "补交容缺材料",
    A.TERMINATE: "终止办理",
    A.HAND_OVER: "移交县级审批",
    A.HAND_BACK: "退回受理中心送达",
}


TABLE = TransitionTable("办件", TRANSITIONS, STATE_LABELS, ACTION_LABELS)
next_state = TABLE.next_state
allowed_actions = TABLE.allowed_actions

"""A visit's life as an explicit table: who holds the matter, and what may happen next.

open ─answer/apply→ closed; open ─refer→ referred; referred ─acknowledge→ open (the receiver
now holds it); referred ─recall→ open (back with the first responder); referred
─confirm_outside→ closed (an outside body confirmed by telephone); closed ─reopen→ open. No move
ends a visit without an outcome, and every move is a row of the chain (``visit_event``), which is
never changed afterwards.
"""

from __future__ import annotations

from enum import StrEnum

from app.transitions import TransitionTable


class VisitType(StrEnum):
    CONSULTATION = "consultation"  # 咨询
    APPLICATION = "application"  # 办事
    COMPLAINT = "complaint"  # 投诉
    OTHER = "other"  # 其他


class VisitState(StrEnum):
    OPEN = "open"  # the holder is working on it
    REFERRED = "referred"  # handed on, waiting for the receiver's acknowledgement
    CLOSED = "closed"  # ended with an outcome


class VisitAction(StrEnum):
    REGISTER = "register"
    ANSWER = "answer"
    APPLY = "apply"
    REFER = "refer"
    ACKNOWLEDGE = "acknowledge"
    RECALL = "recall"
    CONFIRM_OUTSIDE = "confirm_outside"
    REOPEN = "reopen"


class Outcome(StrEnum):
    ANSWERED = "answered"  # 当场答复
    APPLICATION = "application"  # 转为申请: a case (or a one-time notice, a refusal)
    OUTSIDE = "outside"  # 非本中心职责: the competent body named, reached by telephone


class ReferralKind(StrEnum):
    INTERNAL = "internal"  # 引导/转办 to a window, a department or a colleague of the center
    EXTERNAL = "external"  # to a body outside the center's remit


class ReferralState(StrEnum):
    PENDING = "pending"
    ACKNOWLEDGED = "acknowledged"  # internal: received at the counter; external: confirmed
    RECALLED = "recalled"  # taken back by whoever referred it


class AwayReason(StrEnum):
    LEAVE = "leave"  # 请假
    TRAINING = "training"  # 培训
    FIELD_VISIT = "field_visit"  # 外出/下乡


S, A = VisitState, VisitAction
OPEN_STATES = frozenset({S.OPEN, S.REFERRED})

TRANSITIONS: dict[tuple[VisitState, VisitAction], VisitState] = {
    (S.OPEN, A.ANSWER): S.CLOSED,
    (S.OPEN, A.APPLY): S.CLOSED,
    (S.OPEN, A.REFER): S.REFERRED,
    (S.REFERRED, A.ACKNOWLEDGE): S.OPEN,
    (S.REFERRED, A.RECALL): S.OPEN,
    (S.REFERRED, A.CONFIRM_OUTSIDE): S.CLOSED,
    (S.CLOSED, A.REOPEN): S.OPEN,
}
OUTCOME_OF = {A.ANSWER: Outcome.ANSWERED, A.APPLY: Outcome.APPLICATION}

STATE_LABELS = {S.OPEN: "办理中", S.REFERRED: "已转办待接收", S.CLOSED: "已办结"}
ACTION_LABELS = {
    A.REGISTER: "登记",
    A.ANSWER: "当场答复",
    A.APPLY: "转为申请",
    A.REFER: "转办",
    A.ACKNOWLEDGE: "接收",
    A.RECALL: "收回",
    A.CONFIRM_OUTSIDE: "电话确认",
    A.REOPEN: "重新打开",
}


TABLE = TransitionTable("来访", TRANSITIONS, STATE_LABELS, ACTION_LABELS)
next_state = TABLE.next_state
allowed_actions = TABLE.allowed_actions

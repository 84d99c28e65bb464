"""The lives of a complaint, a rectification item and an appeal, each as an explicit table.

A complaint: registered ─note→ investigating (the first investigation note starts it);
investigating ─note→ investigating; registered or investigating ─conclude→ concluded, with a
finding. Nothing moves a concluded complaint.

A rectification item (差评整改): open ─close→ closed (a supervisor, with the follow-up call);
open ─cancel→ cancelled (an upheld appeal took the rating out). Nothing moves it afterwards.

An appeal against a rating (申诉): pending ─uphold→ upheld; pending ─reject→ rejected; decided
once, by a supervisor other than the appellant.
"""

from __future__ import annotations

from enum import StrEnum

from app.feedback.records import AppealState, ComplaintState, RectificationState
from app.transitions import TransitionTable


class ComplaintAction(StrEnum):
    NOTE = "note"  # an investigation note
    CONCLUDE = "conclude"


class RectificationAction(StrEnum):
    CLOSE = "close"
    CANCEL = "cancel"


class AppealAction(StrEnum):
    UPHOLD = "uphold"
    REJECT = "reject"


C, CA = ComplaintState, ComplaintAction
COMPLAINT_TRANSITIONS: dict[tuple[ComplaintState, ComplaintAction], ComplaintState] = {
    (C.REGISTERED, CA.NOTE): C.INVESTIGATING,
    (C.INVESTIGATING, CA.NOTE): C.INVESTIGATING,
    (C.REGISTERED, CA.CONCLUDE): C.CONCLUDED,
    (C.INVESTIGATING, CA.CONCLUDE): C.CONCLUDED,
}
COMPLAINT = TransitionTable(
    "投诉",
    COMPLAINT_TRANSITIONS,
    {C.REGISTERED: "已登记", C.INVESTIGATING: "调查中", C.CONCLUDED: "已办结"},
    {CA.NOTE: "添加调查记录", CA.CONCLUDE: "办结"},
)

R, RA = RectificationState, RectificationAction
RECTIFICATION_TRANSITIONS: dict[
    tuple[RectificationState, RectificationAction], RectificationState
] = {
    (R.OPEN, RA.CLOSE): R.CLOSED,
    (R.OPEN, RA.CANCEL): R.CANCELLED,
}
RECTIFICATION = TransitionTable(
    "这条整改",
    RECTIFICATION_TRANSITIONS,
    {R.OPEN: "待整改", R.CLOSED: "已办结", R.CANCELLED: "已撤销"},
    {RA.CLOSE: "关闭", RA.CANCEL: "撤销"},
)

P, PA = AppealState, AppealAction
APPEAL_TRANSITIONS: dict[tuple[AppealState, AppealAction], AppealState] = {
    (P.PENDING, PA.UPHOLD): P.UPHELD,
    (P.PENDING, PA.REJECT): P.REJECTED,
}
APPEAL = TransitionTable(
    "这条申诉",
    APPEAL_TRANSITIONS,
    {P.PENDING: "待裁决", P.UPHELD: "已裁决（成立）", P.REJECTED: "已裁决（不成立）"},
    {PA.UPHOLD: "裁决为成立", PA.REJECT: "裁决为不成立"},
)

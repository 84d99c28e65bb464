"""A queue ticket's life as one table of allowed moves.

::

    waiting ──call──▶ called ──serve──▶ serving ──finish──▶ done
                       │  ▲ recall                 │
                       │  └──────┘                 │
                       ├──skip──▶ skipped (过号, no-show)
                       └──transfer──▶ transferred ◀┘ (waits first in line at the other window)
    transferred ──call──▶ called
"""

from __future__ import annotations

from enum import StrEnum

from app.transitions import TransitionTable


class TicketState(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    SKIPPED = "skipped"
    TRANSFERRED = "transferred"


class TicketAction(StrEnum):
    CALL = "call"
    RECALL = "recall"
    SERVE = "serve"
    FINISH = "finish"
    SKIP = "skip"
    TRANSFER = "transfer"


S, A = TicketState, TicketAction
TRANSITIONS: dict[tuple[TicketState, TicketAction], TicketState] = {
    (S.WAITING, A.CALL): S.CALLED,
    (S.TRANSFERRED, A.CALL): S.CALLED,
    (S.CALLED, A.RECALL): S.CALLED,
    (S.CALLED, A.SERVE): S.SERVING,
    (S.CALLED, A.SKIP): S.SKIPPED,
    (S.CALLED, A.TRANSFER): S.TRANSFERRED,
    (S.SERVING, A.FINISH): S.DONE,
    (S.SERVING, A.TRANSFER): S.TRANSFERRED,
}
WAITING_STATES = frozenset({S.WAITING, S.TRANSFERRED})
AT_COUNTER_STATES = frozenset({S.CALLED, S.SERVING})

STATE_WORDS = {
    S.WAITING: "等候中",
    S.CALLED: "已叫号",
    S.SERVING: "办理中",
    S.DONE: "已办结",
    S.SKIPPED: "过号",
    S.TRANSFERRED: "已转窗口",
}
ACTION_WORDS = {
    A.CALL: "叫号",
    A.RECALL: "重呼",
    A.SERVE: "开始办理",
    A.FINISH: "办理完毕",
    A.SKIP: "过号",
    A.TRANSFER: "转窗口",
}


TABLE = TransitionTable("号票", TRANSITIONS, STATE_WORDS, ACTION_WORDS)
next_state = TABLE.next_state
allows = TABLE.allows

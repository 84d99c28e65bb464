"""An appointment's life as an explicit table: only a booked appointment moves, and each move
ends it but one (改约 keeps it booked at another time).

booked ─move→ booked; booked ─cancel→ cancelled; booked ─check_in→ checked_in (the visit is
opened); booked ─no_show→ no_show (marked at the end of the day). Booking makes it; nothing
leaves cancelled, checked_in or no_show.
"""

from __future__ import annotations

from app.appointments.records import AppointmentAction, AppointmentState
from app.transitions import TransitionTable

S, A = AppointmentState, AppointmentAction

TRANSITIONS: dict[tuple[AppointmentState, AppointmentAction], AppointmentState] = {
    (S.BOOKED, A.MOVE): S.BOOKED,
    (S.BOOKED, A.CANCEL): S.CANCELLED,
    (S.BOOKED, A.CHECK_IN): S.CHECKED_IN,
    (S.BOOKED, A.NO_SHOW): S.NO_SHOW,
}

STATE_LABELS = {
    S.BOOKED: "已预约",
    S.CHECKED_IN: "已签到",
    S.NO_SHOW: "爽约",
    S.CANCELLED: "已取消",
}
ACTION_LABELS = {
    A.BOOK: "预约",
    A.MOVE: "改约",
    A.CANCEL: "取消",
    A.CHECK_IN: "签到",
    A.NO_SHOW: "标记爽约",
}

TABLE = TransitionTable("预约", TRANSITIONS, STATE_LABELS, ACTION_LABELS)
next_state = TABLE.next_state
allowed_actions = TABLE.allowed_actions

"""How appointment states and booking channels read on screen, translatable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.appointments.records import AppointmentState, BookingChannel


def tr(text: str) -> str:
    # lupdate files calls of a bare tr() under the empty context.
    return QCoreApplication.translate("", text)


def state_text(state: AppointmentState) -> str:
    return {
        AppointmentState.BOOKED: tr("待到"),
        AppointmentState.CHECKED_IN: tr("已签到"),
        AppointmentState.NO_SHOW: tr("爽约"),
        AppointmentState.CANCELLED: tr("已取消"),
    }[state]


def channel_text(channel: BookingChannel) -> str:
    return {BookingChannel.PHONE: tr("电话预约"), BookingChannel.COUNTER: tr("现场预约")}[channel]

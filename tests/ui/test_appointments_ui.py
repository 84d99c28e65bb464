"""The appointments page: book, lose the last place to another counter, move, check in (the
checklist shows), serve at the counter, mark a no-show; and the administrator's settings."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox

from app.appointments import service
from app.appointments.records import AppointmentState
from app.catalog.service import current_version
from app.context import AppContext
from tests.helpers.appointments import book, clerk, make_schedule
from tests.helpers.mainwindow import open_main
from ui.appointments.forms import BookingForm, MoveForm
from ui.appointments.page import AppointmentsPage
from ui.appointments.settings import AppointmentSettingsPage, ScheduleForm
from ui.mainwindow import MainWindow

TODAY = date(2026, 11, 24)  # the clock stands at Tuesday 09:30


def open_page(qtbot, window: MainWindow) -> AppointmentsPage:  # type: ignore[no-untyped-def]
    window.show_page("appointments")
    page = window.page("appointments")
    assert isinstance(page, AppointmentsPage)
    qtbot.waitUntil(lambda: page.window_combo.count() > 1)
    assert page.window_combo.currentText().startswith("1号窗口")  # the clerk's own window
    return page


def choose(combo: QComboBox, text: str) -> None:
    index = next(i for i in range(combo.count()) if text in combo.itemText(i))
    combo.setCurrentIndex(index)


def rows(page: AppointmentsPage) -> list[tuple[str, str, str]]:
    table = page.table
    return [
        (table.item(r, 0).text(), table.item(r, 2).text(), table.item(r, 5).text())
        for r in range(table.rowCount())
    ]


def test_book_move_check_in_and_no_show(qtbot, sqlite_demo_ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    make_schedule(ctx, capacity=1)
    window = open_main(qtbot, ctx, "zhangwei")
    page = open_page(qtbot, window)
    assert page.table.rowCount() == 0 and not page.buttons["check_in"].isEnabled()

    # A phone call: the clerk books 10:00 today for 王𠇹.
    page.book()
    form = page.form
    assert isinstance(form, BookingForm)
    slot = form.fields["slot"]
    qtbot.waitUntil(lambda: slot.count() > 0)
    assert slot.currentText() == "10:00-10:30（余 1 位）"  # 09:00 and 09:30 have begun
    form.submit()  # nothing filled in: refused at the fields, the form stays
    qtbot.waitUntil(lambda: form.errors["visitor_name"].text() != "")
    assert form.errors["item"].text() == "请选择预约办理的事项" and form.isVisible()
    choose(form.fields["item"], "MZ-001")
    form.fields["visitor_name"].setText("王𠇹")
    form.fields["phone"].setText("138 1234 5678")
    form.fields["notes"].setPlainText("行动不便")
    with qtbot.waitSignal(page.appointment_booked, timeout=10_000) as booked:
        form.submit()
    number = booked.args[0].number
    assert "已预约" in page.message.text() and "10:00-10:30" in page.message.text()
    qtbot.waitUntil(lambda: rows(page) == [("10:00-10:30", "王𠇹", "待到")])
    assert page.selected() is not None and page.selected().number == number

    # Two counters, one last place: this form showed 10:30 free, then another counter took it.
    page.book()
    form = page.form
    slot = form.fields["slot"]
    qtbot.waitUntil(lambda: slot.count() > 0)
    assert not slot.model().item(0).isEnabled()  # 10:00 is full and cannot be chosen
    assert slot.currentText() == "10:30-11:00（余 1 位）"
    sid = page.schedules[0].id
    book(ctx, sid, TODAY, 630, "李四", "13912345678", actor=clerk(ctx, "lina"))
    choose(form.fields["item"], "MZ-001")
    form.fields["visitor_name"].setText("赵六")
    form.fields["phone"].setText("13712345678")
    form.submit()
    qtbot.waitUntil(lambda: form.errors["slot"].text() != "")
    assert "该时段已约满" in form.errors["slot"].text() and form.isVisible()
    form.reject()
    page.reload()
    qtbot.waitUntil(lambda: len(rows(page)) == 2)

    # Move 王𠇹 to 14:00.
    page.select_number(number)
    page.move()
    move = page.form
    assert isinstance(move, MoveForm)
    qtbot.waitUntil(lambda: move.fields["slot"].count() > 0)
    choose(move.fields["slot"], "14:00-14:30")
    move.fields["reason"].setText("申请人上午有事")
    move.submit()
    qtbot.waitUntil(lambda: ("14:00-14:30", "王𠇹", "待到") in rows(page))
    assert "已改约" in page.message.text()

    # 王𠇹 arrives: check in, the item's checklist shows at once.
    page.select_number(number)
    with qtbot.waitSignal(page.checked_in, timeout=10_000) as arrived:
        page.buttons["check_in"].click()
    opening = arrived.args[0]
    item = current_version(ctx.uow(), "MZ-001")
    assert page.arrival.isVisible() and "王𠇹" in page.arrival_text.text()
    listed = [page.checklist.item(i).text() for i in range(page.checklist.count())]
    assert len(listed) == len(item.materials)
    assert all(m.name in line for m, line in zip(item.materials, listed, strict=True))
    assert "必交" in listed[0] and opening.item_version_id == item.id
    qtbot.waitUntil(lambda: ("14:00-14:30", "王𠇹", "已签到") in rows(page))

    # ... and is served at the counter with the item and the visitor filled in.
    counter = window.page("counter")
    with qtbot.waitSignal(counter.item_loaded, timeout=10_000):
        page.to_counter.click()
    assert counter.checklist.applicant.fields["applicant_name"].text() == "王𠇹"
    assert counter.checklist.applicant.fields["phone"].text() == "13812345678"
    assert list(window.pages)[window.nav.currentRow()] == "counter"
    assert opening.visit_id is not None  # the arrival opened a first-inquiry visit...
    assert window.pending_visit.id == opening.visit_id  # ...that the counter's case will close

    # The end of the day: 李四 never came.
    ctx.clock.advance(timedelta(hours=8))  # type: ignore[attr-defined]  # 17:30
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.show_page("appointments")
    page.mark_no_shows()
    qtbot.waitUntil(lambda: ("10:30-11:00", "李四", "爽约") in rows(page), timeout=10_000)
    assert "已标记 1 个爽约" in page.message.text()
    counts = service.appointment_counts(ctx.uow(), TODAY, clerk(ctx).site_id)
    assert (counts.kept, counts.missed) == (1, 1)
    assert "已签到 1，爽约 1" in page.count_label.text()


def test_cancel_and_print_the_confirmation(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    sid = make_schedule(ctx)
    kept = book(ctx, sid, TODAY + timedelta(days=1), 540)
    gone = book(ctx, sid, TODAY + timedelta(days=1), 600, "李四", "13912345678")
    window = open_main(qtbot, ctx, "zhangwei")
    page = open_page(qtbot, window)
    page.go_to(1)
    qtbot.waitUntil(lambda: len(rows(page)) == 2)
    page.select_number(gone.number)
    page.cancel()
    form = page.form
    form.submit()  # a reason is required
    qtbot.waitUntil(lambda: form.errors["reason"].text() != "")
    form.findChild(QLineEdit, "reason").setText("来电取消")
    form.submit()
    qtbot.waitUntil(lambda: ("10:00-10:30", "李四", "已取消") in rows(page))
    assert not page.buttons["print"].isEnabled()  # a cancelled booking has no slip
    record = service.find_appointment(ctx.uow(), clerk(ctx), gone.number)
    assert record is not None and record.state is AppointmentState.CANCELLED

    page.select_number(kept.number)
    page.print_confirmation()
    preview = page.preview
    qtbot.waitUntil(lambda: preview.print_button.isEnabled(), timeout=30_000)
    assert f"预约确认单 {kept.number}" in preview.info.text()
    assert preview.size_box.currentText() == "A5" and len(preview.pages) == 1
    preview.close()


def test_the_administrator_sets_a_windows_slots(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    window = open_main(qtbot, ctx, "admin", "admin-2026")
    window.show_page("appointment_settings")
    page = window.page("appointment_settings")
    assert isinstance(page, AppointmentSettingsPage)
    qtbot.waitUntil(lambda: page.choices is not None)
    page.add()
    form = page.form
    assert isinstance(form, ScheduleForm)
    choose(form.fields["window"], "3号窗口")
    form.fields["slot_minutes"].setValue(20)
    form.fields["capacity"].setValue(3)
    form.fields["afternoon"].open.setChecked(False)
    form.submit()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    assert page.table.item(0, 0).text() == "3号窗口（社保窗口）"
    assert [page.table.item(0, c).text() for c in (1, 2, 3, 4)] == [
        "20 分钟",
        "3",
        "09:00-11:30",
        "不开放",
    ]
    page.table.selectRow(0)
    page.close_day()
    closing = page.form
    closing.fields["day"].setDate(closing.fields["day"].date().addDays(1))
    closing.fields["reason"].setText("社保系统升级")
    closing.submit()
    qtbot.waitUntil(lambda: "社保系统升级" in page.table.item(0, 7).text())

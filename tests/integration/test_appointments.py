"""Appointments on SQLite and PostgreSQL: slots from the calendar, capacity, move, cancel,
check-in with the checklist, no-shows, the day's counts and the confirmation slip."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app import audit
from app.appointments import schedule as schedules
from app.appointments import service
from app.appointments.records import AppointmentAction, AppointmentState, ScheduleInput
from app.auth import login
from app.calendar import set_day
from app.context import AppContext
from app.errors import ConcurrentEdit, IllegalTransition, PermissionDenied, ValidationError
from app.printing import render
from app.printing.loaders import load_document
from app.signing import verify_payload
from tests.helpers.appointments import AFTERNOON, MORNING, book, clerk, make_schedule
from tests.helpers.printing import compact, decode_qr, pdf_text

TODAY = date(2026, 11, 24)  # Tuesday; the clock stands at 09:30 Beijing time
WED, THU, FRI, SAT = (date(2026, 11, d) for d in (25, 26, 27, 28))
NINE, TEN = 9 * 60, 10 * 60


def admin(ctx: AppContext):  # type: ignore[no-untyped-def]
    return login(ctx.uow(), "admin", "admin-2026")


def test_slots_follow_the_calendar_and_closed_days(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    sid = make_schedule(ctx)
    plan = schedules.day_plan(ctx.uow(), clerk(ctx), sid, WED)
    assert plan.open and [s.text() for s in plan.slots][:2] == ["09:00-09:30", "09:30-10:00"]
    assert len(plan.slots) == 5 + 6 and all(s.free == 2 for s in plan.slots)
    today = schedules.day_plan(ctx.uow(), clerk(ctx), sid, TODAY)
    assert today.slots[0].text() == "10:00-10:30"  # 09:00 and 09:30 have begun
    assert "不是工作日" in schedules.day_plan(ctx.uow(), clerk(ctx), sid, SAT).closed_reason
    set_day(ctx.uow(), admin(ctx), SAT.isoformat(), True, "调休上班")
    set_day(ctx.uow(), admin(ctx), FRI.isoformat(), False, "县庆放假")
    assert schedules.day_plan(ctx.uow(), clerk(ctx), sid, SAT).open
    assert not schedules.day_plan(ctx.uow(), clerk(ctx), sid, FRI).open
    schedules.close_day(ctx.uow(), admin(ctx), sid, WED, "窗口系统升级")
    assert "窗口系统升级" in schedules.day_plan(ctx.uow(), clerk(ctx), sid, WED).closed_reason
    far = schedules.day_plan(ctx.uow(), clerk(ctx), sid, TODAY + timedelta(days=20))
    assert "14 天以内" in far.closed_reason
    with pytest.raises(ValidationError) as refused:
        book(ctx, sid, WED, NINE)
    assert "窗口系统升级" in refused.value.errors["day"]
    schedules.reopen_day(ctx.uow(), admin(ctx), sid, WED)
    assert book(ctx, sid, WED, NINE).number == "QH-Y20261124-0001"


def test_only_an_administrator_sets_schedules_and_their_hours_are_checked(
    demo_ctx: AppContext,
) -> None:
    ctx = demo_ctx
    data = ScheduleInput(1, "", 30, 2, MORNING, AFTERNOON)
    with pytest.raises(PermissionDenied):
        schedules.save_schedule(ctx.uow(), clerk(ctx), data)
    bad = ScheduleInput(99, "", 0, 0, None, None)
    with pytest.raises(ValidationError) as refused:
        schedules.save_schedule(ctx.uow(), admin(ctx), bad)
    assert {"slot_minutes", "capacity", "morning"} <= set(refused.value.errors)
    with pytest.raises(ValidationError, match="没有 99 号窗口"):
        schedules.save_schedule(ctx.uow(), admin(ctx), ScheduleInput(99, "", 30, 2, MORNING, None))
    first = schedules.save_schedule(ctx.uow(), admin(ctx), data)
    wider = ScheduleInput(1, "", 30, 4, MORNING, AFTERNOON)
    again = schedules.save_schedule(ctx.uow(), admin(ctx), wider)
    assert first == again  # one schedule per window: saved again, not doubled
    [saved] = schedules.list_schedules(ctx.uow(), clerk(ctx))
    assert saved.capacity == 4 and saved.label() == "1号窗口（社会救助窗口）"


def test_booking_is_numbered_and_the_slot_fills_up(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    sid = make_schedule(ctx, capacity=2)
    first = book(ctx, sid, WED, NINE, notes="腿脚不便")
    assert (first.number, first.place) == ("QH-Y20261124-0001", "1号窗口（社会救助窗口）")
    assert "11月25日 09:00-09:30" in first.read_out()
    book(ctx, sid, WED, NINE, name="李𪚥", phone="13912345678", actor=clerk(ctx, "lina"))
    with pytest.raises(ValidationError) as full:
        book(ctx, sid, WED, NINE, name="赵六", phone="13712345678")
    assert "该时段已约满" in full.value.errors["slot"]
    plan = schedules.day_plan(ctx.uow(), clerk(ctx), sid, WED)
    assert (plan.slots[0].booked, plan.slots[0].free) == (2, 0)
    # The refused booking gave its number back.
    assert book(ctx, sid, WED, TEN, name="赵六", phone="13712345678").number.endswith("-0003")
    day = service.day_appointments(ctx.uow(), clerk(ctx), WED)
    assert [(a.slot_text(), a.visitor_name) for a in day] == [
        ("09:00-09:30", "王𠇹"),
        ("09:00-09:30", "李𪚥"),
        ("10:00-10:30", "赵六"),
    ]
    assert day[0].notes == "腿脚不便" and day[0].item_code == "MZ-001"
    assert audit.verify(ctx.uow()).ok


def test_a_booking_is_checked_field_by_field_and_nothing_half_saved(
    demo_ctx: AppContext,
) -> None:
    ctx = demo_ctx
    sid = make_schedule(ctx)
    with pytest.raises(ValidationError) as refused:
        book(ctx, sid, WED, NINE, name="", phone="12345", item="")
    assert set(refused.value.errors) == {"visitor_name", "phone", "item"}
    with pytest.raises(ValidationError, match="不是预约时段的开始时间"):
        book(ctx, sid, WED, NINE + 10)
    with pytest.raises(ValidationError, match="已经开始"):
        book(ctx, sid, TODAY, NINE)
    with pytest.raises(ValidationError, match="没有编码为“NOPE”的事项"):
        book(ctx, sid, WED, NINE, item="NOPE")
    book(ctx, sid, WED, NINE)
    with pytest.raises(ValidationError, match="当天已有预约 QH-Y20261124-0001"):
        book(ctx, sid, WED, TEN)  # the same phone twice on one day
    assert len(service.day_appointments(ctx.uow(), clerk(ctx), WED)) == 1
    assert schedules.day_plan(ctx.uow(), clerk(ctx), sid, WED).slots[2].booked == 0


def test_item_schedule_takes_only_its_item(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    sid = make_schedule(ctx, window=None, item="MZ-001")
    with pytest.raises(ValidationError, match="只办理"):
        book(ctx, sid, WED, NINE, item="MZ-002")
    booked = book(ctx, sid, WED, NINE)
    assert booked.place == "服务大厅导办台"


def test_move_frees_the_old_place_and_keeps_the_history(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    sid = make_schedule(ctx, capacity=1)
    moved = book(ctx, sid, WED, NINE)
    book(ctx, sid, WED, TEN, name="李四", phone="13912345678")
    with pytest.raises(ValidationError, match="该时段已约满"):
        service.move_appointment(ctx.uow(), clerk(ctx), moved.appointment_id, 1, WED, TEN)
    record = service.move_appointment(
        ctx.uow(), clerk(ctx), moved.appointment_id, 1, THU, 14 * 60, "申请人要求"
    )
    assert (record.day, record.slot_text(), record.number) == (
        date(2026, 11, 26),
        "14:00-14:30",
        moved.number,
    )
    assert [e.action for e in record.events] == [AppointmentAction.BOOK, AppointmentAction.MOVE]
    assert record.events[-1].detail["slot"] == "2026-11-26 14:00-14:30"
    assert schedules.day_plan(ctx.uow(), clerk(ctx), sid, WED).slots[0].booked == 0
    with pytest.raises(ConcurrentEdit):  # a screen still showing the first version
        service.move_appointment(ctx.uow(), clerk(ctx), moved.appointment_id, 1, WED, NINE)
    assert book(ctx, sid, WED, NINE, name="赵六", phone="13712345678").number.endswith("-0003")


def test_a_move_keeps_one_appointment_per_phone_and_day(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    sid = make_schedule(ctx, capacity=2)
    wednesday = book(ctx, sid, WED, NINE, phone="13912345678")
    thursday = book(ctx, sid, THU, NINE, phone="13912345678")
    with pytest.raises(ValidationError) as refused:
        service.move_appointment(ctx.uow(), clerk(ctx), thursday.appointment_id, 1, WED, TEN)
    assert refused.value.errors == {
        "slot": f"该电话在 2026-11-25 已有预约 {wednesday.number}，请改到其他日期"
    }
    moved = service.move_appointment(  # the same day, another time: fine
        ctx.uow(), clerk(ctx), wednesday.appointment_id, 1, WED, TEN
    )
    assert moved.slot_text() == "10:00-10:30"


def test_cancel_needs_a_reason_and_frees_the_place(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    sid = make_schedule(ctx, capacity=1)
    booked = book(ctx, sid, WED, NINE)
    with pytest.raises(ValidationError, match="取消原因"):
        service.cancel_appointment(ctx.uow(), clerk(ctx), booked.appointment_id, 1, " ")
    record = service.cancel_appointment(
        ctx.uow(), clerk(ctx), booked.appointment_id, 1, "申请人来电取消"
    )
    assert record.state is AppointmentState.CANCELLED
    assert record.events[-1].reason == "申请人来电取消"
    assert schedules.day_plan(ctx.uow(), clerk(ctx), sid, WED).slots[0].free == 1
    with pytest.raises(IllegalTransition, match="已取消"):
        service.check_in_appointment(ctx.uow(), clerk(ctx), booked.appointment_id, 2)
    with pytest.raises(ValidationError, match="已取消"):
        load_document(ctx.uow(), clerk(ctx), "appointment", booked.number)


def test_check_in_opens_the_visit_with_the_items_checklist(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    sid = make_schedule(ctx)
    today = book(ctx, sid, TODAY, 11 * 60)
    tomorrow = book(ctx, sid, WED, NINE, name="李四", phone="13912345678")
    with pytest.raises(ValidationError, match="不是今天"):
        service.check_in_appointment(ctx.uow(), clerk(ctx), tomorrow.appointment_id, 1)
    opening = service.check_in_appointment(ctx.uow(), clerk(ctx, "lina"), today.appointment_id, 1)
    assert (opening.visitor_name, opening.phone, opening.item_code) == (
        "王𠇹",
        "13812345678",
        "MZ-001",
    )
    assert opening.checklist and opening.checklist[0].name
    assert not opening.late and opening.appointment_number == today.number
    record = service.get_appointment(ctx.uow(), clerk(ctx), today.appointment_id)
    assert record.state is AppointmentState.CHECKED_IN and record.checked_in_at is not None
    with pytest.raises(IllegalTransition, match="已签到"):
        service.check_in_appointment(ctx.uow(), clerk(ctx), today.appointment_id, 2)


def test_no_shows_are_marked_after_their_slot_and_counted(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    sid = make_schedule(ctx, capacity=3)
    kept = book(ctx, sid, TODAY, 10 * 60)
    early = book(ctx, sid, TODAY, 10 * 60 + 30, name="李四", phone="13912345678")
    late = book(ctx, sid, TODAY, 16 * 60, name="赵六", phone="13712345678")
    cancelled = book(ctx, sid, TODAY, 16 * 60, name="钱七", phone="13612345678")
    service.cancel_appointment(ctx.uow(), clerk(ctx), cancelled.appointment_id, 1, "改日再来")
    ctx.clock.advance(timedelta(minutes=40))  # type: ignore[attr-defined]  # 10:10
    service.check_in_appointment(ctx.uow(), clerk(ctx), kept.appointment_id, 1)
    ctx.clock.advance(timedelta(hours=1))  # type: ignore[attr-defined]  # 11:10
    assert service.mark_no_shows(ctx.uow(), clerk(ctx), TODAY) == 1  # 16:00 may still come
    states = {a.number: a.state for a in service.day_appointments(ctx.uow(), clerk(ctx), TODAY)}
    assert states[early.number] is AppointmentState.NO_SHOW
    assert states[late.number] is AppointmentState.BOOKED
    with pytest.raises(ValidationError):
        service.mark_no_shows(ctx.uow(), clerk(ctx), WED)
    counts = service.appointment_counts(ctx.uow(), TODAY, clerk(ctx).site_id)
    assert (counts.booked, counts.kept, counts.missed, counts.pending, counts.cancelled) == (
        3,
        1,
        1,
        1,
        1,
    )
    assert counts.walk_ins == 0
    ctx.clock.advance(timedelta(days=1))  # type: ignore[attr-defined]
    assert service.mark_no_shows(ctx.uow(), clerk(ctx), TODAY) == 1  # the one nobody closed


def test_schedule_grid_stays_while_appointments_hang_on_it(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    sid = make_schedule(ctx)
    booked = book(ctx, sid, WED, NINE)
    with pytest.raises(ValidationError, match="不能改变时段划分"):
        schedules.save_schedule(
            ctx.uow(), admin(ctx), ScheduleInput(1, "", 20, 2, MORNING, AFTERNOON)
        )
    with pytest.raises(ValidationError, match="请先改约或取消"):
        schedules.close_day(ctx.uow(), admin(ctx), sid, WED, "停电")
    schedules.save_schedule(ctx.uow(), admin(ctx), ScheduleInput(1, "", 30, 1, MORNING, AFTERNOON))
    service.cancel_appointment(ctx.uow(), clerk(ctx), booked.appointment_id, 1, "测试")
    schedules.save_schedule(ctx.uow(), admin(ctx), ScheduleInput(1, "", 20, 1, MORNING, AFTERNOON))
    [saved] = schedules.list_schedules(ctx.uow(), clerk(ctx))
    assert saved.slot_minutes == 20


def test_the_confirmation_prints_by_number(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    sid = make_schedule(ctx)
    booked = book(ctx, sid, WED, NINE, notes="需轮椅")
    doc = load_document(ctx.uow(), clerk(ctx), "appointment", booked.number.lower())
    pages = [compact(p) for p in pdf_text(render(doc))]
    assert len(pages) == 1
    for text in (
        f"编号：{booked.number}",
        "2026年11月25日（星期三）09:00-09:30",
        "1号窗口（社会救助窗口）",
        "138****5678",
        "需轮椅",
        "请携带以下材料",
    ):
        assert compact(text) in pages[0], text
    assert "13812345678" not in pages[0]


def test_cli_prints_the_confirmation_with_a_genuine_code(
    sqlite_demo_ctx: AppContext,
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cli.main import main

    ctx = sqlite_demo_ctx
    booked = book(ctx, make_schedule(ctx), WED, NINE)
    monkeypatch.setenv("FRONTDESK_PASSWORD", "demo-2026")
    out = tmp_path / "booking.pdf"
    args = ["--db", sqlite_url, "print", "appointment", booked.number, "--out", str(out)]
    assert main([*args, "--as", "zhangwei"]) == 0
    assert capsys.readouterr().out.startswith(f"预约确认单 {booked.number} written to")
    pdf = out.read_bytes()
    assert "09:00-09:30" in compact(pdf_text(pdf)[0])
    [scanned] = decode_qr(pdf)
    verdict = verify_payload(ctx.uow(), scanned)
    assert verdict.genuine and verdict.number == booked.number
    args[4] = "QH-Y20990101-0001"
    assert main([*args, "--as", "zhangwei"]) == 2
    assert "没有编号为“QH-Y20990101-0001”的预约" in capsys.readouterr().err

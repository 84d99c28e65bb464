"""Queue tickets on SQLite and PostgreSQL: groups, numbering per group and day, calling in
order for the window's groups, recall, skip, transfer, the visit a served ticket opens, the
vendor hook, the hall display's list and the waiting times."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app import audit
from app.auth import login
from app.clock import DEFAULT_TZ
from app.context import AppContext
from app.errors import (
    ConcurrentEdit,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from app.queue import hall, service
from app.queue.lifecycle import TicketState
from app.queue.records import QueueGroupInput
from app.reports.sections import ReportScope, provider_for
from app.visits.common import load_visit
from tests.helpers.appointments import clerk
from tests.helpers.queue import make_groups


def admin(ctx: AppContext):  # type: ignore[no-untyped-def]
    return login(ctx.uow(), "admin", "admin-2026")


def test_groups_are_set_by_an_administrator_with_field_messages(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    with pytest.raises(PermissionDenied):
        service.set_queue_group(ctx.uow(), clerk(ctx), QueueGroupInput("A", "社会救助", (1,)))
    with pytest.raises(ValidationError) as bad:
        service.set_queue_group(ctx.uow(), admin(ctx), QueueGroupInput("AB", "", ()))
    assert set(bad.value.errors) == {"code", "name", "windows"}
    with pytest.raises(ValidationError) as unknown:
        service.set_queue_group(ctx.uow(), admin(ctx), QueueGroupInput("A", "社会救助", (1, 77)))
    assert "77" in unknown.value.errors["windows"]
    demo = [("A", "民政业务", (1, 2)), ("B", "社保业务", (3,)), ("C", "综合受理", (4, 5, 6))]
    listed = service.queue_groups(ctx.uow(), clerk(ctx))
    assert [(g.code, g.name, g.window_numbers) for g in listed] == demo  # nothing half-saved
    make_groups(ctx)
    groups = service.queue_groups(ctx.uow(), clerk(ctx))
    assert [(g.code, g.name, g.window_numbers) for g in groups] == [
        ("A", "社会救助", (1, 2)),
        ("B", "社保业务", (3,)),
        ("C", "综合受理", (4, 5, 6)),  # the demo hall's, unchanged
    ]
    service.set_queue_group(ctx.uow(), admin(ctx), QueueGroupInput("A", "社会救助", (2, 1, 5)))
    assert service.queue_groups(ctx.uow(), clerk(ctx))[0].window_numbers == (1, 2, 5)
    assert service.parse_windows("1，3 5") == (1, 3, 5)
    with pytest.raises(ValidationError):
        service.parse_windows("一号")


def test_tickets_are_numbered_per_group_and_day_and_called_in_order(
    demo_ctx: AppContext, clock
) -> None:  # type: ignore[no-untyped-def]
    ctx = demo_ctx
    make_groups(ctx)
    desk = clerk(ctx, "zhaolei")
    taken = [service.take_ticket(ctx.uow(), desk, g) for g in ("A", "a", "B", "A")]
    assert [(t.number, t.ahead) for t in taken] == [
        ("A001", 0),
        ("A002", 1),
        ("B001", 0),
        ("A003", 2),
    ]
    assert taken[0].group_name == "社会救助" and taken[0].window_numbers == (1, 2)
    assert service.waiting_counts(ctx.uow(), desk) == {"A": 3, "B": 1}
    with pytest.raises(ValidationError) as unknown:
        service.take_ticket(ctx.uow(), desk, "Z")
    assert "Z" in unknown.value.errors["group"]

    zhang, li, wang = clerk(ctx), clerk(ctx, "lina"), clerk(ctx, "wangfang")
    clock.advance(timedelta(minutes=6))
    first = service.call_next(ctx.uow(), zhang)
    assert first is not None and (first.number, first.window_number) == ("A001", 1)
    second = service.call_next(ctx.uow(), li)
    assert second is not None and second.number == "A002"
    b = service.call_next(ctx.uow(), wang)
    assert b is not None and b.number == "B001"
    with pytest.raises(ValidationError) as blocked:
        service.call_next(ctx.uow(), zhang)
    assert "A001" in blocked.value.errors["ticket"]

    recalled = service.recall_ticket(ctx.uow(), zhang, first.id, first.row_version)
    assert recalled.recalls == 1 and recalled.state is TicketState.CALLED
    with pytest.raises(ConcurrentEdit):
        service.skip_ticket(ctx.uow(), zhang, first.id, first.row_version)
    served, visit = service.serve_ticket(ctx.uow(), zhang, recalled.id, recalled.row_version)
    assert served.state is TicketState.SERVING and served.visit_id == visit.id
    uow = ctx.uow()
    with uow.read():
        opened = load_visit(uow, visit.id)
    assert "A001" in opened.question and opened.first_responder_id == zhang.staff_id
    with pytest.raises(IllegalTransition):
        service.skip_ticket(ctx.uow(), zhang, served.id, served.row_version)

    clock.advance(timedelta(minutes=4))
    third = service.call_next(ctx.uow(), zhang)  # finishes A001 first
    assert third is not None and third.number == "A003"
    assert service.current_ticket(ctx.uow(), zhang).number == "A003"  # type: ignore[union-attr]
    done = ctx.uow()
    with done.read():
        a001 = done.queue.get(first.id)
    assert a001 is not None and a001.state is TicketState.DONE
    skipped = service.skip_ticket(ctx.uow(), zhang, third.id, third.row_version)
    assert skipped.state is TicketState.SKIPPED
    assert service.call_next(ctx.uow(), zhang) is None  # nobody left for A

    # 转窗口: B001 goes from window 3 to window 1 and is first there
    moved = service.transfer_ticket(ctx.uow(), wang, b.id, b.row_version, 1)
    assert moved.state is TicketState.TRANSFERRED and moved.window_number == 1
    with pytest.raises(ValidationError):
        service.transfer_ticket(ctx.uow(), wang, b.id, moved.row_version, None)
    service.take_ticket(ctx.uow(), desk, "A")
    again = service.call_next(ctx.uow(), zhang)
    assert again is not None and again.number == "B001" and again.called_at == b.called_at

    calls = hall.hall_calls(ctx.uow(), desk)
    assert [(c.number, c.window_number) for c in calls][:2] == [("B001", 1), ("A002", 2)]
    actions = {e.action for e in audit.list_events(ctx.uow(), admin(ctx), 80)}
    assert {
        "queue_ticket_taken",
        "queue_call",
        "queue_recall",
        "queue_serve",
        "queue_skip",
        "queue_transfer",
        "queue_finish",
        "queue_group_set",
    } <= actions

    times = hall.wait_times(ctx.uow(), clerk(ctx, "sunli"), clock.now().date(), clock.now().date())
    a_at_1 = next(t for t in times if (t.window_number, t.group_code) == (1, "A"))
    assert (a_at_1.called, a_at_1.served, a_at_1.skipped) == (2, 1, 1)
    assert a_at_1.wait_minutes is not None and a_at_1.wait_minutes >= 6
    assert a_at_1.service_minutes == pytest.approx(4)
    with pytest.raises(PermissionDenied):
        hall.wait_times(ctx.uow(), zhang, date(2026, 1, 1), date(2026, 1, 1))


def test_the_daily_log_counts_the_queue_per_window_and_clerk(demo_ctx: AppContext, clock) -> None:  # type: ignore[no-untyped-def]
    ctx = demo_ctx
    make_groups(ctx)
    desk = clerk(ctx, "zhaolei")
    for _ in range(3):
        service.take_ticket(ctx.uow(), desk, "A")
    zhang = clerk(ctx)
    clock.advance(timedelta(minutes=10))
    t = service.call_next(ctx.uow(), zhang)
    assert t is not None
    service.serve_ticket(ctx.uow(), zhang, t.id, t.row_version)
    clock.advance(timedelta(minutes=5))
    t2 = service.call_next(ctx.uow(), zhang)
    assert t2 is not None
    service.skip_ticket(ctx.uow(), zhang, t2.id, t2.row_version)
    provider = provider_for("queue")
    assert provider is not None
    uow = ctx.uow()
    today = clock.now().date()
    with uow.read():
        site = uow.sites.first()
        assert site is not None
        tallies = list(provider(uow, ReportScope(site.id, today, today)))
    got = {(x.key, x.staff_id): x.value for x in tallies}
    assert got[("queue_called", zhang.staff_id)] == 2
    assert got[("queue_skipped", zhang.staff_id)] == 1
    assert got[("queue_wait_minutes", zhang.staff_id)] == 10 + 15
    assert got[("queue_service_minutes", zhang.staff_id)] == 5
    # the statistics page's averages per window and clerk
    from app.reports.statistics import StatisticsQuery, statistics

    figures = statistics(ctx.uow(), clerk(ctx, "sunli"), StatisticsQuery(today, today))
    window_1 = next(f for f in figures.by_window if f.label.startswith("1"))
    assert window_1.average_wait_minutes == 12.5  # (10 + 15) / 2 tickets called
    assert window_1.average_service_minutes == 5
    assert figures.total.queue_called == 2


def test_a_vendor_systems_call_reaches_the_counter(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    make_groups(ctx)
    hook = admin(ctx)
    zhang = clerk(ctx)
    outside = service.vendor_called(ctx.uow(), hook, "c017", 1)
    assert (outside.number, outside.window_number, outside.state) == ("C017", 1, TicketState.CALLED)
    assert service.current_ticket(ctx.uow(), zhang).number == "C017"  # type: ignore[union-attr]
    again = service.vendor_called(ctx.uow(), hook, "C017", 1)
    assert again.recalls == 1
    ours = service.take_ticket(ctx.uow(), clerk(ctx, "zhaolei"), "A")
    called = service.vendor_called(ctx.uow(), hook, ours.number, 1)
    assert called.id == ours.ticket_id and called.state is TicketState.CALLED
    uow = ctx.uow()
    with uow.read():
        passed = uow.queue.get(outside.id)
    assert passed is not None and passed.state is TicketState.SKIPPED  # the vendor moved on
    with pytest.raises(ValidationError) as bad:
        service.vendor_called(ctx.uow(), hook, "A 1", 1)
    assert "number" in bad.value.errors
    with pytest.raises(ValidationError) as no_window:
        service.vendor_called(ctx.uow(), hook, "A9", 99)
    assert "99" in no_window.value.errors["window"]
    with pytest.raises(ValidationError):
        service.vendor_called(ctx.uow(), hook, "C017", 2)  # passed over already


def test_a_waiting_ticket_prints_again_and_a_called_one_does_not(
    demo_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.printing.loaders import load_document

    ctx = demo_ctx
    make_groups(ctx)
    desk = clerk(ctx, "zhaolei")
    service.take_ticket(ctx.uow(), desk, "A")
    second = service.take_ticket(ctx.uow(), desk, "A")
    slip = load_document(ctx.uow(), desk, "queue_ticket", second.number.lower())
    assert (slip.number, slip.ahead, slip.windows) == ("A002", 1, (1, 2))  # type: ignore[attr-defined]
    day = f"{second.taken_at.astimezone(DEFAULT_TZ):%Y%m%d}"
    assert load_document(ctx.uow(), desk, "queue_ticket", f"{day}-A002").number == "A002"
    called = service.call_next(ctx.uow(), clerk(ctx))
    assert called is not None and called.number == "A001"
    with pytest.raises(ValidationError) as refused:
        load_document(ctx.uow(), desk, "queue_ticket", "A001")
    assert "已叫过号" in refused.value.errors["number"]
    with pytest.raises(NotFound):
        load_document(ctx.uow(), desk, "queue_ticket", "20260101-A002")
    with pytest.raises(ValidationError):
        load_document(ctx.uow(), desk, "queue_ticket", "20261399-A002")
    # past the last three-digit number (here made 2) the visitor is told they have run out
    monkeypatch.setattr(service, "MAX_SERIAL", 2)
    assert [service.take_ticket(ctx.uow(), desk, "B").number for _ in "12"] == ["B001", "B002"]
    with pytest.raises(ValidationError) as out:
        service.take_ticket(ctx.uow(), desk, "B")
    assert "已取完" in out.value.errors["group"]

"""Queue tickets and calling (取号、叫号) fed hostile input (tests/helpers/hostile.py) on a real
store, with the checks of tests/integration/test_bad_input.py (``attempt``): no crash, field
refusals name fields of the form, a refused call leaves every table and the audit chain as they
were, and what an accepted call stored reads back cleaned.

The groups are set first (an administrator's form), then tickets are taken, called, transferred
and called in by a vendor's system; the hall is the one of the module, per store."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.queue import hall as queue_hall
from app.queue import service as queue
from app.queue.lifecycle import TicketState
from app.queue.records import QueueGroupInput
from app.validation import validate_text
from tests.helpers.bad_input import Hall, attempt, hall_per_store
from tests.helpers.hostile import FORM_SETTINGS, picked_dates, spoiled, texts, typed_ints

hall = hall_per_store()

# The demo hall has windows 1-6 (app.setup.DEMO_DEPARTMENTS); 99 is none of them.
window_numbers = st.one_of(st.none(), st.sampled_from([1, 2, 3, 99]), typed_ints)
group_codes = st.one_of(st.sampled_from(["A", "b", "Z"]), texts)


def clear_window(hall: Hall, window: int = 1) -> None:
    """Whatever is at the window is passed over (called) or finished (being served), so the
    next input starts from a free counter."""
    current = queue.current_ticket(hall.uow(), hall.clerk, window)
    if current is None:
        return
    if current.state is TicketState.CALLED:
        queue.skip_ticket(hall.uow(), hall.clerk, current.id, current.row_version)
    else:
        queue.finish_ticket(hall.uow(), hall.clerk, current.id, current.row_version)


def ensure_group(hall: Hall) -> None:
    """Group A at windows 1-3, so tickets can be taken and called whatever came before."""
    queue.set_queue_group(hall.uow(), hall.admin, QueueGroupInput("A", "社会救助", (1, 2, 3)))


@FORM_SETTINGS
@given(data=st.data())
def test_queue_group_set(hall: Hall, data: st.DataObject) -> None:
    form = data.draw(
        spoiled(
            {
                "code": st.sampled_from(["A", "b", "C"]),
                "name": st.sampled_from(["社会救助", "社保业务", "不动产登记"]),
                "windows": st.lists(st.sampled_from([1, 2, 3]), min_size=1, max_size=3),
            },
            {
                "code": texts,
                "name": texts,
                "windows": st.lists(typed_ints, max_size=4),
            },
        )
    )
    group = QueueGroupInput(form["code"], form["name"], tuple(form["windows"]))
    saved = attempt(
        hall,
        "queue_group_set",
        {"code", "name", "windows"},
        lambda: queue.set_queue_group(hall.uow(), hall.admin, group),
    )
    if saved is not None:
        assert saved.code == form["code"].strip().upper()
        assert saved.name == validate_text(form["name"], "name", max_len=20)


@FORM_SETTINGS
@given(code=group_codes)
def test_queue_take(hall: Hall, code: str) -> None:
    ensure_group(hall)
    taken = attempt(
        hall, "queue_take", {"group"}, lambda: queue.take_ticket(hall.uow(), hall.clerk, code)
    )
    if taken is not None:
        assert taken.group_code == code.strip().upper()


@FORM_SETTINGS
@given(window=window_numbers)
def test_queue_call(hall: Hall, window: int | None) -> None:
    ensure_group(hall)
    queue.take_ticket(hall.uow(), hall.clerk, "A")
    # The window may hold a ticket called before: the counter must deal with it first.
    attempt(
        hall,
        "queue_call",
        {"window", "ticket"},
        lambda: queue.call_next(hall.uow(), hall.clerk, window),
    )
    clear_window(hall)


@FORM_SETTINGS
@given(to_window=window_numbers, stale=st.booleans())
def test_queue_transfer(hall: Hall, to_window: int | None, stale: bool) -> None:
    ensure_group(hall)
    queue.take_ticket(hall.uow(), hall.clerk, "A")
    ticket = queue.current_ticket(hall.uow(), hall.clerk, 1) or queue.call_next(
        hall.uow(), hall.clerk, 1
    )
    if ticket is None:
        return
    version = ticket.row_version - 1 if stale else ticket.row_version
    moved = attempt(
        hall,
        "queue_transfer",
        {"to_window", "ticket"},
        lambda: queue.transfer_ticket(hall.uow(), hall.clerk, ticket.id, version, to_window),
    )
    if moved is not None:  # waiting first in line at the window it was sent to
        assert moved.state is TicketState.TRANSFERRED and moved.window_id != ticket.window_id
    clear_window(hall)


@FORM_SETTINGS
@given(number=st.one_of(st.sampled_from(["A001", "B014", "x7"]), texts), window=window_numbers)
def test_queue_vendor_called(hall: Hall, number: str, window: int | None) -> None:
    attempt(
        hall,
        "queue_vendor_called",
        {"number", "window"},
        lambda: queue.vendor_called(hall.uow(), hall.clerk, number, window),  # type: ignore[arg-type]
    )


@FORM_SETTINGS
@given(first=picked_dates, days=st.integers(-40, 400))
def test_queue_wait_times(hall: Hall, first, days: int) -> None:  # type: ignore[no-untyped-def]
    if first is None:
        return
    try:
        last = first + timedelta(days=days)
    except OverflowError:
        return
    attempt(
        hall,
        "queue_wait_times",
        {"to"},
        lambda: queue_hall.wait_times(hall.uow(), hall.boss, first, last),
    )


FED = {
    "app.queue.service.set_queue_group": "queue_group_set",
    "app.queue.service.take_ticket": "queue_take",
    "app.queue.service.call_next": "queue_call",
    "app.queue.service.transfer_ticket": "queue_transfer",
    "app.queue.service.vendor_called": "queue_vendor_called",
    "app.queue.hall.wait_times": "queue_wait_times",
}

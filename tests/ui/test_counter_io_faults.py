"""The counter when the storage fails at the moment of acceptance: the clerk reads the cause and
what to do, sees no case number, keeps everything typed and ticked, and saves the same form
once the cause is fixed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.auth import login
from app.cases import queries
from app.cases.records import CaseQuery
from app.context import AppContext
from app.storage import MESSAGES, StorageFault
from tests.helpers import faults
from tests.helpers.catalog import make_item, resident_id
from tests.integration.test_io_faults import fill_until_full
from tests.ui.test_counter import NAME, PHONE, choose_item, open_counter, tick, type_applicant

FAULTS = {
    "disk_full": StorageFault.DISK_FULL,
    "read_only": StorageFault.READ_ONLY,
    "locked": StorageFault.LOCKED,
    "moved_away": StorageFault.MISSING,
    "corrupted": StorageFault.CORRUPT,
}


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any other page's background work that fails meanwhile reports in a box: record it."""
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.ops.QMessageBox.warning", lambda _parent, _title, text: shown.append(text)
    )
    return shown


def cases(ctx: AppContext) -> int:
    boss = login(ctx.uow(), "sunli", "demo-2026")
    return queries.count_cases(ctx.uow(), boss, CaseQuery())


@pytest.mark.parametrize("kind", list(FAULTS))
def test_the_form_survives_a_storage_fault_and_is_saved_once_it_is_fixed(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, tmp_path: Path, kind: str
) -> None:
    ctx = sqlite_demo_ctx
    engine = faults.engine_of(ctx)
    item = make_item(ctx)
    page = open_counter(qtbot, ctx)
    panel = page.checklist
    choose_item(qtbot, page, item)
    type_applicant(qtbot, page)
    tick(qtbot, page, {0: Qt.Key.Key_Space, 1: Qt.Key.Key_1, 2: Qt.Key.Key_3})
    assert panel.outcomes.accept_button.isEnabled()
    received = panel.materials.ids("received")

    with faults.fault(kind, engine, tmp_path):
        # Disk full: other counters used up the last free pages a moment ago.
        earlier = len(fill_until_full(ctx, item)) if kind == "disk_full" else 0
        with qtbot.assertNotEmitted(panel.accepted):
            qtbot.keyClick(panel.materials, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: panel.message.text() != "" and not panel.busy, timeout=20_000)
        assert panel.message.text() == MESSAGES[FAULTS[kind]]
        # Nothing claims success, and everything the clerk entered is still there.
        assert page.result_bar.isHidden() and page.printables == []
        fields = panel.applicant.fields
        assert fields["applicant_name"].text() == NAME
        assert fields["id_number"].text() == resident_id()
        assert fields["phone"].text() == PHONE
        assert panel.checklist is not None and panel.materials.ids("received") == received
        assert panel.outcomes.accept_button.isEnabled()  # ready to try again

    assert cases(ctx) == earlier  # the failed attempt left nothing behind
    with qtbot.waitSignal(panel.accepted, timeout=20_000) as accepted:
        qtbot.keyClick(panel.materials, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    number = accepted.args[0].number
    assert number.endswith(f"-{earlier + 1:04d}")  # the failure used up no number
    assert number in page.last_result.text() and panel.message.text() == ""
    assert fields["applicant_name"].text() == ""  # cleared only now, for the next visitor
    assert cases(ctx) == earlier + 1


def test_background_work_without_its_own_handler_reports_in_a_box(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    from ui.ops import run_op

    ctx = sqlite_demo_ctx
    with faults.moved_away(faults.engine_of(ctx), tmp_path / "elsewhere"):
        done: list[object] = []
        run_op(None, lambda: cases(ctx), done.append)
        qtbot.waitUntil(lambda: bool(no_modal_boxes), timeout=10_000)
    assert no_modal_boxes == [MESSAGES[StorageFault.MISSING]] and done == []

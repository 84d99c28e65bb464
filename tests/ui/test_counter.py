"""The counter, walked with the keyboard: accept, one-time notice, return visit, breach."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from app import sites
from app.auth import login
from app.cases import queries
from app.cases.records import ApplicantInput, CaseQuery
from app.catalog.records import ItemVersionRecord
from app.context import AppContext
from app.notices import service as notices
from app.notices.printing import notice_document
from app.notices.records import NoticeRequest, NoticeState
from app.printing import render
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.printing import compact, pdf_text
from ui.counter import CounterPage
from ui.counter.dialogs import ExtraDemandForm
from ui.mainwindow import MainWindow
from ui.printing.preview import PrintPreviewDialog

NAME = "王𠇹"
PHONE = "13812345678"


def open_counter(qtbot, ctx: AppContext, user: str = "zhangwei") -> CounterPage:  # type: ignore[no-untyped-def]
    actor = login(ctx.uow(), user, "demo-2026")
    window = MainWindow(ctx, actor, sites.describe_post(ctx.uow(), actor))
    qtbot.addWidget(window)
    window.show()
    # A clerk starts on the work list; the counter is one step away.
    assert list(window.pages)[:2] == ["worklist", "counter"] and window.nav.currentRow() == 0
    window.show_page("counter")
    page = window.page("counter")
    assert isinstance(page, CounterPage)
    return page


def choose_item(qtbot, page: CounterPage, item: ItemVersionRecord) -> None:  # type: ignore[no-untyped-def]
    page.finder.setFocus()
    qtbot.keyClicks(page.finder.edit, item.code.lower())
    with qtbot.waitSignal(page.item_loaded, timeout=10_000):
        qtbot.keyClick(page.finder.edit, Qt.Key.Key_Return)
    assert page.checklist.materials.rowCount() == len(item.materials)


def type_applicant(qtbot, page: CounterPage, name: str = NAME) -> None:  # type: ignore[no-untyped-def]
    fields = page.checklist.applicant.fields
    fields["applicant_name"].setText(name)  # keyClicks cannot type characters beyond the BMP
    qtbot.keyClicks(fields["id_number"], resident_id())
    qtbot.keyClicks(fields["phone"], PHONE)


def tick(qtbot, page: CounterPage, keys: dict[int, Qt.Key]) -> None:  # type: ignore[no-untyped-def]
    """Row -> key, pressed in the materials table as a clerk would."""
    table = page.checklist.materials
    table.setFocus()
    for row, key in keys.items():
        table.setCurrentCell(row, 0)
        qtbot.keyClick(table, key)


def test_complete_materials_are_accepted_and_the_counter_clears(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    # 居民身份证, 户口簿 (deferrable), 收入证明 (conditional), 近期照片 (optional)
    item = make_item(ctx)
    page = open_counter(qtbot, ctx)
    choose_item(qtbot, page, item)
    panel = page.checklist
    assert not panel.outcomes.accept_button.isEnabled()
    assert panel.outcomes.notice_button.isEnabled()

    # Keyboard only: the name field has the focus, Tab leads through the form (the ID type,
    # a resident ID nearly always, is skipped: Alt+Y reaches it).
    fields = panel.applicant.fields
    assert fields["applicant_name"].hasFocus()
    fields["applicant_name"].setText(NAME)  # keyClicks cannot type beyond the BMP
    qtbot.keyClick(fields["applicant_name"], Qt.Key.Key_Tab)
    assert fields["id_number"].hasFocus()
    # A wrong ID number is refused at the field as soon as the clerk leaves it.
    qtbot.keyClicks(fields["id_number"], "110105194912310029")
    qtbot.keyClick(fields["id_number"], Qt.Key.Key_Tab)
    assert panel.applicant.errors["id_number"].text() == "身份证号码校验位不正确"
    qtbot.keyClick(fields["phone"], Qt.Key.Key_Backtab)  # back to correct it
    assert fields["id_number"].hasFocus()
    fields["id_number"].selectAll()
    qtbot.keyClicks(fields["id_number"], resident_id())
    qtbot.keyClick(fields["id_number"], Qt.Key.Key_Tab)
    assert panel.applicant.errors["id_number"].text() == "" and fields["phone"].hasFocus()
    qtbot.keyClicks(fields["phone"], PHONE)
    tick(qtbot, page, {0: Qt.Key.Key_Space, 1: Qt.Key.Key_1, 2: Qt.Key.Key_3})
    assert "材料齐全" in panel.outcomes.situation.text()
    assert panel.outcomes.accept_button.isEnabled()

    with qtbot.waitSignal(panel.accepted, timeout=10_000) as accepted:
        qtbot.keyClick(panel.materials, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    number = accepted.args[0].number
    assert number in page.last_result.text() and page.printables == [("receipt", number)]
    assert panel.applicant.fields["applicant_name"].text() == "" and panel.checklist is None
    actor = login(ctx.uow(), "zhangwei", "demo-2026")
    case = queries.find_case_by_number(ctx.uow(), actor, number)
    assert case is not None and case.applicant.name == NAME and case.notice_id is None
    assert queries.count_cases(ctx.uow(), actor, CaseQuery()) == 1


def test_nothing_is_saved_while_a_field_is_wrong(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    page = open_counter(qtbot, ctx)
    choose_item(qtbot, page, item)
    panel = page.checklist
    tick(qtbot, page, {0: Qt.Key.Key_1})
    qtbot.keyClicks(panel.applicant.fields["phone"], "12345")
    panel.issue_notice()
    qtbot.waitUntil(lambda: panel.applicant.errors["phone"].text() != "")
    assert panel.applicant.errors["applicant_name"].text() == "不能为空"
    assert panel.applicant.errors["id_number"].text() == "请填写身份证号码"
    assert panel.checklist is not None and panel.materials.ids("received")  # nothing cleared
    actor = login(ctx.uow(), "zhangwei", "demo-2026")
    assert notices.find_notice(ctx.uow(), actor, f"{NAME} {PHONE}") == []


def test_missing_materials_give_a_printed_notice_and_the_return_visit_accepts(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    page = open_counter(qtbot, ctx)
    choose_item(qtbot, page, item)
    panel = page.checklist
    type_applicant(qtbot, page)
    tick(qtbot, page, {0: Qt.Key.Key_Space})  # only the ID card is here
    assert "缺 2 项：户口簿、收入证明" in panel.outcomes.situation.text()
    assert not panel.outcomes.accept_button.isEnabled()
    with qtbot.waitSignal(panel.notice_issued, timeout=10_000) as issued:
        qtbot.keyClick(panel, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    result = issued.args[0]
    assert result.missing == ("户口簿", "收入证明") and result.number in page.last_result.text()

    # Printing: the preview's document is the slip, naming every missing material.
    page.print_main_document()
    preview = page.preview
    assert isinstance(preview, PrintPreviewDialog)
    qtbot.waitUntil(lambda: preview.document is not None, timeout=20_000)
    text = compact("".join(pdf_text(render(preview.document))))  # type: ignore[arg-type]
    assert result.number in text and all(name in text for name in result.missing)
    preview.close()

    # The return visit: the slip's number typed (or scanned) into the search, Enter.
    page.notice_search.setFocus()
    qtbot.keyClicks(page.notice_search, result.number)
    with qtbot.waitSignal(page.return_visit_opened, timeout=10_000):
        qtbot.keyClick(page.notice_search, Qt.Key.Key_Return)
    assert result.number in panel.return_banner.text()
    assert panel.applicant.fields["applicant_name"].text() == NAME
    ids = {m.name: m.id for m in item.materials}
    assert panel.materials.states()[ids["居民身份证"]] == "received"  # pre-ticked
    tick(qtbot, page, {1: Qt.Key.Key_Space, 2: Qt.Key.Key_3})
    with qtbot.waitSignal(panel.accepted, timeout=10_000) as accepted:
        panel.outcomes.accept_button.click()
    actor = login(ctx.uow(), "zhangwei", "demo-2026")
    notice = notices.get_notice(ctx.uow(), actor, result.notice_id)
    assert notice.state is NoticeState.ACCEPTED and notice.case_number == accepted.args[0].number
    case = queries.find_case_by_number(ctx.uow(), actor, accepted.args[0].number)
    assert case is not None and case.notice_id == notice.id


def test_asking_for_what_the_notice_did_not_list_needs_a_reason_and_is_a_breach(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    ids = {m.name: m.id for m in item.materials}
    zhang = login(ctx.uow(), "zhangwei", "demo-2026")
    issued = notices.issue_one_time_notice(
        ctx.uow(),
        zhang,
        NoticeRequest(
            item.id,
            ApplicantInput(NAME, resident_id(), PHONE),
            frozenset({ids["居民身份证"]}),
            frozenset({ids["收入证明"]}),
        ),
    )
    page = open_counter(qtbot, ctx, "lina")  # the return visit is served by another clerk
    qtbot.keyClicks(page.notice_search, resident_id())
    with qtbot.waitSignal(page.return_visit_opened, timeout=10_000):
        qtbot.keyClick(page.notice_search, Qt.Key.Key_Return)
    panel = page.checklist
    table = panel.materials
    assert table.is_locked(ids["居民身份证"]) and table.is_locked(ids["收入证明"])

    # Un-ticking the ID card received on the first visit is a demand beyond the notice.
    tick(qtbot, page, {0: Qt.Key.Key_Space})
    form = panel.findChild(ExtraDemandForm, "extra_demand_form")
    assert form is not None and form.isVisible()
    assert table.states()[ids["居民身份证"]] == "received"  # unchanged until a reason is given
    form.submit()
    qtbot.waitUntil(lambda: form.errors["reason"].text() != "")
    assert form.isVisible()
    form.findChild(QPlainTextEdit, "reason").setPlainText("身份证已过有效期，须补交临时身份证")
    with qtbot.waitSignal(panel.demand_recorded, timeout=10_000):
        form.submit()
    assert not table.is_locked(ids["居民身份证"])
    assert table.states()[ids["居民身份证"]] == "missing"
    boss = login(ctx.uow(), "sunli", "demo-2026")
    today = date(2026, 11, 24)
    assert notices.count_breaches(ctx.uow(), boss, today, today, responsible_id=zhang.staff_id) == 1
    [record] = queries.list_accountability(ctx.uow(), boss)
    assert (record.kind, record.responsible_name) == ("breach", "张伟")

    # The applicant hands over a valid ID and the household register: accepted.
    tick(qtbot, page, {0: Qt.Key.Key_1, 1: Qt.Key.Key_1})
    with qtbot.waitSignal(panel.accepted, timeout=10_000):
        panel.outcomes.accept_button.click()
    notice = notices.get_notice(ctx.uow(), boss, issued.notice_id)
    assert notice.state is NoticeState.ACCEPTED


def test_rare_characters_and_long_texts_survive_database_screen_and_slip(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    page = open_counter(qtbot, ctx)
    choose_item(qtbot, page, item)
    panel = page.checklist
    name = "𠇹䶮〇𪚥·" + "𪚥" * 44  # 50 characters, 94 UTF-16 units
    type_applicant(qtbot, page, name)
    panel.applicant.agent_check.setChecked(True)  # the agent's fields are behind their tick
    panel.applicant.fields["agent_name"].setText("阿依古丽·买买提")
    qtbot.keyClicks(panel.applicant.fields["agent_id_number"], resident_id("65010219800101002"))
    with qtbot.waitSignal(panel.notice_issued, timeout=10_000) as issued:
        panel.outcomes.notice_button.click()
    # The applicant comes back; a USB scanner types the slip's QR code and presses Enter.
    scanned = notice_document(ctx.uow(), issued.args[0].notice_id).qr_payload
    qtbot.keyClicks(page.notice_search, scanned)
    with qtbot.waitSignal(page.return_visit_opened, timeout=10_000):
        qtbot.keyClick(page.notice_search, Qt.Key.Key_Return)
    fields = panel.applicant.fields
    assert fields["applicant_name"].text() == name
    assert fields["agent_name"].text() == "阿依古丽·买买提"

    reason = "不予受理理由：" + "𠇹䶮〇𪚥" * 300
    panel.open_refusal()
    form = panel.refusal_form
    form.findChild(QPlainTextEdit, "reason").setPlainText(reason)
    form.submit()  # no legal basis: refused at the field
    qtbot.waitUntil(lambda: form.errors["legal_basis"].text() != "")
    form.findChild(QPlainTextEdit, "legal_basis").setPlainText("《行政许可法》第三十二条")
    with qtbot.waitSignal(panel.refused, timeout=10_000) as refused:
        form.submit()
    page.print_main_document()
    preview = page.preview
    assert isinstance(preview, PrintPreviewDialog)
    qtbot.waitUntil(lambda: preview.document is not None, timeout=20_000)
    assert preview.document.applicant.name == name  # type: ignore[union-attr]
    text = compact("".join(pdf_text(render(preview.document))))  # type: ignore[arg-type]
    assert name in text and compact(reason) in text and refused.args[0].number in text
    preview.close()


def test_only_deferrable_materials_missing_offers_acceptance_with_deferral(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    page = open_counter(qtbot, ctx)
    choose_item(qtbot, page, item)
    panel, bar = page.checklist, page.checklist.outcomes
    type_applicant(qtbot, page)
    tick(qtbot, page, {0: Qt.Key.Key_Space, 2: Qt.Key.Key_3})  # the household register is late
    assert "均可容缺：户口簿" in bar.situation.text()
    assert bar.defer_button.isEnabled() and not bar.accept_button.isEnabled()
    qtbot.keyClick(panel, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(bar.deferred_box.isVisible)  # a mnemonic clicks after a short animation
    assert bar.accept_button.isEnabled()
    # No later than the committed due date (5 working days after Tuesday 2026-11-24).
    assert bar.deferred_supply_by() == date(2026, 12, 1)
    assert bar.deferred_by.maximumDate().toPython() == date(2026, 12, 1)

    bar.commitment.clear()
    bar.accept_button.click()
    qtbot.waitUntil(lambda: bar.errors["applicant_commitment"].text() != "")
    assert panel.checklist is not None  # still on screen, nothing saved
    bar.commitment.setPlainText("本人承诺于2026年12月1日前补交户口簿")
    with qtbot.waitSignal(panel.accepted, timeout=10_000) as accepted:
        qtbot.keyClick(bar.commitment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    number = accepted.args[0].number
    assert page.printables == [("receipt", number), ("deferred", number)]
    actor = login(ctx.uow(), "zhangwei", "demo-2026")
    case = queries.find_case_by_number(ctx.uow(), actor, number)
    ids = {m.name: m.id for m in item.materials}
    assert case is not None and case.deferred_supply_by == date(2026, 12, 1)
    assert case.materials[ids["户口簿"]] == "deferred"
    assert case.applicant_commitment == "本人承诺于2026年12月1日前补交户口簿"


def test_no_green_light_while_an_applicant_field_is_red(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    item = make_item(sqlite_demo_ctx)
    page = open_counter(qtbot, sqlite_demo_ctx)
    choose_item(qtbot, page, item)
    panel = page.checklist
    panel.mark_rest_received()
    assert panel.outcomes.situation.text().startswith("材料齐全，可以受理")
    phone = panel.applicant.fields["phone"]
    phone.setFocus()
    qtbot.keyClicks(phone, "12345")
    qtbot.keyClick(phone, Qt.Key.Key_Tab)  # leaving the field checks it
    assert panel.applicant.errors["phone"].text() != ""
    assert "申请人信息有误" in panel.outcomes.situation.text()
    phone.setFocus()
    qtbot.keyClick(phone, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(phone, PHONE)
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    assert panel.outcomes.situation.text().startswith("材料齐全，可以受理")

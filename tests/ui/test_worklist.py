"""Two clerks at their screens in one hall: the work list, a visit's window, referral and
acknowledgement, no silent ending, the A/B post, a visit becoming an application."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.exceptions import TimeoutError as WaitTimeout

from app.auth import login
from app.context import AppContext
from app.visits import service
from app.visits.lifecycle import VisitState
from app.visits.records import VisitInput
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.mainwindow import open_main
from ui.mainwindow import MainWindow
from ui.visits.dialog import VisitDialog
from ui.visits.forms import OutcomeForm, ReferForm, RegisterForm
from ui.worklist.page import WorkListPage


def worklist_of(qtbot, window: MainWindow) -> WorkListPage:  # type: ignore[no-untyped-def]
    window.show_page("worklist")  # a page reads its lists when shown
    page = window.page("worklist")
    assert isinstance(page, WorkListPage)
    try:
        qtbot.waitUntil(lambda: page.queue is not None and bool(page.counts), timeout=30_000)
    except WaitTimeout as exc:  # say what the page showed meanwhile
        raise AssertionError(
            f"the work list never read its lists (queue {page.queue is not None}, "
            f"counts {page.counts}, error shown: {page.search_error.text()!r})"
        ) from exc
    return page


def reload(qtbot, page: WorkListPage) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.reloaded, timeout=10_000):
        page.reload()
    qtbot.waitUntil(lambda: page.counts and page.visits.rowCount() == page.counts["visits"])


def rows_of(qtbot, model) -> list:  # type: ignore[no-untyped-def]
    """Every row of a lazy list, waiting for them to arrive."""
    for position in range(model.rowCount()):
        model.row_at(position)
    qtbot.waitUntil(lambda: len(model.cached()) == model.rowCount(), timeout=10_000)
    return model.cached()


def visit_dialog(qtbot, window: MainWindow) -> VisitDialog:  # type: ignore[no-untyped-def]
    dialog = window.visit_dialog
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    return dialog


def click(qtbot, dialog: VisitDialog, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, name) is not None, timeout=10_000)
    dialog.findChild(QPushButton, name).click()


def chain_rows(dialog: VisitDialog) -> list[list[str]]:
    table = dialog.chain
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_a_refers_b_acknowledges_a_list_clears(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    a_window = open_main(qtbot, ctx, "zhangwei")
    assert next(iter(a_window.pages)) == "worklist" and a_window.nav.currentRow() == 0
    a_list = worklist_of(qtbot, a_window)

    # Keyboard first: F2, the question, Tab to the next fields, Ctrl+Enter.
    a_window.activateWindow()
    a_list.search.setFocus()
    qtbot.waitUntil(a_list.search.hasFocus)
    qtbot.keyClick(a_list.search, Qt.Key.Key_F2)
    form = a_list.form
    assert isinstance(form, RegisterForm)
    qtbot.waitUntil(form.fields["question"].hasFocus)
    form.fields["question"].setPlainText("社保卡丢了怎么补办")  # keyClicks types Latin-1 only
    qtbot.keyClick(form.fields["question"], Qt.Key.Key_Tab)
    assert form.fields["visit_type"].hasFocus()
    form.fields["visitor_name"].setText("王𠇹")  # keyClicks cannot type beyond the BMP
    qtbot.keyClicks(form.fields["phone"], "13812345678")
    with qtbot.waitSignal(a_list.visit_opened, timeout=10_000):
        qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = visit_dialog(qtbot, a_window)
    assert dialog.findChild(QLabel, "info_visitor").text().startswith("王𠇹  138****5678")

    click(qtbot, dialog, "do_refer")
    qtbot.waitUntil(lambda: isinstance(dialog.form, ReferForm), timeout=10_000)
    refer = dialog.form
    wang = login(ctx.uow(), "wangfang", "demo-2026")
    to_staff = refer.findChild(QComboBox, "to_staff")
    to_staff.setCurrentIndex(to_staff.findData(wang.staff_id))
    items = refer.findChild(QComboBox, "item_code")
    items.setCurrentIndex(items.findData("RS-001"))
    refer.submit()  # no reason yet: refused at the field, the form stays open
    qtbot.waitUntil(lambda: refer.errors["reason"].text() != "", timeout=10_000)
    assert refer.isVisible()
    refer.findChild(QPlainTextEdit, "reason").setPlainText("社保业务由3号窗口办理")
    with qtbot.waitSignal(dialog.visit_changed, timeout=10_000):
        refer.submit()
    qtbot.waitUntil(lambda: dialog.findChild(QLabel, "info_referral") is not None)
    assert "王芳" in dialog.findChild(QLabel, "info_referral").text()
    assert dialog.findChild(QPushButton, "print_slip") is not None
    reload(qtbot, a_list)
    assert [r.state for r in rows_of(qtbot, a_list.visits)] == [VisitState.REFERRED]

    b_window = open_main(qtbot, ctx, "wangfang")
    b_list = worklist_of(qtbot, b_window)
    qtbot.waitUntil(lambda: b_list.referrals.rowCount() == 1, timeout=10_000)
    (waiting,) = rows_of(qtbot, b_list.referrals)
    assert waiting.from_staff_name == "张伟" and waiting.visitor_name == "王𠇹"
    b_list.open_row("referrals", 0)
    b_dialog = visit_dialog(qtbot, b_window)
    click(qtbot, b_dialog, "do_acknowledge")
    qtbot.waitUntil(lambda: len(chain_rows(b_dialog)) == 3, timeout=10_000)
    chain = chain_rows(b_dialog)
    assert [(row[1], row[2], row[3]) for row in chain] == [
        ("张伟", "登记来访", "张伟"),
        ("张伟", "转办", "张伟"),
        ("王芳", "确认接收", "王芳"),
    ]
    assert all(row[0].startswith("2026-11-24 09:30") for row in chain)  # the test clock's time
    qtbot.waitUntil(lambda: b_list.referrals.rowCount() == 0, timeout=10_000)

    reload(qtbot, a_list)
    assert a_list.visits.rowCount() == 0 and a_list.counts["visits"] == 0  # A's list clears
    reload(qtbot, b_list)
    assert [r.holder_name for r in rows_of(qtbot, b_list.visits)] == ["王芳"]


def test_the_screen_refuses_to_close_a_visit_without_an_outcome(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    visit = service.register_visit(ctx.uow(), clerk, VisitInput(question="老年证在哪办？"))
    window = open_main(qtbot, ctx, "zhangwei")
    window.open_visit(visit.id)
    dialog = visit_dialog(qtbot, window)
    click(qtbot, dialog, "do_close")
    form = dialog.form
    assert isinstance(form, OutcomeForm)
    assert form.fields["outcome"].currentData() is None  # nothing chosen for the clerk
    form.submit()
    qtbot.waitUntil(lambda: form.errors["outcome"].text() != "", timeout=10_000)
    assert "不能结束" in form.errors["outcome"].text() and form.isVisible()
    assert service.visit_detail(ctx.uow(), clerk, visit.id).visit.state is VisitState.OPEN

    outcome = form.fields["outcome"]
    outcome.setCurrentIndex(outcome.findData("answered"))
    form.fields["answer"].setPlainText("2号养老服务窗口，带身份证和照片")
    form.fields["guide_code"].setText("MZ-001")
    with qtbot.waitSignal(dialog.visit_changed, timeout=10_000):
        form.submit()
    record = service.visit_detail(ctx.uow(), clerk, visit.id).visit
    assert record.state is VisitState.CLOSED and record.outcome_text.startswith("2号")
    click(qtbot, dialog, "print_guide")  # the guide handed over, printed from the visit
    qtbot.waitUntil(lambda: dialog.preview.document is not None, timeout=20_000)
    assert dialog.preview.document.number.startswith("MZ-001")
    dialog.preview.close()
    click(qtbot, dialog, "do_reopen")  # closed: the only move left is reopening


def test_with_a_away_b_holds_a_items_and_acts_for_a(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    a = login(ctx.uow(), "zhangwei", "demo-2026")
    visit = service.register_visit(ctx.uow(), a, VisitInput(question="低保审批要多久？"))
    a_window = open_main(qtbot, ctx, "zhangwei")
    a_list = worklist_of(qtbot, a_window)
    a_list.findChild(QPushButton, "mark_away_button").click()
    away = a_list.form
    reason = away.findChild(QComboBox, "reason")
    reason.setCurrentIndex(reason.findData("training"))
    away.ends.setDateTime(away.ends.dateTime().addSecs(3 * 3600))
    with qtbot.waitSignal(a_list.reloaded, timeout=10_000):
        away.submit()
    qtbot.waitUntil(lambda: a_list.back_button.isVisible(), timeout=10_000)
    assert "李娜" in a_list.banner.text()  # A sees who covers

    b_window = open_main(qtbot, ctx, "lina")  # lina is zhangwei's B post
    b_list = worklist_of(qtbot, b_window)
    assert "张伟" in b_list.banner.text() and b_list.banner.isVisible()
    qtbot.waitUntil(lambda: b_list.visits.rowCount() == 1, timeout=10_000)
    (row,) = rows_of(qtbot, b_list.visits)
    assert row.holder_name == "张伟"
    assert b_list.visits.index(0, 4).data() == "张伟（代岗）"
    b_list.open_row("visits", 0)
    dialog = visit_dialog(qtbot, b_window)
    assert "您正代其办理" in dialog.findChild(QLabel, "info_holder").text()
    click(qtbot, dialog, "do_close")
    form = dialog.form
    outcome = form.fields["outcome"]
    outcome.setCurrentIndex(outcome.findData("answered"))
    form.fields["answer"].setPlainText("承诺20个工作日")
    with qtbot.waitSignal(dialog.visit_changed, timeout=10_000):
        form.submit()
    qtbot.waitUntil(lambda: len(chain_rows(dialog)) == 2, timeout=10_000)
    assert chain_rows(dialog)[-1][1] == "李娜（代张伟）"
    record = service.visit_detail(ctx.uow(), a, visit.id).visit
    assert record.chain[-1].on_behalf_of == a.staff_id

    with qtbot.waitSignal(a_list.reloaded, timeout=10_000):
        a_list.back_button.click()
    ctx.clock.advance(timedelta(minutes=1))  # type: ignore[attr-defined]
    reload(qtbot, b_list)
    assert not b_list.banner.isVisible()


def test_a_visit_becomes_the_case_accepted_at_the_counter(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    visit = service.register_visit(
        ctx.uow(),
        clerk,
        VisitInput(
            question="申请低保",
            visit_type="application",
            visitor_name="王𠇹",
            phone="13812345678",
            id_number=resident_id(),
        ),
    )
    window = open_main(qtbot, ctx, "zhangwei")
    window.open_visit(visit.id)
    dialog = visit_dialog(qtbot, window)
    click(qtbot, dialog, "do_apply")
    chooser = window.item_chooser
    qtbot.keyClicks(chooser.finder.edit, item.code.lower())
    counter = window.page("counter")
    with qtbot.waitSignal(counter.item_loaded, timeout=10_000):
        qtbot.keyClick(chooser.finder.edit, Qt.Key.Key_Return)
    assert window.nav.currentRow() == list(window.pages).index("counter")
    fields = counter.checklist.applicant.fields
    assert fields["applicant_name"].text() == "王𠇹"
    assert fields["id_number"].text() == resident_id()
    table = counter.checklist.materials
    table.setFocus()
    for row, key in {0: Qt.Key.Key_1, 1: Qt.Key.Key_1, 2: Qt.Key.Key_3}.items():
        table.setCurrentCell(row, 0)
        qtbot.keyClick(table, key)
    with qtbot.waitSignal(window.application_linked, timeout=10_000) as linked:
        counter.checklist.accept_case()
    record = service.visit_detail(ctx.uow(), clerk, visit.id).visit
    assert record.state is VisitState.CLOSED and record.outcome_ref == linked.args[0]
    assert record.case_id is not None


def test_work_list_search_opens_what_a_scanner_typed(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from app.printing.kinds import DocumentKind
    from app.signing import sign_document
    from app.visits.records import ReferralInput

    ctx = sqlite_demo_ctx
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    visit = service.register_visit(ctx.uow(), clerk, VisitInput(question="社保卡补办"))
    referral = service.refer_visit(
        ctx.uow(), clerk, visit.id, ReferralInput(to_window_number=3, reason="社保")
    )
    payload = sign_document(
        ctx.uow(), DocumentKind.REFERRAL, referral.number, ctx.clock.now().date()
    )
    window = open_main(qtbot, ctx, "wangfang")
    page = worklist_of(qtbot, window)
    page.search.setText(payload)
    with qtbot.waitSignal(page.visit_opened, timeout=10_000) as opened:
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened.args == [visit.id]
    page.search.setText("没有这个人")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.search_error.text() != "", timeout=10_000)
    assert page.findChild(QLineEdit, "work_search") is page.search


def test_lists_are_proper_models(qtbot, sqlite_demo_ctx: AppContext, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    for i in range(3):
        service.register_visit(ctx.uow(), clerk, VisitInput(question=f"问题{i}"))
    window = open_main(qtbot, ctx, "zhangwei")
    page = worklist_of(qtbot, window)
    qtbot.waitUntil(lambda: page.visits.rowCount() == 3, timeout=10_000)
    rows_of(qtbot, page.visits)
    for model in (page.visits, page.referrals, page.deferred, page.cases):
        qtmodeltester.check(model)
    reload(qtbot, page)  # checked again through a reset and the pages and rows that follow
    assert len(rows_of(qtbot, page.visits)) == 3


def test_supervisor_sees_overdue_referrals_pairs_and_who_is_away(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    from PySide6.QtWidgets import QTableWidget

    from app.visits.records import ReferralInput

    ctx = sqlite_demo_ctx
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    visit = service.register_visit(ctx.uow(), clerk, VisitInput(question="社保卡补办"))
    service.refer_visit(
        ctx.uow(), clerk, visit.id, ReferralInput(to_window_number=3, reason="社保")
    )
    ctx.clock.advance(timedelta(hours=3))  # type: ignore[attr-defined]
    boss = open_main(qtbot, ctx, "sunli")
    assert "worklist" in boss.pages
    page = worklist_of(qtbot, boss)
    assert page.boxes["referrals"].title().startswith("超时未接收的转办（全中心）")
    qtbot.waitUntil(lambda: page.referrals.rowCount() == 1, timeout=10_000)
    (overdue,) = rows_of(qtbot, page.referrals)
    assert overdue.overdue and overdue.from_staff_name == "张伟"

    boss.show_page("staff")
    staff = boss.page("staff")
    table = staff.findChild(QTableWidget, "staff_table")
    qtbot.waitUntil(lambda: table.rowCount() == 8, timeout=10_000)
    pairs = {table.item(r, 1).text(): table.item(r, 4).text() for r in range(table.rowCount())}
    assert pairs["张伟"] == "李娜" and pairs["王芳"] == "刘洋"
    staff.findChild(QPushButton, "mark_away").click()
    form = staff.form
    who = form.fields["staff_id"]
    who.setCurrentIndex(who.findText("王芳"))
    form.ends.setDateTime(form.ends.dateTime().addSecs(3600))
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        form.submit()
    qtbot.waitUntil(lambda: staff.away.rowCount() == 1, timeout=10_000)
    assert staff.away.item(0, 0).text() == "王芳" and staff.away.item(0, 4).text() == "刘洋"
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "王芳")
    qtbot.waitUntil(lambda: "刘洋 代岗" in table.item(row, 6).text(), timeout=10_000)
    staff.away.setCurrentCell(0, 0)
    staff.findChild(QPushButton, "end_absence").click()
    qtbot.waitUntil(lambda: staff.away.rowCount() == 0, timeout=10_000)


def test_a_reload_keeps_the_selected_rows(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """The list reloads every two minutes; the clerk's place in each list stays where it was,
    also when a new visit joins the list."""
    ctx = sqlite_demo_ctx
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    for i in range(3):
        service.register_visit(ctx.uow(), clerk, VisitInput(question=f"问题{i}"))
    window = open_main(qtbot, ctx, "zhangwei")
    page = worklist_of(qtbot, window)
    qtbot.waitUntil(lambda: page.visits.rowCount() == 3, timeout=10_000)
    view = page.views["visits"]
    view.selectRow(1)
    chosen = page.visits.item_id(1)

    service.register_visit(ctx.uow(), clerk, VisitInput(question="新来的"))
    reload(qtbot, page)
    qtbot.waitUntil(lambda: view.currentIndex().isValid(), timeout=10_000)
    assert page.visits.item_id(view.currentIndex().row()) == chosen
    assert page.visits.rowCount() == 4
    assert not page.views["referrals"].currentIndex().isValid()  # nothing was selected there


def test_a_paper_rating_of_an_answered_visit(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """The consultation's paper rating form, typed in from the visit's window; it then shows
    there and the button goes."""
    from app.feedback import ratings
    from app.feedback.records import RatingLevel, Subject, SubjectKind
    from app.visits.records import OutcomeInput
    from ui.feedback.forms import PaperRatingForm

    ctx = sqlite_demo_ctx
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    visit = service.register_visit(ctx.uow(), clerk, VisitInput(question="老年证在哪办？"))
    service.close_visit(ctx.uow(), clerk, visit.id, OutcomeInput("answered", "2号窗口"))
    window = open_main(qtbot, ctx, "zhangwei")
    window.open_visit(visit.id)
    dialog = visit_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.rating_known, timeout=10_000)
    assert dialog.rating_label.text() == "评价：尚未评价"
    click(qtbot, dialog, "record_rating")
    form = dialog.form
    assert isinstance(form, PaperRatingForm)
    level = form.fields["level"]
    level.setCurrentIndex(level.findData(RatingLevel.SATISFIED.value))
    with qtbot.waitSignal(dialog.visit_changed, timeout=10_000):
        form.submit()
    qtbot.waitUntil(lambda: dialog.rating is not None, timeout=10_000)
    assert "满意" in dialog.rating_label.text() and "纸质" in dialog.rating_label.text()
    assert dialog.rate_button is not None and not dialog.rate_button.isVisibleTo(dialog)
    stored = ratings.rating_for(ctx.uow(), clerk, Subject(SubjectKind.VISIT, visit.id))
    assert stored is not None and stored.level is RatingLevel.SATISFIED


def test_the_staff_page_says_who_covers_when_the_b_post_is_away_too(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    from PySide6.QtWidgets import QTableWidget

    from app import staff as staff_service
    from app.visits import absence
    from app.visits.records import AbsenceInput

    ctx = sqlite_demo_ctx
    supervisor = login(ctx.uow(), "sunli", "demo-2026")
    now = ctx.clock.now()
    for name in ("wangfang", "liuyang"):  # each other's B post
        who = login(ctx.uow(), name, "demo-2026")
        absence.mark_away(
            ctx.uow(), who, AbsenceInput(who.staff_id, "training", now, now + timedelta(hours=4))
        )
    boss = open_main(qtbot, ctx, "sunli")
    boss.show_page("staff")
    page = boss.page("staff")
    table = page.findChild(QTableWidget, "staff_table")
    qtbot.waitUntil(lambda: page.away.rowCount() == 2, timeout=10_000)
    cover = {page.away.item(r, 0).text(): page.away.item(r, 4).text() for r in range(2)}
    assert cover["王芳"] == "刘洋（也离岗）：无人代岗，请安排"
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "王芳")
    assert "无人代岗" in table.item(row, 6).text()

    staff_service.set_backup(ctx.uow(), supervisor, "liuyang", "chenjing")
    page.reload()
    qtbot.waitUntil(lambda: "陈静" in page.away.item(0, 4).text(), timeout=10_000)
    cover = {page.away.item(r, 0).text(): page.away.item(r, 4).text() for r in range(2)}
    assert cover == {"王芳": "刘洋（也离岗），由 陈静 代岗", "刘洋": "陈静"}


def test_todays_appointments_at_my_window_are_on_the_work_list(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    """Who booked the clerk's window today, in time order; Enter opens the 预约 page on it."""
    from datetime import date

    from tests.helpers.appointments import book, make_schedule
    from ui.appointments.page import AppointmentsPage

    ctx = sqlite_demo_ctx
    schedule = make_schedule(ctx, window=1)
    today = date(2026, 11, 24)  # the test clock's Tuesday
    late = book(ctx, schedule, today, 14 * 60, name="下午来", phone="13900000001")
    early = book(ctx, schedule, today, 10 * 60, name="上午来", phone="13900000002")
    book(ctx, schedule, date(2026, 11, 25), 10 * 60, name="明天来", phone="13900000003")
    window = open_main(qtbot, ctx, "zhangwei")
    page = worklist_of(qtbot, window)
    box = page.appointments
    assert box is not None
    qtbot.waitUntil(lambda: box.table.rowCount() == 2, timeout=10_000)
    assert [box.table.item(r, 1).text() for r in range(2)] == ["上午来", "下午来"]
    assert box.table.item(0, 2).text() == "139****0002"  # the phone masked
    assert box.title() == "本窗口今日预约（待到 2，共 2）"
    box.table.setCurrentCell(1, 0)
    with qtbot.waitSignal(page.appointment_opened, timeout=10_000) as opened:
        box.table.activated.emit(box.table.currentIndex())
    assert opened.args == [late.number]
    appointments = window.page("appointments")
    assert isinstance(appointments, AppointmentsPage)
    qtbot.waitUntil(
        lambda: (
            appointments.selected() is not None and appointments.selected().number == late.number
        ),
        timeout=10_000,
    )
    assert early.number != late.number

    supervisor = open_main(qtbot, ctx, "sunli")
    assert worklist_of(qtbot, supervisor).appointments is None  # no window of their own


def test_overdue_deferrals_and_applications_waiting_for_acceptance_are_marked(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    from datetime import date

    from app.cases.records import AcceptRequest, ApplicantInput
    from app.cases.service import accept_case

    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    ids = {m.name: m.id for m in item.materials}
    me = login(ctx.uow(), "zhangwei", "demo-2026")
    accept_case(
        ctx.uow(),
        me,
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
            deferred_material_ids=frozenset({ids["户口簿"]}),
            deferred_supply_by=date(2026, 11, 25),
            applicant_commitment="次日补交户口簿",
        ),
    )
    service.register_visit(
        ctx.uow(), me, VisitInput(question="申请低保，材料已收下待审", visit_type="application")
    )
    ctx.clock.advance(timedelta(days=3))  # type: ignore[attr-defined]  # Fri 11-27
    page = worklist_of(qtbot, open_main(qtbot, ctx, "zhangwei"))
    qtbot.waitUntil(lambda: page.deferred.rowCount() == 1 and page.visits.rowCount() == 1)
    (deferral,) = rows_of(qtbot, page.deferred)
    assert deferral.overdue
    assert page.deferred.index(0, 0).data() == "▲ 已过期（可中止或终止办理） 11-25"
    (visit,) = rows_of(qtbot, page.visits)
    assert (visit.acceptance_day, visit.acceptance_warning) == (3, "yellow")
    last = page.visits.columnCount() - 1
    assert page.visits.index(0, last).data() == "第3个工作日（5日内须受理或告知）"

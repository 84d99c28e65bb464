"""Paper ratings from the case window, appeals, and the complaint page, on a demo hall."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from app.auth import login
from app.cases import queries
from app.context import AppContext
from app.feedback import complaints, ratings
from app.feedback.records import (
    AppealState,
    ComplaintInput,
    ComplaintTarget,
    RatingQuery,
    Subject,
)
from tests.helpers.catalog import make_item
from tests.helpers.feedback import accept_as
from tests.helpers.mainwindow import open_main
from tests.helpers.township import add_township, township_actor
from ui.cases.dialog import CaseDialog


def test_clerk_types_in_a_paper_rating_from_the_case_window(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    case_id = accept_as(ctx, "zhangwei")
    window = open_main(qtbot, ctx, "zhangwei")
    window.open_case(case_id)
    dialog: CaseDialog = window.case_dialog
    qtbot.waitUntil(lambda: dialog.rating_known and dialog.rate_button is not None)
    qtbot.waitUntil(lambda: dialog.rate_button.isVisible())  # type: ignore[union-attr]
    assert dialog.rating_label.text() == "评价：尚未评价"
    dialog.rate_button.click()  # type: ignore[union-attr]
    form = dialog.rating_form
    # A follow-up call about one's own service is refused; the form says why and stays.
    form.fields["source"].setCurrentIndex(1)  # 电话回访
    form.fields["level"].setCurrentIndex(2)  # 满意
    form.submit()
    qtbot.waitUntil(lambda: "不能为自己办理的业务录入评价" in form.message.text())
    assert form.isVisible()
    form.fields["source"].setCurrentIndex(0)  # 纸质评价表
    form.fields["comment"].setText("纸质表：满意")
    with qtbot.waitSignal(dialog.case_changed, timeout=10_000):
        form.submit()
    qtbot.waitUntil(lambda: "纸质评价表，张伟 录入" in dialog.rating_label.text())
    assert "满意" in dialog.rating_label.text()
    qtbot.waitUntil(lambda: not dialog.rate_button.isVisible())  # type: ignore[union-attr]


def test_clerk_appeals_and_the_supervisor_decides(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    case_id = accept_as(ctx, "zhangwei")
    boss = login(ctx.uow(), "sunli", "demo-2026")
    ratings.record_rating(ctx.uow(), boss, Subject.case(case_id), "dissatisfied", "", "phone")

    clerk_window = open_main(qtbot, ctx, "zhangwei")
    clerk_window.show_page("ratings")
    page = clerk_window.page("ratings")
    assert page.findChild(QPushButton, "decide_appeal") is None
    model = page.ratings.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, 2).data() == "不满意")
    assert model.index(0, 8).data() == "待整改"
    page.ratings.view.selectRow(0)
    page.appeal_button.click()
    form = page.form
    form.fields["kind"].setCurrentIndex(1)  # 误评
    form.fields["reason"].setPlainText("回访时申请人说把我和隔壁窗口弄混了")
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        form.submit()
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and "申诉待裁决" in (model.index(0, 8).data() or "")
    )

    boss_window = open_main(qtbot, ctx, "sunli")
    boss_window.show_page("ratings")
    boss_page = boss_window.page("ratings")
    boss_page.tabs.setCurrentIndex(2)
    appeals = boss_page.appeals.model
    qtbot.waitUntil(
        lambda: (
            appeals.rowCount() == 1
            and appeals.index(0, 4).data() == "回访时申请人说把我和隔壁窗口弄混了"
        )
    )
    boss_page.appeals.view.selectRow(0)
    boss_page.decide_button.click()
    decision = boss_page.form
    decision.fields["upheld"].setCurrentIndex(1)  # 申诉成立
    decision.fields["note"].setPlainText("核实为误评")
    with qtbot.waitSignal(decision.accepted, timeout=10_000):
        decision.submit()
    qtbot.waitUntil(lambda: appeals.rowCount() == 0)  # nothing left to decide
    [row] = ratings.rating_rows(
        ctx.uow(), boss, ratings.page_rating_ids(ctx.uow(), boss, RatingQuery()).ids
    )
    assert row.excluded and row.appeal_state is AppealState.UPHELD


def test_supervisor_registers_investigates_and_concludes_a_complaint(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    window = open_main(qtbot, ctx, "sunli")
    window.show_page("complaints")
    page = window.page("complaints")
    qtbot.waitUntil(lambda: len(page.people) > 0)
    page.register_button.click()
    form = page.form
    form.fields["content"].setPlainText("办事时工作人员玩手机")
    form.submit()  # against a clerk, but none chosen: refused at the field
    qtbot.waitUntil(lambda: form.errors["staff"].text() == "请选择被投诉的工作人员")
    staff_combo = form.fields["staff"]
    staff_combo.setCurrentIndex(staff_combo.findText("张伟"))
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        form.submit()
    model = page.list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, 3).data() == "张伟")
    assert model.index(0, 0).data() == "QH-T20261124-0001"
    page.list.view.selectRow(0)
    qtbot.waitUntil(lambda: page.current is not None and page.note_button.isVisible())

    page.note_button.click()
    note = page.form
    note.fields["note"].setPlainText("调看录像属实")
    with qtbot.waitSignal(note.accepted, timeout=10_000):
        note.submit()
    qtbot.waitUntil(lambda: "调看录像属实" in page.notes.text())

    page.conclude_button.click()
    conclude = page.form
    conclude.fields["substantiated"].setCurrentIndex(1)  # 属实
    conclude.fields["finding"].setPlainText("情况属实")
    conclude.fields["outcome"].setPlainText("通报批评，向投诉人道歉")
    with qtbot.waitSignal(conclude.accepted, timeout=10_000):
        conclude.submit()
    qtbot.waitUntil(lambda: model.rowCount() == 0)  # the list shows the open ones
    [record] = queries.list_accountability(ctx.uow(), login(ctx.uow(), "sunli", "demo-2026"))
    assert record.complaint_number == "QH-T20261124-0001" and record.responsible_name == "张伟"
    window.show_page("accountability")
    table = window.page("accountability").table
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert (
        table.item(0, 0).text() == "投诉属实" and table.item(0, 1).text() == record.complaint_number
    )
    assert window.findChild(QLabel, "complaint_notes") is not None


def test_the_rating_and_complaint_lists_pass_the_model_tester(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, qtmodeltester
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    boss = login(ctx.uow(), "sunli", "demo-2026")
    for level in ("satisfied", "dissatisfied", "very_dissatisfied"):
        case_id = accept_as(ctx, "zhangwei", item)
        ratings.record_rating(ctx.uow(), boss, Subject.case(case_id), level, "", "phone")
    window = open_main(qtbot, ctx, "sunli")
    window.show_page("ratings")
    page = window.page("ratings")
    lists = {"ratings": page.ratings, "rectifications": page.rectifications}
    for panel in (*lists.values(), page.appeals):
        qtmodeltester.check(panel.model)
    for key, count in (("ratings", 3), ("rectifications", 2)):
        model = lists[key].model
        qtbot.waitUntil(lambda m=model, n=count: m.rowCount() == n)
        for position in range(count):
            model.row_at(position)
        qtbot.waitUntil(lambda m=model, n=count: len(m.cached()) == n)
    page.level_combo.setCurrentIndex(1)  # the bad ones: a new query, the list read again
    model = page.ratings.model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.loading)
    page.fix_state.setCurrentIndex(2)  # closed: none
    qtbot.waitUntil(lambda: page.rectifications.model.rowCount() == 0)

    window.show_page("complaints")
    complaints = window.page("complaints").list.model
    qtmodeltester.check(complaints)
    window.page("complaints").reload()
    qtbot.waitUntil(lambda: not complaints.loading and complaints.rowCount() == 0)


def test_a_townships_complaint_is_shown_at_the_county_but_not_acted_on(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    """The county reads its townships' complaints; the page offers no action on one, and a
    form opened anyway shows the service's refusal naming the township (app.site_rules)."""
    ctx = sqlite_demo_ctx
    add_township(ctx)
    town_boss = township_actor(ctx, "xzclerkboss")
    town_clerk = township_actor(ctx)
    complaints.register_complaint(
        ctx.uow(),
        town_boss,
        ComplaintInput(ComplaintTarget.STAFF, "态度生硬", staff_id=town_clerk.staff_id),
    )
    window = open_main(qtbot, ctx, "sunli")
    window.show_page("complaints")
    page = window.page("complaints")
    model = page.list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, 0).data().startswith("XZ-"))
    page.list.view.selectRow(0)
    qtbot.waitUntil(lambda: page.current is not None)
    assert not page.note_button.isVisible() and not page.conclude_button.isVisible()

    page.open_note()
    note = page.form
    note.fields["note"].setPlainText("调看录像")
    note.submit()
    qtbot.waitUntil(lambda: "新庄镇便民服务中心（XZ）" in note.message.text())
    assert "只能查看" in note.message.text()
    assert complaints.get_complaint(ctx.uow(), town_boss, page.current.id).notes == ()


def test_a_townships_rectification_is_listed_at_the_county_but_not_closed_there(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, monkeypatch
) -> None:
    """The county supervises its townships' rectification items; choosing one to close says it
    is the township's to close before any form is filled (app.site_rules)."""
    from PySide6.QtWidgets import QMessageBox

    from tests.helpers.township import accept_here, county_item

    ctx = sqlite_demo_ctx
    add_township(ctx)
    town_boss = township_actor(ctx, "xzclerkboss")
    number = accept_here(ctx, township_actor(ctx), county_item(ctx))
    case = queries.find_case_by_number(ctx.uow(), town_boss, number)
    assert case is not None
    ratings.record_rating(ctx.uow(), town_boss, Subject.case(case.id), "dissatisfied", "", "phone")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))

    window = open_main(qtbot, ctx, "sunli")
    window.show_page("ratings")
    page = window.page("ratings")
    page.tabs.setCurrentIndex(1)
    items = page.rectifications.model
    qtbot.waitUntil(lambda: items.rowCount() == 1 and items.index(0, 1).data() == number)
    page.rectifications.view.selectRow(0)
    forms_before = page.form
    page.close_button.click()
    assert said and "其他服务中心的整改事项" in said[0]
    assert page.form is forms_before  # no form was opened

"""Time passes at the counter: a case turns yellow, then red; a supervisor extends it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from app.auth import login
from app.cases import service
from app.cases.records import AcceptRequest, ApplicantInput
from app.context import AppContext
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.feedback import accept_as
from tests.helpers.mainwindow import open_main
from ui.cases.action_form import ActionForm
from ui.cases.dialog import CaseDialog
from ui.mainwindow import MainWindow


def accept_one(ctx: AppContext) -> str:
    item = make_item(ctx)
    ids = {m.name: m.id for m in item.materials}
    result = service.accept_case(
        ctx.uow(),
        login(ctx.uow(), "zhangwei", "demo-2026"),
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        ),
    )
    return result.number


def first_row(window: MainWindow) -> tuple[str, str]:
    model = window.page("cases").model  # type: ignore[attr-defined]
    if model.rowCount() == 0:
        return ("", "")
    return (model.index(0, 0).data(), model.index(0, 1).data())


def test_case_turns_yellow_then_red_then_back_after_extension(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    number = accept_one(ctx)  # Tue 2026-11-24, due Tue 2026-12-01
    clerk = open_main(qtbot, ctx, "zhangwei")
    assert list(clerk.pages)[:3] == ["worklist", "counter", "cases"]
    clerk.show_page("cases")
    qtbot.waitUntil(lambda: first_row(clerk) == ("正常", number))

    ctx.clock.advance(timedelta(days=6))  # type: ignore[attr-defined]  # Mon: last day but one
    clerk.page("cases").refresh()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: first_row(clerk)[0] == "黄牌·临期")
    ctx.clock.advance(timedelta(days=2))  # type: ignore[attr-defined]  # Wed: overdue
    clerk.page("cases").refresh()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: first_row(clerk)[0] == "红牌·超期")
    qtbot.waitUntil(lambda: "红牌 1" in clerk.status_warnings.text())

    boss = open_main(qtbot, ctx, "sunli")
    boss.open_case(ctx.uow and service_case_id(ctx, number))
    dialog: CaseDialog = boss.case_dialog
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "do_extend") is not None)
    dialog.findChild(QPushButton, "do_extend").click()
    form: ActionForm = dialog.findChild(ActionForm, "action_extend")
    form.findChild(QSpinBox, "days").setValue(5)
    form.submit()  # no reason: refused at the field, form stays open
    qtbot.waitUntil(lambda: form.errors["reason"].text() != "")
    assert form.isVisible()
    form.findChild(QPlainTextEdit, "reason").setPlainText("需赴村实地核查")
    with qtbot.waitSignal(dialog.case_changed, timeout=10_000):
        form.submit()
    qtbot.waitUntil(lambda: dialog.history.rowCount() == 2)
    assert dialog.history.item(1, 1).text() == "孙丽（代岗）"

    clerk.page("cases").refresh()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: first_row(clerk)[0] == "正常")
    boss.show_page("accountability")
    table = boss.findChild(QTableWidget, "accountability_table")
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table.item(0, 1).text() == number and table.item(0, 2).text() == "张伟"


def service_case_id(ctx: AppContext, number: str) -> int:
    from app.cases import queries

    case = queries.find_case_by_number(ctx.uow(), login(ctx.uow(), "sunli", "demo-2026"), number)
    assert case is not None
    return case.id


def test_case_list_reads_only_the_rows_it_shows(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, qtmodeltester
) -> None:
    from app.cases import queries
    from app.cases.records import CaseQuery
    from ui.cases.columns import case_colors, case_columns
    from ui.lazy_model import LazyTableModel

    ctx = sqlite_demo_ctx
    actor = login(ctx.uow(), "zhangwei", "demo-2026")
    item = make_item(ctx)
    ids = {m.name: m.id for m in item.materials}
    for _ in range(260):
        service.accept_case(
            ctx.uow(),
            actor,
            AcceptRequest(
                item_version_id=item.id,
                applicant=ApplicantInput(name="李娜", id_number=resident_id(), phone="13812345678"),
                received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
                not_applicable_material_ids=frozenset({ids["收入证明"]}),
            ),
        )
    owner = QWidget()
    qtbot.addWidget(owner)
    model = LazyTableModel(
        owner,
        case_columns(),
        lambda query, after: queries.page_case_ids(ctx.uow(), actor, query, after),
        lambda block: queries.case_rows(ctx.uow(), actor, block),
        lambda row: row.id,
        colors=case_colors,
    )
    model.reload(CaseQuery())
    qtbot.waitUntil(lambda: model.rowCount() == 200)
    assert model.rows_fetched == 0
    assert model.index(3, 2).data() is None  # asked for; it arrives in the background
    qtbot.waitUntil(lambda: model.index(3, 2).data() == "李娜")
    assert model.rows_fetched == 50  # one block, not the page
    assert model.index(3, 0).data(Qt.ItemDataRole.DecorationRole) is not None  # the card
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 260)
    assert not model.canFetchMore()
    qtmodeltester.check(model)
    for position in range(0, 260, 50):
        model.row_at(position)
    qtbot.waitUntil(lambda: len(model.cached()) == 260)


def test_the_case_page_list_is_a_proper_model(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext, qtmodeltester
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    ids = {accept_as(ctx, "zhangwei", item) for _ in range(3)}
    clerk = open_main(qtbot, ctx, "zhangwei")
    clerk.show_page("cases")
    page = clerk.page("cases")
    model = page.model  # type: ignore[attr-defined]
    qtmodeltester.check(model)
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert {model.item_id(r) for r in range(3)} == ids
    qtbot.waitUntil(lambda: len(model.cached()) == 3)  # the view painted them: rows asked for
    assert all(model.index(r, 1).data().startswith("QH-") for r in range(3))
    page.warning_combo.setCurrentIndex(1)  # type: ignore[attr-defined]  # red only: none
    qtbot.waitUntil(lambda: model.rowCount() == 0 and not model.loading)
    qtbot.waitUntil(lambda: page.count_label.text() == "共 0 件")  # type: ignore[attr-defined]


def test_case_window_prints_the_receipt(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    number = accept_one(ctx)
    clerk = open_main(qtbot, ctx, "zhangwei")
    clerk.open_case(service_case_id(ctx, number))
    dialog: CaseDialog = clerk.case_dialog
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "print_menu") is not None)
    labels = [a.text() for a in dialog.findChild(QPushButton, "print_menu").menu().actions()]
    assert labels == ["受理回执"]
    from ui.printing.preview import PrintPreviewDialog

    dialog.print_paper("receipt")
    preview = dialog.findChild(PrintPreviewDialog)
    with qtbot.waitSignal(preview.preview_shown, timeout=15_000) as shown:
        pass
    assert shown.args[0] >= 1 and "受理回执" in preview.windowTitle()


def test_not_granting_asks_for_the_basis_and_offers_the_decision(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    number = accept_one(ctx)
    clerk = open_main(qtbot, ctx, "zhangwei")
    clerk.open_case(service_case_id(ctx, number))
    dialog: CaseDialog = clerk.case_dialog
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "do_decide") is not None)
    dialog.findChild(QPushButton, "do_decide").click()
    form: ActionForm = dialog.findChild(ActionForm, "action_decide")
    outcome = form.findChild(QComboBox, "outcome")
    outcome.setCurrentIndex(outcome.findData("denied"))
    form.findChild(QPlainTextEdit, "note").setPlainText("家庭人均收入高于保障标准")
    form.submit()  # the basis is missing: refused at its field, the form stays open
    qtbot.waitUntil(lambda: form.errors["legal_basis"].text() != "")
    assert form.isVisible() and "法律依据" in form.errors["legal_basis"].text()
    form.findChild(QPlainTextEdit, "legal_basis").setPlainText("《社会救助暂行办法》第九条")
    with qtbot.waitSignal(dialog.case_changed, timeout=10_000):
        form.submit()
    qtbot.waitUntil(
        lambda: (
            dialog.findChild(QPushButton, "print_menu") is not None
            and len(dialog.findChild(QPushButton, "print_menu").menu().actions()) == 3
        )
    )
    labels = [a.text() for a in dialog.findChild(QPushButton, "print_menu").menu().actions()]
    assert labels == ["受理回执", "不予行政许可决定书", "办结通知"]


def test_supplying_a_deferred_material_with_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    ids = {m.name: m.id for m in item.materials}
    from datetime import date

    result = service.accept_case(
        ctx.uow(),
        login(ctx.uow(), "zhangwei", "demo-2026"),
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
            deferred_material_ids=frozenset({ids["户口簿"]}),
            deferred_supply_by=date(2026, 11, 27),
            applicant_commitment="三日内补交户口簿",
        ),
    )
    clerk = open_main(qtbot, ctx, "zhangwei")
    clerk.open_case(service_case_id(ctx, result.number))
    dialog: CaseDialog = clerk.case_dialog
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "do_supply") is not None)
    dialog.findChild(QPushButton, "do_supply").click()
    form: ActionForm = dialog.findChild(ActionForm, "action_supply")
    owed = form.findChild(QListWidget, "materials")
    assert [owed.item(i).text() for i in range(owed.count())] == ["户口簿"]
    owed.setFocus()
    qtbot.keyClick(owed, Qt.Key.Key_Space)  # untick: nothing came
    form.submit()
    qtbot.waitUntil(lambda: form.errors["materials"].text() != "")
    qtbot.keyClick(owed, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.case_changed, timeout=10_000):
        form.submit()
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "do_supply") is None)
    labels = [a.text() for a in dialog.findChild(QPushButton, "print_menu").menu().actions()]
    assert "容缺材料补交回执" in labels


def test_an_overdue_deferral_halts_then_ends_the_case_from_its_window(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    ids = {m.name: m.id for m in item.materials}
    from datetime import date

    result = service.accept_case(
        ctx.uow(),
        login(ctx.uow(), "zhangwei", "demo-2026"),
        AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(name="王𠇹", id_number=resident_id(), phone="13812345678"),
            received_material_ids=frozenset({ids["居民身份证"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
            deferred_material_ids=frozenset({ids["户口簿"]}),
            deferred_supply_by=date(2026, 11, 27),
            applicant_commitment="三日内补交户口簿",
        ),
    )
    ctx.clock.advance(timedelta(days=6))  # type: ignore[attr-defined]  # Mon 11-30: overdue
    clerk = open_main(qtbot, ctx, "zhangwei")
    clerk.open_case(service_case_id(ctx, result.number))
    dialog: CaseDialog = clerk.case_dialog
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "do_terminate") is not None)

    dialog.findChild(QPushButton, "do_suspend").click()
    form: ActionForm = dialog.findChild(ActionForm, "action_suspend")
    kind = form.findChild(QComboBox, "kind")
    kind.setCurrentIndex(kind.findData("deferral_overdue"))
    assert kind.currentText() == "中止办理：容缺材料逾期未补交"
    assert not form.findChild(QSpinBox, "expected_days").isEnabled()
    form.findChild(QPlainTextEdit, "reason").setPlainText("经电话催告仍未补交户口簿")
    with qtbot.waitSignal(dialog.case_changed, timeout=10_000):
        form.submit()
    qtbot.waitUntil(
        lambda: (
            dialog.findChild(QPushButton, "print_menu") is not None
            and "中止办理通知书"
            in [a.text() for a in dialog.findChild(QPushButton, "print_menu").menu().actions()]
        )
    )

    dialog.findChild(QPushButton, "do_terminate").click()
    form = dialog.findChild(ActionForm, "action_terminate")
    form.submit()  # no reason: refused at its field, the form stays open
    qtbot.waitUntil(lambda: form.errors["reason"].text() != "")
    form.findChild(QPlainTextEdit, "reason").setPlainText("中止办理后仍未补交")
    with qtbot.waitSignal(dialog.case_changed, timeout=10_000):
        form.submit()
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "do_terminate") is None)
    qtbot.waitUntil(
        lambda: (
            dialog.findChild(QPushButton, "print_menu") is not None
            and len(dialog.findChild(QPushButton, "print_menu").menu().actions()) == 4
        )
    )
    labels = [a.text() for a in dialog.findChild(QPushButton, "print_menu").menu().actions()]
    assert labels == ["受理回执", "容缺受理通知", "中止办理通知书", "终止办理通知书"]


def test_a_township_hands_a_case_over_and_the_county_hands_it_back(  # type: ignore[no-untyped-def]
    qtbot, sqlite_demo_ctx: AppContext
) -> None:
    """乡镇代收、县级审批 from the case window, in one database holding both sites."""
    from tests.helpers.township import PASSWORD, accept_here, add_township, county_item

    ctx = sqlite_demo_ctx
    add_township(ctx)
    town_clerk = login(ctx.uow(), "xzclerk", PASSWORD)
    number = accept_here(ctx, town_clerk, county_item(ctx))
    case_id = service_case_id(ctx, number)

    town = open_main(qtbot, ctx, "xzclerk", PASSWORD)
    town.open_case(case_id)
    dialog: CaseDialog = town.case_dialog
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "do_hand_over") is not None)
    dialog.findChild(QPushButton, "do_hand_over").click()
    form: ActionForm = dialog.findChild(ActionForm, "action_hand_over")
    form.findChild(QLineEdit, "note").setText("县水利局审批")
    with qtbot.waitSignal(dialog.case_changed, timeout=10_000):
        form.submit()
    qtbot.waitUntil(lambda: dialog.history.rowCount() == 2)
    assert dialog.history.item(1, 2).text() == "移交县级审批"
    # Now the county's: the township's window offers nothing more to do with it (the old
    # buttons go at the next turn of the event loop).
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "do_start") is None)
    assert dialog.findChild(QPushButton, "do_hand_over") is None

    county = open_main(qtbot, ctx, "zhangwei")
    county.open_case(case_id)
    there: CaseDialog = county.case_dialog
    qtbot.waitUntil(lambda: there.findChild(QPushButton, "do_decide") is not None)
    assert there.findChild(QPushButton, "do_hand_back") is None  # not before its decision
    detail = there.detail
    assert detail is not None
    service.decide_case(ctx.uow(), login(ctx.uow(), "zhangwei", "demo-2026"), case_id,
                        detail.case.row_version, "approved")  # fmt: skip
    there.load()
    qtbot.waitUntil(lambda: there.findChild(QPushButton, "do_hand_back") is not None)
    there.findChild(QPushButton, "do_hand_back").click()
    back: ActionForm = there.findChild(ActionForm, "action_hand_back")
    with qtbot.waitSignal(there.case_changed, timeout=10_000):
        back.submit()
    qtbot.waitUntil(lambda: there.findChild(QPushButton, "do_deliver") is None)
    assert there.history.item(there.history.rowCount() - 1, 2).text() == "退回受理中心送达"

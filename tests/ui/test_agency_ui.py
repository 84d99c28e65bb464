"""An agency case (全程代办) from the counter to delivery: accepted with the authorisation, the
receipt says so, the agent records steps at two departments and a contact, and delivers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton

from app.agency import service as agency
from app.cases import queries
from app.cases.lifecycle import CaseState
from app.context import AppContext
from app.printing import render
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.printing import compact, pdfium_text
from tests.ui.test_appointments_ui import open_main
from tests.ui.test_counter import choose_item, tick, type_applicant
from ui.agency.tab import AgencyTab, ContactForm, StepForm
from ui.cases.action_form import ActionForm
from ui.cases.dialog import CaseDialog
from ui.printing.preview import PrintPreviewDialog


def choose(combo: QComboBox, text: str) -> None:
    combo.setCurrentIndex(next(i for i in range(combo.count()) if text in combo.itemText(i)))


def test_agency_case_from_the_counter_to_delivery(qtbot, sqlite_demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_demo_ctx
    item = make_item(ctx)
    window = open_main(qtbot, ctx, "zhangwei")
    counter = window.page("counter")
    choose_item(qtbot, counter, item)
    type_applicant(qtbot, counter)
    tick(qtbot, counter, {0: Qt.Key.Key_1, 1: Qt.Key.Key_1, 2: Qt.Key.Key_3})
    panel = counter.checklist
    box = panel.agency
    assert not box.details.isVisible()
    box.check.setChecked(True)
    agent = box.fields["agent"]
    qtbot.waitUntil(lambda: agent.count() > 1)
    assert agent.currentText().startswith("张伟")  # the clerk, until someone else is named
    panel.accept_case()  # no scope, no authorisation paper: refused at the fields
    qtbot.waitUntil(lambda: box.errors["scope"].text() != "")
    assert box.errors["document_ref"].text() == "请填写委托书编号或存放位置"
    choose(agent, "陈静")
    choose(box.fields["reason"], "高龄老人")
    box.fields["scope"].setText("代为提交材料、到民政所和残联办理、送达结果")
    box.fields["document_ref"].setText("委托书 WT-2026-031")
    with qtbot.waitSignal(panel.accepted, timeout=10_000) as accepted:
        panel.accept_case()
    number = accepted.args[0].number
    assert not box.check.isChecked()  # the next visitor starts without it

    # The receipt names the agency and the agent.
    counter.print_main_document()
    preview = counter.preview
    assert isinstance(preview, PrintPreviewDialog)
    qtbot.waitUntil(lambda: preview.print_button.isEnabled(), timeout=30_000)
    pages = [compact(p) for p in pdfium_text(render(preview.document))]
    assert f"{number}（全程代办件）" in pages[0]
    assert "本件由本中心全程代办（服务对象：高龄老人），代办员：陈静" in pages[0]
    preview.close()

    # The agent opens the case from the list: marked as agency there too.
    agent_window = open_main(qtbot, ctx, "chenjing")
    agent_window.show_page("cases")
    cases = agent_window.page("cases")
    cases.mine.setChecked(False)
    qtbot.waitUntil(
        lambda: (
            cases.model.rowCount() == 1 and cases.model.index(0, 1).data() == f"{number}（代办）"
        )
    )
    case_id = cases.model.item_id(0)
    agent_window.open_case(case_id)
    dialog: CaseDialog = agent_window.case_dialog
    qtbot.waitUntil(lambda: dialog.detail is not None)
    dialog.tabs.setCurrentIndex(1)
    tab = dialog.findChild(AgencyTab, "agency_tab")
    qtbot.waitUntil(lambda: "代办员陈静" in tab.status.text())
    assert tab.take_on.isHidden() and tab.add_step.isVisible()

    for department, action, result in (
        ("乡民政所", "递交申请并核实家庭收入", "已核实，出具证明"),
        ("县残联", "办理残疾等级证明", "已取得证明"),
    ):
        tab.open_step()
        form = tab.form
        assert isinstance(form, StepForm)
        form.findChild(QLineEdit, "department").setText(department)
        form.findChild(QPlainTextEdit, "action").setPlainText(action)
        form.findChild(QPlainTextEdit, "result").setPlainText(result)
        rows = tab.steps.rowCount()
        with qtbot.waitSignal(dialog.case_changed, timeout=10_000):
            form.submit()
        qtbot.waitUntil(lambda r=rows: tab.steps.rowCount() == r + 1)
    assert [tab.steps.item(r, 1).text() for r in range(2)] == ["乡民政所", "县残联"]

    tab.open_contact()
    contact = tab.form
    assert isinstance(contact, ContactForm)
    contact.submit()  # what was said is required
    qtbot.waitUntil(lambda: contact.errors["summary"].text() != "")
    contact.findChild(QPlainTextEdit, "summary").setPlainText("电话告知：证明已办齐，下周办结")
    contact.submit()
    qtbot.waitUntil(lambda: tab.contacts.rowCount() == 1)
    assert tab.contacts.item(0, 1).text() == "电话"

    # The agent moves the case on and delivers the result; the agency records its last step.
    for action in ("decide", "deliver"):
        qtbot.waitUntil(lambda a=action: dialog.findChild(QPushButton, f"do_{a}") is not None)
        dialog.findChild(QPushButton, f"do_{action}").click()
        form = dialog.findChild(ActionForm, f"action_{action}")
        if action == "deliver":
            form.findChild(QLineEdit, "collected_by").setText("王𠇹")
            form.findChild(QLineEdit, "collector_id_number").setText(resident_id())
        with qtbot.waitSignal(dialog.case_changed, timeout=10_000):
            form.submit()
    qtbot.waitUntil(lambda: dialog.detail.case.state is CaseState.DELIVERED)
    qtbot.waitUntil(lambda: tab.steps.rowCount() == 3)
    assert tab.steps.item(2, 2).text() == "向申请人送达办理结果"
    assert not tab.add_step.isEnabled()
    case = queries.case_detail(ctx.uow(), window.actor, case_id).case
    assert case.collected_by == "王𠇹" and case.is_agency
    counts = agency.agency_counts(ctx.uow(), case.accepted_day, case.site_id)
    assert (counts.taken_on, counts.steps, counts.contacts, counts.delivered) == (1, 3, 1, 1)

"""The main window's part in first-inquiry work: the work list page, a visit's window, and
a visit that becomes an application at the counter (linked to what the counter issues)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.ops import run_op
from ui.visits.labels import tr

if TYPE_CHECKING:
    from ui.mainwindow.window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class FirstInquiryActions(_Base):
    """Mixed into ``MainWindow`` (the window stays one idea per file)."""

    pending_visit: Any = None

    def _worklist_page(self) -> QWidget:
        from ui.worklist.page import WorkListPage

        page = WorkListPage(self.ctx, self.actor)
        page.visit_opened.connect(self.open_visit)
        page.case_opened.connect(self.open_case)
        page.notice_opened.connect(self.open_notice)
        page.appointment_opened.connect(self.open_appointment)
        return page

    def open_appointment(self, number: str) -> None:
        """The 预约 page, on today's list, with this appointment selected."""
        page = self.page("appointments")
        page.open_number(number)  # type: ignore[attr-defined]
        self.show_page("appointments")

    def open_visit(self, visit_id: int) -> None:
        from ui.visits.dialog import VisitDialog

        dialog = VisitDialog(self.ctx, self.actor, visit_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.visit_changed.connect(lambda _id: self._reload_worklist())
        dialog.application_requested.connect(self.start_application)
        dialog.visit_answered.connect(self._offer_visit_rating)
        self.visit_dialog = dialog
        dialog.open()

    def _offer_visit_rating(self, visit: Any) -> None:
        """Answered at this counter with the citizen screen open: the visitor rates it there."""
        counter = self.built_page("counter")
        screen = getattr(counter, "citizen_screen", None) if counter is not None else None
        if screen is not None and shiboken6.isValid(screen):
            screen.ask_visit_rating(visit)

    def _reload_worklist(self) -> None:
        page = self.built_page("worklist")
        if page is not None:
            page.reload()  # type: ignore[attr-defined]

    def start_application(self, visit: object) -> None:
        """转为申请: the counter opens on the item the clerk picks, with the visitor's name,
        phone and ID filled in; what the counter then issues is linked to the visit."""
        from ui.visits.item_chooser import ItemChooser

        chooser = ItemChooser(self.ctx, self)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.item_chosen.connect(lambda version_id: self._open_counter_for(visit, version_id))
        self.item_chooser = chooser
        chooser.open()

    def _open_counter_for(self, visit: Any, version_id: int) -> None:
        from app.cases.records import ApplicantInput

        dialog = getattr(self, "visit_dialog", None)
        if dialog is not None and shiboken6.isValid(dialog):  # deleted once it closed
            dialog.accept()
        counter = self.page("counter")
        self.pending_visit = visit
        counter.checklist.applicant.set_value(  # type: ignore[attr-defined]
            ApplicantInput(name=visit.visitor_name, id_number=visit.id_number, phone=visit.phone)
        )
        counter.open_item(version_id)  # type: ignore[attr-defined]
        self.show_page("counter")
        self.statusBar().showMessage(tr("受理台已打开：办理后将关联来访 %s") % visit.number, 15_000)

    def _application_done(self, number: str) -> None:
        visit = getattr(self, "pending_visit", None)
        if visit is None:
            return
        from app.visits import service as visits
        from app.visits.records import OutcomeInput

        self.pending_visit = None
        outcome = OutcomeInput("application", document_number=number)
        run_op(
            self,
            lambda: visits.close_visit(self.ctx.uow(), self.actor, visit.id, outcome),
            lambda _record: self._application_linked(visit.number, number),
            self.show_error,
        )

    def _application_linked(self, visit_number: str, number: str) -> None:
        if not shiboken6.isValid(self):
            return
        self.statusBar().showMessage(
            tr("来访 %s 已办结：转为申请 %s") % (visit_number, number), 15_000
        )
        self.application_linked.emit(number)
        self._reload_worklist()

    def open_notice(self, notice_id: int) -> None:
        """A notice found by the work list's search: the counter takes up the return visit."""
        from app.notices import service as notices

        run_op(
            self,
            lambda: notices.get_notice(self.ctx.uow(), self.actor, notice_id),
            self._notice_ready,
            self.show_error,
        )

    def _notice_ready(self, notice: Any) -> None:
        if not shiboken6.isValid(self) or "counter" not in self.pages:
            return
        self.show_page("counter")
        self.page("counter").open_notice(notice)  # type: ignore[attr-defined]

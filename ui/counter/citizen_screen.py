"""顾客评价屏 (亮身份 / 亮承诺): the second window, turned toward the applicant.

It shows who serves at this window and what the hall promises, then the item being applied for,
its committed time limit and the checklist of materials as the clerk ticks it, and, once the
case is accepted, five large rating buttons. The applicant's click is stored through the rating
service (source "citizen_screen", rating the clerk logged in at this counter). Nothing about the
applicant is shown: others in the queue can see this screen too.

With a second monitor the window fills it; with one screen it is an ordinary separate window.
Big type and strong contrast: it is read from a metre away, often by older people.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import sites
from app.cases.service import AcceptResult
from app.context import AppContext
from app.errors import DomainError
from app.feedback import ratings
from app.feedback.records import RatingLevel, Subject, SubjectKind
from app.roles import Actor
from app.sites import Post
from ui.counter.checklist import CounterProgress
from ui.counter.labels import DEFERRED, MISSING, NOT_APPLICABLE, RECEIVED
from ui.feedback.labels import LEVEL_COLORS, level_text, tr
from ui.labels import role_label
from ui.ops import run_op

BACKGROUND = "#0b2545"
TEXT = "#ffffff"
ACCENT = "#ffd54f"
PANEL = "#13315c"
RATING_TIMEOUT_MS = 3 * 60 * 1000  # the applicant has left: the next one must not rate it
THANKS_MS = 8 * 1000
MATERIAL_COLORS = {
    RECEIVED: "#a5d6a7",
    DEFERRED: "#ffe082",
    MISSING: "#ef9a9a",
    NOT_APPLICABLE: "#b0bec5",
}


def _label(text: str = "", size: int = 24, bold: bool = False, color: str = TEXT) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    weight = "bold" if bold else "normal"
    label.setStyleSheet(f"color: {color}; font-size: {size}pt; font-weight: {weight};")
    return label


def material_line(name: str, state: str, optional: bool) -> str:
    marks = {
        RECEIVED: tr("√ 已收"),
        DEFERRED: tr("△ 容缺后补"),
        NOT_APPLICABLE: tr("－ 不需要"),
        MISSING: tr("选交") if optional else tr("× 未收"),
    }
    return f"{marks[state]}　{name}"


def other_screen(screens: Sequence[Any], own: Any | None) -> Any | None:
    """The screen turned toward the applicant: the first that is not the counter's own; None
    with a single screen."""
    if len(screens) < 2:
        return None
    own_name = own.name() if own is not None else None
    return next((s for s in screens if s.name() != own_name), None)


class CitizenScreen(QWidget):
    rated = Signal(object)  # RatingResult
    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        window_number: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("citizen_screen")
        self.ctx, self.actor = ctx, actor
        self.setWindowTitle(tr("顾客评价屏"))
        self.setStyleSheet(f"#citizen_screen {{ background: {BACKGROUND}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # The clerk keeps typing at the counter while this window opens and changes.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.subject: Subject | None = None
        self.busy = False
        self._states: list[str] = []  # the materials' states last shown

        self.site = _label("", 22, color=ACCENT)
        self.window_title = _label(tr("窗口"), 40, bold=True, color=ACCENT)
        self.window_title.setObjectName("screen_window")
        self.window_title.setAlignment(Qt.AlignmentFlag.AlignRight)
        header = QHBoxLayout()
        header.addWidget(self.site, 1)
        header.addWidget(self.window_title, 1)

        self.staff_name = _label(actor.name, 54, bold=True)
        self.staff_name.setObjectName("screen_staff")
        self.staff_post = _label("", 24)
        self.staff_post.setObjectName("screen_post")
        identity = QWidget()
        identity.setObjectName("identity")
        identity.setMinimumWidth(400)
        identity.setStyleSheet(f"#identity {{ background: {PANEL}; border-radius: 12px; }}")
        left = QVBoxLayout(identity)
        left.setContentsMargins(24, 24, 24, 24)
        left.addWidget(_label(tr("为您服务的工作人员"), 20, color=ACCENT))
        left.addWidget(self.staff_name)
        left.addWidget(self.staff_post)
        left.addSpacing(24)
        left.addWidget(_label(tr("我们的承诺"), 20, color=ACCENT))
        left.addWidget(_label(tr("首问负责　有问必答\n一次告知　不跑二趟\n限时办结　超时必究"), 22))
        left.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._idle_page())
        self.pages.addWidget(self._work_page())
        self.pages.addWidget(self._rating_page())
        self.pages.addWidget(self._thanks_page())

        body = QHBoxLayout()
        body.addWidget(identity, 2)
        body.addSpacing(24)
        body.addWidget(self.pages, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(header)
        layout.addLayout(body, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.show_idle)
        self.show_idle()
        run_op(
            self,
            lambda: sites.describe_post(ctx.uow(), actor, window_number),
            self._show_post,
        )

    # -- pages ---------------------------------------------------------------------------------
    def _idle_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        welcome = _label(tr("欢迎您！"), 54, bold=True)
        welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = _label(tr("请将申请材料交给工作人员，\n办理过程将显示在这里。"), 28)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(welcome)
        layout.addWidget(hint)
        layout.addStretch(2)
        return page

    def _work_page(self) -> QWidget:
        page = QWidget()
        self.item = _label("", 34, bold=True)
        self.item.setObjectName("screen_item")
        self.limit = _label("", 24, color=ACCENT)
        self.limit.setObjectName("screen_limit")
        self.materials = QListWidget()
        self.materials.setObjectName("screen_materials")
        self.materials.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.materials.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.materials.setStyleSheet(
            f"QListWidget {{ background: {BACKGROUND}; border: none; font-size: 24pt; }}"
            "QListWidget::item { padding: 6px; }"
        )
        self.tally = _label("", 24)
        self.tally.setObjectName("screen_tally")
        layout = QVBoxLayout(page)
        layout.addWidget(self.item)
        layout.addWidget(self.limit)
        layout.addWidget(_label(tr("申请材料"), 20, color=ACCENT))
        layout.addWidget(self.materials, 1)
        layout.addWidget(self.tally)
        return page

    def _rating_page(self) -> QWidget:
        page = QWidget()
        self.accepted_text = _label("", 26, bold=True)
        self.accepted_text.setObjectName("screen_accepted")
        self.comment = QLineEdit()
        self.comment.setObjectName("screen_comment")
        self.comment.setPlaceholderText(tr("意见建议（可不填）"))
        self.comment.setMaxLength(500)
        self.comment.setStyleSheet(
            "font-size: 22pt; padding: 8px; background: white; color: black;"
        )
        self.level_buttons: dict[RatingLevel, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(16)
        for i, level in enumerate(RatingLevel):
            button = QPushButton(level_text(level))
            button.setObjectName(f"rate_{level.value}")
            button.setMinimumHeight(120)
            fore, back = LEVEL_COLORS[level]
            button.setStyleSheet(
                f"QPushButton {{ font-size: 28pt; font-weight: bold; color: {fore}; "
                f"background: {back}; border-radius: 12px; padding: 12px; }}"
                "QPushButton:disabled { background: #555555; color: #bbbbbb; }"
            )
            button.clicked.connect(lambda _c=False, lv=level: self.rate(lv))
            grid.addWidget(button, *divmod(i, 3))  # best first: three above, two below
            self.level_buttons[level] = button
        self.rating_message = _label("", 20, color="#ffab91")
        self.rating_message.setObjectName("screen_rating_message")
        layout = QVBoxLayout(page)
        layout.addWidget(self.accepted_text)
        layout.addSpacing(12)
        layout.addWidget(_label(tr("请您对本次服务作出评价"), 34, bold=True, color=ACCENT))
        layout.addWidget(self.comment)
        layout.addLayout(grid)
        layout.addWidget(self.rating_message)
        layout.addStretch(1)
        return page

    def _thanks_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.thanks = _label(tr("感谢您的评价！"), 54, bold=True)
        self.thanks.setObjectName("screen_thanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_note = _label("", 26)
        self.thanks_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.thanks)
        layout.addWidget(self.thanks_note)
        layout.addStretch(2)
        return page

    # -- what the counter tells it -------------------------------------------------------------
    def _show_post(self, post: Post) -> None:
        if not shiboken6.isValid(self):
            return
        self.site.setText(post.site_name)
        if post.window_number:
            self.window_title.setText(
                tr("%s 号窗口") % post.window_number
                + (f"\n{post.window_name}" if post.window_name else "")
            )
        post_text = tr("岗位：%s") % role_label(self.actor.role)
        if post.window_name:
            post_text += "\n" + post.window_name
        self.staff_post.setText(post_text)

    def show_progress(self, progress: CounterProgress) -> None:
        """The checklist changed at the counter."""
        if not progress.item_name:
            # The counter clears after acceptance: the rating (or thanks) stays up.
            if self.pages.currentIndex() == 1:
                self.show_idle()
            return
        self.subject = None
        self.timer.stop()
        self.item.setText(progress.item_name)
        self.limit.setText(
            self._limit_text(progress.on_the_spot, progress.committed_days, progress.due)
        )
        states = [state for _name, state, _optional in progress.materials]
        pairs = enumerate(zip(states, self._states, strict=False))
        changed = next((i for i, (now, was) in pairs if now != was), None)
        self._states = states
        self.materials.clear()
        received = missing = 0
        for name, state, optional in progress.materials:
            item = QListWidgetItem(material_line(name, state, optional))
            color = MATERIAL_COLORS[NOT_APPLICABLE if optional and state == MISSING else state]
            item.setForeground(QBrush(QColor(color)))
            self.materials.addItem(item)
            received += state == RECEIVED
            missing += state == MISSING and not optional
        if changed is not None:  # keep the material just ticked in view on a long list
            self.materials.scrollToItem(self.materials.item(changed))
        tally = tr("已收 %s 项") % received
        if missing:
            tally += tr("，还缺 %s 项（将一次性书面告知您）") % missing
        else:
            tally += tr("，材料齐全")
        self.tally.setText(tally)
        self.pages.setCurrentIndex(1)

    @staticmethod
    def _limit_text(on_the_spot: bool, days: int, due: date | None) -> str:
        if on_the_spot:
            return tr("即办件：材料齐全当场办结")
        text = tr("承诺时限：%s 个工作日") % days
        if due is not None:
            text += tr("（今日受理，%s 前办结）") % f"{due:%Y-%m-%d}"
        return text

    def ask_rating(self, result: AcceptResult) -> None:
        """The case was accepted: offer the rating buttons for it."""
        due = result.deadline.due
        text = tr("您的申请已受理，办件编号 %s") % result.number
        if due is not None:
            text += "\n" + tr("承诺 %s 前办结") % f"{due:%Y-%m-%d}"
        self._offer(Subject.case(result.case_id), text)

    def ask_visit_rating(self, visit: Any) -> None:
        """A consultation was answered at this counter: offer the rating buttons for it."""
        self._offer(
            Subject(SubjectKind.VISIT, visit.id), tr("您咨询的事项已答复，登记号 %s") % visit.number
        )

    def _offer(self, subject: Subject, text: str) -> None:
        """The rating page for ``subject``, ``text`` saying what is rated."""
        self.subject = subject
        self.accepted_text.setText(text)
        self.comment.clear()
        self.rating_message.clear()
        self._enable_buttons(True)
        self.pages.setCurrentIndex(2)
        self.timer.start(RATING_TIMEOUT_MS)

    def rate(self, level: RatingLevel) -> None:
        if self.subject is None or self.busy:
            return
        subject, comment = self.subject, self.comment.text()
        ctx, actor = self.ctx, self.actor
        self.busy = True
        self._enable_buttons(False)
        run_op(
            self,
            lambda: ratings.rate_on_citizen_screen(ctx.uow(), actor, subject, level, comment),
            self._rated,
            self._refused,
        )

    def _rated(self, result: Any) -> None:
        self.busy = False
        self.subject = None
        self.thanks_note.setText(
            tr("我们会认真改进，工作人员将尽快与您联系。")
            if result.level.is_bad
            else tr("祝您生活愉快！")
        )
        self.pages.setCurrentIndex(3)
        self.timer.start(THANKS_MS)
        self.return_focus()
        self.rated.emit(result)

    def _refused(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, DomainError):
            self.rating_message.setText(tr("评价未能保存：%s") % exc.message)
            self._enable_buttons(True)
        else:
            raise exc

    def _enable_buttons(self, enabled: bool) -> None:
        for button in self.level_buttons.values():
            button.setEnabled(enabled)

    def show_idle(self) -> None:
        self.subject = None
        self.pages.setCurrentIndex(0)

    # -- where it shows ------------------------------------------------------------------------
    def show_on_second_screen(self, beside: QWidget | None = None) -> bool:
        """Full screen on a screen other than the counter's when there is one (True); else a
        separate ordinary window on the counter's screen, kept in front of the main window
        while the keyboard stays at the counter (False: the caller says so)."""
        own = beside.screen() if beside is not None else QGuiApplication.primaryScreen()
        target = other_screen(QGuiApplication.screens(), own)
        if target is None:
            area = own.availableGeometry() if own is not None else None
            if area is not None:  # the right half of the one screen, as far as it fits
                width = min(max(area.width() // 2, self.minimumSizeHint().width()), area.width())
                self.setGeometry(area.x() + area.width() - width, area.y(), width, area.height())
            else:
                self.resize(1280, 800)
            self.showNormal()
            self.return_focus()
            if QGuiApplication.platformName() != "offscreen":  # it has no stacking to change
                self.raise_()  # in front, but the keyboard stays with the counter
            return False
        self.setScreen(target)
        self.setGeometry(target.geometry())
        self.showFullScreen()
        self.return_focus()
        return True

    def return_focus(self) -> None:
        """Give the keyboard back to the counter (after opening, or after the applicant
        touched this screen)."""
        parent = self.parentWidget()
        if parent is not None:
            parent.window().activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        self.closed.emit()
        super().closeEvent(event)

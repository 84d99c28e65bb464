"""The login dialog at start, and the same form for unlocking an idle-locked session."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.roles import Actor
from ui.app_messages import translated
from ui.ops import run_op


class LoginDialog(QDialog):
    """Asks for login and password; ``authenticate`` runs off the GUI thread."""

    logged_in = Signal(object)

    def __init__(
        self,
        authenticate: Callable[[str, str], Actor],
        site_name: str = "",
        parent: QWidget | None = None,
        fixed_login: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录") if fixed_login is None else self.tr("屏幕已锁定"))
        self.title = title = QLabel(site_name or self.tr("政务服务窗口办件系统"))
        title.setObjectName("site_name")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 18pt; font-weight: bold; margin: 12px;")
        self.login_edit = QLineEdit(fixed_login or "")
        self.login_edit.setObjectName("login")
        self.login_edit.setReadOnly(fixed_login is not None)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.login_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登录") if fixed_login is None else self.tr("解锁"))
        buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        if fixed_login is not None:
            layout.addWidget(
                QLabel(self.tr("长时间无操作，屏幕已锁定。请输入密码继续，未保存的内容不会丢失。"))
            )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password_edit if fixed_login else self.login_edit).setFocus()
        self.setMinimumWidth(380)

    def submit(self) -> None:
        login, password = self.login_edit.text().strip(), self.password_edit.text()
        if not login or not password:
            self.message.setText(self.tr("请输入用户名和密码"))
            return
        self.ok_button.setEnabled(False)
        run_op(self, lambda: self._authenticate(login, password), self._succeeded, self._failed)

    def _succeeded(self, actor: Actor) -> None:
        self.actor = actor
        self.ok_button.setEnabled(True)
        self.logged_in.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.password_edit.clear()
        self.password_edit.setFocus()
        if isinstance(exc, DomainError):
            self.message.setText(translated(exc.message))
        else:
            self.message.setText(self.tr("无法登录：%s") % exc)

    def reject(self) -> None:
        # A lock dialog cannot be closed without the password.
        if self.login_edit.isReadOnly():
            return
        super().reject()

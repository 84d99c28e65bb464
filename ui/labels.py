"""Display names of domain values, translatable (the domain itself stays language-free)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.roles import Role


def role_label(role: Role) -> str:
    labels = {
        Role.CLERK: QCoreApplication.translate("labels", "窗口工作人员"),
        Role.SUPERVISOR: QCoreApplication.translate("labels", "中心负责人"),
        Role.ADMIN: QCoreApplication.translate("labels", "系统管理员"),
    }
    return labels[role]

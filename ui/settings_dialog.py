"""Settings: this PC's (QSettings) and the hall's (database, administrators only)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.context import AppContext
from app.errors import DomainError, ValidationError
from app.roles import Actor, Role
from ui.i18n import install_language
from ui.local_settings import LANGUAGES, LocalSettings
from ui.ops import run_op


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.setWindowTitle(self.tr("设置"))
        self.local = LocalSettings.load()
        tabs = QTabWidget()
        tabs.addTab(self._local_tab(), self.tr("本机"))
        tabs.addTab(self._hall_tab(), self.tr("全中心"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _local_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.window_spin = QSpinBox()
        self.window_spin.setRange(0, 999)
        self.window_spin.setSpecialValueText(self.tr("（按人员设置）"))
        self.window_spin.setValue(self.local.window_number or 0)
        self.printer_combo = QComboBox()
        self.printer_combo.setEditable(True)
        from PySide6.QtPrintSupport import QPrinterInfo  # only when the dialog opens

        self.printer_combo.addItems(["", *QPrinterInfo.availablePrinterNames()])
        self.printer_combo.setCurrentText(self.local.printer)
        self.language_combo = QComboBox()
        for code, label in LANGUAGES.items():
            self.language_combo.addItem(label, code)
        self.language_combo.setCurrentIndex(list(LANGUAGES).index(self.local.language))
        self.backup_edit = QLineEdit(self.local.backup_folder)
        self.backup_edit.setObjectName("backup_folder")
        self.backup_edit.setPlaceholderText(str(self.ctx.data_dir / "backups"))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._choose_backup_folder)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_edit, 1)
        backup_row.addWidget(browse)
        self.reader_edit = QLineEdit(self.local.reader_library)
        self.reader_edit.setObjectName("reader_library")
        self.reader_edit.setPlaceholderText(self.tr("不用读卡器时留空"))
        browse_reader = QPushButton(self.tr("选择…"))
        browse_reader.clicked.connect(self._choose_reader_library)
        reader_row = QHBoxLayout()
        reader_row.addWidget(self.reader_edit, 1)
        reader_row.addWidget(browse_reader)
        self.reader_port = QSpinBox()
        self.reader_port.setObjectName("reader_port")
        self.reader_port.setRange(1, 1016)
        self.reader_port.setValue(self.local.reader_port)
        self.reader_port.setToolTip(self.tr("USB读卡器为1001～1016，串口读卡器为1～16"))
        form.addRow(self.tr("本机窗口号"), self.window_spin)
        form.addRow(self.tr("每日自动备份到（可为U盘）"), backup_row)
        form.addRow(self.tr("打印机"), self.printer_combo)
        form.addRow(self.tr("界面语言"), self.language_combo)
        # Said as soon as another language is chosen, not only after saving.
        self.language_note = QLabel(self.tr("更改界面语言后须重新启动程序才能完全生效。"))
        self.language_note.setObjectName("language_note")
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet("color: #8a5a00;")
        self.language_note.hide()
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.language_note.setVisible(
                self.language_combo.currentData() != self.local.language
            )
        )
        form.addRow("", self.language_note)
        form.addRow(self.tr("身份证读卡器动态库"), reader_row)
        form.addRow(self.tr("读卡器端口"), self.reader_port)
        return page

    def _choose_reader_library(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择读卡器动态库"), "", self.tr("动态库 (*.dll *.so)")
        )
        if path:
            self.reader_edit.setText(path)

    def _choose_backup_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"))
        if folder:
            self.backup_edit.setText(folder)

    def _hall_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.hall_values: dict[str, object] = {}
        self.hall_edits: dict[str, QLineEdit] = {}
        self.hall_errors: dict[str, QLabel] = {}
        editable = self.actor.role is Role.ADMIN
        for key, spec in settings.SPECS.items():
            edit = QLineEdit()
            edit.setObjectName(f"setting_{key}")
            edit.setReadOnly(True)  # until the hall's values have been read
            edit.setEnabled(editable)  # greyed for others: shown, plainly not for editing
            error = QLabel()
            error.setStyleSheet("color: #b00020;")
            self.hall_edits[key] = edit
            self.hall_errors[key] = error
            form.addRow(spec.label, edit)
            form.addRow("", error)
        if not editable:
            form.addRow(QLabel(self.tr("全中心设置只有系统管理员可以修改。")))
        self.county_note = QLabel(
            self.tr("标灰的设置由县级中心统一规定，随县级数据包下发，本站点不能修改。")
        )
        self.county_note.setWordWrap(True)
        self.county_note.hide()
        form.addRow(self.county_note)
        run_op(
            self,
            lambda: (
                settings.get_all(self.ctx.uow()),
                settings.county_owned_here(self.ctx.uow()),
            ),
            self._hall_loaded,
        )
        return page

    def _hall_loaded(self, loaded: tuple[dict[str, object], frozenset[str]]) -> None:
        values, county_owned = loaded
        self.hall_values = values
        for key, edit in self.hall_edits.items():
            edit.setText(str(values[key]))
            edit.setReadOnly(self.actor.role is not Role.ADMIN or key in county_owned)
            if key in county_owned:
                edit.setEnabled(False)
                edit.setToolTip(self.tr("由县级中心统一规定"))
        self.county_note.setVisible(bool(county_owned))

    def save(self) -> None:
        for label in self.hall_errors.values():
            label.clear()
        changed = {
            k: e.text()
            for k, e in self.hall_edits.items()
            if k in self.hall_values and e.text() != str(self.hall_values[k])
        }
        if self.actor.role is not Role.ADMIN or not changed:
            self._save_local()
            return
        run_op(
            self,
            lambda: settings.change(self.ctx.uow(), self.actor, changed),
            lambda _none: self._save_local(),
            self._hall_refused,
        )

    def _hall_refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            for key, msg in exc.errors.items():
                if key in self.hall_errors:
                    self.hall_errors[key].setText(msg)
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message)
        else:
            raise exc

    def _save_local(self) -> None:
        language = self.language_combo.currentData()
        self.local.window_number = self.window_spin.value() or None
        self.local.printer = self.printer_combo.currentText()
        self.local.backup_folder = self.backup_edit.text().strip()
        self.local.reader_library = self.reader_edit.text().strip()
        self.local.reader_port = self.reader_port.value()
        changed_language = language != self.local.language
        self.local.language = language
        self.local.save()
        app = self.parent()
        if changed_language and app is not None:
            from PySide6.QtWidgets import QApplication

            install_language(QApplication.instance(), language)  # type: ignore[arg-type]
            # The dialog closes now: the note goes to the window, where it stays until read.
            note = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("界面语言"),
                self.tr("界面语言已保存，请重新启动程序，全部界面才会以新语言显示。"),
                QMessageBox.StandardButton.Ok,
                app if isinstance(app, QWidget) else None,
            )
            note.setObjectName("restart_note")
            note.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            note.open()
            self.restart_note = note
        self.accept()

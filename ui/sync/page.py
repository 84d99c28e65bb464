"""数据交换: carry records between a township and the county on a USB stick.

Export writes a bundle for the chosen site into a chosen folder or removable drive, with a
progress bar; import first shows what a bundle would add (nothing written), then imports it on
the user's word and shows what it did; the table below says, per site, what came in last and
what is outstanding. At the county, a panel names the townships that have sent nothing for the
set number of working days. Every rule is app/sync's (``SyncServices``) and app.reports.county's:
this page only asks and shows.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStorageInfo, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import hall_time
from app.context import AppContext
from app.errors import DomainError
from app.records import SiteLevel, SiteRecord
from app.reports.county import SilentTownship, silent_townships, viewable_sites
from app.roles import Actor
from app.sync.ports import RowCounts
from app.sync.records import ExportResult, ImportPreview, ImportResult, SiteSyncStatus
from ui.ops import run_aside, run_op
from ui.sync.ports import SyncServices

# Where removable drives are mounted on Linux desktops (udisks, older automounters, by hand).
REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/")


def removable_folders(
    volumes: Iterable[tuple[str, str, bool]], system_drive: str = ""
) -> list[tuple[str, str]]:
    """(label, root path) of the writable drives a USB stick shows up as, from (root path,
    name, read-only) of the mounted volumes: under /media, /run/media or /mnt on Linux; on
    Windows any drive letter but the system's."""
    found = []
    for root, name, read_only in volumes:
        if read_only or not root:
            continue
        path = root.replace("\\", "/")
        windows = len(path) >= 2 and path[1] == ":"
        if windows:
            if system_drive and path[:2].upper() == system_drive[:2].upper():
                continue
        elif not path.startswith(REMOVABLE_ROOTS):
            continue
        label = f"{name} ({root})" if name else root
        found.append((label, root))
    return found


def mounted_volumes() -> list[tuple[str, str, bool]]:
    return [
        (v.rootPath(), v.displayName(), v.isReadOnly())
        for v in QStorageInfo.mountedVolumes()
        if v.isValid() and v.isReady()
    ]


class _ProgressRelay(QObject):
    """Carries (step, of steps, what) from the worker thread to the bar (a queued signal)."""

    moved = Signal(int, int, str)


class SyncPage(QWidget):
    exported = Signal(object)  # ExportResult
    previewed = Signal(object)  # ImportPreview
    imported = Signal(object)  # ImportResult
    status_shown = Signal(object)  # the SiteSyncStatus rows

    def __init__(self, ctx: AppContext, actor: Actor, services: SyncServices) -> None:
        super().__init__()
        self.ctx, self.actor, self.services = ctx, actor, services
        self.preview: ImportPreview | None = None
        self.bundle_path: Path | None = None
        self.at_county: bool | None = None  # known once the actor's site has been read
        self.sites: list[SiteRecord] = []
        self.status_rows: list[SiteSyncStatus] | None = None

        # -- export ----------------------------------------------------------------------
        self.to_site = QComboBox()
        self.to_site.setObjectName("to_site")
        self.to_site.setMinimumContentsLength(14)
        to_label = QLabel(self.tr("发送给(&A)"))
        to_label.setBuddy(self.to_site)
        self.target = QComboBox()
        self.target.setObjectName("target")
        self.target.setMinimumContentsLength(24)
        target_label = QLabel(self.tr("保存到(&D)"))
        target_label.setBuddy(self.target)
        self.browse_button = QPushButton(self.tr("选择文件夹(&B)…"))
        self.browse_button.setObjectName("browse")
        self.browse_button.clicked.connect(self.choose_folder)
        self.export_button = QPushButton(self.tr("导出数据包(&X)"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export)
        self.export_bar = QProgressBar()
        self.export_bar.setObjectName("export_progress")
        self.export_bar.setTextVisible(True)
        self.export_bar.setValue(0)
        self.export_result = QLabel()
        self.export_result.setObjectName("export_result")
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        export_box = QGroupBox(self.tr("导出"))
        grid = QGridLayout(export_box)
        grid.addWidget(to_label, 0, 0)
        grid.addWidget(self.to_site, 0, 1)
        grid.addWidget(target_label, 1, 0)
        grid.addWidget(self.target, 1, 1)
        grid.addWidget(self.browse_button, 1, 2)
        grid.addWidget(self.export_button, 2, 0)
        grid.addWidget(self.export_bar, 2, 1, 1, 2)
        grid.addWidget(self.export_result, 3, 0, 1, 3)
        grid.setColumnStretch(1, 1)

        # -- import ----------------------------------------------------------------------
        self.open_button = QPushButton(self.tr("选择数据包(&O)…"))
        self.open_button.setObjectName("open_bundle")
        self.open_button.clicked.connect(self.choose_bundle)
        self.bundle_label = QLabel(self.tr("尚未选择数据包"))
        self.bundle_label.setObjectName("bundle_label")
        self.bundle_label.setWordWrap(True)
        self.preview_table = self._table(
            "preview", [self.tr("记录类别"), self.tr("新增"), self.tr("更新"), self.tr("已有")]
        )
        self.preview_note = QLabel()
        self.preview_note.setObjectName("preview_note")
        self.preview_note.setWordWrap(True)
        self.import_button = QPushButton(self.tr("确认导入(&M)"))
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_now)
        self.import_bar = QProgressBar()
        self.import_bar.setObjectName("import_progress")
        self.import_bar.setValue(0)
        self.import_result = QLabel()
        self.import_result.setObjectName("import_result")
        self.import_result.setWordWrap(True)
        import_box = QGroupBox(self.tr("导入"))
        box = QVBoxLayout(import_box)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.bundle_label, 1)
        box.addLayout(top)
        box.addWidget(self.preview_table, 1)
        box.addWidget(self.preview_note)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.import_bar, 1)
        box.addLayout(bottom)
        box.addWidget(self.import_result)

        # -- status ----------------------------------------------------------------------
        self.status_table = self._table(
            "sync_status",
            [
                self.tr("站点"),
                self.tr("名称"),
                self.tr("最后导入的数据包"),
                self.tr("导入时间"),
                self.tr("待办"),
            ],
        )
        self.refresh_button = QPushButton(self.tr("刷新(&R)"))
        self.refresh_button.setObjectName("refresh_status")
        self.refresh_button.clicked.connect(self.refresh)
        self.silent_box = QGroupBox(self.tr("未按时报送的乡镇"))
        self.silent_box.setObjectName("silent_box")
        self.silent_label = QLabel()
        self.silent_label.setObjectName("silent_townships")
        self.silent_label.setWordWrap(True)
        QVBoxLayout(self.silent_box).addWidget(self.silent_label)
        self.silent_box.hide()  # the county's only
        status_box = QGroupBox(self.tr("各站点报送情况"))
        status = QVBoxLayout(status_box)
        status.addWidget(self.status_table, 1)
        status.addWidget(self.silent_box)
        status.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.message = QLabel()
        self.message.setObjectName("sync_message")
        self.message.setWordWrap(True)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(export_box)
        left.addWidget(import_box, 1)
        columns.addLayout(left, 1)
        columns.addWidget(status_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        for first, second in (
            (self.to_site, self.target),
            (self.target, self.browse_button),
            (self.browse_button, self.export_button),
            (self.export_button, self.open_button),
            (self.open_button, self.preview_table),
            (self.preview_table, self.import_button),
            (self.import_button, self.status_table),
            (self.status_table, self.refresh_button),
        ):
            QWidget.setTabOrder(first, second)

        self._relays: list[_ProgressRelay] = []
        # Listing the mounted volumes can hang on a network drive that went away: off the GUI
        # thread and out of the pool, the drives join the list when found (a folder chosen
        # meanwhile stays).
        self._chosen: list[str] = []
        run_aside(
            self,
            mounted_volumes,
            lambda volumes: self.fill_targets(volumes, os.environ.get("SYSTEMDRIVE", "")),
            lambda _problem: None,  # no drive list: the clerk can still choose a folder
        )
        self.refresh()

    # -- export --------------------------------------------------------------------------
    def fill_targets(self, volumes: Iterable[tuple[str, str, bool]], system_drive: str) -> None:
        """The removable drives found, then any folder chosen before (still selected)."""
        current = self.target.currentData()
        self.target.clear()
        for label, root in removable_folders(volumes, system_drive):
            self.target.addItem(self.tr("U盘 %s") % label, root)
        for folder in self._chosen:
            if self.target.findData(folder) < 0:
                self.target.addItem(folder, folder)
        if current is not None and self.target.findData(current) >= 0:
            self.target.setCurrentIndex(self.target.findData(current))

    def add_folder(self, folder: str) -> None:
        if folder not in self._chosen:
            self._chosen.append(folder)
        found = self.target.findData(folder)
        if found < 0:
            self.target.addItem(folder, folder)
            found = self.target.count() - 1
        self.target.setCurrentIndex(found)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择保存数据包的文件夹或U盘"), self.target.currentData() or ""
        )
        if folder:
            self.add_folder(folder)

    def export(self) -> None:
        to_site = self.to_site.currentData()  # None: a township's county (app/sync's default)
        folder = self.target.currentData()
        if self.to_site.currentIndex() < 0:
            self._say(self.tr("请选择把数据包发送给哪个站点"))
            return
        if not folder:
            self._say(self.tr("请选择保存数据包的文件夹或U盘"))
            return
        name = f"frontdesk-{to_site or 'county'}-{stamp_of(self.ctx.clock.now())}.zip"
        out = Path(folder) / name
        self.export_button.setEnabled(False)
        self.export_bar.setRange(0, 0)  # busy until the first count arrives
        ctx, actor, services = self.ctx, self.actor, self.services
        relay = self._relay(self.export_bar)
        run_op(
            self,
            lambda: services.export_bundle(ctx.uow(), actor, out, to_site, relay.moved.emit),
            self._exported,
            self._export_failed,
        )

    def _exported(self, outcome: ExportResult) -> None:
        self.export_button.setEnabled(True)
        self.export_bar.setRange(0, 1)
        self.export_bar.setValue(1)
        self.export_bar.setFormat("%p%")
        counts = {k: n for k, n in outcome.counts.items() if kind_shown(k)}
        self.export_result.setText(
            self.tr("已导出第 %s 号数据包（发给 %s）：%s\n%s；审计记录 %s 条")
            % (
                outcome.sequence,
                outcome.to_site,
                outcome.path,
                self._counts(counts),
                outcome.audit_events,
            )
        )
        self.refresh()
        self.exported.emit(outcome)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.export_bar.setRange(0, 1)
        self.export_bar.setValue(0)
        self.export_bar.setFormat("%p%")
        self._failed(exc)

    # -- import --------------------------------------------------------------------------
    def choose_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择要导入的数据包"),
            self.target.currentData() or "",
            self.tr("数据包 (*.zip)"),
        )
        if path:
            self.load_preview(Path(path))

    def load_preview(self, path: Path) -> None:
        """Read and check the bundle, and show what it would add; nothing is written."""
        self.bundle_path = path
        self.preview = None
        self.import_button.setEnabled(False)
        self.preview_table.setRowCount(0)
        self.preview_note.setText("")
        self.import_result.setText("")
        self.bundle_label.setText(str(path))
        ctx, actor, services = self.ctx, self.actor, self.services
        run_op(
            self,
            lambda: services.preview_import(ctx.uow(), actor, path),
            self._previewed,
            self._failed,
            progress=self.tr("正在检查数据包…"),
        )

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self._fill_counts(self.preview_table, preview.counts)
        notes = [
            self.tr("来自 %s 的第 %s 号数据包（%s 制作）：新增 %s 条记录、%s 条审计记录")
            % (
                preview.from_site,
                preview.sequence,
                hall_time(preview.created_at).strftime("%Y-%m-%d %H:%M"),
                preview.new_rows,
                preview.audit_events_new,
            ),
        ]
        if preview.gap:
            notes.append(self.tr("注意：缺少此前的数据包 %s") % sequences(preview.gap))
        if preview.already_imported:
            notes.append(self.tr("这个数据包已经导入过，再次导入不会有任何改变"))
        elif not preview.new_rows and not any(c.updated for c in preview.counts.values()):
            notes.append(self.tr("没有新的记录"))
        self.preview_note.setText("\n".join(notes))
        self.import_button.setEnabled(not preview.already_imported)
        self.previewed.emit(preview)

    def import_now(self) -> None:
        path = self.bundle_path
        if path is None or self.preview is None:
            return
        self.import_button.setEnabled(False)
        self.import_bar.setRange(0, 0)
        ctx, actor, services = self.ctx, self.actor, self.services
        relay = self._relay(self.import_bar)
        run_op(
            self,
            lambda: services.import_bundle(ctx.uow(), actor, path, relay.moved.emit),
            self._imported,
            self._import_failed,
        )

    def _imported(self, outcome: ImportResult) -> None:
        self.import_bar.setRange(0, 1)
        self.import_bar.setValue(1)
        self.import_bar.setFormat("%p%")
        self.preview = None
        if outcome.already_imported:
            text = self.tr("%s 的第 %s 号数据包此前已导入，没有任何改变") % (
                outcome.from_site,
                outcome.sequence,
            )
        else:
            text = self.tr(
                "已导入 %s 的第 %s 号数据包：新增 %s 条、更新 %s 条记录，审计记录 %s 条"
            ) % (
                outcome.from_site,
                outcome.sequence,
                outcome.new_rows,
                outcome.updated_rows,
                outcome.audit_events_new,
            )
        if outcome.gap:
            text += "\n" + self.tr("注意：缺少此前的数据包 %s") % sequences(outcome.gap)
        self.import_result.setText(text)
        self.refresh()
        self.imported.emit(outcome)

    def _import_failed(self, exc: BaseException) -> None:
        self.import_bar.setRange(0, 1)
        self.import_bar.setValue(0)
        self.import_bar.setFormat("%p%")
        self.import_button.setEnabled(self.preview is not None)
        self._failed(exc)

    # -- status --------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx, actor, services = self.ctx, self.actor, self.services
        run_op(self, lambda: list(services.sync_status(ctx.uow(), actor)), self._show_status,
               self._failed)  # fmt: skip
        run_op(self, lambda: viewable_sites(ctx.uow(), actor), self._show_silent, self._failed)

    def _fill_addressees(self) -> None:
        """A township sends to its county (one entry: app/sync addresses it); the county to
        any of its townships, also those that have sent nothing yet."""
        if self.at_county is None or self.status_rows is None:
            return  # both answers are needed
        chosen = self.to_site.currentData()
        self.to_site.clear()
        if not self.at_county:
            county = self.status_rows[0].site_name if self.status_rows else ""
            self.to_site.addItem(county or self.tr("县级中心"), None)
            return
        names = {s.code: s.name for s in self.sites[1:] if s.level is SiteLevel.TOWNSHIP}
        names.update({r.site_code: r.site_name for r in self.status_rows})
        for code in sorted(names):
            self.to_site.addItem(f"{code} {names[code]}", code)
        if chosen is not None and self.to_site.findData(chosen) >= 0:
            self.to_site.setCurrentIndex(self.to_site.findData(chosen))

    def _show_status(self, rows: Sequence[SiteSyncStatus]) -> None:
        self.status_rows = list(rows)
        self._fill_addressees()
        self.status_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            at = row.last_imported_at
            when = hall_time(at).strftime("%Y-%m-%d %H:%M") if at else "—"
            values = [
                row.site_code,
                row.site_name,
                f"#{row.last_imported_seq}" if row.last_imported_seq else self.tr("尚无"),
                when,
                self._outstanding(row),
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)  # the outstanding column is often wider than the page
                self.status_table.setItem(r, c, cell)
        self.status_shown.emit(rows)

    def _show_silent(self, sites: list[SiteRecord]) -> None:
        self.sites = sites
        self.at_county = bool(sites) and sites[0].level is SiteLevel.COUNTY
        self._fill_addressees()
        if not self.at_county:
            self.silent_box.hide()
            return
        ctx, actor = self.ctx, self.actor
        run_op(self, lambda: silent_townships(ctx.uow(), actor), self._silent, self._failed)

    def _silent(self, silent: list[SilentTownship]) -> None:
        self.silent_box.show()
        if not silent:
            townships = any(s.level is SiteLevel.TOWNSHIP for s in self.sites)
            self.silent_label.setText(
                self.tr("各乡镇均已按时报送")
                if townships
                else self.tr("本县尚未登记乡镇（frontdesk site add）")
            )
            return
        lines = []
        for s in silent:
            if s.last_bundle_at is None:
                lines.append(self.tr("%s %s：从未报送") % (s.code, s.name))
            else:
                lines.append(
                    self.tr("%s %s：已 %s 个工作日未报送（最后一次 %s）")
                    % (
                        s.code,
                        s.name,
                        s.working_days,
                        hall_time(s.last_bundle_at).strftime("%Y-%m-%d"),
                    )
                )
        self.silent_label.setText("\n".join(lines))

    def _outstanding(self, row: SiteSyncStatus) -> str:
        parts = []
        if row.last_sent_seq:
            parts.append(
                self.tr("已发出 #%s，对方已确认 #%s") % (row.last_sent_seq, row.acknowledged_seq)
            )
        if row.outstanding:
            parts.append(self.tr("%s 个待确认") % row.outstanding)
        if row.gaps:
            parts.append(self.tr("缺 %s") % sequences(row.gaps))
        return "；".join(parts) if parts else "—"

    # -- helpers -------------------------------------------------------------------------
    def _relay(self, bar: QProgressBar) -> _ProgressRelay:
        relay = _ProgressRelay(self)

        def moved(done: int, total: int, what: str) -> None:
            bar.setRange(0, max(total, 1))
            bar.setValue(min(done, max(total, 1)))
            bar.setFormat(f"{step_labels().get(what, what)} %p%")

        relay.moved.connect(moved)
        self._relays = [*self._relays[-3:], relay]
        return relay

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table: the keyboard walks the page
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _fill_counts(self, table: QTableWidget, counts: Mapping[str, RowCounts]) -> None:
        shown = sorted((k, c) for k, c in counts.items() if kind_shown(k) and c.total)
        table.setRowCount(len(shown))
        for r, (kind, c) in enumerate(shown):
            table.setItem(r, 0, QTableWidgetItem(kind_label(kind)))
            for column, n in enumerate((c.new, c.updated, c.present), start=1):
                cell = QTableWidgetItem(str(n))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, column, cell)

    def _counts(self, counts: Mapping[str, int]) -> str:
        parts = [f"{kind_label(kind)} {n}" for kind, n in sorted(counts.items()) if n]
        return "、".join(parts) if parts else self.tr("没有新的记录")

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError | OSError):
            raise exc
        text = exc.message if isinstance(exc, DomainError) else str(exc)
        self._say(text)
        QMessageBox.warning(self, self.tr("数据交换"), text)


def tr(text: str) -> str:
    # lupdate files calls of a bare tr() under the empty context.
    return QCoreApplication.translate("", text)


def kind_labels() -> dict[str, str]:
    """What the bundle's files hold, as the page names them (others by their table name)."""
    return {
        "case_file": tr("办件"),
        "case_event": tr("办件记录"),
        "case_material": tr("办件材料"),
        "notice": tr("一次性告知单"),
        "notice_material": tr("告知单材料"),
        "extra_demand": tr("告知外补充"),
        "refusal": tr("不予受理"),
        "visit": tr("来访"),
        "referral": tr("转办"),
        "appointment": tr("预约"),
        "agency_case": tr("代办"),
        "rating": tr("评价"),
        "complaint": tr("投诉"),
        "accountability_record": tr("责任追究"),
    }


def step_labels() -> dict[str, str]:
    """The steps app/sync reports while it works."""
    return {
        "collecting": tr("收集记录"),
        "writing": tr("写入数据包"),
        "checking": tr("检查数据包"),
        "reading": tr("读取"),
        "applying": tr("导入记录"),
        "recording": tr("登记"),
        "done": tr("完成"),
    }


def kind_shown(kind: str) -> bool:
    """The reference rows (``ref_*``: sites, staff, windows named by the records) are not
    records of their own; the audit events are counted apart."""
    return not kind.startswith("ref_") and kind != "audit_event"


def kind_label(kind: str) -> str:
    return kind_labels().get(kind, kind)


def sequences(seqs: Iterable[int]) -> str:
    return "、".join(f"#{n}" for n in seqs)


def stamp_of(at: datetime) -> str:
    """A bundle file's time in its name: hall time to the second."""
    return hall_time(at).strftime("%Y%m%d-%H%M%S")

"""The 数据交换 page on a fake of app/sync's services: export with a progress bar into a chosen
folder, import after a preview, the status per site, the county's silent townships; keyboard
only at 1024x768."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.auth import login
from app.context import AppContext
from app.errors import DomainError
from app.roles import Actor
from app.sync.ports import RowCounts
from app.sync.records import ExportResult, ImportPreview, ImportResult, Progress, SiteSyncStatus
from tests.helpers.township import add_township, township_actor
from ui.sync.page import SyncPage, removable_folders


@dataclass
class FakeSync:
    """app/sync as the page sees it: records what it was asked."""

    imported: list[Path] = field(default_factory=list)
    exported_to: list[str | None] = field(default_factory=list)
    refuse_preview: str = ""
    seen: set[Path] = field(default_factory=set)

    def export_bundle(
        self,
        uow: Any,
        actor: Any,
        out_path: Path | str,
        to_site: str | None = None,
        progress: Progress | None = None,
    ) -> ExportResult:
        for step, what in enumerate(("collecting", "writing", "done")):
            if progress is not None:
                progress(step + 1, 3, what)
        out = Path(out_path)
        out.write_bytes(b"PK fake bundle")
        self.exported_to.append(to_site)
        counts = {"case_file": 12, "case_event": 30, "notice": 0, "ref_site": 2, "audit_event": 40}
        return ExportResult(out, "down", "QH", to_site or "", 7, "abc", counts, 40)

    def preview_import(self, uow: Any, actor: Any, path: Path | str) -> ImportPreview:
        if self.refuse_preview:
            raise DomainError(self.refuse_preview)
        return ImportPreview(
            path=Path(path),
            kind="up",
            from_site="XZ",
            to_site="QH",
            sequence=4,
            bundle_id="def",
            created_at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
            counts={
                "case_file": RowCounts(new=5),
                "case_event": RowCounts(new=9, updated=1, present=3),
                "ref_staff": RowCounts(present=2),
            },
            audit_events_new=17,
            gap=(3,),
            already_imported=Path(path) in self.seen,
        )

    def import_bundle(
        self, uow: Any, actor: Any, path: Path | str, progress: Progress | None = None
    ) -> ImportResult:
        if progress is not None:
            progress(4, 4, "done")
        self.imported.append(Path(path))
        self.seen.add(Path(path))
        counts = {"case_file": RowCounts(new=5), "case_event": RowCounts(new=9, updated=1)}
        return ImportResult(Path(path), "up", "XZ", "QH", 4, "def", counts, 17, (3,))

    def sync_status(self, uow: Any, actor: Any) -> list[SiteSyncStatus]:
        last = datetime(2026, 11, 23, 8, 0, tzinfo=UTC) if self.imported else None
        seq = 4 if self.imported else 0
        return [
            SiteSyncStatus("DW", "东王镇便民服务中心", 0, None, None, 2, 1, 0, ()),
            SiteSyncStatus("XZ", "新庄镇便民服务中心", seq, last, None, 0, 0, 0, (3,)),
        ]


@pytest.fixture
def county(sqlite_demo_ctx: AppContext) -> AppContext:
    add_township(sqlite_demo_ctx)
    add_township(sqlite_demo_ctx, code="DW", name="东王镇便民服务中心", clerk="dwclerk")
    return sqlite_demo_ctx


def open_page(qtbot, ctx: AppContext, fake: FakeSync, actor: Actor | None = None) -> SyncPage:  # type: ignore[no-untyped-def]
    page = SyncPage(ctx, actor or login(ctx.uow(), "sunli", "demo-2026"), fake)
    qtbot.addWidget(page)
    page.resize(1024 - 160, 768 - 120)  # the main window's work area beside the page list
    page.show()
    qtbot.waitUntil(lambda: page.status_table.rowCount() == 2, timeout=10_000)
    return page


def test_removable_drives_only() -> None:
    volumes = [
        ("/", "", False),
        ("/media/clerk/STICK", "STICK", False),
        ("/run/media/clerk/CDROM", "CDROM", True),
        ("/mnt/usb", "", False),
        ("/home", "home", False),
    ]
    assert removable_folders(volumes) == [
        ("STICK (/media/clerk/STICK)", "/media/clerk/STICK"),
        ("/mnt/usb", "/mnt/usb"),
    ]
    windows = [("C:/", "系统", False), ("E:/", "U盘", False)]
    assert removable_folders(windows, "C:") == [("U盘 (E:/)", "E:/")]


def test_a_drive_list_that_hangs_holds_no_pool_thread(  # type: ignore[no-untyped-def]
    qtbot, county: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network drive gone away hangs the system's drive list: the page's other reads still
    run, the pool is free, and the drives join the list once the answer comes."""
    release = threading.Event()

    def hung() -> list[tuple[str, str, bool]]:
        release.wait(30)
        return [("/media/clerk/STICK", "STICK", False)]

    monkeypatch.setattr("ui.sync.page.mounted_volumes", hung)
    page = open_page(qtbot, county, FakeSync())  # the status read went through meanwhile
    assert QThreadPool.globalInstance().waitForDone(10_000)  # nothing of the page's left there
    assert page.target.findData("/media/clerk/STICK") < 0
    release.set()
    qtbot.waitUntil(lambda: page.target.findData("/media/clerk/STICK") >= 0, timeout=10_000)


def test_export_import_and_status(qtbot, county: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fake = FakeSync()
    page = open_page(qtbot, county, fake)
    qtbot.waitUntil(lambda: page.to_site.count() == 2, timeout=10_000)
    assert page.to_site.currentData() == "DW"
    assert page.status_table.item(0, 2).text() == "尚无"
    assert page.status_table.item(0, 4).text() == "已发出 #2，对方已确认 #1；1 个待确认"
    assert page.status_table.item(1, 4).text() == "缺 #3"
    page.fill_targets([("/media/clerk/STICK", "STICK", False)], "")
    assert page.target.currentData() == "/media/clerk/STICK"
    page.add_folder(str(tmp_path))
    page.to_site.setCurrentIndex(page.to_site.findData("XZ"))
    with qtbot.waitSignal(page.exported, timeout=10_000) as sent:
        page.export_button.click()
    out = sent.args[0].path
    assert fake.exported_to == ["XZ"]
    assert out.parent == tmp_path and out.name.startswith("frontdesk-XZ-") and out.exists()
    qtbot.waitUntil(lambda: page.export_bar.value() == page.export_bar.maximum() > 0)
    text = page.export_result.text()
    assert "第 7 号数据包" in text and str(out) in text
    assert "办件记录 30、办件 12；审计记录 40 条" in text and "告知单" not in text
    assert page.to_site.currentData() == "XZ"  # kept across the refresh

    with qtbot.waitSignal(page.previewed, timeout=10_000):
        page.load_preview(out)
    assert page.preview_table.rowCount() == 2  # the reference rows are not records
    assert [page.preview_table.item(0, c).text() for c in range(4)] == ["办件记录", "9", "1", "3"]
    assert "新增 14 条记录、17 条审计记录" in page.preview_note.text()
    assert "缺少此前的数据包 #3" in page.preview_note.text()
    assert page.import_button.isEnabled() and fake.imported == []  # nothing before the word
    with qtbot.waitSignal(page.imported, timeout=10_000):
        page.import_button.click()
    assert fake.imported == [out]
    assert page.import_result.text() == (
        "已导入 XZ 的第 4 号数据包：新增 14 条、更新 1 条记录，审计记录 17 条\n"
        "注意：缺少此前的数据包 #3"
    )
    assert not page.import_button.isEnabled()
    qtbot.waitUntil(lambda: page.status_table.item(1, 2).text() == "#4", timeout=10_000)

    # The same bundle again: the preview says so and the import stays off.
    with qtbot.waitSignal(page.previewed, timeout=10_000):
        page.load_preview(out)
    assert "已经导入过" in page.preview_note.text() and not page.import_button.isEnabled()


def test_a_refused_bundle_is_named_in_one_line(
    qtbot, county: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    fake = FakeSync(refuse_preview="数据包签名与内容不符（签名后被改动过），未导入任何记录")
    page = open_page(qtbot, county, fake)
    page.load_preview(tmp_path / "bad.zip")
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [fake.refuse_preview] and page.message.text() == fake.refuse_preview
    assert not page.import_button.isEnabled() and page.preview_table.rowCount() == 0


def test_the_county_sees_its_silent_townships(qtbot, county: AppContext) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, county, FakeSync())
    qtbot.waitUntil(lambda: page.silent_box.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: "从未报送" in page.silent_label.text(), timeout=10_000)
    assert "XZ 新庄镇便民服务中心" in page.silent_label.text()
    assert "DW 东王镇便民服务中心" in page.silent_label.text()


def test_a_township_has_no_silent_panel(qtbot, county: AppContext) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, county, FakeSync(), township_actor(county, "xzclerkboss"))
    qtbot.waitUntil(lambda: page.at_county is not None, timeout=10_000)
    assert page.at_county is False and not page.silent_box.isVisible()
    # A township sends to its county: one addressee, app/sync's default.
    assert page.to_site.count() == 1 and page.to_site.currentData() is None
    county_page = open_page(qtbot, county, FakeSync())
    qtbot.waitUntil(lambda: county_page.at_county is not None, timeout=10_000)
    assert county_page.at_county is True


def focus_chain(page: QWidget, start: QWidget, steps: int) -> list[str]:
    start.setFocus()
    names = []
    for _ in range(steps):
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        names.append(focused.objectName() if focused else "")
        page.focusNextChild()
    return names


def test_keyboard_alone(qtbot, county: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, county, FakeSync())
    page.activateWindow()
    qtbot.waitUntil(lambda: page.isActiveWindow(), timeout=5_000)
    page.add_folder(str(tmp_path))
    chain = focus_chain(page, page.to_site, 8)
    assert chain[:8] == [
        "to_site",
        "target",
        "browse",
        "export",
        "open_bundle",
        "preview",
        "sync_status",  # 确认导入 is off until a bundle is previewed: Tab passes it by
        "refresh_status",
    ]
    # Mnemonics (none the menu bar's F, V, S, T, H): Alt+A to the addressee, Alt+D to the
    # folder, Alt+X exports.
    qtbot.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.target
    qtbot.keyClick(page, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.to_site
    with qtbot.waitSignal(page.exported, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)


def test_in_the_main_window_on_app_sync(qtbot, county: AppContext) -> None:  # type: ignore[no-untyped-def]
    """The page as the main window builds it, on app/sync's own services: the county's
    townships to send to, and its mnemonics clear of the menu bar's."""
    from tests.helpers.mainwindow import open_main

    window = open_main(qtbot, county, "sunli")
    window.activateWindow()
    window.show_page("sync")
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.to_site.count() == 2, timeout=10_000)
    assert [page.to_site.itemData(i) for i in range(2)] == ["DW", "XZ"]
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5_000)
    page.browse_button.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.to_site


def test_a_refused_export_leaves_the_page_ready(
    qtbot, county: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))

    class Refusing(FakeSync):
        def export_bundle(
            self,
            uow: Any,
            actor: Any,
            out_path: Path | str,
            to_site: str | None = None,
            progress: Progress | None = None,
        ) -> ExportResult:
            if progress is not None:
                progress(1, 3, "writing")
            raise DomainError("本机没有 XZ 的公钥：请先导入其公钥")

    page = open_page(qtbot, county, Refusing())
    qtbot.waitUntil(lambda: page.to_site.count() == 2, timeout=10_000)
    usb = tmp_path / "usb"
    usb.mkdir()
    page.add_folder(str(usb))
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert page.message.text() == "本机没有 XZ 的公钥：请先导入其公钥"
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=10_000)
    assert page.export_bar.value() == 0 and page.export_bar.format() == "%p%"
    assert list(usb.iterdir()) == []  # nothing half-written left on the stick

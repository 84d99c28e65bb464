"""The main window's size and place on this PC: as the clerk left it, else as large as the
screen allows up to the size the screens were drawn for (a 1024×768 screen gets all of it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QWidget

from ui.local_settings import load_window_geometry, save_window_geometry

NAME = "main"
PREFERRED = (1180, 760)
FRAME = (16, 40)  # a usual window frame: borders left and right; title bar and bottom border


def place_window(window: QWidget) -> None:
    """Before the first show: the saved geometry (kept on the screen it was on, or moved onto
    one that is still there), or the preferred size where the screen has room for it with the
    window's frame, else maximized (a 1024×768 counter PC)."""
    saved = load_window_geometry(NAME)
    if saved is not None and window.restoreGeometry(saved):
        return
    width, height = PREFERRED
    screen = window.screen()
    if screen is None:
        window.resize(width, height)
        return
    room = screen.availableGeometry()
    fits = width + FRAME[0] <= room.width() and height + FRAME[1] <= room.height()
    # The frame is not known before the first show: keep room for a usual one.
    width = min(width, room.width() - FRAME[0])
    height = min(height, room.height() - FRAME[1])
    window.setGeometry(
        room.left() + (room.width() - width) // 2,
        room.top() + max(FRAME[1] - FRAME[0] // 2, (room.height() - height) // 2),
        width,
        height,
    )
    if not fits:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def keep_placement(window: QWidget) -> None:
    """On close: the size and place (maximized or not) for the next start on this PC."""
    save_window_geometry(NAME, window.saveGeometry())


def fit_header_texts(page: QWidget) -> None:
    """Widen any column narrower than its own header text (English headers are longer than
    the Chinese the widths were chosen for); columns that size themselves are left alone."""
    for header in page.findChildren(QHeaderView):
        if header.orientation() is not Qt.Orientation.Horizontal:
            continue
        for column in range(header.count()):
            mode = header.sectionResizeMode(column)
            if mode is not QHeaderView.ResizeMode.Interactive:
                continue
            wanted = header.sectionSizeHint(column)
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)

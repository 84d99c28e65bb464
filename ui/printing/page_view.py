"""The preview's pages, one under the other, at a zoom: "fit the width" at open, then steps.

The pages come as images at some resolution; 100 % is the paper's real size on a 96 dpi screen.
Zooming only scales the images already made (cheap, on the GUI thread); the preview renders
sharper ones off the GUI thread when the clerk zooms past the resolution it has
(``needs_dpi``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

SCREEN_DPI = 96
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
_EPSILON = 0.005


class PageView(QScrollArea):
    zoom_changed = Signal(float)  # the new zoom (1.0 = the paper's size)
    needs_dpi = Signal(float)  # the zoom shows more detail than the images have

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview_scroll")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Up/Down scroll
        # Always there, so fitting the width never makes a bar appear that changes the width.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setWidgetResizable(True)
        self.page_box = QWidget()
        self.page_box.setObjectName("preview_pages")
        self.page_layout = QVBoxLayout(self.page_box)
        self.page_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.page_box)
        self.images: list[QImage] = []
        self.dpi = float(SCREEN_DPI)
        self.zoom = 1.0
        self.fitting = True  # the zoom follows the window's width

    # -- pages ---------------------------------------------------------------------------------
    def set_pages(self, images: list[QImage], dpi: float) -> None:
        """Show ``images`` (rendered at ``dpi``), keeping the zoom (or the fit)."""
        self.images, self.dpi = images, dpi
        while self.page_layout.count() > len(images):
            item = self.page_layout.takeAt(self.page_layout.count() - 1)
            old = item.widget() if item is not None else None
            if old is not None:
                old.setParent(None)  # gone now, not at the next turn of the event loop
                old.deleteLater()
        while self.page_layout.count() < len(images):
            label = QLabel()
            label.setFrameShape(QLabel.Shape.Box)
            self.page_layout.addWidget(label)
        self._apply(self.fit_zoom() if self.fitting else self.zoom)

    def clear(self) -> None:
        self.images = []
        for label in self.labels():
            label.clear()

    def labels(self) -> list[QLabel]:
        items = (self.page_layout.itemAt(i) for i in range(self.page_layout.count()))
        return [w for i in items if i is not None and isinstance(w := i.widget(), QLabel)]

    # -- zoom ----------------------------------------------------------------------------------
    def fit_zoom(self) -> float:
        """The zoom at which the widest page fills the visible width."""
        if not self.images:
            return self.zoom
        paper = max(image.width() for image in self.images) * SCREEN_DPI / self.dpi
        margins = self.page_layout.contentsMargins()
        room = self.viewport().width() - margins.left() - margins.right() - 2  # the page's box
        return max(ZOOM_STEPS[0], room / paper)

    def fit_width(self) -> None:
        self.fitting = True
        self._apply(self.fit_zoom())

    def zoom_in(self) -> None:
        bigger = [z for z in ZOOM_STEPS if z > self.zoom + _EPSILON]
        self._set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])

    def zoom_out(self) -> None:
        smaller = [z for z in ZOOM_STEPS if z < self.zoom - _EPSILON]
        self._set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def _set_zoom(self, zoom: float) -> None:
        self.fitting = False
        self._apply(zoom)

    def _apply(self, zoom: float) -> None:
        self.zoom = zoom
        for label, image in zip(self.labels(), self.images, strict=False):
            width = round(image.width() * SCREEN_DPI / self.dpi * zoom)
            scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(QPixmap.fromImage(scaled))
        self.zoom_changed.emit(zoom)
        if self.images and zoom * SCREEN_DPI > self.dpi + 1:
            self.needs_dpi.emit(zoom * SCREEN_DPI)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting and self.images:
            self._apply(self.fit_zoom())

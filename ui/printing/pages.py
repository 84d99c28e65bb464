"""PDF pages as images, for the preview and for the printer (PySide6 here has no QtPdf).

PDFium (through pypdfium2) does the rasterizing. It is not thread-safe, so one page is rendered
at a time; the work runs in ``ui.ops.run_op``'s pool, never on the GUI thread. ``QImage`` (unlike
``QPixmap``) may be made off the GUI thread.
"""

from __future__ import annotations

import threading

from PySide6.QtGui import QImage

_pdfium_lock = threading.Lock()


def rasterize(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of ``pdf`` as a grayscale image at ``dpi`` (the documents are black and
    grey only; a quarter of the memory of RGBA matters at printer resolution)."""
    import pypdfium2 as pdfium

    images = []
    with _pdfium_lock:
        document = pdfium.PdfDocument(pdf)
        try:
            for page in document:
                bitmap = page.render(scale=dpi / 72, grayscale=True, optimize_mode="print")
                pixels = bytes(bitmap.buffer)  # must outlive the QImage that wraps it
                image = QImage(
                    pixels,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_Grayscale8,
                )
                image.setDotsPerMeterX(round(dpi / 0.0254))
                image.setDotsPerMeterY(round(dpi / 0.0254))
                images.append(image.copy())  # own the pixels: the buffer goes with the bitmap
                page.close()
        finally:
            document.close()
    return images

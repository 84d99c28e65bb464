"""Print preview and printing of the documents made by ``app.printing``."""

from ui.printing.preview import PrintPreviewDialog, open_print_preview

__all__ = ["PrintPreviewDialog", "open_print_preview"]

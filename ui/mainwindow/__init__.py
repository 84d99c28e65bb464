"""The main window: navigation, work area, status bar, menus."""

from ui.mainwindow.window import MainWindow

__all__ = ["MainWindow"]

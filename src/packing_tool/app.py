"""Composition root: choose the share, build storage objects, start the window."""

from __future__ import annotations

import sys

from packing_tool.storage.paths import resolve_root


def run_app(root: str | None) -> int:
    from PySide6.QtWidgets import QApplication

    from packing_tool.ui.overview_window import OverviewWindow

    choice = resolve_root(root)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Packing Tool")
    window = OverviewWindow(choice)
    window.show()
    return int(app.exec())

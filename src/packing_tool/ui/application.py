"""The Qt application object and the first window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from packing_tool.storage.paths import RootChoice
from packing_tool.ui.overview_window import OverviewWindow


def run(choice: RootChoice) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Packing Tool")
    window = OverviewWindow(choice)
    window.show()
    return int(app.exec())

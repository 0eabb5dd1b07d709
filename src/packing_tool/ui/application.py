"""The Qt application object and the first window."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from packing_tool.storage.paths import RootChoice
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.themes import DEFAULT_THEME, THEMES, apply_theme

THEME_ENV = "PACKING_TOOL_THEME"  # "light" or "dark"; a settings screen can come later


def run(choice: RootChoice) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Packing Tool")
    theme = os.environ.get(THEME_ENV, DEFAULT_THEME)
    apply_theme(app, theme if theme in THEMES else DEFAULT_THEME)
    runner = TaskRunner(app)  # the one background runner for share I/O
    window = MainWindow(choice, runner)
    window.show()
    try:
        return int(app.exec())
    finally:
        runner.shutdown(timeout=2.0)  # a hung share read must not keep the app open

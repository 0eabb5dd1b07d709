"""The Qt application object, logging and the main window."""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from packing_tool import __version__
from packing_tool.storage import logging_setup
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.lock_info import set_station_name
from packing_tool.storage.paths import RootChoice, local_data_dir, resources_dir
from packing_tool.storage.settings import StationSettings
from packing_tool.ui import language
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.themes import DEFAULT_THEME, THEMES, apply_theme


def run(choice: RootChoice, settings: StationSettings, *, quit_after: float | None = None) -> int:
    started = time.perf_counter()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Packing Tool")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "packing-tool.svg")))
    set_station_name(settings.station_name)  # locks and sessions go by settings.station too
    context = logging_setup.configure_logging(
        settings.station, local_dir=local_data_dir(),
        share_logs=None if choice.is_demo else ShareLayout(choice.path).logs_dir)
    log = logging.getLogger("packing_tool")
    log.info("Packing Tool %s started on %s (share %s, from %s)", __version__,
             settings.station, choice.path, choice.source)
    for note in settings.notes:
        log.warning("settings: %s", note)
    language.install(app, settings.language)  # before any window: texts, dates, numbers
    apply_theme(app, settings.theme if settings.theme in THEMES else DEFAULT_THEME)
    runner = TaskRunner(app)  # the one background runner for share I/O
    window = MainWindow(choice, runner, station=settings, log_context=context)
    window.show()
    log.info("window shown in %.2f s", time.perf_counter() - started)  # since run() began
    if quit_after is not None:
        log.info("closing after %.1f s as asked (--quit-after)", quit_after)
        QTimer.singleShot(int(quit_after * 1000), window.close)
        QTimer.singleShot(int(quit_after * 1000) + 2000, app.quit)  # if a dialog held it open
    try:
        return int(app.exec())
    finally:
        runner.shutdown(timeout=2.0)  # a hung share read must not keep the app open
        logging_setup.shutdown(timeout=2.0)

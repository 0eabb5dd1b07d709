"""Screenshots of the main screens in Bulgarian: login_bg, session_browser_bg, packer_mode_bg.

The packing stations run Bulgarian; the window follows the language chosen in Settings (or the
PC's). Called by ``scripts/screenshots.py`` after the English screens; alone:
``QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1400x1000x24" .venv/bin/python
scripts/language_screenshots.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from screenshots import wait as _wait  # scripts/ is on sys.path (run as a file)

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
CLIENT, SESSION = "M", "2026-11-21_1"




def _shoot(app: Any, widget: Any, out: Path, name: str) -> None:
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    widget.grab().save(str(out / f"{name}.png"))
    print(f"saved {out / name}.png")


def shoot_bulgarian(app: Any, out: Path = OUT) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from packing_tool.simulate import label_text
    from packing_tool.storage.paths import RootChoice, ensure_demo_root
    from packing_tool.storage.settings import StationSettings
    from packing_tool.ui import language
    from packing_tool.ui.main_window import MainWindow
    from packing_tool.ui.runner import TaskRunner
    from shared.worker_manager import WorkerManager

    root = ensure_demo_root(Path(tempfile.mkdtemp(prefix="bg-shots-")) / "demo")
    for name in ("Мила Петрова", "Георги Иванов", "Ана Димитрова"):
        WorkerManager(root).get_or_create(name)
    language.install(app, language.BULGARIAN)
    runner = TaskRunner(app)
    window = MainWindow(RootChoice(root, True, "demo"), runner,
                        station=StationSettings(sound=False, language=language.BULGARIAN))
    window.resize(1280, 820)
    window.show()
    try:
        _wait(app, lambda: len(window.login.cards()) == 3)
        _shoot(app, window, out, "login_bg")
        window.login.choose(window.login.cards()[0].profile)
        _wait(app, lambda: window.browser.clients.count() > 0)
        window.browser.select_client(CLIENT)
        _wait(app, lambda: window.browser.select_row(SESSION, "DPD_Orders"))
        _shoot(app, window, out, "session_browser_bg")
        QTest.mouseClick(window.browser.start_button, Qt.MouseButton.LeftButton)
        _wait(app, lambda: window.packer is not None)
        mode = window.packer
        assert mode is not None
        orders = list(mode.logic.packing_list.orders)
        big = next(o for o in orders if len(o.lines) > 2)
        for code in [label_text(orders[0].order_number), orders[0].lines[0].sku,
                     label_text(big.order_number), big.lines[0].sku, "4006381333931"]:
            QTest.keyClicks(mode.scan_input, code)
            QTest.keyClick(mode.scan_input, Qt.Key.Key_Return)
        _shoot(app, window, out, "packer_mode_bg")
    finally:
        window.close()
        runner.shutdown(2.0)
        language.install(app, language.ENGLISH)


if __name__ == "__main__":
    os.environ.setdefault("PACKING_TOOL_HOME", tempfile.mkdtemp(prefix="bg-shots-home-"))
    sys.path[:0] = [str(REPO / "src"), str(REPO)]
    from PySide6.QtWidgets import QApplication

    from packing_tool.ui.themes import apply_theme

    application = QApplication(sys.argv)
    apply_theme(application, "light")
    OUT.mkdir(parents=True, exist_ok=True)
    shoot_bulgarian(application)

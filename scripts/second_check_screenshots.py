"""Screenshots of the second check: packer mode with a flagged order whose items are all in the
box (the strip and the banner), and the card picker a second worker opens with F10.

Called by ``scripts/screenshots.py``; alone: ``QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0
1400x1000x24" .venv/bin/python scripts/second_check_screenshots.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from screenshots import wait as _wait  # scripts/ is on sys.path (run as a file)

REPO = Path(__file__).resolve().parents[1]
OUT = Path(os.environ.get("SHOTS_OUT", REPO / "docs" / "screenshots"))
CLIENT, SESSION, LIST = "M", "2026-11-21_1", "DPD_Orders"
FLAGGED = "#48215"  # tag Priority


def shoot_second_check(app: Any, out: Path = OUT) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from packing_tool.domain.second_check import SecondCheckRules
    from packing_tool.simulate import label_text
    from packing_tool.storage.barcode_maps import BarcodeMapStore
    from packing_tool.storage.layout import ShareLayout
    from packing_tool.storage.paths import RootChoice, ensure_demo_root
    from packing_tool.storage.session_manager import SessionSettings
    from packing_tool.ui.main_window import MainWindow
    from packing_tool.ui.runner import TaskRunner
    from shared.worker_manager import WorkerManager

    root = ensure_demo_root(Path(tempfile.mkdtemp(prefix="check-shots-")) / "share")
    workers = WorkerManager(root)
    for name in ("Мария", "Борис", "Елена"):
        workers.get_or_create(name)
    BarcodeMapStore(ShareLayout(root), CLIENT).set_second_check(
        SecondCheckRules(min_order_value=300, tags=("Priority", "VIP")))
    runner = TaskRunner(app)
    window = MainWindow(RootChoice(root, False, "screenshots"), runner, sound=False,
                        settings=SessionSettings(debounce_seconds=0.0))
    window.resize(1380, 900)
    window.show()
    _wait(app, lambda: bool(window.login.cards()))
    maria = next(c.profile for c in window.login.cards() if c.profile.name == "Мария")
    window.login.choose(maria)
    _wait(app, lambda: window.browser.clients.count() > 0)
    window.browser.select_client(CLIENT)
    _wait(app, lambda: window.browser.select_row(SESSION, LIST))
    window.browser.activate_selected()
    _wait(app, lambda: window.packer is not None)
    mode = window.packer
    order = mode.logic.find_order(FLAGGED)
    assert order is not None
    mode.submit_scan(label_text(order.order_number))
    for line in order.lines:
        for _ in range(line.quantity):
            mode.submit_scan(line.sku)
    _wait(app, lambda: False, timeout=0.8, fail=False)
    window.grab().save(str(out / "second_check.png"))
    print(f"saved {out / 'second_check.png'}")

    def grab_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, grab_dialog)
            return
        dialog.resize(520, 320)
        QTimer.singleShot(300, lambda: (dialog.grab().save(str(out / "second_check_dialog.png")),
                                        print(f"saved {out / 'second_check_dialog.png'}"),
                                        dialog.reject()))

    QTimer.singleShot(0, grab_dialog)
    mode.second_check.pick_checker()
    window.close()
    runner.shutdown(timeout=10.0)




if __name__ == "__main__":
    sys.path[:0] = [str(REPO / "src"), str(REPO)]
    os.environ.setdefault("PACKING_TOOL_HOME", tempfile.mkdtemp(prefix="check-shots-home-"))
    from PySide6.QtWidgets import QApplication

    from packing_tool.ui.themes import apply_theme

    application = QApplication(sys.argv)
    apply_theme(application, "light")
    shoot_second_check(application)

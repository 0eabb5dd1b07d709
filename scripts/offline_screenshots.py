"""Screenshot of packer mode with the share gone: the offline banner with scans waiting, and
the line under the scan field after a scan that came while the end question was open.

Called by ``scripts/screenshots.py``; alone: ``QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0
1400x1000x24" .venv/bin/python scripts/offline_screenshots.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from screenshots import wait as _wait  # scripts/ is on sys.path (run as a file)

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
CLIENT, SESSION, LIST = "M", "2026-11-21_1", "DPD_Orders"


def shoot_offline(app: Any, out: Path = OUT) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from packing_tool.simulate import label_text
    from packing_tool.storage.paths import RootChoice, ensure_demo_root
    from packing_tool.storage.session_manager import SessionSettings
    from packing_tool.ui.main_window import MainWindow
    from packing_tool.ui.runner import TaskRunner
    from shared.worker_manager import WorkerManager

    root = ensure_demo_root(Path(tempfile.mkdtemp(prefix="offline-shots-")) / "share")
    WorkerManager(root).get_or_create("Мария")
    runner = TaskRunner(app)
    window = MainWindow(RootChoice(root, False, "screenshots"), runner, sound=False,
                        settings=SessionSettings(debounce_seconds=0.0, retry_seconds=0.2,
                                                 claim_wait=0.2, share_timeout=3))
    window.offline_banner.timer.setInterval(200)
    window.resize(1380, 900)
    window.show()
    _wait(app, lambda: bool(window.login.cards()))
    window.login.choose(window.login.cards()[0].profile)
    _wait(app, lambda: window.browser.clients.count() > 0)
    window.browser.select_client(CLIENT)
    _wait(app, lambda: window.browser.select_row(SESSION, LIST))
    window.browser.activate_selected()
    _wait(app, lambda: window.packer is not None)
    mode = window.packer
    orders = mode.logic.packing_list.orders
    away = root.with_name("share.away")
    root.rename(away)
    _wait(app, window.offline_banner.isVisible)
    codes = [label_text(orders[0].order_number), orders[0].lines[0].sku]

    def during_question() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, during_question)
            return
        QTest.keyClicks(box.focusWidget() or box, codes[1])
        QTest.keyClick(box.focusWidget() or box, "\r")
        no = box.button(QMessageBox.StandardButton.No)
        if no is not None:
            no.click()

    mode.submit_scan(codes[0])
    QTimer.singleShot(0, during_question)
    mode.request_end()
    _wait(app, mode.scan_notice.isVisible)
    _wait(app, lambda: False, timeout=0.8, fail=False)
    window.grab().save(str(out / "offline_banner.png"))
    print(f"saved {out / 'offline_banner.png'}")
    away.rename(root)
    _wait(app, window.offline_banner.isHidden, timeout=20)
    window.close()
    runner.shutdown(timeout=10.0)




if __name__ == "__main__":
    sys.path[:0] = [str(REPO / "src"), str(REPO)]
    os.environ.setdefault("PACKING_TOOL_HOME", tempfile.mkdtemp(prefix="offline-shots-home-"))
    from PySide6.QtWidgets import QApplication

    from packing_tool.ui.themes import apply_theme

    application = QApplication(sys.argv)
    apply_theme(application, "light")
    shoot_offline(application)

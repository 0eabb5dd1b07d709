"""Take screenshots of every main screen on a real X server (run through ``scripts/screenshots``).

Works on a fresh copy of the demo share: one list packed and ended, one half packed, then the
window is driven as a packer would (login, Session Browser, packer mode with a wrong scan),
and the dialogs are opened one by one. PNGs go to ``docs/screenshots/``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
CLIENT, SESSION = "M", "2026-11-21_1"


def wait(app: object, condition: Callable[[], bool], timeout: float = 15.0,
         fail: bool = True) -> None:
    """Run the event loop until ``condition`` holds (every screenshot script uses this one);
    after ``timeout``, raise, or with ``fail=False`` just go on."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            if fail:
                raise TimeoutError("the screen did not get ready in time")
            return
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def settle(app: object, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def shoot(app: object, widget: object, name: str) -> None:
    settle(app)
    widget.grab().save(str(OUT / f"{name}.png"))  # type: ignore[attr-defined]
    print(f"saved {OUT / name}.png")


def pack_with_a_packers_pace(root: Path, list_name: str, worker_name: str) -> None:
    """Pack and end a list with a clock moving like a packer's hands (for real-looking figures)."""
    from datetime import datetime, timedelta

    from packing_tool.simulate import _pack_order, _Timer
    from packing_tool.storage.layout import ShareLayout
    from packing_tool.storage.packing_session import Worker
    from packing_tool.storage.session_manager import SessionManager, SessionSettings
    from shared.worker_manager import WorkerManager

    moment = [datetime.now().astimezone() - timedelta(hours=2)]

    def clock() -> datetime:
        moment[0] += timedelta(seconds=4 + (moment[0].second * 7) % 9)
        return moment[0]

    profile = WorkerManager(root).get_or_create(worker_name)
    worker = Worker(profile.id, profile.name)
    manager = SessionManager(ShareLayout(root), worker, SessionSettings(debounce_seconds=0.0),
                             clock=clock)
    active = manager.open(CLIENT, SESSION, list_name)
    for order in active.session.logic.packing_list.orders:
        _pack_order(active.session, order, worker, _Timer())
    manager.complete(active)
    manager.close()


def main() -> int:  # noqa: PLR0915  (one screen after another, read top to bottom)
    tmp = Path(tempfile.mkdtemp(prefix="screens-"))
    os.environ["PACKING_TOOL_HOME"] = str(tmp / "home")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog

    from packing_tool.simulate import label_text
    from packing_tool.storage.barcode_maps import BarcodeMapStore
    from packing_tool.storage.paths import RootChoice, ensure_demo_root
    from packing_tool.storage.settings import StationSettings
    from packing_tool.ui.main_window import MainWindow
    from packing_tool.ui.runner import TaskRunner
    from packing_tool.ui.session_details import SessionDetailsDialog
    from packing_tool.ui.settings_dialog import SettingsDialog
    from packing_tool.ui.sku_mapping_dialog import SkuMappingDialog
    from packing_tool.ui.themes import apply_theme
    from packing_tool.ui.worker_view import WorkerView
    from shared.worker_manager import WorkerManager

    OUT.mkdir(parents=True, exist_ok=True)
    root = ensure_demo_root(tmp / "demo")
    for name in ("Mila", "Georgi", "Ana"):
        WorkerManager(root).get_or_create(name)
    pack_with_a_packers_pace(root, "DHL_Orders", "Mila")
    app = QApplication(sys.argv)
    apply_theme(app, "light")
    runner = TaskRunner(app)
    window = MainWindow(RootChoice(root, True, "demo"), runner,
                        station=StationSettings(sound=False))
    window.resize(1280, 820)
    window.show()
    wait(app, lambda: len(window.login.cards()) == 3)
    shoot(app, window, "login")

    window.login.choose(next(c.profile for c in window.login.cards() if c.profile.name == "Ana"))
    wait(app, lambda: window.browser.clients.count() > 0)
    window.browser.select_client(CLIENT)
    wait(app, lambda: window.browser.select_row(SESSION, "DHL_Orders"))
    shoot(app, window, "session_browser")

    details = SessionDetailsDialog(window.layout_, runner, CLIENT, SESSION, "DHL_Orders",
                                   parent=window)
    details.resize(1000, 720)
    details.show()
    settle(app, 1.5)
    shoot(app, details, "session_details")
    tabs = details.tabs
    tabs.setCurrentIndex(2)
    shoot(app, details, "session_metrics")
    tabs.setCurrentIndex(1)
    shoot(app, details, "session_orders")
    details.close()

    window.browser.select_row(SESSION, "DPD_Orders")
    QTest.mouseClick(window.browser.start_button, Qt.MouseButton.LeftButton)
    wait(app, lambda: window.packer is not None)
    mode = window.packer
    assert mode is not None
    orders = list(mode.logic.packing_list.orders)
    big = next(o for o in orders if len(o.lines) > 2)
    for code in [label_text(orders[0].order_number), orders[0].lines[0].sku,
                 label_text(big.order_number), big.lines[0].sku, "4006381333931"]:
        QTest.keyClicks(mode.scan_input, code)
        QTest.keyClick(mode.scan_input, Qt.Key.Key_Return)
    shoot(app, window, "packer_mode")
    apply_theme(app, "dark")
    mode.skip_order()  # the next order's table is drawn in the dark theme's colours
    other = next(o for o in orders if len(o.lines) > 1 and o is not big)
    for code in (label_text(other.order_number), other.lines[0].sku):
        QTest.keyClicks(mode.scan_input, code)
        QTest.keyClick(mode.scan_input, Qt.Key.Key_Return)
    shoot(app, window, "packer_mode_dark")
    apply_theme(app, "light")

    for dialog, name in (
            (SkuMappingDialog(BarcodeMapStore(window.layout_, CLIENT), runner, parent=window),
             "barcode_mapping"),
            (SettingsDialog(window.station, window), "settings")):
        dialog.show()
        settle(app, 1.0)
        shoot(app, dialog, name)
        dialog.close()
    workers = QDialog(window)
    view = WorkerView(window.layout_, runner, workers)
    view.resize(1000, 600)
    workers.resize(1000, 600)
    workers.show()
    settle(app, 1.5)
    mila = next(p for p in WorkerManager(root).get_all_workers() if p.name == "Mila")
    view.select_worker(mila.id)
    settle(app, 1.5)
    shoot(app, workers, "workers")
    workers.close()
    from scanner_screenshots import shoot_scanner  # scripts/ is on sys.path (run as a file)

    shoot_scanner(app, OUT)
    from list_check_screenshots import shoot_list_check

    shoot_list_check(app, OUT)
    from offline_screenshots import shoot_offline

    shoot_offline(app, OUT)
    from second_check_screenshots import shoot_second_check

    shoot_second_check(app, OUT)
    from score_screenshots import shoot_scores

    shoot_scores(app, OUT)
    from language_screenshots import shoot_bulgarian  # login, browser, packer in Bulgarian

    shoot_bulgarian(app, OUT)
    from theme_screenshots import shoot_theme  # every table again in the dark theme

    shoot_theme(app, "dark", OUT)
    apply_theme(app, "light")
    QTimer.singleShot(0, window.close)
    settle(app, 0.5)
    window.close()
    runner.shutdown(2.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())

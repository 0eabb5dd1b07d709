"""Screenshots of every table and list in a theme: Session Browser, Session Details (orders and
their scans), Workers, barcode mapping and packer mode (items, remaining orders, recent scans).

Called by ``scripts/screenshots.py`` for the dark theme (``*_dark.png``; the light ones are the
main screenshots); alone: ``QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1400x1000x24"
.venv/bin/python scripts/theme_screenshots.py [dark] [light]`` (``*_<theme>.png``).
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


def _settle(app: Any, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)




def _shoot(app: Any, widget: Any, out: Path, name: str) -> None:
    _settle(app)
    widget.grab().save(str(out / f"{name}.png"))
    print(f"saved {out / name}.png")


def shoot_theme(app: Any, theme: str, out: Path = OUT,  # noqa: PLR0915  (screen after screen)
                suffix: str | None = None) -> None:
    """Every table screen in ``theme``, saved as ``<screen><suffix>.png`` (default ``_<theme>``)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog

    from packing_tool.simulate import label_text, simulate
    from packing_tool.storage.barcode_maps import BarcodeMapStore
    from packing_tool.storage.paths import RootChoice, ensure_demo_root
    from packing_tool.storage.settings import StationSettings
    from packing_tool.ui.main_window import MainWindow
    from packing_tool.ui.runner import TaskRunner
    from packing_tool.ui.session_details import SessionDetailsDialog
    from packing_tool.ui.sku_mapping_dialog import SkuMappingDialog
    from packing_tool.ui.themes import apply_theme
    from packing_tool.ui.worker_view import WorkerView
    from shared.worker_manager import WorkerManager

    tail = f"_{theme}" if suffix is None else suffix
    root = ensure_demo_root(Path(tempfile.mkdtemp(prefix=f"{theme}-shots-")) / "demo")
    for name in ("Mila", "Georgi", "Ana"):
        WorkerManager(root).get_or_create(name)
    simulate(root, CLIENT, SESSION, "DHL_Orders", "Mila", complete=True)
    apply_theme(app, theme)
    runner = TaskRunner(app)
    window = MainWindow(RootChoice(root, True, "demo"), runner,
                        station=StationSettings(sound=False))
    window.resize(1280, 820)
    window.show()
    try:
        _wait(app, lambda: len(window.login.cards()) == 3)
        window.login.choose(next(c.profile for c in window.login.cards()
                                 if c.profile.name == "Ana"))
        _wait(app, lambda: window.browser.clients.count() > 0)
        window.browser.select_client(CLIENT)
        _wait(app, lambda: window.browser.select_row(SESSION, "DHL_Orders"))
        _shoot(app, window, out, f"session_browser{tail}")

        details = SessionDetailsDialog(window.layout_, runner, CLIENT, SESSION, "DHL_Orders",
                                       parent=window)
        details.resize(1000, 720)
        details.show()
        _settle(app, 1.5)
        details.tabs.setCurrentIndex(1)
        _shoot(app, details, out, f"session_orders{tail}")
        details.close()

        mapping = SkuMappingDialog(BarcodeMapStore(window.layout_, CLIENT), runner,
                                   parent=window)
        mapping.show()
        _settle(app, 1.0)
        _shoot(app, mapping, out, f"barcode_mapping{tail}")
        mapping.close()

        workers = QDialog(window)
        view = WorkerView(window.layout_, runner, workers)
        view.resize(1000, 600)
        workers.resize(1000, 600)
        workers.show()
        _settle(app, 1.5)
        mila = next(p for p in WorkerManager(root).get_all_workers() if p.name == "Mila")
        view.select_worker(mila.id)
        _settle(app, 1.5)
        _shoot(app, workers, out, f"workers{tail}")
        workers.close()

        window.browser.select_row(SESSION, "DPD_Orders")
        QTest.mouseClick(window.browser.start_button, Qt.MouseButton.LeftButton)
        _wait(app, lambda: window.packer is not None)
        mode = window.packer
        assert mode is not None
        orders = list(mode.logic.packing_list.orders)
        big = next(o for o in orders if len(o.lines) > 2)
        foreign = next(line.sku for o in orders for line in o.lines
                       if line.sku not in {x.sku for x in big.lines})
        for code in [label_text(orders[0].order_number), orders[0].lines[0].sku,
                     label_text(big.order_number), big.lines[0].sku, "4006381333931",
                     foreign]:
            QTest.keyClicks(mode.scan_input, code)
            QTest.keyClick(mode.scan_input, Qt.Key.Key_Return)
        _shoot(app, window, out, f"packer_mode{tail}")
    finally:
        window.close()
        runner.shutdown(2.0)


if __name__ == "__main__":
    os.environ.setdefault("PACKING_TOOL_HOME", tempfile.mkdtemp(prefix="theme-shots-home-"))
    sys.path[:0] = [str(REPO / "src"), str(REPO)]
    from PySide6.QtWidgets import QApplication

    application = QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for chosen in sys.argv[1:] or ["dark"]:
        shoot_theme(application, chosen, OUT)

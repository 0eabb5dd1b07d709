"""Screenshot of the pre-shift check: the Session Browser with a checked list's marker and the
findings dialog over it, on a copy of the demo share with one more list that has problems.

Called by ``scripts/screenshots.py``; alone: ``QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0
1400x1000x24" .venv/bin/python scripts/list_check_screenshots.py``.
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
CLIENT, SESSION, LIST = "M", "2026-11-21_1", "DHL_Extra"


def _item(sku: str, quantity: int, name: str) -> dict[str, Any]:
    return {"sku": sku, "product_name": name, "quantity": quantity,
            "order_fulfillment_status": "Fulfillable"}


def _order(number: str, *items: dict[str, Any]) -> dict[str, Any]:
    return {"order_number": number, "order_fulfillment_status": "Fulfillable",
            "courier": "DHL", "destination_country": "BG", "items": list(items)}


def write_extra_list(root: Path) -> None:
    """A list the Shopify Tool could have cut the next morning, with what a check finds."""
    from packing_tool.storage.layout import ShareLayout
    from shared import fileio

    orders = [
        _order("#48214", _item("MC-SER-101-30", 1, "Серум с витамин C 30 мл")),
        _order("#48240", _item("MC-NEW-990", 1, "Комплект за пътуване"),
               _item("NO_SKU", 1, "Бакшиш")),
        _order("#48241", _item("MC-ACC-012-PD", 60, "Памучни тампони")),
        _order("48242", _item("MC-CRM-201-50", 1, "Крем за лице 50 мл")),
        _order("#48242", _item("MC-MSK-502-01", 2, "Маска с глина")),
    ]
    path = ShareLayout(root).packing_lists_dir(CLIENT, SESSION) / f"{LIST}.json"
    fileio.atomic_write_json(path, {"session_id": SESSION, "orders": orders})


def shoot_list_check(app: Any, out: Path = OUT) -> None:
    from PySide6.QtGui import QGuiApplication

    from packing_tool.storage.layout import ShareLayout
    from packing_tool.storage.paths import ensure_demo_root
    from packing_tool.ui.runner import TaskRunner
    from packing_tool.ui.session_browser import SessionBrowser

    root = ensure_demo_root(Path(tempfile.mkdtemp(prefix="check-shots-")) / "demo")
    write_extra_list(root)
    runner = TaskRunner(app)
    browser = SessionBrowser(ShareLayout(root), runner)
    browser.setWindowTitle("Packing Tool — Session Browser")
    browser.resize(1380, 500)
    browser.move(10, 10)
    browser.show()
    _wait(app, lambda: browser.clients.count() > 0)
    browser.select_client(CLIENT)
    _wait(app, lambda: browser.select_row(SESSION, LIST))
    browser.check_list()
    _wait(app, lambda: getattr(browser, "check_dialog", None) is not None
          and browser.select_row(SESSION, LIST)
          and browser.selected_row() is not None
          and browser.selected_row().check_findings is not None)  # type: ignore[union-attr]
    dialog = browser.check_dialog
    dialog.resize(1130, 420)
    dialog.move(250, 540)
    dialog.raise_()
    _wait(app, lambda: False, timeout=0.8, fail=False)
    screen = QGuiApplication.primaryScreen().grabWindow(0, 0, 0, 1400, 970)
    screen.save(str(out / "list_check.png"))
    print(f"saved {out / 'list_check.png'}")
    dialog.close()
    browser.close()
    runner.shutdown(timeout=10.0)




if __name__ == "__main__":
    sys.path[:0] = [str(REPO / "src"), str(REPO)]
    os.environ.setdefault("PACKING_TOOL_HOME", tempfile.mkdtemp(prefix="check-shots-home-"))
    from PySide6.QtWidgets import QApplication

    from packing_tool.ui.themes import apply_theme

    application = QApplication(sys.argv)
    apply_theme(application, "light")
    shoot_list_check(application)

"""The whole station in the window, on a copy of a real Shopify session.

Log in on a worker card, start client M's DPD list from the Session Browser, type every order
label and unit barcode into ``scanInput`` as key events (a wrong item, an unknown barcode, an
extra, an undo, a skip and a resume among them), end the list, and check the browser, the
summary, the statistics and the worker's profile agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from packing_tool.domain.packer_views import OrderStatus
from packing_tool.simulate import label_text
from packing_tool.storage.session_manager import SessionSettings
from packing_tool.ui import packer_dialogs
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.packer_mode import PackerMode
from shared.worker_manager import WorkerManager
from tests.ui.conftest import shown_window

SESSION, LIST = "2026-11-21_1", "DPD_Orders"


def _type(qtbot: QtBot, mode: PackerMode, *codes: str) -> None:
    for code in codes:
        qtbot.keyClicks(mode.scan_input, code)
        qtbot.keyClick(mode.scan_input, Qt.Key.Key_Return)


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def window(qtbot: QtBot, share_root: Path) -> MainWindow:
    WorkerManager(share_root).get_or_create("Anna")
    settings = SessionSettings(debounce_seconds=0.0, share_timeout=10)
    with shown_window(qtbot, share_root, settings=settings, sound=False) as win:
        yield win


def test_pack_a_real_list_end_to_end_through_the_window(
        qtbot: QtBot, window: MainWindow, share_root: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.waitUntil(lambda: len(window.login.cards()) == 1, timeout=10000)
    qtbot.mouseClick(window.login.cards()[0], Qt.MouseButton.LeftButton)
    assert window.worker_label.text() == "Worker: Anna"

    browser = window.browser
    qtbot.waitUntil(lambda: browser.clients.count() == 2, timeout=10000)
    browser.select_client("M")
    qtbot.waitUntil(lambda: browser.select_row(SESSION, LIST), timeout=10000)
    qtbot.mouseClick(browser.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.packer is not None, timeout=10000)
    mode = window.packer
    assert mode is not None
    logic = mode.logic
    orders = list(logic.packing_list.orders)
    first = next(o for o in orders if sum(line.quantity for line in o.lines) >= 2)
    second = next(o for o in orders if o is not first)
    orders = [first, *(o for o in orders if o is not first)]

    # First order: a wrong item (another order's SKU), an unknown code, a unit, undo, then skip.
    _type(qtbot, mode, label_text(first.order_number))
    other_sku = next(line.sku for line in second.lines
                     if line.sku not in {x.sku for x in first.lines})
    _type(qtbot, mode, other_sku)
    assert mode.feedback.kind in ("warn", "error")
    _type(qtbot, mode, "NO-SUCH-CODE-42")
    assert mode.feedback.kind in ("warn", "error")
    _type(qtbot, mode, first.lines[0].sku)
    qtbot.mouseClick(mode.undo_button,
                     Qt.MouseButton.LeftButton)
    assert logic.order(first.order_number).units_packed == 0
    qtbot.mouseClick(mode.skip_button, Qt.MouseButton.LeftButton)
    assert logic.order(first.order_number).status is OrderStatus.SKIPPED
    assert window.focusWidget() is mode.scan_input

    # Every other order, then the skipped one again (resumed by its label) with an extra kept.
    for order in [*orders[1:], first]:
        _type(qtbot, mode, label_text(order.order_number))
        for number, line in enumerate(logic.order(order.order_number).lines):
            for _ in range(line.remaining):
                _type(qtbot, mode, line.sku)
            others = [x.sku for x in order.lines if x.row != line.row]
            if order is first and number == 0 and line.sku not in others:  # one too many
                _type(qtbot, mode, line.sku)
                assert logic.pending_extras
                qtbot.mouseClick(mode.keep_button, Qt.MouseButton.LeftButton)
                assert not logic.pending_extras
    assert logic.progress.orders_complete == len(orders) == 8
    assert logic.progress.units_packed == 18

    monkeypatch.setattr(packer_dialogs, "ask_end", lambda *_a: True)
    qtbot.mouseClick(mode.end_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page, timeout=15000)
    assert "8 of 8 orders" in window.message.text()

    browser.refresh()
    qtbot.waitUntil(lambda: any(r.packing_list_name == LIST and r.status == "completed"
                                for r in browser.visible_rows()), timeout=10000)
    row = next(r for r in browser.visible_rows() if r.packing_list_name == LIST)
    assert (row.completed_orders, row.total_orders, row.packed_items) == (8, 8, 18)

    work = share_root / "Sessions" / "CLIENT_M" / SESSION / "packing" / LIST
    summary = _json(work / "session_summary.json")
    stats = _json(share_root / "Stats" / "global_stats.json")
    anna = next(w for w in _json(share_root / "Workers" / "workers.json")["workers"]
                if w["name"] == "Anna")
    assert (summary["completed_orders"], summary["packed_items"]) == (8, 18)
    assert (stats["total_orders_packed"], stats["total_sessions"]) == (8, 1)
    assert stats["total_items_packed"] == 18
    assert (anna["total_orders"], anna["total_items"], anna["total_sessions"]) == (8, 18, 1)
    kinds = [json.loads(x)["outcome"] for x in
             (work / "scan_journal.jsonl").read_text(encoding="utf-8").splitlines()]
    for outcome in ("wrong_item", "unknown_barcode", "undone", "order_skipped",
                    "order_resumed", "extra_item", "extra_kept"):
        assert outcome in kinds


def test_a_hand_over_between_orders_credits_the_new_worker(
        qtbot: QtBot, window: MainWindow, share_root: Path) -> None:
    WorkerManager(share_root).get_or_create("Boris")
    window.login.reload()
    qtbot.waitUntil(lambda: len(window.login.cards()) == 2, timeout=10000)
    window.login.choose(next(c.profile for c in window.login.cards()
                             if c.profile.name == "Anna"))
    window.browser.select_client("M")
    qtbot.waitUntil(lambda: window.browser.select_row(SESSION, LIST), timeout=10000)
    qtbot.mouseClick(window.browser.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.packer is not None, timeout=10000)
    mode = window.packer
    assert mode is not None
    order = mode.logic.packing_list.orders[0]
    _type(qtbot, mode, label_text(order.order_number))
    window.show_login()  # mid-order: refused, the packer stays on the order
    assert window.pages.currentWidget() is window.packer_page
    for line in order.lines:
        _type(qtbot, mode, *[line.sku] * line.quantity)
    window.show_login()
    qtbot.waitUntil(lambda: len(window.login.cards()) == 2, timeout=10000)
    window.login.choose(next(c.profile for c in window.login.cards()
                             if c.profile.name == "Boris"))
    assert window.pages.currentWidget() is window.packer_page
    assert window.worker_label.text() == "Worker: Boris"
    second = mode.logic.packing_list.orders[1]
    _type(qtbot, mode, label_text(second.order_number))
    completed_by = mode.logic.order(order.order_number).completed_by
    assert completed_by is not None
    assert completed_by[1] == "Anna"
    assert mode.logic.worker[1] == "Boris"

"""The share goes away in the middle of a list: a large banner says so at once, with the share,
when it was last seen and the exact number of scans waiting; it clears when they all arrived.

Real files: the share root is renamed away (as a dropped mapping looks to the station), five
scans are typed into the window's scan field, then the root comes back.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from packing_tool.simulate import label_text
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.session_manager import SessionSettings
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.packer_mode import PackerMode
from shared.worker_manager import WorkerManager
from tests.ui.conftest import shown_window

SESSION, LIST = "2026-11-21_1", "DPD_Orders"


@pytest.fixture
def window(qtbot: QtBot, share_root: Path) -> Iterator[MainWindow]:
    WorkerManager(share_root).get_or_create("Anna")
    settings = SessionSettings(debounce_seconds=0.0, share_timeout=3, retry_seconds=0.1,
                               claim_wait=0.2)
    with shown_window(qtbot, share_root, settings=settings, sound=False) as win:
        win.offline_banner.timer.setInterval(100)  # probe often: the test need not wait
        yield win


def open_list(qtbot: QtBot, win: MainWindow) -> PackerMode:
    qtbot.waitUntil(lambda: len(win.login.cards()) == 1, timeout=10000)
    qtbot.mouseClick(win.login.cards()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.browser.clients.count() == 2, timeout=10000)
    win.browser.select_client("M")
    qtbot.waitUntil(lambda: win.browser.select_row(SESSION, LIST), timeout=10000)
    qtbot.mouseClick(win.browser.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.packer is not None, timeout=10000)
    assert win.packer is not None
    return win.packer


def five_codes(mode: PackerMode) -> list[str]:
    """An order's label and its units, then the next order's, until five scans."""
    codes: list[str] = []
    for order in mode.logic.packing_list.orders:
        codes.append(label_text(order.order_number))
        codes += [line.sku for line in order.lines for _ in range(line.quantity)]
        if len(codes) >= 5:
            return codes[:5]
    raise AssertionError("the list has fewer than five scans")


def test_offline_banner_counts_every_waiting_scan_and_clears_when_delivered(
        qtbot: QtBot, window: MainWindow, share_root: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="packing_tool.ui.offline_banner")
    mode = open_list(qtbot, window)
    banner = window.offline_banner
    assert banner.isHidden()
    flow = window.flow
    assert flow is not None
    active = flow.active
    assert active is not None

    away = share_root.with_name("server.away")
    share_root.rename(away)
    qtbot.waitUntil(banner.isVisible, timeout=10000)  # before any scan: the probe saw it
    assert str(share_root) in banner.text.text()
    seen = re.search(r"last seen (\d\d:\d\d)\)", banner.text.text())
    assert seen is not None
    assert seen.group(1) == banner.last_seen.strftime("%H:%M")

    for n, code in enumerate(five_codes(mode), start=1):
        qtbot.keyClicks(mode.scan_input, code)
        qtbot.keyClick(mode.scan_input, Qt.Key.Key_Return)
        waiting = "1 scan waiting" if n == 1 else f"{n} scans waiting"
        assert waiting in banner.text.text()  # right at every moment, not once per outage
        assert banner.waiting == n == active.mirror.status.waiting
        assert waiting in window.share_label.text()  # the status bar says the same, at once
    assert any("stopped answering" in r.getMessage() for r in caplog.records)

    away.rename(share_root)
    qtbot.waitUntil(banner.isHidden, timeout=20000)
    assert active.mirror.status.waiting == 0
    back = [r.getMessage() for r in caplog.records if "answers again" in r.getMessage()]
    assert back == [f"share {share_root} answers again: 5 scans delivered"]

    journal = ShareLayout(share_root).work_dir("M", SESSION, LIST) / "scan_journal.jsonl"
    seqs = [json.loads(line)["seq"] for line in journal.read_text("utf-8").splitlines()]
    assert seqs == [1, 2, 3, 4, 5]  # every scan once, in order

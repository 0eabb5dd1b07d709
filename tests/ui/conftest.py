"""Fixtures for the packer-screen tests: a real PackingSession on a copy of client M's share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import PackingSession, Worker
from packing_tool.storage.paths import RootChoice
from packing_tool.ui.main_window import MainWindow
from packing_tool.ui.packer_mode import PackerMode
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.sounds import SoundPlayer

SESSION = "2026-11-21_1"
PACKER = Worker("worker_001", "Ана")
# Product barcodes of client M (Sessions/CLIENT_M/2026-11-21_1/input/inventory.csv).
EAN = {
    "MC-SER-101-30": "3800601000006", "MC-SER-102-30": "3800601001379",
    "MC-SER-103-15": "3800601002741", "MC-CRM-201-50": "3800601004110",
    "MC-MSK-502-01": "3800601013709", "MC-MSK-503-01": "3800601015079",
    "MC-BDY-801-250": "3800601021926", "MC-ACC-012-PD": "3800601032885",
    "MC-ACC-013-GS": "3800601034254", "MC-ACC-014-RL": "3800601035626",
}


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, back to its own look afterwards (other tests expect no theme)."""
    style, palette = qapp.style().name(), qapp.palette()
    yield qapp
    qapp.setStyleSheet("")
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setProperty("packingTheme", None)


@pytest.fixture(autouse=True)
def local_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a UI test does may land in the real home folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("PACKING_TOOL_HOME", str(home))
    return home


def open_dpd(root: Path, debounce_seconds: float = 0.0) -> PackingSession:
    """Client M's DPD list: 8 orders, 18 units (a line of 2, lines of 3, a repeated SKU)."""
    return PackingSession(ShareLayout(root), "M", SESSION, "DPD_Orders",
                          debounce_seconds=debounce_seconds)


@pytest.fixture
def dpd_session(share_root: Path) -> Iterator[PackingSession]:
    session = open_dpd(share_root)
    try:
        yield session
    finally:
        session.close()


def show_packer(qtbot: QtBot, session: PackingSession) -> PackerMode:
    """A shown, active packer screen on ``session`` (muted: CI has no sound device)."""
    mode = PackerMode(session, PACKER, sounds=SoundPlayer(muted=True))
    qtbot.addWidget(mode)
    mode.resize(1280, 800)
    with qtbot.waitExposed(mode):
        mode.show()
    mode.activateWindow()
    qtbot.waitUntil(mode.isActiveWindow)
    mode.refocus()
    return mode


@pytest.fixture
def packer(qtbot: QtBot, dpd_session: PackingSession) -> PackerMode:
    return show_packer(qtbot, dpd_session)


def scan(qtbot: QtBot, mode: PackerMode, *codes: str) -> None:
    """Type each code into the scan field as a keyboard-wedge scanner does, then Enter."""
    for code in codes:
        qtbot.keyClicks(mode.scan_input, code)
        qtbot.keyClick(mode.scan_input, Qt.Key.Key_Return)


def cells(mode: PackerMode, column: int) -> list[str]:
    table = mode.items
    return [table.item(r, column).text() for r in range(table.rowCount())]


@contextmanager
def shown_window(qtbot: QtBot, root: Path, **options: Any) -> Iterator[MainWindow]:
    """The main window on share ``root``, shown; closed and its runner stopped afterwards."""
    runner = TaskRunner()
    win = MainWindow(RootChoice(root, False, "test"), runner, **options)
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    try:
        yield win
    finally:
        win.close()
        runner.shutdown(2.0)

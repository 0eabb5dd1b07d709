"""The start window reads the share in the background and shows its statistics."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from packing_tool.storage.paths import RootChoice
from packing_tool.ui.overview_window import OverviewWindow
from shared.worker_manager import WorkerManager


def test_shows_clients_and_workers_of_the_share(qtbot: QtBot, share_root: Path) -> None:
    manager = WorkerManager(share_root)
    dolphin = manager.create_worker("Dolphin")
    manager.update_worker_stats(dolphin.id, sessions=1, orders=17, items=36, duration_seconds=900)
    window = OverviewWindow(RootChoice(share_root, False, "--root"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.status.text() == "Statistics loaded.", timeout=5000)
    clients = {window.clients.item(r, 0).text(): window.clients.item(r, 1).text()
               for r in range(window.clients.rowCount())}
    assert clients == {"B": "80", "M": "544"}
    assert window.workers.item(0, 0).text() == "Dolphin"
    assert window.workers.item(0, 2).text() == "17"
    assert str(share_root) in window.banner.text()


def test_unreadable_share_is_reported_not_hidden(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    window = OverviewWindow(RootChoice(blocker, False, "--root"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.status.text().startswith("Cannot read the share"),
                    timeout=5000)
    assert "Stats" in window.status.text()

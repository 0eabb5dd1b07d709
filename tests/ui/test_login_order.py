"""Log-in that habits can trust: a worker's card number and key never change, whoever packed
last, whoever was deactivated or added; "Today" counts lists still open too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from packing_tool.simulate import simulate
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.live_progress import read_progress
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.worker_cards import load_worker_cards
from packing_tool.ui.worker_dialog import WorkerSelectionDialog
from shared.stats_manager import StatsManager
from shared.worker_manager import WorkerManager

SESSION = "2026-11-21_1"


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(timeout=5.0)


def open_dialog(qtbot: QtBot, root: Path, runner: TaskRunner) -> WorkerSelectionDialog:
    dialog = WorkerSelectionDialog(root, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.cards()), timeout=10000)
    return dialog


def numbers(dialog: WorkerSelectionDialog) -> dict[str, str]:
    return {c.profile.name: c.lines()[0] for c in dialog.cards()}


def test_card_numbers_and_keys_never_change(qtbot: QtBot, tmp_path: Path,
                                            runner: TaskRunner) -> None:
    root = tmp_path / "share"
    workers = WorkerManager(root)
    ana, boris, vera = (workers.create_worker(n) for n in ("Ana", "Boris", "Vera"))
    first = open_dialog(qtbot, root, runner)
    assert numbers(first) == {"Ana": "1  Ana", "Boris": "2  Boris", "Vera": "3  Vera"}
    first.close()

    # Vera packs (the newest activity), Boris leaves, Dan joins: the others keep their keys.
    workers.update_worker_stats(vera.id, sessions=1, orders=5, items=12, duration_seconds=600)
    StatsManager(root).record_packing("M", SESSION, vera.id, orders_count=5, items_count=12,
                                      worker_name="Vera")
    workers.deactivate_worker(boris.id)
    workers.create_worker("Dan")
    dialog = open_dialog(qtbot, root, runner)
    assert numbers(dialog) == {"Ana": "1  Ana", "Vera": "3  Vera", "Dan": "4  Dan"}
    assert [c.profile.name for c in dialog.cards()] == ["Ana", "Vera", "Dan"]
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # Boris's key picks nobody else
    assert dialog.selected is None
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    assert dialog.selected is not None
    assert dialog.selected.name == "Vera"
    assert ana.id < vera.id  # the order is the order they were added


def test_today_counts_orders_of_lists_still_open(share_root: Path) -> None:
    summary = simulate(share_root, "M", SESSION, "DPD_Orders", "Anna")  # packed, not ended
    anna = WorkerManager(share_root).find_by_name("Anna")
    assert anna is not None
    work = ShareLayout(share_root).work_dir("M", SESSION, "DPD_Orders")
    live = read_progress(work)
    assert live["completed_orders"] == 8
    assert StatsManager(share_root).get_packing_history() == []  # nothing ended yet
    today = datetime.now().astimezone().date()
    [card] = [c for c in load_worker_cards(share_root, today) if c.profile.id == anna.id]
    assert (card.today_orders, card.today_items) == (8, live["packed_items"])
    assert card.today_items == 18
    assert summary  # the simulation ran to its end

    # Ended later: counted once, from the statistics, not again from the list.
    simulate(share_root, "M", SESSION, "DPD_Orders", "Anna", complete=True)
    [card] = [c for c in load_worker_cards(share_root, today) if c.profile.id == anna.id]
    assert (card.today_orders, card.today_items) == (8, 18)

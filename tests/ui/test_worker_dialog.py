"""Log-in dialog on a temporary share: cards, today's figures, keyboard, new workers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.worker_cards import ago, summarise
from packing_tool.ui.worker_dialog import WorkerSelectionDialog
from shared.stats_manager import StatsManager
from shared.worker_manager import WorkerManager, WorkerProfile


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(timeout=5.0)


@pytest.fixture
def share(tmp_path: Path) -> Path:
    """Three workers; only the last one created packed (today: 5 orders, 12 items): card 3.

    QTest can type only ASCII, so the names typed in the tests are Latin ones.
    """
    root = tmp_path / "share"
    workers = WorkerManager(root)
    for name in ("Ana", "Boris"):
        workers.create_worker(name)
    vera = workers.create_worker("Вера")
    workers.update_worker_stats(vera.id, sessions=1, orders=5, items=12, duration_seconds=600)
    StatsManager(root).record_packing("M", "2026-11-21_1", vera.id, orders_count=5,
                                      items_count=12, worker_name="Вера")
    return root


def _open(qtbot: QtBot, root: Path, runner: TaskRunner) -> WorkerSelectionDialog:
    dialog = WorkerSelectionDialog(root, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.message.text() != "Loading workers…")
    return dialog


def test_cards_list_workers_in_the_order_they_were_added_with_todays_figures(
        qtbot: QtBot, share: Path, runner: TaskRunner) -> None:
    dialog = _open(qtbot, share, runner)
    cards = dialog.cards()
    assert [c.profile.name for c in cards] == ["Ana", "Boris", "Вера"]
    assert cards[2].lines() == ("3  Вера", "Today: 5 orders · 12 items",
                                "In total: 5 orders · 12 items",
                                "1 sessions · last active just now")
    assert cards[0].lines()[1:] == ("Today: nothing packed yet", "In total: 0 orders · 0 items",
                                    "0 sessions · last active never")
    assert dialog.focusWidget() is cards[0]  # always card 1: Enter never depends on history
    with qtbot.waitSignal(dialog.workerChosen) as blocker:
        qtbot.mouseClick(cards[2], Qt.MouseButton.LeftButton)
    assert blocker.args[0].name == "Вера"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.selected is not None
    assert dialog.selected.id == cards[2].profile.id


def test_a_number_key_picks_that_card(qtbot: QtBot, share: Path, runner: TaskRunner) -> None:
    dialog = _open(qtbot, share, runner)
    qtbot.keyClick(dialog, Qt.Key.Key_2)
    assert dialog.selected is not None
    assert dialog.selected.name == "Boris"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_arrows_move_between_cards_and_enter_picks(qtbot: QtBot, share: Path,
                                                  runner: TaskRunner) -> None:
    dialog = _open(qtbot, share, runner)
    cards = dialog.cards()
    qtbot.keyClick(cards[0], Qt.Key.Key_Down)
    qtbot.keyClick(cards[1], Qt.Key.Key_Down)
    assert dialog.focusWidget() is cards[2]
    qtbot.keyClick(cards[2], Qt.Key.Key_Up)
    assert dialog.focusWidget() is cards[1]
    qtbot.keyClick(cards[1], Qt.Key.Key_Return)
    assert dialog.selected is not None
    assert dialog.selected.name == "Boris"


def test_a_new_worker_needs_a_name_nobody_has(qtbot: QtBot, share: Path,
                                              runner: TaskRunner) -> None:
    dialog = _open(qtbot, share, runner)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert not dialog.name_field.isHidden()
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)
    assert dialog.message.text() == "Type the new worker's name first."
    assert dialog.message.property("kind") == "error"
    qtbot.keyClicks(dialog.name_field, "  ana ")
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)
    assert "already has a card" in dialog.message.text()
    assert dialog.result() == 0
    assert dialog.selected is None
    dialog.name_field.setText(" Галя ")  # QTest types only ASCII; a packer's name need not be
    with qtbot.waitSignal(dialog.workerChosen) as blocker:
        qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)
    created: WorkerProfile = blocker.args[0]
    assert created.name == "Галя"
    assert WorkerManager(share).find_by_name("галя") == created
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_name_taken_by_a_deactivated_worker_is_refused_by_the_share(
        qtbot: QtBot, share: Path, runner: TaskRunner) -> None:
    workers = WorkerManager(share)
    workers.deactivate_worker(workers.create_worker("Dimi").id)
    dialog = _open(qtbot, share, runner)
    assert "Dimi" not in [c.profile.name for c in dialog.cards()]
    dialog.show_new_worker_form()
    qtbot.keyClicks(dialog.name_field, "Dimi")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Could not create"))
    assert "deactivated" in dialog.message.text()
    assert dialog.create_button.isEnabled()


def test_an_unreadable_share_is_reported_with_a_retry(qtbot: QtBot, tmp_path: Path,
                                                      runner: TaskRunner) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    dialog = _open(qtbot, blocker, runner)
    assert dialog.message.text().startswith("Cannot read the workers from the share")
    assert not dialog.retry_button.isHidden()
    assert dialog.cards() == []


def test_an_empty_share_opens_the_new_worker_form(qtbot: QtBot, tmp_path: Path,
                                                  runner: TaskRunner) -> None:
    dialog = _open(qtbot, tmp_path / "empty", runner)
    assert dialog.cards() == []
    assert not dialog.name_field.isHidden()


def test_summary_counts_only_todays_records_of_each_worker() -> None:
    today = date(2026, 11, 21)
    noon = datetime(2026, 11, 21, 12, 0).astimezone()
    history = [
        {"worker_id": "w1", "timestamp": noon.isoformat(), "orders_count": 3, "items_count": 7},
        {"worker_id": "w1", "timestamp": (noon - timedelta(days=1)).isoformat(),
         "orders_count": 9, "items_count": 9},
        {"worker_id": "w2", "timestamp": "garbage", "orders_count": 1},
        {"worker_id": "w1", "timestamp": noon.isoformat(), "orders_count": True},
    ]
    profiles = [WorkerProfile("w2", "B"), WorkerProfile("w1", "A")]
    cards = summarise(profiles, history, today)
    assert [(c.profile.id, c.today_orders, c.today_items, c.today_sessions) for c in cards] == [
        ("w1", 3, 7, 2), ("w2", 0, 0, 0)]
    assert ago(noon - timedelta(minutes=5), noon) == "5 min ago"
    assert ago(noon - timedelta(days=1), noon) == "yesterday"
    assert ago(None, noon) == "never"

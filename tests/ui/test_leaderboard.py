"""The leaderboard and the Workers view's score columns, on summaries written as the product
writes them."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.score_history import cache_path
from packing_tool.ui.leaderboard import LeaderboardView, leaderboard_dialog
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.worker_view import SCORE_COLUMN, WORKER_COLUMNS, WorkerView
from shared.worker_manager import WorkerManager
from tests.helpers.packing_history import T0, Packer, make_skus, orders_for, write_list

PACKERS = (Packer("worker_001", "Ана", 1.0, "singles"), Packer("worker_002", "Orca", 1.0, "multis"),
           Packer("worker_003", "Fast", 0.8, "any"))


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(timeout=10.0)


def packed(root: Path, client: str = "M", lists_each: int = 3, orders: int = 50,
           packers: tuple[Packer, ...] = PACKERS) -> None:
    rng = random.Random(8)
    difficulty = make_skus(rng, 40)
    for n in range(lists_each):
        for i, packer in enumerate(packers):
            write_list(root, client, f"2026-11-{n + 2:02d}_1", f"L_{packer.worker_id}", packer,
                       orders_for(rng, packer, orders, difficulty),
                       start=T0 + timedelta(days=n, hours=i), undo_every=4, pause_every=9)


def texts(view: LeaderboardView, column: int) -> list[str]:
    return [view.table.item(r, column).text() for r in range(view.table.rowCount())]


def test_leaderboard_ranks_by_fair_score_with_raw_rates_beside(
        qtbot: QtBot, tmp_path: Path, runner: TaskRunner) -> None:
    packed(tmp_path)
    packed(tmp_path, client="K", lists_each=1, orders=10, packers=PACKERS[2:])
    view = LeaderboardView(ShareLayout(tmp_path), pause_gap=300, runner=runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.scoresLoaded, timeout=60000):
        pass
    assert [view.client_combo.itemText(i) for i in range(view.client_combo.count())] == [
        "All clients", "K", "M"]
    assert texts(view, 1) == ["Fast", "Ана", "Orca"] or texts(view, 1) == ["Fast", "Orca", "Ана"]
    by_name = {s.worker_name: s for s in view.rows}
    singles, multis = by_name["Ана"].score, by_name["Orca"].score
    assert singles is not None
    assert multis is not None
    assert abs(singles / multis - 1) <= 0.10
    assert by_name["Ана"].orders_per_hour > 2 * by_name["Orca"].orders_per_hour
    assert texts(view, 0) == ["1", "2", "3"]
    assert texts(view, 3) == [str(by_name[n].orders) for n in texts(view, 1)]
    assert by_name["Fast"].orders == 160  # both clients
    assert "ended lists" in view.status.text()
    # One client alone.
    view.client_combo.setCurrentIndex(view.client_combo.findData("K"))
    assert texts(view, 1) == ["Fast"]
    assert texts(view, 0) == ["—"]  # 10 orders: listed, not ranked
    assert cache_path(ShareLayout(tmp_path), "M").is_file()


def test_an_empty_share_says_so(qtbot: QtBot, tmp_path: Path, runner: TaskRunner) -> None:
    view = LeaderboardView(ShareLayout(tmp_path), pause_gap=300, runner=runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.scoresLoaded, timeout=20000):
        pass
    assert view.table.rowCount() == 0
    assert view.status.text() == "No ended lists with timed orders yet."


def test_the_dialog_starts_on_the_client_choice(qtbot: QtBot, tmp_path: Path,
                                                 runner: TaskRunner) -> None:
    dialog = leaderboard_dialog(ShareLayout(tmp_path), 300)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    view = dialog.findChild(LeaderboardView)
    assert view is not None
    assert dialog.windowTitle() == "Leaderboard"
    qtbot.waitUntil(lambda: view.client_combo.hasFocus() or not dialog.isActiveWindow())
    # An empty share answers at once: maybe before a wait for the signal could start.
    qtbot.waitUntil(lambda: view.status.text() == "No ended lists with timed orders yet.",
                    timeout=20000)


def test_workers_view_shows_the_score_next_to_the_raw_rates(
        qtbot: QtBot, tmp_path: Path, runner: TaskRunner) -> None:
    for packer in PACKERS:
        WorkerManager(tmp_path).get_or_create(packer.name)
    WorkerManager(tmp_path).get_or_create("Новак")  # no ended lists yet
    packed(tmp_path, lists_each=2, orders=40)
    view = WorkerView(ShareLayout(tmp_path), runner, pause_gap=300)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.scoresLoaded, timeout=60000):
        pass
    assert WORKER_COLUMNS[SCORE_COLUMN:SCORE_COLUMN + 2] == ("Score", "Scored orders")
    assert WORKER_COLUMNS[SCORE_COLUMN - 2:SCORE_COLUMN] == ("Orders/h", "Items/h")
    rows = {view.table.item(r, 0).text(): r for r in range(view.table.rowCount())}
    assert set(rows) == {"Ана", "Orca", "Fast", "Новак"}

    def score(name: str) -> float:
        return float(view.table.item(rows[name], SCORE_COLUMN).text())

    assert abs(score("Ана") / score("Orca") - 1) <= 0.10
    assert score("Fast") > score("Orca")
    assert view.table.item(rows["Orca"], SCORE_COLUMN + 1).text() == "80"
    assert view.table.item(rows["Новак"], SCORE_COLUMN).text() == "—"


def test_ctrl_l_opens_the_leaderboard_from_the_main_window(qtbot: QtBot,
                                                           share_root: Path) -> None:
    from packing_tool.storage.paths import RootChoice
    from packing_tool.storage.session_manager import SessionSettings
    from packing_tool.ui.main_window import MainWindow

    WorkerManager(share_root).get_or_create("Anna")
    runner = TaskRunner()
    window = MainWindow(RootChoice(share_root, False, "test"), runner,
                       settings=SessionSettings(debounce_seconds=0.0), sound=False)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    opened: list[str] = []

    def look_and_close() -> None:
        dialog = window.findChild(QDialog, "leaderboardDialog")
        if dialog is None:
            QTimer.singleShot(50, look_and_close)
            return
        opened.append(dialog.windowTitle())
        dialog.reject()

    try:
        qtbot.waitUntil(lambda: window.browser.client is not None
                        and not window.browser.loading, timeout=10000)
        action = next(a for a in window.actions() if a.shortcut() == QKeySequence("Ctrl+L"))
        assert action.text() == "Leaderboard…"
        QTimer.singleShot(50, look_and_close)
        action.trigger()
        assert opened == ["Leaderboard"]
    finally:
        window.close()
        assert runner.shutdown(timeout=10.0)


def test_a_slow_fit_never_holds_up_the_share_runner(
        qtbot: QtBot, tmp_path: Path, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from packing_tool.ui import worker_view

    WorkerManager(tmp_path).get_or_create("Мила")
    release = threading.Event()

    def slow_scores(root: Path, pause_gap: float) -> list[object]:
        assert release.wait(30)
        return []

    monkeypatch.setattr(worker_view, "load_scores", slow_scores)
    view = WorkerView(ShareLayout(tmp_path), runner, pause_gap=300)
    qtbot.addWidget(view)
    try:
        with qtbot.waitSignal(view.workersLoaded, timeout=20000):
            pass
        with qtbot.waitSignal(view.historyLoaded, timeout=20000):
            assert view.select_worker("worker_001")
        assert view.scores == {}  # still fitting meanwhile
    finally:
        release.set()
    with qtbot.waitSignal(view.scoresLoaded, timeout=20000):
        pass

"""Session Details and the worker view on a copy of the real share, loaded through the runner."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from packing_tool.domain.events import EventKind
from packing_tool.simulate import simulate
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_manager import SessionManager, SessionSettings
from packing_tool.ui.details_orders import MARK_ROLE
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.session_details import SessionDetailsDialog
from packing_tool.ui.worker_view import WorkerView
from shared.worker_manager import WorkerManager

SESSION = "2026-11-21_1"
FAST = SessionSettings(heartbeat_seconds=0.05, share_timeout=10, retry_seconds=0.05,
                       debounce_seconds=0.0)


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(timeout=10.0)


def open_details(qtbot: QtBot, root: Path, runner: TaskRunner,
                 list_name: str) -> SessionDetailsDialog:
    dialog = SessionDetailsDialog(ShareLayout(root), runner, "M", SESSION, list_name)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    return dialog


def test_a_completed_list_shows_its_orders_metrics_and_charts(
        qtbot: QtBot, share_root: Path, runner: TaskRunner) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    dialog = open_details(qtbot, share_root, runner, "DHL_Orders")
    assert dialog.objectName() == "sessionDetailsDialog"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Overview", "Orders (5)", "Metrics", "SKUs"]
    tree = dialog.orders_tab.tree
    assert tree.topLevelItemCount() == 5
    assert dialog.orders_tab.count.text() == "Showing 5 of 5 orders"
    first = tree.topLevelItem(0)
    assert first.childCount() == 2  # five orders or fewer: expanded, scans loaded
    assert [first.child(i).data(0, MARK_ROLE) for i in range(2)] == ["order", "complete"]
    dialog.orders_tab.search.setText(first.text(0).lstrip("#"))
    assert dialog.orders_tab.count.text() == "Showing 1 of 5 orders"
    for name in ("hourlyChart", "orderDurationChart"):
        chart = dialog.findChild(QChartView, name)
        assert chart is not None
        assert chart.chart().series()
    assert dialog.findChild(QChartView, "orderDurationChart").chart().series()[0].count() == 5
    assert dialog.status.text() == "final figures"
    assert dialog.sku_table.rowCount() == 5  # the DHL list's distinct SKUs
    assert dialog.details is not None
    assert dialog.details.summary["completed_orders"] == 5
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.reload()
    assert dialog.tabs.count() == 4
    assert dialog.orders_tab.tree.topLevelItemCount() == 5


def test_a_live_list_is_shown_from_its_journal_with_marked_scans(
        qtbot: QtBot, share_root: Path, runner: TaskRunner) -> None:
    profile = WorkerManager(share_root).get_or_create("Boris")
    boris = Worker(profile.id, profile.name)
    manager = SessionManager(ShareLayout(share_root), boris, FAST)
    try:
        active = manager.open("M", SESSION, "DPD_Orders")
        for code in ("48212", "NOPE-1", "MC-BDY-801-250", "MC-SER-102-30"):
            active.session.scan(code, boris)
        active.session.scan("48218", boris)
        active.session.act(EventKind.MANUAL, boris, row=0, reason="no label")
        manager.pause(active)
    finally:
        manager.close()
    dialog = open_details(qtbot, share_root, runner, "DPD_Orders")
    details = dialog.details
    assert details is not None
    assert (details.source, details.status) == ("journal", "paused")
    assert dialog.status.text() == "live: counted from the scans so far"  # no file names
    tree = dialog.orders_tab.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == [
        "#48212", "#48218"]
    done = tree.topLevelItem(0)
    assert [done.child(i).data(0, MARK_ROLE) for i in range(done.childCount())] == [
        "order", "unknown", "wrong", "complete"]
    notice = dialog.findChild(QLabel, "liveNotice")
    assert notice is not None
    assert notice.text().startswith("Live figures")


def test_a_hung_share_leaves_the_dialog_responsive_and_it_loads_after(
        qtbot: QtBot, share_root: Path, runner: TaskRunner) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    release = threading.Event()
    runner.submit(release.wait, 30)
    try:
        dialog = SessionDetailsDialog(ShareLayout(share_root), runner, "M", SESSION,
                                      "DHL_Orders")
        qtbot.addWidget(dialog)
        dialog.show()
        fired: list[bool] = []
        QTimer.singleShot(50, lambda: fired.append(True))
        qtbot.waitUntil(lambda: bool(fired), timeout=2_000)
        assert dialog.status.text() == "Loading…"
        assert dialog.details is None
    finally:
        release.set()
    qtbot.waitUntil(lambda: dialog.details is not None, timeout=10_000)
    assert dialog.orders_tab.tree.topLevelItemCount() == 5


def test_an_unreadable_list_is_reported_not_raised(qtbot: QtBot, share_root: Path,
                                                   runner: TaskRunner) -> None:
    dialog = SessionDetailsDialog(ShareLayout(share_root), runner, "M", SESSION, "No_Such_List")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.show()
    assert dialog.status.text().startswith("Cannot read this list: ")


def test_the_worker_view_lists_workers_and_their_sessions(
        qtbot: QtBot, share_root: Path, runner: TaskRunner) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    simulate(share_root, "M", SESSION, "DPD_Orders", "Anna", complete=True)
    view = WorkerView(ShareLayout(share_root), runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.workersLoaded, timeout=10_000):
        view.show()
    assert view.objectName() == "workerView"
    anna = next(w for w in view.workers if w["name"] == "Anna")
    assert (anna["total_sessions"], anna["total_orders"], anna["total_items"]) == (2, 13, 26)
    with qtbot.waitSignal(view.historyLoaded, timeout=10_000) as loaded:
        assert view.select_worker(anna["id"])
    assert loaded.args == [anna["id"], 2]
    assert view.history_table.rowCount() == 2
    assert {r["packing_list_name"] for r in view.history} == {"DHL_Orders", "DPD_Orders"}
    assert view.findChild(QChartView, "workerRateChart") is not None
    headers = [view.history_table.horizontalHeaderItem(c).text()
               for c in range(view.history_table.columnCount())]
    took = view.history_table.item(0, headers.index("Packing time")).text()
    assert took.endswith(" s"), took  # worded ("1 min 12 s"), not raw seconds ("72.4")
    assert not took.replace(",", "").replace(".", "").isdigit(), took

"""Workers: each packer's totals and averages, and their sessions' rates over time.

Profiles come from ``Workers/workers.json`` and the sessions from the shared statistics'
packing history, both read on the runner. A record without a duration has no rate: it is
listed, but left out of the chart rather than drawn as zero.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QTableWidget, QVBoxLayout, QWidget

from packing_tool.domain.scores import DEFAULT_PAUSE_GAP, WorkerScore, leaderboard
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.score_history import ClientScores, combined
from packing_tool.ui.browser_texts import format_duration, format_time
from packing_tool.ui.charts import time_chart
from packing_tool.ui.leaderboard import load_scores, scores_runner
from packing_tool.ui.local_time import decimal
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.tables import cell, fill_table, table
from packing_tool.ui.widgets import named
from shared.stats_manager import StatsManager
from shared.timestamps import parse_timestamp
from shared.worker_manager import WorkerManager

WORKER_COLUMNS = (  # translated when shown; column 1 holds the worker id, hidden
    QT_TRANSLATE_NOOP("WorkerView", "Worker"), "ID", QT_TRANSLATE_NOOP("WorkerView", "Active"),
    QT_TRANSLATE_NOOP("WorkerView", "Sessions"), QT_TRANSLATE_NOOP("WorkerView", "Orders"),
    QT_TRANSLATE_NOOP("WorkerView", "Items"), QT_TRANSLATE_NOOP("WorkerView", "Packing time"),
    QT_TRANSLATE_NOOP("WorkerView", "Orders/h"), QT_TRANSLATE_NOOP("WorkerView", "Items/h"),
    QT_TRANSLATE_NOOP("WorkerView", "Score"), QT_TRANSLATE_NOOP("WorkerView", "Scored orders"),
    QT_TRANSLATE_NOOP("WorkerView", "Avg s/order"),
    QT_TRANSLATE_NOOP("WorkerView", "Last active"))
SCORE_COLUMN = 9  # then "Scored orders": the fair score (docs/scores.md), filled when read
HISTORY_COLUMNS = (
    QT_TRANSLATE_NOOP("WorkerView", "When"), QT_TRANSLATE_NOOP("WorkerView", "Client"),
    QT_TRANSLATE_NOOP("WorkerView", "Session"), QT_TRANSLATE_NOOP("WorkerView", "List"),
    QT_TRANSLATE_NOOP("WorkerView", "Orders"), QT_TRANSLATE_NOOP("WorkerView", "Items"),
    QT_TRANSLATE_NOOP("WorkerView", "Packing time"), QT_TRANSLATE_NOOP("WorkerView", "Orders/h"))
HISTORY_LIMIT = 500  # the newest records; the stats file keeps 1,000 of all workers


def _headers(columns: tuple[str, ...]) -> list[str]:
    return [QCoreApplication.translate("WorkerView", c) for c in columns]


def read_workers(root: Path) -> list[dict[str, Any]]:
    return [p.to_dict() for p in WorkerManager(root).get_all_workers(include_inactive=True)]


def read_history(root: Path, worker_id: str) -> list[dict[str, Any]]:
    return StatsManager(root).get_packing_history(worker_id=worker_id, limit=HISTORY_LIMIT)


def rate(record: dict[str, Any]) -> float | None:
    """Orders per hour of one packing record; None without a usable duration."""
    seconds, orders = record.get("duration_seconds"), record.get("orders_count")
    if not isinstance(seconds, (int, float)) or seconds <= 0 or not isinstance(orders, int):
        return None
    return round(orders * 3600 / seconds, 1)


class WorkerView(QWidget):
    workersLoaded = Signal(int)
    historyLoaded = Signal(str, int)  # worker_id, records
    scoresLoaded = Signal(int)  # workers with a score

    def __init__(self, layout: ShareLayout, runner: TaskRunner,
                 parent: QWidget | None = None, pause_gap: float = DEFAULT_PAUSE_GAP) -> None:
        super().__init__(parent)
        self.setObjectName("workerView")
        self.share, self.runner, self.pause_gap = layout, runner, pause_gap
        self.scores: dict[str, WorkerScore] = {}
        self.workers: list[dict[str, Any]] = []
        self.history: list[dict[str, Any]] = []
        self.selected: str | None = None
        self.status = named(QLabel(self.tr("Loading workers…")), "workerStatus")
        self.table = table("workerTable", _headers(WORKER_COLUMNS), [])
        self.table.setColumnHidden(1, True)  # the worker id: for selecting, not for people
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._worker_chosen)
        self.history_box = QWidget()
        self.history_layout = QVBoxLayout(self.history_box)
        self.history_table = table("workerHistory", _headers(HISTORY_COLUMNS), [])
        self.chart = time_chart(self.tr("Orders per hour by session"), [],
                                name="workerRateChart", y_title=self.tr("orders/h"))
        self.history_layout.addWidget(self.history_table)
        self.history_layout.addWidget(self.chart)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.history_box)
        outer = QVBoxLayout(self)
        outer.addWidget(self.status)
        outer.addWidget(splitter, 1)
        self.reload()

    def reload(self) -> None:
        self.runner.submit(read_workers, self.share.root, on_done=self._workers_loaded,
                           on_error=self._failed, owner=self)
        scores_runner().submit(load_scores, self.share.root, self.pause_gap, owner=self,
                               on_done=self._scores_loaded, on_error=self._failed)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Cannot read the share: {reason}").format(reason=message))

    def _workers_loaded(self, workers: list[dict[str, Any]]) -> None:
        self.workers = workers
        rows = [(w.get("name"), w.get("id"),
                 self.tr("yes") if w.get("active", True) else self.tr("no"),
                 w.get("total_sessions"), w.get("total_orders"), w.get("total_items"),
                 format_duration(w.get("total_duration_seconds")), w.get("orders_per_hour"),
                 w.get("items_per_hour"), *self._score_cells(w.get("id")),
                 w.get("avg_time_per_order"),
                 format_time(w.get("last_active"))) for w in workers]
        fill_table(self.table, rows)
        self.table.resizeColumnsToContents()  # headers whole ("Scored orders"), in any language
        self.status.setText(self.tr("{n} workers. Select one to see their sessions.").format(
            n=len(workers)))
        self.workersLoaded.emit(len(workers))

    def _score_cells(self, worker_id: Any) -> tuple[Any, Any]:
        found = self.scores.get(worker_id) if isinstance(worker_id, str) else None
        if found is None or found.score is None:
            return (None, None)
        return (decimal(found.score, 2), found.orders)  # "1.00": sorts as text below 10

    def _scores_loaded(self, clients: list[ClientScores]) -> None:
        """Fill the score columns in place (the rows, their order and selection stay)."""
        self.scores = {s.worker_id: s for s in leaderboard(combined(clients))}
        self.table.setSortingEnabled(False)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 1)
            for offset, value in enumerate(self._score_cells(item.text() if item else None)):
                self.table.setItem(row, SCORE_COLUMN + offset, cell(value))
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.scoresLoaded.emit(len(self.scores))

    def _name(self, worker_id: str) -> str:
        """The worker's name, as people know them (ids stay out of sight)."""
        return next((str(w.get("name")) for w in self.workers if w.get("id") == worker_id),
                    worker_id)

    def select_worker(self, worker_id: str) -> bool:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 1)
            if item is not None and item.text() == worker_id:
                self.table.selectRow(row)
                return True
        return False

    def _worker_chosen(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if not rows:
            return
        item = self.table.item(rows.pop(), 1)
        if item is None or item.text() == self.selected:
            return
        worker_id = self.selected = item.text()
        self.status.setText(self.tr("Loading the sessions of {name}…").format(
            name=self._name(worker_id)))
        self.runner.submit(read_history, self.share.root, worker_id, owner=self,
                           on_done=partial(self._history, worker_id), on_error=self._failed)

    def _history(self, worker_id: str, records: list[dict[str, Any]]) -> None:
        if worker_id != self.selected:
            return  # another worker was chosen meanwhile
        self.history = records
        rows = [(format_time(r.get("timestamp")), r.get("client_id"), r.get("session_id"),
                 r.get("packing_list_name"), r.get("orders_count"), r.get("items_count"),
                 format_duration(r.get("duration_seconds")), rate(r)) for r in records]
        points: list[tuple[datetime, float]] = []
        for record in records:
            moment, value = parse_timestamp(record.get("timestamp")), rate(record)
            if moment is not None and value is not None:
                points.append((moment, value))
        fill_table(self.history_table, rows)
        self.history_table.resizeColumnsToContents()
        self.history_layout.removeWidget(self.chart)
        self.chart.deleteLater()
        name = self._name(worker_id)
        self.chart = time_chart(self.tr("Orders per hour by session: {name}").format(name=name),
                                points, name="workerRateChart", y_title=self.tr("orders/h"))
        self.history_layout.addWidget(self.chart)
        self.status.setText(self.tr("{name}: {n} packing records").format(name=name,
                                                                          n=len(records)))
        self.historyLoaded.emit(worker_id, len(records))

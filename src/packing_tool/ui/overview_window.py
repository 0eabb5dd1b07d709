"""The start window: which share is in use, its shared statistics and worker profiles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packing_tool import __version__
from packing_tool.storage.paths import RootChoice
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.widgets import named
from shared.stats_manager import StatsManager
from shared.worker_manager import WorkerManager


def read_overview(root: Path) -> dict[str, Any]:
    """Shared statistics and worker profiles (share I/O: runs on the background runner)."""
    stats = StatsManager(root).get_all_clients_stats()
    workers = [w.to_dict() for w in WorkerManager(root).get_all_workers()]
    return {"stats": stats, "workers": workers}


class OverviewWindow(QMainWindow):
    def __init__(self, choice: RootChoice, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.runner = runner if runner is not None else TaskRunner(self)
        self.setObjectName("overviewWindow")
        self.setWindowTitle(self.tr("Packing Tool {version}").format(version=__version__))
        self.resize(820, 520)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        where = self.tr("demo data (no server configured)") if choice.is_demo else str(
            choice.path)
        self.banner = named(QLabel(self.tr("Share: {where}").format(where=where)), "shareBanner")
        self.status = named(QLabel(self.tr("Loading statistics…")), "loadStatus")
        self.clients = named(QTableWidget(0, 5), "clientStats")
        self.clients.setHorizontalHeaderLabels(
            [self.tr("Client"), self.tr("Orders analysed"), self.tr("Orders packed"),
             self.tr("Items packed"), self.tr("Sessions")])
        self.workers = named(QTableWidget(0, 4), "workerTable")
        self.workers.setHorizontalHeaderLabels([self.tr("Worker"), self.tr("Sessions"),
                                                self.tr("Orders"), self.tr("Items")])
        for widget in (self.banner, self.status, QLabel(self.tr("Clients")), self.clients,
                       QLabel(self.tr("Workers")), self.workers):
            layout.addWidget(widget)
        self.setCentralWidget(body)
        self.runner.submit(read_overview, choice.path, on_done=self._on_loaded,
                           on_error=self._on_failed, owner=self)

    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("Cannot read the share: {reason}").format(
            reason=message))  # shown, never swallowed

    def _on_loaded(self, result: dict[str, Any]) -> None:
        self.status.setText(self.tr("Statistics loaded."))
        stats: dict[str, dict[str, Any]] = result["stats"]
        self.clients.setRowCount(len(stats))
        for row, (client, entry) in enumerate(sorted(stats.items())):
            values = [client, entry["orders_analyzed"], entry["orders_packed"],
                      entry["items_packed"], entry["sessions"]]
            for col, value in enumerate(values):
                self.clients.setItem(row, col, QTableWidgetItem(str(value)))
        workers: list[dict[str, Any]] = result["workers"]
        self.workers.setRowCount(len(workers))
        for row, worker in enumerate(workers):
            values = [worker["name"], worker["total_sessions"], worker["total_orders"],
                      worker["total_items"]]
            for col, value in enumerate(values):
                self.workers.setItem(row, col, QTableWidgetItem(str(value)))
        for table in (self.clients, self.workers):
            table.verticalHeader().setVisible(False)
            table.resizeColumnsToContents()  # headers whole, in either language

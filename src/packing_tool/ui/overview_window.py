"""The start window: which share is in use, its shared statistics and worker profiles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
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
from shared.stats_manager import StatsManager
from shared.worker_manager import WorkerManager


class _Loaded(QObject):
    done = Signal(object)


class _LoadShare(QRunnable):
    """Reads the share off the UI thread; a hung share must not freeze the window."""

    def __init__(self, choice: RootChoice, signal: _Loaded) -> None:
        super().__init__()
        self.choice, self.signal = choice, signal

    def run(self) -> None:
        try:
            stats = StatsManager(self.choice.path).get_all_clients_stats()
            workers = [w.to_dict() for w in WorkerManager(self.choice.path).get_all_workers()]
            self.signal.done.emit({"stats": stats, "workers": workers})
        except Exception as exc:  # shown to the user, never swallowed
            self.signal.done.emit({"error": f"{type(exc).__name__}: {exc}"})


class OverviewWindow(QMainWindow):
    def __init__(self, choice: RootChoice) -> None:
        super().__init__()
        self.setObjectName("overviewWindow")
        self.setWindowTitle(f"Packing Tool {__version__}")
        self.resize(820, 520)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        where = "demo data (no server configured)" if choice.is_demo else str(choice.path)
        self.banner = QLabel(f"Share: {where}", objectName="shareBanner")
        self.status = QLabel("Loading statistics…", objectName="loadStatus")
        self.clients = QTableWidget(0, 5, objectName="clientStats")
        self.clients.setHorizontalHeaderLabels(
            ["Client", "Orders analysed", "Orders packed", "Items packed", "Sessions"])
        self.workers = QTableWidget(0, 4, objectName="workerTable")
        self.workers.setHorizontalHeaderLabels(["Worker", "Sessions", "Orders", "Items"])
        for widget in (self.banner, self.status, QLabel("Clients"), self.clients,
                       QLabel("Workers"), self.workers):
            layout.addWidget(widget)
        self.setCentralWidget(body)
        self._loaded = _Loaded(self)
        self._loaded.done.connect(self._on_loaded)
        QThreadPool.globalInstance().start(_LoadShare(choice, self._loaded))

    def _on_loaded(self, result: dict[str, Any]) -> None:
        if "error" in result:
            self.status.setText(f"Cannot read the share: {result['error']}")
            return
        self.status.setText("Statistics loaded.")
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

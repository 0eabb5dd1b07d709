"""The main window's status bar: who is packing, on which station, whether the share answers
and whether the open list's lock is this station's."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from packing_tool.ui.widgets import named

# px: a status label narrower than its text on a small screen is cut, rather than pushing the
# window past the screen's edge
SHRINK_TO = 40


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's own context


class StationStatus:
    """Labels ``statusWorker``, ``statusStation``, ``statusShare`` and ``statusLock``."""

    def __init__(self, bar: QStatusBar, station: str) -> None:
        self.worker_label = named(QLabel(_tr("No worker")), "statusWorker")
        self.station_label = named(QLabel(), "statusStation")
        self.share_label = named(QLabel(_tr("Share: online")), "statusShare")
        self.lock_label = named(QLabel(_tr("No list open")), "statusLock")
        self.labels = (self.worker_label, self.station_label, self.share_label, self.lock_label)
        for label in self.labels:
            label.setMinimumWidth(SHRINK_TO)  # long (Bulgarian) texts never widen the window
            bar.addPermanentWidget(label)
        self.show_station(station)

    def show_worker(self, name: str) -> None:
        self.worker_label.setText(_tr("Worker: {name}").format(name=name))

    def show_station(self, name: str) -> None:
        self.station_label.setText(_tr("Station {name}").format(name=name))

    def show_share(self, state: str, waiting: int) -> None:
        if state == "online":
            self.share_label.setText(_tr("Share: online"))
        elif state == "offline":
            self.share_label.setText(
                _tr("Share: OFFLINE, 1 scan waiting on this PC") if waiting == 1 else
                _tr("Share: OFFLINE, {n} scans waiting on this PC").format(n=waiting))
        else:
            self.share_label.setText(_tr("Share: list taken over"))

    def show_lock(self, list_name: str | None) -> None:
        """The open list's lock is held by this station; None: no list is open."""
        self.lock_label.setText(_tr("No list open") if list_name is None else _tr(
            "Lock: {list} held by this station").format(list=list_name))

    def show_lock_lost(self) -> None:
        self.lock_label.setText(_tr("Lock: LOST"))

"""The leaderboard (Tools → Leaderboard…, Ctrl+L): packers ranked by their fair score.

A score is the time the client's usual pace would take for exactly the orders a packer
packed, over the packer's active time (``domain.scores``, docs/scores.md): 1.00 is the usual
pace, 1.20 a fifth faster, whatever mix of singles and big orders they got. Raw orders and
units per hour stand beside it, with the number of orders the score rests on. Scores are read
and, when the history changed, fitted again on their own runner (``scores_runner``), never on
the UI thread, and never in front of the share runner's reads and writes: a cold fit of a
long history takes seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from packing_tool.domain.scores import MIN_RANKED_ORDERS, WorkerScore, leaderboard
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.score_history import ClientScores, combined, share_scores
from packing_tool.ui.local_time import decimal, duration
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.tables import fill_table, table
from packing_tool.ui.widgets import named

ALL_CLIENTS = ""
_RUNNER: list[TaskRunner] = []


def score_cells(score: WorkerScore) -> tuple[Any, Any, Any, Any]:
    """Score ("1.00", two decimals always: it sorts as text while below 10), scored orders,
    orders/h and units/h (numbers, so those columns sort as numbers)."""
    def rounded(value: float | None, digits: int) -> float | None:
        return None if value is None else round(value, digits)

    return (decimal(score.score, 2), score.orders, rounded(score.orders_per_hour, 1),
            rounded(score.units_per_hour, 1))


def load_scores(root: Path, pause_gap: float) -> list[ClientScores]:
    """On the runner: every client's scores (from their caches when the history is the same)."""
    return share_scores(root, pause_gap)


def scores_runner() -> TaskRunner:
    """The app's one runner for scores, made on first use (a daemon thread of its own)."""
    if not _RUNNER or not shiboken6.isValid(_RUNNER[0]):
        _RUNNER[:] = [TaskRunner(QCoreApplication.instance(), name="scores")]
    return _RUNNER[0]


class LeaderboardView(QWidget):
    scoresLoaded = Signal(int)  # clients read

    def __init__(self, layout: ShareLayout, pause_gap: float, parent: QWidget | None = None,
                 *, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leaderboardView")
        self.share, self.pause_gap = layout, pause_gap
        self.runner = runner or scores_runner()
        self.clients: list[ClientScores] = []
        self.rows: list[WorkerScore] = []
        self.client_combo = named(QComboBox(), "leaderboardClient")
        self.client_combo.addItem(self.tr("All clients"), ALL_CLIENTS)
        self.client_combo.currentIndexChanged.connect(self._show)
        chooser = QLabel(self.tr("&Client"))
        chooser.setBuddy(self.client_combo)
        self.status = named(QLabel(self.tr("Reading the packing history…")), "leaderboardStatus")
        self.status.setWordWrap(True)
        headers = (self.tr("Rank"), self.tr("Worker"), self.tr("Score"),
                   self.tr("Scored orders"), self.tr("Orders/h"), self.tr("Units/h"),
                   self.tr("Active time"))
        self.table = table("leaderboardTable", headers, [])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        note = QLabel(self.tr(
            "Score: the client's usual time for exactly these orders (their units, lines and "
            "products) over the packer's active time; 1.00 is the usual pace. Pauses, undo and "
            "hand-over are not packing time. Packers with fewer than {n} scored orders are "
            "listed without a rank.").format(n=MIN_RANKED_ORDERS))
        note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(chooser)
        top.addWidget(self.client_combo)
        top.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.status)
        outer.addWidget(self.table, 1)
        outer.addWidget(note)
        self.reload()

    def reload(self) -> None:
        self.runner.submit(load_scores, self.share.root, self.pause_gap, owner=self,
                           on_done=self._loaded, on_error=self._failed)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Cannot read the share: {message}").format(message=message))

    def _loaded(self, clients: list[ClientScores]) -> None:
        self.clients = clients
        chosen = self.client_combo.currentData()
        self.client_combo.blockSignals(True)
        while self.client_combo.count() > 1:
            self.client_combo.removeItem(1)
        for client in clients:
            self.client_combo.addItem(client.client, client.client)
        self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(chosen)))
        self.client_combo.blockSignals(False)
        self._show()
        self.scoresLoaded.emit(len(clients))

    def chosen(self) -> Sequence[ClientScores]:
        wanted = self.client_combo.currentData()
        return [c for c in self.clients if wanted in (ALL_CLIENTS, c.client)]

    def _show(self) -> None:
        chosen = self.chosen()
        self.rows = leaderboard(combined(chosen))
        rank = 0
        cells = []
        for score in self.rows:
            rank += score.ranked
            cells.append((rank if score.ranked else None, score.worker_name,
                          *score_cells(score), duration(score.active_seconds)))
        fill_table(self.table, cells)
        self.table.resizeColumnsToContents()
        orders = sum(c.model.orders for c in chosen)
        if not self.rows:
            self.status.setText(self.tr("No ended lists with timed orders yet."))
        else:
            self.status.setText(self.tr(
                "{workers} packers, {orders} orders of {lists} ended lists. Pause after "
                "{gap}.").format(workers=len(self.rows), orders=orders,
                                 lists=sum(c.summaries for c in chosen),
                                 gap=duration(self.pause_gap)))


def leaderboard_dialog(layout: ShareLayout, pause_gap: float,
                       parent: QWidget | None = None) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName("leaderboardDialog")
    dialog.setWindowTitle(QCoreApplication.translate("LeaderboardView", "Leaderboard"))
    dialog.resize(900, 560)
    view = LeaderboardView(layout, pause_gap, dialog)
    QVBoxLayout(dialog).addWidget(view)
    view.client_combo.setFocus()
    return dialog

"""What a worker card shows, read from the share, and the card button itself.

``load_worker_cards`` does share I/O and runs on the background runner; the rest is pure
formatting and one small widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from packing_tool.ui.widgets import named
from shared.stats_manager import StatsManager
from shared.timestamps import parse_timestamp
from shared.worker_manager import WorkerManager, WorkerProfile


@dataclass(frozen=True)
class WorkerCardData:
    profile: WorkerProfile
    today_orders: int = 0
    today_items: int = 0
    today_sessions: int = 0
    last_activity: datetime | None = None  # newest of the profile's and the stats' records


def summarise(profiles: list[WorkerProfile], history: list[dict[str, Any]],
              today: date) -> list[WorkerCardData]:
    """Cards for ``profiles``, with today's figures from packing ``history``, newest first."""
    totals: dict[str, list[int]] = {}
    latest: dict[str, datetime] = {}
    for record in history:
        worker_id = record.get("worker_id")
        moment = parse_timestamp(record.get("timestamp"))
        if not isinstance(worker_id, str) or moment is None:
            continue
        if worker_id not in latest or moment > latest[worker_id]:
            latest[worker_id] = moment
        if moment.astimezone().date() == today:
            figures = totals.setdefault(worker_id, [0, 0, 0])
            figures[0] += _count(record.get("orders_count"))
            figures[1] += _count(record.get("items_count"))
            figures[2] += 1
    cards = []
    for profile in profiles:
        seen = [m for m in (parse_timestamp(profile.last_active), latest.get(profile.id)) if m]
        orders, items, sessions = totals.get(profile.id, [0, 0, 0])
        cards.append(WorkerCardData(profile, orders, items, sessions, max(seen, default=None)))
    cards.sort(key=lambda c: (-(c.last_activity.timestamp() if c.last_activity else -1e18),
                              c.profile.name.casefold()))
    return cards


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def load_worker_cards(root: Path, today: date) -> list[WorkerCardData]:
    """Read active workers and the packing history from the share (runs off the UI thread)."""
    profiles = WorkerManager(root).get_all_workers()
    history = StatsManager(root).get_packing_history()
    return summarise(profiles, history, today)


def ago(moment: datetime | None, now: datetime) -> str:
    """"just now", "5 min ago", "3 h ago", "yesterday", "4 days ago" or the date."""
    if moment is None:
        return "never"
    seconds = (now - moment).total_seconds()
    days = (now.date() - moment.astimezone(now.tzinfo).date()).days
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if days == 0:
        return f"{int(seconds // 3600)} h ago"
    if days == 1:
        return "yesterday"
    return f"{days} days ago" if days < 7 else moment.strftime("%d %b %Y")


def card_lines(index: int, card: WorkerCardData, now: datetime) -> tuple[str, str, str, str]:
    """Name (with its number key), today's figures, lifetime totals, sessions and activity."""
    p = card.profile
    return (f"{index}  {p.name}" if index <= 9 else p.name,
            (f"Today: {card.today_orders} orders · {card.today_items} items"
             if card.today_sessions else "Today: nothing packed yet"),
            f"In total: {p.total_orders} orders · {p.total_items} items",
            f"{p.total_sessions} sessions · last active {ago(card.last_activity, now)}")


class WorkerCard(QPushButton):
    """One worker (objectName ``workerCard``, property ``workerId``); click to choose."""

    def __init__(self, index: int, card: WorkerCardData, now: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workerCard")
        self.setProperty("workerId", card.profile.id)
        self.card = card
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the dialog is usable by keyboard
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAutoDefault(True)
        self._lines = card_lines(index, card, now)
        layout = QVBoxLayout(self)
        for i, text in enumerate(self._lines):
            label = named(QLabel(text), "workerCardName" if i == 0 else "workerCardFigures")
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks: card
            layout.addWidget(label)
        self.setMinimumHeight(layout.sizeHint().height())
        self.setAccessibleName(", ".join(self._lines))

    def lines(self) -> tuple[str, ...]:
        return self._lines

    @property
    def profile(self) -> WorkerProfile:
        return self.card.profile

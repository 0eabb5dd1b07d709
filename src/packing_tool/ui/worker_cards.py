"""What a worker card shows, read from the share, and the card button itself.

``load_worker_cards`` does share I/O and runs on the background runner; the rest is pure
formatting and one small widget.

A card's number (and its key, 1 to 9) is the worker's place in the order workers were added
(worker id order, deactivated workers keeping their place), so it never changes. "Today"
counts the lists ended today (the statistics' packing history) plus the lists still open
that were worked on today (their live ``progress.json``, found through each client's session
index: one small file per open list).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from packing_tool.storage.discovery import list_clients
from packing_tool.storage.layout import ShareLayout, UnsafeNameError
from packing_tool.storage.live_progress import read_progress
from packing_tool.storage.session_index import read_index
from packing_tool.ui import local_time
from packing_tool.ui.local_time import ago
from packing_tool.ui.widgets import named
from shared.stats_manager import StatsManager
from shared.timestamps import parse_timestamp
from shared.worker_manager import ID_PATTERN, WorkerManager, WorkerProfile

log = logging.getLogger(__name__)
OPEN_STATUSES = ("in_progress", "paused")


@dataclass(frozen=True)
class WorkerCardData:
    profile: WorkerProfile
    today_orders: int = 0
    today_items: int = 0
    today_sessions: int = 0
    last_activity: datetime | None = None  # newest of the profile's and the stats' records
    number: int = 0  # the card's fixed number: place in the order workers were added


def id_order(worker_id: str) -> tuple[int, int, str]:
    """``worker_002`` after ``worker_001`` (numerically), other ids after them by text."""
    match = ID_PATTERN.fullmatch(worker_id)
    return (0, int(match.group(1)), worker_id) if match else (1, 0, worker_id)


def summarise(profiles: list[WorkerProfile], history: list[dict[str, Any]],
              today: date, open_today: dict[str, list[int]] | None = None
              ) -> list[WorkerCardData]:
    """Cards for the active ``profiles`` in their fixed order (numbered among every profile,
    deactivated ones too), with today's figures from packing ``history`` plus
    ``open_today`` (worker id → [orders, items, lists] of lists still open)."""
    totals: dict[str, list[int]] = {k: list(v) for k, v in (open_today or {}).items()}
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
    for place, profile in enumerate(sorted(profiles, key=lambda p: id_order(p.id)), start=1):
        if not profile.active:
            continue
        seen = [m for m in (parse_timestamp(profile.last_active), latest.get(profile.id)) if m]
        orders, items, sessions = totals.get(profile.id, [0, 0, 0])
        cards.append(WorkerCardData(profile, orders, items, sessions, max(seen, default=None),
                                    place))
    return cards


def open_lists_today(root: Path, today: date) -> dict[str, list[int]]:
    """Worker id → [orders, items, lists] of lists not ended yet, last worked on ``today``."""
    layout = ShareLayout(root)
    totals: dict[str, list[int]] = {}
    for client in list_clients(layout):
        try:
            entries = read_index(layout, client).get("entries")
        except (OSError, ValueError) as exc:  # the cards show what could be read
            log.warning("today's open lists of client %s not read: %s", client, exc)
            continue
        for entry in (entries.values() if isinstance(entries, dict) else ()):
            if not isinstance(entry, dict) or entry.get("status") not in OPEN_STATUSES:
                continue
            worker, session = entry.get("worker_id"), entry.get("session_id")
            name = entry.get("packing_list_name")
            if not (isinstance(worker, str) and isinstance(session, str)
                    and isinstance(name, str)):
                continue
            try:
                live = read_progress(layout.work_dir(client, session, name)) or entry
            except UnsafeNameError:
                continue
            moment = parse_timestamp(live.get("updated_at"))
            if moment is None or moment.astimezone().date() != today:
                continue
            figures = totals.setdefault(worker, [0, 0, 0])
            figures[0] += _count(live.get("completed_orders"))
            figures[1] += _count(live.get("packed_items"))
            figures[2] += 1
    return totals


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def load_worker_cards(root: Path, today: date) -> list[WorkerCardData]:
    """Read active workers and the packing history from the share (runs off the UI thread)."""
    profiles = WorkerManager(root).get_all_workers(include_inactive=True)
    history = StatsManager(root).get_packing_history()
    return summarise(profiles, history, today, open_lists_today(root, today))


__all__ = ["ago"]  # "5 min ago", "yesterday": local_time's, in the chosen language


def card_lines(index: int, card: WorkerCardData, now: datetime) -> tuple[str, str, str, str]:
    """Name (with its fixed number), today's figures, lifetime totals, sessions and activity."""
    p = card.profile
    if card.today_sessions:
        today = QCoreApplication.translate("WorkerCard", "Today: {orders} orders · {items} items")
        today = today.format(orders=local_time.number(card.today_orders),
                             items=local_time.number(card.today_items))
    else:
        today = QCoreApplication.translate("WorkerCard", "Today: nothing packed yet")
    total = QCoreApplication.translate("WorkerCard", "In total: {orders} orders · {items} items")
    active = QCoreApplication.translate("WorkerCard", "{sessions} sessions · last active {when}")
    return (f"{index}  {p.name}" if index > 0 else p.name, today,
            total.format(orders=local_time.number(p.total_orders),
                         items=local_time.number(p.total_items)),
            active.format(sessions=local_time.number(p.total_sessions),
                          when=ago(card.last_activity, now)))


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

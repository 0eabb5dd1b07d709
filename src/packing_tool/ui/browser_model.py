"""The Session Browser's table: index rows as a Qt model (no widget per row, thousands stay fast).

Cells are formatted once when rows arrive, so painting and sorting only read tuples. The
sort role carries numbers and times, so "10/12" sorts after "9/12" and dates sort as dates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from packing_tool.storage.discovery import session_date
from packing_tool.storage.lock_info import host_name
from packing_tool.storage.session_index import STATUS_LABELS, STATUSES, IndexRow
from shared.timestamps import now, parse_timestamp, sort_key

COLUMNS = ("Status", "Packing List", "Courier", "Session", "Worker", "PC", "Progress",
           "Started", "Duration", "Items")
SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# Readable on the light and the dark theme alike (the status column's text and marker).
STATUS_COLOURS = {
    "available": "#4A90D9", "in_progress": "#27AE60", "stale": "#E67E22", "paused": "#D4AC0D",
    "completed": "#2ECC71", "incomplete": "#E74C3C", "abandoned": "#C0392B",
}
DASH = "—"
RESUMABLE = ("paused", "incomplete", "abandoned")
Index = QModelIndex | QPersistentModelIndex


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return DASH
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m {secs}s" if minutes else f"{secs}s"


def format_time(value: str | None) -> str:
    moment = parse_timestamp(value)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else DASH


def fraction(done: int | None, total: int | None) -> str:
    if total is None:
        return DASH
    return f"{done or 0}/{total}"


def row_day(row: IndexRow) -> str:
    """The row's date (``YYYY-MM-DD``) for the date filter: started, created, else the folder's."""
    moment = parse_timestamp(row.started_at) or parse_timestamp(row.created_at)
    if moment is not None:
        return moment.astimezone().date().isoformat()
    day = session_date(row.session_id)
    return day.isoformat() if day else ""


def header_text(rows: Sequence[IndexRow]) -> str:
    counts = Counter(r.status for r in rows)
    return (f"{len(rows)} lists · {counts['in_progress']} active · {counts['stale']} stale · "
            f"{counts['paused']} paused")


def actions_for(row: IndexRow | None) -> set[str]:
    """Which of start, resume, take_over and details a row offers."""
    if row is None:
        return set()
    here = row.lock is not None and row.lock.locked_by == host_name()
    actions = {"details"}
    if row.status == "available":
        actions.add("start")
    if row.status in RESUMABLE or (row.status == "in_progress" and here):
        actions.add("resume")
    if row.status == "stale":
        actions.add("take_over")
    return actions


def describe(row: IndexRow) -> str:
    """The preview under the table: who, where, how far, and who holds the lock."""
    lines = [f"{row.label}: {row.packing_list_name} of session {row.session_id}",
             f"Worker: {row.worker_name or DASH}   PC: {row.pc_name or DASH}   "
             f"Started: {format_time(row.started_at)}   "
             f"Duration: {format_duration(row.duration_seconds)}",
             f"Orders: {fraction(row.completed_orders, row.total_orders)} "
             f"(skipped: {row.skipped_orders or 0})   "
             f"Items: {fraction(row.packed_items, row.total_items)}"]
    if row.lock is not None:
        age = row.lock.heartbeat_age(now())
        lines.append(f"Locked by {row.lock.describe()}; last heartbeat {age:.0f} s ago")
    return "\n".join(lines)


@dataclass(frozen=True)
class Cells:
    """One row, formatted: what the table shows, how it sorts, what the search looks in."""

    row: IndexRow
    text: tuple[str, ...]
    keys: tuple[Any, ...]
    haystack: str
    day: str


def cells_of(row: IndexRow) -> Cells:
    text = (row.label, row.packing_list_name, row.courier or DASH, row.session_id,
            row.worker_name or DASH,
            row.pc_name or DASH, fraction(row.completed_orders, row.total_orders),
            format_time(row.started_at), format_duration(row.duration_seconds),
            fraction(row.packed_items, row.total_items))
    keys = (STATUSES.index(row.status), row.packing_list_name.casefold(),
            (row.courier or "").casefold(), row.session_id,
            (row.worker_name or "").casefold(), (row.pc_name or "").casefold(),
            (row.completed_orders or 0) / row.total_orders if row.total_orders else -1.0,
            sort_key(row.started_at), row.duration_seconds if row.duration_seconds else -1.0,
            row.total_items if row.total_items is not None else -1)
    search = (row.packing_list_name, row.session_id, row.worker_name, row.worker_id,
              row.pc_name, row.label, row.courier)
    return Cells(row, text, keys, " ".join(s for s in search if s).casefold(), row_day(row))


class SessionTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cells: list[Cells] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {k: QBrush(QColor(v)) for k, v in STATUS_COLOURS.items()}

    def set_rows(self, rows: Sequence[IndexRow]) -> None:
        self.beginResetModel()
        self._cells = [cells_of(r) for r in rows]
        self.endResetModel()

    def cells(self, row: int) -> Cells:
        return self._cells[row]

    @property
    def rows(self) -> list[IndexRow]:
        return [c.row for c in self._cells]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cells, column = self._cells[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cells.text[column]
        if role == SORT_ROLE:
            return cells.keys[column]
        if role == ROW_ROLE:
            return cells.row
        status = cells.row.status
        if column == 0 and role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes[status]
        if column == 0 and role == Qt.ItemDataRole.FontRole:
            return self._bold
        if column == 0 and role == Qt.ItemDataRole.DecorationRole:
            return QColor(STATUS_COLOURS[status])
        if role == Qt.ItemDataRole.ToolTipRole:
            lock = cells.row.lock
            held = f"\nLock: {lock.describe()}" if lock is not None else ""
            return f"{STATUS_LABELS[status]}: {cells.row.key}{held}"
        return None

"""The Session Browser's table: index rows as a Qt model (no widget per row, thousands stay fast).

A row's cells are formatted when first painted, searched or dated, so a refresh of 3,000 rows
costs the UI thread a swap and the rows on screen (Python work anywhere, the runner's thread
included, holds the interpreter lock that painting needs). The model sorts itself by plain
Python keys per column ("10/12" after "9/12", dates as dates), always from the order the rows
came in, so a stable sort by status gives back the index's own order; the proxy never sorts
through thousands of ``data()`` calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItemModel

from packing_tool.storage.index_rows import STATUSES, IndexRow
from packing_tool.ui import wording
from packing_tool.ui.browser_texts import (
    DASH,
    format_duration,
    format_time,
    fraction,
    progress_text,
    row_day,
    row_figure,
)
from packing_tool.ui.list_check_view import marker_icon, marker_tooltip
from packing_tool.ui.themes import status_colour  # per theme, read at paint time
from shared.timestamps import sort_key


def _tr(text: str) -> str:  # here too: scripts/translations reads each module's own helper
    return QCoreApplication.translate("SessionTable", text)


COLUMNS = (  # translated when shown
    QT_TRANSLATE_NOOP("SessionTable", "Status"), QT_TRANSLATE_NOOP("SessionTable", "Packing List"),
    QT_TRANSLATE_NOOP("SessionTable", "Courier"), QT_TRANSLATE_NOOP("SessionTable", "Session"),
    QT_TRANSLATE_NOOP("SessionTable", "Worker"), QT_TRANSLATE_NOOP("SessionTable", "PC"),
    QT_TRANSLATE_NOOP("SessionTable", "Progress"), QT_TRANSLATE_NOOP("SessionTable", "Started"),
    QT_TRANSLATE_NOOP("SessionTable", "Duration"), QT_TRANSLATE_NOOP("SessionTable", "Items"))
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def _progress_key(row: IndexRow) -> float:
    done = (row.completed_orders or 0) + row_figure(row, "packed_elsewhere_orders")
    return done / row.total_orders if row.total_orders else -1.0


_STATUS_ORDER = {status: n for n, status in enumerate(STATUSES)}
# Per column: the plain Python value a header click sorts by.
SORT_KEYS: tuple[Callable[[IndexRow], Any], ...] = (
    lambda r: _STATUS_ORDER[r.status],
    lambda r: r.packing_list_name.casefold(),
    lambda r: (r.courier or "").casefold(),
    lambda r: r.session_id,
    lambda r: (r.worker_name or "").casefold(),
    lambda r: (r.pc_name or "").casefold(),
    _progress_key,
    lambda r: sort_key(r.started_at),
    lambda r: r.duration_seconds if r.duration_seconds else -1.0,
    lambda r: r.total_items if r.total_items is not None else -1,
)


class Cells:
    """One row: what the table shows, what the search looks in, its date; each formatted on
    first use, so thousands of rows cost only what is painted, sorted or filtered."""

    __slots__ = ("_day", "_haystack", "_text", "row")

    def __init__(self, row: IndexRow) -> None:
        self.row = row
        self._text: tuple[str, ...] | None = None
        self._haystack: str | None = None
        self._day: str | None = None

    @property
    def text(self) -> tuple[str, ...]:
        if self._text is None:
            row = self.row
            self._text = (wording.status(row.status), row.packing_list_name,
                          row.courier or DASH, row.session_id,
                          row.worker_name or DASH, row.pc_name or DASH,
                          progress_text(row),
                          format_time(row.started_at), format_duration(row.duration_seconds),
                          fraction(row.packed_items, row.total_items))
        return self._text

    @property
    def haystack(self) -> str:
        if self._haystack is None:
            row = self.row
            search = (row.packing_list_name, row.session_id, row.worker_name, row.worker_id,
                      row.pc_name, row.label, wording.status(row.status), row.courier)
            self._haystack = " ".join(s for s in search if s).casefold()
        return self._haystack

    @property
    def day(self) -> str:
        if self._day is None:
            self._day = row_day(self.row)
        return self._day

    def key(self, column: int) -> Any:
        return SORT_KEYS[column](self.row)


def prepare(rows: Sequence[IndexRow]) -> list[Cells]:
    """Wrap rows for the model (no Qt, no formatting yet): runs on the runner thread."""
    return [Cells(r) for r in rows]


def header_labels(parent: Any = None) -> QStandardItemModel:
    """The column titles, held in C++: the header paints without calling Python, so it never
    waits for the interpreter lock while the runner thread loads rows."""
    labels = QStandardItemModel(0, len(COLUMNS), parent)
    labels.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
    return labels


class SessionTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._arrived: list[Cells] = []  # the order the rows came in (display order)
        self._cells: list[Cells] = []  # the order shown: _arrived, sorted by _sort
        self._positions: dict[str, int] = {}  # row key → row in _cells
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[IndexRow]) -> None:
        self.set_cells(prepare(rows))

    def set_cells(self, cells: Sequence[Cells]) -> None:
        """Show rows wrapped by ``prepare``, in the current sort order (one reset)."""
        self.beginResetModel()
        self._arrived = list(cells)
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column's ``SORT_KEYS`` (a header click); the selection follows its rows."""
        if not 0 <= column < len(COLUMNS):
            column, order = 0, Qt.SortOrder.AscendingOrder  # -1: no sort, the arrival order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved = [self._cells[i.row()] for i in persistent]
        self._sort = (column, order)
        self._arrange()
        where = {id(c): n for n, c in enumerate(self._cells)}
        self.changePersistentIndexList(persistent, [
            self.index(where[id(c)], i.column()) for c, i in zip(moved, persistent, strict=True)])
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        column, order = self._sort
        key = SORT_KEYS[column]
        self._cells = sorted(self._arrived, key=lambda c: key(c.row),
                             reverse=order == Qt.SortOrder.DescendingOrder)  # stable both ways
        self._positions = {c.row.key: n for n, c in enumerate(self._cells)}

    def cells(self, row: int) -> Cells:
        return self._cells[row]

    def row_of(self, key: str) -> int | None:
        return self._positions.get(key)

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
            return _tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cells, column = self._cells[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cells.text[column]
        if role == ROW_ROLE:
            return cells.row
        status = cells.row.status
        if column == 0 and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(status_colour(status)))  # the theme in use, now
        if column == 0 and role == Qt.ItemDataRole.FontRole:
            return self._bold
        if column == 0 and role == Qt.ItemDataRole.DecorationRole:
            return QColor(status_colour(status))
        if column == 1 and role == Qt.ItemDataRole.DecorationRole:
            return marker_icon(cells.row)  # the last pre-shift check found problems
        if column == 1 and role == Qt.ItemDataRole.ToolTipRole and cells.row.checked_at:
            return marker_tooltip(cells.row)
        if role == Qt.ItemDataRole.ToolTipRole:
            lock = cells.row.lock
            held = _tr("\nLock: {lock}").format(lock=wording.lock(lock)) if lock is not None \
                else ""
            return f"{wording.status(status)}: {cells.row.key}{held}"
        return None

"""Packer mode's list of the orders still to pack (courier, box, tags, items), F4 to hide/show.

Orders packed or being packed in another list (the order ledger says so) are listed apart,
with where, so nobody packs them again. The panel is redrawn when an order opens, closes or
the ledger learns something, never per item scan; the redraw waits for the next turn of the
event loop so the scan's own feedback is on screen first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packing_tool.domain.packer_views import OrderStatus
from packing_tool.domain.remaining import RemainingOrder
from packing_tool.ui.order_panel import joined, shown
from packing_tool.ui.packer_status import elsewhere_hint
from packing_tool.ui.tables import rows_height
from packing_tool.ui.widgets import named

TOGGLE_KEY = "F4"
ORDER, COURIER, BOX, TAGS, ITEMS = range(5)
Rows = tuple[list[RemainingOrder], list[RemainingOrder]]
MIN_ROWS, MIN_ELSEWHERE_ROWS = 4, 1  # shown at least, however small the screen
SHOWN_ELSEWHERE = 2  # rows of orders packed elsewhere shown whole when there are as many


def _table(name: str, headers: Sequence[str]) -> QTableWidget:
    table = named(QTableWidget(0, len(headers)), name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    # rows as tall as the text needs: more orders show on a small screen
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    # Sized once per redraw (``_fit``): ResizeToContents would measure every row at each
    # cell set, seconds for a list of 500 orders.
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(len(headers) - 1 if name == "elsewhereTable" else TAGS,
                                QHeaderView.ResizeMode.Stretch)
    return table


def _fit(table: QTableWidget, columns: Sequence[int]) -> None:
    for column in columns:
        table.resizeColumnToContents(column)


def _widen(table: QTableWidget, row: int, columns: Sequence[int]) -> None:
    """Widen ``columns`` to show ``row``'s cells whole (one row measured, not the list)."""
    for column in columns:
        width = table.sizeHintForIndex(table.model().index(row, column)).width()
        width += int(table.showGrid())  # the grid line, as resizeColumnToContents counts it
        if width > table.columnWidth(column):
            table.setColumnWidth(column, width)


def _cell(text: str, bold: bool = False, base: QFont | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if bold:  # the table's own font (its theme's size), bold; measured as drawn
        font = QFont(base if base is not None else item.font())
        font.setBold(True)
        item.setFont(font)
    return item


# Redrawn just after the scan's banner, line and progress are on screen (a frame later),
# never inside the scan's own frame: the list beside them is not what the packer reads first.
REDRAW_MS = 30


class RemainingOrdersPanel(QFrame):
    """Frame ``remainingOrders``: tables ``remainingTable`` and ``elsewhereTable``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remainingOrders")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.title = named(QLabel(), "remainingTitle")
        self.table = _table("remainingTable", (
            self.tr("Order"), self.tr("Courier"), self.tr("Box"), self.tr("Tags"),
            self.tr("Items")))
        self.elsewhere_title = named(QLabel(), "elsewhereTitle")
        self.elsewhere_table = _table("elsewhereTable", (self.tr("Order"), self.tr("Where")))
        self.table.setMinimumHeight(rows_height(self.table, MIN_ROWS))
        self.elsewhere_table.setMinimumHeight(rows_height(self.elsewhere_table,
                                                          MIN_ELSEWHERE_ROWS))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        for widget, stretch in ((self.title, 0), (self.table, 1), (self.elsewhere_title, 0),
                                (self.elsewhere_table, 0)):
            layout.addWidget(widget, stretch)
        self._source: Callable[[], Rows] | None = None
        self._states: dict[str, tuple[OrderStatus, int]] | None = None  # as shown
        self._elsewhere: tuple[object, ...] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self.refresh)
        self.show_rows(([], []))

    def watch(self, source: Callable[[], Rows]) -> None:
        """Where the rows come from (read again on each ``schedule``)."""
        self._source = source

    def schedule(self) -> None:
        """Redraw after the current event (several calls make one redraw)."""
        self._timer.start()

    def refresh(self) -> None:
        if self._source is not None and self.isVisible():  # hidden: redrawn when shown
            self.show_rows(self._source())

    def toggle(self) -> None:
        self.setVisible(not self.isVisible())
        if self.isVisible():
            self.refresh()

    def numbers(self) -> list[str]:
        return [self.table.item(r, ORDER).text() for r in range(self.table.rowCount())]

    def elsewhere_numbers(self) -> list[str]:
        return [self.elsewhere_table.item(r, 0).text()
                for r in range(self.elsewhere_table.rowCount())]

    def show_rows(self, rows: Rows) -> None:
        here, apart = rows
        states = {r.number: (r.status, r.units_packed) for r in here}
        elsewhere = tuple((r.number, r.elsewhere) for r in apart)
        if states == self._states and elsewhere == self._elsewhere:
            return  # the ledger's poll or a reopened order changed nothing shown
        self.title.setText(self.tr("Orders to pack ({n}) · {key} hides this list").format(
            n=len(here), key=TOGGLE_KEY))
        if not self._update(here, states):
            self._fill(here)
        self._states = states
        if elsewhere != self._elsewhere:
            self._fill_elsewhere(apart)
            self._elsewhere = elsewhere

    def _update(self, here: Sequence[RemainingOrder],
                states: dict[str, tuple[OrderStatus, int]]) -> bool:
        """Rows gone and rows changed only (an order opened, set aside or packed): False when
        the list changed otherwise and must be drawn again whole."""
        if self._states is None:
            return False
        old = list(self._states)
        if [n for n in old if n in states] != [r.number for r in here]:
            return False
        table = self.table
        for i in range(len(old) - 1, -1, -1):
            if old[i] not in states:
                table.removeRow(i)
        for i, row in enumerate(here):
            if self._states[row.number] != states[row.number]:
                self._set_row(i, row)
                _widen(table, i, (ORDER, ITEMS))  # bold and "· open" are wider than fitted
        return True

    def _set_row(self, i: int, row: RemainingOrder) -> None:
        started = row.status is not OrderStatus.NEW
        order = row.order
        for column, text in ((ORDER, row.number), (COURIER, shown(order.courier)),
                             (BOX, shown(order.min_box)), (TAGS, joined(row.tags)),
                             (ITEMS, self._items(row))):
            self.table.setItem(i, column, _cell(text, bold=started, base=self.table.font()))

    def _items(self, row: RemainingOrder) -> str:
        if row.status is OrderStatus.SKIPPED:
            return self.tr("{packed} / {units} · set aside").format(packed=row.units_packed,
                                                                     units=row.units)
        if row.status is OrderStatus.IN_PROGRESS:
            return self.tr("{packed} / {units} · open").format(packed=row.units_packed,
                                                                units=row.units)
        return str(row.units)

    def _fill(self, here: Sequence[RemainingOrder]) -> None:
        table = self.table
        table.setUpdatesEnabled(False)
        try:
            table.setRowCount(len(here))
            for i, row in enumerate(here):
                self._set_row(i, row)
            _fit(table, (ORDER, COURIER, BOX, ITEMS))
            for i, row in enumerate(here):  # the few open or set-aside rows, bold: whole too
                if row.status is not OrderStatus.NEW:
                    _widen(table, i, (ORDER, ITEMS))
        finally:
            table.setUpdatesEnabled(True)

    def _fill_elsewhere(self, apart: Sequence[RemainingOrder]) -> None:
        self.elsewhere_title.setText(self.tr("Packed or being packed elsewhere ({n}): do not "
                                             "pack them here").format(n=len(apart)))
        table = self.elsewhere_table
        table.setRowCount(len(apart))
        for i, row in enumerate(apart):
            table.setItem(i, 0, _cell(row.number))
            where = elsewhere_hint(row.elsewhere) if row.elsewhere is not None else ""
            table.setItem(i, 1, _cell(where))
        _fit(table, (0,))
        # two rows at least (one if the screen is short of them), as tall as its rows at most:
        # the rest of the room goes to the orders to pack
        table.setMinimumHeight(rows_height(table, min(max(len(apart), MIN_ELSEWHERE_ROWS),
                                                      SHOWN_ELSEWHERE)))
        table.setMaximumHeight(max(table.minimumHeight(), rows_height(table, len(apart))))
        for widget in (self.elsewhere_title, table):
            widget.setVisible(bool(apart))

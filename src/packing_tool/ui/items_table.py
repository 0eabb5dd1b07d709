"""The current order's lines: SKU, product, quantity wanted, units packed.

Built once per order; a scan then changes one row (``update_line``), never the whole table.
Lines with more than one unit stand out, and each row is coloured by its state (to do,
partly packed, done). The table never takes the keyboard focus: the scan field keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from packing_tool.domain.packer_views import LineView
from packing_tool.ui.themes import item_colours

SKU, PRODUCT, QTY, PACKED = range(4)
HEADERS = (QT_TRANSLATE_NOOP("ItemsTable", "SKU"), QT_TRANSLATE_NOOP("ItemsTable", "Product"),
           QT_TRANSLATE_NOOP("ItemsTable", "Qty"), QT_TRANSLATE_NOOP("ItemsTable", "Packed"))
ROW_HEIGHT = 44
OPEN, PARTIAL, DONE = "open", "partial", "done"  # a line: nothing packed, some, all


def line_state(packed: int, required: int) -> str:
    if packed >= required:
        return DONE
    return PARTIAL if packed > 0 else OPEN


class ItemsTable(QTableWidget):
    """Table ``itemsTable``; rows follow the order's lines in order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("itemsTable")
        self.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        self._line_rows: list[int] = []  # LineView.row of each table row
        self._table_row: dict[int, int] = {}  # LineView.row → table row
        self._required: list[int] = []
        self._packed: list[int] = []

    # ------------------------------------------------------------------ whole order

    def show_order(self, lines: Sequence[LineView]) -> None:
        """Show a new order's lines (the only full rebuild: once per order)."""
        self.setUpdatesEnabled(False)
        try:
            self.clearSelection()
            self.setRowCount(len(lines))
            self._line_rows = [line.row for line in lines]
            self._table_row = {line.row: i for i, line in enumerate(lines)}
            self._required = [line.required for line in lines]
            self._packed = [line.packed for line in lines]
            for i, line in enumerate(lines):
                self.setItem(i, SKU, QTableWidgetItem(line.sku))
                self.setItem(i, PRODUCT, QTableWidgetItem(line.title))
                self.setItem(i, QTY, self._qty_item(line.required))
                self.setItem(i, PACKED, QTableWidgetItem())
                self._paint(i)
        finally:
            self.setUpdatesEnabled(True)

    def clear_order(self) -> None:
        self.clearSelection()
        self.setRowCount(0)
        self._line_rows, self._table_row, self._required, self._packed = [], {}, [], []

    # ------------------------------------------------------------------ one line

    def update_line(self, line_row: int, packed: int) -> None:
        """Show ``packed`` units on the line whose ``LineView.row`` is ``line_row``."""
        i = self._table_row.get(line_row)
        if i is None:
            return
        self._packed[i] = packed
        self._paint(i)
        self.scrollToItem(self._cell(i, SKU))

    def table_row_of(self, line_row: int) -> int | None:
        return self._table_row.get(line_row)

    def packed_of(self, line_row: int) -> int | None:
        i = self._table_row.get(line_row)
        return None if i is None else self._packed[i]

    def selected_line(self) -> int | None:
        """``LineView.row`` of the selected line, if any."""
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return self._line_rows[rows[0].row()] if rows else None

    def open_lines(self) -> list[int]:
        """``LineView.row`` of every line still short of units, in table order."""
        return [r for i, r in enumerate(self._line_rows) if self._packed[i] < self._required[i]]

    def remaining(self, line_row: int) -> int:
        i = self._table_row.get(line_row)
        return 0 if i is None else max(0, self._required[i] - self._packed[i])

    # ------------------------------------------------------------------ drawing

    def _cell(self, i: int, column: int) -> QTableWidgetItem:
        item = self.item(i, column)
        if item is None:  # every cell is created in show_order
            raise LookupError(f"no cell at row {i}, column {column}")
        return item

    def _qty_item(self, required: int) -> QTableWidgetItem:
        item = QTableWidgetItem(f"× {required}" if required > 1 else str(required))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if required > 1:  # a line of several units is where packers miss one
            font = QFont(item.font())
            font.setBold(True)
            font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.3)
            item.setFont(font)
            item.setData(Qt.ItemDataRole.UserRole, "multi")
        return item

    def _paint(self, i: int) -> None:
        packed, required = self._packed[i], self._required[i]
        state = line_state(packed, required)
        cell = self._cell(i, PACKED)
        cell.setText(f"✓ {packed} / {required}" if state == DONE else f"{packed} / {required}")
        cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        cell.setData(Qt.ItemDataRole.UserRole, state)
        colours = item_colours()
        background, foreground = getattr(colours, state)
        for column in range(len(HEADERS)):
            item = self._cell(i, column)
            item.setBackground(QBrush(QColor(background)))
            multi = column == QTY and required > 1 and state != DONE
            item.setForeground(QBrush(QColor(colours.multi if multi else foreground)))

    def changeEvent(self, event: QEvent) -> None:
        """A theme switch re-colours the rows already shown."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            for i in range(len(getattr(self, "_packed", ()))):  # none while constructed
                self._paint(i)

    def state_of(self, line_row: int) -> str | None:
        i = self._table_row.get(line_row)
        return None if i is None else line_state(self._packed[i], self._required[i])

"""Read-only tables of figures that sort numbers as numbers (details and worker screens), and
the height a table or list needs for a number of rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from packing_tool.ui.widgets import named


def cell(value: Any) -> QTableWidgetItem:
    item = QTableWidgetItem()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        item.setData(Qt.ItemDataRole.DisplayRole, value)
    else:
        item.setText("—" if value is None else str(value))
    return item


def fill_table(widget: QTableWidget, rows: Sequence[Sequence[Any]]) -> None:
    widget.setSortingEnabled(False)  # sorting while inserting scrambles the rows
    widget.clearContents()
    widget.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            widget.setItem(r, c, cell(value))
    widget.setSortingEnabled(True)  # until a header is clicked the rows keep the given order


def table(name: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> QTableWidget:
    widget = named(QTableWidget(0, len(headers)), name)
    widget.setHorizontalHeaderLabels(list(headers))
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    widget.verticalHeader().setVisible(False)
    widget.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    fill_table(widget, rows)
    widget.resizeColumnsToContents()  # headers and cells whole (Bulgarian headers are longer)
    return widget


def row_height(view: QAbstractItemView) -> int:
    """A table's row height; a list's: a line of its font and a little room."""
    if isinstance(view, QTableWidget):
        return view.verticalHeader().defaultSectionSize()
    return view.fontMetrics().height() + 4


def rows_height(view: QAbstractItemView, rows: int) -> int:
    """The height ``view`` needs to show its header and ``rows`` rows whole (a stretched last
    or tags column keeps the horizontal scroll bar away)."""
    header = view.horizontalHeader().sizeHint().height() if isinstance(view, QTableWidget) else 0
    return header + rows * row_height(view) + 2 * view.frameWidth()

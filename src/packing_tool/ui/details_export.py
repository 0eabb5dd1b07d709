"""Ctrl+E in Session Details: the current tab's table, as shown, to a CSV file.

The Orders tab gives its orders (those the filter shows), the Metrics tab its per-order
table, the SKUs tab its SKU table, "Packed once" its first table, the Overview its lines
(what, value). Numbers stay numbers; the separator follows the PC's locale (``;`` in
Bulgarian), like the Session Browser's export, and the file is written in one piece.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from packing_tool.storage.sheet_format import NUMBER, TEXT, csv_bytes
from packing_tool.ui.browser_export import csv_separator
from shared.atomic_write import atomic_write_bytes

Cell = str | int | float | None
Table = tuple[list[str], list[list[Cell]]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionDetailsDialog", text)  # the dialog's context


def _value(data: object) -> Cell:
    return data if isinstance(data, (int, float, str)) and not isinstance(data, bool) else None


def tab_table(page: QWidget) -> Table:
    """The rows a person sees on ``page`` (headers, rows); empty when it shows none."""
    tree = page.findChild(QTreeWidget)
    if tree is not None:
        columns = range(tree.columnCount())
        shown = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
        return ([tree.headerItem().text(c) for c in columns],
                [[item.text(c) for c in columns] for item in shown
                 if item is not None and not item.isHidden()])
    table = page.findChild(QTableWidget)
    if table is not None:
        columns = range(table.columnCount())
        headers = [(table.horizontalHeaderItem(c).text() if table.horizontalHeaderItem(c)
                    else "") for c in columns]
        return headers, [[_value(cell.data(Qt.ItemDataRole.DisplayRole))
                          if (cell := table.item(r, c)) is not None else None for c in columns]
                         for r in range(table.rowCount()) if not table.isRowHidden(r)]
    form = page.findChild(QFormLayout)
    rows: list[list[Cell]] = []
    for r in range(form.rowCount() if form is not None else 0):
        pair = [form.itemAt(r, role) for role in (QFormLayout.ItemRole.LabelRole,
                                                  QFormLayout.ItemRole.FieldRole)]
        texts = [item.widget().text() if item is not None and isinstance(item.widget(), QLabel)
                 else "" for item in pair]
        if any(texts):
            rows.append(list(texts))
    return ([_tr("What"), _tr("Value")], rows) if rows else ([], [])


def write_csv(table: Table, path: str | Path, separator: str | None = None) -> Path:
    """``table`` as a CSV file at ``path`` (runs on the runner's thread)."""
    headers, rows = table
    kinds = [NUMBER if all(isinstance(row[c], (int, float)) or row[c] is None for row in rows)
             and any(row[c] is not None for row in rows) else TEXT
             for c in range(len(headers))]
    atomic_write_bytes(path, csv_bytes(headers, rows, kinds, separator or csv_separator()))
    return Path(path)


def ask_export_file(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, _tr("Export this tab"), suggested,
                                          _tr("CSV files (*.csv)"))
    return Path(name) if name else None

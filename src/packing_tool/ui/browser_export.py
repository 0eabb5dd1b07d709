"""Export the Session Browser's visible rows to CSV or Excel (plain functions; Qt only for the
headers' language).

Both files hold the same columns and values; numbers stay numbers in Excel, and text from the
share stays text (``storage.cell_text``: no formula in either file). Files are written
through the one atomic helper, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from packing_tool.storage.cell_text import csv_value, text_cell
from packing_tool.storage.session_index import IndexRow
from shared import fileio

HEADERS = (  # in English; headers() gives them in the chosen language
    QT_TRANSLATE_NOOP("Export", "Status"), QT_TRANSLATE_NOOP("Export", "Packing List"),
    QT_TRANSLATE_NOOP("Export", "Session"), QT_TRANSLATE_NOOP("Export", "Worker"),
    QT_TRANSLATE_NOOP("Export", "Worker ID"), QT_TRANSLATE_NOOP("Export", "PC"),
    QT_TRANSLATE_NOOP("Export", "Started"), QT_TRANSLATE_NOOP("Export", "Completed"),
    QT_TRANSLATE_NOOP("Export", "Duration (s)"), QT_TRANSLATE_NOOP("Export", "Total Orders"),
    QT_TRANSLATE_NOOP("Export", "Completed Orders"),
    QT_TRANSLATE_NOOP("Export", "Skipped Orders"), QT_TRANSLATE_NOOP("Export", "Total Items"),
    QT_TRANSLATE_NOOP("Export", "Packed Items"))
Value = str | int | float | None


def headers() -> list[str]:
    return [QCoreApplication.translate("Export", h) for h in HEADERS]


def export_values(row: IndexRow) -> tuple[Value, ...]:
    return (row.label, row.packing_list_name, row.session_id, row.worker_name, row.worker_id,
            row.pc_name, row.started_at, row.completed_at, row.duration_seconds,
            row.total_orders, row.completed_orders, row.skipped_orders, row.total_items,
            row.packed_items)


def export_csv(rows: Sequence[IndexRow], path: str | Path) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers())
    for row in rows:
        writer.writerow([csv_value(v) for v in export_values(row)])
    # The BOM makes Excel read the UTF-8 (Cyrillic worker names) correctly.
    fileio.atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig"))
    return Path(path)


def export_xlsx(rows: Sequence[IndexRow], path: str | Path) -> Path:
    from openpyxl import Workbook  # only when exporting: it slows every start

    book = Workbook(write_only=True)
    sheet = book.create_sheet(QCoreApplication.translate("Export", "Sessions"))
    sheet.append(headers())
    for row in rows:
        sheet.append([text_cell(sheet, v) for v in export_values(row)])
    buffer = io.BytesIO()
    book.save(buffer)
    fileio.atomic_write_bytes(path, buffer.getvalue())
    return Path(path)

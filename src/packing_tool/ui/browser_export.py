"""Export the Session Browser's visible rows to CSV or Excel (plain functions; Qt only for the
headers' language).

Both files hold the same columns and values; numbers stay numbers in Excel, dates are local
date-times and the duration an Excel duration (``storage.sheet_format``), and text from the
share stays text (``storage.cell_text``: no formula in either file). Files are written
through the one atomic helper, so a failed export never leaves half a file.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from packing_tool.storage.index_rows import IndexRow
from packing_tool.storage.sheet_format import (
    DURATION,
    NUMBER,
    TEXT,
    WHEN,
    csv_bytes,
    fill_sheet,
    list_separator,
)
from shared import fileio

HEADERS = (  # in English; headers() gives them in the chosen language
    QT_TRANSLATE_NOOP("Export", "Status"), QT_TRANSLATE_NOOP("Export", "Packing List"),
    QT_TRANSLATE_NOOP("Export", "Session"), QT_TRANSLATE_NOOP("Export", "Worker"),
    QT_TRANSLATE_NOOP("Export", "Worker ID"), QT_TRANSLATE_NOOP("Export", "PC"),
    QT_TRANSLATE_NOOP("Export", "Started"), QT_TRANSLATE_NOOP("Export", "Completed"),
    QT_TRANSLATE_NOOP("Export", "Duration"), QT_TRANSLATE_NOOP("Export", "Total Orders"),
    QT_TRANSLATE_NOOP("Export", "Completed Orders"),
    QT_TRANSLATE_NOOP("Export", "Skipped Orders"), QT_TRANSLATE_NOOP("Export", "Total Items"),
    QT_TRANSLATE_NOOP("Export", "Packed Items"))
KINDS = (TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, WHEN, WHEN, DURATION, NUMBER, NUMBER, NUMBER,
         NUMBER, NUMBER)  # real local dates and an [h]:mm:ss duration (storage.sheet_format)
Value = str | int | float | None


def headers() -> list[str]:
    return [QCoreApplication.translate("Export", h) for h in HEADERS]


def export_values(row: IndexRow) -> tuple[Value, ...]:
    return (row.label, row.packing_list_name, row.session_id, row.worker_name, row.worker_id,
            row.pc_name, row.started_at, row.completed_at, row.duration_seconds,
            row.total_orders, row.completed_orders, row.skipped_orders, row.total_items,
            row.packed_items)


def csv_separator() -> str:
    """The separator Excel expects under this PC's regional settings (``;`` in Bulgarian)."""
    system = QLocale.system()
    return list_separator(system.name(), system.decimalPoint())


def export_csv(rows: Sequence[IndexRow], path: str | Path, separator: str | None = None) -> Path:
    """UTF-8 with a BOM (Excel reads Cyrillic names right); ``separator`` by default follows
    the PC's locale."""
    values = [export_values(row) for row in rows]
    data = csv_bytes(headers(), values, KINDS, separator or csv_separator())
    fileio.atomic_write_bytes(path, data)
    return Path(path)


def export_xlsx(rows: Sequence[IndexRow], path: str | Path) -> Path:
    from openpyxl import Workbook  # only when exporting: it slows every start

    book = Workbook(write_only=True)
    sheet = book.create_sheet(QCoreApplication.translate("Export", "Sessions"))
    sheet.freeze_panes = "A2"
    fill_sheet(sheet, headers(), [export_values(row) for row in rows], KINDS)
    buffer = io.BytesIO()
    book.save(buffer)
    fileio.atomic_write_bytes(path, buffer.getvalue())
    return Path(path)

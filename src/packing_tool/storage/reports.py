"""The completed-list report (``reports/packing_completed.xlsx``): a row per order line."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.packer_views import MANUAL, OrderStatus
from packing_tool.storage.sheet_format import (
    DURATION,
    NUMBER,
    TEXT,
    WHEN,
    Row,
    fill_sheet,
)
from shared import fileio

REPORT_NAME = "packing_completed.xlsx"
HEADERS = ("Order_Number", "Status", "SKU", "Product_Name", "Quantity", "Packed", "Manual",
           "Manual_Reason", "Extras_Kept", "Extras_Removed", "Courier", "Country",
           "Started_At", "Completed_At", "Duration", "Packed_By")
KINDS = (TEXT, TEXT, TEXT, TEXT, NUMBER, NUMBER, NUMBER, TEXT, NUMBER, NUMBER, TEXT, TEXT,
         WHEN, WHEN, DURATION, TEXT)  # dates local, the duration as [h]:mm:ss (sheet_format)
DONE_COLOUR = "C6EFCE"
STATUS_TEXT = {OrderStatus.COMPLETE: "Completed", OrderStatus.IN_PROGRESS: "In progress",
               OrderStatus.SKIPPED: "Skipped", OrderStatus.NEW: "New"}


def report_rows(logic: PackerLogic) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for order in logic.packing_list.orders:
        view = logic.order(order.order_number)
        reasons = sorted({i.reason for i in view.items if i.confirmation_method == MANUAL
                          and i.reason})
        packer = view.completed_by[1] if view.completed_by else ""
        for line in view.lines:
            source = next(x for x in order.lines if x.row == line.row)
            rows.append((
                order.order_number, STATUS_TEXT[view.status], line.sku, source.product_name,
                line.required, line.packed, line.manual, "; ".join(reasons),
                view.extras_kept.get(line.sku, 0), view.extras_removed.get(line.sku, 0),
                order.courier, order.country, view.started_at,
                view.completed_at, round(view.active_seconds), packer))
    return rows


def write_report(logic: PackerLogic, work_dir: Path) -> Path:
    """Write the report atomically; completed orders are filled green, manual lines bold.

    Text from the list (order numbers, SKUs, product names...) is stored as text, never as
    a formula (``cell_text``); times are local date-times, the duration an Excel duration,
    and the columns fit their content (``sheet_format``).
    """
    from openpyxl import Workbook  # only when a report is written: it slows every start
    from openpyxl.styles import Font, PatternFill

    done_fill, bold = PatternFill("solid", fgColor=DONE_COLOUR), Font(bold=True)

    def style(row: Row, cell: Any) -> None:
        if row[1] == "Completed":
            cell.fill = done_fill
        if row[6]:
            cell.font = bold

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Packed")
    fill_sheet(sheet, HEADERS, report_rows(logic), KINDS, style)
    buffer = io.BytesIO()
    book.save(buffer)
    path = work_dir / "reports" / REPORT_NAME
    fileio.atomic_write_bytes(path, buffer.getvalue())
    return path

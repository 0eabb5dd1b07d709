"""`packing-tool stats export PATH`: the shared statistics as a workbook or a CSV table.

``.xlsx`` holds every table (one sheet each); ``.csv`` holds one (``--table``), in UTF-8 with
a BOM so that Excel shows Cyrillic names right. Numbers stay numbers; timestamps are the
ISO text stored in the file. The file is written atomically and never overwritten unless
``--force``.
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from packing_tool.admin.common import AdminError, share_root
from packing_tool.admin.stats_files import read_stats
from packing_tool.storage.cell_text import csv_value, keep_text, xlsx_value
from shared import fileio

Row = tuple[Any, ...]
Table = tuple[tuple[str, ...], list[Row]]
MAX_WIDTH = 60


def _entries(doc: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any]]]:
    value = doc.get(key)
    if not isinstance(value, dict):
        return []
    return sorted((str(k), v) for k, v in value.items() if isinstance(v, dict))


def _records(doc: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = doc.get(key)
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _meta(record: dict[str, Any], key: str) -> Any:
    meta = record.get("metadata")
    return meta.get(key) if isinstance(meta, dict) else None


def totals_table(doc: dict[str, Any]) -> Table:
    keys = ["total_orders_analyzed", "total_orders_packed", "total_items_packed",
            "total_sessions"]
    if "total_labels_printed" in doc:
        keys.append("total_labels_printed")
    keys += ["created_at", "last_updated", "version"]
    return ("Figure", "Value"), [(k, doc.get(k)) for k in keys]


def clients_table(doc: dict[str, Any]) -> Table:
    headers = ("Client", "Orders_Analyzed", "Orders_Packed", "Sessions", "Items_Packed",
               "Labels_Printed", "Last_Session_Id", "Last_Active")
    rows = [(client, e.get("orders_analyzed"), e.get("orders_packed"), e.get("sessions"),
             e.get("items_packed"), e.get("labels_printed"), e.get("last_session_id"),
             e.get("last_active")) for client, e in _entries(doc, "clients")]
    return headers, rows


def workers_table(doc: dict[str, Any]) -> Table:
    headers = ("Worker_Id", "Name", "Orders_Packed", "Items_Packed", "Sessions",
               "Duration_Seconds", "Last_Session_Id", "Last_Active")
    rows = [(wid, e.get("name"), e.get("orders_packed"), e.get("items_packed"),
             e.get("sessions"), e.get("duration_seconds"), e.get("last_session_id"),
             e.get("last_active")) for wid, e in _entries(doc, "workers")]
    return headers, rows


def packing_table(doc: dict[str, Any]) -> Table:
    headers = ("Timestamp", "Client", "Session_Id", "Packing_List", "Worker_Id", "Worker_Name",
               "Orders", "Items", "Duration_Seconds", "Record_Id")
    rows = [(r.get("timestamp"), r.get("client_id"), r.get("session_id"),
             r.get("packing_list_name") or _meta(r, "packing_list_name"), r.get("worker_id"),
             r.get("worker_name"), r.get("orders_count"), r.get("items_count"),
             r.get("duration_seconds"), r.get("record_id"))
            for r in _records(doc, "packing_history")]
    return headers, rows


def analysis_table(doc: dict[str, Any]) -> Table:
    headers = ("Timestamp", "Client", "Session_Id", "Orders", "Fulfillable", "Items",
               "Record_Id")
    rows = [(r.get("timestamp"), r.get("client_id"), r.get("session_id"), r.get("orders_count"),
             r.get("fulfillable_count", _meta(r, "fulfillable_orders")),
             _meta(r, "items_count"), r.get("record_id"))
            for r in _records(doc, "analysis_history")]
    return headers, rows


# Sheet name, --table name, builder: in the workbook's order.
TABLES: tuple[tuple[str, str, Callable[[dict[str, Any]], Table]], ...] = (
    ("Totals", "totals", totals_table), ("Clients", "clients", clients_table),
    ("Workers", "workers", workers_table), ("Packing history", "packing", packing_table),
    ("Analysis history", "analysis", analysis_table))
TABLE_NAMES = tuple(name for _, name, _ in TABLES)


def xlsx_bytes(doc: dict[str, Any]) -> bytes:
    from openpyxl import Workbook  # only when exporting: it slows every start
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for title, _, build in TABLES:
        headers, rows = build(doc)
        sheet = book.create_sheet(title)
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([xlsx_value(v) for v in row])
            for cell in sheet[sheet.max_row]:
                keep_text(cell)  # a name starting with "=" is text, not a formula
        sheet.freeze_panes = "A2"
        for index, header in enumerate(headers, start=1):
            longest = max([len(header), *(len(str(row[index - 1] or "")) for row in rows)])
            sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, MAX_WIDTH)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(doc: dict[str, Any], table: str, delimiter: str = ",") -> bytes:
    build = next(b for _, name, b in TABLES if name == table)
    headers, rows = build(doc)
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([csv_value(v) for v in row] for row in rows)
    return text.getvalue().encode("utf-8-sig")  # the BOM tells Excel it is UTF-8


def add_parser(subcommands: Any) -> None:
    parser = subcommands.add_parser(
        "export", help="write the statistics to an .xlsx workbook or a .csv table",
        description="Write the shared statistics to PATH. The format follows PATH's suffix: "
        ".xlsx gets the sheets Totals, Clients, Workers, Packing history and Analysis "
        "history; .csv gets one table (--table, default packing) in UTF-8 with a BOM. An "
        "existing file is kept unless --force.")
    parser.add_argument("path", metavar="PATH", help="file to write (.xlsx or .csv)")
    parser.add_argument("--table", choices=TABLE_NAMES,
                        help="the table a .csv export holds (default: packing)")
    parser.add_argument("--delimiter", default=",",
                        help="CSV field separator (default ','; ';' suits Excel in locales "
                        "whose decimal separator is a comma)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = share_root(args)
    target = Path(args.path)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise AdminError(f"{target}: cannot tell the format from the suffix "
                         f"{suffix or '(none)'}; give a path ending in .xlsx or .csv")
    if suffix == ".xlsx" and args.table:
        raise AdminError("--table chooses the table of a .csv export; an .xlsx export holds "
                         "every table")
    if len(args.delimiter) != 1:
        raise AdminError(f"--delimiter must be one character, got {args.delimiter!r}")
    if not target.parent.is_dir():
        raise AdminError(f"{target}: the folder {target.parent} does not exist")
    if target.exists() and not args.force:
        raise AdminError(f"{target} already exists; give --force to overwrite it")
    doc = read_stats(root)
    data = (xlsx_bytes(doc) if suffix == ".xlsx"
            else csv_bytes(doc, args.table or "packing", args.delimiter))
    try:
        fileio.atomic_write_bytes(target, data)
    except OSError as exc:
        raise AdminError(f"cannot write {target}: {exc}", 1) from exc
    what = "every table" if suffix == ".xlsx" else f"the {args.table or 'packing'} table"
    print(f"Wrote {what} to {target}")
    return 0

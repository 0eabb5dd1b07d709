"""`packing-tool stats export PATH`: the shared statistics as a workbook or a CSV table.

``.xlsx`` holds every table (one sheet each); ``.csv`` holds one (``--table``), in UTF-8 with
a BOM so that Excel shows Cyrillic names right, separated as the station's locale expects
(``;`` in Bulgarian) unless ``--delimiter``. Numbers stay numbers; timestamps are local
date-times and durations ``[h]:mm:ss`` (``storage.sheet_format``). The file is written
atomically and never overwritten unless ``--force``.
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from packing_tool.admin.common import AdminError, share_root
from packing_tool.admin.stats_files import read_stats
from packing_tool.admin.words import say
from packing_tool.storage.sheet_format import DURATION, TEXT, WHEN, csv_bytes, fill_sheet
from shared import fileio
from shared.timestamps import parse_timestamp

Row = tuple[Any, ...]
Table = tuple[tuple[str, ...], list[Row]]
# Columns that hold times (local date-times) and durations (seconds → [h]:mm:ss).
KIND_OF = {"Timestamp": WHEN, "Last_Active": WHEN, "Duration": DURATION}


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
    stamps = ("created_at", "last_updated")  # datetimes: written as local date-times
    return ("Figure", "Value"), [(k, parse_timestamp(doc.get(k)) or doc.get(k) if k in stamps
                                  else doc.get(k)) for k in keys]


def clients_table(doc: dict[str, Any]) -> Table:
    headers = ("Client", "Orders_Analyzed", "Orders_Packed", "Sessions", "Items_Packed",
               "Labels_Printed", "Last_Session_Id", "Last_Active")
    rows = [(client, e.get("orders_analyzed"), e.get("orders_packed"), e.get("sessions"),
             e.get("items_packed"), e.get("labels_printed"), e.get("last_session_id"),
             e.get("last_active")) for client, e in _entries(doc, "clients")]
    return headers, rows


def workers_table(doc: dict[str, Any]) -> Table:
    headers = ("Worker_Id", "Name", "Orders_Packed", "Items_Packed", "Sessions",
               "Duration", "Last_Session_Id", "Last_Active")
    rows = [(wid, e.get("name"), e.get("orders_packed"), e.get("items_packed"),
             e.get("sessions"), e.get("duration_seconds"), e.get("last_session_id"),
             e.get("last_active")) for wid, e in _entries(doc, "workers")]
    return headers, rows


def packing_table(doc: dict[str, Any]) -> Table:
    headers = ("Timestamp", "Client", "Session_Id", "Packing_List", "Worker_Id", "Worker_Name",
               "Orders", "Items", "Duration", "Record_Id")
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


def kinds(headers: tuple[str, ...]) -> list[str]:
    return [KIND_OF.get(h, TEXT) for h in headers]


def xlsx_bytes(doc: dict[str, Any]) -> bytes:
    from openpyxl import Workbook  # only when exporting: it slows every start

    book = Workbook()
    book.remove(book.active)
    for title, _, build in TABLES:
        headers, rows = build(doc)
        sheet = book.create_sheet(title)
        fill_sheet(sheet, headers, rows, kinds(headers))
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def table_csv(doc: dict[str, Any], table: str, delimiter: str | None = None) -> bytes:
    """One table as CSV; ``delimiter`` None: the station's locale says (``;`` in Bulgarian)."""
    build = next(b for _, name, b in TABLES if name == table)
    headers, rows = build(doc)
    return csv_bytes(headers, rows, kinds(headers), delimiter)


def add_parser(subcommands: Any) -> None:
    parser = subcommands.add_parser(
        "export", help=say("write the statistics to an .xlsx workbook or a .csv table"),
        description=say("Write the shared statistics to PATH. The format follows PATH's suffix: "
            ".xlsx gets the sheets Totals, Clients, Workers, Packing history and Analysis "
            "history; .csv gets one table (--table, default packing) in UTF-8 with a BOM. An "
            "existing file is kept unless --force."))
    parser.add_argument("path", metavar=say("PATH"), help=say("file to write (.xlsx or .csv)"))
    parser.add_argument("--table", choices=TABLE_NAMES,
                        help=say("the table a .csv export holds (default: packing)"))
    parser.add_argument("--delimiter", default=None, metavar=say("CHARACTER"),
                        help=say("CSV field separator (default: ';' where the station's locale "
                            "writes decimals with a comma, Bulgarian among them, else ',')"))
    parser.add_argument("--force", action="store_true", help=say("overwrite an existing file"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = share_root(args)
    target = Path(args.path)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise AdminError(say("{target}: cannot tell the format from the suffix {suffix}; give a "
                             "path ending in .xlsx or .csv", target=target,
                             suffix=suffix or say('(none)')))
    if suffix == ".xlsx" and args.table:
        raise AdminError(say("--table chooses the table of a .csv export; an .xlsx export holds "
                             "every table"))
    if args.delimiter is not None and len(args.delimiter) != 1:
        raise AdminError(say("--delimiter must be one character, got {delimiter!r}",
                             delimiter=args.delimiter))
    if not target.parent.is_dir():
        raise AdminError(say("{target}: the folder {parent} does not exist", target=target,
                             parent=target.parent))
    if target.exists() and not args.force:
        raise AdminError(say("{target} already exists; give --force to overwrite it",
                             target=target))
    doc = read_stats(root)
    data = (xlsx_bytes(doc) if suffix == ".xlsx"
            else table_csv(doc, args.table or "packing", args.delimiter))
    try:
        fileio.atomic_write_bytes(target, data)
    except OSError as exc:
        raise AdminError(say("cannot write {target}: {exc}", target=target, exc=exc), 1) from exc
    if suffix == ".xlsx":
        print(say("Wrote every table to {target}", target=target))
    else:
        print(say("Wrote the {table} table to {target}", table=args.table or "packing",
                  target=target))
    return 0

"""Read a metadata file of any version the tools ever wrote and return it in today's format.

Nothing is written back. Each ``upgrade_*`` function is pure, keeps keys it does not know,
rewrites timestamps as ISO 8601 with an offset (naive ones are the station's local time),
sets ``version`` and fills missing fields with defaults instead of raising. A wrong-typed
value in a known field gives way to the default and is kept under ``_invalid``; whatever
had to be dropped is listed in ``load_warnings``. The field repairs live in
``shared.field_fixes`` and the orders' maths in ``shared.order_metrics``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from pathlib import Path, PureWindowsPath
from typing import Any

from shared import fileio
from shared.field_fixes import (
    JsonDict,
    _typed,
    as_code,
    as_number,
    as_text,
    fix_all,
    fix_field,
    fix_times,
    typed_field,
)
from shared.order_metrics import (
    ORDER_COUNTERS,
    calculate_session_metrics,
    normalise_orders,
    order_duration,
    order_units,
)
from shared.stats_schema import STATS_VERSION, normalise_stats
from shared.validation import as_count
from shared.worker_profile import WORKERS_VERSION, normalise_workers

__all__ = [
    "CURRENT_VERSIONS", "KIND_BY_NAME", "LOCK_VERSION", "ORDER_COUNTERS",
    "PACKING_STATE_VERSION", "SESSION_INFO_VERSION", "SESSION_SUMMARY_VERSION", "STATE_KEYS",
    "UPGRADERS", "JsonDict", "as_code", "as_number", "as_text", "fix_all", "fix_field",
    "fix_times", "load_with_compatibility", "typed_field", "upgrade_lock",
    "upgrade_packing_state", "upgrade_session_info", "upgrade_session_summary", "upgrade_stats",
    "upgrade_workers",
]

SESSION_SUMMARY_VERSION = "1.3.0"
PACKING_STATE_VERSION = "1.3.0"
LOCK_VERSION = "1.3.0"
SESSION_INFO_VERSION = "1.3.0"

KIND_BY_NAME = {
    "session_summary.json": "session_summary", "packing_state.json": "packing_state",
    "global_stats.json": "global_stats", "workers.json": "workers",
    ".session.lock": "session_lock", "session_info.json": "session_info",
}
CURRENT_VERSIONS = {
    "session_summary": SESSION_SUMMARY_VERSION, "packing_state": PACKING_STATE_VERSION,
    "global_stats": STATS_VERSION, "workers": WORKERS_VERSION,
    "session_lock": LOCK_VERSION, "session_info": SESSION_INFO_VERSION,
}
STATE_KEYS = ("session_id", "progress", "in_progress", "completed", "completed_orders")


def _session_type(doc: JsonDict) -> str:
    given = doc.get("session_type")
    if isinstance(given, str) and given.strip().lower() in ("shopify", "excel"):
        return given.strip().lower()
    fix_field(doc, "session_type", lambda v: None, None)  # keeps an unknown value under _invalid
    path = doc.get("packing_list_path") or ""
    return "excel" if PureWindowsPath(path).suffix.lower() in (".xlsx", ".xls") else "shopify"


def upgrade_session_summary(data: Mapping[str, Any]) -> JsonDict:
    """Any session_summary.json (PackerLogic nested, main.py v1.0, v1.3.0, fallback) → unified."""
    doc: JsonDict = copy.deepcopy(dict(data))
    warnings: list[str] = []
    nested = doc["summary"] if isinstance(doc.get("summary"), dict) else {}
    speed = doc["performance"] if isinstance(doc.get("performance"), dict) else {}
    for key in ("total_orders", "completed_orders", "total_items"):
        if key not in doc and key in nested:
            doc[key] = nested[key]
    doc.setdefault("pc_name", doc.get("worker_pc"))
    doc.setdefault("worker_pc", doc.get("pc_name"))
    fix_all(doc, as_text, None, "worker_id", "pc_name", "worker_pc", "user_name",
            "packing_list_path")
    fix_all(doc, as_text, "", "session_id", "client_id")
    if not fix_field(doc, "worker_name", as_text, "Unknown").strip():
        doc["worker_name"] = "Unknown"
    path = doc["packing_list_path"]
    fix_field(doc, "packing_list_name", as_text, PureWindowsPath(path).stem if path else "")
    doc["session_type"] = _session_type(doc)
    fix_times(doc, "started_at", "completed_at")
    fix_field(doc, "duration_seconds", as_number, order_duration(doc))
    orders = doc["orders"] = normalise_orders(typed_field(doc, "orders", list), "orders", warnings)
    skipped = typed_field(doc, "skipped_orders", list)
    for entry in skipped:
        if isinstance(entry, dict) and "skipped_at" in entry:
            fix_times(entry, "skipped_at")
    fix_all(doc, as_count, 0, "total_orders", "total_items", "in_progress_orders")
    fix_field(doc, "completed_orders", as_count, len(orders))
    fix_field(doc, "skipped_orders_count", as_count, len(skipped))
    doc.setdefault("packed_items", doc.get("items_packed"))
    fix_field(doc, "packed_items", as_count, sum(map(order_units, orders)) if orders else None)
    skus = {str(i["sku"]) for o in orders for i in o["items"] if i.get("sku") is not None}
    fix_field(doc, "unique_skus", as_count, len(skus) if orders else None)
    given = typed_field(doc, "metrics", dict)
    legacy = {
        "avg_time_per_order": nested.get("average_order_time_seconds",
                                         doc.get("average_order_time_seconds")),
        "orders_per_hour": speed.get("orders_per_hour", doc.get("orders_per_hour")),
        "items_per_hour": speed.get("items_per_hour", doc.get("items_per_hour")),
    }
    computed = calculate_session_metrics({"orders": orders,
                                          "duration_seconds": doc["duration_seconds"]})
    if not orders:  # old formats kept no orders: their counts are unknown, not zero
        computed = dict.fromkeys(computed)
    doc["metrics"] = {**computed, **{k: v for k, v in legacy.items() if v is not None}, **given}
    doc["version"] = SESSION_SUMMARY_VERSION
    if warnings:
        doc["load_warnings"] = warnings
    return doc


def _upgrade_line(line: Mapping[str, Any], index: int) -> JsonDict:
    out = {k: v for k, v in line.items() if k != "sku"}  # "sku" becomes "original_sku"
    original = as_code(line.get("original_sku", line.get("sku")))
    normalized = as_code(line.get("normalized_sku"))
    out["original_sku"] = original if original is not None else (normalized or "")
    # The original tool's rule: letters and digits only, lower case.
    out["normalized_sku"] = (normalized if normalized is not None
                             else "".join(filter(str.isalnum, out["original_sku"])).lower())
    fix_all(out, as_count, 0, "required", "packed")
    fix_field(out, "row", as_count, index)
    return out


def _upgrade_in_progress(raw: Mapping[str, Any], warnings: list[str]) -> dict[str, list[JsonDict]]:
    orders: dict[str, list[JsonDict]] = {}
    for number, lines in raw.items():
        where = f"in_progress[{number!r}]"
        if number.startswith("_"):
            if number not in ("_timing", "_current_extras"):
                warnings.append(f"{where}: not an order (starts with '_'); ignored")
        elif not isinstance(lines, list):
            warnings.append(f"{where}: order state is {type(lines).__name__}, not a list; dropped")
        else:
            orders[number] = []
            for i, line in enumerate(lines):
                if isinstance(line, Mapping):
                    orders[number].append(_upgrade_line(line, i))
                else:
                    warnings.append(f"{where}[{i}]: line is {type(line).__name__}; dropped")
    return orders


def _move_timing_and_extras(doc: JsonDict, raw: Mapping[str, Any], warnings: list[str]) -> None:
    timing = raw.get("_timing", doc.get("current_order_timing"))
    timing = _typed(timing, dict, "in_progress['_timing']", warnings)
    if timing is not None:
        timing = dict(timing)
        fix_times(timing, "current_order_start_time")
        scans = timing.get("items_scanned")
        for scan in scans if isinstance(scans, list) else []:
            if isinstance(scan, dict) and "scanned_at" in scan:
                fix_times(scan, "scanned_at")
    doc["current_order_timing"] = timing
    extras = doc.pop("_current_extras", raw.get("_current_extras", doc.get("pending_extras")))
    doc["pending_extras"] = _typed(extras, dict, "_current_extras", warnings) or {}


def upgrade_packing_state(data: Mapping[str, Any]) -> JsonDict:
    """Any packing_state.json (wrapped, legacy or current) → the one canonical shape."""
    doc: JsonDict = copy.deepcopy(dict(data))
    inner = doc.get("data")
    if isinstance(inner, dict) and not any(key in doc for key in STATE_KEYS):
        del doc["data"]
        doc.update(inner)  # the legacy {"data": {...}} wrapper
    warnings: list[str] = []
    doc.setdefault("pc_name", doc.get("worker_pc"))
    fix_all(doc, as_text, None, "session_id", "client_id", "packing_list_name", "pc_name",
            "worker_id", "worker_name")
    fix_times(doc, "started_at", "last_updated")
    raw = _typed(doc.get("in_progress"), dict, "in_progress", warnings) or {}
    _move_timing_and_extras(doc, raw, warnings)
    in_progress = doc["in_progress"] = _upgrade_in_progress(raw, warnings)
    entries = _typed(doc.get("completed"), list, "completed", warnings) or []
    # The legacy completed_orders: [order number, ...].
    legacy = _typed(doc.pop("completed_orders", None), list, "completed_orders", warnings) or []
    completed = normalise_orders(entries, "completed", warnings)
    done = {o["order_number"] for o in completed}
    completed += normalise_orders([n for n in legacy if as_code(n) not in done],
                                 "completed_orders", warnings)
    doc["completed"] = completed
    skipped: list[str] = []
    for i, entry in enumerate(typed_field(doc, "skipped_orders", list)):
        number = as_code(entry.get("order_number") if isinstance(entry, dict) else entry)
        if number is None:
            warnings.append(f"skipped_orders[{i}]: {type(entry).__name__} is not an order; dropped")
        elif number not in skipped:
            skipped.append(number)
    doc["skipped_orders"] = skipped
    timing = typed_field(doc, "skipped_orders_timing", dict)
    fix_times(timing, *timing)
    progress = typed_field(doc, "progress", dict)
    lines = [line for order in in_progress.values() for line in order]
    units = sum(o["items_count"] for o in completed)
    # Without a progress block these are lower bounds: the packing list is not at hand here.
    seen = len({o["order_number"] for o in completed} | set(in_progress))
    total = fix_field(progress, "total_orders", as_count, seen)
    count = fix_field(progress, "completed_orders", as_count, len(completed))
    fix_field(progress, "in_progress_order", as_code, None)
    fix_field(progress, "total_items", as_count, units + sum(line["required"] for line in lines))
    fix_field(progress, "packed_items", as_count, units + sum(line["packed"] for line in lines))
    fix_field(doc, "status", as_text, "completed" if count == total > 0 else "in_progress")
    doc["version"] = PACKING_STATE_VERSION
    doc["load_warnings"] = warnings
    return doc


def upgrade_workers(data: Mapping[str, Any]) -> JsonDict:
    """workers.json with or without ``version`` → the layout WorkerManager writes."""
    return normalise_workers(copy.deepcopy(dict(data)))


def upgrade_lock(data: Mapping[str, Any]) -> JsonDict:
    """.session.lock → all its fields present, ``lock_id`` (None when absent) and ``version``."""
    doc: JsonDict = copy.deepcopy(dict(data))
    fix_all(doc, as_text, None, "locked_by", "user_name", "app_version", "worker_id",
            "worker_name", "lock_id")
    fix_times(doc, "lock_time", "heartbeat")
    fix_field(doc, "process_id", as_count, None)
    doc["version"] = LOCK_VERSION
    return doc


def upgrade_session_info(data: Mapping[str, Any]) -> JsonDict:
    """session_info.json (the Shopify Tool's): timestamps normalised, packing_progress a dict."""
    doc: JsonDict = copy.deepcopy(dict(data))
    fix_times(doc, *[k for k in doc if k.endswith(("_at", "last_modified", "last_updated"))])
    progress = typed_field(doc, "packing_progress", dict)
    for entry in progress.values():
        if isinstance(entry, dict):
            fix_times(entry, *[k for k in entry if k.endswith("_at")])
    doc["version"] = SESSION_INFO_VERSION
    return doc


def upgrade_stats(data: Mapping[str, Any]) -> JsonDict:
    """global_stats.json of any version → the ``stats_schema`` layout that StatsManager reads."""
    return normalise_stats(copy.deepcopy(dict(data)))


UPGRADERS: dict[str, Callable[[Mapping[str, Any]], JsonDict]] = {
    "session_summary": upgrade_session_summary,
    "packing_state": upgrade_packing_state,
    "global_stats": upgrade_stats,
    "workers": upgrade_workers,
    "session_lock": upgrade_lock,
    "session_info": upgrade_session_info,
}


def load_with_compatibility(
    path: str | Path, schema_version: str | None = None, kind: str | None = None
) -> JsonDict:
    """Read a metadata file and return it in the current format; nothing is written.

    ``kind`` (a key of ``UPGRADERS``) is taken from the file name when not given.
    ``schema_version`` is the version the caller expects back; only the current one exists.
    Raises ``FileNotFoundError`` for a missing file and ``fileio.CorruptFileError`` (naming
    the file) when it is not UTF-8 JSON holding an object.
    """
    target = Path(path)
    kind = kind or KIND_BY_NAME.get(target.name)
    if kind not in UPGRADERS:
        raise ValueError(f"{target}: cannot tell which metadata file this is; "
                         f"pass kind= one of {', '.join(UPGRADERS)}")
    if schema_version is not None and schema_version != CURRENT_VERSIONS[kind]:
        raise ValueError(f"{target}: cannot produce {kind} version {schema_version!r}, "
                         f"only the current {CURRENT_VERSIONS[kind]!r}")
    try:
        text = target.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fileio.CorruptFileError(target, f"not UTF-8 text ({exc})", None) from exc
    if not text.strip():
        raise fileio.CorruptFileError(target, "the file is empty", None)
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise fileio.CorruptFileError(target, f"not valid JSON ({exc})", None) from exc
    if not isinstance(data, dict):
        raise fileio.CorruptFileError(
            target, f"top level is {type(data).__name__}, expected a JSON object", None)
    return UPGRADERS[kind](data)

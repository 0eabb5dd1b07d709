"""The layout of ``global_stats.json`` and how every known version is brought up to it.

``by_client`` holds the three counters the deployed tools update (``orders_analyzed``,
``orders_packed``, ``sessions``) and stays their source of truth; ``clients`` is the unified
view of the metadata audit (those counters copied in, plus ``items_packed``,
``last_session_id`` and ``last_active``), and ``workers`` aggregates per packer.
"""

from __future__ import annotations

from typing import Any

from shared.validation import as_count, at_least, keep_invalid

STATS_VERSION = "2.0"
HISTORY_LIMIT = 1000
RECORD_ID_LIMIT = 10000

COUNTERS = ("total_orders_analyzed", "total_orders_packed", "total_items_packed", "total_sessions")
CLIENT_COUNTERS = ("orders_analyzed", "orders_packed", "sessions")
WORKER_COUNTERS = ("orders_packed", "items_packed", "sessions")
LISTS = ("analysis_history", "packing_history", "recorded_ids")
MAPS = ("by_client", "clients", "workers")


def default_stats() -> dict[str, Any]:
    return {
        "total_orders_analyzed": 0,
        "total_orders_packed": 0,
        "total_items_packed": 0,
        "total_sessions": 0,
        "by_client": {},
        "clients": {},
        "workers": {},
        "analysis_history": [],
        "packing_history": [],
        "recorded_ids": [],
        "created_at": None,
        "last_updated": None,
        "version": STATS_VERSION,
    }


def normalise_stats(doc: dict[str, Any]) -> dict[str, Any]:
    """Fill missing keys, repair types and sync ``clients`` with ``by_client``, in place."""
    defaults = default_stats()
    for key in COUNTERS:
        count = as_count(doc.get(key, 0))
        if count is None:
            keep_invalid(doc, key, doc.pop(key))
            count = 0
        doc[key] = count
    for key in (*MAPS, *LISTS):
        want = dict if key in MAPS else list
        if key in doc and not isinstance(doc[key], want):
            keep_invalid(doc, key, doc.pop(key))
        doc.setdefault(key, defaults[key])
    for key in ("created_at", "last_updated"):
        doc.setdefault(key, None)
    if not at_least(doc.get("version"), STATS_VERSION):
        doc["version"] = STATS_VERSION

    if "total_labels_printed" in doc:
        _count_or_keep(doc, "total_labels_printed")

    by_client: dict[str, Any] = doc["by_client"]
    clients: dict[str, Any] = doc["clients"]
    copied = set()
    for name, entry in list(clients.items()):
        if isinstance(entry, dict) and name not in by_client:
            by_client[name] = {k: entry[k] for k in CLIENT_COUNTERS if k in entry}
            copied.add(name)
    for name, entry in list(by_client.items()):
        counters = entry if isinstance(entry, dict) else {"_invalid": entry}
        by_client[name] = counters
        for key in CLIENT_COUNTERS:
            _count_or_keep(counters, key)
        if "labels_printed" in counters:
            _count_or_keep(counters, "labels_printed")
        unified = clients.get(name)
        if not isinstance(unified, dict):
            unified = clients[name] = {} if unified is None else {"_invalid": unified}
        for key in CLIENT_COUNTERS:
            if name not in copied and key in unified and as_count(unified[key]) is None:
                keep_invalid(unified, key, unified[key])  # a copy, but never dropped unseen
            unified[key] = counters[key]
        _count_or_keep(unified, "items_packed")
        unified.setdefault("last_session_id", None)
        unified.setdefault("last_active", None)
        if "labels_printed" in counters:
            unified["labels_printed"] = counters["labels_printed"]
    for entry in doc["workers"].values():
        if isinstance(entry, dict):
            for key in WORKER_COUNTERS:
                if key in entry:
                    _count_or_keep(entry, key)
            seconds = entry.get("duration_seconds")
            if seconds is not None and not _seconds(seconds):
                keep_invalid(entry, "duration_seconds", entry.pop("duration_seconds"))
    return doc


def _count_or_keep(holder: dict[str, Any], key: str) -> None:
    """``holder[key]`` as a count; a value of the wrong type goes under ``_invalid``, then 0."""
    value = holder.get(key, 0)
    count = as_count(value)
    if count is None:
        keep_invalid(holder, key, value)
        count = 0
    holder[key] = count


def _seconds(value: object) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and 0 <= value < 1e15)


def client_view(doc: dict[str, Any], client_id: str) -> dict[str, Any]:
    """Everything known of one client; zeros when it was never recorded."""
    entry = doc["clients"].get(client_id)
    if not isinstance(entry, dict):
        return {"orders_analyzed": 0, "orders_packed": 0, "sessions": 0, "items_packed": 0,
                "last_session_id": None, "last_active": None}
    return dict(entry)

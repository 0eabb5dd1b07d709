"""The layout of ``global_stats.json`` and how every known version is brought up to it.

``by_client`` holds the three counters the deployed tools update (``orders_analyzed``,
``orders_packed``, ``sessions``) and stays their source of truth; ``clients`` is the unified
view of the metadata audit (those counters copied in, plus ``items_packed``,
``last_session_id`` and ``last_active``), and ``workers`` aggregates per packer.
"""

from __future__ import annotations

from typing import Any

STATS_VERSION = "2.0"
HISTORY_LIMIT = 1000
RECORD_ID_LIMIT = 10000

COUNTERS = ("total_orders_analyzed", "total_orders_packed", "total_items_packed", "total_sessions")
CLIENT_COUNTERS = ("orders_analyzed", "orders_packed", "sessions")
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


def _as_count(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _version_tuple(value: object) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in str(value).split("."))
    except ValueError:
        return (0,)


def _set_aside(doc: dict[str, Any], key: str) -> None:
    """Move a value of the wrong type under ``_invalid`` so it is kept, not lost."""
    doc.setdefault("_invalid", {})
    if not isinstance(doc["_invalid"], dict):
        doc["_invalid"] = {"_invalid": doc["_invalid"]}
    doc["_invalid"][key] = doc.pop(key)


def normalise_stats(doc: dict[str, Any]) -> dict[str, Any]:
    """Fill missing keys, repair types and sync ``clients`` with ``by_client``, in place."""
    defaults = default_stats()
    for key in COUNTERS:
        count = _as_count(doc.get(key, 0))
        if count is None:
            _set_aside(doc, key)
            count = 0
        doc[key] = count
    for key in (*MAPS, *LISTS):
        want = dict if key in MAPS else list
        if key in doc and not isinstance(doc[key], want):
            _set_aside(doc, key)
        doc.setdefault(key, defaults[key])
    for key in ("created_at", "last_updated"):
        doc.setdefault(key, None)
    if _version_tuple(doc.get("version")) < _version_tuple(STATS_VERSION):
        doc["version"] = STATS_VERSION

    by_client: dict[str, Any] = doc["by_client"]
    clients: dict[str, Any] = doc["clients"]
    for name, entry in list(clients.items()):
        if isinstance(entry, dict) and name not in by_client:
            by_client[name] = {k: _as_count(entry.get(k)) or 0 for k in CLIENT_COUNTERS}
    for name, entry in list(by_client.items()):
        if not isinstance(entry, dict):
            by_client[name] = entry = {"_invalid": entry}
        for key in CLIENT_COUNTERS:
            entry[key] = _as_count(entry.get(key, 0)) or 0
        unified = clients.get(name)
        if not isinstance(unified, dict):
            unified = clients[name] = {} if unified is None else {"_invalid": unified}
        for key in CLIENT_COUNTERS:
            unified[key] = entry[key]
        unified["items_packed"] = _as_count(unified.get("items_packed", 0)) or 0
        unified.setdefault("last_session_id", None)
        unified.setdefault("last_active", None)
        if "labels_printed" in entry:
            unified["labels_printed"] = entry["labels_printed"]
    return doc


def client_view(doc: dict[str, Any], client_id: str) -> dict[str, Any]:
    """Everything known of one client; zeros when it was never recorded."""
    entry = doc["clients"].get(client_id)
    if not isinstance(entry, dict):
        return {"orders_analyzed": 0, "orders_packed": 0, "sessions": 0, "items_packed": 0,
                "last_session_id": None, "last_active": None}
    return dict(entry)

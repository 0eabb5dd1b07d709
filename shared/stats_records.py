"""The errors of ``StatsManager`` and the small pieces its records are made of: checked
arguments, a history with its bound, a filtered history newest first, and what one packing
record adds to the document (``add_packing``).
``shared.stats_manager`` re-exports the errors."""

from __future__ import annotations

import json
from typing import Any

from shared import fileio
from shared.stats_schema import HISTORY_LIMIT, RECORD_ID_LIMIT, normalise_stats
from shared.timestamps import sort_key


class StatsManagerError(Exception):
    """Statistics could not be read or recorded."""


class FileLockError(StatsManagerError):
    """The statistics file stayed locked by another program for too long."""


class StatsFileDamagedError(StatsManagerError, fileio.SharedFileDamagedError):
    """``global_stats.json`` is damaged and its ``.bak`` cannot safely replace it.

    Nothing was written and the file is left as it is (its bytes also kept at ``kept_at``);
    the message says what to do. Retrying later, once the file is repaired, is safe: records
    with a ``record_id`` still count once.
    """


def _count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise StatsManagerError(f"{name} must be a whole number >= 0, got {value!r}")
    return value


def _text(name: str, value: object, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise StatsManagerError(f"{name} must be a non-empty string, got {value!r}")
    return value.strip()


def _metadata(value: object) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise StatsManagerError(f"metadata must be a dict, got {type(value).__name__}")
    try:
        json.dumps(value)
    except (TypeError, ValueError) as exc:
        raise StatsManagerError(f"metadata cannot be stored as JSON: {exc}") from exc
    return dict(value)


def _append(doc: dict[str, Any], key: str, record: dict[str, Any], record_id: str | None) -> None:
    history = doc.setdefault(key, [])
    history.append(record)
    del history[:-HISTORY_LIMIT]
    if record_id:
        ids = doc["recorded_ids"]
        ids.append(record_id)
        del ids[:-RECORD_ID_LIMIT]


def _history(
    records: list[dict[str, Any]], limit: int | None, **match: str | None
) -> list[dict[str, Any]]:
    chosen = [
        (i, r) for i, r in enumerate(records)
        if isinstance(r, dict) and all(v is None or r.get(k) == v for k, v in match.items())
    ]
    chosen.sort(key=lambda pair: (sort_key(pair[1].get("timestamp")), pair[0]), reverse=True)
    result = [r for _, r in chosen]
    return result[:limit] if limit is not None and limit >= 0 else result


def add_packing(doc: dict[str, Any], record: dict[str, Any], sessions: int) -> bool:
    """Add one packing record (``StatsManager.record_packing``) to the document; a record whose
    ``record_id`` was counted before changes nothing. True: recorded."""
    record_id = record.get("record_id")
    if record_id and record_id in doc["recorded_ids"]:
        return True
    client, session, worker = record["client_id"], record["session_id"], record["worker_id"]
    orders, items, stamp = record["orders_count"], record["items_count"], record["timestamp"]
    worker_name = record.get("worker_name")
    doc["total_orders_packed"] += orders
    doc["total_items_packed"] += items
    doc["total_sessions"] += sessions
    legacy = doc["by_client"].setdefault(client, {})
    legacy["orders_packed"] = int(legacy.get("orders_packed", 0)) + orders
    legacy["sessions"] = int(legacy.get("sessions", 0)) + sessions
    unified = doc["clients"].setdefault(client, {})
    unified["items_packed"] = int(unified.get("items_packed", 0)) + items
    unified["last_session_id"] = session
    unified["last_active"] = stamp
    if worker:
        agg = doc["workers"].setdefault(worker, {})
        if worker_name:
            agg["name"] = worker_name
        for key, add in (("orders_packed", orders), ("items_packed", items),
                         ("sessions", sessions)):
            agg[key] = int(agg.get(key, 0)) + add
        if "duration_seconds" in record:
            agg["duration_seconds"] = round(
                float(agg.get("duration_seconds", 0)) + record["duration_seconds"], 1)
        agg["last_session_id"] = session
        agg["last_active"] = stamp
    _append(doc, "packing_history", record, record_id)
    normalise_stats(doc)
    return True

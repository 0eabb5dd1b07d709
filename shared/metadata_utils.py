"""The metadata toolkit both tools share: versions, timestamps, checks, orders and metrics.

Readers of older files live in ``shared.compat``, the orders' maths in ``shared.order_metrics``
and multi-file updates in ``shared.transaction``; all are re-exported here so callers need only
this module.
Timestamps are written as ISO 8601 with an offset; naive ones read as the station's local time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeGuard

from shared.compat import (
    LOCK_VERSION,
    PACKING_STATE_VERSION,
    SESSION_INFO_VERSION,
    SESSION_SUMMARY_VERSION,
    load_with_compatibility,
    upgrade_lock,
    upgrade_packing_state,
    upgrade_session_info,
    upgrade_session_summary,
    upgrade_stats,
    upgrade_workers,
)
from shared.order_metrics import (
    _is_count,
    _is_number,
    calculate_session_metrics,
    normalise_order,
    normalise_orders,
    order_duration,
    order_units,
)
from shared.stats_schema import STATS_VERSION
from shared.timestamps import (
    normalise_timestamp,
    now,
    now_iso,
    parse_timestamp,
    seconds_between,
    sort_key,
    to_iso,
)
from shared.transaction import FileUpdate, atomic_multi_file_update, resume_multi_file_update
from shared.validation import at_least
from shared.worker_profile import WORKERS_VERSION

__all__ = [
    "LOCK_VERSION", "METRIC_KEYS", "PACKING_STATE_VERSION", "SESSION_INFO_VERSION",
    "SESSION_SUMMARY_VERSION", "STATS_VERSION", "WORKERS_VERSION", "FileUpdate",
    "atomic_multi_file_update", "calculate_duration", "calculate_session_metrics",
    "get_current_timestamp", "load_with_compatibility", "normalise_order", "normalise_orders",
    "normalise_timestamp", "now", "now_iso", "order_duration", "order_units", "parse_timestamp",
    "resume_multi_file_update", "seconds_between", "session_summary_errors", "sort_key", "to_iso",
    "upgrade_lock", "upgrade_packing_state", "upgrade_session_info", "upgrade_session_summary",
    "upgrade_stats", "upgrade_workers", "validate_session_summary",
]

METRIC_KEYS = (
    "avg_time_per_order", "avg_time_per_item", "fastest_order_seconds", "slowest_order_seconds",
    "orders_per_hour", "items_per_hour", "avg_time_to_first_scan", "total_corrections",
    "avg_corrections_per_order", "total_extra_scans", "total_unknown_scans",
)
# The six the fork's reader requires; the rest were added later and stay optional.
REQUIRED_METRICS = METRIC_KEYS[:6]
SESSION_TYPES = ("shopify", "excel")


def get_current_timestamp() -> str:
    """The fork's name for ``now_iso``: local time, ISO 8601 with its offset."""
    return now_iso()


def calculate_duration(start: object, end: object) -> float | None:
    """Seconds from ``start`` to ``end`` (negative when the clock went back); None if unreadable."""
    return seconds_between(start, end)


# --------------------------------------------------------------------------- validation


def _is_text(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and bool(value.strip())


def _is_seconds(value: object) -> bool:
    return _is_number(value) and value >= 0


def _is_time(value: object) -> bool:
    return parse_timestamp(value) is not None


Check = tuple[str, Callable[[object], bool], str]
TEXT, COUNT = "a non-empty string", "a whole number >= 0"
SUMMARY_REQUIRED: tuple[Check, ...] = (
    ("version", _is_text, TEXT), ("session_id", _is_text, TEXT), ("client_id", _is_text, TEXT),
    ("packing_list_name", lambda v: isinstance(v, str), "a string"),
    ("started_at", _is_time, "an ISO 8601 timestamp"),
    ("completed_at", _is_time, "an ISO 8601 timestamp"),
    ("duration_seconds", _is_seconds, "a number >= 0"), ("total_orders", _is_count, COUNT),
    ("completed_orders", _is_count, COUNT), ("total_items", _is_count, COUNT),
    ("metrics", lambda v: isinstance(v, Mapping), "an object"),
    ("orders", lambda v: isinstance(v, list), "a list"),
)
SUMMARY_OPTIONAL: tuple[Check, ...] = (
    *((key, lambda v: isinstance(v, str), "a string") for key in (
        "packing_list_path", "worker_id", "worker_name", "worker_pc", "pc_name", "user_name")),
    *((key, _is_count, COUNT) for key in (
        "in_progress_orders", "packed_items", "unique_skus", "skipped_orders_count")),
    ("session_type", lambda v: v in SESSION_TYPES, " or ".join(SESSION_TYPES)),
    ("skipped_orders", lambda v: isinstance(v, list), "a list"),
)
ORDER_REQUIRED: tuple[Check, ...] = (
    ("order_number", _is_text, TEXT), ("items", lambda v: isinstance(v, list), "a list"))
ORDER_OPTIONAL: tuple[Check, ...] = (
    ("started_at", _is_time, "an ISO 8601 timestamp"),
    ("completed_at", _is_time, "an ISO 8601 timestamp"),
    ("duration_seconds", _is_seconds, "a number >= 0"), ("items_count", _is_count, COUNT),
)
ITEM_REQUIRED: tuple[Check, ...] = (("sku", _is_text, TEXT), ("quantity", _is_count, COUNT))
METRICS_OPTIONAL: tuple[Check, ...] = tuple((k, _is_seconds, "a number >= 0") for k in METRIC_KEYS)


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check(
    where: str, doc: object, required: tuple[Check, ...], optional: tuple[Check, ...] = ()
) -> list[str]:
    """Messages for missing or failing required keys and failing optional ones (None is fine)."""
    if not isinstance(doc, Mapping):
        return [f"{where or 'session summary'}: must be an object, got {type(doc).__name__}"]
    where = f"{where}." if where else ""
    errors = []
    for key, ok, what in required:
        if key not in doc:
            errors.append(f"{where}{key}: missing")
        elif not ok(doc[key]):
            errors.append(f"{where}{key}: must be {what}, got {_show(doc[key])}")
    for key, ok, what in optional:
        if doc.get(key) is not None and not ok(doc[key]):
            errors.append(f"{where}{key}: must be {what} or null, got {_show(doc[key])}")
    return errors


def session_summary_errors(data: object) -> list[str]:
    """Everything wrong with a session summary in the unified format; empty when valid.

    Each message starts with the key (``orders[2].items[0].quantity``) and says what is wrong.
    """
    errors = _check("", data, SUMMARY_REQUIRED, SUMMARY_OPTIONAL)
    if not isinstance(data, Mapping):
        return errors
    version = data.get("version")
    if _is_text(version) and not at_least(version, SESSION_SUMMARY_VERSION):
        errors.append(f"version: {version!r} is older than {SESSION_SUMMARY_VERSION}; "
                      "read it with load_with_compatibility")
    span = seconds_between(data.get("started_at"), data.get("completed_at"))
    if span is not None and span < 0:
        errors.append("completed_at: is before started_at")
    total, done = data.get("total_orders"), data.get("completed_orders")
    if _is_count(total) and _is_count(done) and done > total:
        errors.append(f"completed_orders: {done} is more than total_orders {total}")
    metrics = data.get("metrics")
    if isinstance(metrics, Mapping):
        errors += [f"metrics.{key}: missing" for key in REQUIRED_METRICS if key not in metrics]
        errors += _check("metrics", metrics, (), METRICS_OPTIONAL)
    orders = data.get("orders")
    for i, order in enumerate(orders if isinstance(orders, list) else []):
        errors += _check(f"orders[{i}]", order, ORDER_REQUIRED, ORDER_OPTIONAL)
        items = order.get("items") if isinstance(order, Mapping) else None
        for j, item in enumerate(items if isinstance(items, list) else []):
            errors += _check(f"orders[{i}].items[{j}]", item, ITEM_REQUIRED)
    return errors


def validate_session_summary(data: object) -> bool:
    """True when ``data`` is a unified session summary (see ``session_summary_errors``)."""
    return not session_summary_errors(data)


# --------------------------------------------------------------------------- orders and metrics

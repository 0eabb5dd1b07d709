"""Orders of a session summary or packing state, and the session's performance figures:
``normalise_order(s)``, ``order_duration``, ``order_units``, ``calculate_session_metrics``.
``shared.metadata_utils`` re-exports them; ``shared.compat``'s upgraders use them."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, TypeGuard

from shared.field_fixes import as_code, as_number, fix_all, fix_field, fix_times, typed_field
from shared.timestamps import seconds_between
from shared.validation import as_count

ORDER_COUNTERS = ("corrections", "extra_scans_count", "unknown_scans_count")


def _is_number(value: object) -> TypeGuard[int | float]:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def normalise_order(
    entry: Mapping[str, Any], where: str = "order", warnings: list[str] | None = None
) -> dict[str, Any]:
    """A finished order as packing_state ``completed`` and summary ``orders`` hold it.

    Missing fields get defaults (the duration comes from the timestamps); items that are not
    objects are dropped and reported in ``warnings``.
    """
    warnings = [] if warnings is None else warnings
    order = dict(entry)
    fix_field(order, "order_number", as_code, "")
    fix_times(order, "started_at", "completed_at")
    fix_field(order, "duration_seconds", as_number, order_duration(order))
    items = []
    for i, item in enumerate(typed_field(order, "items", list)):
        if isinstance(item, dict):
            items.append(dict(item))
            if "scanned_at" in item:
                fix_times(items[-1], "scanned_at")
        else:
            warnings.append(f"{where}.items[{i}]: {type(item).__name__} is not an item; dropped")
    order["items"] = items
    fix_field(order, "items_count", as_count, sum(as_count(i.get("quantity")) or 0 for i in items))
    fix_all(order, as_count, 0, *ORDER_COUNTERS)
    return order


def normalise_orders(raw: list[Any], where: str, warnings: list[str]) -> list[dict[str, Any]]:
    """Orders given as dicts or bare order numbers; junk and repeats are dropped with a warning."""
    orders: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, entry in enumerate(raw):
        spot = f"{where}[{i}]"
        number = as_code(entry)
        given = {"order_number": number} if number is not None else entry
        if not isinstance(given, Mapping):
            warnings.append(f"{spot}: {type(entry).__name__} is not an order; dropped")
            continue
        order = normalise_order(given, spot, warnings)
        if not order["order_number"]:
            warnings.append(f"{spot}: order has no order_number; dropped")
        elif order["order_number"] in seen:
            warnings.append(f"{spot}: order {order['order_number']!r} listed twice; kept the first")
        else:
            seen.add(order["order_number"])
            orders.append(order)
    return orders

def order_duration(order: Mapping[str, Any]) -> float | None:
    """An order's packing time: its ``duration_seconds``, else the span of its timestamps."""
    given = order.get("duration_seconds")
    if _is_number(given) and given >= 0:
        return float(given)
    span = seconds_between(order.get("started_at"), order.get("completed_at"))
    return span if span is not None and span >= 0 else None


def order_units(order: Mapping[str, Any]) -> int:
    """Units in an order: the sum of its item quantities, else its ``items_count``."""
    items = order.get("items")
    if isinstance(items, list) and items:
        quantities = [i.get("quantity") for i in items if isinstance(i, Mapping)]
        return sum(int(q) for q in quantities if _is_number(q) and q > 0)
    count = order.get("items_count")
    return int(count) if _is_count(count) else 0


def _mean(values: list[float], digits: int = 1) -> float | None:
    return round(sum(values) / len(values), digits) if values else None


def _per_hour(count: int, seconds: float | None) -> float | None:
    return round(count * 3600 / seconds, 1) if seconds else None  # no time, no rate


def _total(orders: list[Mapping[str, Any]], key: str) -> int:
    return sum(int(o[key]) for o in orders if _is_count(o.get(key)))


def calculate_session_metrics(data: Mapping[str, Any]) -> dict[str, Any]:
    """Performance figures of a session from its ``orders`` (and its ``duration_seconds``).

    Orders that took 0 s count like any other. Rates use the session's ``duration_seconds``
    when given, else the summed order times (and then only orders whose time is known).
    A figure with nothing to divide by is None. Seconds and rates are rounded to 0.1,
    per-order averages of counts to 0.01.
    """
    raw = data.get("orders")
    orders = [o for o in raw if isinstance(o, Mapping)] if isinstance(raw, list) else []
    durations: list[float] = []
    timed_units = all_units = 0
    first_scans: list[float] = []
    for order in orders:
        units = order_units(order)
        all_units += units
        duration = order_duration(order)
        if duration is not None:
            durations.append(duration)
            timed_units += units
        first = order.get("time_to_first_scan_seconds")
        if _is_number(first) and first >= 0:
            first_scans.append(float(first))
    session_time = data.get("duration_seconds")
    if _is_number(session_time) and session_time >= 0:
        active: float | None = float(session_time)
        rate_orders, rate_units = len(orders), all_units
    else:
        active = sum(durations) if durations else None
        rate_orders, rate_units = len(durations), timed_units
    corrections = _total(orders, "corrections")
    return {
        "avg_time_per_order": _mean(durations),
        "avg_time_per_item": round(sum(durations) / timed_units, 1) if timed_units else None,
        "fastest_order_seconds": round(min(durations), 1) if durations else None,
        "slowest_order_seconds": round(max(durations), 1) if durations else None,
        "orders_per_hour": _per_hour(rate_orders, active),
        "items_per_hour": _per_hour(rate_units, active),
        "avg_time_to_first_scan": _mean(first_scans),
        "total_corrections": corrections,
        "avg_corrections_per_order": round(corrections / len(orders), 2) if orders else None,
        "total_extra_scans": _total(orders, "extra_scans_count"),
        "total_unknown_scans": _total(orders, "unknown_scans_count"),
    }

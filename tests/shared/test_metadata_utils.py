"""metadata_utils: versions, timestamps, session-summary validation and metrics maths."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from shared import compat, metadata_utils, stats_schema, transaction
from shared.metadata_utils import (
    calculate_duration,
    calculate_session_metrics,
    get_current_timestamp,
    normalise_order,
    order_duration,
    parse_timestamp,
    session_summary_errors,
    validate_session_summary,
)

# The real v1.3.0 summary of anchor §2.4, with real timestamps in place of the elided ones.
REAL_SUMMARY: dict[str, Any] = {
    "version": "1.3.0", "session_id": "2026-02-20_1", "session_type": "shopify",
    "client_id": "M", "packing_list_name": "DHL_Orders", "worker_id": "worker_001",
    "worker_name": "Dolphin", "pc_name": "Unknown",
    "started_at": "2026-02-20T09:00:00+00:00", "completed_at": "2026-02-20T09:00:00+00:00",
    "duration_seconds": 0, "total_orders": 3, "completed_orders": 3, "in_progress_orders": 0,
    "skipped_orders_count": 0, "total_items": 6, "unique_skus": 3,
    "metrics": {"avg_time_per_order": 0, "avg_time_per_item": 0.0, "fastest_order_seconds": 0,
                "slowest_order_seconds": 0, "orders_per_hour": 0, "items_per_hour": 0,
                "avg_time_to_first_scan": 0.0, "total_corrections": 1,
                "avg_corrections_per_order": 0.33, "total_extra_scans": 1,
                "total_unknown_scans": 1},
    "orders": [{"order_number": "#1003", "started_at": "2026-02-20T09:00:00+00:00",
                "completed_at": "2026-02-20T09:00:00+00:00", "duration_seconds": 0,
                "items_count": 2,
                "items": [{"sku": "skuc", "title": "Mask", "quantity": 2, "row": 0,
                           "scanned_at": "2026-02-20T09:00:00+00:00",
                           "time_from_order_start_seconds": 0,
                           "confirmation_method": "force_confirmed"}],
                "corrections": 1, "extra_scans_count": 0, "unknown_scans_count": 0}],
    "skipped_orders": [{"order_number": "#1002", "skipped_at": "2026-02-20T09:00:00+00:00",
                        "status": "skipped"}],
}


@pytest.fixture
def kolkata() -> Iterator[None]:
    """Run in UTC+05:30 so that 'naive means local time' differs from 'naive means UTC'."""
    if not hasattr(time, "tzset"):
        pytest.skip("the time zone can only be switched on POSIX")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Asia/Kolkata")
        time.tzset()
        yield
    time.tzset()


# --------------------------------------------------------------------------- public face


def test_versions_and_reexports() -> None:
    assert metadata_utils.SESSION_SUMMARY_VERSION == "1.3.0"
    assert metadata_utils.PACKING_STATE_VERSION == "1.3.0"
    assert metadata_utils.WORKERS_VERSION == "1.3.0"
    assert metadata_utils.LOCK_VERSION == "1.3.0"
    assert metadata_utils.STATS_VERSION == stats_schema.STATS_VERSION == "2.0"
    assert metadata_utils.load_with_compatibility is compat.load_with_compatibility
    assert metadata_utils.atomic_multi_file_update is transaction.atomic_multi_file_update
    assert metadata_utils.resume_multi_file_update is transaction.resume_multi_file_update
    assert metadata_utils.FileUpdate is transaction.FileUpdate
    assert set(metadata_utils.__all__) <= set(dir(metadata_utils))


# --------------------------------------------------------------------------- timestamps


def test_current_timestamp_is_local_with_offset() -> None:
    stamp = get_current_timestamp()
    moment = datetime.fromisoformat(stamp)
    assert moment.tzinfo is not None
    assert abs((datetime.now(UTC) - moment).total_seconds()) < 5


@pytest.mark.usefixtures("kolkata")
def test_naive_timestamps_are_local_time() -> None:
    naive = parse_timestamp("2025-11-20T10:00:00")
    assert naive is not None
    assert naive.utcoffset() == timedelta(hours=5, minutes=30)
    # 10:00 in Kolkata is 04:30 UTC: naive is local time, not UTC.
    assert calculate_duration("2025-11-20T10:00:00", "2025-11-20T04:30:00Z") == 0.0
    assert calculate_duration("2025-11-20T10:00:00", "2025-11-20T10:00:00+00:00") == 19800.0
    assert metadata_utils.normalise_timestamp("2025-11-20T10:00:00") == (
        "2025-11-20T10:00:00+05:30")


@pytest.mark.parametrize(
    ("start", "end", "seconds"),
    [
        ("2025-11-20T10:00:00Z", "2025-11-20T12:30:00+02:00", 1800.0),
        ("2025-11-20T10:00:00+00:00", "2025-11-20T10:02:15.500000+00:00", 135.5),
        ("2025-11-20T10:00:00", "2025-11-20T10:01:30", 90.0),
        ("2025-11-20T10:05:00Z", "2025-11-20T10:00:00Z", -300.0),
        ("not a time", "2025-11-20T10:00:00Z", None),
        (None, "2025-11-20T10:00:00Z", None),
        ("", "", None),
    ],
)
def test_calculate_duration(start: object, end: object, seconds: float | None) -> None:
    assert calculate_duration(start, end) == seconds


def test_z_and_offset_forms_are_the_same_moment() -> None:
    assert parse_timestamp("2025-11-20T14:30:00Z") == parse_timestamp("2025-11-20T16:30:00+02:00")
    assert metadata_utils.normalise_timestamp("2025-11-20T14:30:00Z") == (
        "2025-11-20T14:30:00+00:00")


# --------------------------------------------------------------------------- validation


def test_real_v130_summary_is_valid() -> None:
    assert session_summary_errors(REAL_SUMMARY) == []
    assert validate_session_summary(REAL_SUMMARY) is True


def test_optional_fields_may_be_null_or_absent() -> None:
    data = copy.deepcopy(REAL_SUMMARY)
    data.update(worker_id=None, worker_name=None, packed_items=None, session_type=None)
    for key in ("pc_name", "unique_skus", "skipped_orders", "in_progress_orders"):
        del data[key]
    assert session_summary_errors(data) == []


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """A mutation that sets (or with ``...``, deletes) the value at a dotted path."""
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        holder: Any = data
        for part in parents:
            holder = holder[int(part)] if isinstance(holder, list) else holder[part]
        if value is ...:
            del holder[last]
        elif isinstance(holder, list):
            holder[int(last)] = value
        else:
            holder[last] = value
    return mutate


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (_set("session_id", ...), "session_id: missing"),
        (_set("session_id", ""), "session_id: must be a non-empty string, got ''"),
        (_set("client_id", None), "client_id: must be a non-empty string, got None"),
        (_set("version", 1.3), "version: must be a non-empty string, got 1.3"),
        (_set("version", "1.0"), "version: '1.0' is older than 1.3.0"),
        (_set("packing_list_name", ["DHL"]), "packing_list_name: must be a string"),
        (_set("started_at", "yesterday"),
         "started_at: must be an ISO 8601 timestamp, got 'yesterday'"),
        (_set("completed_at", ...), "completed_at: missing"),
        (_set("completed_at", "2026-02-20T08:59:59+00:00"), "completed_at: is before started_at"),
        (_set("duration_seconds", "60"), "duration_seconds: must be a number >= 0, got '60'"),
        (_set("duration_seconds", -5), "duration_seconds: must be a number >= 0, got -5"),
        (_set("duration_seconds", float("nan")), "duration_seconds: must be a number >= 0"),
        (_set("total_orders", True), "total_orders: must be a whole number >= 0, got True"),
        (_set("total_orders", -1), "total_orders: must be a whole number >= 0, got -1"),
        (_set("total_items", 6.0), "total_items: must be a whole number >= 0, got 6.0"),
        (_set("completed_orders", 4), "completed_orders: 4 is more than total_orders 3"),
        (_set("packed_items", -1), "packed_items: must be a whole number >= 0 or null, got -1"),
        (_set("unique_skus", "3"), "unique_skus: must be a whole number >= 0 or null"),
        (_set("worker_id", 1), "worker_id: must be a string or null, got 1"),
        (_set("session_type", "pos"), "session_type: must be shopify or excel or null"),
        (_set("skipped_orders", "none"), "skipped_orders: must be a list or null"),
        (_set("metrics", []), "metrics: must be an object, got []"),
        (_set("metrics.orders_per_hour", ...), "metrics.orders_per_hour: missing"),
        (_set("metrics.avg_time_per_item", -1.0),
         "metrics.avg_time_per_item: must be a number >= 0 or null, got -1.0"),
        (_set("metrics.total_corrections", True), "metrics.total_corrections: must be a number"),
        (_set("orders", {}), "orders: must be a list, got {}"),
        (_set("orders.0", "#1003"), "orders[0]: must be an object, got str"),
        (_set("orders.0.order_number", ...), "orders[0].order_number: missing"),
        (_set("orders.0.order_number", 1003), "orders[0].order_number: must be a non-empty string"),
        (_set("orders.0.items", ...), "orders[0].items: missing"),
        (_set("orders.0.started_at", "soon"), "orders[0].started_at: must be an ISO 8601"),
        (_set("orders.0.duration_seconds", -1), "orders[0].duration_seconds: must be a number"),
        (_set("orders.0.items_count", 2.5), "orders[0].items_count: must be a whole number"),
        (_set("orders.0.items.0", 7), "orders[0].items[0]: must be an object, got int"),
        (_set("orders.0.items.0.sku", ""), "orders[0].items[0].sku: must be a non-empty string"),
        (_set("orders.0.items.0.sku", ...), "orders[0].items[0].sku: missing"),
        (_set("orders.0.items.0.quantity", 1.5),
         "orders[0].items[0].quantity: must be a whole number >= 0, got 1.5"),
        (_set("orders.0.items.0.quantity", False), "orders[0].items[0].quantity: must be a whole"),
        (_set("orders.0.items.0.quantity", -2), "orders[0].items[0].quantity: must be a whole"),
    ],
)
def test_each_bad_field_is_named(mutate: Callable[[dict[str, Any]], None], message: str) -> None:
    data = copy.deepcopy(REAL_SUMMARY)
    mutate(data)
    errors = session_summary_errors(data)
    assert any(e.startswith(message) for e in errors), errors
    assert len(errors) == 1, errors
    assert validate_session_summary(data) is False


@pytest.mark.parametrize("data", [None, [], "summary", 3])
def test_non_objects_are_invalid(data: object) -> None:
    [error] = session_summary_errors(data)
    assert error.startswith("session summary: must be an object")
    assert validate_session_summary(data) is False


def test_every_problem_is_reported_at_once() -> None:
    errors = session_summary_errors({"version": "1.3.0", "total_orders": "3"})
    assert "session_id: missing" in errors
    assert "orders: missing" in errors
    assert "total_orders: must be a whole number >= 0, got '3'" in errors
    assert len(errors) == 11


def test_newer_versions_are_accepted() -> None:
    assert validate_session_summary({**REAL_SUMMARY, "version": "1.4.0"})


# --------------------------------------------------------------------------- metrics


def _order(number: str, **fields: Any) -> dict[str, Any]:
    return {"order_number": number, **fields}


ORDERS = [
    _order("#1", duration_seconds=60, items=[{"sku": "a", "quantity": 2},
                                            {"sku": "b", "quantity": 1}],
           corrections=1, extra_scans_count=0, unknown_scans_count=1,
           time_to_first_scan_seconds=5),
    # No duration: it is taken from the timestamps (2 minutes).
    _order("#2", started_at="2025-11-20T10:00:00Z", completed_at="2025-11-20T10:02:00Z",
           items=[{"sku": "c", "quantity": 1}], corrections=0, extra_scans_count=2),
    # A 0-second order counts like any other.
    _order("#3", duration_seconds=0, items=[{"sku": "a", "quantity": 2}], corrections=2,
           time_to_first_scan_seconds=0),
]


def test_metrics_from_order_durations() -> None:
    metrics = calculate_session_metrics({"orders": ORDERS})
    assert metrics == {
        "avg_time_per_order": 60.0,  # (60 + 120 + 0) / 3
        "avg_time_per_item": 30.0,  # 180 s / 6 units
        "fastest_order_seconds": 0.0,
        "slowest_order_seconds": 120.0,
        "orders_per_hour": 60.0,  # 3 orders in 180 s
        "items_per_hour": 120.0,  # 6 units in 180 s
        "avg_time_to_first_scan": 2.5,
        "total_corrections": 3,
        "avg_corrections_per_order": 1.0,
        "total_extra_scans": 2,
        "total_unknown_scans": 1,
    }


def test_rates_use_the_session_duration_when_given() -> None:
    metrics = calculate_session_metrics({"orders": ORDERS, "duration_seconds": 600})
    assert metrics["orders_per_hour"] == 18.0  # 3 * 3600 / 600
    assert metrics["items_per_hour"] == 36.0
    assert metrics["avg_time_per_order"] == 60.0  # still the orders' own times


def test_rounding() -> None:
    orders = [_order("#1", duration_seconds=10, items=[{"sku": "a", "quantity": 1}],
                     corrections=1),
              _order("#2", duration_seconds=10, items=[{"sku": "a", "quantity": 2}]),
              _order("#3", duration_seconds=11, items=[{"sku": "a", "quantity": 3}])]
    metrics = calculate_session_metrics({"orders": orders, "duration_seconds": 7000})
    assert metrics["avg_time_per_order"] == 10.3  # 31 / 3 = 10.333
    assert metrics["avg_time_per_item"] == 5.2  # 31 / 6 = 5.1667
    assert metrics["orders_per_hour"] == 1.5  # 3 * 3600 / 7000 = 1.543
    assert metrics["items_per_hour"] == 3.1  # 6 * 3600 / 7000 = 3.086
    assert metrics["avg_corrections_per_order"] == 0.33


def test_only_zero_second_orders() -> None:
    orders = [_order("#1", duration_seconds=0, items=[{"sku": "a", "quantity": 1}]),
              _order("#2", duration_seconds=0, items=[{"sku": "b", "quantity": 1}])]
    metrics = calculate_session_metrics({"orders": orders})
    assert metrics["avg_time_per_order"] == 0.0
    assert metrics["avg_time_per_item"] == 0.0
    assert metrics["fastest_order_seconds"] == 0.0
    assert metrics["orders_per_hour"] is None  # no time at all: no rate, no ZeroDivisionError
    assert metrics["items_per_hour"] is None
    zero_session = calculate_session_metrics({"orders": orders, "duration_seconds": 0})
    assert zero_session["orders_per_hour"] is None


def test_no_durations_anywhere() -> None:
    orders = [_order("#1", items=[{"sku": "a", "quantity": 2}], corrections=1),
              # Reversed clock: the span is negative, so the time is unknown.
              _order("#2", started_at="2025-11-20T10:05:00Z", completed_at="2025-11-20T10:00:00Z",
                     items_count=4)]
    metrics = calculate_session_metrics({"orders": orders})
    assert metrics["avg_time_per_order"] is None
    assert metrics["avg_time_per_item"] is None
    assert metrics["fastest_order_seconds"] is None
    assert metrics["slowest_order_seconds"] is None
    assert metrics["orders_per_hour"] is None
    assert metrics["avg_time_to_first_scan"] is None
    assert metrics["total_corrections"] == 1
    assert metrics["avg_corrections_per_order"] == 0.5
    with_session = calculate_session_metrics({"orders": orders, "duration_seconds": 1800})
    assert with_session["orders_per_hour"] == 4.0  # 2 orders in half an hour
    assert with_session["items_per_hour"] == 12.0  # 2 + 4 (items_count) units


def test_rates_without_session_time_count_only_timed_orders() -> None:
    orders = [_order("#1", duration_seconds=1800, items=[{"sku": "a", "quantity": 3}]),
              _order("#2", items=[{"sku": "b", "quantity": 5}])]
    metrics = calculate_session_metrics({"orders": orders})
    assert metrics["orders_per_hour"] == 2.0
    assert metrics["items_per_hour"] == 6.0
    assert metrics["avg_time_per_item"] == 600.0


def test_empty_and_junk_input() -> None:
    empty = calculate_session_metrics({})
    assert empty["avg_time_per_order"] is None
    assert empty["orders_per_hour"] is None
    assert empty["avg_corrections_per_order"] is None
    assert empty["total_corrections"] == 0
    assert calculate_session_metrics({"orders": "x", "duration_seconds": 3600})[
        "orders_per_hour"] == 0.0
    junk = calculate_session_metrics({"orders": [None, 5, _order("#1", duration_seconds=30,
                                                                 corrections=True)]})
    assert junk["avg_time_per_order"] == 30.0
    assert junk["total_corrections"] == 0  # a bool is not a count


def test_order_duration() -> None:
    assert order_duration({"duration_seconds": 12.5}) == 12.5
    assert order_duration({"duration_seconds": True, "started_at": "2025-11-20T10:00:00Z",
                           "completed_at": "2025-11-20T10:00:40Z"}) == 40.0
    assert order_duration({"duration_seconds": -3}) is None
    assert order_duration({}) is None


def test_normalise_order_fills_defaults() -> None:
    warnings: list[str] = []
    order = normalise_order({"order_number": 1001, "started_at": "2025-11-20T10:00:00Z",
                             "completed_at": "2025-11-20T10:01:00Z",
                             "items": [{"sku": "a", "quantity": 2}, "junk"]},
                            "completed[0]", warnings)
    assert order == {
        "order_number": "1001", "started_at": "2025-11-20T10:00:00+00:00",
        "completed_at": "2025-11-20T10:01:00+00:00", "duration_seconds": 60.0,
        "items": [{"sku": "a", "quantity": 2}], "items_count": 2, "corrections": 0,
        "extra_scans_count": 0, "unknown_scans_count": 0,
    }
    assert warnings == ["completed[0].items[1]: str is not an item; dropped"]

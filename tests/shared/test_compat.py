"""compat: every older metadata format, read from real files and brought to today's shape."""

from __future__ import annotations

import copy
import json
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from shared import compat, fileio
from shared.compat import (
    load_with_compatibility,
    upgrade_lock,
    upgrade_packing_state,
    upgrade_session_info,
    upgrade_session_summary,
    upgrade_workers,
)
from shared.metadata_utils import session_summary_errors, validate_session_summary
from shared.stats_schema import normalise_stats

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "shopify_sessions" / "server"


def local(text: str) -> str:
    """A naive timestamp as the station's local time, with its offset."""
    return datetime.fromisoformat(text).astimezone().isoformat()


def write(path: Path, data: object, *, bom: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.fixture
def kolkata() -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("the time zone can only be switched on POSIX")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Asia/Kolkata")
        time.tzset()
        yield
    time.tzset()


# --------------------------------------------------------------------------- session summary

# Audit §1.2 B, "Structure (PackerLogic v1.3.0)".
PACKER_LOGIC_NESTED: dict[str, Any] = {
    "session_id": "2025-11-10_1", "client_id": "M", "packing_list_name": "DHL_Orders",
    "started_at": "2025-11-10T14:30:00", "completed_at": "2025-11-10T16:20:45",
    "duration_seconds": 6645, "worker_pc": "WAREHOUSE-PC-01",
    "summary": {"total_orders": 45, "completed_orders": 45, "total_items": 156,
                "average_order_time_seconds": 147.6},
    "performance": {"orders_per_hour": 24.3, "items_per_hour": 84.2},
}

# Audit §1.2 B, "Structure (main.py legacy)".
MAIN_PY_LEGACY: dict[str, Any] = {
    "version": "1.0", "session_id": "2025-11-10_1", "session_type": "shopify", "client_id": "M",
    "started_at": "2025-11-10T14:30:00", "completed_at": "2025-11-10T16:20:45",
    "duration_seconds": 6645, "packing_list_path": "/path/to/list.json",
    "completed_file_path": "/path/to/completed.xlsx", "pc_name": "WAREHOUSE-PC-01",
    "user_name": "John", "worker_id": "worker_001", "worker_name": "Dolphin",
    "total_orders": 50, "completed_orders": 45, "in_progress_orders": 0, "total_items": 185,
    "items_packed": 170,
}

# Anchor §2.4, the real v1.3.0 example (elided timestamps filled in).
REAL_V130: dict[str, Any] = {
    "version": "1.3.0", "session_id": "2026-02-20_1", "session_type": "shopify",
    "client_id": "M", "packing_list_name": "DHL_Orders", "worker_id": "worker_001",
    "worker_name": "Dolphin", "pc_name": "Unknown",
    "started_at": "2026-02-20T09:00:00.100000+00:00",
    "completed_at": "2026-02-20T09:00:00.900000+00:00", "duration_seconds": 0,
    "total_orders": 3, "completed_orders": 3, "in_progress_orders": 0, "skipped_orders_count": 0,
    "total_items": 6, "unique_skus": 3,
    "metrics": {"avg_time_per_order": 0, "avg_time_per_item": 0.0, "fastest_order_seconds": 0,
                "slowest_order_seconds": 0, "orders_per_hour": 0, "items_per_hour": 0,
                "avg_time_to_first_scan": 0.0, "total_corrections": 1,
                "avg_corrections_per_order": 0.33, "total_extra_scans": 1,
                "total_unknown_scans": 1},
    "orders": [{"order_number": "#1003", "started_at": "2026-02-20T09:00:00.500000+00:00",
                "completed_at": "2026-02-20T09:00:00.600000+00:00", "duration_seconds": 0,
                "items_count": 2,
                "items": [{"sku": "skuc", "title": "Mask", "quantity": 2, "row": 0,
                           "scanned_at": "2026-02-20T09:00:00.550000+00:00",
                           "time_from_order_start_seconds": 0,
                           "confirmation_method": "force_confirmed"}],
                "corrections": 1, "extra_scans_count": 0, "unknown_scans_count": 0}],
    "skipped_orders": [{"order_number": "#1002", "skipped_at": "2026-02-20T09:00:00.300000",
                        "status": "skipped"}],
}

# Anchor §2.4, the minimal fallback main.end_session writes when saving fails.
FALLBACK: dict[str, Any] = {
    "version": "1.3.0", "session_id": "2026-02-20_1", "session_type": "shopify",
    "client_id": "M", "worker_id": "worker_001", "worker_name": "Dolphin",
    "completed_at": "2026-02-20T10:00:00+00:00", "error": "Permission denied",
}

UNIFIED_KEYS = {
    "version", "session_id", "session_type", "client_id", "packing_list_name",
    "packing_list_path", "worker_id", "worker_name", "worker_pc", "pc_name", "user_name",
    "started_at", "completed_at", "duration_seconds", "total_orders", "completed_orders",
    "in_progress_orders", "total_items", "packed_items", "unique_skus", "skipped_orders",
    "skipped_orders_count", "metrics", "orders",
}


def test_packer_logic_nested_summary(tmp_path: Path) -> None:
    doc = load_with_compatibility(write(tmp_path / "session_summary.json", PACKER_LOGIC_NESTED))
    assert doc.keys() >= UNIFIED_KEYS
    assert doc["version"] == "1.3.0"
    assert (doc["total_orders"], doc["completed_orders"], doc["total_items"]) == (45, 45, 156)
    assert doc["worker_id"] is None
    assert doc["worker_name"] == "Unknown"
    assert doc["pc_name"] == doc["worker_pc"] == "WAREHOUSE-PC-01"
    assert doc["session_type"] == "shopify"
    assert doc["started_at"] == local("2025-11-10T14:30:00")
    assert doc["completed_at"] == local("2025-11-10T16:20:45")
    assert doc["duration_seconds"] == 6645
    assert doc["orders"] == []
    assert doc["metrics"]["avg_time_per_order"] == 147.6
    assert doc["metrics"]["orders_per_hour"] == 24.3
    assert doc["metrics"]["items_per_hour"] == 84.2
    assert doc["metrics"]["fastest_order_seconds"] is None  # no orders: unknown, not 0
    assert doc["metrics"]["total_corrections"] is None
    assert doc["summary"] == PACKER_LOGIC_NESTED["summary"]  # unknown keys are kept
    assert session_summary_errors(doc) == []


def test_main_py_legacy_summary(tmp_path: Path) -> None:
    doc = load_with_compatibility(write(tmp_path / "session_summary.json", MAIN_PY_LEGACY))
    assert doc.keys() >= UNIFIED_KEYS
    assert doc["version"] == "1.3.0"
    assert doc["packed_items"] == 170
    assert doc["items_packed"] == 170
    assert doc["packing_list_name"] == "list"
    assert doc["session_type"] == "shopify"
    assert (doc["worker_id"], doc["worker_name"]) == ("worker_001", "Dolphin")
    assert (doc["pc_name"], doc["worker_pc"], doc["user_name"]) == (
        "WAREHOUSE-PC-01", "WAREHOUSE-PC-01", "John")
    assert doc["completed_file_path"] == "/path/to/completed.xlsx"
    assert doc["metrics"]["orders_per_hour"] is None
    assert session_summary_errors(doc) == []


@pytest.mark.parametrize(
    ("path", "kind", "name"),
    [
        ("/path/to/list.xlsx", "excel", "list"),
        ("C:\\Packing\\Lists\\DHL Orders.XLSX", "excel", "DHL Orders"),
        ("/path/to/DHL_Orders.json", "shopify", "DHL_Orders"),
        (None, "shopify", ""),
    ],
)
def test_session_type_inferred_from_path(path: str | None, kind: str, name: str) -> None:
    legacy = {k: v for k, v in MAIN_PY_LEGACY.items() if k != "session_type"}
    legacy["packing_list_path"] = path
    doc = upgrade_session_summary(legacy)
    assert doc["session_type"] == kind
    assert doc["packing_list_name"] == name


def test_real_v130_summary_keeps_its_figures(tmp_path: Path) -> None:
    doc = load_with_compatibility(write(tmp_path / "session_summary.json", REAL_V130))
    assert doc["metrics"] == REAL_V130["metrics"]
    assert doc["orders"][0]["items"] == REAL_V130["orders"][0]["items"]
    assert doc["worker_pc"] == "Unknown"
    assert doc["packed_items"] == 2  # from the orders
    assert doc["unique_skus"] == 3
    assert doc["skipped_orders"][0]["skipped_at"] == local("2026-02-20T09:00:00.300000")
    assert doc["started_at"] == REAL_V130["started_at"]
    assert validate_session_summary(doc)


def test_partial_metrics_are_completed_from_orders() -> None:
    data = copy.deepcopy(REAL_V130)
    data["metrics"] = {"orders_per_hour": 99}
    data["duration_seconds"] = 60
    doc = upgrade_session_summary(data)
    assert doc["metrics"]["orders_per_hour"] == 99  # what was written wins
    assert doc["metrics"]["items_per_hour"] == 120.0  # 2 units in 60 s
    assert doc["metrics"]["avg_time_per_order"] == 0.0
    assert doc["metrics"]["total_corrections"] == 1


def test_fallback_summary(tmp_path: Path) -> None:
    doc = load_with_compatibility(write(tmp_path / "session_summary.json", FALLBACK))
    assert doc.keys() >= UNIFIED_KEYS
    assert doc["error"] == "Permission denied"
    assert doc["started_at"] is None
    assert doc["duration_seconds"] is None
    assert (doc["total_orders"], doc["completed_orders"], doc["total_items"]) == (0, 0, 0)
    assert doc["packing_list_name"] == ""
    assert doc["orders"] == []
    # It is an error record: validation says what is missing rather than passing it.
    assert "started_at: must be an ISO 8601 timestamp, got None" in session_summary_errors(doc)


def test_orders_are_derived_in_summaries() -> None:
    data = copy.deepcopy(REAL_V130)
    data["orders"] = [
        {"order_number": "#1", "started_at": "2026-02-20T09:00:00Z",
         "completed_at": "2026-02-20T09:01:30Z", "items": [{"sku": "a", "quantity": 2}]},
        "#2", {"order_number": "#1"}, 42.5, {"items": []},
    ]
    del data["unique_skus"]
    doc = upgrade_session_summary(data)
    first, second = doc["orders"]
    assert first["duration_seconds"] == 90.0
    assert first["items_count"] == 2
    assert second == {"order_number": "#2", "started_at": None, "completed_at": None,
                      "duration_seconds": None, "items": [], "items_count": 0,
                      "corrections": 0, "extra_scans_count": 0, "unknown_scans_count": 0}
    assert doc["unique_skus"] == 1
    assert doc["load_warnings"] == [
        "orders[2]: order '#1' listed twice; kept the first",
        "orders[3]: float is not an order; dropped",
        "orders[4]: order has no order_number; dropped",
    ]


def test_wrong_types_are_kept_aside() -> None:
    doc = upgrade_session_summary({**MAIN_PY_LEGACY, "total_orders": "fifty",
                                   "started_at": "yesterday", "worker_name": 7,
                                   "session_type": "pos", "metrics": [1, 2]})
    assert doc["total_orders"] == 0
    assert doc["started_at"] is None
    assert doc["worker_name"] == "Unknown"
    assert doc["session_type"] == "shopify"
    assert doc["_invalid"] == {"total_orders": "fifty", "started_at": "yesterday",
                               "worker_name": 7, "session_type": "pos", "metrics": [1, 2]}


# --------------------------------------------------------------------------- packing state

# Audit §1.2 A.
AUDIT_STATE: dict[str, Any] = {
    "session_id": "2025-11-10_1", "client_id": "M", "packing_list_name": "DHL_Orders",
    "started_at": "2025-11-10T14:30:00", "last_updated": "2025-11-10T15:45:23",
    "status": "in_progress", "worker_pc": "WAREHOUSE-PC-01",
    "progress": {"total_orders": 50, "completed_orders": 45, "in_progress_order": "ORDER-046",
                 "total_items": 185, "packed_items": 170},
    "in_progress": {"ORDER-046": [{"original_sku": "SKU-123", "normalized_sku": "sku123",
                                   "required": 2, "packed": 1, "row": 0}]},
    "completed": [{"order_number": "ORDER-001", "completed_at": "2025-11-10T14:35:12",
                   "items_count": 3}],
}

# Anchor §2.3, the real example taken mid-session (one scan record elided there).
ANCHOR_STATE: dict[str, Any] = {
    "version": "1.3.0", "session_id": "2026-02-20_1", "client_id": "M",
    "packing_list_name": "DHL_Orders", "started_at": "2026-11-21T05:28:41.610038+00:00",
    "last_updated": "2026-11-21T05:28:41.622769+00:00", "status": "in_progress",
    "pc_name": "Unknown",
    "progress": {"total_orders": 3, "completed_orders": 2, "in_progress_order": None,
                 "total_items": 6, "packed_items": 5},
    "in_progress": {"#1003": [{"original_sku": "SKU-C", "normalized_sku": "skuc",
                               "required": 2, "packed": 1, "row": 0}]},
    "_current_extras": {},
    "completed": [
        {"order_number": "#1001", "started_at": "2026-11-21T05:28:41.610635+00:00",
         "completed_at": "2026-11-21T05:28:41.613795+00:00", "duration_seconds": 0,
         "items_count": 3,
         "items": [{"sku": "skua", "title": "Cream", "quantity": 1, "row": 0,
                    "scanned_at": "2026-11-21T05:28:41.610796+00:00",
                    "time_from_order_start_seconds": 0, "confirmation_method": "scanned",
                    "time_to_first_scan_seconds": 0},
                   {"sku": "skub", "title": "Serum", "quantity": 1, "row": 1,
                    "scanned_at": "2026-11-21T05:28:41.611000+00:00",
                    "time_from_order_start_seconds": 0, "confirmation_method": "scanned"}],
         "corrections": 0, "extra_scans_count": 1, "unknown_scans_count": 1,
         "time_to_first_scan_seconds": 0}],
    "skipped_orders": ["#1003"],
    "skipped_orders_timing": {"#1003": "2026-11-21T05:28:41.620526+00:00"},
}

STATE_KEYS = {
    "version", "session_id", "client_id", "packing_list_name", "started_at", "last_updated",
    "status", "pc_name", "worker_id", "worker_name", "progress", "in_progress",
    "current_order_timing", "pending_extras", "completed", "skipped_orders",
    "skipped_orders_timing", "load_warnings",
}


def test_anchor_state_is_already_canonical(tmp_path: Path) -> None:
    doc = load_with_compatibility(write(tmp_path / "packing_state.json", ANCHOR_STATE))
    assert doc.keys() >= STATE_KEYS
    assert "_current_extras" not in doc
    assert doc["pending_extras"] == {}
    assert doc["current_order_timing"] is None
    assert doc["in_progress"] == ANCHOR_STATE["in_progress"]
    assert doc["completed"] == ANCHOR_STATE["completed"]
    assert doc["progress"] == ANCHOR_STATE["progress"]
    assert doc["skipped_orders"] == ["#1003"]
    assert doc["skipped_orders_timing"] == ANCHOR_STATE["skipped_orders_timing"]
    assert (doc["worker_id"], doc["worker_name"]) == (None, None)
    assert doc["load_warnings"] == []


def test_audit_state(tmp_path: Path) -> None:
    doc = load_with_compatibility(write(tmp_path / "packing_state.json", AUDIT_STATE))
    assert doc["version"] == "1.3.0"
    assert doc["pc_name"] == "WAREHOUSE-PC-01"
    assert doc["started_at"] == local("2025-11-10T14:30:00")
    assert doc["last_updated"] == local("2025-11-10T15:45:23")
    assert doc["progress"] == AUDIT_STATE["progress"]
    assert doc["completed"] == [{
        "order_number": "ORDER-001", "started_at": None,
        "completed_at": local("2025-11-10T14:35:12"), "duration_seconds": None,
        "items_count": 3, "items": [], "corrections": 0, "extra_scans_count": 0,
        "unknown_scans_count": 0}]
    assert doc["skipped_orders"] == []
    assert doc["skipped_orders_timing"] == {}
    assert doc["load_warnings"] == []


def test_data_wrapper_and_legacy_completed(tmp_path: Path) -> None:
    legacy = {"data": {"session_id": "2025-09-01_1",
                       "in_progress": {"#7": [{"sku": "SKU-C", "required": 2}]},
                       "completed": ["#1", {"order_number": "#2", "items_count": 2}],
                       "completed_orders": ["#1", "#3"]}}
    doc = load_with_compatibility(write(tmp_path / "packing_state.json", legacy))
    assert "data" not in doc
    assert "completed_orders" not in doc
    assert doc["session_id"] == "2025-09-01_1"
    assert [o["order_number"] for o in doc["completed"]] == ["#1", "#2", "#3"]
    assert doc["completed"][0]["items"] == []
    assert doc["in_progress"] == {"#7": [{"original_sku": "SKU-C", "normalized_sku": "skuc",
                                          "required": 2, "packed": 0, "row": 0}]}
    # No progress block: derived from what the file holds.
    assert doc["progress"] == {"total_orders": 4, "completed_orders": 3,
                               "in_progress_order": None, "total_items": 4, "packed_items": 2}
    assert doc["status"] == "in_progress"
    assert doc["load_warnings"] == []


def test_line_shapes() -> None:
    doc = upgrade_packing_state({"in_progress": {"#9": [
        {"normalized_sku": "abc"},
        {"original_sku": "Ab-C 1", "packed": "1", "required": 3.0},
        {"sku": 12345, "row": 7},
    ]}})
    assert doc["in_progress"]["#9"] == [
        {"original_sku": "abc", "normalized_sku": "abc", "required": 0, "packed": 0, "row": 0},
        {"original_sku": "Ab-C 1", "normalized_sku": "abc1", "required": 3, "packed": 1,
         "row": 1},
        {"original_sku": "12345", "normalized_sku": "12345", "required": 0, "packed": 0,
         "row": 7},
    ]


def test_timing_and_extras_move_out_of_in_progress() -> None:
    doc = upgrade_packing_state({"in_progress": {
        "#5": [{"original_sku": "A", "normalized_sku": "a", "required": 1, "packed": 0,
                "row": 0}],
        "_timing": {"current_order_start_time": "2026-02-20T10:00:00",
                    "items_scanned": [{"sku": "a", "scanned_at": "2026-02-20T10:00:05Z"}],
                    "corrections": 1, "extra_scan_count": 0, "unknown_scan_count": 0},
    }, "_current_extras": {"skux": 2}})
    assert list(doc["in_progress"]) == ["#5"]
    timing = doc["current_order_timing"]
    assert timing["current_order_start_time"] == local("2026-02-20T10:00:00")
    assert timing["items_scanned"][0]["scanned_at"] == "2026-02-20T10:00:05+00:00"
    assert timing["corrections"] == 1
    assert doc["pending_extras"] == {"skux": 2}
    assert doc["load_warnings"] == []


def test_bad_order_states_and_lines_are_dropped_but_reported() -> None:
    doc = upgrade_packing_state({
        "in_progress": {"#1": {"sku": "A"}, "#2": [{"sku": "B"}, "junk", None], "#3": None,
                        "_other": [1]},
        "completed": [{"order_number": "#0", "items": [5]}, 17.5],
        "skipped_orders": ["#4", {"order_number": "#5"}, ["#6"], "#4"],
        "_current_extras": [],
    })
    assert list(doc["in_progress"]) == ["#2"]
    assert len(doc["in_progress"]["#2"]) == 1
    assert doc["skipped_orders"] == ["#4", "#5"]
    assert doc["pending_extras"] == {}
    assert doc["load_warnings"] == [
        "_current_extras: list is not a dict; dropped",
        "in_progress['#1']: order state is dict, not a list; dropped",
        "in_progress['#2'][1]: line is str; dropped",
        "in_progress['#2'][2]: line is NoneType; dropped",
        "in_progress['#3']: order state is NoneType, not a list; dropped",
        "in_progress['_other']: not an order (starts with '_'); ignored",
        "completed[0].items[0]: int is not an item; dropped",
        "completed[1]: float is not an order; dropped",
        "skipped_orders[2]: list is not an order; dropped",
    ]


def test_wrong_top_level_types_in_state() -> None:
    doc = upgrade_packing_state({"in_progress": ["#1"], "completed": "#1",
                                 "completed_orders": 3, "progress": 5, "status": 1})
    assert doc["in_progress"] == {}
    assert doc["completed"] == []
    assert doc["progress"]["total_orders"] == 0
    assert doc["status"] == "in_progress"
    assert doc["_invalid"] == {"progress": 5, "status": 1}
    assert doc["load_warnings"] == [
        "in_progress: list is not a dict; dropped",
        "completed: str is not a list; dropped",
        "completed_orders: int is not a list; dropped",
    ]


def test_status_completed_when_all_done() -> None:
    doc = upgrade_packing_state({"completed": ["#1", "#2"],
                                 "progress": {"total_orders": 2}})
    assert doc["status"] == "completed"
    assert doc["progress"]["completed_orders"] == 2


# --------------------------------------------------------------------------- workers, lock, info

# Audit §1.2 D (no version).
AUDIT_WORKERS = {"workers": [{"id": "worker_001", "name": "Dolphin",
                              "created_at": "2025-11-20T09:00:00", "total_sessions": 45,
                              "total_orders": 2500, "total_items": 8900,
                              "last_active": "2025-11-20T14:15:00"}]}

# Anchor §2.8 (elided timestamps filled in).
ANCHOR_WORKERS = {"workers": [{"id": "worker_001", "name": "Dolphin",
                               "created_at": "2026-01-05T08:00:00+00:00", "total_sessions": 1,
                               "total_orders": 3, "total_items": 5,
                               "total_duration_seconds": 600, "avg_time_per_order": 200.0,
                               "avg_orders_per_session": 3.0,
                               "last_active": "2026-01-05T09:00:00+00:00",
                               "last_session_id": "x", "version": "1.3.0"}],
                  "version": "1.3.0"}


def test_audit_workers(tmp_path: Path) -> None:
    doc = load_with_compatibility(write(tmp_path / "Workers" / "workers.json", AUDIT_WORKERS))
    assert doc["version"] == "1.3.0"
    [worker] = doc["workers"]
    assert worker == {
        "id": "worker_001", "name": "Dolphin", "created_at": local("2025-11-20T09:00:00"),
        "active": True,
        "total_sessions": 45, "total_orders": 2500, "total_items": 8900,
        "last_active": local("2025-11-20T14:15:00"), "total_duration_seconds": 0,
        "avg_time_per_order": 0.0, "avg_orders_per_session": 55.6,
        "avg_items_per_session": 197.8, "orders_per_hour": 0.0, "items_per_hour": 0.0,
        "last_session_id": None, "version": "1.3.0",
    }


def test_anchor_workers(tmp_path: Path) -> None:
    doc = load_with_compatibility(write(tmp_path / "workers.json", ANCHOR_WORKERS))
    [worker] = doc["workers"]
    assert worker["avg_time_per_order"] == 200.0
    assert worker["avg_orders_per_session"] == 3.0
    assert worker["avg_items_per_session"] == 5.0
    assert worker["orders_per_hour"] == 18.0
    assert worker["items_per_hour"] == 30.0
    assert worker["last_session_id"] == "x"
    assert worker["created_at"] == "2026-01-05T08:00:00+00:00"


def test_workers_without_id_are_dropped_but_reported() -> None:
    doc = upgrade_workers({"workers": [{"name": "Ghost"}, "worker_002",
                                       {"id": "worker_003", "name": "", "total_orders": -4,
                                        "hobby": "chess"}]})
    [worker] = doc["workers"]
    assert worker["name"] == "worker_003"
    assert worker["total_orders"] == 0
    assert worker["hobby"] == "chess"
    assert worker["_invalid"] == {"total_orders": -4, "name": ""}
    # Entries that cannot be profiles are kept under _invalid, not dropped.
    assert doc["_invalid"] == {"worker": {"name": "Ghost"}, "worker_2": "worker_002"}
    assert upgrade_workers({})["workers"] == []


# Anchor §2.5.
ANCHOR_LOCK = {"locked_by": "vm", "user_name": "Unknown",
               "lock_time": "2026-11-21T05:28:41.602072+00:00", "process_id": 7800,
               "app_version": "1.3.0", "heartbeat": "2026-11-21T05:28:41.602088+00:00",
               "worker_id": "worker_001", "worker_name": "Dolphin"}


def test_lock(tmp_path: Path) -> None:
    doc = load_with_compatibility(write(tmp_path / ".session.lock", ANCHOR_LOCK))
    assert doc == {**ANCHOR_LOCK, "lock_id": None, "version": "1.3.0"}


@pytest.mark.usefixtures("kolkata")
def test_old_lock_with_naive_times_and_gaps() -> None:
    doc = upgrade_lock({"locked_by": "WAREHOUSE-PC-01", "lock_time": "2025-11-20T10:30:00",
                        "process_id": "12345", "lock_id": "abc"})
    assert doc["lock_time"] == "2025-11-20T10:30:00+05:30"
    assert doc["heartbeat"] is None
    assert doc["process_id"] == 12345
    assert (doc["user_name"], doc["worker_id"], doc["worker_name"]) == (None, None, None)
    assert doc["lock_id"] == "abc"


def test_real_session_info_fixture(tmp_path: Path) -> None:
    source = FIXTURES / "Sessions" / "CLIENT_M" / "2026-11-21_1" / "session_info.json"
    original = json.loads(source.read_text(encoding="utf-8"))
    path = tmp_path / "session_info.json"
    shutil.copy(source, path)
    doc = load_with_compatibility(path)
    assert doc["packing_progress"] == {}
    assert doc["version"] == "1.3.0"
    for key in ("created_at", "last_modified", "last_updated", "analysis_completed_at"):
        assert doc[key] == local(original[key])
    unchanged = {k: v for k, v in original.items() if k not in doc.get("_invalid", {})}
    for key, value in unchanged.items():
        if key not in ("created_at", "last_modified", "last_updated", "analysis_completed_at"):
            assert doc[key] == value


def test_session_info_packing_progress() -> None:
    doc = upgrade_session_info({"client_id": "M", "packing_progress": {
        "DHL_Orders": {"started_at": "2026-11-21T05:28:41.631880", "status": "in_progress",
                       "updated_at": "2026-11-21T06:00:00Z"}, "odd": "x"}})
    entry = doc["packing_progress"]["DHL_Orders"]
    assert entry["started_at"] == local("2026-11-21T05:28:41.631880")
    assert entry["updated_at"] == "2026-11-21T06:00:00+00:00"
    assert doc["packing_progress"]["odd"] == "x"
    bad = upgrade_session_info({"packing_progress": ["DHL"]})
    assert bad["packing_progress"] == {}
    assert bad["_invalid"] == {"packing_progress": ["DHL"]}


def test_global_stats_fixture(tmp_path: Path) -> None:
    path = tmp_path / "Stats" / "global_stats.json"
    path.parent.mkdir()
    shutil.copy(FIXTURES / "Stats" / "global_stats.json", path)
    before = path.read_bytes()
    doc = load_with_compatibility(path)
    assert doc == normalise_stats(json.loads(before))
    assert doc["version"] == "2.0"
    assert doc["clients"]["M"]["orders_analyzed"] == 544
    assert path.read_bytes() == before


# --------------------------------------------------------------------------- purity


@pytest.mark.parametrize(
    ("upgrade", "example"),
    [
        (upgrade_session_summary, PACKER_LOGIC_NESTED),
        (upgrade_session_summary, MAIN_PY_LEGACY),
        (upgrade_session_summary, REAL_V130),
        (upgrade_session_summary, FALLBACK),
        (upgrade_packing_state, AUDIT_STATE),
        (upgrade_packing_state, ANCHOR_STATE),
        (upgrade_workers, AUDIT_WORKERS),
        (upgrade_lock, ANCHOR_LOCK),
        (upgrade_session_info, {"created_at": "2026-11-21T05:26:37.913618"}),
    ],
)
def test_upgraders_are_pure_and_idempotent(
    upgrade: Callable[[dict[str, Any]], dict[str, Any]], example: dict[str, Any]
) -> None:
    given = copy.deepcopy(example)
    once = upgrade(given)
    assert given == example  # the input is left alone
    assert upgrade(once) == once
    assert once["version"] == "1.3.0"


# --------------------------------------------------------------------------- reading files


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("session_summary.json", "metrics"),
        ("packing_state.json", "load_warnings"),
        ("global_stats.json", "packing_history"),
        ("workers.json", "workers"),
        (".session.lock", "lock_id"),
        ("session_info.json", "packing_progress"),
    ],
)
def test_kind_comes_from_the_file_name(tmp_path: Path, name: str, marker: str) -> None:
    doc = load_with_compatibility(write(tmp_path / name, {"client_id": "M"}))
    assert marker in doc
    assert doc["client_id"] == "M"


def test_kind_can_be_given(tmp_path: Path) -> None:
    path = write(tmp_path / "lock-copy.json", ANCHOR_LOCK)
    with pytest.raises(ValueError, match="cannot tell which metadata file"):
        load_with_compatibility(path)
    assert load_with_compatibility(path, kind="session_lock")["lock_id"] is None


def test_schema_version(tmp_path: Path) -> None:
    path = write(tmp_path / "workers.json", AUDIT_WORKERS)
    assert load_with_compatibility(path, "1.3.0")["version"] == "1.3.0"
    assert load_with_compatibility(tmp_path / "workers.json", schema_version="1.3.0")
    with pytest.raises(ValueError, match=r"version '1\.0'"):
        load_with_compatibility(path, "1.0")
    stats = write(tmp_path / "global_stats.json", {})
    assert load_with_compatibility(stats, "2.0")["version"] == "2.0"


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "session_summary.json", MAIN_PY_LEGACY, bom=True)
    assert load_with_compatibility(path)["packed_items"] == 170


def test_ascii_escaped_and_cyrillic_text(tmp_path: Path) -> None:
    path = tmp_path / "session_info.json"
    path.write_text('{"comments": "\\u041f\\u0440\\u0438\\u0432\\u0435\\u0442", '
                    '"pc_name": "Склад"}', encoding="utf-8")
    doc = load_with_compatibility(path)
    assert doc["comments"] == "Привет"
    assert doc["pc_name"] == "Склад"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_with_compatibility(tmp_path / "session_summary.json")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n\t", "the file is empty"),
        (b"\xef\xbb\xbf", "the file is empty"),
        (b'{"session_id": "x",', "not valid JSON"),
        (b"\x00\x00\x00\x00", "not valid JSON"),
        (b'{"name": "\xff\xfe"}', "not UTF-8 text"),
        (b'["a", "b"]', "top level is list, expected a JSON object"),
        (b'"just text"', "top level is str"),
        (b"null", "top level is NoneType"),
    ],
)
def test_unreadable_files_raise_corrupt_file_error(tmp_path: Path, raw: bytes, reason: str) -> None:
    path = tmp_path / "packing_state.json"
    path.write_bytes(raw)
    with pytest.raises(fileio.CorruptFileError) as caught:
        load_with_compatibility(path)
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)
    assert caught.value.path == str(path)
    assert path.read_bytes() == raw  # read only: nothing repaired, nothing written
    assert [p.name for p in tmp_path.iterdir()] == ["packing_state.json"]


def test_loading_never_writes(tmp_path: Path) -> None:
    paths = [write(tmp_path / "session_summary.json", PACKER_LOGIC_NESTED),
             write(tmp_path / "packing_state.json", AUDIT_STATE),
             write(tmp_path / "workers.json", AUDIT_WORKERS),
             write(tmp_path / ".session.lock", ANCHOR_LOCK)]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}
    for path in paths:
        load_with_compatibility(path)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths} == before
    assert sorted(tmp_path.iterdir()) == sorted(paths)


def test_kind_table_covers_every_upgrader() -> None:
    assert set(compat.KIND_BY_NAME.values()) == set(compat.UPGRADERS) == set(
        compat.CURRENT_VERSIONS)

"""session_summary.json and packing_state.json from PackerLogic, with exact numbers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest

from packing_tool.domain.events import Outcome
from packing_tool.domain.packing_state import state_snapshot
from packing_tool.domain.sku_figures import sku_figures
from packing_tool.domain.summary import build_summary
from shared.compat import upgrade_packing_state
from shared.metadata_utils import calculate_session_metrics, session_summary_errors
from tests.domain.packer_support import T0, W1, W2, Station, make_logic

LIST = {"#1": [("A", 2), ("B", 1)], "#2": [("C", 2)], "#3": [("A", 1), ("D", 1)],
        "#4": [("E", 1)]}


def at(station: Station, second: float) -> float:
    """The ``after`` that puts the next action at T0 + ``second``."""
    return second - (station.now - T0).total_seconds()


def play(station: Station, script: Sequence[tuple[float, str, Any]]) -> None:
    for second, action, arg in script:
        after = at(station, second)
        if action == "scan":
            station.scan(arg, after=after)
        elif action == "undo":
            station.undo(after=after)
        elif action == "skip":
            station.skip(after=after)
        elif action == "remove":
            station.remove(arg, after=after)
        elif action == "manual":
            station.manual(arg, "torn label", quantity=1, after=after)
        else:
            station.handover(arg, after=after)


FIRST_HALF: list[tuple[float, str, Any]] = [
    (10, "scan", "1"), (14, "scan", "A"), (15, "scan", "junk"), (20, "scan", "A"),
    (21, "scan", "A"), (23, "remove", "A"), (30, "scan", "B"),
    (40, "scan", "3"), (45, "scan", "D"), (46, "skip", None),
]
SECOND_HALF: list[tuple[float, str, Any]] = [
    (50, "handover", W2), (52, "scan", "2"), (54, "scan", "D"), (55, "scan", "C"),
    (56, "undo", None), (58, "scan", "C"), (60, "manual", 0),
    (70, "scan", "3"), (75, "scan", "A"), (80, "scan", "4"), (85, "skip", None),
]


@pytest.fixture
def station() -> Station:
    return Station(make_logic(LIST))


def test_state_snapshot_mid_session(station: Station) -> None:
    play(station, FIRST_HALF)
    meta = {"session_id": "2026-11-21_1", "client_id": "M", "pc_name": "WH-PACK-01",
            "started_at": T0, "last_updated": T0 + timedelta(seconds=47)}
    state = state_snapshot(station.logic, meta)
    assert state["version"] == "1.3.0"
    assert (state["session_id"], state["started_at"], state["last_updated"]) == (
        "2026-11-21_1", "2026-11-21T10:00:00+00:00", "2026-11-21T10:00:47+00:00")
    assert state["status"] == "in_progress"
    assert (state["worker_id"], state["worker_name"]) == W1
    assert state["progress"] == {"total_orders": 4, "completed_orders": 1,
                                 "in_progress_order": None, "total_items": 8, "packed_items": 4}
    assert state["in_progress"] == {"#3": [
        {"original_sku": "A", "normalized_sku": "a", "required": 1, "packed": 0, "manual": 0,
         "row": 0},
        {"original_sku": "D", "normalized_sku": "d", "required": 1, "packed": 1, "manual": 0,
         "row": 1}]}
    assert state["current_order_timing"] is None
    assert state["pending_extras"] == {}
    assert state["skipped_orders"] == ["#3"]
    assert state["skipped_orders_timing"] == {"#3": "2026-11-21T10:00:46+00:00"}
    (done,) = state["completed"]
    assert (done["order_number"], done["duration_seconds"], done["items_count"]) == ("#1", 20, 3)
    assert [i["time_from_order_start_seconds"] for i in done["items"]] == [4, 10, 20]
    assert state["in_progress_timing"]["#3"]["duration_seconds"] == 6
    assert state["last_seq"] == 10
    upgraded = upgrade_packing_state(state)  # what other readers make of it
    assert upgraded["load_warnings"] == []
    assert upgraded["progress"] == state["progress"]
    assert upgraded["in_progress"] == state["in_progress"]


def test_current_order_timing_while_packing(station: Station) -> None:
    play(station, [(10, "scan", "1"), (14, "scan", "A"), (15, "scan", "A"), (16, "scan", "A")])
    timing = state_snapshot(station.logic, {})["current_order_timing"]
    assert timing["order_number"] == "#1"
    assert timing["current_order_start_time"] == "2026-11-21T10:00:10+00:00"
    assert [i["seq"] for i in timing["items_scanned"]] == [2, 3]
    assert (timing["extra_scan_count"], timing["active_seconds"]) == (1, 6)
    assert state_snapshot(station.logic, {})["pending_extras"] == {"A": 1}


def test_build_summary_exact_numbers(station: Station) -> None:
    play(station, FIRST_HALF + SECOND_HALF)
    summary = build_summary(
        station.logic, session_id="2026-11-21_1", client_id="M", packing_list_name="DHL",
        packing_list_path="packing_lists/DHL.json", session_type="shopify",
        worker_pc="WH-PACK-01", user_name="packer", started_at=T0,
        completed_at=T0 + timedelta(seconds=90))
    assert "metrics" not in summary
    assert summary["version"] == "1.3.0"
    assert (summary["started_at"], summary["completed_at"]) == (
        "2026-11-21T10:00:00+00:00", "2026-11-21T10:01:30+00:00")
    assert (summary["worker_id"], summary["worker_name"]) == W1  # 4 units against 3
    assert summary["workers"] == [
        {"worker_id": W1[0], "worker_name": W1[1], "units_packed": 4, "units_manual": 0,
         "orders_completed": 1, "active_seconds": 20.0},
        {"worker_id": W2[0], "worker_name": W2[1], "units_packed": 3, "units_manual": 1,
         "orders_completed": 2, "active_seconds": 19.0}]  # 5 s on an unfinished order
    assert summary["duration_seconds"] == 44  # 20 + 8 + 11 + 5 active, not 75 s of wall time
    counts = {k: summary[k] for k in ("total_orders", "completed_orders", "in_progress_orders",
                                      "skipped_orders_count", "total_items", "packed_items",
                                      "unique_skus")}
    assert counts == {"total_orders": 4, "completed_orders": 3, "in_progress_orders": 1,
                      "skipped_orders_count": 1, "total_items": 8, "packed_items": 7,
                      "unique_skus": 5}
    orders = {o["order_number"]: o for o in summary["orders"]}
    assert list(orders) == ["#1", "#2", "#3"]  # in order of completion
    shape = {n: (o["duration_seconds"], o["wall_seconds"], o["items_count"],
                 o["time_to_first_scan_seconds"], o["corrections"], o["extra_scans_count"],
                 o["unknown_scans_count"], o["wrong_item_scans_count"])
             for n, o in orders.items()}
    assert shape == {"#1": (20, 20, 3, 4, 0, 1, 1, 0), "#2": (8, 8, 2, 6, 1, 0, 1, 1),
                     "#3": (11, 35, 2, 5, 0, 0, 0, 0)}
    assert orders["#1"]["extras_removed"] == {"A": 1}
    assert orders["#3"]["completed_by"] == {"worker_id": W2[0], "worker_name": W2[1]}
    assert [(i["sku"], i["time_from_order_start_seconds"], i["confirmation_method"],
             i["worker_id"]) for i in orders["#3"]["items"]] == [
        ("D", 5, "scanned", W1[0]), ("A", 11, "scanned", W2[0])]
    assert [(i["quantity"], i["confirmation_method"], i.get("reason"))
            for i in orders["#2"]["items"]] == [(1, "scanned", None), (1, "manual", "torn label")]
    assert orders["#2"]["started_at"] == "2026-11-21T10:00:52+00:00"
    assert orders["#2"]["completed_at"] == "2026-11-21T10:01:00+00:00"
    (unfinished,) = summary["unfinished_orders"]
    assert (unfinished["order_number"], unfinished["status"], unfinished["duration_seconds"],
            unfinished["completed_at"]) == ("#4", "skipped", 5, None)
    assert summary["skipped_orders"] == [{
        "order_number": "#4", "skipped_at": "2026-11-21T10:01:25+00:00", "status": "skipped",
        "packed_items": 0, "total_items": 1}]
    figures = summary["sku_figures"]
    assert {s: (f["units_packed"], f["units_scanned"], f["units_manual"],
                f["avg_seconds_per_unit"], f["misscans"], f["extra_scans"])
            for s, f in figures.items()} == {
        "A": (3, 3, 0, 5.333, 1, 1), "B": (1, 1, 0, 10, 0, 0), "C": (2, 1, 1, 6, 1, 0),
        "D": (1, 1, 0, 5, 0, 0), "E": (0, 0, 0, None, 0, 0)}
    assert (figures["A"]["orders"], figures["A"]["units_required"]) == (2, 3)

    # The storage layer adds the metrics with the shared function; the result must validate.
    summary["metrics"] = calculate_session_metrics(summary)
    assert summary["metrics"] == {
        "avg_time_per_order": 13.0, "avg_time_per_item": 5.6, "fastest_order_seconds": 8.0,
        "slowest_order_seconds": 20.0, "orders_per_hour": 245.5, "items_per_hour": 572.7,
        "avg_time_to_first_scan": 5.0, "total_corrections": 1,
        "avg_corrections_per_order": 0.33, "total_extra_scans": 1, "total_unknown_scans": 2}
    assert session_summary_errors(summary) == []


def test_summary_of_an_untouched_list_names_no_worker() -> None:
    logic = make_logic(LIST)
    summary = build_summary(
        logic, session_id="s", client_id="M", packing_list_name="DHL", packing_list_path="",
        session_type="excel", worker_pc="PC", user_name="u", started_at=T0, completed_at=T0)
    assert (summary["worker_id"], summary["worker_name"], summary["workers"]) == (
        None, "Unknown", [])
    assert (summary["duration_seconds"], summary["orders"], summary["packed_items"]) == (0, [], 0)


def test_undone_units_leave_no_trace_in_sku_figures(station: Station) -> None:
    play(station, [(10, "scan", "1"), (12, "scan", "A"), (13, "undo", None), (19, "scan", "A")])
    figures = sku_figures(station.logic.packing_list, station.logic.started_orders())
    assert (figures["A"].units_scanned, figures["A"].avg_seconds_per_unit) == (1, 9.0)
    assert station.logic.order("#1").items[0].time_from_order_start == 9.0
    assert station.scan("B", after=0.5).outcome is Outcome.ITEM_OK

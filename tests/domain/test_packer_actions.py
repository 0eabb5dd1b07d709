"""PackerLogic actions: undo, manual confirm, skip and resume, extras, handover, the journal."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from packing_tool.domain.events import EventKind, Outcome, ScanEvent
from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.packer_views import MANUAL, SCANNED, OrderStatus
from packing_tool.domain.packing_state import state_snapshot
from tests.domain.packer_support import T0, W1, W2, Station, key, make_list, make_logic

CLOCK_KEYS = {"last_seq", "last_updated", "duration_seconds", "active_seconds", "corrections"}


def without_clock(doc: Any) -> Any:
    """The snapshot without what moves with every event (time, position, corrections)."""
    if isinstance(doc, dict):
        return {k: without_clock(v) for k, v in doc.items() if k not in CLOCK_KEYS}
    if isinstance(doc, list):
        return [without_clock(v) for v in doc]
    return doc


def snap(station: Station) -> dict[str, Any]:
    return state_snapshot(station.logic, {"session_id": "2026-11-21_1"})


# ---------------------------------------------------------------------- undo


@pytest.mark.parametrize("action", ["scan", "manual", "keep", "remove"])
def test_undo_restores_the_exact_state_before(action: str) -> None:
    station = Station(make_logic({"#1": [("A", 5), ("B", 1)], "#2": [("C", 1)]}))
    station.scan("1")
    station.scan("A")
    station.scan("B")
    station.scan("NOPE")
    if action in ("keep", "remove"):
        station.scan("B")  # an extra B
    before = snap(station)
    corrections = station.logic.order("#1").corrections
    if action == "scan":
        changed = station.scan("A")
    elif action == "manual":
        changed = station.manual(0, "torn label", quantity=3)
    elif action == "keep":
        changed = station.keep("B")
    else:
        changed = station.remove("B")
    assert snap(station) != before
    undone = station.undo()
    assert undone.outcome is Outcome.UNDONE
    assert undone.event.target == changed.event.seq
    assert undone.event.quantity == -changed.event.quantity
    after = snap(station)
    assert without_clock(after) == without_clock(before)
    assert station.logic.order("#1").corrections == corrections + 1
    assert after["last_seq"] == before["last_seq"] + 2


def test_undo_walks_back_one_event_at_a_time_and_then_has_nothing() -> None:
    station = Station(make_logic({"#1": [("A", 3)]}))
    assert station.undo().outcome is Outcome.NOTHING_TO_UNDO  # no order open
    station.scan("1")
    assert station.undo().outcome is Outcome.NOTHING_TO_UNDO  # nothing counted yet
    station.scan("A")
    station.manual(0, "box seen", quantity=1)
    assert station.undo().event.quantity == -1
    assert station.logic.order("#1").lines[0].manual == 0
    assert station.undo().event.quantity == -1
    assert station.logic.order("#1").units_packed == 0
    assert station.undo().outcome is Outcome.NOTHING_TO_UNDO
    assert station.logic.order("#1").corrections == 2


def test_undo_of_one_line_leaves_the_others() -> None:
    station = Station(make_logic({"#1": [("A", 2), ("B", 2)]}))
    station.scan("1")
    station.scan("A")
    station.scan("B")
    result = station.undo(row=0)
    assert (result.outcome, result.row, result.line_packed) == (Outcome.UNDONE, 0, 0)
    view = station.logic.order("#1")
    assert [line.packed for line in view.lines] == [0, 1]
    assert [item.sku for item in view.items] == ["B"]
    assert station.undo(row=0).outcome is Outcome.NOTHING_TO_UNDO


def test_a_completed_order_cannot_be_undone() -> None:
    station = Station(make_logic({"#1": [("A", 1)]}))
    station.scan("1")
    station.scan("A")
    result = station.undo()
    assert result.outcome is Outcome.NOTHING_TO_UNDO
    assert station.logic.order("#1").status is OrderStatus.COMPLETE


# ---------------------------------------------------------------------- manual


def test_manual_confirm_three_of_five_with_a_reason() -> None:
    station = Station(make_logic({"#1": [("A", 5), ("B", 1)]}))
    station.scan("1")
    result = station.manual(0, "barcode unreadable", quantity=3)
    assert (result.outcome, result.line_packed, result.line_required) == (
        Outcome.MANUAL_CONFIRMED, 3, 5)
    view = station.logic.order("#1")
    assert view.lines[0].manual == 3
    (item,) = view.items
    assert (item.quantity, item.confirmation_method, item.reason) == (
        3, MANUAL, "barcode unreadable")
    assert view.time_to_first_scan is None  # a manual confirmation is not a scan
    station.scan("A")
    assert station.logic.order("#1").time_to_first_scan is not None
    station.manual(0, "counted by hand")  # default: all that remains (1)
    done = station.manual(1, "no barcode")
    assert done.outcome is Outcome.ORDER_COMPLETE
    assert done.event.kind is EventKind.MANUAL
    methods = [i.confirmation_method for i in station.logic.order("#1").items]
    assert methods == [MANUAL, SCANNED, MANUAL, MANUAL]


@pytest.mark.parametrize(("row", "reason", "quantity", "why"), [
    (0, "", 1, "a reason is required"),
    (0, "   ", None, "a reason is required"),
    (0, "ok", 0, "quantity must be 1 to 2"),
    (0, "ok", 3, "quantity must be 1 to 2"),
    (9, "ok", None, "has no row 9"),
    (1, "ok", None, "already complete"),
])
def test_manual_refusals(row: int, reason: str, quantity: int | None, why: str) -> None:
    station = Station(make_logic({"#1": [("A", 2), ("B", 1), ("C", 1)]}))
    station.scan("1")
    station.scan("B")
    result = station.manual(row, reason, quantity)
    assert result.outcome is Outcome.REFUSED
    assert why in result.detail
    assert station.logic.order("#1").units_packed == 1


def test_actions_without_an_open_order_are_refused() -> None:
    station = Station(make_logic({"#1": [("A", 1)]}))
    for result in (station.manual(0), station.skip(), station.keep("A"), station.remove("A")):
        assert result.outcome is Outcome.REFUSED
    assert station.logic.last_seq == 4  # refused actions are journalled too


# ---------------------------------------------------------------------- skip and resume


def test_three_interleaved_orders_keep_their_own_timings() -> None:
    station = Station(make_logic({
        "#A": [("a1", 1), ("a2", 1)], "#B": [("b1", 1), ("b2", 1)], "#C": [("c1", 1)]}))
    station.scan("A", after=1)  # t=1
    station.scan("a1", after=3)  # t=4
    skip_a = station.skip(after=2)  # t=6
    assert skip_a.outcome is Outcome.ORDER_SKIPPED
    station.scan("B", after=4)  # t=10
    station.scan("b1", after=2)  # t=12
    station.scan("junk", after=1)  # t=13
    station.skip(after=2)  # t=15
    assert [v.order_number for v in station.logic.skipped_orders] == ["#A", "#B"]
    station.scan("C", after=5)  # t=20
    station.scan("c1", after=7)  # t=27: C complete
    assert station.scan("A", after=3).outcome is Outcome.ORDER_RESUMED  # t=30
    assert station.scan("a2", after=2).outcome is Outcome.ORDER_COMPLETE  # t=32
    assert station.scan("B", after=8).outcome is Outcome.ORDER_RESUMED  # t=40
    station.undo(after=1)  # t=41
    station.scan("b1", after=2)  # t=43
    station.scan("b2", after=1)  # t=44: B complete

    a, b, c = (station.logic.order(n) for n in ("#A", "#B", "#C"))
    assert (a.started_at, a.completed_at) == (T0 + timedelta(seconds=1), T0 + timedelta(seconds=32))
    assert (a.active_seconds, a.wall_seconds) == (7.0, 31.0)
    assert [i.time_from_order_start for i in a.items] == [3.0, 7.0]
    assert (a.time_to_first_scan, a.corrections, a.unknown_scans) == (3.0, 0, 0)
    assert (b.started_at, b.active_seconds) == (T0 + timedelta(seconds=10), 9.0)
    assert [i.time_from_order_start for i in b.items] == [8.0, 9.0]
    assert (b.corrections, b.unknown_scans, b.time_to_first_scan) == (1, 1, 8.0)
    assert (c.started_at, c.active_seconds, c.corrections, c.unknown_scans) == (
        T0 + timedelta(seconds=20), 7.0, 0, 0)
    assert [i.time_from_order_start for i in c.items] == [7.0]
    assert station.logic.skipped_orders == ()
    assert all(v.skipped_at is None for v in (a, b, c))
    assert station.logic.progress.orders_complete == 3


def test_skip_keeps_progress_and_pending_extras() -> None:
    station = Station(make_logic({"#1": [("A", 1), ("B", 1)], "#2": [("C", 1)]}))
    station.scan("1")
    station.scan("A")
    station.scan("A")  # extra
    station.skip()
    view = station.logic.order("#1")
    assert (view.status, view.units_packed, dict(view.pending_extras)) == (
        OrderStatus.SKIPPED, 1, {"A": 1})
    assert station.logic.pending_extras == {}
    assert station.logic.progress.orders_skipped == 1
    state = snap(station)
    assert state["skipped_orders"] == ["#1"]
    assert state["pending_extras_by_order"] == {"#1": {"A": 1}}
    assert state["in_progress"]["#1"][0]["packed"] == 1
    resumed = station.scan("1")
    assert resumed.outcome is Outcome.ORDER_RESUMED
    assert resumed.detail == "1 of 2 units packed earlier"
    assert station.logic.pending_extras == {"A": 1}
    assert station.scan("B").outcome is Outcome.ITEM_OK  # the extra still blocks completion
    assert station.keep("A").outcome is Outcome.ORDER_COMPLETE


# ---------------------------------------------------------------------- extras


def test_extras_keep_and_remove_then_completion() -> None:
    station = Station(make_logic({"#1": [("A", 1), ("B", 1)]}))
    station.scan("1")
    station.scan("A")
    assert station.scan("A").outcome is Outcome.EXTRA_ITEM
    assert station.scan("A").outcome is Outcome.EXTRA_ITEM
    assert station.logic.pending_extras == {"A": 2}
    assert station.keep("B").outcome is Outcome.REFUSED  # none pending for B
    kept = station.keep("A")
    assert (kept.outcome, kept.order_completed) == (Outcome.EXTRA_KEPT, False)
    assert station.logic.pending_extras == {"A": 1}
    assert station.remove("A").outcome is Outcome.EXTRA_REMOVED  # B is still open
    done = station.scan("B")
    assert done.outcome is Outcome.ORDER_COMPLETE
    view = station.logic.order("#1")
    assert (view.extra_scans, dict(view.extras_kept), dict(view.extras_removed)) == (
        2, {"A": 1}, {"A": 1})


# ---------------------------------------------------------------------- handover


def test_handover_refused_mid_order_and_accepted_between_orders() -> None:
    station = Station(make_logic({"#1": [("A", 2)], "#2": [("B", 1), ("C", 1)]}))
    station.scan("1")
    station.scan("A")
    refused = station.handover(W2)
    assert refused.outcome is Outcome.REFUSED
    assert "#1" in refused.detail
    assert station.logic.worker == W1
    station.worker = W1
    station.scan("A")
    accepted = station.handover(W2)
    assert accepted.outcome is Outcome.WORKER_CHANGED
    assert accepted.event.worker_name == "Orca"  # the UI's banner names them (ui.wording)
    assert station.logic.worker == W2
    station.scan("2")
    station.scan("B")
    station.scan("C")
    one, two = station.logic.order("#1"), station.logic.order("#2")
    assert {i.worker_id for i in one.items} == {W1[0]}
    assert {i.worker_id for i in two.items} == {W2[0]}
    assert (one.completed_by, two.completed_by) == (W1, W2)
    assert station.logic.workers == dict([W1, W2])
    assert all(e.worker_id == W2[0] for e in station.journal[-4:])


# ---------------------------------------------------------------------- journal


def replay(events: list[ScanEvent], logic: PackerLogic) -> PackerLogic:
    for event in events:
        logic.apply(ScanEvent.from_dict(json.loads(json.dumps(event.to_dict()))))
    return logic


def test_replay_gives_the_same_state_even_if_the_barcode_map_changed() -> None:
    orders = {"#1": [("A", 2)], "#2": [("B", 1)]}
    station = Station(make_logic(orders, {"111": ["A"], "222": ["B"]}))
    for code in ("1", "111", "111", "111", "999", "2", "222"):
        station.scan(code)
    station.keep("A")
    plist = make_list(orders)
    fresh = PackerLogic(plist, order_key=key, resolve_item=lambda code: frozenset())
    replay(station.journal, fresh)
    assert state_snapshot(fresh, {}) == state_snapshot(station.logic, {})


def test_apply_refuses_gaps_repeats_and_events_that_do_not_fit() -> None:
    station = Station(make_logic({"#1": [("A", 2)], "#2": [("B", 1)]}))
    station.scan("1")
    event = station.logic.decide(EventKind.SCAN, station.now + timedelta(seconds=1), *W1,
                                 code="A")
    before = snap(station)
    with pytest.raises(ValueError, match="not the next"):
        station.logic.apply(replace(event, seq=event.seq + 1))
    with pytest.raises(ValueError, match="not the next"):
        station.logic.apply(station.journal[-1])
    with pytest.raises(ValueError, match="not the current"):
        station.logic.apply(replace(event, order="#2"))
    with pytest.raises(ValueError, match="cannot take"):
        station.logic.apply(replace(event, quantity=3))
    with pytest.raises(ValueError, match="does not match"):
        station.logic.apply(replace(event, outcome=Outcome.ORDER_COMPLETE))
    with pytest.raises(ValueError, match="cannot open"):
        station.logic.apply(replace(event, outcome=Outcome.ORDER_LOADED, order="#2"))
    with pytest.raises(ValueError, match="cannot follow"):
        station.logic.apply(replace(event, kind=EventKind.SKIP))
    with pytest.raises(ValueError, match="handover"):
        station.logic.apply(replace(event, kind=EventKind.HANDOVER,
                                    outcome=Outcome.WORKER_CHANGED))
    assert snap(station) == before
    assert station.logic.apply(event).outcome is Outcome.ITEM_OK


def test_event_round_trip_keeps_the_new_fields() -> None:
    station = Station(make_logic({"#1": [("A", 1), ("B", 1)]}))
    station.scan("1")
    station.scan("A")
    undo = station.undo().event
    data = json.loads(json.dumps(undo.to_dict()))
    assert (data["sku"], data["target"], data["quantity"]) == ("A", 2, -1)
    assert ScanEvent.from_dict(data) == undo

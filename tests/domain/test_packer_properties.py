"""Property tests: random station sessions replay to the same state and keep the invariants."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from packing_tool.domain.events import COUNTING, EventKind, Outcome, ScanEvent
from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.packer_views import OrderStatus
from packing_tool.domain.packing_state import state_snapshot
from packing_tool.domain.summary import build_summary
from tests.domain.packer_support import T0, W1, W2, key, make_list, resolver

ORDERS = {
    "#1": [("A", 2), ("B", 1), ("A", 1)],
    "#2": [("C", 1)],
    "#3": [("00D", 3), ("D", 1)],
    "#4": [("B", 2), ("E", 1)],
    "#X-1": [("F", 1)],
    "x-1": [("G", 1)],  # collides with #X-1
}
BARCODES = {"e-a": ["A"], "e-ab": ["A", "B"], "e-d0": ["00D"], "e-z": ["Z"]}
LABELS = ["1", "#2", "3", "4", "X-1", "#4 "]
ITEMS = ["A", "B", "C", "00D", "D", "E", "F", "G", "e-a", "e-ab", "e-d0", "e-z"]
SKUS = ["A", "B", "C", "00D", "D", "E", "Z"]
WORKERS = [W1, W2, ("worker_003", "Seal")]

# Codes picked from the state: the open line's SKU, a full line's SKU, a pending extra.
NEXT, OVER, PENDING = "next", "over", "pending"
BY_KIND: dict[str, st.SearchStrategy[tuple[Any, ...]]] = {
    "next": st.tuples(st.just(EventKind.SCAN), st.just(NEXT)),
    "over": st.tuples(st.just(EventKind.SCAN), st.just(OVER)),
    "scan": st.tuples(st.just(EventKind.SCAN),
                      st.sampled_from([*LABELS, *LABELS, *ITEMS, "junk", ""])),
    "undo": st.tuples(st.just(EventKind.UNDO), st.none() | st.integers(0, 3)),
    "skip": st.tuples(st.just(EventKind.SKIP)),
    "manual": st.tuples(st.just(EventKind.MANUAL), st.integers(0, 3),
                        st.sampled_from(["", "torn"]), st.none() | st.integers(0, 4)),
    "keep": st.tuples(st.just(EventKind.EXTRA_KEEP), st.sampled_from([PENDING] * 6 + SKUS)),
    "remove": st.tuples(st.just(EventKind.EXTRA_REMOVE), st.sampled_from([PENDING] * 6 + SKUS)),
    "handover": st.tuples(st.just(EventKind.HANDOVER), st.sampled_from(WORKERS)),
    "finish": st.tuples(st.just(EventKind.MANUAL), st.just(NEXT)),
    # An over-scan resolved right away, so extras get kept, removed and complete orders.
    "cycle": st.tuples(st.sampled_from([EventKind.EXTRA_KEEP, EventKind.EXTRA_REMOVE]),
                       st.just(OVER)),
}
# Mostly scans of the line the packer is on, so sessions get far into their orders.
WEIGHTS = [*["next"] * 8, *["scan", "over"] * 3, *["keep", "remove"] * 3,
           *["cycle", "finish"] * 2, "undo", "skip", "manual", "handover"]
actions = st.sampled_from(WEIGHTS).flatmap(BY_KIND.__getitem__)
steps = st.lists(st.tuples(st.sampled_from([0.0, 0.1, 0.2, 1.0, 3.0, 30.0]), actions),
                 min_size=5, max_size=150)


def pick(logic: PackerLogic, wanted: str, fallback: str) -> str:
    """A code chosen from the state, so random sessions get far into their orders."""
    view = logic.current_order
    if view is None:
        return fallback
    if wanted == PENDING:
        return next(iter(view.pending_extras), fallback)
    if wanted == OVER:
        return next((line.sku for line in view.lines if line.complete), view.lines[0].sku)
    return next((line.sku for line in view.lines if not line.complete), view.lines[0].sku)


def new_logic(barcodes: dict[str, list[str]] | None = BARCODES) -> PackerLogic:
    plist = make_list(ORDERS)
    return PackerLogic(plist, order_key=key, resolve_item=resolver(barcodes, plist))


def run(session: list[tuple[float, tuple[Any, ...]]]) -> tuple[PackerLogic, list[ScanEvent]]:
    logic, now, worker = new_logic(), T0, W1
    journal: list[ScanEvent] = []
    for delay, step in session:
        now_do: list[tuple[Any, ...]]
        if step[0] is not EventKind.SCAN and step[1:] == (OVER,):
            now_do = [(EventKind.SCAN, OVER), (step[0], PENDING)]
        else:
            now_do = [step]
        for action in now_do:
            now += timedelta(seconds=delay)
            journal.append(act(logic, journal, now, worker, action))
            check_invariants(logic, journal)
            if action[0] is EventKind.HANDOVER and journal[-1].outcome is Outcome.WORKER_CHANGED:
                worker = action[1]
    return logic, journal


def act(logic: PackerLogic, journal: list[ScanEvent], now: datetime, worker: tuple[str, str],
        action: tuple[Any, ...]) -> ScanEvent:
    kind, args = action[0], action[1:]
    kw: dict[str, Any] = {}
    if kind is EventKind.SCAN or kind in (EventKind.EXTRA_KEEP, EventKind.EXTRA_REMOVE):
        fallback = LABELS[len(journal) % len(LABELS)] if kind is EventKind.SCAN else "A"
        picked = args[0] in (NEXT, OVER, PENDING)
        kw["code"] = pick(logic, args[0], fallback) if picked else args[0]
    elif kind is EventKind.UNDO:
        kw["row"] = args[0]
    elif kind is EventKind.MANUAL and args == (NEXT,):
        view = logic.current_order
        open_rows = [line.row for line in view.lines if not line.complete] if view else []
        kw.update(row=open_rows[0] if open_rows else 0, reason="no barcode")
    elif kind is EventKind.MANUAL:
        kw.update(row=args[0], reason=args[1], quantity=args[2])
    elif kind is EventKind.HANDOVER:
        worker = args[0]
    event = logic.decide(kind, now, *worker, **kw)
    logic.apply(event)
    return event


def check_invariants(logic: PackerLogic, journal: list[ScanEvent]) -> None:
    views = list(logic.started_orders())
    for view in views:
        for line in view.lines:
            assert 0 <= line.manual <= line.packed <= line.required
        full = all(line.complete for line in view.lines)
        assert (view.status is OrderStatus.COMPLETE) == (full and not view.pending_extras)
        assert sum(i.quantity for i in view.items) == view.units_packed
    counted = sum(e.quantity for e in journal if e.outcome in COUNTING | {Outcome.UNDONE})
    progress = logic.progress
    assert progress.units_packed == counted == sum(v.units_packed for v in views)
    assert progress.orders_complete == sum(v.status is OrderStatus.COMPLETE for v in views)
    current = [v for v in views if v.status is OrderStatus.IN_PROGRESS]
    assert len(current) == (logic.current_order is not None)
    assert logic.last_seq == len(journal)


def summary(logic: PackerLogic) -> dict[str, Any]:
    return build_summary(
        logic, session_id="2026-11-21_1", client_id="M", packing_list_name="L",
        packing_list_path="L.json", session_type="shopify", worker_pc="PC", user_name="u",
        started_at=T0, completed_at=T0 + timedelta(hours=9))


@settings(max_examples=300, deadline=None)
@given(steps)
def test_replay_of_the_journal_rebuilds_the_same_state(
        session: list[tuple[float, tuple[Any, ...]]]) -> None:
    logic, journal = run(session)
    fresh = new_logic(barcodes=None)  # a changed barcode map must not matter
    for event in journal:
        fresh.apply(ScanEvent.from_dict(json.loads(json.dumps(event.to_dict()))))
    meta = {"session_id": "2026-11-21_1", "client_id": "M"}
    assert state_snapshot(fresh, meta) == state_snapshot(logic, meta)
    assert summary(fresh) == summary(logic)
    check_invariants(fresh, journal)


@settings(max_examples=100, deadline=None)
@given(steps)
def test_snapshot_and_summary_are_plain_json(session: list[tuple[float, tuple[Any, ...]]]) -> None:
    logic, _ = run(session)
    for doc in (state_snapshot(logic, {"last_updated": T0}), summary(logic)):
        assert json.loads(json.dumps(doc)) == doc

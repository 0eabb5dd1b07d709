"""One physical order is packed once, across lists, sessions and stations (real processes).

Overlapping lists are built the way the Shopify Tool builds them: a singles list filtered
out of a courier's list, and a next-day copy of a session whose orders come back.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from packing_tool.domain.barcodes import order_key
from packing_tool.simulate import simulate
from packing_tool.storage.generated import write_generated_session
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.order_ledger import FileOrderLedger
from tests.conftest import HELPERS, SHOPIFY_SERVER
from tests.helpers.simulate_checks import ENTRY_POINT, last_json, simulate_args, writable_copy

SESSION = "2026-11-21_1"


def _stats(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / "Stats" / "global_stats.json").read_text("utf-8"))
    return data


def _workers_orders(root: Path) -> int:
    data = json.loads((root / "Workers" / "workers.json").read_text("utf-8"))
    return sum(int(w.get("total_orders") or 0) for w in data["workers"])


def _summary_orders(root: Path, client: str) -> Counter[str]:
    """How many summaries count each order (a re-pack or a conflict does not count)."""
    counted: Counter[str] = Counter()
    for path in (root / "Sessions" / f"CLIENT_{client}").glob("*/packing/*/session_summary.json"):
        for order in json.loads(path.read_text("utf-8"))["orders"]:
            if not order.get("repack_reason") and not order.get("also_packed"):
                counted[order_key(order["order_number"])] += 1
    return counted


def _write_list(root: Path, session: str, name: str, orders: list[dict[str, Any]]) -> None:
    path = ShareLayout(root).packing_lists_dir("M", session) / f"{name}.json"
    path.write_text(json.dumps({"session_id": session, "total_orders": len(orders),
                                "orders": orders}, ensure_ascii=False), encoding="utf-8")


def _list_orders(root: Path, session: str, name: str) -> list[dict[str, Any]]:
    path = ShareLayout(root).packing_lists_dir("M", session) / f"{name}.json"
    orders: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))["orders"]
    return orders


@pytest.mark.share
def test_overlapping_lists_and_a_next_day_copy_count_each_order_once(tmp_path: Path) -> None:
    root = writable_copy(SHOPIFY_SERVER, tmp_path / "server")
    source = _list_orders(root, SESSION, "DHL_Orders")
    singles = [o for o in source if len(o["items"]) == 1 and o["items"][0]["quantity"] == 1]
    assert singles, "the fixture has single-unit orders"
    _write_list(root, SESSION, "DHL_Singles", singles)
    next_day = ShareLayout(root).session_dir("M", "2026-11-22_1")
    shutil.copytree(ShareLayout(root).session_dir("M", SESSION), next_day,
                    ignore=shutil.ignore_patterns("packing"))

    first = simulate(root, "M", SESSION, "DHL_Orders", "Иван Петров", complete=True)
    second = simulate(root, "M", SESSION, "DHL_Singles", "Мария Иванова", complete=True)
    third = simulate(root, "M", "2026-11-22_1", "DHL_Orders", "Иван Петров", complete=True)

    physical = first["orders_packed"]
    assert physical == first["orders_total"] > 0
    assert second["orders_packed"] == 0
    assert second["skipped_elsewhere"] == {"packed_elsewhere": second["orders_total"]}
    assert third["orders_packed"] == 0
    assert third["orders_packed_elsewhere"] == physical
    assert _stats(root)["total_orders_packed"] == physical
    assert _workers_orders(root) == physical
    assert set(_summary_orders(root, "M").values()) == {1}
    # The lists whose orders were all packed elsewhere end as completed.
    info = json.loads((next_day / "session_info.json").read_text("utf-8"))
    assert info["packing_progress"]["DHL_Orders"]["status"] == "completed"


@pytest.mark.share
def test_two_stations_race_for_the_same_order_fifty_rounds_never_both(tmp_path: Path) -> None:
    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 50, seed=5)
    _write_list(root, SESSION, "Overlap", _list_orders(root, SESSION, "Courier"))
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.run([sys.executable, str(HELPERS / "ledger_racer.py"), str(root),
                           str(out), "50", "Courier", "Overlap"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    for number in range(50):
        a, b = (json.loads((out / f"{number:03d}-{name}.json").read_text("utf-8"))
                for name in ("Courier", "Overlap"))
        got = [r for r in (a, b) if r["first_unit"] in ("item_ok", "order_complete")]
        assert len(got) == 1, (number, a, b)  # exactly one station packs it
        loser = b if got[0] is a else a
        # The other is told who has it: at its label, or at the first unit it scans.
        told = (loser["detail"] if loser["first_unit"] is None
                else loser["first_unit_detail"])
        assert loser["outcome"] in ("order_loaded", "order_packing_elsewhere",
                                    "order_packed_elsewhere"), loser
        assert loser["first_unit"] in (None, "order_packing_elsewhere",
                                       "order_packed_elsewhere"), loser
        assert "PACK-0" in told
        assert "being packed now in" in told or "packed in" in told
    ledger = FileOrderLedger(ShareLayout(root), "M")
    states = Counter(entry.state for _, entry in ledger.walk())  # type: ignore[union-attr]
    assert states == {"packed": 50}


@pytest.mark.share
def test_two_stations_packing_overlapping_lists_at_once_count_once(tmp_path: Path) -> None:
    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 300, seed=9)
    orders = _list_orders(root, SESSION, "Courier")
    _write_list(root, SESSION, "Singles", [o for o in orders if len(o["items"]) == 1])
    procs = [subprocess.Popen(
        [str(ENTRY_POINT), *simulate_args(root, "M", SESSION, name, worker, complete=True)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**__import__("os").environ, "PACKING_TOOL_STATION": station,
             "PACKING_TOOL_HOME": str(tmp_path / station)})
        for name, worker, station in (("Courier", "Иван Петров", "PACK-01"),
                                      ("Singles", "Мария Иванова", "PACK-02"))]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results.append(last_json(out))
    courier, singles = results
    packed = courier["orders_packed"] + singles["orders_packed"]
    # On a loaded machine a claim can take longer than claim_wait (1 s): it is then made
    # offline, and an order both packed is a conflict, reported and counted once.
    twice = set(courier["conflicts"]) | set(singles["conflicts"])
    assert packed - len(twice) == 300, results
    assert _stats(root)["total_orders_packed"] == 300
    assert set(_summary_orders(root, "M").values()) == {1}


@pytest.mark.parametrize("list_name", ["DHL_Orders"])
def test_not_fulfillable_and_other_list_labels_say_so(tmp_path: Path, list_name: str) -> None:
    from packing_tool.domain.events import Outcome
    from packing_tool.storage.packing_session import Worker
    from packing_tool.storage.session_manager import SessionManager

    root = writable_copy(SHOPIFY_SERVER, tmp_path / "server")
    source = _list_orders(root, SESSION, list_name)
    skipped = [o["order_number"] for o in source
               if o.get("order_fulfillment_status") != "Fulfillable"]
    other = _list_orders(root, SESSION, "DPD_Orders")[0]["order_number"]
    worker = Worker("worker_001", "Иван Петров")
    manager = SessionManager(ShareLayout(root), worker)
    try:
        active = manager.open("M", SESSION, list_name)
        if skipped:
            result = active.session.scan(skipped[0].lstrip("#"), worker)
            assert result.outcome is Outcome.ORDER_NOT_TO_PACK
            assert "Not Fulfillable" in result.detail
        result = active.session.scan(other.lstrip("#"), worker)
        assert result.outcome is Outcome.ORDER_IN_OTHER_LIST
        assert "DPD_Orders" in result.detail
        manager.pause(active)
    finally:
        manager.close()


def test_an_offline_claim_that_lost_is_a_conflict_counted_once(tmp_path: Path) -> None:
    """Station A loses the share (its path to it disappears), packs an order from its own
    disk; station B packs the same order online. When A's share comes back, the conflict is
    told, recorded and the order is counted once."""

    from packing_tool.storage.packing_session import Worker
    from packing_tool.storage.session_manager import SessionManager, SessionSettings

    real = tmp_path / "server"
    write_generated_session(real, "M", SESSION, "Courier", 5, seed=3)
    orders = _list_orders(real, SESSION, "Courier")
    _write_list(real, SESSION, "Overlap", orders)
    view = tmp_path / "a-view"  # station A reaches the share through this path
    view.symlink_to(real)
    fast = SessionSettings(debounce_seconds=0.0, claim_wait=0.2, retry_seconds=0.1,
                           share_timeout=5.0)
    ivan, maria = Worker("worker_001", "Иван Петров"), Worker("worker_002", "Мария Иванова")
    a = SessionManager(ShareLayout(view), ivan, fast, local_root=tmp_path / "pc-a")
    b = SessionManager(ShareLayout(real), maria, fast, local_root=tmp_path / "pc-b")
    told: list[tuple[str, str]] = []
    try:
        a_list = a.open("M", SESSION, "Courier")
        a_list.ledger.on_conflict = lambda number, text: told.append((number, text))
        view.unlink()  # the share is gone for A
        order = orders[0]
        label = order["order_number"].lstrip("#")
        assert a_list.session.scan(label, ivan).outcome.value == "order_loaded"
        for item in order["items"]:
            for _ in range(item["quantity"]):
                a_list.session.scan(item["sku"], ivan)
        # The first unit waited for the claim; with no share it was made offline.
        assert order["order_number"] in a_list.ledger.offline_claims
        assert a_list.session.logic.progress.orders_complete == 1

        b_list = b.open("M", SESSION, "Overlap")
        assert b_list.session.scan(label, maria).outcome.value == "order_loaded"
        for item in order["items"]:
            for _ in range(item["quantity"]):
                b_list.session.scan(item["sku"], maria)
        b.complete(b_list)

        os.symlink(real, view)  # the share is back for A
        assert a_list.ledger.flush(10.0)
        assert a_list.mirror.flush(10.0)
        assert [n for n, _ in told] == [order["order_number"]]  # told once
        assert "Overlap" in told[0][1]
        plan = a.complete(a_list)
        assert plan is not None
        summary = plan["summary"]
        assert [c["order_number"] for c in summary["conflict_orders"]] == [order["order_number"]]
        assert summary["counted_orders"] == 0
    finally:
        a.close()
        b.close()
    assert _stats(real)["total_orders_packed"] == 1
    conflicts = FileOrderLedger(ShareLayout(real), "M").conflicts()
    assert [c["here"]["list_name"] for c in conflicts] == ["Courier"]
    assert conflicts[0]["here"].get("offline") is True


def test_a_deliberate_repack_is_recorded_and_never_counted(tmp_path: Path) -> None:
    from packing_tool.domain.events import EventKind, Outcome
    from packing_tool.storage.packing_session import Worker
    from packing_tool.storage.session_manager import SessionManager, SessionSettings

    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 3, seed=4)
    orders = _list_orders(root, SESSION, "Courier")
    _write_list(root, SESSION, "Overlap", orders[:1])
    simulate(root, "M", SESSION, "Courier", "Иван Петров", complete=True)
    before = _stats(root)["total_orders_packed"]
    maria = Worker("worker_002", "Мария Иванова")
    manager = SessionManager(ShareLayout(root), maria, SessionSettings(debounce_seconds=0.0))
    order = orders[0]
    label = order["order_number"].lstrip("#")
    try:
        active = manager.open("M", SESSION, "Overlap")
        session = active.session
        seen = session.scan(label, maria)
        assert seen.outcome is Outcome.ORDER_PACKED_ELSEWHERE
        assert "packed in Courier of 2026-11-21_1" in seen.detail
        assert session.logic.current_order is None
        refused = session.act(EventKind.REPACK, maria, code=label, reason=" ")
        assert refused.outcome is Outcome.REFUSED
        started = session.act(EventKind.REPACK, maria, code=label, reason="parcel damaged")
        assert started.outcome is Outcome.REPACK_STARTED
        for item in order["items"]:
            for _ in range(item["quantity"]):
                session.scan(item["sku"], maria)
        assert session.logic.progress.orders_complete == 1
        plan = manager.complete(active)
    finally:
        manager.close()
    assert plan is not None
    [record] = plan["summary"]["orders"]
    assert record["repack_reason"] == "parcel damaged"
    assert plan["summary"]["counted_orders"] == 0
    assert _stats(root)["total_orders_packed"] == before
    entry = FileOrderLedger(ShareLayout(root), "M").read(order["order_number"])
    assert entry is not None
    assert entry.packed is not None
    assert entry.packed.list_name == "Courier"
    assert [(r.list_name, r.reason) for r in entry.repacks] == [("Overlap", "parcel damaged")]
    assert entry.repacks[0].done_at
    journal = ShareLayout(root).work_dir("M", SESSION, "Overlap") / "scan_journal.jsonl"
    kinds = [json.loads(line)["kind"] for line in journal.read_text("utf-8").splitlines()]
    assert "repack" in kinds  # the order's timeline holds the re-pack


def test_skipping_or_pausing_lets_the_order_go_to_another_list(tmp_path: Path) -> None:
    from packing_tool.domain.events import EventKind, Outcome
    from packing_tool.storage.packing_session import Worker
    from packing_tool.storage.session_manager import SessionManager, SessionSettings

    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 3, seed=4)
    orders = _list_orders(root, SESSION, "Courier")
    _write_list(root, SESSION, "Overlap", orders)
    ivan, maria = Worker("worker_001", "Иван Петров"), Worker("worker_002", "Мария Иванова")
    # Labels wait for their claim's answer here (not a frame only): this test is about what
    # skip and pause release, not about a claim still on its way (the race test above).
    fast = SessionSettings(debounce_seconds=0.0, claim_answer_wait=1.0)
    a = SessionManager(ShareLayout(root), ivan, fast, local_root=tmp_path / "pc-a")
    b = SessionManager(ShareLayout(root), maria, fast, local_root=tmp_path / "pc-b")
    first, second = (o["order_number"].lstrip("#") for o in orders[:2])
    ledger = FileOrderLedger(ShareLayout(root), "M")
    try:
        a_list = a.open("M", SESSION, "Courier")
        b_list = b.open("M", SESSION, "Overlap")
        assert a_list.session.scan(first, ivan).outcome is Outcome.ORDER_LOADED
        assert b_list.session.scan(first, maria).outcome is Outcome.ORDER_PACKING_ELSEWHERE
        a_list.session.act(EventKind.SKIP, ivan)
        assert a_list.ledger.flush(5.0)
        assert ledger.read(orders[0]["order_number"]) is None  # released on skip
        assert b_list.session.scan(first, maria).outcome is Outcome.ORDER_LOADED
        b_list.session.act(EventKind.SKIP, maria)
        assert a_list.session.scan(second, ivan).outcome is Outcome.ORDER_LOADED
        a.pause(a_list)
        assert ledger.read(orders[1]["order_number"]) is None  # released on pause
        assert b_list.session.scan(second, maria).outcome is Outcome.ORDER_LOADED
    finally:
        a.close()
        b.close()


def test_an_open_list_learns_what_other_lists_packed_meanwhile(tmp_path: Path) -> None:
    import time

    from packing_tool.storage.packing_session import Worker
    from packing_tool.storage.session_manager import SessionManager, SessionSettings

    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 4, seed=6)
    orders = _list_orders(root, SESSION, "Courier")
    _write_list(root, SESSION, "Overlap", orders)
    ivan, maria = Worker("worker_001", "Иван Петров"), Worker("worker_002", "Мария Иванова")
    fast = SessionSettings(debounce_seconds=0.0, ledger_refresh=0.2)
    a = SessionManager(ShareLayout(root), ivan, fast, local_root=tmp_path / "pc-a")
    b = SessionManager(ShareLayout(root), maria, fast, local_root=tmp_path / "pc-b")
    try:
        a_list = a.open("M", SESSION, "Courier")
        b_list = b.open("M", SESSION, "Overlap")
        order = orders[0]
        a_list.session.scan(order["order_number"].lstrip("#"), ivan)
        for item in order["items"]:
            for _ in range(item["quantity"]):
                a_list.session.scan(item["sku"], ivan)
        assert a_list.ledger.flush(5.0)
        deadline = time.monotonic() + 5.0
        while (b_list.session.logic.progress.orders_elsewhere == 0
               and time.monotonic() < deadline):
            time.sleep(0.05)
        progress = b_list.session.logic.progress
        assert progress.orders_elsewhere == 1
        assert progress.orders_remaining == len(orders) - 1
    finally:
        a.close()
        b.close()

"""Opening a list reads the ledger only for the orders it has touched; the rest come after.

A share answers in milliseconds per file (1,000 orders took 2.7 s over SMB), so the untouched
orders are read on the ledger's refresh thread, and until then a label waits for its claim's
answer, which says where its order was packed.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from packing_tool.domain.events import Outcome
from packing_tool.storage.generated import write_generated_session
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.ledger_entry import Mark
from packing_tool.storage.order_ledger import FileOrderLedger
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_manager import SessionManager, SessionSettings

pytestmark = pytest.mark.share
SESSION = "2026-11-21_1"
IVAN, MARIA = Worker("worker_001", "Иван Петров"), Worker("worker_002", "Мария Иванова")


def lists(root: Path, orders: int) -> list[dict[str, Any]]:
    """List Courier and a copy of it, Overlap (the Shopify Tool's lists overlap this way)."""
    write_generated_session(root, "M", SESSION, "Courier", orders, seed=5)
    folder = root / "Sessions" / "CLIENT_M" / SESSION / "packing_lists"
    data = json.loads((folder / "Courier.json").read_text("utf-8"))
    (folder / "Overlap.json").write_text(json.dumps(data), encoding="utf-8")
    result: list[dict[str, Any]] = data["orders"]
    return result


def pack(active: Any, order: dict[str, Any], worker: Worker) -> None:
    active.session.scan(order["order_number"].lstrip("#"), worker)
    for item in order["items"]:
        for _ in range(item["quantity"]):
            active.session.scan(item["sku"], worker)
    assert active.ledger.flush(5.0)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """Every ledger look-up: (thread name, orders asked for)."""
    seen: list[tuple[str, list[str]]] = []
    original = FileOrderLedger.lookup

    def lookup(self: FileOrderLedger, numbers: Iterable[str]) -> Any:
        wanted = list(numbers)
        seen.append((threading.current_thread().name, wanted))
        return original(self, wanted)

    monkeypatch.setattr(FileOrderLedger, "lookup", lookup)
    return seen


def test_open_reads_no_untouched_order_and_learns_them_after(
        tmp_path: Path, reads: list[tuple[str, list[str]]]) -> None:
    root = tmp_path / "server"
    orders = lists(root, 40)
    settings = SessionSettings(debounce_seconds=0.0)
    a = SessionManager(ShareLayout(root), IVAN, settings, local_root=tmp_path / "pc-a")
    b = SessionManager(ShareLayout(root), MARIA, settings, local_root=tmp_path / "pc-b")
    try:
        a_list = a.open("M", SESSION, "Courier")
        pack(a_list, orders[0], IVAN)
        reads.clear()
        b_list = b.open("M", SESSION, "Overlap")
        on_open = [asked for thread, asked in reads if thread != "order-ledger-refresh"]
        assert on_open == [[]]  # nothing of the list touched yet: nothing read while opening
        assert b_list.ledger.looked.wait(5.0)
        later = [asked for thread, asked in reads if thread == "order-ledger-refresh"]
        assert len(later[0]) == 40  # every order, on the refresh thread
        deadline = time.monotonic() + 5.0
        while b_list.session.logic.progress.orders_elsewhere == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert b_list.session.logic.progress.orders_elsewhere == 1
        assert any((tmp_path / "pc-b").rglob("ledger_cache.json"))  # kept for offline packing
    finally:
        a.close()
        b.close()


def test_a_label_before_the_first_look_still_says_where_it_was_packed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "server"
    orders = lists(root, 10)
    settings = SessionSettings(debounce_seconds=0.0)  # the 2 ms claim budget of a station
    a = SessionManager(ShareLayout(root), IVAN, settings, local_root=tmp_path / "pc-a")
    b = SessionManager(ShareLayout(root), MARIA, settings, local_root=tmp_path / "pc-b")
    original = FileOrderLedger.lookup
    gate = threading.Event()

    def slow_refresh(self: FileOrderLedger, numbers: Iterable[str]) -> Any:
        if threading.current_thread().name == "order-ledger-refresh":
            gate.wait(10.0)  # a share that takes its time over the list's orders
        return original(self, numbers)

    try:
        a_list = a.open("M", SESSION, "Courier")
        pack(a_list, orders[0], IVAN)
        monkeypatch.setattr(FileOrderLedger, "lookup", slow_refresh)
        b_list = b.open("M", SESSION, "Overlap")
        assert not b_list.ledger.looked.is_set()
        outcome = b_list.session.scan(orders[0]["order_number"].lstrip("#"), MARIA).outcome
        assert outcome is Outcome.ORDER_PACKED_ELSEWHERE
        gate.set()
        assert b_list.ledger.looked.wait(5.0)
    finally:
        gate.set()
        a.close()
        b.close()


def test_a_claim_left_behind_by_a_crash_is_released_by_the_first_look(tmp_path: Path) -> None:
    root = tmp_path / "server"
    orders = lists(root, 5)
    ledger = FileOrderLedger(ShareLayout(root), "M")
    number = orders[2]["order_number"]
    before = Mark(SESSION, "Courier", "PACK-01", IVAN.id, IVAN.name, lock_id="old-lock")
    assert ledger.claim(before, number).elsewhere is None  # claimed, then the PC died
    manager = SessionManager(ShareLayout(root), IVAN, SessionSettings(debounce_seconds=0.0),
                             local_root=tmp_path / "pc-a")
    try:
        active = manager.open("M", SESSION, "Courier")
        assert active.ledger.looked.wait(5.0)
        assert active.ledger.flush(5.0)
        assert ledger.read(number) is None  # released: another list may pack it
    finally:
        manager.close()

"""The share root renamed away in the middle of a list and back: no ghost share, nothing lost.

A station never creates the share root, a client or a session folder: while the root is
missing every scan waits on the station's own disk; when it is back, each arrives once.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from packing_tool.storage.generated import write_generated_session
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.order_ledger import FileOrderLedger
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_manager import SessionManager, SessionSettings

SESSION = "2026-11-21_1"


def _pack(session, worker: Worker, order: dict) -> None:  # type: ignore[no-untyped-def]
    session.scan(order["order_number"].lstrip("#"), worker)
    for item in order["items"]:
        for _ in range(item["quantity"]):
            session.scan(item["sku"], worker)


def test_a_share_renamed_away_and_back_gets_every_scan_once(tmp_path: Path) -> None:
    root = tmp_path / "share"
    list_json = write_generated_session(root, "M", SESSION, "Courier", 12, seed=2)
    orders = json.loads(list_json.read_text("utf-8"))["orders"]
    worker = Worker("worker_001", "Иван Петров")
    settings = SessionSettings(debounce_seconds=0.0, retry_seconds=0.1, claim_wait=0.2,
                               share_timeout=3.0)
    manager = SessionManager(ShareLayout(root), worker, settings)
    try:
        active = manager.open("M", SESSION, "Courier")
        for order in orders[:4]:
            _pack(active.session, worker, order)
            manager.report_progress(active)
        assert active.mirror.flush(5.0)
        away = tmp_path / "share.away"
        root.rename(away)
        for order in orders[4:8]:
            _pack(active.session, worker, order)
            manager.report_progress(active)  # as packer mode does per order
        active.session.state.write_now()
        time.sleep(1.0)  # the mirror, ledger and state writer retry meanwhile
        assert not root.exists(), "a station created a share at the old path"
        assert active.mirror.status.waiting > 0
        assert f"{root} is missing" in active.mirror.status.message
        away.rename(root)
        for order in orders[8:]:
            _pack(active.session, worker, order)
        assert active.mirror.flush(10.0)
        assert active.ledger.flush(10.0)
        manager.complete(active)
    finally:
        manager.close()
    journal = ShareLayout(root).work_dir("M", SESSION, "Courier") / "scan_journal.jsonl"
    seqs = [json.loads(line)["seq"] for line in journal.read_text("utf-8").splitlines()]
    assert seqs == list(range(1, len(seqs) + 1)), "an event is missing or arrived twice"
    units = sum(i["quantity"] for o in orders for i in o["items"])
    assert len(seqs) == len(orders) + units
    ledger = FileOrderLedger(ShareLayout(root), "M")
    assert sorted(e.state for _, e in ledger.walk()) == ["packed"] * len(orders)  # type: ignore[union-attr]
    stats = json.loads((root / "Stats" / "global_stats.json").read_text("utf-8"))
    assert stats["total_orders_packed"] == len(orders)

"""``packing-tool simulate``: pack a list headlessly, as a packer would, through the real engine.

For every order that can be packed: scan its label text (the order number as printed, i.e.
without ``#``), then one scan per unit. A scripted scanner never double-reads, so the
duplicate-read window is off; everything else is the GUI's path (logic, journal, state).
"""

from __future__ import annotations

import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packing_tool.domain.events import EventKind, Outcome
from packing_tool.domain.orders import Order
from packing_tool.domain.packer_views import OrderStatus, ScanResult
from packing_tool.domain.second_check import awaiting
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.list_readers import list_path
from packing_tool.storage.packing_session import PackingSession, Worker
from packing_tool.storage.session_lock import LockHeldError
from packing_tool.storage.session_manager import SessionManager, SessionSettings
from shared.worker_manager import WorkerManager

LABEL_DROP = re.compile(r"[^A-Za-z0-9_-]")
SIMULATED_SKIP = "simulated packing: no second worker"


def label_text(order_number: str) -> str:
    """What the Shopify Tool prints in the order's barcode: ``#48218`` scans as ``48218``."""
    return LABEL_DROP.sub("", order_number)


@dataclass
class _Timer:
    samples: list[float] = field(default_factory=list)

    def scan(self, session: PackingSession, text: str, worker: Worker) -> ScanResult:
        start = time.perf_counter()
        result = session.scan(text, worker)
        self.samples.append((time.perf_counter() - start) * 1000)
        return result

    def percentile(self, q: float) -> float:
        if not self.samples:
            return 0.0
        ordered = sorted(self.samples)
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)


# What a packer does when the label says the order is not to be packed here.
ELSEWHERE = {Outcome.ORDER_PACKED_ELSEWHERE: "packed_elsewhere",
             Outcome.ORDER_PACKING_ELSEWHERE: "being_packed_elsewhere"}


def _pack_order(session: PackingSession, order: Order, worker: Worker,
                timer: _Timer) -> str | None:
    """Pack one order; returns why it was left alone (packed or being packed elsewhere)."""
    logic = session.logic
    current = logic.current_order
    if current is None or current.order_number != order.order_number:
        result = timer.scan(session, label_text(order.order_number), worker)
        if result.outcome in ELSEWHERE:
            return ELSEWHERE[result.outcome]
    view = logic.order(order.order_number)
    for line in view.lines:
        for _ in range(line.remaining):
            outcome = timer.scan(session, line.sku, worker).outcome
            if outcome in ELSEWHERE:
                # Its claim went to another station after the label opened it: put it aside.
                session.act(EventKind.SKIP, worker)
                return ELSEWHERE[outcome]
    for sku, count in logic.pending_extras.items():
        for _ in range(count):  # left over from an earlier run: keep them, as a packer would
            session.act(EventKind.EXTRA_KEEP, worker, code=sku)
    if awaiting(logic.current_order):  # a flagged order: no second worker here, so skipped
        session.act(EventKind.SECOND_CHECK_SKIPPED, worker, reason=SIMULATED_SKIP)
    return None


def simulate(root: Path, client: str, session_name: str, list_name: str, worker_name: str,
             *, complete: bool = False, take_over: bool = False,
             settings: SessionSettings | None = None) -> dict[str, Any]:
    """Pack the list through the lock, journal and completion code the app uses.

    Raises ``LockHeldError`` when another station holds the list (with ``take_over``, a
    stale lock is taken over instead, as a packer confirming it would).
    """
    started = time.perf_counter()
    layout = ShareLayout(root)
    list_path(layout.session_dir(client, session_name), list_name)  # before any profile
    profile = WorkerManager(root).get_or_create(worker_name)
    worker = Worker(profile.id, profile.name)
    manager = SessionManager(layout, worker, settings or SessionSettings(debounce_seconds=0.0))
    timer = _Timer()
    left_alone: dict[str, int] = {}
    phases = {"open_s": 0.0, "end_s": 0.0}
    try:
        mark = time.perf_counter()
        try:
            active = manager.open(client, session_name, list_name)
        except LockHeldError as exc:
            if not (take_over and exc.stale):
                raise
            active = manager.open(client, session_name, list_name, take_over=exc.holder)
        phases["open_s"] = round(time.perf_counter() - mark, 3)
        session = active.session
        logic = session.logic
        blocked = {n for names in logic.ambiguous_orders.values() for n in names}
        orders = list(logic.packing_list.orders)
        current = logic.current_order
        if current is not None:  # finish the order left open by an earlier run first
            orders.sort(key=lambda o: o.order_number != current.order_number)
        for order in orders:
            if order.order_number in blocked:
                continue
            if logic.order(order.order_number).status is not OrderStatus.COMPLETE:
                why = _pack_order(session, order, worker, timer)
                if why is not None:
                    left_alone[why] = left_alone.get(why, 0) + 1
                elif logic.order(order.order_number).status is OrderStatus.COMPLETE:
                    manager.report_progress(active)  # as packer mode does per order
        progress = logic.progress
        mark = time.perf_counter()
        if complete:
            manager.complete(active)
        else:
            manager.pause(active)
        phases["end_s"] = round(time.perf_counter() - mark, 3)
    finally:
        manager.close()
    return {
        "orders_packed": progress.orders_complete,
        "orders_total": progress.orders_total,
        "items_packed": progress.units_packed,
        "items_total": progress.units_total,
        "scans": len(timer.samples),
        "unpackable_orders": sorted(blocked),
        "orders_skipped_elsewhere": sum(left_alone.values()),
        "skipped_elsewhere": left_alone,
        "orders_packed_elsewhere": progress.orders_elsewhere,
        "conflicts": sorted(session.ledger.conflicts) if session.ledger else [],
        "problems": [str(p) for p in session.packing_list.problems],
        "elapsed_s": round(time.perf_counter() - started, 3),
        **phases,  # the list's open, and its ending (or pause)
        "p50_scan_ms": round(statistics.median(timer.samples), 3) if timer.samples else 0.0,
        "p99_scan_ms": timer.percentile(0.99),
        "completed": bool(complete),
    }

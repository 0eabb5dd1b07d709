"""Benchmark: time per scan (logic only, and logic + journal on disk), bytes per scan, load time.

Prints one JSON object. Targets (docs/design §4): one scan, logic only, 5,000-order list:
p99 under 1 ms; bytes written to the share per scan independent of list size; open a
5,000-order list in under 1 s.

Bytes to the share count everything the share receives while packing, as the app packs
(SessionManager: scan journal mirrored to the share, ``packing_state.json`` rewritten by the
state writer with its real timing and byte budget, lock heartbeats, session status): journal
bytes from the share journal's counter, every other file from a counter wrapped around
``shared.fileio.atomic_write_bytes`` (all metadata writes go through it; a ``.bak`` sidecar
of ``locked_json_update`` counts twice, as the file is rewritten in place with the same
bytes), for paths under the share. The whole list is packed at a packer's pace as far as the
share can tell: after each order a pause whenever the state writer has a rewrite paid for
(it rewrites the whole snapshot only once the changes since its last write paid for it, and
after 1 s without scans), until it has written; without one a pause changes nothing. Rewrites
come at growing intervals, so ``share_bytes_per_scan`` is ``share_writes.paced``: whole
writer cycles, from one rewrite to the last one before the end, spanning at least
``--paced-orders`` orders (the whole run when the list has too few rewrites).
``share_writes.whole_run`` is the whole list up to and including the pause that releases
the list (its final snapshot, a full rewrite, included).
The order ledger's records count too: a claim is created once (``exclusive.create_new``,
counted as ``order_ledger/orders (created)``), the packed mark rewrites it
(``order_ledger/orders (rewritten)``). ``--ledger-history N`` packs with N orders of the
client's history already in the ledger (``bench/_ledger_history.py``, cached between runs).
Usage: python bench/scan_latency.py [--sizes 1000 5000] [--paced-orders 20]
       [--ledger-history 0]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO), str(REPO / "bench")]

from _ledger_history import attached  # noqa: E402

from packing_tool.domain.barcodes import SkuIndex, order_key  # noqa: E402
from packing_tool.domain.events import EventKind  # noqa: E402
from packing_tool.domain.packer import PackerLogic  # noqa: E402
from packing_tool.storage import ledger_files  # noqa: E402
from packing_tool.storage.generated import write_generated_session  # noqa: E402
from packing_tool.storage.layout import ShareLayout  # noqa: E402
from packing_tool.storage.list_readers import load_packing_list  # noqa: E402
from packing_tool.storage.packing_session import PackingSession, Worker  # noqa: E402
from packing_tool.storage.session_manager import SessionManager, SessionSettings  # noqa: E402
from shared import atomic_write, fileio  # noqa: E402
from shared.timestamps import now  # noqa: E402

SAME_WITHIN = 0.10  # share bytes per scan "independent of list size": largest within 10 %
SETTLE_TIMEOUT_S = 120.0


LEDGER_RECORDS = f"{ledger_files.LEDGER_DIR}/orders"


class ShareWrites:
    """Bytes of every ``atomic_write_bytes`` under ``root``, per file name, while active; the
    order ledger's records (created by ``create_new``, rewritten atomically) as two entries."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.bytes: Counter[str] = Counter()
        self.writes: Counter[str] = Counter()
        self._lock = threading.Lock()  # the state writer and heartbeat threads write too
        self._real = fileio.atomic_write_bytes
        self._real_create = ledger_files.create_new

    def __enter__(self) -> ShareWrites:
        fileio.atomic_write_bytes = self._write  # type: ignore[assignment]
        atomic_write.atomic_write_bytes = self._write  # type: ignore[assignment]
        ledger_files.create_new = self._create  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        fileio.atomic_write_bytes = self._real  # type: ignore[assignment]
        atomic_write.atomic_write_bytes = self._real  # type: ignore[assignment]
        ledger_files.create_new = self._real_create  # type: ignore[assignment]

    def _name(self, path: Any, how: str) -> str | None:
        """What ``path`` counts as; None when it is not under the share."""
        where = Path(path)
        if not where.is_absolute():
            where = where.absolute()
        # the ledger may be a link to a cached history: judge by the path as given
        if not where.is_relative_to(self.root) and not where.resolve().is_relative_to(
                self.root):
            return None
        if LEDGER_RECORDS in where.as_posix():
            return f"{LEDGER_RECORDS} ({how})"
        return where.name

    def _create(self, path: Path, data: bytes, *, durable: bool = True) -> bool:
        created = self._real_create(path, data, durable=durable)
        name = self._name(path, "created") if created else None
        if name is not None:
            with self._lock:
                self.bytes[name] += len(data)
                self.writes[name] += 1
        return created

    def _write(self, path: Any, data: bytes) -> None:
        self._real(path, data)
        name = self._name(path, "rewritten")
        if name is None:
            return
        names = [name]
        if names[0].endswith(fileio.SIDECAR_SUFFIX):  # locked_json_update: the file in place too
            names.append(names[0].removesuffix(fileio.SIDECAR_SUFFIX))
        with self._lock:
            for name in names:
                self.bytes[name] += len(data)
                self.writes[name] += 1

    def snapshot(self) -> tuple[Counter[str], Counter[str]]:
        with self._lock:
            return Counter(self.bytes), Counter(self.writes)


def _orders(packing_list: object) -> list[list[str]]:
    """Each order's scans: its label, then every unit of every line."""
    orders = []
    for order in packing_list.orders:  # type: ignore[attr-defined]
        codes = [re.sub(r"[^A-Za-z0-9_-]", "", order.order_number)]
        codes.extend(line.sku for line in order.lines for _ in range(line.quantity))
        orders.append(codes)
    return orders


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50_ms": round(statistics.median(ordered), 4),
            "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 4),
            "max_ms": round(ordered[-1], 4)}


def _settle(session: PackingSession) -> None:
    """Pause like a packer between orders while the state writer has a rewrite due."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    while session.state.write_due:
        if time.monotonic() > deadline:
            raise RuntimeError(f"no packing_state.json write in {SETTLE_TIMEOUT_S:g} s "
                               f"({session.state.last_error})")
        time.sleep(0.01)


def _part(writes: ShareWrites, journal: int, start: tuple[Any, ...], scans: int,
          orders: int | None = None, upto: tuple[Any, ...] | None = None) -> dict[str, Any]:
    """Share bytes from ``start`` (counters and journal bytes then) to ``upto`` (default: now)
    over ``scans``."""
    by_bytes, by_writes = upto[:2] if upto is not None else writes.snapshot()
    by_bytes, by_writes = by_bytes - start[0], by_writes - start[1]
    journal_bytes = journal - start[2]
    total = journal_bytes + sum(by_bytes.values())
    by_file = {name: {"bytes": by_bytes[name], "writes": by_writes[name]}
               for name in sorted(by_bytes)}
    by_file["packing_journal (appended)"] = {"bytes": journal_bytes, "writes": scans}
    part: dict[str, Any] = {"scans": scans, "bytes": total,
                            "bytes_per_scan": round(total / max(scans, 1), 1),
                            "state_snapshots": by_writes["packing_state.json"],
                            "by_file": by_file}
    if orders is not None:
        part = {"orders": orders, **part}
    return part


def _logic_ms(packing_list: Any, codes: list[str]) -> list[float]:
    """Milliseconds of each scan through PackerLogic alone (no disk)."""
    index = SkuIndex.for_orders(packing_list.orders)
    logic = PackerLogic(packing_list, order_key=order_key, resolve_item=index.lookup,
                        debounce_seconds=0.0)
    samples = []
    for code in codes:
        at = now()
        t0 = time.perf_counter()
        logic.handle(EventKind.SCAN, at, "worker_001", "Bench", code=code)
        samples.append((time.perf_counter() - t0) * 1000)
    return samples


def measure(size: int, tmp: Path, paced_orders: int,
            ledger_history: int = 0) -> dict[str, object]:
    root = tmp / f"share{size}"
    path = write_generated_session(root, "M", "2026-11-21_1", "Bench", size)
    with attached(root, "M", ledger_history) as history:
        run = _measure(size, root, path, paced_orders)
    return {**run, "ledger_history": history.get("records", 0)}


def _measure(size: int, root: Path, path: Path, paced_orders: int) -> dict[str, object]:
    start = time.perf_counter()
    packing_list = load_packing_list(path)
    load_s = time.perf_counter() - start
    orders = _orders(packing_list)
    codes = [code for order in orders for code in order]
    logic_ms = _logic_ms(packing_list, codes)

    start = time.perf_counter()
    manager = SessionManager(ShareLayout(root), Worker("worker_001", "Bench"),
                             SessionSettings(debounce_seconds=0.0),
                             local_root=root.parent / "station")
    active = manager.open("M", "2026-11-21_1", "Bench")
    session = active.session
    open_s = time.perf_counter() - start
    worker = Worker("worker_001", "Bench")
    disk_ms = []

    def scan(order: list[str]) -> None:
        for code in order:
            t0 = time.perf_counter()
            session.scan(code, worker)  # fsynced on this station's disk; the share follows
            disk_ms.append((time.perf_counter() - t0) * 1000)

    with ShareWrites(root) as writes:
        journal = active.mirror.share
        whole_start = (*writes.snapshot(), journal.bytes_written)
        marks = []  # (orders, scans, counters) right after each snapshot rewrite
        scans = 0
        for done, order in enumerate(orders, 1):
            before = session.state.writes
            scan(order)
            scans += len(order)
            _settle(session)
            if session.state.writes > before:
                assert active.mirror.flush(60)
                marks.append((done, scans, (*writes.snapshot(), journal.bytes_written)))
        t0 = time.perf_counter()
        assert active.mirror.flush(60)
        drain_s = time.perf_counter() - t0
        share_bytes = journal.bytes_written
        snapshots = session.state.writes
        manager.pause(active)
        whole = _part(writes, journal.bytes_written, whole_start, len(codes))
    end = marks[-1] if marks else None
    start = next((m for m in reversed(marks[:-1])
                  if end is not None and end[0] - m[0] >= paced_orders), None)
    paced_part = {"orders": len(orders), **whole}  # too few rewrites for a whole cycle
    if start is not None and end is not None:
        paced_part = _part(writes, end[2][2], start[2], end[1] - start[1], end[0] - start[0],
                           upto=end[2])
    ledger_bytes = active.ledger.ledger.bytes_written  # type: ignore[attr-defined]
    manager.close()
    assert session.logic.progress.orders_complete == size
    return {
        "orders": size, "scans": len(codes),
        "load_list_s": round(load_s, 4), "open_session_s": round(open_s, 4),
        "logic": _percentiles(logic_ms),
        "logic_with_journal": _percentiles(disk_ms),
        "share_drain_after_last_scan_s": round(drain_s, 4),
        "journal_bytes_per_scan": round(share_bytes / len(codes), 1),
        "share_bytes_per_scan": paced_part["bytes_per_scan"],
        "state_snapshots_written": snapshots,
        "ledger_bytes_per_order": round(ledger_bytes / size, 1),
        "share_writes": {"paced": paced_part, "whole_run": whole},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000],
                        help="orders per list (default 1000 5000)")
    parser.add_argument("--paced-orders", type=int, default=20,
                        help="fewest orders share_bytes_per_scan is measured over (default 20)")
    parser.add_argument("--ledger-history", type=int, default=0, metavar="N",
                        help="orders of history in the client's order ledger (default 0)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="scan-bench-") as tmp:
        runs = [measure(size, Path(tmp), args.paced_orders, args.ledger_history)
                for size in args.sizes]
    largest = max(runs, key=lambda r: int(r["orders"]))  # type: ignore[call-overload]
    smallest = min(runs, key=lambda r: int(r["orders"]))  # type: ignore[call-overload]
    per_scan = [r["journal_bytes_per_scan"] for r in runs]
    share = {str(r["orders"]): r["share_bytes_per_scan"] for r in runs}
    low, high = smallest["share_bytes_per_scan"], largest["share_bytes_per_scan"]
    ratio = round(high / low, 3) if low else None  # type: ignore[operator]
    result = {
        "benchmark": "scan_latency",
        "runs": runs,
        "targets": {
            "logic_p99_ms_5000": {"target": 1.0,
                                  "measured": largest["logic"]["p99_ms"]},  # type: ignore[index]
            "load_5000_s": {"target": 1.0, "measured": largest["load_list_s"]},
            "bytes_per_scan_independent_of_size": {
                "rule": f"share_bytes_per_scan of the largest list within {SAME_WITHIN:.0%} "
                        "of the smallest's (packer's pace)",
                "measured": share, "largest_over_smallest": ratio,
                "ok": ratio is not None and abs(ratio - 1) <= SAME_WITHIN},
            "journal_bytes_per_scan_independent_of_size": {
                "rule": "spread under 8 bytes", "measured": per_scan,
                "ok": max(per_scan) - min(per_scan) < 8},  # type: ignore[operator]
        },
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: Session Browser rows for 2,000 sessions of one client (``load_rows``).

Prints one JSON object. Target (docs/design §4): first rows under 1 s. Measured cold (no
index: includes the rebuild from the folders), warm (index present) and warm with 20 new
sessions on disk. The sessions are minimal but valid files written with plain json: each
has one or two small packing lists; half have a work folder with a summary or a state; a
few hold a lock.
Usage: python bench/session_index.py [--sessions 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from packing_tool.storage.index_rows import load_rows  # noqa: E402
from packing_tool.storage.layout import ShareLayout  # noqa: E402
from packing_tool.storage.session_index import index_path  # noqa: E402
from shared.timestamps import now  # noqa: E402

TARGET_S = 1.0
ORDERS = [{"order_number": f"#{n}", "courier": "DHL", "order_fulfillment_status": "Fulfillable",
           "items": [{"sku": f"SKU-{n}", "quantity": 1 + n % 3}]} for n in range(5)]


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def write_session(client_dir: Path, name: str, n: int, moment: datetime) -> None:
    folder = client_dir / name
    stamp = moment.isoformat()
    _write(folder / "session_info.json", {"created_by_tool": "shopify", "created_at": stamp,
                                          "session_name": name, "status": "active"})
    lists = ["DHL_Orders", "DPD_Orders"][: 1 + n % 2]
    for list_name in lists:
        _write(folder / "packing_lists" / f"{list_name}.json",
               {"session_id": name, "created_at": stamp, "total_orders": len(ORDERS),
                "orders": ORDERS})
    if n % 2:
        return
    work = folder / "packing" / lists[0]
    if n % 4 == 0:
        _write(work / "session_summary.json", {
            "version": "1.3.0", "session_id": name, "packing_list_name": lists[0],
            "worker_id": "worker_001", "worker_name": "Dolphin", "pc_name": "PC1",
            "started_at": stamp, "completed_at": stamp, "duration_seconds": 600.0,
            "total_orders": 5, "completed_orders": 5 - (n % 8 == 0), "total_items": 10,
            "packed_items": 9, "orders": []})
    else:
        _write(work / "packing_state.json", {
            "version": "1.3.0", "session_id": name, "packing_list_name": lists[0],
            "worker_id": "worker_002", "worker_name": "Orca", "pc_name": "PC2",
            "started_at": stamp, "last_updated": stamp, "status": "in_progress",
            "progress": {"total_orders": 5, "completed_orders": 2, "total_items": 10,
                         "packed_items": 4}, "in_progress": {}, "completed": []})
    if n % 100 == 2:
        _write(work / ".session.lock", {
            "locked_by": "PC2", "user_name": "packer", "lock_time": now().isoformat(),
            "heartbeat": now().isoformat(), "process_id": 1, "worker_name": "Orca"})


def generate(root: Path, sessions: int, start: int = 0) -> None:
    client_dir = root / "Sessions" / "CLIENT_M"
    today = date.today()
    for n in range(start, start + sessions):
        day = today - timedelta(days=n // 2)  # two sessions a day, going back in time
        moment = datetime(day.year, day.month, day.day, 8 + n % 2).astimezone()
        number = 1 + n % 2 + (2 if start else 0)  # later batches: new folders on old days
        write_session(client_dir, f"{day.isoformat()}_{number}", n, moment)


def timed(layout: ShareLayout) -> tuple[float, int]:
    start = time.perf_counter()
    rows = load_rows(layout, "M", now=now())
    return time.perf_counter() - start, len(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="index-bench-") as tmp:
        root = Path(tmp)
        layout = ShareLayout(root)
        generate(root, args.sessions)
        cold, rows = timed(layout)
        warm = statistics.median(timed(layout)[0] for _ in range(args.runs))
        generate(root, 20, start=args.sessions)  # new folders, as the Shopify Tool adds them
        with_new, rows_after = timed(layout)
        result = {
            "benchmark": "session_index",
            "sessions": args.sessions,
            "rows": rows,
            "rows_after_new": rows_after,
            "cold_s": round(cold, 3),
            "warm_s": round(warm, 3),
            "warm_with_new_s": round(with_new, 3),
            "target_s": TARGET_S,
            "index_bytes": index_path(layout, "M").stat().st_size,
        }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: the pre-shift check of a 5,000-order list (target: under 1 s).

Writes real files as the Shopify Tool does: a session with the 5,000-order packing list
(JSON, ``storage.generated``), a second list that shares 1,000 of its orders, the session's
stock file with barcodes for two SKUs in three, the client's barcode map, and order-ledger
records of ``--packed`` orders packed in another session. Then times the whole check as
the Session Browser and ``packing-tool check-list`` run it: reading the list, the stock
file, the map, the other list and the ledger, checking, and keeping ``list_check.json``
(plus the index mark). Prints one JSON object; ``check_s`` is the median of ``--runs``,
``cpu_s`` the median CPU time of this process (its threads included): on a busy machine the
wall time is mostly waiting for a CPU.

Usage: python bench/check_list.py [--orders 5000] [--runs 5] [--packed 300]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from packing_tool.storage.generated import generated_orders, write_generated_session  # noqa: E402
from packing_tool.storage.layout import ShareLayout  # noqa: E402
from packing_tool.storage.ledger_entry import Mark  # noqa: E402
from packing_tool.storage.list_check_store import run_check, save_check  # noqa: E402
from packing_tool.storage.order_ledger import FileOrderLedger  # noqa: E402
from shared import fileio  # noqa: E402

TARGET_S = 1.0
CLIENT, SESSION, LIST = "M", "2026-12-01_1", "DHL_Orders"


def write_share(root: Path, orders: int, packed: int) -> None:
    layout = ShareLayout(root)
    (root / "Clients" / f"CLIENT_{CLIENT}").mkdir(parents=True)
    write_generated_session(root, CLIENT, SESSION, LIST, orders)
    data = generated_orders(orders)
    fileio.atomic_write_json(layout.packing_lists_dir(CLIENT, SESSION) / "Singles.json",
                             {"session_id": SESSION, "orders": data[:1000]})
    skus = sorted({i["sku"] for o in data for i in o["items"]})
    rows = [f"{sku};{3800000000000 + n}" for n, sku in enumerate(skus) if n % 3]
    stock = layout.inventory_file(CLIENT, SESSION)
    stock.parent.mkdir(parents=True, exist_ok=True)
    stock.write_text("Артикул;Баркод\n" + "\n".join(rows) + "\n", encoding="utf-8")
    fileio.atomic_write_json(layout.packer_config(CLIENT), {
        "client_id": CLIENT, "sku_mapping": {f"2000000{n:06d}": sku
                                             for n, sku in enumerate(skus[::9])}})
    ledger = FileOrderLedger(layout, CLIENT)
    other = Mark("2026-11-30_1", "DPD_Orders", station="PACK-02", worker_name="Bench",
                 at="2026-11-30T10:00:00+02:00")
    for raw in data[-packed:] if packed else []:
        ledger.claim(other, raw["order_number"])
        ledger.mark_packed(other, raw["order_number"], datetime.now().astimezone())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--packed", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="check-list-bench-") as tmp:
        root = Path(tmp)
        write_share(root, args.orders, min(args.packed, args.orders))
        layout = ShareLayout(root)
        runs, report = [], None
        for _ in range(args.runs):
            start, cpu = time.perf_counter(), time.process_time()
            report = run_check(layout, CLIENT, SESSION, LIST)
            checked = time.perf_counter()
            save_check(layout, report)
            runs.append({"check_s": round(checked - start, 4),
                         "check_and_save_s": round(time.perf_counter() - start, 4),
                         "cpu_s": round(time.process_time() - cpu, 4)})
        assert report is not None
        kept = (layout.work_dir(CLIENT, SESSION, LIST) / "list_check.json").stat().st_size
        result = {
            "benchmark": "check_list",
            "orders": report.orders,
            "units": report.units,
            "findings": report.findings_total,
            "problems": report.problems,
            "counts": report.to_dict()["counts"],
            "check_s": round(statistics.median(r["check_and_save_s"] for r in runs), 4),
            "check_only_s": round(statistics.median(r["check_s"] for r in runs), 4),
            "best_s": min(r["check_and_save_s"] for r in runs),
            "cpu_s": round(statistics.median(r["cpu_s"] for r in runs), 4),
            "worst_s": max(r["check_and_save_s"] for r in runs),
            "list_check_json_bytes": kept,
            "target_s": TARGET_S,
            "runs": runs,
        }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

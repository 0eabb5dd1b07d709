"""What the keyboard-layout fallback costs per scan: PackerLogic.decide on a 2,000-order list for
a Latin scan (the normal case, one isascii test more) and for the same code typed under the
Bulgarian BDS layout (raw look-up misses, then the readings are tried). Prints JSON.

Usage: python bench/scanner_layouts.py [--orders 2000] [--scans 20000]
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime

from packing_tool.domain.barcodes import SkuIndex, order_key
from packing_tool.domain.events import EventKind
from packing_tool.domain.keyboard_layouts import BDS
from packing_tool.domain.orders import Order, OrderLine, PackingList
from packing_tool.domain.packer import PackerLogic


def per_scan_us(logic: PackerLogic, code: str, scans: int) -> float:
    at = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    start = time.perf_counter()
    for _ in range(scans):
        logic.decide(EventKind.SCAN, at, "w1", "Ana", code=code)
    return (time.perf_counter() - start) / scans * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--scans", type=int, default=20000)
    args = parser.parse_args()
    orders = tuple(Order(f"MC-{100000 + i}", (OrderLine(0, f"MC-SER-{i:04d}-30", "t", 1),))
                   for i in range(args.orders))
    plist = PackingList("DPD", orders)
    index = SkuIndex.for_orders(orders)
    logic = PackerLogic(plist, order_key=order_key, resolve_item=index.lookup)
    label = "MC-100500"
    assert logic.reading(BDS.typed(label)) == label
    print(json.dumps({
        "orders": args.orders, "scans": args.scans,
        "latin_label_us": round(per_scan_us(logic, label, args.scans), 2),
        "bds_label_us": round(per_scan_us(logic, BDS.typed(label), args.scans), 2),
        "unknown_cyrillic_us": round(per_scan_us(logic, "ПЪ-999999", args.scans), 2),
    }))


if __name__ == "__main__":
    main()

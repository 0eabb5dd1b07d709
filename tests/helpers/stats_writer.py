"""A separate process that records statistics, used by the concurrency and kill tests.

    stats_writer.py ROOT KIND COUNT PREFIX [ACK_FILE]

KIND is ``packing`` or ``analysis``. Each record gets the id ``PREFIX-<n>``; after a record
call returns True the id is appended to ACK_FILE, so a test that kills this process knows
which records were acknowledged. COUNT 0 means "until killed".
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from shared.stats_manager import StatsManager


def main() -> int:
    root, kind, count, prefix = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    ack = None
    if len(sys.argv) > 5:
        ack = os.open(sys.argv[5], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    manager = StatsManager(root, lock_timeout=30.0)
    numbers = itertools.count() if count == 0 else range(count)
    for n in numbers:
        record_id = f"{prefix}-{n}"
        if kind == "packing":
            ok = manager.record_packing(
                client_id="M", session_id=record_id, worker_id=prefix, orders_count=1,
                items_count=3, record_id=record_id, packing_list_name="DHL_Orders",
            )
        else:
            ok = manager.record_analysis(
                client_id="M", session_id=record_id, orders_count=2, record_id=record_id,
                metadata={"writer": prefix, "n": n},
            )
        if ok is not True:
            return 2
        if ack is not None:
            os.write(ack, f"{record_id}\n".encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())

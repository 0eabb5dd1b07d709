"""Writes global_stats.json the way the deployed Shopify Tool does (shopify-tool-formats §9).

    deployed_stats_writer.py STATS_FILE COUNT PREFIX

Opens the file ``r+``, polls ``flock(LOCK_EX|LOCK_NB)`` every 0.1 s for up to 5 s, reads,
adds an analysis record, then rewrites in place: seek(0), truncate, json.dump(indent=4),
flush, fsync. No temp file, no rename. Retries five times like the tool.
"""

from __future__ import annotations

import fcntl
import json
import sys
import time
from datetime import datetime


def record(path: str, session_id: str) -> None:
    with open(path, "r+", encoding="utf-8") as fh:
        deadline = time.monotonic() + 5.0
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError("locked") from None
                time.sleep(0.1)
        try:
            fh.seek(0)
            stats = json.load(fh)
            stats["total_orders_analyzed"] += 5
            client = stats["by_client"].setdefault(
                "B", {"orders_analyzed": 0, "orders_packed": 0, "sessions": 0})
            client["orders_analyzed"] += 5
            stats["analysis_history"].append({
                "timestamp": datetime.now().isoformat(), "client_id": "B",
                "session_id": session_id, "orders_count": 5,
                "metadata": {"items_count": 9, "fulfillable_orders": 4},
            })
            stats["analysis_history"] = stats["analysis_history"][-1000:]
            stats["last_updated"] = datetime.now().isoformat()
            fh.seek(0)
            fh.truncate()
            json.dump(stats, fh, indent=4, ensure_ascii=False)
            fh.flush()
            import os

            os.fsync(fh.fileno())
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def main() -> int:
    path, count, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    for n in range(count):
        for attempt in range(5):
            try:
                record(path, f"{prefix}-{n}")
                break
            except (OSError, TimeoutError, ValueError):
                if attempt == 4:
                    raise
                time.sleep(0.1 * (attempt + 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

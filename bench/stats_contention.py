"""Benchmark: records per second when 8 processes record packing into one stats file.

Prints one JSON object. Target (docs/design §4): no record lost, every time.
Usage: python bench/stats_contention.py [--processes 8] [--records 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from shared.stats_manager import StatsManager  # noqa: E402

WRITER = REPO / "tests" / "helpers" / "stats_writer.py"


def one_run(processes: int, records: int) -> dict[str, float | int]:
    with tempfile.TemporaryDirectory(prefix="stats-bench-") as tmp:
        start = time.perf_counter()
        procs = [
            subprocess.Popen([sys.executable, str(WRITER), tmp, "packing", str(records), f"p{p}"])
            for p in range(processes)
        ]
        codes = [proc.wait() for proc in procs]
        elapsed = time.perf_counter() - start
        stats = StatsManager(tmp).get_global_stats()
        expected = processes * records
        ids = {r.get("record_id") for r in stats["packing_history"]}
        return {
            "elapsed_s": round(elapsed, 3),
            "records_per_s": round(expected / elapsed, 1),
            "failed_processes": sum(1 for c in codes if c != 0),
            "lost_records": expected - min(stats["total_sessions"], len(ids)),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--records", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [one_run(args.processes, args.records) for _ in range(args.runs)]
    result = {
        "benchmark": "stats_contention",
        "processes": args.processes,
        "records_per_process": args.records,
        "runs": runs,
        "records_per_s_median": sorted(r["records_per_s"] for r in runs)[len(runs) // 2],
        "any_record_lost": any(r["lost_records"] or r["failed_processes"] for r in runs),
        "target": "no record lost, every time",
    }
    print(json.dumps(result))
    return 1 if result["any_record_lost"] else 0


if __name__ == "__main__":
    sys.exit(main())

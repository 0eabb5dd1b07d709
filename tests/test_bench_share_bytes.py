"""bench/share_bytes.py in a tiny configuration: the JSON's shape, no size thresholds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "share_bytes.py"


def test_tiny_run_reports_bytes_per_scan() -> None:
    proc = subprocess.run([sys.executable, str(BENCH), "--sessions", "5", "--orders", "20"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["benchmark"] == "share_bytes"
    assert doc["orders"] == 20
    assert {"ratio", "ok", "ok_bytes_per_scan", "ok_same_within"} <= set(doc)
    assert doc["ratio"] > 0
    assert set(doc["runs"]) == {"client_sessions_2", "past_sessions_5"}
    for name, run in doc["runs"].items():
        assert run["completed"] is True, name
        assert run["orders_packed"] == 20, name
        assert run["scans"] > 0, name
        for key in ("bytes_total", "bytes_packing", "bytes_ending", "bytes_per_scan",
                    "bytes_per_scan_packing", "bytes_per_scan_ending"):
            assert run[key] > 0, (name, key)
        assert run["bytes_total"] == run["bytes_packing"] + run["bytes_ending"]
        assert sum(run["bytes_by_kind"].values()) == run["bytes_total"]
        for kind in ("journal", "packing_state", "ledger", "progress.json", "session_info",
                     "index", "summary", "stats", "workers", "report"):
            assert run["bytes_by_kind"].get(kind, 0) > 0, (name, kind)
    assert doc["runs"]["past_sessions_5"]["index_rows"] == 6

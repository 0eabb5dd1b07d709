"""bench/scores.py runs at a small size and reports its figures as one JSON object."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "scores.py"


def test_small_scores_bench_prints_its_figures() -> None:
    proc = subprocess.run([sys.executable, str(BENCH), "--orders", "900", "--skus", "60",
                           "--packers", "3", "--lists", "2", "--list-orders", "10",
                           "--runs", "1", "--no-ui"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["benchmark"] == "scores"
    assert result["fit"]["orders"] == 900
    assert result["fit"]["max_pace_error"] < 0.3  # 300 orders a packer: noisy
    assert result["share"] == {**result["share"], "lists": 2, "orders": 20, "cache_used": True}
    assert "ui_stall" not in result

"""SIGKILL while a list is ended, at each step and at random moments; then start again.

After the restart (``simulate --complete --take-over``: same host, so the dead run's lock is
stale at once) the summary, the statistics and the worker profile must agree, with the
list's 5 orders and 8 units counted once and the session counted once.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import HELPERS, PYTHON, SHOPIFY_SERVER
from tests.helpers.simulate_checks import ENTRY_POINT, simulate_args, work_dir, writable_copy

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]  # 200+ real processes

SESSION, LIST, WORKER = "2026-11-21_1", "DHL_Orders", "Crash"
ORDERS, UNITS = 5, 8
RANDOM_RUNS, PARALLEL, SEED = 100, 8, 1121


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _crash(root: Path, target: int, mode: str, scope: str) -> subprocess.Popen[str]:
    args = simulate_args(root, "M", SESSION, LIST, WORKER, complete=True)
    return subprocess.Popen([PYTHON, str(HELPERS / "completion_crash.py"), str(target), mode,
                             scope, "--", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _restart_started(root: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([str(ENTRY_POINT), *simulate_args(
        root, "M", SESSION, LIST, WORKER, complete=True, take_over=True)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _restart(root: Path) -> subprocess.CompletedProcess[str]:
    proc = _restart_started(root)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _check_agree(root: Path, baseline: dict[str, Any]) -> None:
    folder = work_dir(root, "M", SESSION, LIST)
    summary = _json(folder / "session_summary.json")
    stats = _json(root / "Stats" / "global_stats.json")
    workers = {w["name"]: w for w in _json(root / "Workers" / "workers.json")["workers"]}
    info = _json(root / "Sessions" / "CLIENT_M" / SESSION / "session_info.json")
    assert (summary["completed_orders"], summary["packed_items"]) == (ORDERS, UNITS)
    assert summary["counted"]["completions"] == 1
    assert stats["total_orders_packed"] - baseline["total_orders_packed"] == ORDERS
    assert stats.get("total_items_packed", 0) - baseline.get("total_items_packed", 0) == UNITS
    assert stats["total_sessions"] - baseline["total_sessions"] == 1
    mine = [r for r in stats["packing_history"] if r.get("packing_list_name") == LIST]
    assert len(mine) == 1
    assert mine[0]["session_id"] == SESSION
    worker = workers[WORKER]
    assert (worker["total_sessions"], worker["total_orders"], worker["total_items"]) == (
        1, ORDERS, UNITS)
    assert worker["total_duration_seconds"] == pytest.approx(summary["duration_seconds"], abs=0.1)
    assert info["packing_progress"][LIST]["status"] == "completed"
    assert not (folder / "completion_plan.json").exists()
    assert not (folder / "completion.tx.json").exists()


@pytest.fixture
def packed(tmp_path: Path) -> Path:
    """A share whose list is packed but not yet ended."""
    root = writable_copy(SHOPIFY_SERVER, tmp_path / "packed")
    run = subprocess.run([str(ENTRY_POINT), *simulate_args(root, "M", SESSION, LIST, WORKER)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    return root


@pytest.mark.share
def test_a_kill_at_each_step_of_ending_recovers_to_one_count(tmp_path: Path,
                                                             packed: Path) -> None:
    baseline = _json(SHOPIFY_SERVER / "Stats" / "global_stats.json")
    steps = 0
    for target in range(1, 60):
        for mode in ("before", "after"):
            root = tmp_path / f"k{target}{mode}"
            shutil.copytree(packed, root)
            proc = _crash(root, target, mode, "ending")
            _, err = proc.communicate(timeout=120)
            if proc.returncode == 0:  # fewer writes than ``target``: it simply finished
                _check_agree(root, baseline)
                assert steps >= 6, f"the ending made only {steps} writes: {err}"
                return
            assert proc.returncode == -9, err
            steps = target
            again = _restart(root)
            assert again.returncode == 0, again.stderr
            _check_agree(root, baseline)
    pytest.fail("the ending never finished within 60 writes")


def test_kills_at_random_moments_in_100_runs(tmp_path: Path) -> None:
    baseline = _json(SHOPIFY_SERVER / "Stats" / "global_stats.json")
    rng = random.Random(SEED)
    probe = writable_copy(SHOPIFY_SERVER, tmp_path / "probe")
    proc = _crash(probe, 10**6, "before", "all")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    total = int(err.strip().rsplit("writes=", 1)[1])
    assert total > 10
    killed = 0
    for start in range(0, RANDOM_RUNS, PARALLEL):
        runs = []
        for run in range(start, min(start + PARALLEL, RANDOM_RUNS)):
            root = writable_copy(SHOPIFY_SERVER, tmp_path / f"r{run}")
            target, mode = rng.randint(1, total), rng.choice(("before", "after"))
            runs.append((root, _crash(root, target, mode, "all")))
        for _root, proc in runs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode in (0, -9), err
            killed += proc.returncode == -9
        restarts = [(root, _restart_started(root)) for root, _ in runs]
        for root, proc in restarts:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            _check_agree(root, baseline)
            shutil.rmtree(root)
    assert killed >= RANDOM_RUNS * 0.7  # a run may make fewer writes than the probe did

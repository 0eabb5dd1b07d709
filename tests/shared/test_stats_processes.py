"""Real processes on one stats file: contention, the deployed tool beside us, and SIGKILLs."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shared.stats_manager import StatsManager
from tests.conftest import HELPERS, PYTHON, SHOPIFY_SERVER
from tests.helpers.processes import run_all

pytestmark = pytest.mark.slow

WRITER = str(HELPERS / "stats_writer.py")
DEPLOYED = str(HELPERS / "deployed_stats_writer.py")


@pytest.mark.share
def test_eight_packers_and_four_analysers_on_a_fresh_folder(tmp_path: Path) -> None:
    root = tmp_path / "share"
    commands = [[PYTHON, WRITER, str(root), "packing", "100", f"pack{p}"] for p in range(8)]
    commands += [[PYTHON, WRITER, str(root), "analysis", "100", f"anal{p}"] for p in range(4)]
    assert not (root / "Stats" / "global_stats.json").exists()
    run_all(commands)

    stats = StatsManager(root).get_global_stats()
    assert stats["total_orders_packed"] == 800
    assert stats["total_items_packed"] == 2400
    assert stats["total_sessions"] == 800
    assert stats["total_orders_analyzed"] == 800
    assert stats["by_client"]["M"] == {"orders_analyzed": 800, "orders_packed": 800,
                                       "sessions": 800}
    packed = {r["session_id"] for r in stats["packing_history"]}
    analysed = {r["session_id"] for r in stats["analysis_history"]}
    assert packed == {f"pack{p}-{n}" for p in range(8) for n in range(100)}
    assert analysed == {f"anal{p}-{n}" for p in range(4) for n in range(100)}
    for p in range(8):
        assert stats["workers"][f"pack{p}"]["orders_packed"] == 100


@pytest.mark.share
def test_deployed_shopify_tool_writing_at_the_same_time(tmp_path: Path) -> None:
    stats_dir = tmp_path / "Stats"
    shutil.copytree(SHOPIFY_SERVER / "Stats", stats_dir)
    stats_file = stats_dir / "global_stats.json"
    commands = [[PYTHON, WRITER, str(tmp_path), "packing", "100", f"ours{p}"] for p in range(2)]
    commands += [[PYTHON, DEPLOYED, str(stats_file), "60", f"theirs{p}"] for p in range(2)]
    run_all(commands)

    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    assert stats["total_orders_packed"] == 200
    assert stats["total_orders_analyzed"] == 624 + 2 * 60 * 5
    assert stats["by_client"]["B"]["orders_analyzed"] == 80 + 600
    theirs = {r["session_id"] for r in stats["analysis_history"]}
    assert {f"theirs{p}-{n}" for p in range(2) for n in range(60)} <= theirs
    assert len(stats["analysis_history"]) == 3 + 120
    ours = {r["session_id"] for r in stats["packing_history"]}
    assert ours == {f"ours{p}-{n}" for p in range(2) for n in range(100)}
    assert stats["clients"]["M"]["items_packed"] == 600


def _acked(ack_file: Path) -> set[str]:
    if not ack_file.exists():
        return set()
    return {line for line in ack_file.read_text().splitlines() if line}


@pytest.mark.timeout(600)
def test_writers_killed_at_random_moments_lose_nothing_acknowledged(tmp_path: Path) -> None:
    rng = random.Random(20261121)
    kills = 0
    rounds = 100
    for round_no in range(rounds):
        root = tmp_path / f"r{round_no}"
        ack = tmp_path / f"r{round_no}.ack"
        procs = [
            subprocess.Popen([PYTHON, WRITER, str(root), "packing", "0", f"w{round_no}-{k}",
                              str(ack)])
            for k in range(2)
        ]
        time.sleep(rng.uniform(0.08, 0.35))
        for proc in procs:
            os.kill(proc.pid, signal.SIGKILL)
        for proc in procs:
            proc.wait(timeout=30)
            assert proc.returncode == -signal.SIGKILL
            kills += 1

        acknowledged = _acked(ack)
        stats = StatsManager(root).get_global_stats()  # recovers a torn file if needed
        recorded = {r["record_id"] for r in stats["packing_history"]}
        assert acknowledged <= recorded, f"round {round_no}: lost {acknowledged - recorded}"
        assert stats["total_sessions"] == len(stats["packing_history"]) == len(recorded)
        stats_file = root / "Stats" / "global_stats.json"
        if stats_file.exists():
            json.loads(stats_file.read_text(encoding="utf-8"))  # parses after the read
    assert kills >= 200


STEP_KILLER = """
import os, signal, sys
sys.path.insert(0, {repo!r})
from shared import fileio
from shared.stats_manager import StatsManager

step = {step!r}
def torn_rewrite(fh, path, payload):
    if step == "before-sidecar":
        os.kill(os.getpid(), signal.SIGKILL)
    fileio.atomic_write_bytes(fileio.sidecar_path(path), payload)
    if step == "after-sidecar":
        os.kill(os.getpid(), signal.SIGKILL)
    fh.seek(0); fh.truncate(); fh.flush()
    if step == "after-truncate":
        os.kill(os.getpid(), signal.SIGKILL)
    fh.write(payload[: len(payload) // 2]); fh.flush()
    if step == "half-written":
        os.kill(os.getpid(), signal.SIGKILL)
    fh.write(payload[len(payload) // 2:]); fh.flush()
    os.kill(os.getpid(), signal.SIGKILL)

manager = StatsManager({root!r})
for n in range(3):
    manager.record_packing("M", f"good-{{n}}", "001", 1, 2, record_id=f"good-{{n}}")
fileio._rewrite_in_place = torn_rewrite
manager.record_packing("M", "doomed", "001", 1, 2, record_id="doomed")
"""


@pytest.mark.share
@pytest.mark.parametrize(
    "step", ["before-sidecar", "after-sidecar", "after-truncate", "half-written", "unsynced"]
)
def test_kill_at_each_step_of_an_in_place_rewrite(tmp_path: Path, step: str) -> None:
    repo = str(Path(__file__).resolve().parents[2])
    code = STEP_KILLER.format(repo=repo, step=step, root=str(tmp_path))
    proc = subprocess.run([PYTHON, "-c", code], capture_output=True, timeout=60, check=False)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()

    stats = StatsManager(tmp_path).get_global_stats()
    ids = [r["record_id"] for r in stats["packing_history"]]
    assert ids[:3] == ["good-0", "good-1", "good-2"]
    assert set(ids) <= {"good-0", "good-1", "good-2", "doomed"}
    assert stats["total_sessions"] == len(ids)
    json.loads((tmp_path / "Stats" / "global_stats.json").read_text(encoding="utf-8"))
    if step in ("after-truncate", "half-written"):
        assert ids[-1] == "doomed"  # the sidecar held the new content: rolled forward


@pytest.mark.share
def test_a_second_process_waits_for_a_held_lock(tmp_path: Path) -> None:
    manager = StatsManager(tmp_path)
    manager.record_analysis("M", "s0", 1)
    with open(manager.stats_file, "r+b") as holder:
        from shared import fileio

        with fileio.lock_file(holder):
            proc = subprocess.Popen([PYTHON, WRITER, str(tmp_path), "analysis", "1", "late"])
            time.sleep(0.5)
            assert proc.poll() is None  # blocked on our lock
        assert proc.wait(timeout=30) == 0
    assert sys.platform != "win32"
    assert manager.get_global_stats()["total_orders_analyzed"] == 3

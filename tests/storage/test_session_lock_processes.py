"""The list lock across real processes: races for one lock, a SIGKILLed holder."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from packing_tool.storage.lock_info import LOCK_FILENAME, LockInfo, read_lock
from packing_tool.storage.session_lock import HISTORY_FILENAME, LockHeldError, SessionLockManager
from tests.conftest import HELPERS, PYTHON

pytestmark = [pytest.mark.slow, pytest.mark.share]

ROUNDS = 100


@pytest.mark.parametrize("processes", [2, 8])
def test_racing_processes_have_exactly_one_winner_per_round(tmp_path: Path, processes: int):
    work, out = tmp_path / "packing" / "DHL_Orders", tmp_path / "results"
    out.mkdir()
    run = subprocess.run(
        [PYTHON, str(HELPERS / "lock_racer.py"), str(work), str(out), str(processes),
         str(ROUNDS)], capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    winners_seen = set()
    for number in range(ROUNDS):
        results = [json.loads((out / f"{number:03d}-{i}.json").read_text())
                   for i in range(processes)]
        winners = [r for r in results if r["won"]]
        assert len(winners) == 1, f"round {number}: {len(winners)} holders"
        winner = winners[0]
        assert winner["on_disk"] == winner["lock_id"]
        winners_seen.add(winner["worker"])
        for loser in (r for r in results if not r["won"]):
            assert loser["holder_lock_id"] == winner["lock_id"]
            assert loser["holder_worker"] == winner["worker"]
            assert f"worker {winner['worker']}," in loser["message"]
            assert loser["stale"] is False
    assert len(winners_seen) > 1  # a real race, not one process always first
    assert read_lock(work) is None  # every winner released
    events = [json.loads(line)["event"]
              for line in (work / HISTORY_FILENAME).read_text().splitlines()]
    assert events == ["acquire", "release"] * ROUNDS
    assert [p.name for p in work.iterdir() if ".tmp" in p.name] == []


def start_holder(tmp_path: Path, work: Path, heartbeat: float) -> tuple[subprocess.Popen[bytes],
                                                                         LockInfo]:
    ready = tmp_path / "ready.json"
    proc = subprocess.Popen([PYTHON, str(HELPERS / "lock_holder.py"), str(work), str(ready),
                             str(heartbeat)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not ready.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            _, err = proc.communicate()
            pytest.fail(f"holder never got the lock: {err.decode(errors='replace')}")
        time.sleep(0.01)
    info = LockInfo.from_dict(json.loads(ready.read_text()))
    assert info is not None
    return proc, info


def test_a_killed_holder_is_stale_at_once_and_can_be_taken_over(tmp_path: Path):
    work = tmp_path / "packing" / "DHL_Orders"
    proc, holder = start_holder(tmp_path, work, heartbeat=0.05)
    manager = SessionLockManager(worker_id="w2", worker_name="Taker", heartbeat_seconds=3600)
    try:
        deadline = time.monotonic() + 10
        while read_lock(work).heartbeat == holder.heartbeat:  # its heartbeat runs
            assert time.monotonic() < deadline, "the holder never beat"
            time.sleep(0.01)
        with pytest.raises(LockHeldError) as alive:
            manager.acquire(work)
        assert alive.value.stale is False
        assert alive.value.holder.lock_id == holder.lock_id
        assert "worker Holder" in str(alive.value)
        with pytest.raises(LockHeldError):
            manager.take_over(work, alive.value.holder, reason="too early")
        assert read_lock(work).lock_id == holder.lock_id

        proc.kill()
        proc.communicate(timeout=10)  # reaped, pipes closed
        with pytest.raises(LockHeldError) as dead:
            manager.acquire(work)  # no waiting for the heartbeat to age: the pid is gone
        assert dead.value.stale is True
        assert "no longer runs" in str(dead.value)
        assert (work / LOCK_FILENAME).exists()  # acquire never removes it

        lock = manager.take_over(work, dead.value.holder, reason="station crashed")
        assert read_lock(work) == lock.info
        kept = list(work.glob(f"{LOCK_FILENAME}.taken-*"))
        assert len(kept) == 1
        assert json.loads(kept[0].read_text())["lock_id"] == holder.lock_id
        lines = [json.loads(line) for line in (work / HISTORY_FILENAME).read_text().splitlines()]
        assert [line["event"] for line in lines] == ["acquire", "takeover"]
        assert lines[1]["from"]["lock_id"] == holder.lock_id
        assert lines[1]["reason"] == "station crashed"
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)
        manager.close()
    assert read_lock(work) is None

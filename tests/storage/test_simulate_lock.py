"""``simulate`` against a list another live process holds, and after that process is killed."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

from packing_tool.storage.lock_info import host_name
from tests.conftest import HELPERS, PYTHON, SHOPIFY_SERVER
from tests.helpers.simulate_checks import (
    ENTRY_POINT,
    last_json,
    simulate_args,
    work_dir,
    writable_copy,
)

SESSION, LIST = "2026-11-21_1", "DHL_Orders"


def _simulate(root: Path, *, take_over: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ENTRY_POINT), *simulate_args(root, "M", SESSION, LIST,
                                                            take_over=take_over)],
                          capture_output=True, text=True, timeout=120, check=False)


def test_a_held_list_is_refused_naming_the_holder_then_taken_over(tmp_path: Path) -> None:
    root = writable_copy(SHOPIFY_SERVER, tmp_path / "server")
    folder = work_dir(root, "M", SESSION, LIST)
    ready = tmp_path / "ready.json"
    holder = subprocess.Popen([PYTHON, str(HELPERS / "lock_holder.py"), str(folder), str(ready),
                               "0.2"])
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            assert time.monotonic() < deadline, "the holder never took the lock"
            time.sleep(0.02)
        lock = json.loads(ready.read_text())

        refused = _simulate(root)
        assert refused.returncode == 3
        assert refused.stdout == ""
        for part in ("Holder", host_name(), lock["lock_time"][:16]):
            assert part in refused.stderr
        forced = _simulate(root, take_over=True)  # a live holder is never taken over
        assert forced.returncode == 3, forced.stderr
        assert not (folder / "scan_journal.jsonl").exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()

    stale = _simulate(root)  # its process is gone: stale at once, but only taken when asked
    assert stale.returncode == 3
    assert "stale" in stale.stderr
    taken = _simulate(root, take_over=True)
    assert taken.returncode == 0, taken.stderr
    assert last_json(taken.stdout)["orders_packed"] == 5
    history = [json.loads(x) for x in (folder / "lock_history.jsonl").read_text().splitlines()]
    takeover = [h for h in history if h["event"] == "takeover"]
    assert len(takeover) == 1
    assert takeover[0]["from"]["worker_name"] == "Holder"

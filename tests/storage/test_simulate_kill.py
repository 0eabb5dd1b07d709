"""`simulate` killed with SIGKILL 50 times in the middle of packing a 2,000-order list.

Each run is killed at a random moment after it has started appending to the journal (so the
kill lands inside the packing, whatever the engine's speed), then the next run resumes. A
final run packs the rest. The journal must then hold every order completed exactly once and
every unit counted exactly once, with seq numbers 1..N and no gap.
"""

from __future__ import annotations

import json
import random
import subprocess
import time
from pathlib import Path

import pytest

from packing_tool.storage.generated import write_generated_session
from tests.helpers.simulate_checks import (
    ENTRY_POINT,
    check_packed_exactly,
    expected_from,
    last_json,
    read_journal,
    simulate_args,
    work_dir,
)

pytestmark = pytest.mark.slow

SESSION = "2026-11-21_1"
LIST = "Generated"
ORDERS = 2000
KILLS = 50
SEED = 20261121
RUN_LIMIT = 60.0  # seconds one run may take to reach its kill point before the test fails


def _resume_args(root: Path) -> list[str]:
    """A killed run leaves its lock; this host sees its process gone, so it is taken over."""
    return simulate_args(root, "M", SESSION, LIST, take_over=True)


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _kill_inside_packing(root: Path, journal: Path, rng: random.Random, total_events: int,
                         kills_left: int) -> bool:
    """Start a run, SIGKILL it once the journal has grown by a random share of what is left.

    Returns True when the kill hit a live process that had appended in this run.
    """
    start_size = journal.stat().st_size if journal.exists() else 0
    done = _lines(journal)
    per_event = start_size / done if done else 200.0
    left_bytes = (total_events - done) * per_event
    target = start_size + max(1.0, rng.uniform(0.2, 1.6) * left_bytes / (kills_left + 2))
    proc = subprocess.Popen([str(ENTRY_POINT), *_resume_args(root)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + RUN_LIMIT
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if journal.exists() and journal.stat().st_size >= target:
                # Somewhere in the scan path, not only right after a write.
                time.sleep(rng.uniform(0.0, 0.01))
                break
            time.sleep(0.002)
        alive = proc.poll() is None
        grew = journal.exists() and journal.stat().st_size > start_size
        if alive and not grew:
            pytest.fail(f"run made no scan within {RUN_LIMIT} s")
        proc.kill()
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    if not alive:
        # It ended on its own: only a clean, complete run is acceptable.
        assert proc.returncode == 0, err
        assert last_json(out)["orders_packed"] == ORDERS, out
    return alive and grew


@pytest.mark.timeout(900)
def test_fifty_kills_during_packing_lose_and_double_nothing(tmp_path: Path) -> None:
    started = time.monotonic()
    root = tmp_path / "server"
    list_json = write_generated_session(root, "M", SESSION, LIST, ORDERS, seed=SEED)
    expected = expected_from(list_json)
    assert len(expected.orders) == ORDERS
    total_events = ORDERS + expected.units  # one label scan per order, one scan per unit
    journal = work_dir(root, "M", SESSION, LIST) / "scan_journal.jsonl"

    rng = random.Random(SEED)
    landed, marks = 0, []
    for i in range(KILLS):
        landed += _kill_inside_packing(root, journal, rng, total_events, KILLS - i)
        marks.append(_lines(journal))  # complete events on disk after this kill
    assert landed >= KILLS - 5, f"only {landed} of {KILLS} kills landed inside the packing"
    assert marks[-1] < total_events, "the kills left nothing for the final run"
    # Spread over the whole packing, not bunched at its start or end.
    assert marks[0] < total_events / 4 < 3 * total_events / 4 < marks[-1], marks

    final = subprocess.run([str(ENTRY_POINT), *_resume_args(root)],
                           capture_output=True, text=True, timeout=600, check=False)
    assert final.returncode == 0, final.stderr
    result = last_json(final.stdout)
    assert result["orders_packed"] == result["orders_total"] == ORDERS
    assert result["items_packed"] == result["items_total"] == expected.units
    assert result["scans"] > 0

    facts = read_journal(journal)
    check_packed_exactly(facts, expected)
    assert len(facts.events) == total_events, "a unit or label was scanned twice"
    state = json.loads((journal.parent / "packing_state.json").read_text(encoding="utf-8"))
    assert state["progress"]["completed_orders"] == ORDERS
    assert state["last_seq"] == len(facts.events)
    print(f"kill test: {landed} kills inside packing, {len(facts.events)} events, "
          f"{time.monotonic() - started:.1f} s; events on disk after each kill: {marks}")

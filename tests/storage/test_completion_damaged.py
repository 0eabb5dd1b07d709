"""A damaged ending plan or transaction journal never blocks a list for good.

The ending is cut by a real SIGKILL right after its plan is written; then the plan (or the
journal) is garbled by hand. Opening the list again rolls the ending forward from the
summaries: the statistics count the list once, the damaged bytes are kept aside.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from packing_tool.simulate import simulate
from packing_tool.storage.completion import PENDING_SUMMARY, PLAN_FILENAME, TX_FILENAME
from packing_tool.storage.generated import write_generated_session
from packing_tool.storage.layout import ShareLayout
from tests.conftest import HELPERS

SESSION = "2026-11-21_1"


def _cut_after_plan(root: Path) -> Path:
    """Pack the list, then end it in a process killed right after the plan is written."""
    simulate(root, "M", SESSION, "Courier", "Иван Петров")
    work = ShareLayout(root).work_dir("M", SESSION, "Courier")
    args = ["--root", str(root), "simulate", "--client", "M", "--session", SESSION,
            "--list", "Courier", "--worker", "Иван Петров", "--complete", "--take-over"]
    for write in range(1, 6):
        subprocess.run([sys.executable, str(HELPERS / "completion_crash.py"), str(write),
                        "after", "ending", "--", *args], capture_output=True, timeout=120,
                       check=False)
        if (work / PLAN_FILENAME).is_file():
            return work
    raise AssertionError("no kill landed after the plan was written")


def _stats(root: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((root / "Stats" / "global_stats.json").read_text())
    return data


def _finish(root: Path) -> dict[str, object]:
    """Open the list again (take over the killed run's lock) and end it, as a packer would."""
    from packing_tool.simulate import simulate as run

    return run(root, "M", SESSION, "Courier", "Иван Петров", complete=True, take_over=True)


def test_a_garbled_plan_is_made_again_from_the_pending_summary(tmp_path: Path) -> None:
    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 6, seed=8)
    work = _cut_after_plan(root)
    assert (work / PENDING_SUMMARY).is_file()
    (work / PLAN_FILENAME).write_bytes(b'{"version": "1.1", "records": [{"wor')
    result = _finish(root)
    assert result["orders_packed"] == 6
    assert not (work / PLAN_FILENAME).exists()
    assert [p.name for p in work.glob(f"{PLAN_FILENAME}.corrupt-*")]
    assert _stats(root)["total_orders_packed"] == 6
    summary = json.loads((work / "session_summary.json").read_text("utf-8"))
    assert summary["counted"]["completions"] == 1


def test_a_garbled_transaction_journal_is_kept_aside_and_the_steps_run_again(
        tmp_path: Path) -> None:
    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 6, seed=8)
    work = _cut_after_plan(root)
    (work / TX_FILENAME).write_bytes(b"\x00\x00garbage")
    _finish(root)
    assert not (work / TX_FILENAME).exists()
    assert [p.name for p in work.glob(f"{TX_FILENAME}.corrupt-*")]
    assert _stats(root)["total_orders_packed"] == 6


def test_a_garbled_plan_after_the_summary_moved_unblocks_the_list(tmp_path: Path) -> None:
    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 6, seed=8)
    simulate(root, "M", SESSION, "Courier", "Иван Петров", complete=True)
    work = ShareLayout(root).work_dir("M", SESSION, "Courier")
    (work / PLAN_FILENAME).write_bytes(b"garbled")  # as if the rest of the ending was lost
    result = _finish(root)  # opens and ends again: nothing new, nothing counted twice
    assert result["orders_packed"] == 6
    assert not (work / PLAN_FILENAME).exists()
    assert _stats(root)["total_orders_packed"] == 6

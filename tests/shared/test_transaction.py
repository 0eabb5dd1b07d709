"""Multi-file transactions on real files: prepare failures, rollbacks, resumes and SIGKILLs."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from shared import fileio
from shared.stats_manager import StatsManager
from shared.transaction import (
    FileUpdate,
    PendingTransactionError,
    atomic_multi_file_update,
    resume_multi_file_update,
)
from tests.helpers.transaction_crash import build_steps, make_root, paths

CRASH = Path(__file__).resolve().parents[1] / "helpers" / "transaction_crash.py"
STEPS = 5
EVENTS = 1 + 2 * STEPS  # the journal's creation, then each step and its mark in the journal


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def setting(key: str, value: Any) -> Callable[[dict[str, Any] | None], dict[str, Any]]:
    def transform(current: dict[str, Any] | None) -> dict[str, Any]:
        return {**(current or {}), key: value}
    return transform


class Calls:
    """A callable step that counts its runs and fails on the runs it is told to."""

    def __init__(self, fail_on: tuple[int, ...] = (), result: object = True) -> None:
        self.runs = 0
        self.fail_on = fail_on
        self.result = result

    def __call__(self) -> object:
        self.runs += 1
        if self.runs in self.fail_on:
            raise OSError(f"failure on run {self.runs}")
        return self.result


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """One existing file written by hand (BOM, odd spacing) and one that does not exist yet."""
    existing = tmp_path / "workers.json"
    existing.write_bytes(b'\xef\xbb\xbf{"workers":   [],\r\n "version": "1.0"}')
    return {"existing": existing, "new": tmp_path / "packing" / "session_summary.json",
            "journal": tmp_path / "tx.journal.json"}


# --------------------------------------------------------------------------- success


def test_all_steps_run_in_order(files: dict[str, Path]) -> None:
    order: list[str] = []
    steps = [
        FileUpdate(files["existing"], lambda cur: {**(cur or {}), "workers": ["w1"]}),
        lambda: order.append("call"),
        FileUpdate(files["new"], lambda cur: {"created": cur is None}),
    ]
    assert atomic_multi_file_update(steps) is True
    assert order == ["call"]
    assert json.loads(files["existing"].read_bytes()) == {"workers": ["w1"], "version": "1.0"}
    assert files["new"].read_bytes() == fileio.dumps({"created": True}).encode()


def test_the_journal_records_the_plan_and_progress(files: dict[str, Path]) -> None:
    seen: list[dict[str, Any]] = []

    def look() -> None:
        seen.append(json.loads(files["journal"].read_bytes()))

    steps = [FileUpdate(files["new"], setting("a", 1)), look,
             FileUpdate(files["existing"], setting("b", 2)), look]
    assert atomic_multi_file_update(steps, files["journal"]) is True
    first, second = seen
    assert first["version"] == "1.0"
    assert first["step_count"] == 4
    assert first["transaction_id"] == second["transaction_id"]
    assert first["steps"][0] == {"kind": "file", "path": str(files["new"]), "content": {"a": 1}}
    assert first["steps"][1] == {"kind": "call", "name": "test_the_journal_records_the_plan_"
                                 "and_progress.<locals>.look"}
    assert first["steps"][2]["content"] == {"workers": [], "version": "1.0", "b": 2}
    assert first["done"] == [0]
    assert second["done"] == [0, 1, 2]
    assert not files["journal"].exists()


def test_same_file_twice_sees_the_first_update(files: dict[str, Path]) -> None:
    steps = [FileUpdate(files["existing"], setting("n", 1)),
             FileUpdate(files["existing"], lambda cur: {**(cur or {}), "n": (cur or {})["n"] + 1})]
    assert atomic_multi_file_update(steps) is True
    assert json.loads(files["existing"].read_bytes())["n"] == 2


# --------------------------------------------------------------------------- prepare failures


def test_a_failing_transform_writes_nothing(
    files: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    before = snapshot(files["existing"].parent)
    call = Calls()

    def broken(current: dict[str, Any] | None) -> dict[str, Any]:
        raise KeyError("worker_001")

    steps = [FileUpdate(files["new"], setting("a", 1)), call,
             FileUpdate(files["existing"], broken)]
    with caplog.at_level(logging.ERROR, logger="shared.transaction"):
        assert atomic_multi_file_update(steps, files["journal"]) is False
    assert snapshot(files["existing"].parent) == before
    assert call.runs == 0
    assert "nothing was written" in caplog.text
    assert "worker_001" in caplog.text


@pytest.mark.parametrize(
    "transform",
    [lambda cur: ["not", "a", "dict"], lambda cur: {"when": object()}],
    ids=["not-a-dict", "not-json"],
)
def test_a_bad_new_content_writes_nothing(
    files: dict[str, Path], transform: Callable[[Any], Any]
) -> None:
    before = snapshot(files["existing"].parent)
    steps = [FileUpdate(files["new"], setting("a", 1)), FileUpdate(files["existing"], transform)]
    assert atomic_multi_file_update(steps, files["journal"]) is False
    assert snapshot(files["existing"].parent) == before


@pytest.mark.parametrize("content", [b"{broken", b"[1, 2]", b"\xff\xfe"])
def test_an_unreadable_target_writes_nothing(files: dict[str, Path], content: bytes) -> None:
    files["existing"].write_bytes(content)
    before = snapshot(files["existing"].parent)
    steps = [FileUpdate(files["new"], setting("a", 1)),
             FileUpdate(files["existing"], setting("b", 2))]
    assert atomic_multi_file_update(steps) is False
    assert snapshot(files["existing"].parent) == before


def test_a_step_that_is_not_callable_writes_nothing(files: dict[str, Path]) -> None:
    before = snapshot(files["existing"].parent)
    steps: list[Any] = [FileUpdate(files["new"], setting("a", 1)), "record_packing"]
    assert atomic_multi_file_update(steps) is False
    assert snapshot(files["existing"].parent) == before


# --------------------------------------------------------------------------- rollback


@pytest.mark.parametrize("journaled", [True, False])
def test_a_failing_callable_rolls_file_updates_back(
    files: dict[str, Path], journaled: bool, caplog: pytest.LogCaptureFixture
) -> None:
    before = snapshot(files["existing"].parent)
    after = Calls()
    steps = [FileUpdate(files["existing"], setting("workers", ["w1"])),
             FileUpdate(files["new"], setting("a", 1)),
             Calls(fail_on=(1,)), after]
    with caplog.at_level(logging.WARNING, logger="shared.transaction"):
        ok = atomic_multi_file_update(steps, files["journal"] if journaled else None)
    assert ok is False
    assert snapshot(files["existing"].parent) == before  # byte for byte, new file removed
    assert after.runs == 0
    assert "rolled back 2 file write(s)" in caplog.text


def test_a_callable_returning_false_is_a_failure(files: dict[str, Path]) -> None:
    before = snapshot(files["existing"].parent)
    steps = [FileUpdate(files["existing"], setting("x", 1)), Calls(result=False)]
    assert atomic_multi_file_update(steps, files["journal"]) is False
    assert snapshot(files["existing"].parent) == before


def test_a_failing_file_write_rolls_back_earlier_ones(files: dict[str, Path]) -> None:
    (files["existing"].parent / "blocker").write_text("a file where a folder must go")
    before = snapshot(files["existing"].parent)
    steps = [FileUpdate(files["existing"], setting("x", 1)),
             FileUpdate(files["existing"].parent / "blocker" / "inner.json", setting("y", 2))]
    assert atomic_multi_file_update(steps, files["journal"]) is False
    assert snapshot(files["existing"].parent) == before


# --------------------------------------------------------------------------- roll forward


def test_failure_after_a_callable_keeps_the_journal_and_resume_finishes(tmp_path: Path) -> None:
    stats = StatsManager(tmp_path / "Stats")
    summary, workers = tmp_path / "session_summary.json", tmp_path / "workers.json"
    journal = tmp_path / "end.journal.json"
    first = Calls()
    first_runs = []

    def record_first() -> bool:
        first_runs.append(1)
        return stats.record_packing(client_id="M", session_id="S1", worker_id="worker_001",
                                    orders_count=3, items_count=6, record_id="S1::DHL")

    second_runs = []

    def record_second() -> bool:
        # Recorded, then the connection drops before the answer: it will run again.
        stats.record_packing(client_id="M", session_id="S1", worker_id="worker_001",
                             orders_count=2, items_count=4, record_id="S1::DPD")
        second_runs.append(1)
        if len(second_runs) == 1:
            raise OSError("connection reset")
        return True

    steps = [FileUpdate(summary, setting("session_id", "S1")), record_first, first,
             record_second, FileUpdate(workers, setting("workers", ["worker_001"]))]
    assert atomic_multi_file_update(steps, journal) is False
    assert journal.exists()
    assert json.loads(journal.read_bytes())["done"] == [0, 1, 2]
    assert json.loads(summary.read_bytes()) == {"session_id": "S1"}  # not rolled back
    assert not workers.exists()
    with pytest.raises(PendingTransactionError):
        atomic_multi_file_update(steps, journal)

    assert resume_multi_file_update(journal, steps) is True
    assert not journal.exists()
    assert json.loads(workers.read_bytes()) == {"workers": ["worker_001"]}
    assert (len(first_runs), first.runs, len(second_runs)) == (1, 1, 2)
    doc = stats.get_global_stats()
    assert doc["total_sessions"] == 2  # the second record ran twice but counts once
    assert doc["total_orders_packed"] == 5
    assert doc["total_items_packed"] == 10
    assert doc["recorded_ids"] == ["S1::DHL", "S1::DPD"]
    assert resume_multi_file_update(journal, steps) is True  # nothing left to do


def test_resume_that_fails_again_keeps_its_progress(tmp_path: Path) -> None:
    journal = tmp_path / "j.json"
    flaky = Calls(fail_on=(1, 2))
    steps = [Calls(), FileUpdate(tmp_path / "a.json", setting("a", 1)), flaky,
             FileUpdate(tmp_path / "b.json", setting("b", 1))]
    assert atomic_multi_file_update(steps, journal) is False
    assert resume_multi_file_update(journal, steps) is False
    assert json.loads(journal.read_bytes())["done"] == [0, 1]
    assert not (tmp_path / "b.json").exists()
    assert resume_multi_file_update(journal, steps) is True
    assert json.loads((tmp_path / "b.json").read_bytes()) == {"b": 1}


def test_resume_writes_journaled_content_not_a_new_transform(tmp_path: Path) -> None:
    counter = tmp_path / "counter.json"
    fileio.atomic_write_json(counter, {"n": 1})
    journal = tmp_path / "j.json"

    def bump(current: dict[str, Any] | None) -> dict[str, Any]:
        return {"n": (current or {"n": 0})["n"] + 1}

    steps = [Calls(), Calls(fail_on=(1,)), FileUpdate(counter, bump)]
    assert atomic_multi_file_update(steps, journal) is False
    fileio.atomic_write_json(counter, {"n": 41})  # whatever happens meanwhile
    assert resume_multi_file_update(journal, steps) is True
    assert counter.read_bytes() == fileio.dumps({"n": 2}).encode()


def test_resume_refuses_other_steps(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    journal = tmp_path / "j.json"
    steps = [Calls(), Calls(fail_on=(1,)), FileUpdate(tmp_path / "a.json", setting("a", 1))]
    assert atomic_multi_file_update(steps, journal) is False
    before = snapshot(tmp_path)
    other_path = [*steps[:2], FileUpdate(tmp_path / "b.json", setting("a", 1))]
    swapped = [steps[0], steps[2], steps[1]]
    for wrong in (steps[:2], other_path, swapped):
        with caplog.at_level(logging.ERROR, logger="shared.transaction"):
            assert resume_multi_file_update(journal, wrong) is False
    assert "do not match" in caplog.text
    assert snapshot(tmp_path) == before


def test_no_journal_means_nothing_to_resume(tmp_path: Path) -> None:
    call = Calls()
    assert resume_multi_file_update(tmp_path / "none.json", [call]) is True
    assert call.runs == 0


@pytest.mark.parametrize("content", [b"{oops", b"[]", b'{"steps": []}'])
def test_a_corrupt_journal_is_reported(tmp_path: Path, content: bytes) -> None:
    journal = tmp_path / "j.json"
    journal.write_bytes(content)
    with pytest.raises(fileio.CorruptFileError) as caught:
        resume_multi_file_update(journal, [])
    assert str(journal) in str(caught.value)
    assert journal.read_bytes() == content


# --------------------------------------------------------------------------- real kills


def end_state(root: Path) -> dict[str, Any]:
    """Every file's bytes; for the shared statistics, the content without times of writing."""
    state: dict[str, Any] = {}
    for name, raw in snapshot(root).items():
        if name.startswith("Stats/"):
            state[name] = _without_times(json.loads(raw))
        else:
            state[name] = raw
    return state


def _without_times(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items()
                if k not in ("timestamp", "last_updated", "created_at", "last_active")}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def run_crash(root: Path, kill_at: int, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CRASH), str(root), str(kill_at), *extra],
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture(scope="module")
def no_crash_end(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = make_root(tmp_path_factory.mktemp("reference") / "server")
    done = run_crash(root, 0)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"ok": True, "events": EVENTS}
    state = end_state(root)
    summary = "Sessions/CLIENT_M/2026-11-21_1/packing/DHL_Orders/session_summary.json"
    assert summary in state
    stats = state["Stats/global_stats.json"]
    assert (stats["total_sessions"], stats["recorded_ids"]) == (1, ["2026-11-21_1::DHL_Orders"])
    return state


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
@pytest.mark.parametrize("kill_at", range(1, EVENTS + 1))
def test_sigkill_after_every_step_then_resume(
    tmp_path: Path, kill_at: int, no_crash_end: dict[str, Any]
) -> None:
    root = make_root(tmp_path / "server")
    killed = run_crash(root, kill_at)
    assert killed.returncode == -9, killed.stderr
    journal = paths(root)["journal"]
    marked = json.loads(journal.read_bytes())["done"]
    assert marked == list(range((kill_at - 1) // 2))
    assert resume_multi_file_update(journal, build_steps(root)) is True
    assert not journal.exists()
    assert end_state(root) == no_crash_end


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
def test_in_process_rollback_leaves_the_share_as_it_was(tmp_path: Path) -> None:
    root = make_root(tmp_path / "server")
    before = snapshot(root)
    done = run_crash(root, 0, "fail")
    assert done.returncode == 0, done.stderr
    # Journal written, 3 files and their marks, the journal reset, 2 files restored.
    assert json.loads(done.stdout) == {"ok": False, "events": 10}
    assert snapshot(root) == before


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
@pytest.mark.parametrize("kill_at", [8, 9, 10])
def test_sigkill_during_rollback_then_resume(
    tmp_path: Path, kill_at: int, no_crash_end: dict[str, Any]
) -> None:
    root = make_root(tmp_path / "server")
    killed = run_crash(root, kill_at, "fail")
    assert killed.returncode == -9, killed.stderr
    journal = paths(root)["journal"]
    assert json.loads(journal.read_bytes())["done"] == []  # undone: start again from the top
    assert resume_multi_file_update(journal, build_steps(root)) is True
    assert end_state(root) == no_crash_end

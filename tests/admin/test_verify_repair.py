"""`packing-tool verify --repair`: safe fixes only, originals kept, the rest left reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from packing_tool.simulate import simulate
from packing_tool.storage.completion import PLAN_FILENAME
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.session_index import read_index
from tests.admin.test_verify import (
    ENTRY_POINT,
    M_SESSION,
    SESSION,
    found,
    interrupted_ending,
    lock_record,
    rel,
    run,
    snapshot,
    verify_json,
    work,
    write_json,
)


def kept(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.before-repair-*"))


def repair(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    return run(root, capsys, "verify", "--repair", "--yes")


def test_stale_lock_removed_and_kept(share_root: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    lock = work(share_root) / ".session.lock"
    write_json(lock, lock_record(minutes_ago=30))
    original = lock.read_bytes()
    code, out = repair(share_root, capsys)
    assert code == 0, out
    assert not lock.exists()
    [copy] = kept(lock)
    assert copy.read_bytes() == original
    assert f"done     remove the stale lock {rel(work(share_root), share_root)}" in out
    history = (work(share_root) / "lock_history.jsonl").read_text().splitlines()
    assert json.loads(history[-1])["event"] == "release"
    assert verify_json(share_root, capsys)["counts"]["warning"] == 0


def test_live_lock_is_left_alone(share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work_dir = interrupted_ending(share_root)
    lock = work_dir / ".session.lock"
    write_json(lock, lock_record(minutes_ago=0.1))
    before = snapshot(share_root)
    code, out = repair(share_root, capsys)
    assert code == 0  # an ending in progress is not an error
    assert "Nothing can be repaired safely." in out
    assert snapshot(share_root) == before


def test_interrupted_ending_is_finished(share_root: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    work_dir = interrupted_ending(share_root)
    plan = json.loads((work_dir / PLAN_FILENAME).read_text())
    [record] = plan["records"]
    code, out = repair(share_root, capsys)
    assert code == 0, out
    assert "done     finish the interrupted ending" in out
    assert not (work_dir / PLAN_FILENAME).exists()
    assert [p.read_bytes() for p in kept(work_dir / PLAN_FILENAME)] != []
    summary = json.loads((work_dir / "session_summary.json").read_text())
    assert summary["completed_orders"] == summary["total_orders"] == 5
    stats = json.loads((share_root / "Stats" / "global_stats.json").read_text())
    assert record["record_id"] in stats["recorded_ids"]
    assert stats["total_orders_packed"] == 5
    workers = json.loads((share_root / "Workers" / "workers.json").read_text())
    assert workers["workers"][0]["total_orders"] == 5
    index = read_index(ShareLayout(share_root), "M")  # the file plus appended updates
    assert index["entries"][f"{SESSION}::DHL_Orders"]["status"] == "completed"
    assert not (work_dir / ".session.lock").exists()  # the repair's own lock is let go
    # A second repair has nothing left to do and counts nothing twice.
    code, out = repair(share_root, capsys)
    assert "Nothing can be repaired safely." in out
    again = json.loads((share_root / "Stats" / "global_stats.json").read_text())
    assert again["total_orders_packed"] == 5


def test_interrupted_ending_with_a_stale_lock(share_root: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    work_dir = interrupted_ending(share_root)
    write_json(work_dir / ".session.lock", lock_record(minutes_ago=45))
    code, out = repair(share_root, capsys)
    assert code == 0, out
    assert not (work_dir / PLAN_FILENAME).exists()
    assert not (work_dir / ".session.lock").exists()
    assert kept(work_dir / ".session.lock")
    assert (work_dir / "session_summary.json").is_file()


def test_ending_cut_by_a_killed_process_is_finished(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    crash = Path(__file__).parents[1] / "helpers" / "completion_crash.py"
    # Packed first, ended by the killed runs: the order ledger's last packed mark, sent in
    # the background, would otherwise be one of the ending's counted writes, or not.
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    args = ["--root", str(share_root), "simulate", "--client", "M", "--session", SESSION,
            "--list", "DHL_Orders", "--worker", "Anna", "--complete", "--take-over"]
    work_dir = work(share_root)
    # Killed after the ending's 1st, 2nd, … write until the plan is on the share (the writes
    # before it, such as the report, are made again by the next ending).
    for count in range(1, 10):
        killed = subprocess.run(
            [sys.executable, str(crash), str(count), "after", "ending", "--", *args],
            capture_output=True, timeout=120, check=False)
        assert killed.returncode != 0, killed.stderr
        if (work_dir / PLAN_FILENAME).is_file():
            break
    assert (work_dir / PLAN_FILENAME).is_file()
    assert (work_dir / ".session.lock").is_file()  # its process is gone: the lock is stale
    result = verify_json(share_root, capsys)
    assert found(result, "error", rel(work_dir / PLAN_FILENAME, share_root), "interrupted")
    assert found(result, "warning", rel(work_dir / ".session.lock", share_root),
                 "its program no longer runs")
    code, out = repair(share_root, capsys)
    assert code == 0, out
    assert not (work_dir / PLAN_FILENAME).exists()
    assert not (work_dir / ".session.lock").exists()
    stats = json.loads((share_root / "Stats" / "global_stats.json").read_text())
    assert stats["total_orders_packed"] == 5
    assert stats["recorded_ids"] == ["M/2026-11-21_1/DHL_Orders/1/worker_001"]


def test_ending_waits_for_unreadable_statistics(share_root: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    work_dir = interrupted_ending(share_root)
    stats = share_root / "Stats" / "global_stats.json"
    stats.write_bytes(b'{"total_orders_packed": ')
    (share_root / "Stats" / "global_stats.json.bak").unlink(missing_ok=True)
    code, out = repair(share_root, capsys)
    assert code == 1
    assert "not done finish the interrupted ending" in out
    assert "Stats/global_stats.json is unreadable" in out
    assert stats.read_bytes() == b'{"total_orders_packed": '  # never reset
    assert (work_dir / PLAN_FILENAME).exists()


def test_statistics_restored_from_their_sidecar(share_root: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    stats = share_root / "Stats" / "global_stats.json"
    good = json.loads(stats.read_text())
    stats.write_bytes(b"\x00\x00\x00")  # a torn in-place rewrite
    code, out = repair(share_root, capsys)
    assert code == 0, out
    assert json.loads(stats.read_text())["recorded_ids"] == good["recorded_ids"]
    [copy] = kept(stats)
    assert copy.read_bytes() == b"\x00\x00\x00"


def test_wrong_types_in_statistics_go_to_their_normaliser(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    stats = share_root / "Stats" / "global_stats.json"
    doc = json.loads(stats.read_text())
    write_json(stats, {**doc, "total_sessions": "many"})
    code, out = repair(share_root, capsys)
    assert code == 0, out
    fixed = json.loads(stats.read_text())
    assert fixed["_invalid"] == {"total_sessions": "many"}  # kept, never dropped
    assert fixed["recorded_ids"] == doc["recorded_ids"]
    assert fixed["total_orders_packed"] == doc["total_orders_packed"]
    assert json.loads(kept(stats)[0].read_text())["total_sessions"] == "many"
    assert "values of the wrong type were kept under _invalid" in out.split("After repair:")[1]


def test_corrupt_state_rewritten_from_the_journal(share_root: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    state = work(share_root) / "packing_state.json"
    good = json.loads(state.read_text())
    state.write_bytes(b'{"version": "1.3.0", "progr')
    code, out = repair(share_root, capsys)
    assert code == 0, out
    rebuilt = json.loads(state.read_text())
    assert rebuilt["last_seq"] == good["last_seq"] == 13
    assert rebuilt["progress"] == good["progress"]
    assert [o["order_number"] for o in rebuilt["completed"]] == [
        o["order_number"] for o in good["completed"]]
    [copy] = kept(state)
    assert copy.read_bytes() == b'{"version": "1.3.0", "progr'


def test_damaged_and_outdated_index_rebuilt(share_root: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    simulate(share_root, "B", SESSION, "DHL", "Boris")
    m_index = share_root / "Sessions/CLIENT_M/packing_index.json"
    m_index.write_bytes(b"{{{")
    b_index = share_root / "Sessions/CLIENT_B/packing_index.json"
    doc = json.loads(b_index.read_text())
    doc["entries"]["2025-01-01_1::DHL"] = {"session_id": "2025-01-01_1",
                                           "packing_list_name": "DHL", "status": "paused"}
    write_json(b_index, doc)
    code, out = repair(share_root, capsys)
    assert code == 0, out
    rebuilt = json.loads(m_index.read_text())
    assert rebuilt["entries"][f"{SESSION}::DHL_Orders"]["status"] == "completed"
    assert "2025-01-01_1::DHL" not in json.loads(b_index.read_text())["entries"]
    assert kept(m_index)[0].read_bytes() == b"{{{"
    assert kept(b_index)


def test_old_temp_files_deleted_and_kept(share_root: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    temp = work(share_root) / ".packing_state.json.0123456789ab.tmp"
    temp.write_bytes(b'{"half": ')
    os.utime(temp, (time.time() - 3600, time.time() - 3600))
    code, out = repair(share_root, capsys)
    assert code == 0, out
    assert not temp.exists()
    assert kept(temp)[0].read_bytes() == b'{"half": '


def test_what_is_not_safe_stays_reported(share_root: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    summary = work(share_root) / "session_summary.json"
    summary.write_bytes(b'{"version": ')
    info = share_root / M_SESSION / "session_info.json"
    doc = json.loads(info.read_text())
    doc["packing_progress"]["Ghost"] = {"status": "paused"}
    write_json(info, doc)
    lock = work(share_root) / ".session.lock"
    write_json(lock, lock_record(minutes_ago=30))
    theirs = {p: p.read_bytes() for p in [info, *(share_root / M_SESSION).glob("packing_lists/*")]}
    code, out = repair(share_root, capsys)
    assert code == 1
    after = out.split("After repair:")[1]
    assert rel(summary, share_root) in after
    assert "not valid JSON" in after
    assert "Ghost: names a list" in after
    assert "stale lock" not in after  # that one was safe to fix
    assert summary.read_bytes() == b'{"version": '
    assert not kept(summary)
    assert {p: p.read_bytes() for p in theirs} == theirs  # the Shopify Tool's files untouched


def test_declining_changes_nothing(share_root: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    write_json(work(share_root) / ".session.lock", lock_record(minutes_ago=30))
    before = snapshot(share_root)
    code, out = run(share_root, capsys, "verify", "--repair", answer="n\n",
                    monkeypatch=monkeypatch)
    assert code == 0  # a stale lock is a warning
    assert "Nothing repaired." in out
    assert snapshot(share_root) == before


def test_repair_json_reports_each_fix(share_root: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    write_json(work(share_root) / ".session.lock", lock_record(minutes_ago=30))
    (work(share_root) / "packing_state.json").write_bytes(b"")
    result = verify_json(share_root, capsys, "--repair", "--yes")
    assert result["exit_code"] == 0
    assert result["before_repair"]["error"] == 1
    assert [r["done"] for r in result["repairs"]] == [True, True]
    assert result["counts"]["error"] == 0
    assert not found(result, "warning", rel(work(share_root) / ".session.lock", share_root),
                     "stale")


def test_repair_through_a_real_process(share_root: Path) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    lock = work(share_root) / ".session.lock"
    write_json(lock, lock_record(minutes_ago=30))
    declined = subprocess.run([str(ENTRY_POINT), "--root", str(share_root), "verify",
                               "--repair"], input="no\n", capture_output=True, text=True,
                              timeout=120, check=False)
    assert declined.returncode == 0, declined.stderr
    assert "[y/N]" in declined.stderr
    assert lock.exists()
    done = subprocess.run([str(ENTRY_POINT), "--root", str(share_root), "verify", "--repair"],
                          input="y\n", capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert not lock.exists()
    assert kept(lock)

"""`packing-tool verify`: every kind of damage it detects is found, with the file named."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from packing_tool.cli import main
from packing_tool.simulate import simulate
from packing_tool.storage.completion import PLAN_FILENAME, build_plan
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import PackingSession
from shared import fileio
from shared.timestamps import now, to_iso
from shared.worker_manager import WorkerManager

ENTRY_POINT = Path(sys.executable).with_name("packing-tool")
SESSION = "2026-11-21_1"
M_SESSION = Path("Sessions/CLIENT_M") / SESSION


# --------------------------------------------------------------------------- helpers


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str,
        answer: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None
        ) -> tuple[int, str]:
    """Run the command in this process; returns (exit code, stdout)."""
    if answer is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    code = main(["--root", str(root), *args])
    return code, capsys.readouterr().out


def verify_json(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out = run(root, capsys, "verify", "--json", *args)
    result: dict[str, Any] = json.loads(out)
    result["exit_code"] = code
    return result


def found(result: dict[str, Any], severity: str, path: str, text: str) -> bool:
    return any(f["severity"] == severity and f["path"] == path and text in f["message"]
               for f in result["findings"])


def work(root: Path, list_name: str = "DHL_Orders", client: str = "M") -> Path:
    return root / "Sessions" / f"CLIENT_{client}" / SESSION / "packing" / list_name


def rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def lock_record(*, minutes_ago: float, station: str = "PACK-07") -> dict[str, Any]:
    beat = to_iso(now() - timedelta(minutes=minutes_ago))
    return {"locked_by": station, "user_name": "anna", "lock_time": beat, "heartbeat": beat,
            "process_id": 4242, "app_version": "0.1.0", "worker_id": "worker_001",
            "worker_name": "Anna", "lock_id": f"lock-{station}-{minutes_ago}",
            "version": "1.3.0"}


def interrupted_ending(root: Path, list_name: str = "DHL_Orders") -> Path:
    """A packed list whose ending saved its plan and then stopped (as after a crash)."""
    simulate(root, "M", SESSION, list_name, "Anna")
    known = {w.id for w in WorkerManager(root).get_all_workers()}
    session = PackingSession(ShareLayout(root), "M", SESSION, list_name)
    try:
        plan = build_plan(session, now(), ("worker_001", "Anna"), known)
    finally:
        session.close()
    assert plan is not None
    fileio.atomic_write_json(session.work_dir / PLAN_FILENAME, plan)
    return session.work_dir


def snapshot(root: Path) -> dict[str, bytes]:
    return {rel(p, root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- clean shares


def test_fresh_fixtures_have_no_errors(share_root: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    result = verify_json(share_root, capsys)
    assert result["exit_code"] == 0
    assert result["counts"]["error"] == 0
    assert result["counts"]["warning"] == 0
    # The Shopify Tool wrote version 1.0: older, which migrate can bring up.
    assert found(result, "notice", "Stats/global_stats.json", "migrate")
    assert result["checked_files"] >= 9


def test_real_completions_leave_no_errors(share_root: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    simulate(share_root, "B", SESSION, "DHL", "Boris", complete=True)
    simulate(share_root, "M", SESSION, "DPD_Orders", "Anna")  # packed, not ended
    code, out = run(share_root, capsys, "verify")
    assert code == 0, out
    assert out.strip().splitlines()[-1].endswith("0 errors, 0 warnings, 0 notices"), out
    result = verify_json(share_root, capsys)
    assert result["counts"] == {"error": 0, "warning": 0, "notice": 0}


def test_missing_root_exits_2_naming_it(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    code = main(["--root", str(missing), "verify"])
    assert code == 2
    assert str(missing) in capsys.readouterr().err
    assert not missing.exists()


# --------------------------------------------------------------------------- schema damage


@pytest.mark.parametrize(("name", "content", "message"), [
    ("session_summary.json", b'{"version": "1.3.0", "session_id": ', "not valid JSON"),
    ("session_summary.json", b"", "the file is empty"),
    ("session_summary.json", b"[1, 2]", "top level is a list"),
    ("packing_state.json", b"\xff\xfe{", "not UTF-8"),
])
def test_unreadable_files_are_errors(share_root: Path, capsys: pytest.CaptureFixture[str],
                                     name: str, content: bytes, message: str) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    target = work(share_root) / name
    target.write_bytes(content)
    result = verify_json(share_root, capsys)
    assert result["exit_code"] == 1
    assert found(result, "error", rel(target, share_root), message), result["findings"]


def test_empty_workers_file(share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = share_root / "Workers" / "workers.json"
    path.parent.mkdir()
    path.write_bytes(b"  \n")
    result = verify_json(share_root, capsys)
    assert result["exit_code"] == 1
    assert found(result, "error", "Workers/workers.json", "the file is empty")


def test_wrong_types_are_named_by_key(share_root: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    state_path = work(share_root) / "packing_state.json"
    state = json.loads(state_path.read_text())
    state["progress"]["completed_orders"] = "five"
    state["completed"] = {"#1": 1}
    write_json(state_path, state)
    stats_path = share_root / "Stats" / "global_stats.json"
    stats = json.loads(stats_path.read_text())
    stats["total_sessions"] = "many"
    write_json(stats_path, stats)
    workers_path = share_root / "Workers" / "workers.json"
    workers = json.loads(workers_path.read_text())
    workers["workers"][0]["total_orders"] = -3
    write_json(workers_path, workers)
    result = verify_json(share_root, capsys)
    state_rel = rel(state_path, share_root)
    assert found(result, "error", state_rel, "progress.completed_orders: must be a whole number")
    assert found(result, "error", state_rel, "completed: must be a list")
    assert found(result, "error", "Stats/global_stats.json", "total_sessions: must be")
    assert found(result, "error", "Workers/workers.json", "workers[0].total_orders")
    assert result["exit_code"] == 1


def test_missing_keys_in_a_current_summary(share_root: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    path = work(share_root) / "session_summary.json"
    summary = json.loads(path.read_text())
    del summary["completed_at"]
    summary["orders"][0]["items"][0]["quantity"] = "2"
    write_json(path, summary)
    result = verify_json(share_root, capsys)
    assert found(result, "error", rel(path, share_root), "completed_at: missing")
    assert found(result, "error", rel(path, share_root), "orders[0].items[0].quantity")


def test_versions_older_unknown_and_newer(share_root: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    simulate(share_root, "M", SESSION, "DPD_Orders", "Anna")
    summary_path = work(share_root) / "session_summary.json"
    summary = json.loads(summary_path.read_text())
    write_json(summary_path, {**summary, "version": "banana"})
    state_path = work(share_root, "DPD_Orders") / "packing_state.json"
    state = json.loads(state_path.read_text())
    del state["version"]
    write_json(state_path, state)
    workers_path = share_root / "Workers" / "workers.json"
    workers = json.loads(workers_path.read_text())
    write_json(workers_path, {**workers, "version": "9.0"})
    result = verify_json(share_root, capsys)
    assert found(result, "error", rel(summary_path, share_root), "unknown version 'banana'")
    assert found(result, "notice", rel(state_path, share_root), "no version")
    assert found(result, "warning", "Workers/workers.json", "newer than this program knows")


# --------------------------------------------------------------------------- cross-references


def test_summary_naming_an_unknown_worker(share_root: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    path = work(share_root) / "session_summary.json"
    summary = json.loads(path.read_text())
    summary["workers"][0]["worker_id"] = "worker_077"
    write_json(path, summary)
    result = verify_json(share_root, capsys)
    assert found(result, "warning", rel(path, share_root),
                 "worker_077, not in Workers/workers.json")


def test_summary_of_another_session_and_a_wrong_count(share_root: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    path = work(share_root) / "session_summary.json"
    summary = json.loads(path.read_text())
    summary["session_id"] = "2026-11-20_3"
    summary["completed_orders"] = 4
    write_json(path, summary)
    result = verify_json(share_root, capsys)
    where = rel(path, share_root)
    assert found(result, "error", where, "session_id '2026-11-20_3' disagree")
    assert found(result, "error", where, "completed_orders is 4, the journal has 5")
    assert result["exit_code"] == 1


def test_state_count_disagreeing_with_the_journal(share_root: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    path = work(share_root) / "packing_state.json"
    state = json.loads(path.read_text())
    state["progress"]["completed_orders"] = 2
    write_json(path, state)
    result = verify_json(share_root, capsys)
    assert found(result, "error", rel(path, share_root), "completed_orders is 2, the journal has 5")


def test_work_folder_without_its_list(share_root: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    orphan = share_root / M_SESSION / "packing" / "GLS_Orders"
    orphan.mkdir(parents=True)
    result = verify_json(share_root, capsys)
    assert found(result, "warning", rel(orphan, share_root), "no packing list of that name")


def test_progress_and_index_naming_what_does_not_exist(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    info_path = share_root / M_SESSION / "session_info.json"
    info = json.loads(info_path.read_text())
    info["packing_progress"]["Ghost_Orders"] = {"status": "in_progress"}
    write_json(info_path, info)
    index_path = share_root / "Sessions" / "CLIENT_M" / "packing_index.json"
    index = json.loads(index_path.read_text())
    index["entries"]["2026-10-01_1::DHL_Orders"] = {
        **index["entries"][f"{SESSION}::DHL_Orders"], "session_id": "2026-10-01_1"}
    write_json(index_path, index)
    result = verify_json(share_root, capsys)
    assert found(result, "warning", rel(info_path, share_root), "Ghost_Orders: names a list")
    assert found(result, "warning", "Sessions/CLIENT_M/packing_index.json",
                 "sessions that no longer exist: 2026-10-01_1")


def test_plan_records_are_compared_with_the_statistics(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work_dir = interrupted_ending(share_root)
    result = verify_json(share_root, capsys)
    assert result["exit_code"] == 1
    assert found(result, "error", rel(work_dir / PLAN_FILENAME, share_root),
                 "an ending was interrupted (0 of 1 statistics records counted)")


def test_archived_sessions_and_barcode_maps_are_checked(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    archived = share_root / "Archive" / "Sessions" / "CLIENT_M" / SESSION
    archived.parent.mkdir(parents=True)
    (share_root / M_SESSION).rename(archived)
    summary = archived / "packing" / "DHL_Orders" / "session_summary.json"
    summary.write_bytes(b"{")
    config = share_root / "Clients" / "CLIENT_M" / "packer_config.json"
    write_json(config, {"sku_mapping": {"4800001": "MC-1", "4800002": None}})
    bad_config = share_root / "Clients" / "CLIENT_B" / "packer_config.json"
    write_json(bad_config, {"sku_mapping": ["4800001", "MC-1"]})
    result = verify_json(share_root, capsys)
    assert found(result, "error", rel(summary, share_root), "not valid JSON")
    assert found(result, "warning", rel(config, share_root), "1 barcodes map to no SKU")
    assert found(result, "error", rel(bad_config, share_root), "sku_mapping: must be an object")


def test_orphan_folder_state_is_not_offered_for_rewriting(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    orphan = share_root / M_SESSION / "packing" / "Old_Orders"
    work(share_root).rename(orphan)
    (orphan / "packing_state.json").write_bytes(b"")
    result = verify_json(share_root, capsys)
    [finding] = [f for f in result["findings"]
                 if f["path"] == rel(orphan / "packing_state.json", share_root)]
    assert finding["severity"] == "error"
    assert finding["repair"] is None  # no list to replay the journal against


# --------------------------------------------------------------------------- locks, journal, temp


def test_stale_and_live_locks(share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stale = work(share_root) / ".session.lock"
    live = work(share_root, "DPD_Orders") / ".session.lock"
    write_json(stale, lock_record(minutes_ago=30))
    write_json(live, lock_record(minutes_ago=0.1, station="PACK-09"))
    result = verify_json(share_root, capsys)
    assert found(result, "warning", rel(stale, share_root), "stale lock of station PACK-07")
    assert found(result, "notice", rel(live, share_root), "being packed now by station PACK-09")
    assert result["exit_code"] == 0


def test_interrupted_ending_of_a_live_list_is_only_a_notice(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work_dir = interrupted_ending(share_root)
    write_json(work_dir / ".session.lock", lock_record(minutes_ago=0.1))
    result = verify_json(share_root, capsys)
    assert found(result, "notice", rel(work_dir / PLAN_FILENAME, share_root), "being ended now")
    assert result["counts"]["error"] == 0


def test_torn_and_damaged_journal_lines(share_root: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    simulate(share_root, "M", SESSION, "DPD_Orders", "Anna")
    torn = work(share_root) / "scan_journal.jsonl"
    with torn.open("ab") as fh:
        fh.write(b'{"seq": 14, "kind": "sc')
    damaged = work(share_root, "DPD_Orders") / "scan_journal.jsonl"
    lines = damaged.read_bytes().split(b"\n")
    lines[2] = b"{not json"
    damaged.write_bytes(b"\n".join(lines))
    result = verify_json(share_root, capsys)
    assert found(result, "warning", rel(torn, share_root), "the last line is torn")
    assert found(result, "error", rel(damaged, share_root), "line 3 cannot be read")
    assert not any(f["severity"] == "error" and f["path"] == rel(torn, share_root)
                   for f in result["findings"])


def test_journal_with_a_gap(share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    path = work(share_root) / "scan_journal.jsonl"
    lines = path.read_bytes().splitlines()
    path.write_bytes(b"\n".join(lines[:4] + lines[5:]) + b"\n")
    result = verify_json(share_root, capsys)
    assert found(result, "error", rel(path, share_root), "line 5 holds event 6, expected 5")


def test_old_temp_files_are_found_young_ones_are_not(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    old = work(share_root) / ".packing_state.json.0123456789ab.tmp"
    young = work(share_root) / ".packing_state.json.ba9876543210.tmp"
    stats_tmp = share_root / "Stats" / ".global_stats.json.bak.aaaaaaaaaaaa.tmp"
    for path in (old, young, stats_tmp):
        path.write_bytes(b'{"half": ')
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(stats_tmp, (hour_ago, hour_ago))
    result = verify_json(share_root, capsys)
    assert found(result, "warning", rel(old, share_root), "leftover temp file")
    assert found(result, "warning", rel(stats_tmp, share_root), "leftover temp file")
    assert not any(f["path"] == rel(young, share_root) for f in result["findings"])


def test_text_report_groups_by_file_and_ends_with_counts(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    summary = work(share_root) / "session_summary.json"
    summary.write_bytes(b"{")
    write_json(work(share_root) / ".session.lock", lock_record(minutes_ago=30))
    code, out = run(share_root, capsys, "verify")
    assert code == 1
    lines = out.splitlines()
    header = lines.index(rel(summary, share_root))
    assert lines[header + 1].startswith("  error    not valid JSON")
    assert any(line.startswith("  warning  stale lock") for line in lines)
    assert lines[-1].endswith("1 error, 1 warning, 0 notices")


# --------------------------------------------------------------------------- a real process


def test_verify_through_a_real_process(share_root: Path) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    clean = subprocess.run([str(ENTRY_POINT), "--root", str(share_root), "verify", "--json"],
                           capture_output=True, text=True, timeout=120, check=False)
    assert clean.returncode == 0, clean.stderr
    assert json.loads(clean.stdout)["counts"]["error"] == 0
    assert "verify: " in clean.stderr  # progress lines
    (work(share_root) / "packing_state.json").write_bytes(b"")
    broken = subprocess.run([str(ENTRY_POINT), "--root", str(share_root), "verify"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert broken.returncode == 1
    assert rel(work(share_root) / "packing_state.json", share_root) in broken.stdout
    missing = subprocess.run([str(ENTRY_POINT), "--root", str(share_root / "gone"), "verify"],
                             capture_output=True, text=True, timeout=60, check=False)
    assert missing.returncode == 2
    assert str(share_root / "gone") in missing.stderr

"""`packing-tool migrate`: older files brought up to date, originals kept, a second run idle."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from packing_tool.simulate import simulate
from shared.compat import CURRENT_VERSIONS, load_with_compatibility
from tests.admin.test_verify import (
    ENTRY_POINT,
    M_SESSION,
    SESSION,
    found,
    lock_record,
    rel,
    run,
    snapshot,
    verify_json,
    work,
    write_json,
)
from tests.shared.test_compat import AUDIT_STATE, AUDIT_WORKERS, MAIN_PY_LEGACY, PACKER_LOGIC_NESTED

# The older packer's files, as docs/metadata.md describes them, placed where they belong.
OLD_SUMMARY: dict[str, Any] = {**MAIN_PY_LEGACY, "session_id": SESSION,
                               "packing_list_name": "DHL_Orders", "worker_id": None}
NESTED_SUMMARY: dict[str, Any] = {**PACKER_LOGIC_NESTED, "session_id": SESSION,
                                  "packing_list_name": "DPD_Orders"}
OLD_STATE: dict[str, Any] = {**AUDIT_STATE, "session_id": SESSION,
                             "in_progress": {**AUDIT_STATE["in_progress"], "#9": "oops"}}


def kept(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.before-migrate-*"))


def old_share(root: Path) -> dict[Path, bytes]:
    """Older files of each kind; returns their original bytes."""
    files = {
        work(root) / "session_summary.json": OLD_SUMMARY,
        work(root) / "packing_state.json": OLD_STATE,
        work(root, "DPD_Orders") / "session_summary.json": NESTED_SUMMARY,
        root / "Workers" / "workers.json": AUDIT_WORKERS,
    }
    for path, doc in files.items():
        write_json(path, doc)
    stats = root / "Stats" / "global_stats.json"  # the Shopify Tool's "1.0"
    return {**{p: p.read_bytes() for p in files}, stats: stats.read_bytes()}


def migrate(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    return run(root, capsys, "migrate", *args)


def test_old_files_are_upgraded_and_kept(share_root: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    originals = old_share(share_root)
    code, out = migrate(share_root, capsys, "--yes")
    assert code == 0, out
    for path, raw in originals.items():
        doc = json.loads(path.read_text())
        kind = "global_stats" if path.name == "global_stats.json" else (
            "workers" if path.name == "workers.json" else
            "session_summary" if path.name == "session_summary.json" else "packing_state")
        assert doc["version"] == CURRENT_VERSIONS[kind], path
        assert "load_warnings" not in doc
        [copy] = kept(path)
        assert copy.read_bytes() == raw
        assert load_with_compatibility(path, kind=kind)["version"] == CURRENT_VERSIONS[kind]
    assert f"{rel(work(share_root) / 'session_summary.json', share_root)}: 1.0 → 1.3.0" in out
    assert "Stats/global_stats.json: 1.0 → 2.0" in out
    assert "Workers/workers.json: none → 1.3.0" in out
    assert "note: in_progress['#9']: order state is str, not a list; dropped" in out
    stats = json.loads((share_root / "Stats" / "global_stats.json").read_text())
    assert stats["total_orders_analyzed"] == 624  # figures kept
    assert len(stats["analysis_history"]) == 3
    summary = json.loads((work(share_root) / "session_summary.json").read_text())
    assert summary["packed_items"] == 170
    assert summary["pc_name"] == "WAREHOUSE-PC-01"
    workers = json.loads((share_root / "Workers" / "workers.json").read_text())
    assert workers["workers"][0]["total_orders"] == 2500
    assert workers["workers"][0]["version"] == "1.3.0"
    result = verify_json(share_root, capsys)
    assert not any("migrate" in f["message"] for f in result["findings"])
    assert "7 files looked at" not in out  # only existing files are counted
    assert out.strip().splitlines()[-1] == (
        "5 files looked at: 5 upgraded, 0 up to date, 0 skipped, 0 unreadable or failed")


def test_second_run_changes_nothing(share_root: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    old_share(share_root)
    simulate(share_root, "B", SESSION, "DHL", "Boris", complete=True)
    assert migrate(share_root, capsys, "--yes")[0] == 0
    before = snapshot(share_root)
    code, out = migrate(share_root, capsys, "--yes")
    assert code == 0
    assert "Nothing to migrate" in out
    assert snapshot(share_root) == before


def test_current_files_are_not_touched(share_root: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna", complete=True)
    before = snapshot(share_root)
    code, out = migrate(share_root, capsys, "--yes")
    assert code == 0
    assert "Nothing to migrate" in out
    assert snapshot(share_root) == before


def test_live_list_is_skipped_stale_one_is_not(share_root: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    originals = old_share(share_root)
    write_json(work(share_root) / ".session.lock", lock_record(minutes_ago=0.1))
    stale = work(share_root, "DPD_Orders") / ".session.lock"
    write_json(stale, lock_record(minutes_ago=30, station="PACK-02"))
    stale_bytes = stale.read_bytes()
    code, out = migrate(share_root, capsys, "--yes")
    assert code == 0, out
    summary = work(share_root) / "session_summary.json"
    assert summary.read_bytes() == originals[summary]
    assert not kept(summary)
    skipped = out.split("Skipped (2):")[1]
    assert f"{rel(summary, share_root)}: the list is being packed (station PACK-07" in skipped
    nested = work(share_root, "DPD_Orders") / "session_summary.json"
    assert json.loads(nested.read_text())["version"] == "1.3.0"
    assert stale.read_bytes() == stale_bytes  # a stale lock is left for its owner or verify


def test_corrupt_file_reported_and_the_run_goes_on(share_root: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    old_share(share_root)
    broken = work(share_root, "PostOne_Orders") / "packing_state.json"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b'{"completed": [')
    code, out = migrate(share_root, capsys, "--yes")
    assert code == 1
    problems = out.split("could not be read or upgraded (1):")[1]
    assert f"{rel(broken, share_root)}: not valid JSON" in problems
    assert broken.read_bytes() == b'{"completed": ['
    assert not kept(broken)
    assert json.loads((share_root / "Workers/workers.json").read_text())["version"] == "1.3.0"


def test_dry_run_and_declining_change_nothing(share_root: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    old_share(share_root)
    before = snapshot(share_root)
    code, out = migrate(share_root, capsys, "--dry-run")
    assert code == 0
    assert "Would upgrade (5):" in out
    assert "Stats/global_stats.json: 1.0 → 2.0" in out
    assert snapshot(share_root) == before
    code, out = run(share_root, capsys, "migrate", answer="n\n", monkeypatch=monkeypatch)
    assert code == 1
    assert "not confirmed; nothing changed" in out
    assert snapshot(share_root) == before


def test_workers_with_unversioned_profiles(share_root: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = share_root / "Workers" / "workers.json"
    write_json(path, {**AUDIT_WORKERS, "version": "1.3.0"})  # top level current, profiles not
    code, out = migrate(share_root, capsys, "--yes", "--json")
    assert code == 0
    result = json.loads(out)
    [entry] = [u for u in result["upgraded"] if u["path"] == "Workers/workers.json"]
    assert (entry["from"], entry["to"]) == ("1.3.0 (profiles of an older version)", "1.3.0")
    assert entry["kept_at"].startswith("Workers/workers.json.before-migrate-")
    assert json.loads(path.read_text())["workers"][0]["version"] == "1.3.0"
    assert result["counts"]["upgraded"] == 2  # and the statistics


def test_migrated_share_verifies_and_resumes(share_root: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """The older packer's state of a real list, upgraded, is still resumed from."""
    simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    state_path = work(share_root) / "packing_state.json"
    state = json.loads(state_path.read_text())
    (work(share_root) / "scan_journal.jsonl").unlink()
    old = {k: v for k, v in state.items() if k not in ("version", "last_seq")}
    old["completed"] = [o["order_number"] for o in state["completed"][:3]]
    old["progress"] = {**state["progress"], "completed_orders": 3}
    write_json(state_path, old)
    assert migrate(share_root, capsys, "--yes")[0] == 0
    assert json.loads(state_path.read_text())["version"] == "1.3.0"
    result = simulate(share_root, "M", SESSION, "DHL_Orders", "Anna")
    assert result["orders_packed"] == 5
    assert result["scans"] < 13  # the three imported orders were not packed again
    assert not found(verify_json(share_root, capsys), "error", rel(state_path, share_root), "")


def test_archived_lists_are_migrated(share_root: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    archived = share_root / "Archive" / "Sessions" / "CLIENT_M" / SESSION / "packing" / "DHL"
    write_json(archived / "session_summary.json", OLD_SUMMARY)
    code, out = migrate(share_root, capsys, "--yes")
    assert code == 0, out
    assert json.loads((archived / "session_summary.json").read_text())["version"] == "1.3.0"
    assert kept(archived / "session_summary.json")


def test_migrate_through_a_real_process(share_root: Path) -> None:
    old_share(share_root)
    first = subprocess.run([str(ENTRY_POINT), "--root", str(share_root), "migrate", "--yes"],
                           capture_output=True, text=True, timeout=120, check=False)
    assert first.returncode == 0, first.stderr
    assert "Upgraded (5):" in first.stdout
    assert "migrate: " in first.stderr  # progress
    second = subprocess.run([str(ENTRY_POINT), "--root", str(share_root), "migrate",
                             "--dry-run"], capture_output=True, text=True, timeout=120,
                            check=False)
    assert second.returncode == 0
    assert "Nothing to migrate" in second.stdout
    missing = subprocess.run([str(ENTRY_POINT), "--root", str(share_root / "gone"), "migrate"],
                             capture_output=True, text=True, timeout=60, check=False)
    assert missing.returncode == 2
    assert str(share_root / "gone") in missing.stderr
    assert (share_root / M_SESSION / "session_info.json").is_file()

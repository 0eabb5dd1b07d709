"""`verify` accepts the Shopify Tool's own statistics and worker files in every version the
tools write them (docs: /work/shared/docs/shopify-tool-formats.md §9 and §11).

Version 1.0 is the real fixture, untouched. Versions 1.3.0 (the original packing tool's
StatsManager and WorkerManager) and 2.0 (the fork's StatsManager) are the same fixture
rewritten the way those tools write it: the same structure, time-zone aware timestamps,
and for 2.0 the label-printing keys. Each share is a fresh copy; nothing of ours is added.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.admin.test_verify import verify_json

STATS = "Stats/global_stats.json"
WORKERS = "Workers/workers.json"


def _aware(stamp: str) -> str:
    return stamp if "+" in stamp[10:] else stamp + "+02:00"


def _tool_1_3(doc: dict[str, Any]) -> dict[str, Any]:
    """The original packing tool's StatsManager: same keys, aware times, version 1.3.0."""
    for record in doc["analysis_history"]:
        record["timestamp"] = _aware(record["timestamp"])
    doc["packing_history"].append({
        "timestamp": "2026-11-21T09:30:00.120000+02:00", "client_id": "M",
        "session_id": "2026-11-21_1", "worker_id": "worker_001", "orders_count": 3,
        "items_count": 7, "metadata": {"start_time": "2026-11-21T09:00:00+02:00",
                                       "end_time": "2026-11-21T09:30:00+02:00",
                                       "duration_seconds": 1800}})
    doc["total_orders_packed"] += 3
    doc["total_sessions"] += 1
    doc["by_client"]["M"]["orders_packed"] += 3
    doc["by_client"]["M"]["sessions"] += 1
    doc["last_updated"] = _aware(doc["last_updated"])
    doc["version"] = "1.3.0"
    return doc


def _fork_2_0(doc: dict[str, Any]) -> dict[str, Any]:
    """The fork's StatsManager v2.0: the 1.3.0 shape plus label printing."""
    doc = _tool_1_3(doc)
    doc["total_labels_printed"] = 12
    doc["label_print_history"] = [
        {"timestamp": "2026-11-21T08:10:00.500000+02:00", "client_id": "B",
         "sku": "0012345678905", "copies": 12}]
    for client in doc["by_client"].values():
        client["labels_printed"] = 0
    doc["by_client"]["B"]["labels_printed"] = 12
    doc["version"] = "2.0"
    return doc


WORKERS_1_3 = {"workers": [
    {"id": "worker_001", "name": "Dolphin", "created_at": "2026-11-01T08:00:00+02:00",
     "total_sessions": 1, "total_orders": 3, "total_items": 7,
     "total_duration_seconds": 1800, "avg_time_per_order": 600.0,
     "avg_orders_per_session": 3.0, "last_active": "2026-11-21T09:30:00+02:00",
     "last_session_id": "2026-11-21_1", "version": "1.3.0"},
    {"id": "worker_002", "name": "Мария", "created_at": "2026-11-02T08:00:00+02:00",
     "total_sessions": 0, "total_orders": 0, "total_items": 0,
     "total_duration_seconds": 0, "avg_time_per_order": 0.0,
     "avg_orders_per_session": 0.0, "last_active": None,
     "last_session_id": None, "version": "1.3.0"}],
    "version": "1.3.0"}


def _write_tool_json(path: Path, doc: dict[str, Any]) -> None:
    """As StatsManager writes: indent 4, not ASCII-escaped, no temp file of ours."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=4, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("version", ["1.0", "1.3.0", "2.0"])
def test_tool_files_of_every_version_pass(version: str, share_root: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    stats_path = share_root / STATS
    original = json.loads(stats_path.read_text(encoding="utf-8"))
    assert original["version"] == "1.0"  # the fixture as the Shopify Tool wrote it
    if version != "1.0":
        _write_tool_json(stats_path, (_tool_1_3 if version == "1.3.0" else _fork_2_0)(original))
        _write_tool_json(share_root / WORKERS, WORKERS_1_3)
    before = stats_path.read_bytes()
    result = verify_json(share_root, capsys)
    about_ours = [f for f in result["findings"]
                  if f["path"] in (STATS, WORKERS) and f["severity"] != "notice"]
    assert about_ours == []
    assert result["counts"]["error"] == 0, result["findings"]
    assert result["exit_code"] == 0
    assert stats_path.read_bytes() == before  # verify never touches the tool's file


def test_really_broken_stats_are_still_an_error(share_root: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    doc = _fork_2_0(json.loads((share_root / STATS).read_text(encoding="utf-8")))
    del doc["total_orders_packed"]  # a key every version of the tools writes
    doc["total_labels_printed"] = "twelve"
    _write_tool_json(share_root / STATS, doc)
    result = verify_json(share_root, capsys)
    assert result["exit_code"] == 1
    messages = [f["message"] for f in result["findings"] if f["path"] == STATS]
    assert any("total_orders_packed: missing" in m for m in messages)
    assert any("total_labels_printed" in m for m in messages)
